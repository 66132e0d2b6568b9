"""Name and type a speaking entity from the texts of its mentions.

The attribution resolver decides which mentions form one entity and calls
:func:`describe_source` with their texts (document order) and sentences. This module
turns them into a canonical name, a role and a :class:`SourceType`, with a short
reason. Everything is general rules over plain word lists in ``data/source_*.txt``
(titles, institutions, media words and outlet-name shapes, anonymity markers, expert,
staff, poll and lay-person words); no rule knows a particular person or outlet of a
test article.

Decisions worth knowing:

* Names: the fullest proper name among the mentions, without role words, honorifics
  or determiners; an outlet keeps "The" when any mention writes it ("The Telegraph",
  "The Washington Post"), other bodies lose it ("State Department"). Nameless
  sources are named by their description ("unidentified Ukrainian soldier").
* Roles: the longest role written in the mentions themselves (before the name or in
  an appositive); only when they have none, one read from the sentences around them.
* Types are decided by ordered rule groups (see :func:`_classify`): poll shares and
  anonymity of unnamed sources; media people, outlets and their people; spokespeople,
  partial groups, candidates, former office holders (elected ones stay official, staff
  and appointees speaking as commentators are third party) and titles written before
  the name; polls, single unnamed insiders, handles, leaked documents, state media;
  staff of a principal, ages, experts and lay people (a lay word must head a role);
  then titles, outlets, institutions and official records, and the defaults. The
  mentions' own words decide first; the sentences around them only when the mentions
  leave a default.
* Polls, pollsters and poll shares ("47 percent") are ``OTHER``: a measurement by a
  third party, neither an outlet nor an official.
* A name with no role anywhere defaults to ``OFFICIAL``: in PolNeAR train 119 of 130
  such sources are official (candidates and officials are named bare once introduced).
  A bare name that "reported" something is taken for a reporter or outlet; one whose
  transcript turns are questions (or who "asked") for a host or moderator; a person
  ("she said") only ever named by one name for an ordinary person.
* Speed: pure helpers are memoised per text, per-name patterns are compiled only when a
  sentence could match them, and each distinct (mention, sentence) pair is read once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from reader.core.lexicon import sections, trie_pattern
from reader.core.model import SourceType


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """The canonical name, role and type of one source, with the reason for the type."""

    name: str
    role: str | None
    type: SourceType
    reason: str


# ---------------------------------------------------------------- lexicons

@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    categories: dict[str, frozenset[str]]
    outlet_endings: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    media = sections("source_media.txt")
    official = sections("source_official.txt")
    by_category = {
        "title": official["titles"],
        "body": official["bodies"],
        "document": official["documents"],
        "candidate": sections("source_candidate.txt")["main"],
        "media_person": media["people"],
        "outlet": media["outlets"],
        "outlet_name": media["outlet_names"],
        "anonymous": sections("source_anonymous.txt")["main"],
        "expert": sections("source_expert.txt")["main"],
        "other": sections("source_other.txt")["main"],
        "poll": sections("source_polls.txt")["main"],
        "staff": sections("source_staff.txt")["main"],
        "affiliation": sections("source_affiliations.txt")["main"],
    }
    categories: dict[str, set[str]] = {}
    for category, entries in by_category.items():
        for entry in entries:
            categories.setdefault(entry, set()).add(category)
    body = trie_pattern(categories, plurals=True)
    pattern = re.compile(rf"(?<![\w.'-])(?:{body})(?![\w-]|'[a-rt-z])")
    return _Lexicon(
        pattern,
        {k: frozenset(v) for k, v in categories.items()},
        frozenset(media["outlet_name_endings"]),
    )


@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class _Cue:
    category: str
    word: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def _cues(text: str) -> tuple[_Cue, ...]:
    """Every lexicon entry found in ``text`` (longest match first), with its categories."""
    lex = _lexicon()
    found = []
    for match in lex.pattern.finditer(text.lower()):
        word = match.group(0)
        cats = lex.categories.get(word) or lex.categories.get(_singular(word), frozenset())
        for category in sorted(cats):
            found.append(_Cue(category, word, match.start(), match.end()))
    return tuple(found)


def _singular(word: str) -> str:
    lex = _lexicon()
    for cut in (2, 1):
        if word[:-cut] in lex.categories:
            return word[:-cut]
    return word


# ---------------------------------------------------------------- names and roles

_DETERMINERS = {"the", "a", "an"}
_FUNCTION_CAPS = {
    "the", "a", "an", "some", "several", "many", "most", "all", "both", "other", "others",
    "one", "two", "three", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "according", "as", "by", "in", "on", "at", "for", "and", "but", "if",
    "when", "while", "after", "before", "then", "now", "why", "how", "what", "where", "i",
    "we", "you", "he", "she", "it", "they", "who", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs",
    "ms", "dr", "miss", "sir", "dame", "lord", "lady", "with", "from", "to", "of", "about",
    "more", "like", "after", "against", "over", "under", "via", "not", "no", "new:", "watch",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
}
_ROLE_LEADING = {"the", "a", "an", "as", "and", "his", "her", "their", "its", "our", "by", "according",
                 "to", "like", "with", "is", "was", "for", "of", "regarding", "in", "on", "at", "from",
                 "about", "said", "says", "told", "when", "while", "but", "if", "so"}
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss", "sir"}
_NAME_PARTICLES = {"de", "van", "von", "der", "bin", "da", "del", "la", "le", "al", "ibn", "di"}
_PRONOUNS = {
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "who", "whom",
    "it", "its", "i", "me", "we", "us", "you", "which", "that", "this", "one",
}
_FIRST_PERSON = {"i", "me", "we", "us", "you"}
_RELATIVE = re.compile(
    r"\s*\b(?:who|which)\s+(?:has been|had been|is|was|are|were|has|had|now|once)?\s*", re.I)
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


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or token[0].isdigit() and len(token) > 2)


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


# What starts a predicate, not an appositive, after "Name,": a verb in the past or present tense.
_PREDICATE_START = re.compile(
    r"\s*(?:[a-z]+ed|spoke|said|says|told|tells|wrote|writes|gave|made|took|went|met|sent|held|led|won|lost|"
    r"ran|came|saw|knew|thought|felt|found|left|kept|brought|has|had|is|was|will|would|can|could)\b"
)
_ACTION_CLAUSE = re.compile(
    r"^\s*(?:who|which)\s+(?!(?:is|was|are|were|has been|had been|now|once|served|worked|"
    r"serves|works|heads|leads|runs|chairs|directs|represents|hosts|anchors|writes|covers|edits|"
    r"teaches|studies|researches|owns|founded|co-founded|manages|advises|oversees)\b)", re.I)


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
    if len(words) > 1 and all(_is_cap(w) for w in words) and any(
        w.lower() in _FUNCTION_CAPS - {"the", "of", "and", "for"} for w in words
    ):
        return None  # a title-case headline fragment, "X Now Answers To"
    return " ".join(words)


def _lexicon_spans(text: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in _cues(text) if c.category != "anonymous"]


@lru_cache(maxsize=65536)
def _trailing_name(head: str) -> tuple[str, str] | None:
    """Split ``head`` into (role text, trailing run of capitalised non-title words)."""
    spans = _lexicon_spans(head)
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", head)]
    name_start = None
    for start, end, token in reversed(tokens):
        word = token.strip(",;:")
        inside = any(s <= start < e or s < end <= e for s, e in spans)
        if inside:
            break
        if word.lower() in _NAME_PARTICLES and name_start is not None:
            name_start = start
            continue
        if not _is_cap(word) or word.lower() in _FUNCTION_CAPS or word.endswith(("'s", "’s", "'", "’")):
            break
        name_start = start
    if name_start is None:
        return None
    name = head[name_start:].strip(" ,;:")
    while name.split() and name.split()[0].lower() in _NAME_PARTICLES:
        name = " ".join(name.split()[1:])
    if not name:
        return None
    tokens_ = name.split()
    full = [t for t in tokens_ if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|II|III|IV", t)
            and t.lower() not in _NAME_PARTICLES]  # "Ursula von der Leyen" is a two-word name
    if len(full) > 3 and not _looks_like_outlet(name):
        # A run this long is a title-case headline swallowing the name: keep the name.
        name = " ".join(tokens_[-2:])
        return head[: len(head) - len(name)].strip(), name
    return head[:name_start].strip(), name


@lru_cache(maxsize=65536)
def split_role_and_name(phrase: str) -> tuple[str | None, str]:
    """Split a mention into (role, name).

    "CIA Director Jane Roe" -> ("CIA Director", "Jane Roe");
    "John Smith, a spokesman for the ministry" -> ("spokesman for the ministry", "John Smith");
    "The Telegraph newspaper" -> ("newspaper", "The Telegraph"); a nameless description
    comes back whole without its article: "An unidentified soldier" -> (None, "unidentified soldier").
    """
    text = _PARENTHETICAL.sub("", _normalize(phrase)).strip(" ,;:")
    text = re.sub(r"(?<=\w)'s?$", "", text)
    text = re.split(r"(?<=[a-z]{3})[.!?]\s+(?=[A-Z])", text)[-1]  # a mention running across a sentence end
    text = re.sub(r"^(?:[$€£]?\d[\d,.]*\s+)+(?=[A-Z])", "", text)  # "200 Lee emails" -> "Lee emails"
    # a comma inside a number ("1,050 voters") separates nothing
    head, _, appositive = (re.sub(r"(?<=\d),(?=\d{3})", "\x00", text).partition(","))
    head, appositive = head.replace("\x00", ","), appositive.replace("\x00", ",")
    head = head.strip()
    relative = _RELATIVE.search(head)
    if relative and relative.start() > 0:
        head, appositive = head[: relative.start()], head[relative.start():] + (", " + appositive if appositive else "")
    modifier = _PARTICIPLE_MODIFIER.search(head)
    if modifier:
        head = head[: modifier.start()]  # "unions representing the workers": unions, whoever they represent
    appositive_role = _appositive_role(appositive)

    proper_appositive = appositive_role and _all_capitalised(appositive_role) and not _lexicon_spans(appositive_role)
    if proper_appositive and not _trailing_name(head):
        return _clean_role(head), appositive_role  # "the senator's son, Grant" -> name Grant
    if proper_appositive and _OFFICE_OF_PLACE.match(head) and any(c.category == "title" for c in _cues(head)):
        return _clean_role(head), appositive_role  # "The mayor of Aveiro, Rui Tavares" -> name Rui Tavares
    if proper_appositive:
        appositive_role = None  # "Ann Lee, Bo Park": a list of names, not a role

    affiliation = _AFFILIATION.match(head)
    if affiliation:
        person = affiliation.group("person")
        words = person.split()
        if len(words) >= 2 and all(_is_cap(w) and w.lower() not in _FUNCTION_CAPS for w in words):
            if not _lexicon_spans(person):
                return appositive_role or _clean_role(affiliation.group("org")), person
            title, name = split_role_and_name(person)
            at_institution = head[affiliation.start("org"):].startswith(("the ", "The "))
            if title and at_institution and len(name.split()) >= 2 and _all_capitalised(name) and not _lexicon_spans(name):
                # "Judge Elena Sato of the district court": the person, and her office at the court
                return appositive_role or _clean_role(f"{title} {head[affiliation.end('person'):].strip()}"), name

    bare = _strip_determiner(head) if not head.startswith("The ") else head
    if _all_capitalised(bare) and _looks_like_outlet(bare) and not _trailing_name_is_person(bare):
        return appositive_role, bare  # "Bloomberg News", "The Daily Example"

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
    coordinated = re.search(r"(?:^|\s)(?:and|&)(?:\s+the)?$", role_text, re.I)
    whole_name = _strip_determiner(head)
    if coordinated and _BODY_NAME_WITH_AND.match(whole_name):
        return appositive_role, whole_name  # "the Centre for Disease Prevention and Control"
    if coordinated:
        start = _coordination_start(role_text)
        return appositive_role, (role_text[start:] + " " + name).strip()
    principal = re.match(r"^(?:(?:a|an|the|some|several|two|three)\s+)?(?:[\w-]+\s+){0,6}?"
                         r"[a-z][\w-]*\s+(?:to|for|in|at|by|from|on|with)(?:\s|$)", role_text)
    if principal is None:  # "Residents in Houston", capitalised only to start the sentence
        principal = re.match(r"^[A-Z][a-z]+s\s+(?:in|at|from)(?:\s|$)", role_text)
    carrier = principal and re.search(r"(\w+)\s+\w+\s*$", principal.group(0))
    if carrier and (carrier.group(1).lower().rstrip("s") in _MESSAGES
                    or any(c.category == "document" for c in _cues(carrier.group(1)))):
        principal = None  # "an email from X", "a statement by X": X speaks
        role_text = re.sub(r"^.*?\b(?:from|by|of|in|on|at|with|to|for)(?:\s+|$)", "", role_text,
                           count=1, flags=re.I)
    if principal:  # "aides to Gov. X": the speakers are the aides, not X
        return appositive_role, _strip_determiner(head)
    of_org = re.search(r"(?:^|\s)(?:of|for)(?:\s+the)?$", role_text, re.I)
    if of_org and len(name.split()) <= 2 and _all_capitalised(role_text[: of_org.start()].split()[-1:] or [""]):
        before_of = role_text[: of_org.start()]
        person = _trailing_name(before_of)
        if person and len(person[1].split()) >= 2:  # "Sen. Ann Lee of Ohio": a person and a place
            role = _clean_role(person[0]) if person[0] else None
            return appositive_role or role, person[1]
        org = role_text[_capitalised_chain_end(before_of):].strip()
        if not _looks_like_outlet(org + " " + name):
            org = _strip_determiner(org)
        return appositive_role, (org + " " + name).strip()  # "Bank of America"
    whole = _strip_determiner(head) if not head.startswith("The ") else head
    whole_cues = _cues(whole)
    if len(name.split()) == 1 and _all_capitalised(whole) and 1 < len(whole.split()) <= 5 and whole_cues \
            and not any(c.category in {"title", "media_person", "staff", "candidate", "affiliation"}
                        for c in whole_cues) \
            and not any(w.lower() in _FUNCTION_CAPS - {"the", "of", "and", "for"} for w in whole.split()):
        return appositive_role, whole  # "Pew Research Center": an organisation's name
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
        words = ["The"] + words[1:]
    run = 0
    while run < len(words) and (_is_cap(words[run]) or words[run].lower() in _NAME_PARTICLES):
        run += 1
    leading = words[:run]
    if leading and (leading[0].lower() in _FUNCTION_CAPS - {"the"}
                    or all(w.lower() in _FUNCTION_CAPS for w in leading)
                    or leading[-1].endswith("'s")):
        leading = []
    if len(words) - len(leading) == 1 and leading and not any(
        c.category in {"title", "media_person", "staff", "candidate"} for c in _cues(" ".join(leading))
    ):
        tail = words[-1]
        tail_cues = _cues(tail)
        if tail_cues and not tail.lower().endswith("s") and (
            all(c.category == "outlet" for c in tail_cues) or tail.lower() in _ORG_KINDS
        ):
            name = " ".join(leading)
            if name.lower().startswith("the ") and not _looks_like_outlet(name):
                name = name[4:]
            return appositive_role or tail, name
    return appositive_role, _strip_determiner(head) or head


_MESSAGES = {"email", "e-mail", "letter", "memo", "statement", "tweet", "post", "note", "message",
             "video", "interview", "speech", "remark", "comment", "op-ed", "column", "ad", "advertisement"}


def _trailing_name_is_person(phrase: str) -> bool:
    """Whether a title precedes the final name ("CNN anchor Jo Lee" is a person, "Metro News" not)."""
    return any(c.category in {"title", "media_person", "expert", "staff", "other"} for c in _cues(phrase))


# Kinds of organisation that follow their own name ("the Acme company"); unlike
# "administration" or "campaign", which follow their principal's name.
_ORG_KINDS = {"union", "company", "firm", "corporation", "group", "organization", "organisation",
              "association", "foundation", "agency", "institute", "university", "bank", "fund"}


def _all_capitalised(words: str | list[str]) -> bool:
    tokens = words.split() if isinstance(words, str) else words
    return bool(tokens) and all(_is_cap(t) or t.lower() in {"of", "the", "and", "for"} for t in tokens)


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


# ---------------------------------------------------------------- typing

# What a named source can be described as and be an outlet ("…, the city's largest
# newspaper"), unlike formats it appears in ("a Bloomberg interview", "a 2016 story").
_OUTLET_NOUNS = {"newspaper", "paper", "magazine", "network", "broadcaster", "channel", "station",
                 "website", "site", "tabloid", "daily", "weekly", "journal", "outlet", "publication",
                 "agency", "wire", "service", "newsletter", "blog", "radio", "television"}
# Formats a named person appears in, which make no outlet of them ("in a Bloomberg interview").
_FORMAT_WORDS = {"interview", "story", "piece", "article", "segment", "headline", "profile", "feature"}
_INDIVIDUAL_INSIDERS = {"official", "aide", "adviser", "advisor", "staffer", "member", "strategist",
                        "operative", "consultant", "insider", "person", "lawmaker", "diplomat",
                        "officer"}
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person|people|men|women)|press secretary|press office)", re.I)
_GROUP_QUANTIFIER = re.compile(r"^(?:some|several|many|few|a few|other|others|most|those|certain)\b", re.I)
_AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_AFTER_AGE = re.compile(r",\s*(?:a|an|of|from|who|the|lives|lived|works|worked)\b", re.I)
_APPOSITIVE = re.compile(
    r"^\s*,\s*((?:a|an|the|who|now|then|his|her|its|their|one|former|chief|head|director|"
    r"president|spokes\w+)\b[^;.()\"“”]{0,140}?)(?:,(?!\d{3}\b)|\.(?!\d)|;|$|\s+(?:said|says|told|added|wrote))",
    re.I,
)
# ", research director for X," : a lower-case appositive that holds a person's role word
_LOWER_APPOSITIVE = re.compile(r"^\s*,\s*(?![a-z]+(?:ing|ed)\b|(?:him|her|them|it|he|she|they|we|i|you|his|its|their|"
                               r"and|or|but|while|because|as|so|when|if|which|whose|where|although)\b)"
                               r"([a-z][^;.()\"“”,]{2,100}?)(?:,|\.|;|$|\s+(?:said|says|told|added))")
# ", House editor for the X Report," / ", CNN anchor": a role noun after a capitalised modifier
_CAP_APPOSITIVE = re.compile(
    r"^\s*,\s*((?:[A-Z][\w.&'’-]*\s+){1,3}([a-z][\w-]*)(?:\s+(?:for|at|of|with|in)\s+[^;.()\"“”,]{2,90}?)?)"
    r"(?:,|\.|;|$|\s+(?:said|says|told|added))"
)


def _capitalised_appositive(rest: str) -> re.Match[str] | None:
    match = _CAP_APPOSITIVE.match(rest)
    if match and {c.category for c in _cues(match.group(2))} & (_PERSON_CATEGORIES - {"other"}):
        return match
    return None


_STATE_MEDIA = re.compile(r"\bstate(?:-run|-owned)?\s+(?:news agency|media|television|tv|broadcaster|radio)", re.I)
_LEAKED = re.compile(r"\b(?:leaked|hacked|obtained by|wikileaks)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    role: str | None
    name: str
    proper: bool


@lru_cache(maxsize=65536)
def _parse(mention: str) -> _Mention:
    role, name = split_role_and_name(mention)
    if name.isupper() and len(name) > 4 and " " not in name.strip() or (name.isupper() and len(name.split()) > 1):
        name = name.title()  # transcript speakers: "TAPPER:" is Tapper
    words = name.split()
    proper = bool(words) and all(
        _is_cap(w) or w.lower() in _NAME_PARTICLES or w.lower() in {"of", "the", "and", "&"} for w in words
    ) and words[0].lower() not in _FUNCTION_CAPS - {"the"} and not (
        {c.category for c in _cues(name)} and all(_covered(name, w) for w in words)
    )
    text = _normalize(mention)
    modifier = _PARTICIPLE_MODIFIER.search(text)
    return _Mention(text[: modifier.start()] if modifier else text, role, name, proper)


def _covered(name: str, word: str) -> bool:
    """Whether ``word`` of ``name`` lies inside a lexicon entry (so it is not a proper name)."""
    lowered = word.lower().strip(".,")
    return any(lowered in c.word.split() or c.word.startswith(lowered) for c in _cues(name)) or \
        lowered in {"of", "the", "and"}


@lru_cache(maxsize=65536)
def _context_roles(mention: str, context: str, key: str | None) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Roles written around the entity in ``context``: appositives after it (cleaned and raw)
    and role words before it, at the mention and at every other occurrence of the key name;
    and whether an age follows it."""
    mention_n, context_n = _normalize(mention), _normalize(context)
    places: list[tuple[int, int]] = []
    if mention_n and mention_n.lower() not in _PRONOUNS:
        at = context_n.find(mention_n)
        if at >= 0:
            places.append((at, at + len(mention_n)))
    if key and key in context_n:
        for match in _word_pattern(key).finditer(context_n):
            head = context_n[: match.end()]
            split = _trailing_name(" ".join(head.rsplit(maxsplit=6)[-6:]))
            name_len = len(split[1]) if split and split[1].endswith(key) else len(key)
            places.append((match.end() - name_len, match.end()))
    roles: list[str] = []
    raw: list[str] = []
    aged = False
    for start, end in dict.fromkeys(places):
        after = context_n[end:]
        age = _AGE.match(after)
        # "X, 45, a retiree from Ohio": an age and a description mark an ordinary person;
        # an age alone ("X, 68, said") says nothing about office
        aged |= bool(age) and bool(_AFTER_AGE.match(after, age.end() - 1))
        rest = after[age.end() - 1 :] if age else after
        appositive = _APPOSITIVE.match(rest)
        if appositive is None:
            lower = _LOWER_APPOSITIVE.match(rest)
            if lower and _PREDICATE_START.match(lower.group(1)):
                lower = None  # "X, spoke to our reporter": the sentence's verb, not an appositive
            if lower and len(lower.group(1).split()) <= 16 and any(
                c.category in _PERSON_CATEGORIES and c.word not in _GENERIC_PEOPLE for c in _cues(lower.group(1))
            ):
                appositive = lower
        if appositive is None:
            appositive = _capitalised_appositive(rest)
        if appositive and key and key in appositive.group(1) and _word_pattern(key).search(appositive.group(1)):
            appositive = None  # it names the entity itself: not a role of it
        if appositive:
            raw.append(appositive.group(1))
            role = _clean_role(appositive.group(1))
            if role:
                roles.append(" ".join(role.split()[:12]))
        if _is_cap(context_n[start:end]):
            before = (_role_before(context_n[:start]) or _outlet_before(context_n[:start])
                      or _description_before(context_n[:start]))
            if before:
                roles.append(before)
    return tuple(roles), tuple(raw), aged


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


