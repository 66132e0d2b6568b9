"""Numeric claims and dates: ``extract_quantities(text, units)``.

Each unit is scanned with a few precompiled regexes: dates first (they are never
claims), then number candidates, each grown into a claim with anchored matches for
its scale, range, percent/currency and counted noun, and its hedge read from the
words just before it. Each anchored match runs only where the character after the
number can open it, so most candidates need two or three.

Where things are:
- ``scan.py``: ``extract_quantities``: per unit, the dates, the spans where no claim can be
  (URLs, phone numbers, tags), the candidates, then conversions linked across claims.
- ``grow.py``: one candidate becomes a claim or nothing: a builder per kind of candidate
  (fraction, vague count, digits, number words); digits and words run the rule tables.
- ``rules.py``: the rules, rows of three ordered tables (``READING``, ``UNIT_RULES``,
  ``LAST_VETOES``), each with an id: add a veto, a scale, a unit or a hedge rule there.
- ``draft.py``: what the rules share: the ``Draft`` they grow, the ``Rule`` row, ``NOT_A_CLAIM``.
- ``before.py``: the words before a number: its hedge, names and references ("Article 5"), ages.
- ``nouns.py``: the counted noun after a number ("67,000 Ukrainian personnel").
- ``patterns.py``: the candidate regexes; ``found.py``: what the scan and the builders exchange.
- ``reader/core/number_words.py``: number words, scales, currency symbols and the parsers; the
  word lists (units, hedges, currency words, reference nouns) are in ``reader/core/data/number_*.txt``.
- ``reader/core/dates.py`` (date and time rows), ``reader/core/triggers.py`` (where a
  number or a date may start).

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
  nothing); "one" is a claim only with a scale or a percent ("one million dollars",
  "one percent"; not "one dollar").
- Ordinals, years, clock times, phone and version numbers, names with numbers
  ("Article 5", "F-16", "G7"), references ("No. 1") and list markers are not claims.
"""

from __future__ import annotations

from reader.core.numbers.scan import extract_quantities

__all__ = ["extract_quantities"]
