"""The claim rule tables of reader.core.numbers: named, ordered rows that say when they run."""

from __future__ import annotations

import sys

import pytest

from reader.core.numbers import grow, rules
from reader.core.numbers.draft import BOTH, SPACES, Rule

TABLES = {"READING": rules.READING, "UNIT_RULES": rules.UNIT_RULES, "LAST_VETOES": rules.LAST_VETOES}
ALL_RULES = [rule for table in TABLES.values() for rule in table]


def test_every_rule_has_a_unique_id_and_says_what_it_does() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    for rule in ALL_RULES:
        assert rule.run.__doc__, rule.id
        assert rule.kinds and rule.kinds <= BOTH, rule.id


@pytest.mark.parametrize("name", TABLES)
def test_each_table_is_a_tuple_of_rule_rows(name: str) -> None:
    assert all(isinstance(rule, Rule) for rule in TABLES[name])


def test_the_engine_runs_every_row_of_every_table_for_its_kinds() -> None:
    """Filtering by kind and line start keeps the rows, in their order."""
    for kind in sorted(BOTH):
        for line_start in (False, True):
            tables = grow._TABLES[kind][line_start]
            expected = [
                rule.run for rule in rules.READING if kind in rule.kinds and (line_start or not rule.line_start)
            ]
            assert [run for _, run in tables.reading] == expected
            units = [run for _, run in tables.units.rows]
            assert units == [rule.run for rule in rules.UNIT_RULES if kind in rule.kinds]
            assert list(tables.last_vetoes) == [
                rule.run for rule in rules.LAST_VETOES if kind in rule.kinds and (line_start or not rule.line_start)
            ]


def test_spaces_are_every_character_str_isspace_accepts() -> None:
    """The gates use SPACES where the rules test c1.isspace(): the two must agree on all of Unicode."""
    assert {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()} == SPACES


def test_the_unit_rules_for_a_character_keep_their_order_and_their_gates() -> None:
    tables = grow._TABLES["digits"][False]
    for c1 in ("p", "%", "-", "o", " ", "k", "é", ""):
        expected = tuple(run for opens, run in tables.units.rows if opens is None or c1 in opens)
        assert tables.units[c1] == expected