# "47 percent", "Twenty-four percent of voters", "two in three", "a majority of": poll shares.
_SHARE = re.compile(
    r"^(?:(?:about|nearly|almost|roughly|around|some|just|only|over|under|more than|fewer than|less than)\s+){0,2}"
    r"(?:[\w-]+ (?:percent|per cent)|\d+(?:\.\d+)?\s?%|[\w-]+ (?:in|out of) (?:\d+|ten|[\w-]+)|"
    r"(?:a |the )?(?:majority|minority|plurality|third|quarter|half)\b"
    # a bare count ("43 said the same"): a share of those polled or counted
    r"|\d+(?:\.\d+)?$)",
    re.I,
)
_GENERIC_PEOPLE = {"people", "person", "man", "woman", "men", "women", "others", "someone", "crowd",
                   "citizens", "citizen", "friend", "friends"}
_PERSON_CATEGORIES = {"title", "media_person", "expert", "staff", "other", "candidate"}
_RELATIONS = {"friend", "friends", "ally", "allies", "fan", "fans", "neighbor", "neighbour", "mother",
              "father", "parent"}
_PRE_ROLE_STOP = {
    "said", "says", "say", "told", "tells", "according", "to", "by", "and", "that", "the", "a", "an",
    "with", "from", "for", "in", "on", "at", "as", "who", "when", "while", "but", "or", "added",
    "asked", "wrote", "noted", "explained", "argued", "claimed", "is", "was", "are", "were",
    "whom", "of", "than", "about", "like", "called", "named", "against", "between", "his", "her",
}


