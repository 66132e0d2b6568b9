"""Every reading key at 160x48 and 80x24 on an article taller than the pane: the state it leaves.

After each key: which sentence is current, that it is on screen (so the detail line describes what
the reader sees), and which pane has focus.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from reader.core.model import Document
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView

SIZES = [(160, 48), (80, 24)]


def visible(app: ReaderApp) -> bool:
    """The current sentence's first line is inside the article pane's view."""
    view = app.query_one(ArticleView)
    layout = view.layout_info
    assert layout is not None
    top = int(view.scroll_y)
    first = layout.first_line[app.current]
    return top <= first < top + view.scrollable_content_region.height


def first_line(app: ReaderApp) -> int:
    layout = app.query_one(ArticleView).layout_info
    assert layout is not None
    return layout.first_line[app.current]


@pytest.mark.parametrize("size", SIZES)
async def test_arrows_move_the_current_sentence_not_just_the_view(long_doc: Document, size: tuple[int, int]) -> None:
    app = ReaderApp(long_doc)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down")
        assert app.current == 3 and visible(app)
        await pilot.press("up")
        assert app.current == 2 and visible(app)
        await pilot.press("end")
        await pilot.pause()
        assert app.current == len(long_doc.sentences) - 1 and visible(app)
        await pilot.press("home")
        await pilot.pause()
        assert app.current == 0 and visible(app) and app.query_one(ArticleView).scroll_y == 0
        assert isinstance(app.focused, ArticleView)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("down", "up"), [("pagedown", "pageup"), ("space", "b")])
async def test_each_page_key_moves_about_one_screen_both_ways(
    long_doc: Document, size: tuple[int, int], down: str, up: str
) -> None:
    app = ReaderApp(long_doc)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        height = view.scrollable_content_region.height
        lines = [first_line(app)]
        for _ in range(3):
            await pilot.press(down)
            await pilot.pause()
            assert visible(app)
            lines.append(first_line(app))
        steps = [b - a for a, b in pairwise(lines)]
        # One screen, give or take the sentence that straddles the edge and the blank lines around it.
        assert all(height // 2 <= s <= height + 4 for s in steps), (steps, height)
        for _ in range(2):
            await pilot.press(up)
            await pilot.pause()
            assert visible(app)
            lines.append(first_line(app))
        back = [a - b for a, b in pairwise(lines[3:])]
        assert all(height // 2 <= s <= height + 4 for s in back), (back, height)
        assert app.current > 0  # not thrown back to the first sentence
        assert isinstance(app.focused, ArticleView)
