"""Numeric claims and dates.

Each unit is scanned with a few precompiled regexes: dates first (they are never
claims), then number candidates, each grown into a claim with anchored matches for
its scale, range, percent/currency and counted noun, and its hedge read from the
words just before it. Each anchored match runs only where the character after the
number can open it, so most candidates need two or three.

Decisions worth knowing:
- A claim's ``text`` covers the number and its unit ("67,000 Ukrainian personnel"),
  not the hedge; a range covers both ends ("between 10 and 20 people"), with
  ``value`` the low end and ``high`` the high end.
- ``unit`` is the counted noun, at most two words, with leading capitalised
  adjectives (nationalities) and -ly adverbs dropped; "percent" for %, ISO codes
  for money ("$" is read as USD).
- Vague counts ("hundreds of people") get the least the plural can mean (200) and
  the hedge "at least"; "a dozen" is 12.
- Ages ("a 45-year-old man", "aged 41 and 37", "Sam Pritchard, 29,") are claims with unit "years old".
- A count of part of a larger group takes the group's noun ("23 of the 31 drones": 23 drones); "eight of 10
  voters" (no determiner) stays a share, "fraction of voters".
- "half of" is a claim (0.5, "fraction") only after a hedge ("nearly half of voters"), never "the first half of".
- Currency words that are also ordinary words ("won", "real", "sol") are money only after a scale word.
- A plural counted noun before a possessive apostrophe is still the counted noun
  ("eight hours' pay" is 8 hours); so is a singular one for one thing ("1 month's rent").
- Number words need a counted noun ("the two leaders" is 2 leaders, "the two" is
  nothing); "one" is a claim only with a scale, a percent or a currency.
- Ordinals, years, clock times, phone and version numbers, names with numbers
  ("Article 5", "F-16", "G7"), references ("No. 1") and list markers are not claims.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set as AbstractSet
from typing import NamedTuple
from dataclasses import replace

from reader.core.dates import find_dates
from reader.core.model import DateMention, NumericClaim, SentenceKind
from reader.core.number_words import (
    AGE_WORDS,
    CHANGE_VERBS,
    PLURAL_OF,
    CASED_CURRENCY_WORDS,
    COMMON_CAPITALISED,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTION,
    FRACTIONS,
    HEDGE_SET,
    HEDGES,
    MEASURES,
    MODIFIERS,
    OUTCOMES,
    REFERENCE_NOUNS,
    SCALE_ABBREVIATIONS,
    SCALED_CURRENCY_WORDS,
    SCALES,
    SINGULAR_UNITS,
    VULGAR_FRACTIONS,
    STOP_WORDS,
    VAGUE,
    VAGUE_COUNTS,
    WORD_NUMBER,
    is_plural_noun,
    parse_digits,
    parse_words,
    scaled,
)
from reader.core.segment import Unit
from reader.core.triggers import find_triggers, word_trie

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY_PREFIX = r"(?:US|C|A|NZ|HK)\$|[$€£¥₹₽₴]|\b(?:" + "|".join(CURRENCY_CODES) + r")\s?"

_CANDIDATE = re.compile(
    rf"(?P<fraction>\b(?i:{FRACTION}))"
    rf"|(?P<vague>\b(?i:{VAGUE})\b)"
    rf"|(?P<cur>{_CURRENCY_PREFIX})?(?<![\w.,/:#@°\-–])(?P<digits>{_DIGITS})"
    rf"|(?<![\w-])(?P<words>\b(?i:{WORD_NUMBER})\b)"
)
# At a digit only the digits branch can match: the same groups, the others never set.
_CANDIDATE_AT_DIGIT = re.compile(rf"(?P<cur>[^\s\S])?(?<![\w.,/:#@°\-–])(?P<digits>{_DIGITS})")
_SCALE_AFTER = re.compile(
    r"(?:\s?(?P<word>thousand|million|billion|trillion)\b|(?P<abbr>bn|mln|mn|tn|m|k|b)(?![\w]))", re.I
)
_RANGE_AFTER = re.compile(
    rf"\s?(?P<sep>-|–|—|\bto\b|\band\b)\s?(?P<cur>{_CURRENCY_PREFIX})?"
    rf"(?:(?<![\w.,])(?P<digits>{_DIGITS})|(?P<words>\b(?i:{WORD_NUMBER})\b))"
)
_PERCENT_AFTER = re.compile(
    r"\s?(?:(?P<points>percentage\s+points?\b)|%|(?i:per\s?cent\b|pct\b))"
)
_CURRENCY_WORD_AFTER = re.compile(
    r"\s+(?:US\s+|U\.S\.\s+)?(?P<word>" + word_trie(CURRENCY_WORDS.keys()) + r")\b",
    re.I,
)
_HYPHEN_COMPOUND = re.compile(r"-(?!plus\b|odd\b)(?P<noun>[a-z]+)(?P<old>-old\b)?(?![\w-])")
_VULGAR_FRACTION_AFTER = re.compile(r"\s?([½¼¾⅓⅔])")
_PLUS_AFTER = re.compile(r"-plus\b|-odd\b|\+(?!\w)")
_RATIO_AFTER = re.compile(
    rf"\s+(?:in|out\s+of|of(?:\s+every)?)\s+"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})*)|(?P<words>\b(?i:{WORD_NUMBER})\b))(?![\w%])"
)
_ATTACHED_MEASURE = re.compile(r"(?P<measure>km2|km|kg|mph|ft|mm|cm|°[CF]|MW|GW|kW|kWh|GWh|ha)(?![\w])")
_WORD = re.compile(r"\s+(?P<word>[A-Za-z°][A-Za-z'’/°2-]*)")
_OUTCOME_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being)\s+)?"
    r"(?P<outcome>" + "|".join(sorted(OUTCOMES, key=len, reverse=True)) + r")\b"
)
_YEARS_OLD = re.compile(r"\s+old\b")
_OF_WHOLE = re.compile(
    rf"\s+of\s+(?:(?i:the|its|their|those|these|his|her|our|all(?:\s+the)?)\s+)?"
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>\b(?i:{WORD_NUMBER})\b))(?![\w%,.-])"
)
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
# Before the second or later age of a list: "aged 41 and ", "ages 4, 7 and ".
_AGE_LIST_BEFORE = re.compile(r"\b(?i:aged|ages)\s+\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s*,)?\s+(?:and|or)\s+$|"
                              r"\b(?i:aged|ages)\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,\s+$")
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['’-]?[A-Z]?[a-z]+)+|Jr\.|Sr\.")
_CALENDAR_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)"
)
_OF = re.compile(r"\s+of\b(?:\s+(?:the|its|their|all|those|these)\b)?", re.I)
_OPENING_PUNCTUATION = "([{\"“'‘—–-"
_STREET_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|"
    r"Square|Court|Terrace|Highway)"
)
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
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n\"“(—–―])[ \t]*(?:\d{1,3}[.)][ \t]*)?$")
_LINE_START = re.compile(r"\n[ \t]*")
_LIST_MARKER = re.compile(r"\n[ \t]*(?:[-*•][ \t]*)?\d{1,3}[.)](?=\s)")
_SHARED_UNITS = ("percent", "percentage points")
_SHARED_UNIT_GAP = re.compile(r"\s*(?:-|–|to|or|and)\s*")
_HEDGE_WORDS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES)
# The last word of every hedge of several words -> their lengths in words, longest first.
_HEDGE_LENGTHS: dict[str, tuple[int, ...]] = {
    last: tuple(sorted({len(h.split()) for h in HEDGES if " " in h and h.split()[-1] == last}, reverse=True))
    for last in {h.split()[-1] for h in HEDGES if " " in h}
}
# What can open each match after a number (``c1`` in ``_grow``), so most candidates skip most of them.
_ASCII_UPPER = frozenset(string.ascii_uppercase)
_VULGAR_START = frozenset(VULGAR_FRACTIONS)
_SCALE_START = frozenset("tmbkTMBK\u212a")  # \u212a, the Kelvin sign, matches "k" ignoring case
_RANGE_START = frozenset("-–—ta")
_DOTTED_START = frozenset(".,")
_PLUS_START = frozenset("-+")
_RATIO_START = frozenset("io")
_PERCENT_START = frozenset("%pP")
# ("ſ", the long s, matches "s" ignoring case)
_CURRENCY_WORD_START = frozenset("uU" + "ſ" + "".join(w[0].lower() + w[0].upper() for w in CURRENCY_WORDS))
_MEASURE_START = frozenset("kmfc°MGh")
_SCALE_WORD = re.compile(r"(?i)hundred|thousand|million|billion|trillion")
_DOTTED_CONTINUATION = re.compile(r"[.,]\d")  # "3.4.1", "12,34": part of a longer code
_CONVERSION_GAP = re.compile(rf"(?:\s*\(\s*|,?\s+or\s+)(?i:(?:{_HEDGE_WORDS})\s+)?")


# Terminal control sequences: CSI "ESC [ params final" and OSC "ESC ] ... BEL/ST" (7- and
# 8-bit forms). Their digits are parameters, never quantities or dates.
_CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
)


def _blank_control_sequences(text: str) -> str:
    """``text`` with every terminal control sequence turned into spaces (same length)."""
    if "\x1b" not in text and "\x9b" not in text and "\x9d" not in text:  # faster than a regex scan
        return text
    return _CONTROL_SEQUENCE.sub(lambda m: " " * len(m.group()), text)


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
    unit_starts = [u.start for u in units]
    unit_ends = [u.end for u in units]
    date_starts = _by_unit(triggers.dates, unit_starts, unit_ends)
    number_starts = _by_unit(triggers.numbers, unit_starts, unit_ends)
    list_markers = sorted({m.end() - 1 for m in _LIST_MARKER.finditer("\n" + text)})  # -1: the "\n" prepended
    no_markers: frozenset[int] = frozenset()
    for index in sorted(date_starts.keys() | number_starts.keys()):
        unit = units[index]
        base = unit.start
        s = text[base : unit.end]
        date_at = date_starts.get(index)
        date_spans = find_dates(s, date_at) if date_at else []
        for a, b in date_spans:
            dates.append(DateMention(base + a, base + b, original[base + a : base + b], index))
        starts = number_starts.get(index)
        if not starts:
            continue
        blocked = date_spans
        for p in starts:
            if s[p].isdigit():  # URLs, phone numbers and the like hold digits
                blocked = date_spans + _no_claim_spans(s)
                break
        before = text[base - 1] if base else "\n"
        at_line_start = before == "\n" or (before.isspace() and not text[text.rfind("\n", 0, base) + 1 : base].strip())
        context = _Context(
            starts,
            blocked,
            _markers_in(list_markers, unit) if list_markers else no_markers,
            _line_starts(s, at_line_start),
            unit.kind is SentenceKind.HEADING,
        )
        source_id = source_ids[index] if source_ids is not None else None
        for found in _claims_in(s, context):
            start, end = found.start + base, found.end + base
            claims.append(
                NumericClaim(
                    start, end, original[start:end], found.value, found.unit, found.hedge, index, source_id, None,
                    found.high,
                )
            )
    return _link_conversions(text, claims), dates


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


def _by_unit(positions: list[int], starts: list[int], ends: list[int]) -> dict[int, list[int]]:
    """Group text positions by the unit holding them (units given by their starts and ends), as offsets into it."""
    grouped: dict[int, list[int]] = {}
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < ends[i]:
            offsets = grouped.get(i)
            if offsets is None:
                grouped[i] = [pos - starts[i]]
            else:
                offsets.append(pos - starts[i])
    return grouped


class _Context(NamedTuple):
    """What one unit's scan needs besides its text (a tuple: built for every unit, cheaply)."""

    starts: list[int]  # where a quantity may start (see reader.core.triggers)
    blocked: list[tuple[int, int]]  # dates, URLs, phone numbers, tags: no claim inside
    markers: AbstractSet[int]  # ends of numbered-list markers ("1." at a line start)
    line_starts: set[int]
    heading: bool