def _outlet_before(text_before: str) -> str | None:
    """An outlet written possessively before a name: "CNN's Jo Lee" -> "CNN"."""
    match = re.search(r"((?:[A-Z][\w.&-]*\s){0,3}[A-Z][\w.&-]*)(?:'s|')\s$", text_before)
    if match and (_looks_like_outlet(match.group(1)) or _looks_like_outlet("The " + match.group(1))):
        return match.group(1)
    return None


_DESCRIPTION_BEFORE = re.compile(r"(?:^|[.;:!?\"“”]\s+)((?:A|An|The|a|an|the)\s+[^,;:\"“”()]{2,90}?),\s$")


@lru_cache(maxsize=65536)
def _description_before(text_before: str) -> str | None:
    """A description set before a name by a comma: "A transport economist at X, <name>"."""
    match = _DESCRIPTION_BEFORE.search(text_before)
    if not match or not {c.category for c in _cues(match.group(1))} & _PERSON_CATEGORIES:
        return None
    return _clean_role(match.group(1))


@lru_cache(maxsize=65536)
def _role_before(text_before: str) -> str | None:
    """Lower-case role words written just before a name: "said radio host" -> "radio host"."""
    if not text_before or text_before[-1:] not in (" ",):
        return None
    tokens = text_before.split()[-4:]
    if not tokens or tokens[-1].lower() in _PRE_ROLE_STOP | _RELATIONS:
        return None
    if not {c.category for c in _cues(tokens[-1])} & _PERSON_CATEGORIES:
        return None  # the word before the name must be a person's role noun: "radio host X"
    taken: list[str] = []
    for token in reversed(tokens):
        if token.lower() in _PRE_ROLE_STOP or not re.fullmatch(r"[\w.'-]+", token):
            break
        taken.insert(0, token)
    phrase = " ".join(taken)
    if not phrase or not _cues(phrase) or all(_is_cap(w) for w in taken):
        return None
    return _clean_role(phrase)


