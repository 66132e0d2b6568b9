"""The claim rules of digits and number words, in three ordered tables (see ``grow``).

1. ``READING``: what the number is: vetoes of what is no quantity ("Article 5", "10 Downing
   Street"), its scale ("3 million"), range ("10 to 20"), hedge ("more than") and shares
   ("four in 10 voters");
2. ``UNIT_RULES``: what it counts: the first rule that finds a unit wins (percent, currency
   word, measure, compound, age, counted noun);
3. ``LAST_VETOES``: what is a claim only with a unit ("the two", "10 Things to Know").

A rule reads and updates the ``Draft`` and returns None to go on, ``NOT_A_CLAIM`` to drop the
candidate, or a ``Found`` that is the claim (a share). Its row says which candidates it runs for
and which characters after the number (``Draft.c1``) can open what it looks for: add a rule as
a function here and a row in its table.
"""

from __future__ import annotations

import re
import string

from reader.core.number_words import (
    AGE_WORDS,
    CASED_CURRENCY_WORDS,
    CHANGE_VERBS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    SCALE_ABBREVIATIONS,
    SCALED_CURRENCY_WORDS,
    SCALES,
    VULGAR_FRACTIONS,
    WORD_NUMBER,
    parse_digits,
    parse_words,
    scaled,
)
from reader.core.numbers.before import (
    Token,
    hedge_before,
    is_listed_or_appositive_age,
    named_by_word_before,
    token_before,
)
from reader.core.numbers.draft import (
    BOTH,
    DIGITS_ONLY,
    NOT_A_CLAIM,
    SPACES,
    WORDS_ONLY,
    Draft,
    Rule,
    Verdict,
)
from reader.core.numbers.found import Found
from reader.core.numbers.nouns import counted_noun, noun_of_whole, plural
from reader.core.numbers.patterns import CURRENCY_PREFIX, DIGITS
from reader.core.triggers import word_trie

# ---------------------------------------------------------------- what may follow a number

_SCALE_AFTER = re.compile(
    r"(?:\s?(?P<word>thousand|million|billion|trillion)\b|(?P<abbr>bn|mln|mn|tn|m|k|b)(?![\w]))", re.IGNORECASE
)
_RANGE_AFTER = re.compile(
    rf"\s?(?P<sep>-|–|—|\bto\b|\band\b)\s?(?P<cur>{CURRENCY_PREFIX})?"
    rf"(?:(?<![\w.,])(?P<digits>{DIGITS})|(?P<words>\b(?i:{WORD_NUMBER})\b))"
)
_PERCENT_AFTER = re.compile(r"\s?(?:(?P<points>percentage\s+points?\b)|%|(?i:per\s?cent\b|pct\b))")
_CURRENCY_WORD_AFTER = re.compile(
    r"\s+(?:US\s+|U\.S\.\s+)?(?P<word>" + word_trie(CURRENCY_WORDS.keys()) + r")\b",
    re.IGNORECASE,
)
_HYPHEN_COMPOUND = re.compile(r"-(?!plus\b|odd\b)(?P<noun>[a-z]+)(?P<old>-old\b)?(?![\w-])")
_VULGAR_FRACTION_AFTER = re.compile(r"\s?([½¼¾⅓⅔])")
_PLUS_AFTER = re.compile(r"-plus\b|-odd\b|\+(?!\w)")
_RATIO_AFTER = re.compile(
    rf"\s+(?:in|out\s+of|of(?:\s+every)?)\s+"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})*)|(?P<words>\b(?i:{WORD_NUMBER})\b))(?![\w%])"
)
_ATTACHED_MEASURE = re.compile(r"(?P<measure>km2|km|kg|mph|ft|mm|cm|°[CF]|MW|GW|kW|kWh|GWh|ha)(?![\w])")
_STREET_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|"
    r"Square|Court|Terrace|Highway)"
)
_SCALE_WORD = re.compile(r"(?i)hundred|thousand|million|billion|trillion")
_DOTTED_CONTINUATION = re.compile(r"[.,]\d")  # "3.4.1", "12,34": part of a longer code

# What can open each match after a number (``Draft.c1``), so most candidates skip most of them.
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

_PERCENT_UNITS = ("percent", "percentage points")


# ---------------------------------------------------------------- 1. reading the number


