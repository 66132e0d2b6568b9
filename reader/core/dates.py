"""Date and time expressions: listed apart from numeric claims.

``find_dates(s)`` returns ``(start, end)`` spans inside one sentence. Prepositions
("on", "in") stay outside the span; determiners of relative dates ("last week",
"the 1990s") are inside it. "N days ago" is a date; "five days" alone is a quantity.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
# Month names that are also ordinary words: a date only with a day, a year or a preposition.
_MONTH_SAFE = "January|February|April|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_PERIOD = r"(?:week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter|quarter)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
_ZONE = r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MSK|local\s+time))?"
_AMPM = r"(?:[ap]\.m\.|[ap]\.m\b|[AP]\.M\.|[ap]m\b|[AP]M\b)"
_COUNT = (
    r"(?:\d+|a\s+dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|few|many)"
)
_UNIT_OF_TIME = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)"
# A year that is really a quantity: money, a percentage or a scale word follows or precedes.
_NOT_A_YEAR_AFTER = r"(?!\s*(?:%|per\s*cent|percent|pct\b|thousand|million|billion|trillion))"

_D = string.digits
_MONTH_INITIALS = "JFMASOND"


def _cased(letters: str) -> str:
    """``letters`` in both cases: what an ``(?i:...)`` word starting with one of them may start with."""
    return letters.lower() + letters.upper()


# Each branch with the characters it can start with (a match is tried only at those).
_BRANCHES: list[tuple[str, str]] = [
    # numeric dates: 2025-03-12, 12/03/2025, 12.03.2025
    (r"(?<![\w.,/-])(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/-])", _D),
    # March 12, 2025 / Sept. 26 / March 12-14
    (rf"\b{_MONTH}\s+{_DAY}(?:\s?[-–]\s?{_DAY})?(?:,?\s+{_YEAR})?\b", _MONTH_INITIALS),
    # 12 March 2025 / the 5th of May
    (rf"(?<![\w.,$€£-]){_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", _D),
    # August 2024 / Aug. 2024
    (rf"\b{_MONTH}\s*,?\s+{_YEAR}\b", _MONTH_INITIALS),
    # the 1990s, '90s, mid-2024, early 2024
    (r"(?i:\bthe\s+)?\b(?:1[6-9]\d0|20\d0)s\b", _D + "tT"),
    (r"['’]\d0s\b", "'’"),
    (rf"\b(?i:mid-|early\s+|late\s+){_YEAR}\b", _cased("mel")),
    # 19th century
    (r"(?i:\bthe\s+)?\b\d{1,2}(?:st|nd|rd|th)[-\s](?i:century)\b", _D + "tT"),
    # clock times: 10 a.m., 2:30 p.m., 14:00 GMT, 10 o'clock
    (rf"(?<![\w.,:$-])(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?{_AMPM}{_ZONE}", _D),
    (rf"(?<![\w.,:$-])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]){_ZONE}", _D),
    # four-digit clock times with a time zone: "by 1200 GMT"
    (r"(?<![\w.,:$-])(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC|BST|CET|CEST|MSK|ET|EST|EDT)\b", _D),
    (r"(?<![\w.,:$-])(?:1[0-2]|[1-9])\s+o['’]clock\b", _D),
    (r"\b(?:noon|midnight)\b", "nm"),
    # last Monday / on Wednesday / Friday morning
    (
        rf"(?i:\b(?:last|next|this|past|coming|previous)\s+)?\b{_WEEKDAY}\b(?!\s+(?:Night|Morning)\b)"
        rf"(?:\s+{_PART_OF_DAY}\b)?",
        _cased("lntpc") + "MTWFS",
    ),
    # yesterday, last week, earlier this month, three years ago
    (rf"(?i:\b(?:yesterday|today|tonight|tomorrow)\b(?:\s+{_PART_OF_DAY}\b)?)", _cased("yt")),
    (rf"(?i:\b(?:earlier|later)\s+(?:this|that|in\s+the|next)\s+{_PERIOD}\b)", _cased("el")),
    (rf"(?i:\b(?:last|next|this|past|coming|previous|current|same)\s+{_PERIOD}\b)", _cased("lntpcs")),
    (rf"(?i:\b(?:last|this|next)\s+{_PART_OF_DAY}\b)", _cased("ltn")),
    # (at a digit, only the \d+ of the count can match; giving a digit back never helps it match, so
    # this is the same as the possessive \d++, which Python 3.10 lacks)
    (rf"(?i:\b\d+(?:\s*(?:or|to|-|–)\s*{_COUNT})?\s+{_UNIT_OF_TIME}\s+(?:ago|earlier|later)\b)", _D),
    (
        rf"(?i:\b{_COUNT}(?:\s*(?:or|to|-|–)\s*{_COUNT})?\s+{_UNIT_OF_TIME}\s+(?:ago|earlier|later)\b)",
        _cased("aotfsenm"),
    ),
    # July (a month standing alone); May/March only after a preposition
    (rf"\b(?:{_MONTH_SAFE})\b", "JFASOND"),
    (r"(?<=\b(?:in|by|on) )(?:May|March)\b", "M"),
    (r"(?<=\b(?:since|until) )(?:May|March)\b", "M"),
    (r"(?<=\bearly )(?:May|March)\b", "M"),
    (r"(?<=\b(?:late|last|next|this) )(?:May|March)\b", "M"),
    # a year on its own: 2025, in 2016, 2014-2016, 2019-20
    (rf"(?<![\w.,/$€£:#-]){_YEAR}(?:\s?[-–]\s?(?:{_YEAR}|\d\d))?(?![\w.,/:-]?\d|%|[\w-]){_NOT_A_YEAR_AFTER}", _D),
]
_DATE_RE = re.compile("|".join(branch for branch, _ in _BRANCHES))
# For each character a branch can start with, the same alternation keeping only the branches that
# can start with it (their order kept, so the first branch to match is the same): a fraction of the work.
_DATE_AT: dict[str, re.Pattern[str]] = {}
for _first in {c for _, firsts in _BRANCHES for c in firsts}:
    _DATE_AT[_first] = re.compile("|".join(b for b, firsts in _BRANCHES if _first in firsts))
_NO_DATE = re.compile(r"(?!)")
for _first in string.ascii_letters + string.digits:
    _DATE_AT.setdefault(_first, _NO_DATE)  # "dozens", "hundreds": no date starts with their letter

# A four-digit number after a hedge and before a plural noun is a count, not a year
# ("more than 2000 people").
_COUNT_HEDGE_BEFORE = re.compile(
    r"(?i:\b(?:more|fewer|less)\s+than|\bover|\bnearly|\balmost|\bat\s+least|\bup\s+to|\bsome|\babout|"
    r"\baround|\broughly|\bapproximately|\bestimated)\s+$"
)
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+(?<!ss)s|people|men|women|children|personnel|police|staff)\b")
_BARE_YEAR = re.compile(_YEAR + r"$")


_RELATIVE_WORDS = frozenset(
    "yesterday today tonight tomorrow last next this past coming previous current same earlier later "
    "noon midnight".split()
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n\"“(—–―])[\s'‘\"“]*$")
_THE_BEFORE = re.compile(r"(?i:\bthe\s+)$")
_A_BEFORE = re.compile(r"(?i:\ba\s+)$")
_TAKES_THE = re.compile(r"\d.*(?:0s|(?i:century))$")
_TAKES_A = re.compile(r"(?i:few)\b")
# "Last Week Tonight": a capitalised period word mid-sentence is part of a name.
_CAPITALISED_PERIOD = re.compile(
    r"\s(?:Week|Weekend|Month|Year|Decade|Century|Spring|Summer|Autumn|Fall|Winter|Quarter)\b"
)
_AGO_BEFORE = re.compile(rf"(?i:\b{_COUNT}\s+{_UNIT_OF_TIME}\s+)$")


def find_dates(s: str, starts: Iterable[int] | None = None) -> list[tuple[int, int]]:
    """Spans of date and time expressions in ``s``, sorted and non-overlapping.

    ``starts`` are the positions worth trying (see ``reader.core.triggers``); by default
    they are computed from ``s``.
    """
    if starts is None:
        from reader.core.triggers import find_triggers

        starts = find_triggers(s).dates
    spans: list[tuple[int, int]] = []
    cursor = 0
    date_at = _DATE_AT
    for pos in starts:
        if pos < cursor:
            continue
        ch = s[pos : pos + 1]
        if ch == "a" or ch == "A":
            span = _date_at(s, pos)  # may be "ago"
        else:  # _date_at inlined up to its match: most positions start no date
            m = date_at.get(ch, _DATE_RE).match(s, pos)
            span = _checked(s, m) if m and m.end() != pos else None
        if span is None:
            continue
        start, end = span
        if spans and start < spans[-1][1]:
            start = spans[-1][1]
            if start >= end:
                continue
        spans.append((start, end))
        cursor = end
    return spans


def _date_at(s: str, pos: int) -> tuple[int, int] | None:
    if s.startswith(("ago", "Ago"), pos) and (pos + 3 == len(s) or not s[pos + 3].isalnum()):
        before = _AGO_BEFORE.search(s, max(0, pos - 40), pos)
        return (before.start(), pos + 3) if before else None
    m = _DATE_AT.get(s[pos : pos + 1], _DATE_RE).match(s, pos)
    if not m or m.end() == pos:
        return None
    return _checked(s, m)


def _checked(s: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a date match after the checks that may reject or widen it."""
    start, end = m.span()
    text = m.group()
    # cheap tests first: each regex below needs what its test checks
    if len(text) == 4 and _BARE_YEAR.match(text) and _looks_like_count(s, start, end):
        return None
    if not text[1:].islower() and _CAPITALISED_PERIOD.search(text):
        return None
    if text[:1].isupper() and text.split(None, 1)[0].lower() in _RELATIVE_WORDS:
        if not _SENTENCE_OPENING.search(s, max(0, start - 4), start):
            return None  # "USA TODAY", "CBS This Morning": part of a name
    first = text[:1]
    before = (
        _THE_BEFORE if first.isdecimal() and _TAKES_THE.match(text)
        else _A_BEFORE if first in "fF" and _TAKES_A.match(text) else None
    )
    if before:
        prefix = before.search(s, max(0, start - 5), start)
        if prefix:
            start = prefix.start()
    return start, end


def _looks_like_count(s: str, start: int, end: int) -> bool:
    return bool(_COUNT_HEDGE_BEFORE.search(s, max(0, start - 20), start)) and bool(
        _PLURAL_AFTER.match(s, end)
    )