_ANONYMITY_CLAUSE = re.compile(
    r"condition of anonymity|not authori[sz]ed to (?:speak|discuss|comment)|"
    r"asked not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"requested anonymity|spoke anonymously|speaking anonymously|"
    # "three people who were briefed on the talks": unnamed because they are insiders
    r"who (?:were|was|had been|have been|are|is) (?:briefed on|familiar with|knowledgeable about)",
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
    r"consultant|speechwriter|operative)s?\b", re.I)
_ELECTED = re.compile(
    r"\bformer\s+(?:[\w.-]+\s+){0,2}?(?:president|vice president|senator|sen\.|governor|gov\.|"
    r"secretary of state|prime minister|congressman|congresswoman|representative|rep\.|mayor|speaker)\b",
    re.I,
)
_WEB_ADDRESS = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|fr|de|ru|ua|in|io|news)\b", re.I)
_NOT_AFFILIATED = re.compile(r"\b(?:not|un)\s*-?(?:affiliated|associated|connected)\b", re.I)
_FORMER_WORD = re.compile(r"\b(?:former|ex-|one-time|onetime|retired|who (?:was|worked|served))", re.I)
_PARTY_ADJECTIVES = (r"(?:Democratic|Republican|GOP|Conservative|Labour|Liberal|Progressive|Green|"
                     r"Independent|Libertarian|Socialist|Tory|Veteran|Longtime|Senior|Top|Former)")