class _Found(NamedTuple):
    """A claim inside one unit, before it becomes a NumericClaim of the whole text."""

    start: int
    end: int
    value: float
    unit: str | None
    hedge: str | None
    high: float | None = None


def _claims_in(s: str, context: _Context) -> list[_Found]:
    blocked = context.blocked
    claims: list[_Found] = []
    cursor = 0
    size = len(s)
    for pos in context.starts:
        if pos < cursor:
            continue
        m = (_CANDIDATE_AT_DIGIT if "0" <= s[pos] <= "9" else _CANDIDATE).match(s, pos)
        if not m:
            continue
        limit = size
        if blocked:
            begin, end = m.span()
            for a, b in blocked:
                if a < end and begin < b:
                    break  # inside a date, URL, ...
                if end <= a < limit:
                    limit = a  # the claim stops before the next one
            else:
                begin = -1
            if begin >= 0:
                continue
        claim = _grow(s, m, limit, context)
        if claim is None:
            continue
        if claim.start < cursor:
            claim = claim._replace(start=m.start())
        claims.append(claim)
        cursor = claim.end
    return claims


def _grow(s: str, m: re.Match[str], limit: int, context: _Context) -> _Found | None:
    """Turn a number candidate into a claim, or None when it is not a quantity.

    Each anchored match after the number runs only when the character(s) there can open
    it (``c``: the character at ``pos``; ``c1``: the one after a single space, else ``c``).
    """
    kind = m.lastgroup
    if kind == "fraction":
        return _fraction(s, m, limit)
    if kind == "vague":
        return _vague(s, m, limit)
    is_words = kind == "words"
    raw = m.group(kind)
    value = parse_words(raw) if is_words else parse_digits(raw)
    if value is None:
        return None
    start, pos = m.start(), m.end()
    before = _tokens_before(s, start, 3)
    if not is_words and _is_name_or_reference(s, m, context, before):
        return None
    c = s[pos : pos + 1]
    c1 = s[pos + 1 : pos + 2] if c.isspace() else c
    if not is_words and c.isspace() and (c1 in _ASCII_UPPER or c1.isspace()) and _STREET_AFTER.match(s, pos):
        return None
    unit: str | None = None
    cur = m.group("cur")
    if cur:
        unit = CURRENCY_SYMBOLS.get(cur.strip(), cur.strip())
    has_scale = False
    if is_words:
        has_scale = len(raw) >= 7 and bool(_SCALE_WORD.search(raw))
    else:
        if c1 in _VULGAR_START:
            vulgar = _VULGAR_FRACTION_AFTER.match(s, pos)
            if vulgar:
                value, pos = value + VULGAR_FRACTIONS[vulgar.group(1)], vulgar.end()
                c, c1 = _peek(s, pos)
        if c1 in _SCALE_START:
            value, pos, has_scale = _apply_scale(s, pos, value, money=bool(cur))
            if has_scale:
                c, c1 = _peek(s, pos)
    high: float | None = None
    ranged = _RANGE_AFTER.match(s, pos, limit) if c1 in _RANGE_START else None
    if ranged and _range_ok(before, ranged):
        second = ranged.group("words") or ranged.group("digits")
        high = parse_words(second) if ranged.group("words") else parse_digits(second)
        high_pos = ranged.end()
        if high is not None and not ranged.group("words"):
            unscaled_high = high
            high, high_pos, high_scaled = _apply_scale(s, high_pos, high, money=bool(cur or ranged.group("cur")))
            if high_scaled and not has_scale:
                value = scaled(value, round(high / unscaled_high)) if unscaled_high else value
        if high is not None and high > value:
            pos = high_pos
            c, c1 = _peek(s, pos)
            unit = unit or (CURRENCY_SYMBOLS.get(ranged.group("cur").strip()) if ranged.group("cur") else None)
            if before and before[-1][0].lower() == "between":
                start = before[-1][1]
                before = _tokens_before(s, start, 3)
        elif ranged.group("sep") in ("-", "–"):
            return None  # a score such as 3-2, or a code
        else:
            high = None
    if not is_words and c in _DOTTED_START and pos < limit and _DOTTED_CONTINUATION.match(s, pos):
        return None  # part of a longer dotted code
    hedge_text = _hedge_before(before)
    if c in _PLUS_START and high is None:
        plus = _PLUS_AFTER.match(s, pos, limit)
        if plus:
            hedge_text, pos = hedge_text or "more than", plus.end()
            c, c1 = _peek(s, pos)
    space = c.isspace()
    if high is None and not has_scale and space and (c1 in _RATIO_START or c1.isspace()):
        ratio = _RATIO_AFTER.match(s, pos, limit)
        if ratio:
            whole = parse_words(ratio.group("words")) if ratio.group("words") else parse_digits(ratio.group("digits"))
            if whole and value < whole:
                return _share(s, start, ratio.end(), value / whole, hedge_text, limit)
    percent = _PERCENT_AFTER.match(s, pos, limit) if c1 in _PERCENT_START else None
    if percent and unit is None:
        unit = "percentage points" if percent.group("points") else "percent"
        pos = percent.end()
    elif unit is None and space and (c1 in _CURRENCY_WORD_START or c1.isspace()):
        word = _currency_word(s, pos, limit, scaled=has_scale)
        if word:
            unit, pos = word
    if unit is None:
        measure = _ATTACHED_MEASURE.match(s, pos, limit) if not is_words and c in _MEASURE_START else None
        compound = _HYPHEN_COMPOUND.match(s, pos, limit) if c == "-" else None
        if measure:
            unit, pos = measure.group("measure"), measure.end()
        elif compound:
            noun = compound.group("noun")
            if noun.endswith("ed"):
                return None  # "a two-pronged plan", "one-sided": an adjective, not a count
            unit = "years old" if compound.group("old") and noun == "year" else _plural(noun)
            pos = compound.end()
        elif not is_words and before and before[-1][0].lower() in AGE_WORDS:
            unit = "years old"  # "at age 78", "aged 45", "ages 18 to 24"
        elif not is_words and before and high is None and _is_listed_or_appositive_age(s, start, pos, raw, before):
            unit = "years old"  # "aged 41 and 37", "Sam Pritchard, 29,"
        elif pos < len(s) and (s[pos].isalnum() or s[pos] == "_"):
            return None  # 21st, 5G, 3D: the digits are part of a word
        elif space:
            noun = _counted_noun(s, pos, limit, singular=value == 1)
            if noun:
                unit, pos = noun
            elif c1 == "o":
                unit = _noun_of_whole(s, pos, limit, value)
    if is_words and unit is None:
        return None
    if m.start() in context.line_starts and (unit is None or (len(raw) <= 2 and unit[0].isupper())):
        return None  # "10 Things to Know": a list item
    if is_words and raw.lower() == "one" and not (has_scale or unit in ("percent", "percentage points")):
        return None
    return _Found(start, pos, value, unit, hedge_text, high)


