"""Where a number or a date may start.

A handful of fast whole-text scans (each pattern opens with a literal or a small
character class, which the regex engine skips to quickly) replace one slow
many-branch scan per sentence; the full patterns then run anchored at these
positions only.
"""

from __future__ import annotations

import re
import string
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from reader.core.number_words import CURRENCY_CODES

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

DATE_KEYWORDS = frozenset(
    "yesterday today tonight tomorrow noon midnight last next this past coming previous current "
    "same earlier later early late mid ago several many few".split()
)
NUMBER_KEYWORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety zero "
    "dozens hundreds thousands millions billions scores tens half".split()
) | {
    "a dozen",
    "a hundred",
    "a thousand",
    "a million",
    "a billion",
    "an hundred",
    "a half",
    "a third",
    "a quarter",
    "a fifth",
    "a tenth",
}


def word_trie(words: AbstractSet[str]) -> str:
    """One regex alternation, factored by shared prefixes (much faster than a flat list)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(root)


_KEYWORDS = word_trie(DATE_KEYWORDS | NUMBER_KEYWORDS)
_KEYWORD = re.compile(r"(?<![a-z0-9_])" + _KEYWORDS + r"(?![a-z0-9_])")
# The same words after the character that ends the previous word: opening with a character class lets
# the engine skip through words in a tight loop instead of trying the pattern at every letter.
_KEYWORD_AFTER = re.compile(r"[^a-z0-9_]" + _KEYWORDS + r"(?![a-z0-9_])")
_CURRENCY_SYMBOLS = "$€£¥₹₽₴"
_CURRENCY_PREFIX_BEFORE = re.compile(r"(?:US|NZ|HK|C|A)$")
_CODES_BY_FIRST: dict[str, list[str]] = {}
for _code in CURRENCY_CODES:
    _CODES_BY_FIRST.setdefault(_code[0], []).append(_code[1:])
# One scan for three kinds of start, opening with a character class so the engine skips fast:
# a digit that does not continue a word or number; a capital opening a month or weekday
# ("Jan", "Mon": a capital from the set, then the next two letters of one of the names);
# a currency code ("USD") not followed by a letter.
_DIGIT_CAPITAL_CODE = re.compile(
    "[0-9" + "".join(sorted(set("ADFJMNOSTW") | set(_CODES_BY_FIRST))) + "]"
    r"(?:(?<=[0-9])(?<![\w.,][0-9])(?P<digit>)"
    r"|(?<=[ADFJMNOSTW])(?<![A-Za-z][A-Z])(?P<date>an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at)"
    r"|(?P<code>"
    + "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in _CODES_BY_FIRST.items())
    + r")(?![A-Za-z]))"
)
_DECADE_END = re.compile(r"0s")  # of "'90s": a rare literal, found fast; the two characters before are checked


@dataclass(frozen=True, slots=True)
class Triggers:
    """Sorted start positions worth trying for dates and for numeric claims."""

    dates: list[int]
    numbers: list[int]


def find_triggers(text: str) -> Triggers:
    """Positions in ``text`` where a date or a quantity may start: one fast scan per kind of start."""
    digits, capitals, codes = _digits_capitals_and_codes(text)
    date_words, number_words = _keywords(text)
    return Triggers(
        dates=sorted(set(digits + date_words + number_words + capitals + _decades(text))),
        numbers=sorted(set(digits + number_words + _currency_symbols(text) + codes)),
    )


def _digits_capitals_and_codes(text: str) -> tuple[list[int], list[int], list[int]]:
    """Digits that open a number; capitals that open a month or weekday name ("Jan", "Mon"); currency codes."""
    digits: list[int] = []
    capitals: list[int] = []
    codes: list[int] = []
    for m in _DIGIT_CAPITAL_CODE.finditer(text):
        kind, at = m.lastgroup, m.start()
        if kind == "digit":
            digits.append(at)
        elif kind == "date":
            capitals.append(at)
        elif not (at and text[at - 1].isalpha()):  # "USD", not "xUSD"
            codes.append(at)
    return digits, capitals, codes


def _keywords(text: str) -> tuple[list[int], list[int]]:
    """Where a date word ("yesterday", "last") and a number word ("three", "dozens") start, in any case."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets aligned
        low = text.translate(ASCII_LOWER)
    date_words: list[int] = []
    number_words: list[int] = []
    first = _KEYWORD.match(low)
    if first:
        (date_words if first.group() in DATE_KEYWORDS else number_words).append(0)
    for m in _KEYWORD_AFTER.finditer(low, first.end() if first else 0):
        (date_words if m.group()[1:] in DATE_KEYWORDS else number_words).append(m.start() + 1)
    return date_words, number_words


def _currency_symbols(text: str) -> list[int]:
    """Where a currency symbol starts, with its prefix: "$", "US$", "€"."""
    currencies: list[int] = []
    for symbol in _CURRENCY_SYMBOLS:  # rare characters: str.find beats a regex scan
        p = text.find(symbol)
        while p >= 0:
            prefix = _CURRENCY_PREFIX_BEFORE.search(text, max(0, p - 2), p)
            currencies.append(p - len(prefix.group()) if prefix else p)
            p = text.find(symbol, p + 1)
    return currencies


def _decades(text: str) -> list[int]:
    """Where a short decade starts: "'90s", "’00s"."""
    return [
        p - 2
        for m in _DECADE_END.finditer(text)
        if (p := m.start()) >= 2 and text[p - 2] in "'’" and "0" <= text[p - 1] <= "9"
    ]
