"""The pure navigation helpers and the wrapping of the article."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.tui.navigation import TextSearch, fold, sentence_at, step
from reader.tui.widgets.tables import claim_as_written, describe_value
from reader.tui.wrap import build_layout, plain_document
from tests.tui.conftest import harbour_document


def test_step_forward_and_back() -> None:
    assert step([1, 4, 9], 4, True) == 9
    assert step([1, 4, 9], 4, False) == 1
    assert step([1, 4, 9], 9, True) is None
    assert step([1, 4, 9], 0, False) is None
    assert step([], 3, True) is None


def test_search_is_case_insensitive_literal_and_wraps() -> None:
    search = TextSearch("The bridge. the BRIDGE a.b axb")
    assert search.count("the") == 2 and search.count("bridge") == 2 and search.count("a.b") == 1
    assert search.starts("the", 0, 30) == [0, 12]
    assert search.starts("bridge", 5, 13) == [4]  # a match overlapping the range counts
    assert search.next("the", 1) == 12 and search.next("the", 13) == 0  # wraps to the first
    assert search.previous("the", 12) == 0 and search.previous("the", 0) == 12  # and to the last
    assert search.count("the", 12) == 1  # matches starting before offset 12
    assert search.count("") == 0 and search.next("", 0) is None and search.starts("", 0, 9) == []
    assert search.next("zeppelin", 0) is None


def test_fold_keeps_offsets() -> None:
    text = "İstanbul STRASSE Ⅻ"
    assert len(fold(text)) == len(text)
    assert TextSearch(text).next("istanbul", 0) == 0


@given(st.text(alphabet=st.sampled_from("aAbB İı."), max_size=60), st.text(alphabet="abAB", min_size=1, max_size=3))
def test_search_counts_what_a_regular_expression_finds(text: str, query: str) -> None:
    import re

    expected = [m.start() for m in re.finditer(re.escape(fold(query)), fold(text))]
    search = TextSearch(text)
    assert search.count(query) == len(expected)
    assert search.starts(query, 0, len(text)) == expected


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


def _reference_wrap(doc, text: str, width: int) -> list[list[tuple[int, int]]]:
    """Greedy wrapping word by word, the obvious way: what build_layout's bisection must reproduce."""
    lines: list[list[tuple[int, int]]] = []
    line: list[tuple[int, int]] = []
    used, paragraph = 0, None
    for sentence in doc.sentences:
        if sentence.paragraph != paragraph:
            if paragraph is not None:
                lines += [line, []]
                line, used = [], 0
            paragraph = sentence.paragraph
        for word in re.finditer(r"\S+", text[sentence.start : sentence.end]):
            cells = len(word.group())
            if line and used + 1 + cells > width:
                lines.append(line)
                line, used = [], 0
            used += cells + (1 if line else 0)
            line.append((sentence.start + word.start(), sentence.start + word.end()))
    lines.append(line)
    return lines


@given(
    st.lists(st.text(alphabet=st.sampled_from("abc de"), min_size=1, max_size=40).filter(str.strip), max_size=12),
    st.integers(8, 40),
)
def test_bisection_wrap_equals_the_greedy_word_by_word_wrap(lines: list[str], width: int) -> None:
    text = "\n".join(lines)
    doc = plain_document(text)
    if any(len(w) > width for w in text.split()):
        return  # long words are cut: covered by the test above
    layout = build_layout(doc, text, width, markers=False)
    got = [[(p.start, p.end) for p in line] for line in layout.lines]
    assert got == _reference_wrap(doc, text, width)


@given(
    st.lists(st.text(alphabet=st.sampled_from("abc d. "), min_size=1, max_size=60).filter(str.strip), max_size=10),
    st.integers(8, 30),
    st.booleans(),
)
def test_where_each_sentence_sits_matches_a_scan_of_the_lines(lines: list[str], width: int, markers: bool) -> None:
    text = "\n".join(lines)
    doc = plain_document(text)
    layout = build_layout(doc, text, width, markers=markers)
    shown_on: dict[int, list[int]] = {}
    for y, line in enumerate(layout.lines):
        for piece in line:
            shown_on.setdefault(piece.sentence, []).append(y)
    for s in doc.sentences:
        assert (layout.first_line[s.index], layout.last_line[s.index]) == (shown_on[s.index][0], shown_on[s.index][-1])
    for y, line in enumerate(layout.lines):
        # A blank line between paragraphs names the sentence after it.
        after = (p.sentence for later in layout.lines[y:] for p in later)
        expected = line[0].sentence if line else next(after, 0)
        assert layout.line_sentence[y] == expected
    assert len(layout.first_line) == len(doc.sentences) and len(layout.line_sentence) == len(layout.lines)
