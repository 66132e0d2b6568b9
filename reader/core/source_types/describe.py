"""describe_source: name, role and type of one entity, from its mentions and their sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reader.core.model import SourceType
from reader.core.source_types.context import (
    _asks_questions,
    _descriptions_before_name,
    _known_by_one_name,
    _mentions_anonymity,
    _named_as_an_outlet,
    _performs,
    _reports,
    _roles_in_contexts,
)
from reader.core.source_types.names import _after_head, _canonical_name, _clean_role, _Mention, _parse
from reader.core.source_types.rules import _classify, _EntityFacts, _Verdict
from reader.core.source_types.words import _FIRST_PERSON, _GENDERED, _PRONOUNS, _lexicon
from reader.core.topic import Topic


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """The canonical name, role and type of one source, with the reason for the type."""

    name: str
    role: str | None
    type: SourceType
    reason: str


def describe_source(
    mentions: Sequence[str], contexts: Sequence[str], *, topic: Topic | None = None, person: bool = False
) -> SourceDescription:
    """Name and type the entity whose mentions (document order) and their sentences are given.

    ``contexts[i]`` is the sentence holding ``mentions[i]``; it supplies appositives
    ("X, a professor at ..."), ages ("X, 54,"), anonymity clauses and writing verbs.
    Mentions whose proper name does not share the entity's key name are ignored for
    typing, so a noisy resolver merging two people does not mix their roles. ``topic`` is
    what the whole article is about and ``person`` whether the resolver took the entity for
    a person: a person named with no role in a sport or arts story is typed by that.
    """
    parsed = [_parse(m) for m in mentions if any(ch.isalnum() for ch in m)]
    # "WHO", "IT": capitals spelling a pronoun name an organisation
    real = [p for p in parsed if p.text.lower() not in _PRONOUNS or (len(p.text) > 1 and p.text.isupper())]
    if not real:
        return _pronouns_only(parsed, contexts, topic)
    name, key = _canonical_name(real)
    own = _own_mentions(real, mentions, contexts, key)
    mention_roles = [p.role for p in own if p.role]
    # The mentions' own words decide first; the sentences around them only when those
    # leave the type to a default, so a noisy context cannot overrule a stated title.
    facts = _EntityFacts(
        tuple(own),
        tuple(mention_roles),
        tuple(_after_head(p.text) for p in own),
        name,
        named=key is not None,
        aged=False,
        anonymous_context=any(_mentions_anonymity(c) for c in dict.fromkeys(contexts)),
        person=person and any(p.text.lower() in _GENDERED for p in parsed),
        speaks_as_we=any(_QUOTED_WE.search(c) for c in dict.fromkeys(contexts)),
    )
    source_type, reason = _classify(facts)
    context_roles: list[str] = []
    if not mention_roles or "default" in reason:
        context_roles, context_raw, aged = _roles_in_contexts(mentions, contexts, key, mention_roles)
        if "default" in reason and (context_roles or context_raw or aged):
            source_type, reason = _classify(
                replace(
                    facts,
                    roles=facts.roles + tuple(context_roles),
                    raw_appositives=facts.raw_appositives + tuple(context_raw),
                    aged=aged,
                )
            )
    if "default" in reason and key is not None:
        seen = _Seen(key, name, tuple(real), tuple(parsed), tuple(contexts), topic, person)
        source_type, reason = next(
            (
                (verdict[0], f"{verdict[1]} [{rule_id}]")
                for rule_id, refine in _DEFAULT_REFINEMENTS
                if (verdict := refine(seen)) is not None
            ),
            (source_type, reason),
        )
    roles = mention_roles or context_roles
    return SourceDescription(
        name.strip() or "unidentified speaker", _chosen_role(roles, name, key), source_type, reason
    )


def _pronouns_only(parsed: Sequence[_Mention], contexts: Sequence[str], topic: Topic | None) -> SourceDescription:
    """An entity only ever referred to by pronouns ("he said"), or by nothing at all; "he" or
    "she" in a sport or arts story is typed as a named person with no role there is."""
    pronouns = sorted({p.text.lower() for p in parsed})
    if not pronouns:
        return SourceDescription(
            "unidentified speaker", None, SourceType.OFFICIAL, "no source named: default official [type.nothing_named]"
        )
    if set(pronouns) & _FIRST_PERSON:
        return SourceDescription(
            "unidentified speaker",
            None,
            SourceType.OTHER,
            f"only the pronoun '{pronouns[0]}': a person speaking for themselves [type.first_person]",
        )
    if any(_mentions_anonymity(c) for c in dict.fromkeys(contexts)):
        return SourceDescription(
            "unidentified speaker",
            None,
            SourceType.ANONYMOUS,
            f"only the pronoun '{pronouns[0]}', and anonymity stated in the sentence [type.pronoun_anonymous]",
        )
    if topic is not None and topic.people_speak_for_themselves and set(pronouns) & _GENDERED:
        return SourceDescription(
            "unidentified speaker",
            None,
            SourceType.OTHER,
            f"only the pronoun '{pronouns[0]}' in a {topic.section} story: "
            "typed third party by default [type.pronoun_topic]",
        )
    return SourceDescription(
        "unidentified speaker",
        None,
        SourceType.OFFICIAL,
        f"only the pronoun '{pronouns[0]}': default official [type.pronoun_default]",
    )


# '"…our chart shows…," said X': a quotation in which the speaker says "we" or "our"
_QUOTED_WE = re.compile(r"[\"“][^\"”]*\b(?:[Ww]e|[Oo]ur|[Uu]s)\b[^\"”]*[\"”]")

# "the businessman", "the singer": a definite description the resolver joined to a named person
# says what that person is (an organisation's "the company" says nothing new)
_DEFINITE_PERSON = re.compile(r"[Tt]he\s+(?:[a-z-]+\s+)?[a-z]+(?:er|or|ist|ian|man|woman)$")


def _own_mentions(
    real: list[_Mention], mentions: Sequence[str], contexts: Sequence[str], key: str | None
) -> list[_Mention]:
    """The mentions that share the entity's key name (all of them when none does), with the
    descriptions written right before that name, each once."""
    own = [
        p
        for p in real
        if key is None or (p.proper and key in p.name.split()) or (not p.proper and key in p.text.split())
    ]
    if key is not None:  # "the businessman" joined to a named person: a role of theirs
        own += [
            _Mention(p.text, _clean_role(p.name), p.name, False)
            for p in real
            if not p.proper and _DEFINITE_PERSON.match(p.text)
        ]
    if key is not None and not own:
        own = real
    if key is not None:
        own += _descriptions_before_name(mentions, contexts, key, own)
    return list(dict.fromkeys(own))  # a name repeated 500 times says what it says once


def _chosen_role(roles: Sequence[str], name: str, key: str | None) -> str | None:
    """The longest role found; for a nameless source, what its description says it is."""
    if roles:
        return max(roles, key=len)
    if key is None:
        bare = re.sub(r"\b(?:unidentified|unnamed|anonymous)\s+", "", name, flags=re.I).strip()
        return bare if bare and bare != name else None  # "unidentified soldier" -> role "soldier"
    return None


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the text shows a named entity doing, for the rules that refine a default type."""

    key: str
    name: str
    real: tuple[_Mention, ...]
    parsed: tuple[_Mention, ...]
    contexts: tuple[str, ...]
    topic: Topic | None
    person: bool


