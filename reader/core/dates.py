"""Date and time expressions: listed apart from numeric claims.

``find_dates(s)`` returns ``(start, end)`` spans inside one sentence. Prepositions
("on", "in") stay outside the span; determiners of relative dates ("last week",
"the 1990s") are inside it. "N days ago" is a date; "five days" alone is a quantity.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import NamedTuple

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


class _Branch(NamedTuple):
    """One kind of date or time: an id, its pattern, the characters a match can start with.

    A match is tried only at those characters. They are exact for digits, so a "5" never tries
    the year branch (1600-2099) or the decade branch ("1990s").
    """

    id: str
    pattern: str
    starts: str


# In order: at one position the first branch that matches wins.
_BRANCHES: tuple[_Branch, ...] = (
    # 2025-03-12, 12/03/2025, 12.03.2025
    _Branch(
        "date.numeric",
        r"(?<![\w.,/-])(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/-])",
        _D,
    ),
    # March 12, 2025 / Sept. 26 / March 12-14
    _Branch("date.month_day", rf"\b{_MONTH}\s+{_DAY}(?:\s?[-–]\s?{_DAY})?(?:,?\s+{_YEAR})?\b", _MONTH_INITIALS),
    # 12 March 2025 / the 5th of May
    _Branch("date.day_month", rf"(?<![\w.,$€£-]){_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", _D),
    # August 2024 / Aug. 2024
    _Branch("date.month_year", rf"\b{_MONTH}\s*,?\s+{_YEAR}\b", _MONTH_INITIALS),
    # the 1990s, '90s, mid-2024, early 2024
    _Branch("decade", r"(?i:\bthe\s+)?\b(?:1[6-9]\d0|20\d0)s\b", "12tT"),
    _Branch("decade.short", r"['’]\d0s\b", "'’"),
    _Branch("year.part", rf"\b(?i:mid-|early\s+|late\s+){_YEAR}\b", _cased("mel")),
    # 19th century
    _Branch("century", r"(?i:\bthe\s+)?\b\d{1,2}(?:st|nd|rd|th)[-\s](?i:century)\b", _D + "tT"),
    # clock times: 10 a.m., 2:30 p.m., 14:00 GMT, 10 o'clock, noon
    _Branch("time.am_pm", rf"(?<![\w.,:$-])(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?{_AMPM}{_ZONE}", _D),
    _Branch("time.colon", rf"(?<![\w.,:$-])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]){_ZONE}", _D),
    # four-digit clock times with a time zone: "by 1200 GMT"
    _Branch(
        "time.four_digits_and_zone",
        r"(?<![\w.,:$-])(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC|BST|CET|CEST|MSK|ET|EST|EDT)\b",
        "012",
    ),
    _Branch("time.oclock", r"(?<![\w.,:$-])(?:1[0-2]|[1-9])\s+o['’]clock\b", "123456789"),
    _Branch("time.noon_midnight", r"\b(?:noon|midnight)\b", "nm"),
    # last Monday / on Wednesday / Friday morning
    _Branch(
        "weekday",
        rf"(?i:\b(?:last|next|this|past|coming|previous)\s+)?\b{_WEEKDAY}\b(?!\s+(?:Night|Morning)\b)"
        rf"(?:\s+{_PART_OF_DAY}\b)?",
        _cased("lntpc") + "MTWFS",
    ),
    # yesterday, last week, earlier this month, three years ago
    _Branch("relative.day", rf"(?i:\b(?:yesterday|today|tonight|tomorrow)\b(?:\s+{_PART_OF_DAY}\b)?)", _cased("yt")),
    _Branch(
        "relative.earlier_later", rf"(?i:\b(?:earlier|later)\s+(?:this|that|in\s+the|next)\s+{_PERIOD}\b)", _cased("el")
    ),
    _Branch(
        "relative.period",
        rf"(?i:\b(?:last|next|this|past|coming|previous|current|same)\s+{_PERIOD}\b)",
        _cased("lntpcs"),
    ),
    _Branch("relative.part_of_day", rf"(?i:\b(?:last|this|next)\s+{_PART_OF_DAY}\b)", _cased("ltn")),
    # (at a digit, only the \d+ of the count can match; giving a digit back never helps it match, so
    # this is the same as the possessive \d++, which Python 3.10 lacks)
    _Branch(
        "ago.digits",
        rf"(?i:\b\d+(?:\s*(?:or|to|-|–)\s*{_COUNT})?\s+{_UNIT_OF_TIME}\s+(?:ago|earlier|later)\b)",
        _D,
    ),
    _Branch(
        "ago.words",
        rf"(?i:\b{_COUNT}(?:\s*(?:or|to|-|–)\s*{_COUNT})?\s+{_UNIT_OF_TIME}\s+(?:ago|earlier|later)\b)",
        _cased("aotfsenm"),
    ),
    # July (a month standing alone); May/March only after a preposition
    _Branch("month.alone", rf"\b(?:{_MONTH_SAFE})\b", "JFASOND"),
    _Branch("month.may_march.after_in_by_on", r"(?<=\b(?:in|by|on) )(?:May|March)\b", "M"),
    _Branch("month.may_march.after_since_until", r"(?<=\b(?:since|until) )(?:May|March)\b", "M"),
    _Branch("month.may_march.after_early", r"(?<=\bearly )(?:May|March)\b", "M"),
    _Branch("month.may_march.after_late_last_next_this", r"(?<=\b(?:late|last|next|this) )(?:May|March)\b", "M"),
    # a year on its own: 2025, in 2016, 2014-2016, 2019-20
    _Branch(
        "year",
        rf"(?<![\w.,/$€£:#-]){_YEAR}(?:\s?[-–]\s?(?:{_YEAR}|\d\d))?(?![\w.,/:-]?\d|%|[\w-]){_NOT_A_YEAR_AFTER}",
        "12",
    ),
)
_DATE_RE = re.compile("|".join(branch.pattern for branch in _BRANCHES))
# For each character a branch can start with, the same alternation keeping only the branches that
# can start with it (their order kept, so the first branch to match is the same): a fraction of the work.
_DATE_AT: dict[str, re.Pattern[str]] = {
    first: re.compile("|".join(branch.pattern for branch in _BRANCHES if first in branch.starts))
    for first in {c for branch in _BRANCHES for c in branch.starts}
}
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
    """The span of a date match after the vetoes that may reject it and the determiner that may widen it.

    Each veto's helper runs only when a cheap test of the match says it may apply.
    """
    start, end = m.span()
    text = m.group()
    if _vetoed(s, start, end, text):
        return None
    first = text[0]
    determiner = (
        _THE_BEFORE if first.isdecimal() and _TAKES_THE.match(text)
        else _A_BEFORE if first in "fF" and _TAKES_A.match(text)
        else None
    )  # fmt: skip
    if determiner:
        start = _with_determiner(s, start, determiner)
    return start, end


def _vetoed(s: str, start: int, end: int, text: str) -> bool:
    """Is the date match ``text`` at ``start:end`` a count or part of a name?"""
    if len(text) == 4 and _BARE_YEAR.match(text) and _is_a_count(s, start, end):
        return True  # "more than 2000 people"
    if not text[1:].islower() and _CAPITALISED_PERIOD.search(text):
        return True  # "Last Week Tonight": a capitalised period word mid-sentence is part of a name
    # "USA TODAY", "CBS This Morning"
    return text[:1].isupper() and text.split(None, 1)[0].lower() in _RELATIVE_WORDS and _inside_a_name(s, start)


def _is_a_count(s: str, start: int, end: int) -> bool:
    """A year after a hedge and before a plural noun is a count: "more than 2000 people"."""
    return bool(_COUNT_HEDGE_BEFORE.search(s, max(0, start - 20), start)) and bool(_PLURAL_AFTER.match(s, end))


def _inside_a_name(s: str, start: int) -> bool:
    """A capitalised relative word ("Today", "This") away from a sentence opening is part of a name."""
    return not _SENTENCE_OPENING.search(s, max(0, start - 4), start)


def _with_determiner(s: str, start: int, determiner: re.Pattern[str]) -> int:
    """The start of the date with the determiner it takes: "the 1990s", "the 19th century", "a few days ago"."""
    prefix = determiner.search(s, max(0, start - 5), start)
    return prefix.start() if prefix else start
