"""The typing rules: each reads an entity's evidence and returns a type and a reason, or passes.

``_RULES`` is the ordered table; the first rule that speaks decides, and the last (the
default) always does."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TypeGuard

from reader.core.lexicon import words
from reader.core.model import SourceType
from reader.core.source_types.context import _GENERIC_PEOPLE, _party_affiliation
from reader.core.source_types.names import AROUND_A_NAME, _looks_like_outlet, _Mention, _prenominal_role
from reader.core.source_types.words import _Cue, _cues, _first, _normalize, _singular

# What a named source can be described as and be an outlet ("…, the city's largest
# newspaper"), unlike formats it appears in ("a Bloomberg interview", "a 2016 story").
_OUTLET_NOUNS = {
    "newspaper",
    "paper",
    "magazine",
    "network",
    "broadcaster",
    "channel",
    "station",
    "website",
    "site",
    "tabloid",
    "daily",
    "weekly",
    "journal",
    "outlet",
    "publication",
    "agency",
    "wire",
    "service",
    "newsletter",
    "blog",
    "radio",
    "television",
}
# Formats a named person appears in, which make no outlet of them ("in a Bloomberg interview").
_FORMAT_WORDS = {"interview", "story", "piece", "article", "segment", "headline", "profile", "feature"}
_INDIVIDUAL_INSIDERS = {
    "official",
    "aide",
    "adviser",
    "advisor",
    "staffer",
    "member",
    "strategist",
    "operative",
    "consultant",
    "insider",
    "person",
    "lawmaker",
    "diplomat",
    "officer",
}
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person|people|men|women)|press secretary|press office)", re.I)
_SHARE_IN_DIGITS = r"\d+(?:\.\d+)?\s*(?:%|percent)"
_GROUP_QUANTIFIER = re.compile(
    r"^(?:some|several|many|few|a few|other|others|most|those|certain"
    # shares of those asked: "majorities in all five", "42%", "26 percent", "a third"
    rf"|(?:a )?majorit(?:y|ies)|(?:a )?minority|half|{_SHARE_IN_DIGITS}"
    r"|a (?:third|quarter|fifth))(?:\b|(?<=%))",
    re.I,
)
_SHARE = re.compile(_SHARE_IN_DIGITS)
_STATE_MEDIA = re.compile(r"\bstate(?:-run|-owned)?\s+(?:news agency|media|television|tv|broadcaster|radio)", re.I)
_LEAKED = re.compile(r"\b(?:leaked|hacked|obtained by|wikileaks)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")


# "47 percent", "Twenty-four percent of voters", "two in three", "a majority of": poll shares.
_SHARE = re.compile(
    r"^(?:(?:about|nearly|almost|roughly|around|some|just|only|over|under|more than|fewer than|less than)\s+){0,2}"
    r"(?:[\w-]+ (?:percent|per cent)|\d+(?:\.\d+)?\s?%|(?:\d+|one|two|three|four|five|six|seven|eight|nine) "
    r"(?:in|out of) (?:\d+|[a-z]+(?:-[a-z]+)?)\b|"
    r"(?:a |the )?(?:majority|minority|plurality|third|quarter|half)\b"
    # a bare count ("43 said the same"): a share of those polled or counted
    r"|\d+(?:\.\d+)?$)",
    re.I,
)
_APPOSITIVE_FORMER = re.compile(
    r"(?<!to )(?<!for )(?<!of )(?<!under )(?<!with )\b(?:former|ex-|one-time|onetime|retired)\b"
    r"|\bwho (?:once )?(?:worked|served) (?:for|as|under|in the)\b"
    r"|\bwho (?:once |previously |formerly )?(?:helmed|led|ran|chaired|headed|directed)\b"
    r"|\bwho was (?-i:(?:[A-Z][\w.]* )*[A-Z][\w-]*'s)\b"
    r"|\bunder (?:former )?presidents?\b|^\W*(?:who was\s+)?then\b",
    re.I,
)
_FORMER_STAFF = re.compile(
    r"\b(?:former|ex-|one-time|onetime)\s+(?:[\w'-]+\s+){0,3}?(?:advis[eo]r|aide|staffer|strategist|"
    r"consultant|speechwriter|operative)s?\b",
    re.I,
)
_PRENOMINAL_FORMER = re.compile(r"(?<![\w-])(?:former|ex-)(?=\s*[A-Za-z])", re.I)
_ELECTED = re.compile(
    r"(?:\bformer\s+|(?<![\w-])ex-\s*)(?:[\w.-]+\s+){0,2}?(?:president|vice president|senator|sen\.|governor|gov\.|"
    r"secretary of state|prime minister|congressman|congresswoman|representative|rep\.|mayor|speaker)(?!\w)",
    re.I,
)
_WEB_ADDRESS = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|fr|de|ru|ua|in|io|news)\b", re.I)
_NOT_AFFILIATED = re.compile(r"\b(?:not|un)\s*-?(?:affiliated|associated|connected)\b", re.I)
_FORMER_WORD = re.compile(r"\b(?:former|ex-|one-time|onetime|retired|who (?:was|worked|served))", re.I)
_PARTY_ADJECTIVES = (
    r"(?:Democratic|Republican|GOP|Conservative|Labour|Liberal|Progressive|Green|"
    r"Independent|Libertarian|Socialist|Tory|Veteran|Longtime|Senior|Top|Former)"
)
_STAFF_WORDS = (
    r"(?:advis[eo]rs?|aides?|staffers?|strategists?|consultants?|pollsters?|operatives?|"
    r"speechwriters?|assistants?|counselors?)"
)
_ATTACHED = re.compile(
    rf"(?:'s|s')\s+(?:\w+\s+){{0,3}}?{_STAFF_WORDS}\b|\b{_STAFF_WORDS}\s+(?:to|for|with)\b"
    # "Clinton adviser" works for Clinton; "Democratic pollster" works for no one in particular
    rf"|\b(?!{_PARTY_ADJECTIVES}\b)(?-i:[A-Z][\w-]+)\s+(?:(?:senior|top|chief|longtime)\s+)?{_STAFF_WORDS}\b",
    re.I,
)


# "Jane Roe of The Daily Example", "Example's Jane Roe": an affiliation with no office.
_AFFILIATED_PERSON = re.compile(
    # "Lord Nicholls of Birkenhead" is a peer's title, not an affiliation
    r"^(?!(?:Lord|Lady|Baroness|Baron|Earl|Viscount)\s)(?:[A-Z][\w'-]+\s){1,3}(?:of|at|with)\s+(?:the\s+|The\s+)?[A-Z]"
    r"|^(?:As\s+)?(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w-]+(?:'s|s')\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+$"
)
_INNER_STAFF = {
    "aide",
    "staffer",
    "assistant",
    "speechwriter",
    "adviser",
    "advisor",
    "senior adviser",
    "top aide",
    "counselor",
}
_PARTY_MEMBERS = {"republicans", "democrats", "gop"}
# "Some firms say": a part of an industry is no institution speaking for itself.
_PRIVATE_BODIES = {
    "company",
    "companies",
    "firm",
    "corporation",
    "business",
    "group",
    "charity",
    "charities",
    "foundation",
    "bank",
    "retailer",
    "organisation",
    "organization",
    "association",
    "union",
}


@dataclass(frozen=True, slots=True)
class _EntityFacts:
    """What :func:`describe_source` gathered about one entity for the typing rules."""

    own: tuple[_Mention, ...]  # the mentions that share the entity's key name
    roles: tuple[str, ...]  # role phrases of those mentions (then of their sentences)
    raw_appositives: tuple[str, ...]  # what follows each mention's head ("X, a professor at ...")
    name: str  # the canonical name
    named: bool  # the entity has a proper (key) name
    aged: bool  # a mention is followed by an age ("X, 54,")
    anonymous_context: bool  # a sentence around it states that the source is anonymous
    person: bool  # a person: the resolver took it for one and "he" or "she" refers to it
    speaks_as_we: bool  # a quotation of theirs says "we" or "our": they speak for a body


@dataclass(frozen=True, slots=True)
class _Evidence(_EntityFacts):
    """An entity's facts and what the typing rules derive from them (computed once)."""

    texts: tuple[str, ...]
    pool: str
    cues: tuple[_Cue, ...]
    cats: frozenset[str]
    in_name: frozenset[str]
    former: str | None