def _name_or_reference(d: Draft) -> Verdict:
    """A list marker, an identifier, a reference or a name: no quantity.

    "1." opening a list item; "1234567" (real counts this large carry separators); "Article 5";
    "Boeing 747".
    """
    m = d.match
    if m.end() in d.context.markers:
        return NOT_A_CLAIM
    if d.cur:
        return None
    digits = d.raw
    if len(digits) >= 7 and digits.isdigit():
        return NOT_A_CLAIM
    if d.word_before and named_by_word_before(d.s, digits, d.word_before, d.context.heading):
        return NOT_A_CLAIM
    return None


def _street_address(d: Draft) -> Verdict:
    """ "10 Downing Street": a house number."""
    c1 = d.c1
    if d.c.isspace() and (c1 in _ASCII_UPPER or c1.isspace()) and _STREET_AFTER.match(d.s, d.end):
        return NOT_A_CLAIM
    return None


def _scale_in_words(d: Draft) -> Verdict:
    """ "two million": the scale word is part of the number words."""
    d.has_scale = len(d.raw) >= 7 and bool(_SCALE_WORD.search(d.raw))
    return None


def _vulgar_fraction(d: Draft) -> Verdict:
    """ "3½": the fraction adds to the number."""
    vulgar = _VULGAR_FRACTION_AFTER.match(d.s, d.end)
    if vulgar:
        d.value += VULGAR_FRACTIONS[vulgar.group(1)]
        d.move_to(vulgar.end())
    return None


def _scale_after(d: Draft) -> Verdict:
    """ "3 million", "$3bn", "£1.5m" (the one-letter "m", "k", "b" only for money)."""
    d.value, pos, d.has_scale = apply_scale(d.s, d.end, d.value, money=bool(d.cur))
    if d.has_scale:
        d.move_to(pos)
    return None


def _range(d: Draft) -> Verdict:
    """ "10 to 20", "between 10 and 20", "$5 to $10 million"; a score "3-2" is no quantity."""
    ranged = _RANGE_AFTER.match(d.s, d.end, d.limit)
    if not ranged or not _range_ok(d.word_before, ranged):
        return None
    high, high_pos = _read_high_end(d, ranged)
    if high is not None and high > d.value:
        _take_range(d, ranged, high, high_pos)
        return None
    return NOT_A_CLAIM if ranged.group("sep") in ("-", "–") else None


def _range_ok(word_before: Token | None, ranged: re.Match[str]) -> bool:
    """May the separator join a range here? "and" only after "between"; "to" not after "from" or a change."""
    sep = ranged.group("sep")
    word = word_before[0].lower() if word_before else ""
    if sep == "and":
        return word == "between"
    if sep == "to":
        # "climbed $2.65 to $84.10": a change and the level it reached, not a range
        return word != "from" and word not in CHANGE_VERBS
    return True


def _read_high_end(d: Draft, ranged: re.Match[str]) -> tuple[float | None, int]:
    """The top of a range and where it ends. A scale after it scales the low end too ("3 to 5 million")."""
    words = ranged.group("words")
    if words:
        return parse_words(words), ranged.end()
    high = parse_digits(ranged.group("digits"))
    if high is None:
        return None, ranged.end()
    unscaled = high
    high, high_pos, high_scaled = apply_scale(d.s, ranged.end(), high, money=bool(d.cur or ranged.group("cur")))
    if high_scaled and not d.has_scale and unscaled:
        d.value = scaled(d.value, round(high / unscaled))
    return high, high_pos


def _take_range(d: Draft, ranged: re.Match[str], high: float, high_pos: int) -> None:
    """The claim is a range up to ``high``: its currency may come with the top ("5 to $10"); "between" opens it."""
    d.high = high
    d.move_to(high_pos)
    cur = ranged.group("cur")
    if d.unit is None and cur:
        d.unit = CURRENCY_SYMBOLS.get(cur.strip())
    if d.word_before and d.word_before[0].lower() == "between":
        d.start = d.word_before[1]
        d.word_before = token_before(d.s, d.start)


def _dotted_code(d: Draft) -> Verdict:
    """ "3.4.1", "12,34": part of a longer dotted code."""
    if d.c in _DOTTED_START and d.end < d.limit and _DOTTED_CONTINUATION.match(d.s, d.end):
        return NOT_A_CLAIM
    return None


def _hedge_before(d: Draft) -> Verdict:
    """ "more than 200", "(about 40%": the longest hedge ending right before the number."""
    d.hedge = hedge_before(d.s, d.start, d.word_before)
    return None


