"""Names and roles written in a mention: "CIA Director Jane Roe" is the role "CIA Director" and the
name "Jane Roe"; the canonical name of an entity among its mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.lexicon import words
from reader.core.source_types.words import (
    _FUNCTION_CAPS,
    _HONORIFICS,
    _NAME_PARTICLES,
    _ROLE_LEADING,
    _all_capitalised,
    _cues,
    _is_cap,
    _lexicon,
    _normalize,
    _strip_determiner,
)
from reader.core.sources import initials

_RELATIVE = re.compile(r"\s*\b(?:who|which)\s+(?:has been|had been|is|was|are|were|has|had|now|once)?\s*", re.I)
# A plural head and the -ing phrase after it: "Trade unions representing …", "lawyers advising …".
_PARTICIPLE_MODIFIER = re.compile(r"(?<=[a-z]s)\s+(?=[a-z]{2,}ing\b)")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_OFFICE_OF_PLACE = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w-]*\s+){1,4}of\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$", re.I
)
_AFFILIATION = re.compile(
    r"^(?P<person>.+?)\s+(?:of|at|from|with)\s+"
    r"(?P<org>(?:the\s+|The\s+)?[A-Z].*|the\s+[a-z][\w\s-]*|(?:[a-z][\w-]*\s+){1,3}[A-Z].*)$"
)
_ACTION_CLAUSE = re.compile(
    r"^\s*(?:who|which)\s+(?!(?:is|was|are|were|has been|had been|now|once|served|worked|"
    r"serves|works|heads|leads|runs|chairs|directs|represents|hosts|anchors|writes|covers|edits|"
    r"teaches|studies|researches|owns|founded|co-founded|manages|advises|oversees)\b)",
    re.I,
)


@lru_cache(maxsize=65536)
def _clean_role(role: str) -> str | None:
    if _ACTION_CLAUSE.match(role.strip(" ,")):
        return None
    relative = _RELATIVE.match(" " + role.strip(" ,"))
    later = _RELATIVE.search(" " + role.strip(" ,"), 1)
    if later is not None and not relative:
        # "epidemiologist at the university who was not involved in the study": the role ends
        # where the relative clause begins
        role = (" " + role.strip(" ,"))[: later.start()]
    role = _RELATIVE.sub(" ", " " + role).strip()
    if relative and re.match(r"\w+(?:ing|ed)\b", role) and not _cues(role.split()[0] if role else ""):
        return None  # "who is battling ...", "who was elected ...": an action, not a role
    if relative and re.match(r"(?:in|at|on|among|with|not|also|there|here)\b", role, re.I):
        return None  # "who was in Nevada ...": where someone was, not what they are
    role = re.sub(r"['’]s?$", "", role.strip(" ,;:-—")).strip()
    words = role.split()
    while words and words[0].lower() in _ROLE_LEADING:
        words = words[1:]
    while words and words[-1].lower() in _HONORIFICS:
        words = words[:-1]  # "lead author Dr." before "Mei Tanaka": the honorific is no role
    if not words or all(w.lower() in _FUNCTION_CAPS | _ROLE_LEADING for w in words):
        return None
    if (
        len(words) > 1
        and all(_is_cap(w) for w in words)
        and any(w.lower() in _FUNCTION_CAPS - {"the", "of", "and", "for"} for w in words)
    ):
        return None  # a title-case headline fragment, "X Now Answers To"
    return " ".join(words)


def _lexicon_spans(text: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in _cues(text) if c.category != "anonymous"]


_PEERAGE = {"lord", "lady", "dame"}


_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")  # after a name: no name word of its own
_INITIAL_OR_SUFFIX = re.compile(rf"[A-Z]\.|{_SUFFIX.pattern}")


@lru_cache(maxsize=65536)
def _trailing_name(head: str) -> tuple[str, str] | None:
    """Split ``head`` into (role text, trailing run of capitalised non-title words)."""
    spans = _lexicon_spans(head)
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", head)]
    name_start = None
    for start, end, token in reversed(tokens):
        word = token.strip(",;:")
        inside = any(s <= start < e or s < end <= e for s, e in spans)
        if inside or (name_start is not None and token.endswith((",", ";")) and not _SUFFIX.match(head, name_start)):
            break  # "with celebrity Barbra Streisand, Clinton": the comma ends another name
        if word.lower() in _NAME_PARTICLES and name_start is not None:
            name_start = start
            continue
        if word.lower() in _PEERAGE and name_start is not None:
            name_start = start  # "Lord Carlile", "Dame Ann Lee": the title is how the name is written
            continue
        if not _is_cap(word) or word.lower() in _FUNCTION_CAPS or word.endswith(("'s", "’s", "'", "’")):
            break
        name_start = start
    if name_start is None:
        return _person_with_a_lexicon_surname(head, tokens, spans)
    name = head[name_start:].strip(" ,;:")
    while name.split() and name.split()[0].lower() in _NAME_PARTICLES:
        name = " ".join(name.split()[1:])
    if not name:
        return None
    tokens_ = name.split()
    full = [
        t for t in tokens_ if not _INITIAL_OR_SUFFIX.fullmatch(t) and t.lower() not in _NAME_PARTICLES
    ]  # "Ursula von der Leyen" is a two-word name
    if len(full) > 3 and not _looks_like_outlet(name):
        # A run this long is a title-case headline swallowing the name: keep the name.
        name = " ".join(tokens_[-2:])
        return head[: len(head) - len(name)].strip(), name
    return head[:name_start].strip(), name


def _person_with_a_lexicon_surname(
    head: str, tokens: list[tuple[int, int, str]], spans: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """ "Songwriter Guy Chambers": a person's role word, a first name and a surname that happens to
    be a lexicon word ("chambers", "tester") make a person, not a body called "Guy Chambers"."""
    if len(tokens) < 3:
        return None
    (role_start, _, _role), (first_start, first_end, first), (_, _, last) = tokens[-3:]
    if (
        not (_is_cap(first) and _is_cap(last))
        or first.lower() in _FUNCTION_CAPS
        or any(s <= first_start < e or s < first_end <= e for s, e in spans)
    ):
        return None
    role_cues = _cues(head[role_start:first_start])
    if not role_cues or role_cues[-1].category not in {"title", "media_person", "expert", "staff", "other"}:
        return None
    return head[:first_start].strip(), head[first_start:].strip(" ,;:")


@lru_cache(maxsize=65536)
def split_role_and_name(phrase: str) -> tuple[str | None, str]:
    """Split a mention into (role, name).

    "CIA Director Jane Roe" -> ("CIA Director", "Jane Roe");
    "John Smith, a spokesman for the ministry" -> ("spokesman for the ministry", "John Smith");
    "The Telegraph newspaper" -> ("newspaper", "The Telegraph"); a nameless description
    comes back whole without its article: "An unidentified soldier" -> (None, "unidentified soldier").
    """
    head, appositive = _head_and_appositive(_cleaned_mention(phrase))
    appositive_role = _appositive_role(appositive)
    proper_appositive = appositive_role and _all_capitalised(appositive_role) and not _lexicon_spans(appositive_role)
    if proper_appositive and appositive_role:
        named = _name_in_appositive(head, appositive_role)
        if named is not None:
            return named
        appositive_role = None  # "Ann Lee, Bo Park": a list of names, not a role
    return (
        _person_of_an_organisation(head, appositive_role)
        or _outlet_name(head, appositive_role)
        or _split_head(head, appositive_role)
    )


def _cleaned_mention(phrase: str) -> str:
    """A mention without parentheses, a final possessive, an earlier sentence or leading numbers."""
    text = _PARENTHETICAL.sub("", _normalize(phrase)).strip(" ,;:")
    text = re.sub(r"(?<=\w)'s?$", "", text)
    text = re.split(r"(?<=[a-z]{3})[.!?]\s+(?=[A-Z])", text)[-1]  # a mention running across a sentence end
    return re.sub(r"^(?:[$€£]?\d[\d,.]*\s+)+(?=[A-Z])", "", text)  # "200 Lee emails" -> "Lee emails"


def _head_and_appositive(text: str) -> tuple[str, str]:
    """The head of a mention and what follows it (after its comma or relative pronoun)."""
    # a comma inside a number ("1,050 voters") separates nothing
    head, _, appositive = re.sub(r"(?<=\d),(?=\d{3})", "\x00", text).partition(",")
    head, appositive = head.replace("\x00", ","), appositive.replace("\x00", ",")
    head = head.strip()
    relative = _RELATIVE.search(head)
    if relative and relative.start() > 0:
        head, appositive = (
            head[: relative.start()],
            head[relative.start() :] + (", " + appositive if appositive else ""),
        )
    modifier = _PARTICIPLE_MODIFIER.search(head)
    if modifier:
        head = head[: modifier.start()]  # "unions representing the workers": unions, whoever they represent
    return head, appositive


def _name_in_appositive(head: str, proper_appositive: str) -> tuple[str | None, str] | None:
    """(role, name) when the appositive is the name: "the senator's son, Grant", "The mayor of
    Aveiro, Rui Tavares"; else None."""
    if not _trailing_name(head):
        return _clean_role(head), proper_appositive
    if _OFFICE_OF_PLACE.match(head) and any(c.category == "title" for c in _cues(head)):
        return _clean_role(head), proper_appositive
    return None