def _currency_word(s: str, pos: int, limit: int, *, scaled: bool) -> tuple[str, int] | None:
    """``(ISO code, end)`` for a currency word after the number at ``pos`` ("20 million lei"), or None."""
    word = _CURRENCY_WORD_AFTER.match(s, pos, limit)
    if not word:
        return None
    name = word.group("word")
    low = name.lower()
    if low in CASED_CURRENCY_WORDS and (name != low or (low in SCALED_CURRENCY_WORDS and not scaled)):
        return None  # "3 won", "20 real problems", "Rand": a verb, an adjective, a name
    return CURRENCY_WORDS[low], word.end()


def _is_listed_or_appositive_age(s: str, start: int, end: int, raw: str, before: list[tuple[str, int]]) -> bool:
    """Is the bare number ``raw`` at ``start:end`` an age after "aged 41 and" or after a name ("Sam Pritchard, 29,")?"""
    if len(raw) > 3 or not raw.isdigit() or not 0 < int(raw) <= 120:
        return False
    last = before[-1][0]
    if last in ("and", "or") or (last[-1] == "," and last[:-1].isdigit()):
        return bool(_AGE_LIST_BEFORE.search(s, max(0, start - 60), start))
    after = s[end : end + 1]
    if after != "," and not (after == "." and s[end + 1 : end + 2] in ("", " ", "\n", "\t")):
        return False
    if last[-1] != "," or start < 2 or s[start - 2] != ",":  # the comma, then one space, then the number
        return False
    name = last[:-1]
    return bool(_NAME_WORD.fullmatch(name)) and name.lower() not in COMMON_CAPITALISED and not (
        _CALENDAR_WORD.fullmatch(name)
    )