def _plus_after(d: Draft) -> Verdict:
    """ "20-plus", "20+", "40-odd": "more than", unless a hedge came before."""
    if d.c in _PLUS_START and d.high is None:
        plus = _PLUS_AFTER.match(d.s, d.end, d.limit)
        if plus:
            d.hedge = d.hedge or "more than"
            d.move_to(plus.end())
    return None


def _share(d: Draft) -> Verdict:
    """ "four in 10 voters", "7 out of 10": a fraction of a group, unit "fraction of voters"."""
    c1 = d.c1
    if d.high is not None or d.has_scale or not d.c.isspace() or not (c1 in _RATIO_START or c1.isspace()):
        return None
    ratio = _RATIO_AFTER.match(d.s, d.end, d.limit)
    if not ratio:
        return None
    words = ratio.group("words")
    whole = parse_words(words) if words else parse_digits(ratio.group("digits"))
    if not whole or d.value >= whole:
        return None
    unit, end = "fraction", ratio.end()
    noun = counted_noun(d.s, end, d.limit, singular=False)
    if noun:
        unit, end = f"fraction of {noun[0]}", noun[1]
    return Found(d.start, end, round(d.value / whole, 4), unit, d.hedge)


READING = (
    Rule("veto.name_or_reference", _name_or_reference, DIGITS_ONLY),
    Rule("veto.street_address", _street_address, DIGITS_ONLY, _ASCII_UPPER | SPACES),
    Rule("scale.in_words", _scale_in_words, WORDS_ONLY),
    Rule("scale.vulgar_fraction", _vulgar_fraction, DIGITS_ONLY, _VULGAR_START),
    Rule("scale.after", _scale_after, DIGITS_ONLY, _SCALE_START),
    Rule("range", _range, BOTH, _RANGE_START),
    Rule("veto.dotted_code", _dotted_code, DIGITS_ONLY, _DOTTED_START),
    Rule("hedge.before", _hedge_before, BOTH),
    Rule("hedge.plus_after", _plus_after, BOTH, _PLUS_START),
    Rule("share.of_a_group", _share, BOTH, _RATIO_START | SPACES),
)


# ---------------------------------------------------------------- 2. what it counts: the first unit found
# A unit rule that finds a unit ends the claim where the unit ends (``end``); the search stops there
# and no rule after it reads ``c`` or ``c1``, so ``end`` is set without ``move_to``.


def _percent(d: Draft) -> Verdict:
    """ "40%", "40 percent", "5 pct", "3 percentage points"."""
    percent = _PERCENT_AFTER.match(d.s, d.end, d.limit)
    if percent:
        d.unit = "percentage points" if percent.group("points") else "percent"
        d.end = percent.end()
    return None


def _currency_word(d: Draft) -> Verdict:
    """ "20 million lei", "5 Danish kroner"; "won", "real" and "sol" only after a scale word."""
    word = _CURRENCY_WORD_AFTER.match(d.s, d.end, d.limit)
    if word:
        code = _currency_code(word, scaled=d.has_scale)
        if code:
            d.unit, d.end = code, word.end()
    return None


def _attached_measure(d: Draft) -> Verdict:
    """ "5km", "30°C", "100MW": a unit glued to the digits."""
    if d.c in _MEASURE_START:
        measure = _ATTACHED_MEASURE.match(d.s, d.end, d.limit)
        if measure:
            d.unit, d.end = measure.group("measure"), measure.end()
    return None


def _hyphen_compound(d: Draft) -> Verdict:
    """ "a 45-year-old man" (years old), "a 10-mile walk" (miles); "two-pronged" is an adjective."""
    if d.c != "-":
        return None
    compound = _HYPHEN_COMPOUND.match(d.s, d.end, d.limit)
    if not compound:
        return None
    noun = compound.group("noun")
    if noun.endswith("ed"):
        return NOT_A_CLAIM  # "a two-pronged plan", "one-sided": an adjective, not a count
    d.unit = "years old" if compound.group("old") and noun == "year" else plural(noun)
    d.end = compound.end()
    return None


def _age(d: Draft) -> Verdict:
    """ "at age 78", "aged 45", "ages 18 to 24"; in a list or after a name: "aged 41 and 37", "Sam Pritchard, 29,"."""
    word_before = d.word_before
    if word_before and (
        word_before[0].lower() in AGE_WORDS
        or (d.high is None and is_listed_or_appositive_age(d.s, d.start, d.end, d.raw, word_before[0]))
    ):
        d.unit = "years old"
    return None


