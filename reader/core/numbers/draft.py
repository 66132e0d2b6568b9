"""What the claim rules share: the draft they grow, the row that names each, what they answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from reader.core.number_words import CURRENCY_SYMBOLS
from reader.core.numbers.before import Token, token_before
from reader.core.numbers.found import Found, UnitContext

# Every character for which str.isspace() is true (a test checks the list against all of Unicode).
SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                   "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # fmt: skip


class Stop(Enum):
    """What a rule returns to drop the candidate."""

    NOT_A_CLAIM = "not a claim"


NOT_A_CLAIM = Stop.NOT_A_CLAIM
# A rule's answer: None (go on), NOT_A_CLAIM, or the claim itself.
Verdict = Found | Stop | None


class Draft:
    """A digits or words candidate growing into a claim: what the rules read and update.

    ``start:end`` is the claim so far; ``c`` is the character at ``end`` and ``c1`` the one
    that opens what follows (after a single space, else ``c``): ``move_to`` keeps them current.
    """

    __slots__ = (
        "c", "c1", "context", "cur", "end", "has_scale", "hedge", "high",
        "limit", "match", "raw", "s", "start", "unit", "value", "word_before",
    )  # fmt: skip

    def __init__(self, s: str, limit: int, context: UnitContext, match: re.Match[str], raw: str, value: float) -> None:
        self.s = s
        self.limit = limit  # the claim ends before a date or URL that follows
        self.context = context
        self.match = match
        self.raw = raw  # the digits or words as written
        self.start = start = match.start()
        self.value = value
        self.high: float | None = None
        self.cur: str | None = (cur := match.group("cur"))  # a currency symbol or code before the digits
        self.unit: str | None = CURRENCY_SYMBOLS.get(cur.strip(), cur.strip()) if cur else None
        self.hedge: str | None = None
        self.has_scale = False
        self.word_before: Token | None = token_before(s, start)  # the token right before the number
        self.end = end = match.end()  # where the claim ends so far
        self.c = c = s[end : end + 1]
        self.c1 = s[end + 1 : end + 2] if c.isspace() else c  # as move_to(end)

    def move_to(self, end: int) -> None:
        """The claim now ends at ``end``: read the character there (``c``) and the one that opens
        what follows (``c1``)."""
        self.end = end
        c = self.s[end : end + 1]
        self.c = c
        self.c1 = self.s[end + 1 : end + 2] if c.isspace() else c


class Rule(NamedTuple):
    """One row of a rule table.

    ``kinds``: the candidates it runs for ("digits", "words"). ``opens``: the characters at
    ``Draft.c1`` that can open what the rule looks for; it runs only when ``c1`` is one of them
    (None: always). Most candidates so skip most rules without a call. ``line_start``: the rule
    runs only for candidates that open a line.
    """

    id: str
    run: Callable[[Draft], Verdict]
    kinds: frozenset[str]
    opens: frozenset[str] | None = None
    line_start: bool = False


DIGITS_ONLY = frozenset({"digits"})
WORDS_ONLY = frozenset({"words"})
BOTH = DIGITS_ONLY | WORDS_ONLY