def _noun_of_whole(s: str, pos: int, limit: int, value: float) -> str | None:
    """The counted noun of a larger group the number is part of: "23 of the 31 drones" counts drones."""
    of = _OF_WHOLE.match(s, pos, limit)
    if not of:
        return None
    whole = parse_words(of.group("words")) if of.group("words") else parse_digits(of.group("digits"))
    if whole is None or whole < value or (of.group("digits") and _YEAR_LIKE.fullmatch(of.group("digits"))):
        return None
    noun = _counted_noun(s, of.end(), limit, singular=False)
    return noun[0] if noun else None


def _peek(s: str, pos: int) -> tuple[str, str]:
    """The character at ``pos`` ("" at the end) and the one after it when it is a space, else the same."""
    c = s[pos : pos + 1]
    return (c, s[pos + 1 : pos + 2]) if c.isspace() else (c, c)


def _apply_scale(s: str, pos: int, value: float, *, money: bool) -> tuple[float, int, bool]:
    scale = _SCALE_AFTER.match(s, pos)
    if not scale:
        return value, pos, False
    if scale.group("word"):
        return scaled(value, SCALES[scale.group("word").lower()]), scale.end(), True
    abbr = scale.group("abbr").lower()
    if abbr in ("m", "k", "b") and not money:
        return value, pos, False
    return scaled(value, SCALE_ABBREVIATIONS[abbr]), scale.end(), True