_STAFF_WORDS = (r"(?:advis[eo]rs?|aides?|staffers?|strategists?|consultants?|pollsters?|operatives?|"
                r"speechwriters?|assistants?|counselors?)")
_ATTACHED = re.compile(
    rf"(?:'s|s')\s+(?:\w+\s+){{0,3}}?{_STAFF_WORDS}\b|\b{_STAFF_WORDS}\s+(?:to|for|with)\b"
    # "Clinton adviser" works for Clinton; "Democratic pollster" works for no one in particular
    rf"|\b(?!{_PARTY_ADJECTIVES}\b)(?-i:[A-Z][\w-]+)\s+(?:(?:senior|top|chief|longtime)\s+)?{_STAFF_WORDS}\b",
    re.I,
)


def _first(cues: Iterable[_Cue], *categories: str) -> _Cue | None:
    return next((c for c in cues if c.category in categories), None)


_MAX_CONTEXTS = 64
_ANONYMITY_HINTS = ("anonym", "authori", "named", "identified", "briefed", "familiar", "knowledgeable")


def _mentions_anonymity(context: str) -> bool:
    lowered = context.lower()
    return any(h in lowered for h in _ANONYMITY_HINTS) and bool(_ANONYMITY_CLAUSE.search(_normalize(context)))


def _roles_in_contexts(
    mentions: Sequence[str], contexts: Sequence[str], key: str | None, mention_roles: list[str]
) -> tuple[list[str], list[str], bool]:
    """Roles, raw appositives and age read from the sentences around the entity's mentions."""
    roles: list[str] = []
    raw: list[str] = []
    aged = False
    # Identical (mention, sentence) pairs say the same thing: read each once, and only the
    # first _MAX_CONTEXTS of them (the first sentences about a source carry its roles).
    for mention, context in list(dict.fromkeys(zip(mentions, contexts)))[:_MAX_CONTEXTS]:
        normalized = _normalize(mention).lower()
        if key is None or key.lower() in normalized.split() or normalized in _PRONOUNS:
            found, found_raw, age = _context_roles(mention, context, key)
            roles.extend(r for r in found if r not in mention_roles)
            raw.extend(found_raw)
            aged |= age
    return roles, raw, aged


def describe_source(mentions: Sequence[str], contexts: Sequence[str]) -> SourceDescription:
    """Name and type the entity whose mentions (document order) and their sentences are given.

    ``contexts[i]`` is the sentence holding ``mentions[i]``; it supplies appositives
    ("X, a professor at ..."), ages ("X, 54,"), anonymity clauses and writing verbs.
    Mentions whose proper name does not share the entity's key name are ignored for
    typing, so a noisy resolver merging two people does not mix their roles.
    """
    parsed = [_parse(m) for m in mentions if any(ch.isalnum() for ch in m)]
    # "WHO", "IT": capitals spelling a pronoun name an organisation
    real = [p for p in parsed if p.text.lower() not in _PRONOUNS or (len(p.text) > 1 and p.text.isupper())]
    name, key = _canonical_name(real)
    own = [p for p in real if key is None or (p.proper and key in p.name.split())
           or (not p.proper and key in p.text.split())]
    if key is not None and not own:
        own = real
    if key is not None:
        own += _descriptions_before_name(mentions, contexts, key, own)
    own = list(dict.fromkeys(own))  # a name repeated 500 times says what it says once
    mention_roles = [p.role for p in own if p.role]
    mention_raw = [_after_head(p.text) for p in own]
    if not real:
        pronouns = sorted({p.text.lower() for p in parsed})
        if not pronouns:
            return SourceDescription("unidentified speaker", None, SourceType.OFFICIAL,
                                     "no source named: default official")
        if set(pronouns) & _FIRST_PERSON:
            return SourceDescription("unidentified speaker", None, SourceType.OTHER,
                                     f"only the pronoun '{pronouns[0]}': a person speaking for themselves")
        if any(_mentions_anonymity(c) for c in dict.fromkeys(contexts)):
            return SourceDescription("unidentified speaker", None, SourceType.ANONYMOUS,
                                     f"only the pronoun '{pronouns[0]}', and anonymity stated in the sentence")
        return SourceDescription("unidentified speaker", None, SourceType.OFFICIAL,
                                 f"only the pronoun '{pronouns[0]}': default official")

    anonymous_context = any(_mentions_anonymity(c) for c in dict.fromkeys(contexts))
    # The mentions' own words decide first; the sentences around them only when those
    # leave the type to a default, so a noisy context cannot overrule a stated title.
    facts = _EntityFacts(tuple(own), tuple(mention_roles), tuple(mention_raw), name, named=key is not None,
                         aged=False, anonymous_context=anonymous_context)
    source_type, reason = _classify(facts)
    context_roles: list[str] = []
    if not mention_roles or "default" in reason:
        context_roles, context_raw, aged = _roles_in_contexts(mentions, contexts, key, mention_roles)
        if "default" in reason and (context_roles or context_raw or aged):
            source_type, reason = _classify(replace(facts, roles=facts.roles + tuple(context_roles),
                                                    raw_appositives=facts.raw_appositives + tuple(context_raw),
                                                    aged=aged))
    roles = mention_roles or context_roles
    role = max(roles, key=len) if roles else None
    if "default" in reason and key is not None and _reports(key, contexts):
        source_type, reason = SourceType.MEDIA, f"'{key}' reports or writes for an outlet"
    if "default" in reason and key is not None and _known_by_one_name(real, parsed):
        source_type, reason = SourceType.OTHER, f"a person known only as '{name}', with no role: an ordinary person"
    if "default" in reason and key is not None and _asks_questions(key, contexts):
        source_type, reason = SourceType.MEDIA, f"'{key}' asks the questions: a host or moderator"
    if role is None and key is None:
        bare = re.sub(r"\b(?:unidentified|unnamed|anonymous)\s+", "", name, flags=re.I).strip()
        role = bare if bare and bare != name else None  # "unidentified soldier" -> role "soldier"
    return SourceDescription(name.strip() or "unidentified speaker", role, source_type, reason)


