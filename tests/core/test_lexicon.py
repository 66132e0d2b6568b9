"""The shipped word lists: one loader, no duplicates, no word in lists that contradict each other."""

from __future__ import annotations

import itertools
import re

import pytest

from reader.core.lexicon import DATA_DIR, sections, trie_pattern

# The source-typing lists, by the type they argue for.
_OFFICIAL_LISTS = {
    ("source_official.txt", "titles"),
    ("source_official.txt", "bodies"),
    ("source_official.txt", "documents"),
    ("source_candidate.txt", "main"),
}
_THIRD_PARTY_LISTS = {
    ("source_media.txt", "people"),
    ("source_media.txt", "outlets"),
    ("source_anonymous.txt", "main"),
    ("source_expert.txt", "main"),
    ("source_other.txt", "main"),
    ("source_polls.txt", "main"),
}


def _entries(filename: str, section: str) -> tuple[str, ...]:
    return sections(filename)[section]


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_no_list_repeats_an_entry(path):
    for section, entries in sections(path.name).items():
        repeated = sorted({e for e in entries if entries.count(e) > 1})
        assert not repeated, f"{path.name} [{section}] lists {repeated} more than once"


@pytest.mark.parametrize(
    "official, third_party",
    list(itertools.product(sorted(_OFFICIAL_LISTS), sorted(_THIRD_PARTY_LISTS))),
    ids=lambda pair: f"{pair[0]}[{pair[1]}]",
)
def test_no_word_argues_for_both_types(official, third_party):
    both = set(_entries(*official)) & set(_entries(*third_party))
    assert not both, f"{sorted(both)} in {official} (official) and {third_party} (third party)"


def test_contradiction_check_can_fail(tmp_path, monkeypatch):
    """The check above sees a word written in a title list and a lay-person list."""
    (tmp_path / "a.txt").write_text("[titles]\nmayor\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# lay people\nresident\nmayor\n", encoding="utf-8")
    monkeypatch.setattr("reader.core.lexicon.DATA_DIR", tmp_path)
    sections.cache_clear()
    try:
        with pytest.raises(AssertionError, match="mayor"):
            test_no_word_argues_for_both_types(("a.txt", "titles"), ("b.txt", "main"))
    finally:
        sections.cache_clear()


def test_sections_skip_comments_and_lower_case(tmp_path, monkeypatch):
    (tmp_path / "x.txt").write_text("# about\nAlpha\n\n[second]\nbeta  # why\n", encoding="utf-8")
    monkeypatch.setattr("reader.core.lexicon.DATA_DIR", tmp_path)
    sections.cache_clear()
    try:
        assert sections("x.txt") == {"main": ("alpha",), "second": ("beta",)}
    finally:
        sections.cache_clear()


def test_trie_pattern_prefers_the_longest_entry_and_plurals():
    pattern = re.compile(rf"\b(?:{trie_pattern(['vice president', 'vice', 'mr.'], plurals=True)})\b")
    assert pattern.match("vice presidents").group() == "vice presidents"
    assert pattern.match("vice chair").group() == "vice"
    assert pattern.match("mr.s").group() == "mr."  # no plural after an abbreviation
    plain = re.compile(trie_pattern(["one", "once"]))
    assert plain.match("ones").group() == "one"
    assert plain.match("once").group() == "once"