def _range_ok(before: list[tuple[str, int]], ranged: re.Match[str]) -> bool:
    sep = ranged.group("sep")
    word = before[-1][0].lower() if before else ""
    if sep == "and":
        return word == "between"
    if sep == "to":
        # "climbed $2.65 to $84.10": a change and the level it reached, not a range
        return word != "from" and word not in CHANGE_VERBS
    return True


def _tokens_before(s: str, start: int, n: int) -> list[tuple[str, int]]:
    """The last ``n`` whitespace-separated tokens before ``start`` with their offsets, when a space precedes it."""
    if not start or not s[start - 1].isspace():
        return []
    lo = max(0, start - 40)
    window = s[lo:start]
    tokens = window.rsplit(None, n)  # n + 1 parts at most: the first is then the rest of the window
    if len(tokens) > n:
        tokens = tokens[1:]
    elif tokens and lo > 0 and not s[lo - 1].isspace() and not window[0].isspace():
        tokens = tokens[1:]  # cut by the window
    found: list[tuple[str, int]] = []
    end = len(window)
    for token in reversed(tokens):
        end = window.rfind(token, 0, end)
        found.append((token, lo + end))
    found.reverse()
    return found


def _hedge_before(before: list[tuple[str, int]]) -> str | None:
    """The hedge in ``before`` (the tokens just before a quantity: "more than", "about"), lower-cased, or None.

    The longest that fits wins; opening punctuation before its first word is dropped.
    """
    if not before:
        return None
    last = before[-1][0].lower()
    for n in _HEDGE_LENGTHS.get(last, ()):  # hedges of several words ending with this one
        if len(before) >= n:
            candidate = " ".join(token.lower() for token, _ in before[-n:]).lstrip(_OPENING_PUNCTUATION)
            if candidate in HEDGE_SET:
                return candidate
    last = last.lstrip(_OPENING_PUNCTUATION)
    return last if last in HEDGE_SET else None


