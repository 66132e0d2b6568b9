"""The pure navigation helpers and the wrapping of the article."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.model import Span
from reader.tui.navigation import find_matches, first_match_from, match_step, sentence_at, step
from reader.tui.widgets.article import build_layout, plain_document
from reader.tui.widgets.tables import claim_as_written, describe_value
from tests.tui.conftest import harbour_document


def test_step_forward_and_back() -> None:
    assert step([1, 4, 9], 4, True) == 9
    assert step([1, 4, 9], 4, False) == 1
    assert step([1, 4, 9], 9, True) is None
    assert step([1, 4, 9], 0, False) is None
    assert step([], 3, True) is None


def test_find_matches_is_case_insensitive_and_literal() -> None:
    assert find_matches("The bridge. the BRIDGE", "the") == [Span(0, 3), Span(12, 15)]
    assert find_matches("a.b axb", "a.b") == [Span(0, 3)]
    assert find_matches("anything", "") == []


def test_match_step_wraps() -> None:
    matches = [Span(0, 1), Span(5, 6)]
    assert match_step(matches, None, True) == 0
    assert match_step(matches, 1, True) == 0
    assert match_step(matches, 0, False) == 1
    assert match_step([], None, True) is None
    assert first_match_from(matches, 3) == 1
    assert first_match_from(matches, 9) == 0


def test_sentence_at_maps_offsets() -> None:
    doc = harbour_document()
    third = doc.sentences[3]
    assert sentence_at(doc, third.start) == 3
    assert sentence_at(doc, third.end - 1) == 3
    assert sentence_at(doc, third.end) == 4  # the gap after it belongs to the next one


def test_layout_keeps_every_word_and_fits_the_width() -> None:
    doc = harbour_document()
    for width in (10, 23, 40, 77):
        layout = build_layout(doc, doc.text, width, markers=True)
        words = [doc.text[p.start : p.end] for line in layout.lines for p in line if p.start >= 0]
        assert " ".join(words).split() == " ".join(s.text for s in doc.sentences).split()
        for line in layout.lines:
            cells = sum(1 if p.start < 0 else p.end - p.start for p in line) + max(len(line) - 1, 0)
            assert cells <= width
        for s in doc.sentences:
            assert layout.first_line[s.index] <= layout.last_line[s.index]


@given(st.text(alphabet=st.sampled_from("ab \n.\u202e\x1b"), max_size=300), st.integers(8, 60))
def test_layout_of_plain_text_never_loses_text(text: str, width: int) -> None:
    doc = plain_document(text)
    layout = build_layout(doc, text, width, markers=False)
    shown = "".join(text[p.start : p.end] for line in layout.lines for p in line)
    assert shown == "".join(text.split())


def test_number_description() -> None:
    doc = harbour_document()
    assert claim_as_written(doc.numbers[1]) == "about 12 million dollars"
    assert describe_value(doc.numbers[1]) == "12,000,000 dollars"
    assert describe_value(doc.numbers[6]) == "1.2 kilometres"
    assert describe_value(doc.numbers[7]) == "0.75 miles"