def _person_of_an_organisation(head: str, appositive_role: str | None) -> tuple[str | None, str] | None:
    """'Jane Roe of the Example Institute', 'Judge Elena Sato of the district court'."""
    affiliation = _AFFILIATION.match(head)
    if not affiliation:
        return None
    person = affiliation.group("person")
    words = person.split()
    if len(words) < 2 or not all(_is_cap(w) and w.lower() not in _FUNCTION_CAPS for w in words):
        return None
    if not _lexicon_spans(person):
        return appositive_role or _clean_role(affiliation.group("org")), person
    title, name = split_role_and_name(person)
    at_institution = head[affiliation.start("org") :].startswith(("the ", "The "))
    if title and at_institution and len(name.split()) >= 2 and _all_capitalised(name) and not _lexicon_spans(name):
        # "Judge Elena Sato of the district court": the person, and her office at the court
        return appositive_role or _clean_role(f"{title} {head[affiliation.end('person') :].strip()}"), name
    return None


def _outlet_name(head: str, appositive_role: str | None) -> tuple[str | None, str] | None:
    """'Bloomberg News', 'The Daily Example': an outlet's whole name."""
    bare = _strip_determiner(head) if not head.startswith("The ") else head
    if _all_capitalised(bare) and _looks_like_outlet(bare) and not _trailing_name_is_person(bare):
        return appositive_role, bare
    return None


