"""What a key redraws: only what it changes (on a 1 MB article a needless redraw of a pane costs a key
tens of milliseconds)."""

from __future__ import annotations

from collections import Counter

from textual.widget import Widget

from reader.core.model import Document
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.keybar import KeyBar
from reader.tui.widgets.tables import SourcesTable

WIDE = (160, 48)
PANES = ("article", "sources", "numbers")


def count_refreshes(widgets: dict[str, Widget]) -> Counter[str]:
    """How often each of ``widgets`` asks to be redrawn from now on."""
    counts: Counter[str] = Counter()
    for name, widget in widgets.items():
        refresh = widget.refresh

        def counting(*args: object, _name: str = name, _refresh=refresh, **kwargs: object) -> Widget:
            counts[_name] += 1
            return _refresh(*args, **kwargs)

        widget.refresh = counting  # type: ignore[method-assign]
    return counts


def scroll_bars(app: ReaderApp) -> dict[str, Widget]:
    """The vertical scroll bar of each pane that shows one."""
    panes = {name: app.query_one(f"#{name}") for name in PANES}
    return {name: pane.vertical_scrollbar for name, pane in panes.items() if pane.show_vertical_scrollbar}


async def test_a_layout_that_moves_no_pane_redraws_no_scroll_bar(long_doc: Document) -> None:
    app = ReaderApp(long_doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        bars = scroll_bars(app)
        assert {"article", "numbers"} <= bars.keys()
        counts = count_refreshes(bars)
        await pilot.press("slash", *"bridge")  # the search bar appears: the screen is laid out again
        await pilot.pause(0.3)
        assert counts == Counter(article=counts["article"]), counts  # the article lost the focus: its bar only
        counts.clear()
        await pilot.press("backspace")
        await pilot.pause(0.3)
        assert not counts, counts


async def test_the_scroll_bars_still_follow_the_lines(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sources = app.query_one("#sources")
        assert sources.virtual_size.height > sources.container_size.height  # five rows under a header, four shown
        assert sources.show_vertical_scrollbar
        app.query_one(SourcesTable).clear("analysing…")  # one line now: the bar goes
        await pilot.pause()
        assert not sources.show_vertical_scrollbar


async def test_the_key_bar_is_redrawn_only_when_its_hints_change(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        counts = count_refreshes({"keys": bar})
        await pilot.press("2", "3", "1")  # the pane keys: the same hints whichever pane has the focus
        await pilot.pause()
        assert not counts, counts
        before = bar.render().plain
        await pilot.press("slash")  # searching: n and p are the match keys
        await pilot.pause()
        assert counts["keys"] and bar.render().plain != before


def count_drawn_lines(view: ArticleView) -> Counter[int]:
    """How many times each line of the article (not of the view) is drawn from now on."""
    drawn: Counter[int] = Counter()
    render_line = view.render_line

    def counting(y: int) -> object:
        drawn[y + view.scroll_offset.y] += 1
        return render_line(y)

    view.render_line = counting  # type: ignore[method-assign]
    return drawn


async def test_s_draws_each_line_of_the_article_once_wrapped_and_scrolled(long_doc: Document) -> None:
    app = ReaderApp(long_doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        view = app.view
        drawn = count_drawn_lines(view)
        for _ in range(2):  # hidden, then shown again
            drawn.clear()
            await pilot.press("s")
            await pilot.pause()
            assert drawn and max(drawn.values()) == 1, drawn  # not the old wrapping first, nor again once scrolled
            layout = view.layout_info
            assert layout is not None and layout.width == view.scrollable_content_region.width - 2
            top = int(view.scroll_y)
            assert top <= layout.first_line[app.current] and layout.last_line[app.current] < top + view.size.height
            assert set(drawn) == set(range(top, top + view.scrollable_content_region.height))


def line_text(view: ArticleView, y: int) -> str:
    """The words of line ``y`` of the article."""
    layout = view.layout_info
    assert layout is not None
    return " ".join(view.display_text[p.start : p.end] for p in layout.lines[y] if p.start >= 0)


async def test_a_search_redraws_only_the_lines_of_its_matches(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")  # the article loses the focus: its border, not its lines
        await pilot.pause()
        view = app.view
        top, height = int(view.scroll_y), view.scrollable_content_region.height
        drawn = count_drawn_lines(view)
        for typed, words in (("bridge", ("bridge",)), ("backspace", ("bridge", "bridg"))):
            drawn.clear()
            await pilot.press(*(typed if typed != "backspace" else [typed]))
            await pilot.pause(0.3)  # the search runs once typing pauses
            shown = range(top, min(top + height, len(view.layout_info.lines)))  # type: ignore[union-attr]
            matching = {y for y in shown if any(w in line_text(view, y).lower() for w in words)}
            assert matching and len(matching) < len(shown) / 2
            assert set(drawn) == matching, sorted(drawn)