def _is_name_or_reference(s: str, m: re.Match[str], context: _Context, before: list[tuple[str, int]]) -> bool:
    """Is this number a name or a reference ("Article 5", "F-16")? ``before``: the tokens before it."""
    if m.end() in context.markers:
        return True
    if m.group("cur"):
        return False
    digits = m.group("digits")
    if len(digits) >= 7 and digits.isdigit():
        return True  # an identifier: real counts this large carry separators
    if not before:
        return False
    word, word_start = before[-1]
    if not word[0].isalpha() or not (word[-1].isalnum() or word[-1] == "."):
        return False  # no word right before, or punctuation ends it ("On Tuesday, 40 roads")
    if word.lower() in REFERENCE_NOUNS:
        return True
    if context.heading or "," in digits or word.islower() or word.lower() in COMMON_CAPITALISED or len(digits) > 5:
        return False
    # the first word of a sentence, line or list item is capitalised for that reason alone
    return not _SENTENCE_OPENING.search(s, max(0, word_start - 8), word_start)


def _counted_noun(s: str, pos: int, limit: int, *, singular: bool) -> tuple[str, int] | None:
    """The counted noun after a number: ``(unit, end)`` or None.

    Its head is the first plural noun or measure (for one thing, any lower-case word) among
    the next five words, before a stop word.
    """
    before: list[str] = []  # the words before the head
    first: re.Match[str] | None = None
    at = pos
    for _ in range(5):
        w = _WORD.match(s, at, limit)
        if not w:
            break
        word = w.group(1)
        if word.lower() in STOP_WORDS:
            break
        noun = _without_possessive(word, singular=singular) if word[-1] in "'’s" else word
        if is_plural_noun(noun) or noun.lower() in MEASURES or (singular and noun.islower() and noun not in MODIFIERS):
            kept = [b for b in before if not (b.lower() != b or b.endswith("ly") or b.lower() in MODIFIERS)]
            return _with_outcome(s, f"{kept[-1]} {noun}" if kept else noun, w.start(1) + len(noun), limit)
        if first is None:
            first = w
        before.append(word)
        at = w.end()
    if first is not None and before[0] in SINGULAR_UNITS:
        return _plural(before[0]), first.end()  # "a 60 second ad": a compound missing its hyphen
    return None


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