def _glued_to_a_word(d: Draft) -> Verdict:
    """ "21st", "5G", "3D": the digits are part of a word."""
    pos = d.end
    if pos < len(d.s) and (d.s[pos].isalnum() or d.s[pos] == "_"):
        return NOT_A_CLAIM
    return None


def _counted_noun(d: Draft) -> Verdict:
    """ "67,000 Ukrainian personnel", "eight hours' pay", "430 soldiers captive"."""
    if d.c.isspace():
        noun = counted_noun(d.s, d.end, d.limit, singular=d.value == 1)
        if noun:
            d.unit, d.end = noun
    return None


def _part_of_a_whole(d: Draft) -> Verdict:
    """ "23 of the 31 drones": the count takes the noun of the group it is part of (the claim stays "23")."""
    if d.c1 == "o" and d.c.isspace():
        d.unit = noun_of_whole(d.s, d.end, d.limit, d.value)
    return None


UNIT_RULES = (
    Rule("unit.percent", _percent, BOTH, _PERCENT_START),
    Rule("unit.currency_word", _currency_word, BOTH, _CURRENCY_WORD_START | SPACES),
    Rule("unit.attached_measure", _attached_measure, DIGITS_ONLY, _MEASURE_START),
    Rule("unit.hyphen_compound", _hyphen_compound, BOTH, frozenset("-")),
    Rule("unit.age", _age, DIGITS_ONLY),
    Rule("veto.glued_to_a_word", _glued_to_a_word, BOTH),
    Rule("unit.counted_noun", _counted_noun, BOTH),
    Rule("unit.part_of_a_whole", _part_of_a_whole, BOTH, frozenset("o")),
)


# ---------------------------------------------------------------- 3. last vetoes


def _words_without_unit(d: Draft) -> Verdict:
    """ "the two" is nothing; "the two leaders" is 2 leaders."""
    return NOT_A_CLAIM if d.unit is None else None


def _list_item(d: Draft) -> Verdict:
    """ "10 Things to Know" opening a line: a list item or a headline, not a count."""
    if d.unit is None or (len(d.raw) <= 2 and d.unit[0].isupper()):
        return NOT_A_CLAIM
    return None


def _lone_one(d: Draft) -> Verdict:
    """ "one" is an article or a pronoun, a claim only with a scale or a percent ("one million", "one percent")."""
    if d.raw.lower() == "one" and not (d.has_scale or d.unit in _PERCENT_UNITS):
        return NOT_A_CLAIM
    return None


LAST_VETOES = (
    Rule("veto.words_without_unit", _words_without_unit, WORDS_ONLY),
    Rule("veto.list_item", _list_item, BOTH, line_start=True),
    Rule("veto.lone_one", _lone_one, WORDS_ONLY),
)


# ---------------------------------------------------------------- shared readers


def apply_scale(s: str, pos: int, value: float, *, money: bool) -> tuple[float, int, bool]:
    """``(value, end, scaled?)`` after a scale word or abbreviation at ``pos`` ("million", "bn", "m" for money)."""
    scale = _SCALE_AFTER.match(s, pos)
    if not scale:
        return value, pos, False
    if scale.group("word"):
        return scaled(value, SCALES[scale.group("word").lower()]), scale.end(), True
    abbr = scale.group("abbr").lower()
    if abbr in ("m", "k", "b") and not money:
        return value, pos, False
    return scaled(value, SCALE_ABBREVIATIONS[abbr]), scale.end(), True


def currency_word_after(s: str, pos: int, limit: int, *, scaled: bool) -> tuple[str, int] | None:
    """``(ISO code, end)`` for a currency word after the number at ``pos`` ("20 million lei"), or None."""
    word = _CURRENCY_WORD_AFTER.match(s, pos, limit)
    code = _currency_code(word, scaled=scaled) if word else None
    return (code, word.end()) if word and code else None


def _currency_code(word: re.Match[str], *, scaled: bool) -> str | None:
    """The ISO code of a matched currency word; None for "3 won", "20 real problems", "Rand"
    (a verb, an adjective, a name)."""
    name = word.group("word")
    low = name.lower()
    if low in CASED_CURRENCY_WORDS and (name != low or (low in SCALED_CURRENCY_WORDS and not scaled)):
        return None
    return CURRENCY_WORDS[low]
