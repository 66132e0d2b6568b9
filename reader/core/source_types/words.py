"""The typing lexicon (``data/source_*.txt``) and the small word sets every part of typing reads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.core.lexicon import sections, trie_pattern


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    categories: dict[str, frozenset[str]]
    outlet_endings: frozenset[str]
    team_name_endings: frozenset[str]
    capitalised_titles: frozenset[str]
    performances: frozenset[str]
    performances_in_a_clause: frozenset[str]


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
        frozenset(official["team_name_endings"]),
        frozenset(official["capitalised_titles"]),
        frozenset(sections("source_other.txt")["performances"]),
        frozenset(sections("source_other.txt")["performances_in_a_clause"]),
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
    lowered = text.lower()
    for match in lex.pattern.finditer(lowered):
        word = match.group(0)
        cats = lex.categories.get(word) or lex.categories.get(_singular(word), frozenset())
        if word in lex.capitalised_titles and len(lowered) == len(text) and text[match.start()].islower():
            cats = frozenset({"other"})  # "Liverpool captain X" is a player; "Captain X" holds a rank
        for category in sorted(cats):
            found.append(_Cue(category, word, match.start(), match.end()))
    return tuple(found)


def _singular(word: str) -> str:
    lex = _lexicon()
    for cut in (2, 1):
        if word[:-cut] in lex.categories:
            return word[:-cut]
    return word


_DETERMINERS = {"the", "a", "an"}
_FUNCTION_CAPS = {
    "the",
    "a",
    "an",
    "some",
    "several",
    "many",
    "most",
    "all",
    "both",
    "other",
    "others",
    "one",
    "two",
    "three",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "according",
    "as",
    "by",
    "in",
    "on",
    "at",
    "for",
    "and",
    "but",
    "if",
    "when",
    "while",
    "after",
    "before",
    "then",
    "now",
    "why",
    "how",
    "what",
    "where",
    "i",
    "we",
    "you",
    "he",
    "she",
    "it",
    "they",
    "who",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "with",
    "from",
    "to",
    "of",
    "about",
    "more",
    "like",
    "against",
    "over",
    "under",
    "via",
    "not",
    "no",
    "new:",
    "watch",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
}
_ROLE_LEADING = {
    "the",
    "a",
    "an",
    "as",
    "and",
    "his",
    "her",
    "their",
    "its",
    "our",
    "by",
    "according",
    "to",
    "like",
    "with",
    "is",
    "was",
    "for",
    "of",
    "regarding",
    "in",
    "on",
    "at",
    "from",
    "about",
    "said",
    "says",
    "told",
    "when",
    "while",
    "but",
    "if",
    "so",
}
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss", "sir"}
_NAME_PARTICLES = {"de", "van", "von", "der", "bin", "da", "del", "la", "le", "al", "ibn", "di"}
_PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "they",
    "them",
    "their",
    "who",
    "whom",
    "it",
    "its",
    "i",
    "me",
    "we",
    "us",
    "you",
    "which",
    "that",
    "this",
    "one",
}
_GENDERED = {"he", "she", "him", "her"}
_FIRST_PERSON = {"i", "me", "we", "us", "you"}


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (token[0].isdigit() and len(token) > 2))


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _all_capitalised(words: str | list[str]) -> bool:
    tokens = words.split() if isinstance(words, str) else words
    return bool(tokens) and all(_is_cap(t) or t.lower() in {"of", "the", "and", "for"} for t in tokens)


def _first(cues: Iterable[_Cue], *categories: str) -> _Cue | None:
    return next((c for c in cues if c.category in categories), None)