def _fraction(s: str, m: re.Match[str], limit: int) -> _Found | None:
    hedge = _hedge_before(_tokens_before(s, m.start(), 3))
    text = m.group().lower()
    if text == "half":
        # "nearly half of voters"; alone "half of" is as often a part of something ("the first half of")
        return _Found(m.start(), m.end(), 0.5, "fraction", hedge) if hedge else None
    count, _, part = re.split(r"([-\s])", text, maxsplit=1)
    value = (1 if count in ("a", "one") else {"two": 2, "three": 3, "four": 4}[count]) * FRACTIONS[part]
    return _Found(m.start(), m.end(), round(value, 4), "fraction", hedge)


def _vague(s: str, m: re.Match[str], limit: int) -> _Found | None:
    key = re.sub(r"\s+", " ", m.group().lower())
    pos = m.end()
    of = _OF.match(s, pos, limit)
    if of:
        pos = of.end()
    word = _currency_word(s, pos, limit, scaled=True)
    if word:
        unit, end = word
    else:
        noun = _counted_noun(s, pos, limit, singular=False)
        if noun is None:
            return None
        unit, end = noun
    return _Found(m.start(), end, float(VAGUE_COUNTS[key]), unit, "at least")


def _plural(noun: str) -> str:
    if noun in PLURAL_OF:
        return PLURAL_OF[noun]
    return noun if noun.endswith("s") or noun in MEASURES and len(noun) <= 3 else noun + "s"


def _share(s: str, start: int, pos: int, value: float, hedge: str | None, limit: int) -> _Found:
    """"four in 10 voters": a fraction of a group, unit "fraction of voters"."""
    unit = "fraction"
    noun = _counted_noun(s, pos, limit, singular=False)
    if noun:
        unit, pos = f"fraction of {noun[0]}", noun[1]
    return _Found(start, pos, round(value, 4), unit, hedge)


def _link_conversions(text: str, claims: list[NumericClaim]) -> list[NumericClaim]:
    """Mark "424 square miles" in "1,100 square kilometers (424 square miles)" as converting the first.

    Also gives a bare number the percent of its partner: "52 to 38 percent", "a 20 or 30 percent".
    """
    linked = list(claims)
    for i in range(1, len(linked)):
        prev, cur = linked[i - 1], linked[i]
        if prev.sentence != cur.sentence or prev.converts is not None:
            continue
        if prev.unit is None and cur.unit in _SHARED_UNITS and _SHARED_UNIT_GAP.fullmatch(text, prev.end, cur.start):
            linked[i - 1] = replace(prev, unit=cur.unit)
            continue
        if cur.unit is None or prev.unit is None or cur.unit == prev.unit:
            continue
        if not _CONVERSION_GAP.fullmatch(text, prev.end, cur.start):
            continue
        linked[i] = replace(cur, converts=i - 1, hedge=cur.hedge or prev.hedge)
    return linked
