"""Lexicons and small parsers for quantities: number words, scales, currencies, hedges, units."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero"
WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS})\b)?|{_UNITS}|{_TEENS}|a\s+dozen|an?\s+(?:hundred|thousand|million|billion))"
    r"(?:\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)*"
)

# "hundreds of people": the smallest amount the plural can mean, hedged "at least".
VAGUE_COUNTS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2 * 10**6,
    "billions": 2 * 10**9,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "tens of millions": 2 * 10**7,
    "hundreds of millions": 2 * 10**8,
}
VAGUE = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions)"

FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# "half of" alone is a claim only after a hedge ("nearly half of voters"): see reader.core.numbers._fraction.
FRACTION = r"(?:(?:one|two|three|four|a)[-\s](?:halves|half|thirds?|quarters?|fifths?|tenths?)|half)(?=\s+of\b)"

CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "RUB", "UAH", "CNY", "INR", "CHF", "CAD", "AUD")


# ---------------------------------------------------------------- word lists (reader/core/data/number_*.txt)

_DATA = Path(__file__).resolve().parent / "data"


def _sections(filename: str) -> dict[str, list[str]]:
    """The entries of a data file by ``[section]``, in file order; blank lines and ``#`` comments skipped."""
    sections: dict[str, list[str]] = {}
    entries = sections.setdefault("main", [])
    for raw in (_DATA / filename).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            entries = sections.setdefault(line[1:-1], [])
        else:
            entries.append(line)
    return sections


def _pairs(entries: list[str]) -> dict[str, str]:
    """``"key = value"`` entries as a dict, in order."""
    pairs: dict[str, str] = {}
    for entry in entries:
        key, _, value = entry.partition("=")
        pairs[key.strip()] = value.strip()
    return pairs


_UNITS_DATA = _sections("number_units.txt")
_CURRENCY_DATA = _sections("number_currencies.txt")
_CONTEXT_DATA = _sections("number_context.txt")

CURRENCY_WORDS = _pairs(_CURRENCY_DATA["words"])
# A currency named with its country's adjective ("Danish kroner", "Mexican pesos"); the bare word maps to one of them.
_NATIONAL_PLURALS = {noun: tuple(plurals.split()) for noun, plurals in _pairs(_CURRENCY_DATA["plurals"]).items()}
for _name, _code in _pairs(_CURRENCY_DATA["national"]).items():
    _adjective, _, _noun = _name.rpartition(" ")
    for _form in (_noun, *_NATIONAL_PLURALS[_noun]):
        CURRENCY_WORDS[f"{_adjective.lower()} {_form}"] = _code
# Currency words that are also names or ordinary English: money only in lower case ("Rand", "Som" are names),
# and the verb or adjective ones only after a scale word ("20 million won", not "3 won" or "20 real problems").
CASED_CURRENCY_WORDS = frozenset(_CURRENCY_DATA["cased"])
SCALED_CURRENCY_WORDS = frozenset(_CURRENCY_DATA["scaled"])

HEDGES = tuple(_sections("number_hedges.txt")["hedges"])
HEDGE_SET = frozenset(HEDGES)

# Head nouns of counts that do not end in -s.
IRREGULAR_PLURALS = frozenset(_UNITS_DATA["irregular_plurals"])
MEASURES = frozenset(_UNITS_DATA["measures"])
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset(_UNITS_DATA["not_plural"])
# Singular units that make a compound modifier even without the hyphen ("a 60 second ad").
SINGULAR_UNITS = frozenset(_UNITS_DATA["singular_units"])
# Words that never head or open a counted noun phrase: the unit stops before them.
STOP_WORDS = frozenset(_UNITS_DATA["stop_words"])
MODIFIERS = frozenset(_UNITS_DATA["modifiers"])
# What happened to a counted group, kept in its unit ("service members captive", "people killed").
OUTCOMES = frozenset(_UNITS_DATA["outcomes"])
# The plural of a hyphenated count's noun when it is not the noun + "s" ("a two-man crew": men).
PLURAL_OF = _pairs(_UNITS_DATA["plural_of"])
# Nouns before a number that make it a name or a reference, not a quantity ("Article 5").
REFERENCE_NOUNS = frozenset(_CONTEXT_DATA["reference_nouns"])
# Capitalised words that may open a sentence before a number without naming anything.
COMMON_CAPITALISED = frozenset(_CONTEXT_DATA["common_capitalised"])
# "climbed $2.65 to $84.10": a change and the level it reached, not a range.
CHANGE_VERBS = frozenset(_CONTEXT_DATA["change_verbs"])
# Words right before a number that make it an age ("aged 45", "at age 78").
AGE_WORDS = frozenset(_CONTEXT_DATA["age_words"])


def parse_digits(raw: str) -> float | None:
    """``"1,100"`` -> 1100.0; ``"3.5"`` -> 3.5; None when not a number."""
    try:
        return float(raw.replace(",", "") if "," in raw else raw)  # correctly rounded, as float(Decimal(...)) is
    except ValueError:
        return None


def scaled(value: float, factor: int) -> float:
    """``value * factor`` without binary noise (1.1 million is 1100000, not 1100000.0000000002)."""
    return float(Decimal(repr(value)) * factor)


_WORD_SEPARATORS = re.compile(r"[\s-]+")


def parse_words(raw: str) -> float | None:
    """``"twenty-five"`` -> 25; ``"two hundred thousand"`` -> 200000; ``"a dozen"`` -> 12."""
    total = current = 0
    seen = False
    for token in _WORD_SEPARATORS.split(raw.lower()):
        if token in SMALL:
            current = current * SMALL[token] if token == "dozen" and current else current + SMALL[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        elif token:
            return None
    return float(total + current) if seen else None


def is_plural_noun(word: str) -> bool:
    """A rough test for a plural noun: ``soldiers``, ``people``; not ``across``, ``bonus``, ``its``."""
    low = word.lower()
    if low in IRREGULAR_PLURALS or (low.endswith("men") and len(low) > 4 and low.isalpha()):
        return True  # gunmen, fishermen, congressmen
    if low in STOP_WORDS or len(low) < 3 or not low.endswith("s"):
        return False
    if "-" in word and word.rsplit("-", 1)[1][:1].isupper():
        return False  # "pro-Sanders", "anti-Brexit": adjectives
    return low not in NOT_PLURAL and not low.endswith(("ss", "us", "is", "ous", "'s", "’s"))