def _split_head(head: str, appositive_role: str | None) -> tuple[str | None, str]:
    """(role, name) of the head: the words before a trailing name, or a nameless description."""
    split = _trailing_name(head)
    if split is not None:
        return _split_before_name(head, *split, appositive_role)
    return _split_nameless(head, appositive_role)


# A body's name with "and" in its remit: "Department of Health and Human Services".
_CAP = r"[A-Z][\w'’.-]*"
_BODY_NAME_WITH_AND = re.compile(
    rf"^(?:{_CAP}\s+)*(?:Centres?|Centers?|Department|Ministry|Institute|Office|Bureau|Agency|Commission|"
    rf"Council|Committee|Board|Administration|Authority|Society|Association|Federation|Foundation|College|"
    rf"Academy|Organi[sz]ation)\s+(?:for|of)\s+(?:the\s+)?(?:{_CAP}\s+)*{_CAP}\s+(?:and|&)\s+{_CAP}(?:\s+{_CAP})?$"
)


def _split_before_name(head: str, role_text: str, name: str, appositive_role: str | None) -> tuple[str | None, str]:
    """(role, name) of a head that ends in a capitalised run: what the words before it are."""
    coordinated = _coordinated_names(head, role_text, name, appositive_role)
    if coordinated is not None:
        return coordinated
    principal, role_text = _principal(role_text)
    if principal:  # "aides to Gov. X": the speakers are the aides, not X
        return appositive_role, _strip_determiner(head)
    return (
        _of_an_organisation(role_text, name, appositive_role)
        or _organisation_name(head, name, appositive_role)
        or _role_then_person(role_text, name, appositive_role)
    )


def _coordinated_names(
    head: str, role_text: str, name: str, appositive_role: str | None
) -> tuple[str | None, str] | None:
    """'the Centre for Disease Prevention and Control' (one body); 'Lee and Park' (two names)."""
    if not re.search(r"(?:^|\s)(?:and|&)(?:\s+the)?$", role_text, re.I):
        return None
    whole_name = _strip_determiner(head)
    if _BODY_NAME_WITH_AND.match(whole_name):
        return appositive_role, whole_name
    start = _coordination_start(role_text)
    return appositive_role, (role_text[start:] + " " + name).strip()


