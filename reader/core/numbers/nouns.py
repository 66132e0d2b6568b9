"""The counted noun after a number: "67,000 Ukrainian personnel", "23 of the 31 drones"."""

from __future__ import annotations

import re

from reader.core.number_words import (
    MEASURES,
    MODIFIERS,
    OUTCOMES,
    PLURAL_OF,
    SINGULAR_UNITS,
    STOP_WORDS,
    WORD_NUMBER,
    is_plural_noun,
    parse_digits,
    parse_words,
)
from reader.core.numbers.patterns import DIGITS

_WORD = re.compile(r"\s+(?P<word>[A-Za-z°][A-Za-z'’/°2-]*)")
_OUTCOME_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being)\s+)?"
    r"(?P<outcome>" + "|".join(sorted(OUTCOMES, key=len, reverse=True)) + r")\b"
)
_YEARS_OLD = re.compile(r"\s+old\b")
_OF_WHOLE = re.compile(
    rf"\s+of\s+(?:(?i:the|its|their|those|these|his|her|our|all(?:\s+the)?)\s+)?"
    rf"(?:(?P<digits>{DIGITS})|(?P<words>\b(?i:{WORD_NUMBER})\b))(?![\w%,.-])"
)
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
# How many words after the number the counted noun may be ("300 heavily armed Russian soldiers").
_MAX_WORDS = 5


def counted_noun(s: str, pos: int, limit: int, *, singular: bool) -> tuple[str, int] | None:
    """The counted noun after a number: ``(unit, end)`` or None.

    Its head is the first plural noun or measure (for one thing, any lower-case word) among
    the next five words, before a stop word.
    """
    before: list[str] = []  # the words before the head
    first: re.Match[str] | None = None
    at = pos
    for _ in range(_MAX_WORDS):
        w = _WORD.match(s, at, limit)
        if not w or w.group(1).lower() in STOP_WORDS:
            break
        word = w.group(1)
        noun = _without_possessive(word, singular=singular) if word[-1] in "'’s" else word
        # the head: a plural, a measure, for one thing any lower-case word
        if is_plural_noun(noun) or noun.lower() in MEASURES or (singular and noun.islower() and noun not in MODIFIERS):
            return _with_outcome(s, _with_last_plain_word(before, noun), w.start(1) + len(noun), limit)
        if first is None:
            first = w
        before.append(word)
        at = w.end()
    if first is not None and before[0] in SINGULAR_UNITS:
        return plural(before[0]), first.end()  # "a 60 second ad": a compound missing its hyphen
    return None


def _with_last_plain_word(before: list[str], noun: str) -> str:
    """The unit: the head noun and the last plain word before it ("Ukrainian personnel" -> "personnel").

    Capitalised words (nationalities), -ly adverbs and modifiers ("more", "estimated") are dropped.
    """
    kept = [b for b in before if not (b.lower() != b or b.endswith("ly") or b.lower() in MODIFIERS)]
    return f"{kept[-1]} {noun}" if kept else noun


def _with_outcome(s: str, unit: str, end: int, limit: int) -> tuple[str, int]:
    """``(unit, end)`` for a counted noun ending at ``end``, with "old" after "years" or what happened to them."""
    if unit.lower() == "years":
        old = _YEARS_OLD.match(s, end, limit)
        if old:
            return "years old", old.end()
    outcome = _OUTCOME_AFTER.match(s, end, limit)
    if outcome:
        unit = f"{unit} {outcome.group('outcome').lower()}"  # "430 soldiers captive": what happened to them
    return unit, end


def _without_possessive(word: str, *, singular: bool) -> str:
    """``word`` without a possessive ending: "hours’" ("eight hours’ pay"), and for one thing "year's"."""
    if word[-1] in "'’":
        return word[:-1]  # also a closing quote: "we lost 12 players’"
    if singular and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def noun_of_whole(s: str, pos: int, limit: int, value: float) -> str | None:
    """The counted noun of a larger group the number is part of: "23 of the 31 drones" counts drones."""
    of = _OF_WHOLE.match(s, pos, limit)
    if not of:
        return None
    digits = of.group("digits")
    whole = parse_digits(digits) if digits else parse_words(of.group("words"))
    if whole is None or whole < value or (digits and _YEAR_LIKE.fullmatch(digits)):
        return None  # "two of the 2016 candidates": a year, not a whole
    noun = counted_noun(s, of.end(), limit, singular=False)
    return noun[0] if noun else None


def plural(noun: str) -> str:
    """The plural of a singular unit: "man" -> "men", "mile" -> "miles"; measures such as "km" stay."""
    if noun in PLURAL_OF:
        return PLURAL_OF[noun]
    return noun if noun.endswith("s") or (noun in MEASURES and len(noun) <= 3) else noun + "s"