# "the editorial board of the Washington Post Trump said": role words that end in "of the" belong
# to the organisation named after them (a comma left out), not to the speaker
_DANGLING_ROLE = re.compile(r"\b(?:of|for|with|at)(?:\s+the)?$", re.I)


def _not_dangling(role: str | None) -> TypeGuard[str]:
    # "friends of", "supporters of": people around the name after them, described by it
    return bool(role) and (not _DANGLING_ROLE.search(role or "") or bool(AROUND_A_NAME.search(role or "")))


def _evidence(facts: _EntityFacts) -> _Evidence:
    """The facts with the texts, cues and 'former' marker the rules read, derived once."""
    # A proper-name mention contributes its role and name, not the rest of its text
    # (a title-case headline around the name is no description of it).
    texts = [
        " ".join(filter(_not_dangling, (_prenominal_role(p.text), p.role, p.name))) if p.proper else p.text
        for p in facts.own
    ]
    roles = [r for r in facts.roles if _not_dangling(r)]
    texts += [*roles, *(r for r in facts.raw_appositives if r and r not in facts.roles)]
    name = facts.name
    in_name = frozenset(c.word for c in _cues(name)) if facts.named and len(name.split()) > 1 else frozenset()
    # Title words inside an organisation's own name ("Morning Leader", "General Widgets") are no titles.
    # A person's surname is no role either ("Jon Tester", "Guy Chambers").
    surname = name.split()[-1].lower() if facts.person and facts.named and len(name.split()) > 1 else None
    cues = tuple(
        c for t in texts for c in _cues(t) if not (c.category == "title" and c.word in in_name) and c.word != surname
    )
    pool = " | ".join(texts)
    shared = {f.name: getattr(facts, f.name) for f in fields(_EntityFacts)}
    return _Evidence(
        **shared,
        texts=tuple(texts),
        pool=pool,
        cues=cues,
        cats=frozenset(c.category for c in cues),
        in_name=in_name,
        former=_former_marker(facts, texts, pool),
    )


