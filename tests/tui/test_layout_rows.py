"""At 80x24 the article has most of the rows, and keeps them: the detail line has a fixed height, and
``s`` hides the tables (and brings them back)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.model import Document
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView
from tests.tui.test_layout import LONG_REASON, long_names, screen_lines

NARROW = (80, 24)


async def test_the_article_gets_most_rows_at_80x24_and_keeps_them(doc: Document) -> None:
    app = ReaderApp(long_names(doc))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        heights = set()
        for key in ("j", "j", "j", "G", "g"):  # sentence 2 has a reason of several lines
            await pilot.press(key)
            await pilot.pause()
            heights.add(view.outer_size.height)
        assert len(heights) == 1, heights  # no jumping as the detail changes
        assert heights.pop() >= 13  # more than half of the 24 rows


async def test_the_detail_line_is_fixed_and_keeps_the_reason_reachable(doc: Document) -> None:
    app = ReaderApp(long_names(doc))
    async with app.run_test(size=NARROW) as pilot:
        detail = app.query_one("#detail")
        await pilot.press("j", "j")
        await pilot.pause()
        assert detail.size.height == 2
        lines = screen_lines(detail)
        assert lines[1].lstrip().startswith("why:")
        assert LONG_REASON in str(detail.tooltip)


@pytest.mark.parametrize("size", [NARROW, (160, 48)])
async def test_s_hides_and_shows_the_tables(doc: Document, size: tuple[int, int]) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        side = app.query_one("#side")
        before = view.outer_size
        await pilot.press("s")
        await pilot.pause()
        assert not side.display
        assert view.outer_size.height > before.height or view.outer_size.width > before.width
        assert view.outer_size.height >= size[1] - 4 or view.outer_size.width == size[0]
        await pilot.press("s")
        await pilot.pause()
        assert side.display and view.outer_size == before
        await pilot.press("s", "3")  # asking for a table shows the tables again
        await pilot.pause()
        assert side.display and app.focused is app.query_one("#numbers")


async def test_the_article_keeps_its_rows_with_a_long_reason(doc: Document) -> None:
    sentences = tuple(replace(s, reason=LONG_REASON * 3) for s in doc.sentences)
    app = ReaderApp(replace(doc, sentences=sentences))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert app.query_one("#detail").size.height == 2
