"""The regexes that find number candidates, and the pieces the claim rules share with them."""

from __future__ import annotations

import re

from reader.core.number_words import CURRENCY_CODES, FRACTION, VAGUE, WORD_NUMBER

# "1,200", "1,200.5", "3", "3.5"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "$", "US$", "€", "USD ": a currency right before the digits
CURRENCY_PREFIX = r"(?:US|C|A|NZ|HK)\$|[$€£¥₹₽₴]|\b(?:" + "|".join(CURRENCY_CODES) + r")\s?"

# A candidate is one of four kinds, the name of the group that matched (see grow.KINDS).
CANDIDATE = re.compile(
    rf"(?P<fraction>\b(?i:{FRACTION}))"
    rf"|(?P<vague>\b(?i:{VAGUE})\b)"
    rf"|(?P<cur>{CURRENCY_PREFIX})?(?<![\w.,/:#@°\-–])(?P<digits>{DIGITS})"
    rf"|(?<![\w-])(?P<words>\b(?i:{WORD_NUMBER})\b)"
)
# At a digit only the digits branch can match: the same groups, the others never set.
CANDIDATE_AT_DIGIT = re.compile(rf"(?P<cur>[^\s\S])?(?<![\w.,/:#@°\-–])(?P<digits>{DIGITS})")
