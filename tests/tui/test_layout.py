"""Pilot tests for the layout at 80x24 and 160x48: nothing cut off, the current sentence kept in view."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.widget import Widget

from reader.core.model import Document, Label, Sentence, SentenceKind, Span
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.tables import Column, NumbersTable, SourcesTable, fit_widths

WIDE = (160, 48)
NARROW = (80, 24)
LONG_NAME = "Regional Harbour and Coastal Infrastructure Board"
LONG_ROLE = "deputy director for maritime transport, ferries and coastal planning"
LONG_REASON = (
    "cue 'warned' after the subject; the subject names a public board, which speaks for an institution; "
    "the quotation that follows is theirs, and the earlier pronoun refers back to the same board"
)


def screen_lines(widget: Widget) -> list[str]:
    """What ``widget`` shows, one string per line, as the screen draws it (children included)."""
    strips = widget.screen._compositor.render_strips()
    x, y, width, height = widget.region
    return [strip.text[x : x + width] for strip in strips[y : y + height]]


def long_names(doc: Document) -> Document:
    """``doc`` with a long source name and role, a long hedged quantity and a long reason on sentence 2."""
    sources = tuple(replace(s, name=LONG_NAME, role=LONG_ROLE) if s.id == "s2" else s for s in doc.sources)
    numbers = tuple(
        replace(
            n,
            text="somewhat more than 12 million dollars of city money",
            hedge="somewhat more than",
            unit="dollars of city money",
        )
        if i == 1
        else n
        for i, n in enumerate(doc.numbers)
    )
    sentences = tuple(replace(s, reason=LONG_REASON) if s.index == 2 else s for s in doc.sentences)
    return replace(doc, sources=sources, numbers=numbers, sentences=sentences)


def long_document(count: int = 40) -> Document:
    """``count`` one-sentence paragraphs, each long enough to wrap at 80 columns."""
    parts, sentences, at = [], [], 0
    for i in range(count):
        text = (
            f"Paragraph {i + 1} tells how the ferry crossing kept running"
            " while engineers checked every cable of the old bridge."
        )
        sentences.append(Sentence(i, at, at + len(text), text, SentenceKind.SENTENCE, i))
        parts.append(text)
        at += len(text) + 2
    return Document(text="\n\n".join(parts), title="Ferries", sentences=tuple(sentences))


def test_fit_widths_shrinks_in_order_down_to_the_minimum() -> None:
    columns = [Column("name", "Name", 30, 10), Column("n", "#", 2, 2), Column("role", "Role", 30, 8)]
    widths = fit_widths(columns, 60, ["role", "name"])
    assert widths == {"name": 30, "n": 2, "role": 22}  # 30 + 2 + 22 + 6 cells of padding = 60
    widths = fit_widths(columns, 40, ["role", "name"])
    assert widths["role"] == 8 and widths["name"] == 24
    assert fit_widths(columns, 200, ["role", "name"]) == {"name": 30, "n": 2, "role": 30}


async def test_narrow_shows_one_table_at_full_width_and_keys_switch(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        sources, numbers = app.query_one(SourcesTable), app.query_one(NumbersTable)
        assert sources.display and not numbers.display
        assert sources.outer_size.width == NARROW[0]
        assert "3: Numbers" in sources.border_title
        await pilot.press("3")
        await pilot.pause()
        assert numbers.display and not sources.display and app.focused is numbers
        assert numbers.outer_size.width == NARROW[0]
        await pilot.press("2")
        await pilot.pause()
        assert sources.display and not numbers.display and app.focused is sources
        await pilot.press("tab")  # sources -> numbers
        await pilot.pause()
        assert app.focused is numbers and numbers.display and not sources.display
        await pilot.press("tab")  # numbers -> article: the numbers stay shown
        await pilot.pause()
        assert isinstance(app.focused, ArticleView) and numbers.display


async def test_wide_shows_both_tables(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.query_one(SourcesTable).display and app.query_one(NumbersTable).display
        assert app.query_one(SourcesTable).border_title == "Sources"


async def test_long_names_roles_and_quantities_are_whole_at_80_columns(doc: Document) -> None:
    app = ReaderApp(long_names(doc))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        sources = app.query_one(SourcesTable)
        shown = screen_lines(sources)
        assert any(LONG_NAME in line for line in shown), shown
        assert not any("…" in line for line in shown)
        assert any("official" in line for line in shown)
        # The role wraps: its row grows to hold every line of it at the column's width.
        role_width = sources.columns["role"].width
        role_lines = Text(LONG_ROLE).wrap(app.console, role_width)
        assert len(role_lines) > 1 and sources.row_height("s2") >= len(role_lines)
        shown_words = " ".join(shown).split()
        assert all(word in shown_words for word in role_lines[0].plain.split())
        await pilot.press("3")
        await pilot.pause()
        shown = screen_lines(app.query_one(NumbersTable))
        numbers = app.query_one(NumbersTable)
        cells = [str(c) for c in numbers.get_row_at(1)]
        assert cells[:2] == ["somewhat more than 12 million dollars of city money", "12,000,000 dollars of city money"]
        words = " ".join(shown).split()
        assert all(w in words for w in "somewhat more than 12 million dollars of city money".split()), shown
        assert not any("…" in line for line in shown)


@pytest.mark.parametrize("size", [(120, 36), NARROW, WIDE])
async def test_table_cells_wrap_between_words_never_inside_one(doc: Document, size: tuple[int, int]) -> None:
    app = ReaderApp(long_names(doc))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        sources = app.query_one(SourcesTable)
        for key, values in (("role", [LONG_ROLE, "Mayor"]), ("name", [LONG_NAME])):
            longest = max(len(word) for v in values for word in v.split())
            assert sources.columns[key].width >= longest, (key, size)
        if size[1] >= 36:  # tall enough to show the whole wrapped row
            shown = " ".join(screen_lines(sources)).split()
            for word in (LONG_ROLE + " " + LONG_NAME).split():
                assert word in shown, (word, size)


@pytest.mark.parametrize("keys", [["j"] * 8, ["G"] + ["k"] * 31, ["G", "g"] + ["j"] * 8])
async def test_current_sentence_stays_in_view_after_a_resize(keys: list[str]) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        view = app.query_one(ArticleView)
        assert app.current == 8
        for size in (NARROW, WIDE, (60, 20), NARROW, (100, 30), (200, 60), NARROW):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            layout = view.layout_info
            assert layout is not None and layout.width == view.scrollable_content_region.width - 2
            top = int(view.scroll_y)
            height = view.scrollable_content_region.height
            assert top <= layout.first_line[8] and layout.last_line[8] < top + height, size


async def test_search_bar_shows_its_label_and_the_typed_text(doc: Document) -> None:
    for size in (NARROW, WIDE):
        app = ReaderApp(doc)
        async with app.run_test(size=size) as pilot:
            await pilot.press("slash", *"bridge")
            await pilot.pause(0.3)  # the search runs once typing pauses
            bar = app.query_one("#search-bar")
            line = screen_lines(bar)[0]
            assert line.startswith(" Search:") and "bridge" in line and "matches" in line, line
            assert "▁" not in line


def _with_three_sentences_for_mayor(doc: Document) -> Document:
    """Give the mayor (s2) a third sentence, the engineer's, so n/p have three stops."""
    sentences = tuple(
        replace(s, source_id="s2", label=Label.OFFICIAL, source_span=Span(s.start, s.start + 8)) if s.index == 9 else s
        for s in doc.sentences
    )
    sources = tuple(
        replace(s, sentences=(2, 3, 9)) if s.id == "s2" else replace(s, sentences=()) if s.id == "s5" else s
        for s in doc.sources
    )
    return replace(doc, sentences=sentences, sources=sources)