def _former_marker(facts: _EntityFacts, texts: list[str], pool: str) -> str | None:
    """What says the entity held its role before ("former", "who once served as"), or None."""
    former = next((m.group(0) for t in facts.raw_appositives if (m := _APPOSITIVE_FORMER.search(t))), None)
    if former is None and not facts.named:
        former = next((m.group(0) for t in texts if (m := _FORMER_WORD.search(t))), None)
    if former is None:
        former = next((m.group(0) for t in texts if (m := _FORMER_STAFF.search(t))), None)
    if former is None:  # "ex-Foreign Secretary Robin Cook", "Former President X"
        former = next((m.group(0) for t in texts if (m := _PRENOMINAL_FORMER.search(t))), None)
    if former and re.search(r"\bcurrent and former\b", pool, re.I):
        return None
    return former


_Verdict = tuple[SourceType, str] | None


# Each rule reads an entity's evidence and returns a type and a reason, or None to pass; the
# first rule that speaks decides. Unnamed markers come first, then media, speakers and groups,
# polls and records, staff, experts and lay people, then offices, outlets and the defaults.


def _poll_share(ev: _Evidence) -> _Verdict:
    share = next((p for p in ev.own if _SHARE.match(p.text)), None)
    if share and not ev.named:
        return SourceType.OTHER, f"a share of people polled ('{share.text[:30]}')"
    return None


def _anonymity_marker(ev: _Evidence) -> _Verdict:
    anon = _first(ev.cues, "anonymous") if not ev.named else None
    if anon:
        return SourceType.ANONYMOUS, f"anonymity marker '{anon.word}'"
    return None