def _writes_for_an_outlet(seen: _Seen) -> _Verdict:
    if _reports(seen.key, seen.contexts):
        return SourceType.MEDIA, f"'{seen.key}' reports, fact-checks or writes for an outlet"
    return None


def _called_an_outlet(seen: _Seen) -> _Verdict:
    kind = _named_as_an_outlet(seen.key, seen.contexts)
    if kind is not None:
        return SourceType.MEDIA, f"'{seen.name}' written with '{kind}' after it: an outlet"
    return None


def _known_by_first_name_only(seen: _Seen) -> _Verdict:
    if _known_by_one_name(list(seen.real), list(seen.parsed)):
        return SourceType.OTHER, f"a person known only as '{seen.name}', with no role: an ordinary person"
    return None


def _asks_the_questions(seen: _Seen) -> _Verdict:
    if _asks_questions(seen.key, seen.contexts):
        return SourceType.MEDIA, f"'{seen.key}' asks the questions: a host or moderator"
    return None


def _performs_on_stage_or_pitch(seen: _Seen) -> _Verdict:
    performance = _performs(seen.key, seen.contexts)
    if performance is not None:
        return SourceType.OTHER, f"'{seen.key} {performance}': an artist or athlete, not an office"
    return None


_DOCTOR = re.compile(r"(?:^|\s)(?:Dr|Dr\.|Prof|Prof\.)\s+[A-Z]")


def _a_doctor(seen: _Seen) -> _Verdict:
    doctor = next((p.text for p in seen.real if _DOCTOR.search(p.text)), None)
    if doctor is not None:
        return SourceType.EXPERT, f"a doctor with no office ('{doctor[:40]}'): a physician or scholar"
    return None


def _a_person_in_a_sport_or_arts_story(seen: _Seen) -> _Verdict:
    topic = seen.topic
    if (
        seen.person
        and topic is not None
        and topic.people_speak_for_themselves
        and seen.key.lower() not in _lexicon().team_name_endings
    ):
        return (
            SourceType.OTHER,
            f"no role found; a person named in a {topic.section} story: typed third party by default",
        )
    return None


# What a named entity with no role word does in the text refines the default type; the first
# row that speaks decides (each row's id names it in tests and evaluations).
_DEFAULT_REFINEMENTS: tuple[tuple[str, Callable[[_Seen], _Verdict]], ...] = (
    ("default.writes_for_an_outlet", _writes_for_an_outlet),
    ("default.called_an_outlet", _called_an_outlet),
    ("default.known_by_first_name_only", _known_by_first_name_only),
    ("default.asks_the_questions", _asks_the_questions),
    ("default.performs", _performs_on_stage_or_pitch),
    ("default.doctor", _a_doctor),
    ("default.topic", _a_person_in_a_sport_or_arts_story),
)
