"""The scan: every unit's dates, then its number candidates grown into claims, then conversions linked."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from reader.core.dates import find_dates
from reader.core.model import DateMention, NumericClaim, SentenceKind
from reader.core.number_words import HEDGES
from reader.core.numbers.draft import Draft
from reader.core.numbers.found import Claim, Found, UnitContext
from reader.core.numbers.grow import KINDS
from reader.core.numbers.patterns import CANDIDATE, CANDIDATE_AT_DIGIT
from reader.core.segment import Unit
from reader.core.triggers import find_triggers

# Terminal control sequences: CSI "ESC [ params final" and OSC "ESC ] ... BEL/ST" (7- and
# 8-bit forms). Their digits are parameters, never quantities or dates.
_CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
)
# URLs, handles, phone and version numbers, tags, footnote marks, fractions, quoted numbers: no claim inside.
_NO_CLAIM = re.compile(
    r"(?=[hw@#+(<\[\"“'‘vV0-9])(?:https?://\S+|www\.\S+|(?<!\w)[#@]\w+"
    r"|(?<![\w.])\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,5}(?!\w)"
    r"|(?<![\w.])\(?\d{2,4}\)?[\s.-]\d{3}[.-]\d{4}(?!\w)"
    r"|(?<![\w.-])\d{3}-\d{4}(?![\w-])"
    r"|(?<![\w.])[vV]?\d+\.\d+\.\d+(?:\.\d+)*(?!\w)"
    r"|<[^<>\n]{1,500}>|[\[(]\d{1,3}\.?[\])]|\d+⁄\d+|(?<![\w.,])\d+/\d+(?![\w/])|(?<=[\"“'‘])\d+(?=[\"”'’]))"
)
# What every _NO_CLAIM match holds besides "www": one of "#@+<⁄/", a "." or "-" between digits, or an
# opening bracket or quote before a digit. It opens with a class of rare characters, so it skips fast.
_NO_CLAIM_HINT = re.compile(r"[.\-#@+<⁄/\[(\"“'‘](?:(?<=\d[.-])\d|(?<=[\[(\"“'‘])\d|(?<=[#@+<⁄/]))")
_LINE_START = re.compile(r"\n[ \t]*")
_LIST_MARKER = re.compile(r"\n[ \t]*(?:[-*•][ \t]*)?\d{1,3}[.)](?=\s)")
_NO_MARKERS: frozenset[int] = frozenset()
_START, _END = attrgetter("start"), attrgetter("end")
_BLANK = re.compile(r"\s*")  # \s is str.isspace: a line's text so far is blank

# Linking neighbouring claims: "52 to 38 percent" shares the percent; "1,100 square kilometers
# (424 square miles)" and "20 miles, or 32 km" convert.
_SHARED_UNITS = ("percent", "percentage points")
_SHARED_UNIT_GAP = re.compile(r"\s*(?:-|–|to|or|and)\s*")
_HEDGE_WORDS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES)
_CONVERSION_GAP = re.compile(rf"(?:\s*\(\s*|,?\s+or\s+)(?i:(?:{_HEDGE_WORDS})\s+)?")


def extract_quantities(
    text: str, units: Sequence[Unit], source_ids: Sequence[str | None] | None = None
) -> tuple[list[NumericClaim], list[DateMention]]:
    """Find numeric claims and dates in every unit.

    A claim's ``source_id`` is ``source_ids[i]`` of its unit ``i`` when given (the
    attribution's), else None: set at creation, the frozen claims need no copy later.
    """
    original, text = text, _blank_control_sequences(text)
    claims: list[NumericClaim] = []
    dates: list[DateMention] = []
    triggers = find_triggers(text)
    unit_starts = list(map(_START, units))
    unit_ends = list(map(_END, units))
    date_starts = _by_unit(triggers.dates, unit_starts, unit_ends)
    number_starts = _by_unit(triggers.numbers, unit_starts, unit_ends)
    list_markers = sorted({m.end() - 1 for m in _LIST_MARKER.finditer("\n" + text)})  # -1: the "\n" prepended
    for index in sorted(date_starts.keys() | number_starts.keys()):
        unit = units[index]
        base = unit.start
        s = text[base : unit.end]
        date_at = date_starts.get(index)
        date_spans = find_dates(s, date_at) if date_at else []
        for a, b in date_spans:
            dates.append(DateMention(base + a, base + b, original[base + a : base + b], index))
        starts = number_starts.get(index)
        if starts:
            context = _unit_context(text, unit, s, starts, date_spans, list_markers)
            source_id = source_ids[index] if source_ids is not None else None
            for found in _claims_in(s, context):
                start, end = found.start + base, found.end + base
                claims.append(
                    NumericClaim(
                        start,
                        end,
                        original[start:end],
                        found.value,
                        found.unit,
                        found.hedge,
                        index,
                        source_id,
                        None,
                        found.high,
                    )
                )
    return _link_conversions(text, claims), dates


def _blank_control_sequences(text: str) -> str:
    """``text`` with every terminal control sequence turned into spaces (same length)."""
    if "\x1b" not in text and "\x9b" not in text and "\x9d" not in text:  # faster than a regex scan
        return text
    return _CONTROL_SEQUENCE.sub(lambda m: " " * len(m.group()), text)


def _by_unit(positions: list[int], starts: list[int], ends: list[int]) -> dict[int, list[int]]:
    """Group sorted text positions by the unit holding them (units given by their sorted starts and ends).

    The positions are offsets into their unit. A unit is looked up (bisect) only when a position
    leaves the previous one's window: from its start to its end or the next unit's start.
    """
    grouped: dict[int, list[int]] = {}
    offsets: list[int] = []
    start = window_end = -1
    last = len(starts) - 1
    for pos in positions:
        if not start <= pos < window_end:
            i = bisect_right(starts, pos) - 1
            if i < 0 or pos >= ends[i]:
                start = window_end = -1
                continue
            start, window_end = starts[i], (min(ends[i], starts[i + 1]) if i < last else ends[i])
            offsets = grouped.setdefault(i, [])
        offsets.append(pos - start)
    return grouped


def _unit_context(
    text: str, unit: Unit, s: str, starts: list[int], date_spans: list[tuple[int, int]], list_markers: list[int]
) -> UnitContext:
    """What the scan of the unit ``s`` (at ``unit`` in ``text``) needs besides its text."""
    blocked = date_spans
    for p in starts:
        if s[p].isdigit():  # URLs, phone numbers and the like hold digits
            blocked = date_spans + _no_claim_spans(s)
            break
    base = unit.start
    before = text[base - 1] if base else "\n"
    at_line_start = before == "\n" or (
        before.isspace() and bool(_BLANK.fullmatch(text, text.rfind("\n", 0, base) + 1, base))
    )
    markers = _markers_in(list_markers, unit) if list_markers else _NO_MARKERS
    heading = unit.kind is SentenceKind.HEADING
    # tuple.__new__: a UnitContext without its Python-level __new__, built for every unit
    return tuple.__new__(UnitContext, (starts, blocked, markers, _line_starts(s, at_line_start), heading))


def _no_claim_spans(s: str) -> list[tuple[int, int]]:
    """Spans of URLs, handles, phone and version numbers, tags and the like in ``s``: no claim inside."""
    if "www" not in s and not _NO_CLAIM_HINT.search(s):
        return []  # most sentences: one quick scan rules out the slow one
    return [m.span() for m in _NO_CLAIM.finditer(s)]


def _markers_in(list_markers: list[int], unit: Unit) -> set[int]:
    """The sorted marker ends inside ``unit`` (ends included), as offsets into it."""
    first, last = bisect_left(list_markers, unit.start), bisect_right(list_markers, unit.end)
    return {end - unit.start for end in list_markers[first:last]}


def _line_starts(s: str, at_line_start: bool) -> set[int]:
    """Offsets in ``s`` where a line's text begins."""
    starts = {0} if at_line_start else set()
    if "\n" in s:
        starts |= {m.end() for m in _LINE_START.finditer(s)}
    return starts