def _anonymity_stated(ev: _Evidence) -> _Verdict:
    if not ev.named and ev.anonymous_context:
        return SourceType.ANONYMOUS, "anonymity stated in the sentence"
    return None


def _media_role(ev: _Evidence) -> _Verdict:
    media_person = _first(ev.cues, "media_person")
    if media_person:
        return SourceType.MEDIA, f"media role '{media_person.word}'"
    return None


def _outlet_shaped_name(ev: _Evidence) -> _Verdict:
    if ev.named and _looks_like_outlet(ev.name) and not ev.cats & {"title", "staff", "candidate"}:
        return SourceType.MEDIA, f"outlet-shaped name '{ev.name}'"
    return None


def _works_for_an_outlet(ev: _Evidence) -> _Verdict:
    outlet_role = next((r for r in ev.roles if _looks_like_outlet(r) or _looks_like_outlet("The " + r)), None)
    if ev.named and outlet_role and not ev.cats & {"title", "staff", "candidate", "expert"}:
        return SourceType.MEDIA, f"works for an outlet ('{outlet_role}')"
    return None


def _described_as_an_outlet(ev: _Evidence) -> _Verdict:
    outlet_head = next(
        (
            r
            for r in ev.roles
            if r.split()
            and any(c.category == "outlet" for c in _cues(r.split()[-1]))
            and (not ev.named or _singular(r.split()[-1].lower()) in _OUTLET_NOUNS)
        ),
        None,
    )
    if outlet_head:  # "..., the state's largest newspaper"
        return SourceType.MEDIA, f"described as an outlet ('{outlet_head.split()[-1]}')"
    return None


def _spokesperson(ev: _Evidence) -> _Verdict:
    spokes = _SPOKES.search(ev.pool)
    if spokes and not ev.former:
        return SourceType.OFFICIAL, f"spokesperson '{spokes.group(0).lower()}'"
    return None


def _unnamed_group(ev: _Evidence) -> _Verdict:
    share = _SHARE.fullmatch(ev.name) is not None  # "42%" reads as a name: it is a share of those asked
    quantified = next((p for p in ev.own if _GROUP_QUANTIFIER.match(p.text)), None) if not ev.named or share else None
    if quantified is None or ev.cats & {"outlet", "outlet_name", "anonymous"}:
        return None
    head_cue = next(iter(_cues(quantified.text)), None)
    if (
        head_cue
        and head_cue.category in {"title", "body", "candidate"}
        and head_cue.word not in _PARTY_MEMBERS
        and _singular(head_cue.word) not in _PRIVATE_BODIES
    ):
        return SourceType.OFFICIAL, f"a group of officials ('{quantified.text[:40]}')"
    return SourceType.OTHER, f"an unnamed, partial group ('{quantified.text[:40]}')"


def _candidate_or_campaign(ev: _Evidence) -> _Verdict:
    candidate = _first(ev.cues, "candidate")
    if candidate and not ev.former and not _NOT_AFFILIATED.search(ev.pool):
        return SourceType.OFFICIAL, f"candidate or campaign word '{candidate.word}'"
    return None


def _former_office(ev: _Evidence) -> _Verdict:
    # "who helmed the X", "who served as": a past office even when X is no lexicon word
    if not ev.former or not (
        ev.cats & {"title", "body", "expert", "candidate", "staff"} or ev.former.lower().startswith("who ")
    ):
        return None
    elected = _ELECTED.search(" ".join(ev.raw_appositives + ev.roles + ev.texts))
    if ev.named and elected and not ev.cats & {"staff", "expert", "media_person"}:
        # "X, the former senator from Ohio": still a political actor (candidate, surrogate).
        return SourceType.OFFICIAL, f"former elected office holder ('{elected.group(0)}')"
    return SourceType.EXPERT, f"former office holder or staff speaking as commentator ('{ev.former.strip(', ')}')"


