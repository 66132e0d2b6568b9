"""One number candidate becomes a claim, or nothing.

A candidate is what ``patterns.CANDIDATE`` matched, of one of four kinds (``KINDS``): a
fraction ("two-thirds of"), a vague count ("hundreds of"), digits ("1,200", "$3") or
number words ("twenty-five"). Fractions and vague counts have a builder each here. Digits
and words become a ``Draft`` that the three tables of ``rules`` read and update in turn:
``READING`` (vetoes, scale, range, hedge, shares), ``UNIT_RULES`` (the first unit found wins),
``LAST_VETOES``. Each table is filtered once for the kind of candidate and whether it opens a
line; a rule runs only when the character after the number can open what it looks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from reader.core.number_words import FRACTIONS, VAGUE_COUNTS, parse_digits, parse_words
from reader.core.numbers.before import hedge_before, token_before
from reader.core.numbers.draft import BOTH, NOT_A_CLAIM, Draft, Rule, Verdict
from reader.core.numbers.found import Claim, Found, UnitContext
from reader.core.numbers.nouns import counted_noun
from reader.core.numbers.rules import LAST_VETOES, READING, UNIT_RULES, currency_word_after

# "hundreds of", "thousands of the": the "of" between a vague count and its noun
_OF = re.compile(r"\s+of\b(?:\s+(?:the|its|their|all|those|these)\b)?", re.IGNORECASE)

_Run = Callable[[Draft], Verdict]
_Row = tuple[frozenset[str] | None, _Run]


class _UnitRules(dict[str, tuple[_Run, ...]]):
    """``c1`` -> the unit rules that may run when ``c1`` follows the number, filtered on first use.

    No unit rule moves the end and then lets the search go on, so ``c1`` holds for the whole search.
    """

    def __init__(self, rows: tuple[_Row, ...]) -> None:
        super().__init__()
        self.rows = rows

    def __missing__(self, c1: str) -> tuple[_Run, ...]:
        runs = self[c1] = tuple(run for opens, run in self.rows if opens is None or c1 in opens)
        return runs


class _Tables(NamedTuple):
    """The rules of the three tables that run for one kind of candidate, at a line start or not, in order."""

    reading: tuple[_Row, ...]
    units: _UnitRules
    last_vetoes: tuple[_Run, ...]


def _tables(kind: str, line_start: bool) -> _Tables:
    def rows(table: tuple[Rule, ...]) -> tuple[_Row, ...]:
        return tuple(
            (rule.opens, rule.run) for rule in table if kind in rule.kinds and (line_start or not rule.line_start)
        )

    return _Tables(rows(READING), _UnitRules(rows(UNIT_RULES)), tuple(run for _, run in rows(LAST_VETOES)))


# kind -> (the tables elsewhere, the tables at a line start)
_TABLES = {kind: (_tables(kind, line_start=False), _tables(kind, line_start=True)) for kind in BOTH}


def _number(s: str, m: re.Match[str], limit: int, context: UnitContext) -> Claim | None:
    """Digits or number words: the three tables in turn."""
    kind = m.lastgroup or ""
    raw = m.group(kind)
    value = parse_words(raw) if kind == "words" else parse_digits(raw)
    if value is None:
        return None
    d = Draft(s, limit, context, m, raw, value)
    tables = _TABLES[kind][d.start in context.line_starts]
    verdict = _read(d, tables.reading)
    if verdict is None and d.unit is None:
        verdict = _first_unit(d, tables.units[d.c1])
    if verdict is None:
        for run in tables.last_vetoes:
            if run(d) is not None:
                return None
        return d  # the draft is the claim: it has the fields of a Found
    return None if verdict is NOT_A_CLAIM else verdict


def _read(d: Draft, rows: tuple[_Row, ...]) -> Verdict:
    """Run the reading rules in order, each when ``c1`` can open what it looks for, until one decides."""
    c1 = d.c1
    for opens, run in rows:
        if opens is None or c1 in opens:
            verdict = run(d)
            if verdict is not None:
                return verdict
            c1 = d.c1  # the rule may have moved the end
    return None


def _first_unit(d: Draft, runs: tuple[_Run, ...]) -> Verdict:
    """Run the unit rules in order until one finds a unit or decides."""
    for run in runs:
        verdict = run(d)
        if verdict is not None or d.unit is not None:
            return verdict
    return None


def _fraction(s: str, m: re.Match[str], limit: int, context: UnitContext) -> Claim | None:
    """ "two-thirds of", "a quarter of"; "half of" only after a hedge ("nearly half of voters")."""
    hedge = hedge_before(s, m.start(), token_before(s, m.start()))
    text = m.group().lower()
    if text == "half":
        # alone "half of" is as often a part of something ("the first half of")
        return Found(m.start(), m.end(), 0.5, "fraction", hedge) if hedge else None
    count, _, part = re.split(r"([-\s])", text, maxsplit=1)
    value = (1 if count in ("a", "one") else {"two": 2, "three": 3, "four": 4}[count]) * FRACTIONS[part]
    return Found(m.start(), m.end(), round(value, 4), "fraction", hedge)


def _vague(s: str, m: re.Match[str], limit: int, context: UnitContext) -> Claim | None:
    """ "hundreds of people", "tens of thousands of dollars": the least the plural can mean, "at least"."""
    key = re.sub(r"\s+", " ", m.group().lower())
    pos = m.end()
    of = _OF.match(s, pos, limit)
    if of:
        pos = of.end()
    unit_and_end = currency_word_after(s, pos, limit, scaled=True) or counted_noun(s, pos, limit, singular=False)
    if unit_and_end is None:
        return None
    unit, end = unit_and_end
    return Found(m.start(), end, float(VAGUE_COUNTS[key]), unit, "at least")


# The builder of each kind of candidate (the group of patterns.CANDIDATE that matched): it turns the
# candidate ``m`` in the unit ``s`` into a claim ending by ``limit``, or None when it is not a quantity.
KINDS: dict[str, Callable[[str, re.Match[str], int, UnitContext], Claim | None]] = {
    "fraction": _fraction,
    "vague": _vague,
    "digits": _number,
    "words": _number,
}