def _principal(role_text: str) -> tuple[bool, str]:
    """Whether the name after the role words is someone the speakers work for or live near
    ("aides to Gov. X", "Residents in Houston"), and the role words to read further: after a
    message noun the name itself speaks ("an email from X"), so the role starts after it."""
    principal = re.match(
        r"^(?:(?:a|an|the|some|several|two|three)\s+)?(?:[\w-]+\s+){0,6}?"
        r"[a-z][\w-]*\s+(?:to|for|in|at|by|from|on|with)(?:\s|$)",
        role_text,
    )
    if principal is None:  # "Residents in Houston", capitalised only to start the sentence
        principal = re.match(r"^[A-Z][a-z]+s\s+(?:in|at|from)(?:\s|$)", role_text)
    carrier = principal and re.search(r"(\w+)\s+\w+\s*$", principal.group(0))
    if carrier and (
        carrier.group(1).lower().rstrip("s") in _MESSAGES
        or any(c.category == "document" for c in _cues(carrier.group(1)))
    ):
        return False, re.sub(r"^.*?\b(?:from|by|of|in|on|at|with|to|for)(?:\s+|$)", "", role_text, count=1, flags=re.I)
    return principal is not None, role_text


def _of_an_organisation(role_text: str, name: str, appositive_role: str | None) -> tuple[str | None, str] | None:
    """'Sen. Ann Lee of Ohio' (a person and a place); 'Bank of America' (one name)."""
    of_org = re.search(r"(?:^|\s)(?:of|for)(?:\s+the)?$", role_text, re.I)
    if not (of_org and len(name.split()) <= 2 and _all_capitalised(role_text[: of_org.start()].split()[-1:] or [""])):
        return None
    before_of = role_text[: of_org.start()]
    person = _trailing_name(before_of)
    if person and len(person[1].split()) >= 2:
        role = _clean_role(person[0]) if person[0] else None
        return appositive_role or role, person[1]
    org = role_text[_capitalised_chain_end(before_of) :].strip()
    if not _looks_like_outlet(org + " " + name):
        org = _strip_determiner(org)
    return appositive_role, (org + " " + name).strip()


def _organisation_name(head: str, name: str, appositive_role: str | None) -> tuple[str | None, str] | None:
    """'Pew Research Center': capitalised lexicon words and one more name word are one name."""
    whole = _strip_determiner(head) if not head.startswith("The ") else head
    whole_cues = _cues(whole)
    if (
        len(name.split()) == 1
        and _all_capitalised(whole)
        and 1 < len(whole.split()) <= 5
        and whole_cues
        and not any(c.category in {"title", "media_person", "staff", "candidate", "affiliation"} for c in whole_cues)
        and not any(w.lower() in _FUNCTION_CAPS - {"the", "of", "and", "for"} for w in whole.split())
    ):
        return appositive_role, whole
    return None


def _role_then_person(role_text: str, name: str, appositive_role: str | None) -> tuple[str | None, str]:
    """'CIA Director Jane Roe': the role words, and the name without honorifics."""
    name = " ".join(w for w in name.split() if w.lower() not in _HONORIFICS) or name
    role = _clean_role(role_text) if role_text else None
    if role and role.lower() in _HONORIFICS | {"the"}:
        role = None
    return appositive_role or role, name


def _split_nameless(head: str, appositive_role: str | None) -> tuple[str | None, str]:
    """(role, name) of a head with no trailing proper name: "The Telegraph newspaper" or a
    nameless description, which is its own name."""
    words = head.split()
    if len(words) > 2 and words[0].lower() == "the" and not words[0][0].isupper():
        words = ["The", *words[1:]]
    run = 0
    while run < len(words) and (_is_cap(words[run]) or words[run].lower() in _NAME_PARTICLES):
        run += 1
    leading = words[:run]
    if leading and (
        leading[0].lower() in _FUNCTION_CAPS - {"the"}
        or all(w.lower() in _FUNCTION_CAPS for w in leading)
        or leading[-1].endswith("'s")
    ):
        leading = []
    if (
        len(words) - len(leading) == 1
        and leading
        and not any(c.category in {"title", "media_person", "staff", "candidate"} for c in _cues(" ".join(leading)))
    ):
        tail = words[-1]
        tail_cues = _cues(tail)
        if (
            tail_cues
            and not tail.lower().endswith("s")
            and (all(c.category == "outlet" for c in tail_cues) or tail.lower() in _ORG_KINDS)
        ):
            name = " ".join(leading)
            if name.lower().startswith("the ") and not _looks_like_outlet(name):
                name = name[4:]
            return appositive_role or tail, name
    return appositive_role, _strip_determiner(head) or head