# What an interviewer's turn sounds like: asking, welcoming, steering, addressing the guest.
_INTERVIEWER = re.compile(
    r"\b(?:ask you|my question|a question|questions|let me ask|let's start|let’s start|welcome|"
    r"thanks? (?:you )?for (?:joining|being)|joining us|let's turn|let’s turn|let's move|let’s move|"
    r"interrupt)\b"
    r"|^\s*(?:(?:But|And|So|Well|Now),?\s+)?(?:Governor|Senator|Secretary|Congressman|Congresswoman|"
    r"Mr\.|Mrs\.|Ms\.|Madam|Sir|General|Mayor)\b(?:\s+[A-Z][\w'-]*)?,",
)


def _known_by_one_name(real: list[_Mention], parsed: list[_Mention]) -> bool:
    """A person ("she said") whom the text never names in full: people in features and
    vox pops are named by a first name; office holders are introduced with their full names."""
    proper = [p for p in real if p.proper]
    return bool(proper) and all(len(p.name.split()) == 1 for p in proper) and not any(
        p.role for p in real) and any(p.text.lower() in {"he", "she", "him", "her"} for p in parsed)


def _asks_questions(key: str, contexts: Sequence[str]) -> bool:
    """Whether the entity's own transcript turns ("KEY: ...") are mostly questions, or it
    "asked" something: how hosts, moderators and interviewers speak."""
    # Only sentences holding the name and an "ask" or a colon can match: compile the
    # name's patterns only when there is one (compiling costs more than the search).
    lowered_key = key.lower()
    candidates = [n for n in dict.fromkeys(map(_normalize, contexts))
                  if ("ask" in n or ":" in n) and lowered_key in n.lower()]
    if not candidates:
        return False
    turns = questions = 0
    for normalized in candidates:
        if "ask" in normalized and _question_patterns(key)[1].search(normalized):
            return True
        found = ":" in normalized and _question_patterns(key)[0].match(normalized)
        if found:
            turns += 1
            questions += "?" in normalized or bool(_INTERVIEWER.search(normalized[found.end():]))
    return turns > 0 and questions * 2 >= turns