async def test_focused_source_dims_the_rest_and_n_p_cycle_its_sentences(doc: Document) -> None:
    mayor_doc = _with_three_sentences_for_mayor(doc)
    app = ReaderApp(mayor_doc)
    async with app.run_test(size=WIDE) as pilot:
        table = app.query_one(SourcesTable)
        await pilot.press("2")
        row = [str(table.get_row_at(i)[0]) for i in range(table.row_count)].index("Lena Ortiz")
        table.move_cursor(row=row)
        await pilot.press("enter")
        assert app.focused_source == "s2" and app.current == 2
        visited = []
        for _ in range(4):
            await pilot.press("n")
            visited.append(app.current)
        assert visited == [3, 9, 9, 9]  # only the mayor's sentences, no wrap past the last
        await pilot.press("p")
        assert app.current == 3
        await pilot.press("p", "p")
        assert app.current == 2

        view = app.query_one(ArticleView)
        layout = view.layout_info
        assert layout is not None

        def line_of(index: int) -> tuple[str, list[bool]]:
            # The pieces of that sentence on its first line (another sentence may share the line).
            pieces = tuple(p for p in layout.lines[layout.first_line[index]] if p.sentence == index)
            strip = view._render_article_line(pieces, 100, view.rich_style)
            return strip.text, [bool(seg.style and seg.style.dim) for seg in list(strip)[2:] if seg.text.strip()]

        other_text, other_dim = line_of(5)
        assert "○" in other_text and all(other_dim)  # marker kept, the whole sentence dimmed
        own_text, own_dim = line_of(9)
        assert "●" in own_text and not any(own_dim)
        await pilot.press("escape")
        _, after = line_of(5)
        assert not any(after)


async def test_narrow_title_bar_keeps_the_title_whole_with_a_compact_tally(doc: Document) -> None:
    from reader.tui.widgets.header import TitleBar

    app = ReaderApp(doc)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        line = screen_lines(app.query_one(TitleBar))[0]
        assert doc.title in line and "…" not in line, line
        assert "● 4  ◆ 2  ○ 3" in line
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert "● official 4  ◆ third party 2  ○ unattributed 3" in screen_lines(app.query_one(TitleBar))[0]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab cdé=漢 -,")), max_size=60), st.integers(min_value=1, max_value=30))
def test_wrapped_lines_match_what_rich_draws(value: str, width: int) -> None:
    from rich.console import Console

    from reader.tui.widgets.tables import wrapped_lines

    drawn = Text(value, overflow="fold").wrap(Console(width=200), width)
    assert wrapped_lines(value, width) == max(len(drawn), 1)
