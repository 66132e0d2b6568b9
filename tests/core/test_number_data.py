"""The word lists of the numbers engine (reader/core/data/number_*.txt) load as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import number_words
from reader.core.number_words import _sections

DATA = Path(number_words.__file__).parent / "data"
FILES = sorted(p.name for p in DATA.glob("number_*.txt"))


def test_the_four_number_files_are_there() -> None:
    assert FILES == ["number_context.txt", "number_currencies.txt", "number_hedges.txt", "number_units.txt"]


@pytest.mark.parametrize("filename", FILES)
def test_every_section_is_documented_and_holds_distinct_entries(filename: str) -> None:
    sections = _sections(filename)
    header = [line for line in (DATA / filename).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert sections.pop("main") == []  # every entry sits under a [section]
    for name, entries in sections.items():
        assert entries, name
        assert len(entries) == len(set(entries)), name
        assert any(name in line for line in header), f"[{name}] is not described in the header of {filename}"


def test_pairs_and_plurals_become_the_lexicons() -> None:
    assert number_words.CURRENCY_WORDS["pounds sterling"] == "GBP"
    assert number_words.CURRENCY_WORDS["danish kroner"] == "DKK"  # a [national] noun with its [plurals]
    assert number_words.CURRENCY_WORDS["north korean won"] == "KPW"  # "won =": no plural
    assert number_words.PLURAL_OF["person"] == "people"
    assert number_words.HEDGES[:2] == ("no more than", "no fewer than")  # file order, kept
    assert {"killed", "missing"} <= number_words.OUTCOMES