@lru_cache(maxsize=4096)
def _question_patterns(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = re.escape(key)
    turn = re.compile(rf"[\"'“‘\s]*(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\s*(?:\([^)]*\)\s*)?:", re.I)
    asked = re.compile(rf"\b{name}\s+(?:then\s+|also\s+|later\s+)?(?:asked|asks)\b(?!\s+(?:for|to)\b)")
    return turn, asked


def _reports(key: str, contexts: Sequence[str]) -> bool:
    """Whether a context has "<key> reported", "reported by <key>" or "<key> wrote in <Outlet>":
    how outlets, reporters and columnists speak."""
    for n in dict.fromkeys(map(_normalize, contexts)):
        if key not in n:
            continue
        # each pattern is compiled (per name) only when the words it needs are there
        if "report" in n and _reports_pattern(key, "reported").search(n):
            return True
        if ("wrote" in n or "writes" in n or "writing" in n) and _reports_pattern(key, "wrote").search(n):
            return True
    return False


@lru_cache(maxsize=4096)
def _reports_pattern(key: str, verb: str) -> re.Pattern[str]:
    name = re.escape(key)
    if verb == "reported":
        return re.compile(
            rf"\b{name}(?:'s)?\s+(?:first\s+|previously\s+|also\s+|has\s+|had\s+|was\s+)?(?:reported|reporting)\b"
            # a country or company reporting its own counts ("reported roughly 12,000 cases",
            # "reported a loss") is not journalism
            rf"(?!\s+(?:(?:about|around|roughly|nearly|almost|some|over|more|fewer|less|a|an|its|record)\s+)*"
            rf"(?:[\d$€£]|(?:loss|profit|revenue|earnings|sales|cases|deaths|surplus|deficit|growth)\b))"
            rf"|\breported\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\b"
        )
    # "X wrote in The Daily Example", "writing for Example Review": a writer for an outlet
    return re.compile(
        rf"\b{name},?\s+(?:wrote|writes|writing)\s+(?:in|for)\s+(?:the\s+)?"
        rf"(?!(?:Twitter|Facebook|Instagram|Medium|January|February|March|April|May|June|July|August|"
        rf"September|October|November|December)\b)[A-Z]"
    )


@lru_cache(maxsize=65536)
def _after_head(text: str) -> str:
    """The appositive or relative clause of a mention ("X, a former aide" -> ", a former aide")."""
    match = re.search(r",|\s(?:who|which)\s", text)
    if not match or _ACTION_CLAUSE.match(text[match.start():].lstrip(", ")):
        return ""
    return text[match.start():]


# "Jane Roe of The Daily Example", "Example's Jane Roe": an affiliation with no office.
_AFFILIATED_PERSON = re.compile(
    r"^(?:[A-Z][\w'-]+\s){1,3}(?:of|at|with)\s+(?:the\s+|The\s+)?[A-Z]"
    r"|^(?:As\s+)?[A-Z][\w-]+(?:'s|s')\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+$"
)
_INNER_STAFF = {"aide", "staffer", "assistant", "speechwriter", "adviser", "advisor", "senior adviser",
                "top aide", "counselor"}
_PARTY_MEMBERS = {"republicans", "democrats", "gop"}


def _descriptions_before_name(
    mentions: Sequence[str], contexts: Sequence[str], key: str, own: list[_Mention]
) -> list[_Mention]:
    """"ERCOT's chief executive, Pablo Vegas, said": a nameless description written right
    before the name, set off by a comma, is the named person's role."""
    found = []
    known = set(own)
    for mention, context in dict.fromkeys(zip(mentions, contexts)):
        normalized, context_n = _normalize(mention), _normalize(context)
        if key not in context_n or context_n.find(normalized + ",") < 0:
            continue  # most mentions: no comma after them, or the name is not in the sentence
        parsed = _parse(mention) if any(ch.isalnum() for ch in mention) else None
        if parsed is None or parsed.proper or parsed in known or parsed.text.lower() in _PRONOUNS:
            continue
        pattern = re.escape(normalized) + r",\s+(?:[A-Z][\w.'’-]*\s+){0,3}" + re.escape(key) + r"\b"
        if re.search(pattern, context_n):
            found.append(_Mention(parsed.text, _clean_role(parsed.name), parsed.name, False))
    return found


def _canonical_name(real: list[_Mention]) -> tuple[str, str | None]:
    """The fullest proper name among mentions and its key (last word), or a description."""
    proper = [p for p in real if p.proper]
    # "The mayor of Aveiro": a name after "<role> of" is a place or body, not the speaker
    people = [p for p in proper if not (p.role and re.search(r"\bof(?: the)?$", p.role, re.I))]
    proper = people or proper
    if proper:
        counts = Counter(p.name.split()[-1] for p in proper)
        first_seen = {}
        for i, p in enumerate(proper):
            first_seen.setdefault(p.name.split()[-1], i)
        key = max(counts, key=lambda k: (counts[k], -first_seen[k]))
        candidates = [p.name for p in proper if key in p.name.split()]
        single = [n for n in candidates if not re.search(r"\s(?:and|&)\s", n)]
        candidates = single or candidates  # "Ann Lee and Bo Park" names two people
        frequency = Counter(candidates)
        best = max(candidates, key=lambda n: (len(n.split()), frequency[n], n.startswith("The")))
        if _looks_like_outlet(best) and not best.startswith("The "):
            if any(re.search(rf"\b[Tt]he {re.escape(best)}", p.text) for p in real):
                best = "The " + best
        return best, key
    descriptions = [p.name for p in real]
    return (descriptions[0] if descriptions else "unidentified speaker"), None


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


@dataclass(frozen=True, slots=True)
class _Evidence(_EntityFacts):
    """An entity's facts and what the typing rules derive from them (computed once)."""

    texts: tuple[str, ...]
    pool: str
    cues: tuple[_Cue, ...]
    cats: frozenset[str]
    in_name: frozenset[str]
    former: str | None


def _evidence(facts: _EntityFacts) -> _Evidence:
    """The facts with the texts, cues and 'former' marker the rules read, derived once."""
    own, roles, raw_appositives = facts.own, facts.roles, facts.raw_appositives
    name, named = facts.name, facts.named
    # A proper-name mention contributes its role and name, not the rest of its text
    # (a title-case headline around the name is no description of it).
    texts = [" ".join(filter(None, (_prenominal_role(p.text), p.role, p.name))) if p.proper else p.text
             for p in own]
    texts += [*roles, *(r for r in raw_appositives if r and r not in roles)]
    in_name = frozenset(c.word for c in _cues(name)) if named and len(name.split()) > 1 else frozenset()
    # Title words inside an organisation's own name ("Morning Leader", "General Widgets") are no titles.
    cues = tuple(c for t in texts for c in _cues(t) if not (c.category == "title" and c.word in in_name))
    former = next((m.group(0) for t in raw_appositives if (m := _APPOSITIVE_FORMER.search(t))), None)
    if former is None and not named:
        former = next((m.group(0) for t in texts if (m := _FORMER_WORD.search(t))), None)
    if former is None:
        former = next((m.group(0) for t in texts if (m := _FORMER_STAFF.search(t))), None)
    pool = " | ".join(texts)
    if former and re.search(r"\bcurrent and former\b", pool, re.I):
        former = None
    shared = {f.name: getattr(facts, f.name) for f in fields(_EntityFacts)}
    return _Evidence(**shared, texts=tuple(texts), pool=pool, cues=cues, cats=frozenset(c.category for c in cues),
                     in_name=in_name, former=former)


_Verdict = tuple[SourceType, str] | None


def _unnamed_markers(ev: _Evidence) -> _Verdict:
    """Poll shares and anonymity markers of sources without a name."""
    share = next((p for p in ev.own if _SHARE.match(p.text)), None)
    if share and not ev.named:
        return SourceType.OTHER, f"a share of people polled ('{share.text[:30]}')"
    if not ev.named:
        anon = _first(ev.cues, "anonymous")
        if anon:
            return SourceType.ANONYMOUS, f"anonymity marker '{anon.word}'"
        if ev.anonymous_context:
            return SourceType.ANONYMOUS, "anonymity stated in the sentence"
    return None


def _media(ev: _Evidence) -> _Verdict:
    """Media people, outlet-shaped names, people of an outlet, things described as outlets."""
    media_person = _first(ev.cues, "media_person")
    if media_person:
        return SourceType.MEDIA, f"media role '{media_person.word}'"
    if ev.named and _looks_like_outlet(ev.name) and not ev.cats & {"title", "staff", "candidate"}:
        return SourceType.MEDIA, f"outlet-shaped name '{ev.name}'"
    outlet_role = next((r for r in ev.roles if _looks_like_outlet(r) or _looks_like_outlet("The " + r)), None)
    if ev.named and outlet_role and not ev.cats & {"title", "staff", "candidate", "expert"}:
        return SourceType.MEDIA, f"works for an outlet ('{outlet_role}')"
    outlet_head = next((r for r in ev.roles if r.split() and any(
        c.category == "outlet" for c in _cues(r.split()[-1]))
        and (not ev.named or _singular(r.split()[-1].lower()) in _OUTLET_NOUNS)), None)
    if outlet_head:  # "..., the state's largest newspaper"
        return SourceType.MEDIA, f"described as an outlet ('{outlet_head.split()[-1]}')"
    return None


def _speakers_and_groups(ev: _Evidence) -> _Verdict:
    """Spokespeople, partial groups, candidates and former office holders."""
    spokes = _SPOKES.search(ev.pool)
    if spokes and not ev.former:
        return SourceType.OFFICIAL, f"spokesperson '{spokes.group(0).lower()}'"
    if not ev.named:
        quantified = next((p for p in ev.own if _GROUP_QUANTIFIER.match(p.text)), None)
        if quantified and not ev.cats & {"outlet", "outlet_name", "anonymous"}:
            head_cue = next(iter(_cues(quantified.text)), None)
            if head_cue and head_cue.category in {"title", "body", "candidate"} and \
                    head_cue.word not in _PARTY_MEMBERS:
                return SourceType.OFFICIAL, f"a group of officials ('{quantified.text[:40]}')"
            return SourceType.OTHER, f"an unnamed, partial group ('{quantified.text[:40]}')"
    candidate = _first(ev.cues, "candidate")
    if candidate and not ev.former and not _NOT_AFFILIATED.search(ev.pool):
        return SourceType.OFFICIAL, f"candidate or campaign word '{candidate.word}'"
    # "who helmed the X", "who served as": a past office even when X is no lexicon word
    if ev.former and (ev.cats & {"title", "body", "expert", "candidate", "staff"}
                      or ev.former.lower().startswith("who ")):
        elected = _ELECTED.search(" ".join(ev.raw_appositives + ev.roles))
        if ev.named and elected and not ev.cats & {"staff", "expert", "media_person"}:
            # "X, the former senator from Ohio": still a political actor (candidate, surrogate).
            return SourceType.OFFICIAL, f"former elected office holder ('{elected.group(0)}')"
        return SourceType.EXPERT, f"former office holder or staff speaking as commentator ('{ev.former.strip(', ')}')"
    if ev.named:
        prenominal = [p.role for p in ev.own if p.role and 0 <= p.text.find(p.role) < max(p.text.find(p.name), 0)]
        title_before = next((c for r in prenominal for c in _cues(r) if c.category == "title"), None)
        if title_before:
            return SourceType.OFFICIAL, f"title '{title_before.word}' before the name"
    return None


def _polls_insiders_and_records(ev: _Evidence) -> _Verdict:
    """Polls, single unnamed insiders, social-media handles, leaked and state-media texts."""
    poll = _first(ev.cues, "poll")
    if poll and ev.named:
        poll = next((c for c in ev.cues if c.category == "poll" and c.word.startswith("pollster")), None)
    if poll and not (ev.named and _ATTACHED.search(ev.pool)):
        return SourceType.OTHER, f"poll word '{poll.word}'"
    if not ev.named:
        individual = next((p for p in ev.own if _is_single_insider(p.text)), None)
        if individual:
            return SourceType.ANONYMOUS, f"a single unnamed insider ('{individual.text[:40]}')"
    handle = _HANDLE.search(ev.pool)
    if handle and not ev.cats & {"title", "body", "candidate", "media_person", "outlet", "outlet_name"}:
        return SourceType.OTHER, f"social-media handle '{handle.group(0).strip()}'"
    if _LEAKED.search(ev.pool):
        return SourceType.OTHER, "a leaked or obtained document relayed by others"
    if _STATE_MEDIA.search(ev.pool):
        return SourceType.OFFICIAL, "state news agency speaking for its government"
    return None


def _staff_experts_and_lay_people(ev: _Evidence) -> _Verdict:
    """Staff of a principal, ages, unattached advisers, experts and lay people."""
    staff = _ATTACHED.search(ev.pool)
    if ev.named and staff:
        return SourceType.OFFICIAL, f"staff of a principal ('{staff.group(0).strip()}')"
    if ev.aged:
        return SourceType.OTHER, "named with an age, as ordinary people are"
    staff_word = _first(ev.cues, "staff")
    role_staff = next((c for r in ev.roles for c in _cues(r) if c.category == "staff"), None)
    if ev.named and role_staff and role_staff.word.rstrip("s") in _INNER_STAFF:
        return SourceType.OFFICIAL, f"named staff member ('{role_staff.word}')"
    if staff_word and not ev.named and not ev.former:
        return SourceType.ANONYMOUS, f"unnamed staff ('{staff_word.word}')"
    if staff_word and not (ev.named and staff_word.word.rstrip("s") in _INNER_STAFF):
        return SourceType.EXPERT, f"adviser or strategist not attached to a principal ('{staff_word.word}')"
    expert = _first(ev.cues, "expert")
    if expert and expert.word.startswith("report") and ev.cats & {"title", "body"}:
        expert = None  # "the agency's report" speaks for the agency; "one report" is a third party
    if expert:
        return SourceType.EXPERT, f"expert word '{expert.word}'"
    heads = {_role_head(r) for r in ev.roles} if ev.named else set()
    # For a named person the lay word must head a role: "a veteran reporter" is a
    # reporter, "factory worker" a worker, but "executive at the parent company" no parent.
    other = next((c for c in ev.cues if c.category == "other" and c.word not in ev.in_name
                  and not (ev.named and (c.word in _GENERIC_PEOPLE or c.word not in heads))), None)
    if other:
        return SourceType.OTHER, f"lay-person word '{other.word}'"
    return None


def _offices_outlets_and_defaults(ev: _Evidence) -> tuple[SourceType, str]:
    """Titles, outlets, institutions and records; else the defaults."""
    title = _first(ev.cues, "title")
    if ev.named and not title and not ev.cats & {"body", "outlet", "outlet_name"} and not _cues(ev.name) \
            and any(re.search(r"(?:^|,)\s*(?:a|an|the)\s", d) for d in ev.raw_appositives if d):
        return SourceType.OTHER, "described by an appositive that names no office"
    if title:
        return SourceType.OFFICIAL, f"title '{title.word}'"
    web = _WEB_ADDRESS.search(ev.pool)
    if web:
        return SourceType.MEDIA, f"website '{web.group(0)}'"
    # A named person's outlet must be in a role ("CNN anchor"), not anywhere in a mention
    # ("CNN Now Answers To X" is a headline about X).
    outlet_pool = [c for r in ev.roles + ev.raw_appositives for c in _cues(r)
                   if _singular(c.word) not in _FORMAT_WORDS] if ev.named else ev.cues
    outlet = _first(outlet_pool, "outlet_name", "outlet")
    if outlet:
        return SourceType.MEDIA, f"media word '{outlet.word}'"
    if _looks_like_outlet(ev.name) or any(p.proper and _looks_like_outlet(p.name) for p in ev.own):
        return SourceType.MEDIA, f"outlet-shaped name '{ev.name}'"
    body = _first(ev.cues, "body", "document")
    if body:
        return SourceType.OFFICIAL, f"institution or official record '{body.word}'"
    affiliated = next((p for p in ev.own if p.proper and _AFFILIATED_PERSON.search(p.text)), None)
    if ev.named and affiliated:
        return SourceType.OTHER, f"named with an organisation but no office ('{affiliated.text[:40]}')"
    if ev.named:
        return SourceType.OFFICIAL, "named, with no office or role word: default official"
    return SourceType.OFFICIAL, "unnamed, with no role word: default official (as for bare names)"


_RULES = (_unnamed_markers, _media, _speakers_and_groups, _polls_insiders_and_records,
          _staff_experts_and_lay_people)


def _classify(facts: _EntityFacts) -> tuple[SourceType, str]:
    """The type of an entity and the rule that decided it: the first rule group that speaks."""
    ev = _evidence(facts)
    for rule in _RULES:
        verdict = rule(ev)
        if verdict is not None:
            return verdict
    return _offices_outlets_and_defaults(ev)


@lru_cache(maxsize=65536)
def _role_head(role: str) -> str | None:
    """The lexicon word heading a role: the last one before its first preposition or clause."""
    # "one of Lee's supporters" is headed by "supporters"
    lowered = re.sub(r"^(?:one|some|many|several|two|three|another|a few) of "
                     r"(?:the |his |her |their |its |[\w.'-]+'s? )?", "", role.lower())
    core = re.split(r"\s(?:at|of|for|in|with|from|to|on|who|which|that|and|since|before|after)\s",
                    " " + lowered + " ", maxsplit=1)[0]
    found = _cues(core.strip())
    return found[-1].word if found else None


@lru_cache(maxsize=65536)
def _prenominal_role(text: str) -> str | None:
    """The cleaned role words before the name in a mention's head ("Washington Post columnist")."""
    head = re.split(r",|\s(?:who|which)\s", _normalize(text), maxsplit=1)[0]
    split = _trailing_name(head)
    return _clean_role(split[0]) if split and split[0] else None


def _is_single_insider(text: str) -> bool:
    """"a State Department official", "an aide", "one of the president's advisers"."""
    lowered = _normalize(text).lower()
    if not re.match(r"(?:a|an|one|another)\b", lowered):
        return False
    plural_ok = lowered.startswith("one of")
    for cue in _cues(text):
        word = cue.word if not plural_ok else _singular(cue.word)
        if word in _INDIVIDUAL_INSIDERS:
            return True
    return False