def _title_before_the_name(ev: _Evidence) -> _Verdict:
    if not ev.named:
        return None
    prenominal = [p.role for p in ev.own if p.role and 0 <= p.text.find(p.role) < max(p.text.find(p.name), 0)]
    title_before = next((c for r in prenominal for c in _cues(r) if c.category == "title"), None)
    if title_before:
        return SourceType.OFFICIAL, f"title '{title_before.word}' before the name"
    return None


def _poll_word(ev: _Evidence) -> _Verdict:
    poll = _first(ev.cues, "poll")
    if poll and ev.named:
        poll = next((c for c in ev.cues if c.category == "poll" and c.word.startswith("pollster")), None)
    if poll and not (ev.named and _ATTACHED.search(ev.pool)):
        return SourceType.OTHER, f"poll word '{poll.word}'"
    return None


def _single_insider(ev: _Evidence) -> _Verdict:
    individual = next((p for p in ev.own if _is_single_insider(p.text)), None) if not ev.named else None
    if individual:
        return SourceType.ANONYMOUS, f"a single unnamed insider ('{individual.text[:40]}')"
    return None


def _social_media_handle(ev: _Evidence) -> _Verdict:
    handle = _HANDLE.search(ev.pool)
    if handle and not ev.cats & {"title", "body", "candidate", "media_person", "outlet", "outlet_name"}:
        return SourceType.OTHER, f"social-media handle '{handle.group(0).strip()}'"
    return None


def _leaked_document(ev: _Evidence) -> _Verdict:
    if _LEAKED.search(ev.pool):
        return SourceType.OTHER, "a leaked or obtained document relayed by others"
    return None


def _state_media(ev: _Evidence) -> _Verdict:
    if _STATE_MEDIA.search(ev.pool):
        return SourceType.OFFICIAL, "state news agency speaking for its government"
    return None


def _staff_of_a_principal(ev: _Evidence) -> _Verdict:
    staff = _ATTACHED.search(ev.pool) if ev.named else None
    if staff:
        return SourceType.OFFICIAL, f"staff of a principal ('{staff.group(0).strip()}')"
    return None


def _named_with_an_age(ev: _Evidence) -> _Verdict:
    if ev.aged:
        return SourceType.OTHER, "named with an age, as ordinary people are"
    return None


def _named_inner_staff(ev: _Evidence) -> _Verdict:
    role_staff = next((c for r in ev.roles for c in _cues(r) if c.category == "staff"), None)
    if ev.named and role_staff and role_staff.word.rstrip("s") in _INNER_STAFF:
        return SourceType.OFFICIAL, f"named staff member ('{role_staff.word}')"
    return None


def _unnamed_staff(ev: _Evidence) -> _Verdict:
    staff_word = _first(ev.cues, "staff")
    if staff_word and not ev.named and not ev.former:
        return SourceType.ANONYMOUS, f"unnamed staff ('{staff_word.word}')"
    return None


def _unattached_adviser(ev: _Evidence) -> _Verdict:
    staff_word = _first(ev.cues, "staff")
    if staff_word and not (ev.named and staff_word.word.rstrip("s") in _INNER_STAFF):
        return SourceType.EXPERT, f"adviser or strategist not attached to a principal ('{staff_word.word}')"
    return None


def _expert_word(ev: _Evidence) -> _Verdict:
    expert = _first(ev.cues, "expert")
    if expert and expert.word.startswith("report") and ev.cats & {"title", "body"}:
        return None  # "the agency's report" speaks for the agency; "one report" is a third party
    if expert:
        return SourceType.EXPERT, f"expert word '{expert.word}'"
    return None


_PARTY_WORDS = frozenset(words("source_affiliations.txt"))


def _party_written(word: str, pool: str) -> bool:
    """'The Conservatives said': a party, written with "the" and its capital, not people of that
    view ("Conservatives still praise him" may be either: the capital may only start the sentence)."""
    singular = word[:-1] if word.endswith("s") else word
    return singular in _PARTY_WORDS and re.search(rf"\b[Tt]he {re.escape(word.capitalize())}\b", pool) is not None


