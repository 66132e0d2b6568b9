"""Where a number or a date may start.

A handful of fast whole-text scans (each pattern opens with a literal or a small
character class, which the regex engine skips to quickly) replace one slow
many-branch scan per sentence; the full patterns then run anchored at these
positions only.
"""

from __future__ import annotations

import re
import string
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
    "dozens hundreds thousands millions billions scores tens".split()
) | {
    "a dozen", "a hundred", "a thousand", "a million", "a billion", "an hundred",
    "a half", "a third", "a quarter", "a fifth", "a tenth",
}


def _trie(words: frozenset[str]) -> str:
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


_KEYWORD = re.compile(r"(?<![a-z0-9_])" + _trie(DATE_KEYWORDS | NUMBER_KEYWORDS) + r"(?![a-z0-9_])")
_DIGIT = re.compile(r"[0-9](?<![\w.,][0-9])")
_CURRENCY = re.compile(r"[$€£¥₹₽₴]")
_CURRENCY_CODE = re.compile(r"(?:" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z])")
_CURRENCY_PREFIX_BEFORE = re.compile(r"(?:US|NZ|HK|C|A)$")
# Months and weekdays: a capital from the set, then the next two letters of one of the names.
_CAPITAL_DATE = re.compile(
    r"[ADFJMNOSTW](?<![A-Za-z][A-Z])(?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at)"
)
_QUOTE_DECADE = re.compile(r"['’][0-9]0s")


@dataclass(frozen=True, slots=True)
class Triggers:
    """Sorted start positions worth trying for dates and for numeric claims."""

    dates: list[int]
    numbers: list[int]


def find_triggers(text: str) -> Triggers:
    """Positions in ``text`` where a date or a quantity may start."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep offsets aligned
        low = text.translate(ASCII_LOWER)
    digits = [m.start() for m in _DIGIT.finditer(text)]
    date_words: list[int] = []
    number_words: list[int] = []
    for m in _KEYWORD.finditer(low):
        (date_words if m.group() in DATE_KEYWORDS else number_words).append(m.start())
    currencies = [m.start() for m in _CURRENCY.finditer(text)]
    currencies = [p - len(m.group()) if (m := _CURRENCY_PREFIX_BEFORE.search(text, max(0, p - 2), p)) else p
                  for p in currencies]
    codes = [m.start() for m in _CURRENCY_CODE.finditer(text) if not (m.start() and text[m.start() - 1].isalpha())]
    capitals = [m.start() for m in _CAPITAL_DATE.finditer(text)]
    decades = [m.start() for m in _QUOTE_DECADE.finditer(text)]
    return Triggers(
        dates=sorted(set(digits + date_words + number_words + capitals + decades)),
        numbers=sorted(set(digits + number_words + currencies + codes)),
    )