_MESSAGES = {
    "email",
    "e-mail",
    "letter",
    "memo",
    "statement",
    "tweet",
    "post",
    "note",
    "message",
    "video",
    "interview",
    "speech",
    "remark",
    "comment",
    "op-ed",
    "column",
    "ad",
    "advertisement",
}


def _trailing_name_is_person(phrase: str) -> bool:
    """Whether a title precedes the final name ("CNN anchor Jo Lee" is a person, "Metro News" not)."""
    return any(c.category in {"title", "media_person", "expert", "staff", "other"} for c in _cues(phrase))


# Kinds of organisation that follow their own name ("the Acme company"); unlike
# "administration" or "campaign", which follow their principal's name.
_ORG_KINDS = {
    "union",
    "company",
    "firm",
    "corporation",
    "group",
    "organization",
    "organisation",
    "association",
    "foundation",
    "agency",
    "institute",
    "university",
    "bank",
    "fund",
}


def _capitalised_chain_end(text: str) -> int:
    """Where the run of capitalised words (with "of", "the") that ends ``text`` starts."""
    start = len(text)
    for match in reversed(list(re.finditer(r"\S+", text))):
        token = match.group(0)
        connective = token.lower() in {"of", "the", "for", "and"}
        if not (_is_cap(token) or connective) or (token.lower() in _FUNCTION_CAPS and not connective):
            break
        start = match.start()
    while text[start:].lower().startswith(("of ", "for ", "and ")):
        start += text[start:].index(" ") + 1
    return start


def _coordination_start(role_text: str) -> int:
    """Start of "Lee and" / "The Daily Example and the" at the end of ``role_text``."""
    without = re.sub(r"\s*(?:and|&)(?:\s+the)?$", "", role_text, flags=re.I)
    start = _capitalised_chain_end(without)
    tokens = list(re.finditer(r"\S+", without[start:]))
    if len(tokens) > 3:  # a conjunct is a short name, not a title-case headline
        start += tokens[-3].start()
    return start


def _appositive_role(appositive: str) -> str | None:
    """The role in an appositive: its first comma segment, skipping an age ("54,")."""
    segments = [seg.strip() for seg in re.split(r"(?<!\d),|,(?!\d{3}\b)", appositive) if seg.strip()]
    while segments and re.fullmatch(r"\d{1,3}", segments[0]):
        segments = segments[1:]
    return _clean_role(segments[0]) if segments else None


@lru_cache(maxsize=65536)
def _looks_like_outlet(name: str) -> bool:
    """A capitalised name shaped like an outlet: "The X Times", "X News", "X Radio"."""
    words = [w.strip(".,'’") for w in name.split()]
    words = [w for w in words if w]
    if not words or len(words) > 6 or not all(_is_cap(w) or w.lower() in {"of", "the", "and"} for w in words):
        return False
    if any(w.lower() in _FUNCTION_CAPS - {"the", "of", "and"} for w in words):
        return False  # "CNN Now Answers To X" is a headline, not an outlet
    if any(re.search(r"['’]s?$", w) for w in name.split()[:-1]):
        return False  # "CNN's Jo Lee" is a person of an outlet
    lowered = " ".join(words).lower().removeprefix("the ")
    if any(c.category == "outlet_name" and c.start == 0 for c in _cues(lowered)) and len(words) <= 3:
        return True
    if len(words) >= 2 and words[0].lower() == "daily":
        return True  # "Daily X"
    return len(words) >= 2 and words[-1].lower() in _lexicon().outlet_endings


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    role: str | None
    name: str
    proper: bool


@lru_cache(maxsize=65536)
def _parse(mention: str) -> _Mention:
    role, name = split_role_and_name(mention)
    if (name.isupper() and len(name) > 4 and " " not in name.strip()) or (name.isupper() and len(name.split()) > 1):
        name = name.title()  # transcript speakers: "TAPPER:" is Tapper
    words = name.split()
    proper = (
        bool(words)
        and all(_is_cap(w) or w.lower() in _NAME_PARTICLES or w.lower() in {"of", "the", "and", "&"} for w in words)
        and words[0].lower() not in _FUNCTION_CAPS - {"the"} - _PEERAGE
        and not ({c.category for c in _cues(name)} and all(_covered(name, w) for w in words))
    )
    text = _normalize(mention)
    modifier = _PARTICIPLE_MODIFIER.search(text)
    return _Mention(text[: modifier.start()] if modifier else text, role, name, proper)