def _claims_in(s: str, context: UnitContext) -> list[Claim]:
    """The claims of one unit: each trigger position tried in order, none inside the previous claim."""
    claims: list[Claim] = []
    cursor = 0
    for pos in context.starts:
        if pos < cursor:
            continue
        m = (CANDIDATE_AT_DIGIT if "0" <= s[pos] <= "9" else CANDIDATE).match(s, pos)
        if not m:
            continue
        limit = _limit(context.blocked, m.start(), m.end(), len(s)) if context.blocked else len(s)
        if limit < 0:
            continue
        claim = KINDS[m.lastgroup or ""](s, m, limit, context)  # the builder of its kind of candidate
        if claim is None:
            continue
        if claim.start < cursor:
            claim = _starting_at(claim, m.start())
        claims.append(claim)
        cursor = claim.end
    return claims


def _starting_at(claim: Claim, start: int) -> Claim:
    """The claim opening at its number: a range's "between" fell inside the previous claim."""
    if isinstance(claim, Draft):
        claim.start = start
        return claim
    return Found(start, claim.end, claim.value, claim.unit, claim.hedge, claim.high)


def _limit(blocked: list[tuple[int, int]], begin: int, end: int, size: int) -> int:
    """Where a claim opening at ``begin:end`` must end: before the next blocked span; -1 inside one."""
    limit = size
    for a, b in blocked:
        if a < end and begin < b:
            return -1  # inside a date, URL, ...
        if end <= a < limit:
            limit = a  # the claim stops before the next one
    return limit


def _link_conversions(text: str, claims: list[NumericClaim]) -> list[NumericClaim]:
    """Mark "424 square miles" in "1,100 square kilometers (424 square miles)" as converting the first.

    Also gives a bare number the percent of its partner: "52 to 38 percent", "a 20 or 30 percent".
    """
    linked = list(claims)
    for i in range(1, len(linked)):
        prev, cur = linked[i - 1], linked[i]
        if prev.sentence != cur.sentence or prev.converts is not None or cur.unit is None:
            continue
        if prev.unit is None:
            if _shares_the_percent(text, prev, cur):
                linked[i - 1] = replace(prev, unit=cur.unit)
        elif cur.unit != prev.unit and _converts(text, prev, cur):
            linked[i] = replace(cur, converts=i - 1, hedge=cur.hedge or prev.hedge)
    return linked


def _shares_the_percent(text: str, prev: NumericClaim, cur: NumericClaim) -> bool:
    """ "52 to 38 percent", "a 20 or 30 percent": the bare first number is a percent too."""
    return cur.unit in _SHARED_UNITS and bool(_SHARED_UNIT_GAP.fullmatch(text, prev.end, cur.start))


def _converts(text: str, prev: NumericClaim, cur: NumericClaim) -> bool:
    """ "1,100 square kilometers (424 square miles)", "20 miles, or 32 km": the same quantity in another unit."""
    return bool(_CONVERSION_GAP.fullmatch(text, prev.end, cur.start))