def _lay_person_word(ev: _Evidence) -> _Verdict:
    heads = {_role_head(r) for r in ev.roles} if ev.named else set()
    # For a named person the lay word must head a role: "a veteran reporter" is a
    # reporter, "factory worker" a worker, but "executive at the parent company" no parent.
    other = next(
        (
            c
            for c in ev.cues
            if c.category == "other"
            and c.word not in ev.in_name
            and not (ev.named and (c.word in _GENERIC_PEOPLE or c.word not in heads))
            and not _party_written(c.word, ev.pool)
        ),
        None,
    )
    if other:
        return SourceType.OTHER, f"lay-person word '{other.word}'"
    return None


def _appositive_without_office(ev: _Evidence) -> _Verdict:
    if (
        ev.named
        and not _first(ev.cues, "title")
        and not ev.cats & {"body", "outlet", "outlet_name"}
        and not _cues(ev.name)
        and any(re.search(r"(?:^|,)\s*(?:a|an|the)\s", d) for d in ev.raw_appositives if d)
    ):
        return SourceType.OTHER, "described by an appositive that names no office"
    return None


def _member_of_a_group(ev: _Evidence) -> _Verdict:
    """'One of the so-called Guildford Four, Gerry Conlon': one of a group that holds no office."""
    if ev.named and not ev.cues and any(r.lower().startswith("one of ") for r in ev.roles if r):
        return SourceType.OTHER, "one of a group that names no office"
    return None


def _title(ev: _Evidence) -> _Verdict:
    title = _first(ev.cues, "title")
    if title:
        return SourceType.OFFICIAL, f"title '{title.word}'"
    return None


def _website(ev: _Evidence) -> _Verdict:
    web = _WEB_ADDRESS.search(ev.pool)
    if web:
        return SourceType.MEDIA, f"website '{web.group(0)}'"
    return None


def _media_word(ev: _Evidence) -> _Verdict:
    # A named person's outlet must be in a role ("CNN anchor"), not anywhere in a mention
    # ("CNN Now Answers To X" is a headline about X).
    outlet_pool = (
        [c for r in ev.roles + ev.raw_appositives for c in _cues(r) if _singular(c.word) not in _FORMAT_WORDS]
        if ev.named
        else ev.cues
    )
    outlet = _first(outlet_pool, "outlet_name", "outlet")
    if outlet:
        return SourceType.MEDIA, f"media word '{outlet.word}'"
    return None


def _outlet_shaped_mention(ev: _Evidence) -> _Verdict:
    if _looks_like_outlet(ev.name) or any(p.proper and _looks_like_outlet(p.name) for p in ev.own):
        return SourceType.MEDIA, f"outlet-shaped name '{ev.name}'"
    return None


def _institution_or_record(ev: _Evidence) -> _Verdict:
    body = _first(ev.cues, "body", "document")
    if body:
        return SourceType.OFFICIAL, f"institution or official record '{body.word}'"
    return None


def _party_member(ev: _Evidence) -> _Verdict:
    party = _party_affiliation(ev.own) if ev.named else None
    if party is not None:  # "Labour's Paul Flynn": a party's politician, unless a role says otherwise
        return SourceType.OFFICIAL, f"party affiliation '{party}' and no role: default official"
    return None


def _affiliation(ev: _Evidence) -> _Mention | None:
    """The mention naming the entity with an organisation ("Amazon's Robin Terrell"), or None."""
    if not ev.named:
        return None
    return next((p for p in ev.own if p.proper and _AFFILIATED_PERSON.search(p.text)), None)


def _speaks_for_the_organisation(ev: _Evidence) -> _Verdict:
    affiliated = _affiliation(ev) if ev.speaks_as_we else None
    if affiliated:  # '"… in our chart," said Amazon's Robin Terrell'
        return SourceType.OFFICIAL, f"named with an organisation and speaking for it as 'we' ('{affiliated.text[:40]}')"
    return None


def _organisation_without_office(ev: _Evidence) -> _Verdict:
    affiliated = _affiliation(ev)
    if affiliated and not ev.speaks_as_we:
        return SourceType.OTHER, f"named with an organisation but no office ('{affiliated.text[:40]}')"
    return None