def _covered(name: str, word: str) -> bool:
    """Whether ``word`` of ``name`` lies inside a lexicon entry (so it is not a proper name)."""
    lowered = word.lower().strip(".,")
    return (
        any(lowered in c.word.split() or c.word.startswith(lowered) for c in _cues(name))
        or lowered in {"of", "the", "and"}
        or lowered in _PEERAGE
    )  # "Lord Chancellor" is an office


@lru_cache(maxsize=65536)
def _after_head(text: str) -> str:
    """The appositive or relative clause of a mention ("X, a former aide" -> ", a former aide")."""
    match = re.search(r",|\s(?:who|which)\s", text)
    if not match or _ACTION_CLAUSE.match(text[match.start() :].lstrip(", ")):
        return ""
    return text[match.start() :]


_LEAD_LOWER = re.compile(r"^(?:[a-z]+\s+)+")


def _spelled_out_name(mention: _Mention) -> _Mention:
    """The mention of the name an acronym stands for, as a proper name ("and the Democratic
    National Committee" -> "Democratic National Committee")."""
    return _Mention(mention.text, mention.role, _LEAD_LOWER.sub("", mention.name), True)


# "friends of", "aides to Mayor": people described by the person named after them
AROUND_A_NAME = re.compile(
    rf"\b(?i:{'|'.join(sorted(words('source_nouns.txt', 'people_around_a_name')))})\s+(?:of|to)(?:\s+the)?"
    r"(?:\s+[A-Z][\w.]*)*$"
)
_ROLE_PREPOSITION_END = re.compile(r"\b(?:of|in|at|from|for|on)(?: the)?$", re.I)


def _canonical_name(real: list[_Mention]) -> tuple[str, str | None]:
    """The fullest proper name among mentions and its key (last word), or a description."""
    proper = [p for p in real if p.proper]
    # "The mayor of Aveiro", "the BBC's man in Paris": a name after "<role> of" (or "in", "at",
    # "for") is a place or body, not the speaker
    if proper and all(p.role and AROUND_A_NAME.search(p.role) for p in proper):
        return proper[0].text, None  # "Friends of Mr. Clinton's" are not Mr. Clinton
    people = [p for p in proper if not (p.role and _ROLE_PREPOSITION_END.search(p.role))]
    proper = people or proper
    # "ONS" once "the Office for National Statistics" is among the names: the name it stands for
    # (even one made of lexicon words, which alone would read as a description)
    spelled = {letters: p for p in real if (letters := initials(_LEAD_LOWER.sub("", p.name)))}
    proper = [_spelled_out_name(spelled[p.name]) if p.name in spelled else p for p in proper]
    if proper:
        counts = Counter(p.name.split()[-1] for p in proper)
        first_seen: dict[str, int] = {}
        for i, p in enumerate(proper):
            first_seen.setdefault(p.name.split()[-1], i)
        key = max(counts, key=lambda k: (counts[k], -first_seen[k]))
        candidates = [p.name for p in proper if key in p.name.split()]
        single = [n for n in candidates if not re.search(r"\s(?:and|&)\s", n)]
        candidates = single or candidates  # "Ann Lee and Bo Park" names two people
        frequency = Counter(candidates)
        best = max(candidates, key=lambda n: (len(n.split()), frequency[n], n.startswith("The")))
        if (
            _looks_like_outlet(best)
            and not best.startswith("The ")
            and any(re.search(rf"\b[Tt]he {re.escape(best)}", p.text) for p in real)
        ):
            best = "The " + best
        return best, key
    descriptions = [p.name for p in real]
    return (descriptions[0] if descriptions else "unidentified speaker"), None


@lru_cache(maxsize=65536)
def _prenominal_role(text: str) -> str | None:
    """The cleaned role words before the name in a mention's head ("Washington Post columnist")."""
    head = re.split(r",|\s(?:who|which)\s", _normalize(text), maxsplit=1)[0]
    split = _trailing_name(head)
    return _clean_role(split[0]) if split and split[0] else None