def _default(ev: _Evidence) -> _Verdict:
    if ev.named:
        return SourceType.OFFICIAL, "named, with no office or role word: default official"
    return SourceType.OFFICIAL, "unnamed, with no role word: default official (as for bare names)"


_TypingRule = tuple[str, Callable[[_Evidence], _Verdict]]
_RULES: tuple[_TypingRule, ...] = (
    ("type.poll_share", _poll_share),
    ("type.anonymity_marker", _anonymity_marker),
    ("type.anonymity_stated", _anonymity_stated),
    ("type.media_role", _media_role),
    ("type.outlet_shaped_name", _outlet_shaped_name),
    ("type.works_for_an_outlet", _works_for_an_outlet),
    ("type.described_as_an_outlet", _described_as_an_outlet),
    ("type.spokesperson", _spokesperson),
    ("type.unnamed_group", _unnamed_group),
    ("type.candidate_or_campaign", _candidate_or_campaign),
    ("type.former_office", _former_office),
    ("type.title_before_the_name", _title_before_the_name),
    ("type.poll_word", _poll_word),
    ("type.single_insider", _single_insider),
    ("type.social_media_handle", _social_media_handle),
    ("type.leaked_document", _leaked_document),
    ("type.state_media", _state_media),
    ("type.staff_of_a_principal", _staff_of_a_principal),
    ("type.named_with_an_age", _named_with_an_age),
    ("type.named_inner_staff", _named_inner_staff),
    ("type.unnamed_staff", _unnamed_staff),
    ("type.unattached_adviser", _unattached_adviser),
    ("type.expert_word", _expert_word),
    ("type.lay_person_word", _lay_person_word),
    ("type.appositive_without_office", _appositive_without_office),
    ("type.member_of_a_group", _member_of_a_group),
    ("type.title", _title),
    ("type.website", _website),
    ("type.media_word", _media_word),
    ("type.outlet_shaped_mention", _outlet_shaped_mention),
    ("type.institution_or_record", _institution_or_record),
    ("type.party_member", _party_member),
    ("type.speaks_for_the_organisation", _speaks_for_the_organisation),
    ("type.organisation_without_office", _organisation_without_office),
    ("type.default", _default),
)


def _classify(facts: _EntityFacts) -> tuple[SourceType, str]:
    """The type of an entity and the reason of the first rule that speaks (the last always does),
    naming that rule's id."""
    ev = _evidence(facts)
    for rule_id, rule in _RULES:
        verdict = rule(ev)
        if verdict is not None:
            return verdict[0], f"{verdict[1]} [{rule_id}]"
    raise AssertionError("the default rule always speaks")


@lru_cache(maxsize=65536)
def _role_head(role: str) -> str | None:
    """The lexicon word heading a role: the last one before its first preposition or clause."""
    # "one of Lee's supporters" is headed by "supporters"
    lowered = re.sub(
        r"^(?:one|some|many|several|two|three|another|a few) of "
        r"(?:the |his |her |their |its |[\w.'-]+'s? )?",
        "",
        role.lower(),
    )
    core = re.split(
        r"\s(?:at|of|for|in|with|from|to|on|who|which|that|and|since|before|after)\s", " " + lowered + " ", maxsplit=1
    )[0]
    core = core.strip()
    # an entry that runs across the preposition heads the role itself ("counsel for the tenants")
    spanning = next((c for c in _cues(lowered) if c.start < len(core) < c.end), None)
    if spanning is not None:
        return spanning.word
    found = _cues(core)
    return found[-1].word if found else None


def _is_single_insider(text: str) -> bool:
    """ "a State Department official", "an aide", "one of the president's advisers"."""
    lowered = _normalize(text).lower()
    if not re.match(r"(?:a|an|one|another)\b", lowered):
        return False
    plural_ok = lowered.startswith("one of")
    for cue in _cues(text):
        word = cue.word if not plural_ok else _singular(cue.word)
        if word in _INDIVIDUAL_INSIDERS:
            return True
    return False
