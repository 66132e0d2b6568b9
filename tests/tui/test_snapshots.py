"""Snapshots of the main screen (wide and narrow) and of the help screen, from the fixed fixture.

Made with textual==8.2.8 (pinned in the test extra): another Textual version may draw differently.
Update with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after checking the new SVGs.
"""

from __future__ import annotations

from reader.tui.reader_app import ReaderApp
from tests.tui.conftest import harbour_document


def _app() -> ReaderApp:
    return ReaderApp(harbour_document())


class TestMainScreen:
    def test_wide_three_panes(self, snap_compare) -> None:
        assert snap_compare(_app(), press=["n", "n"], terminal_size=(160, 48))

    def test_narrow_stacked(self, snap_compare) -> None:
        assert snap_compare(_app(), press=["t"], terminal_size=(80, 24))

    def test_narrow_numbers_at_full_width(self, snap_compare) -> None:
        assert snap_compare(_app(), press=["3"], terminal_size=(80, 24))

    def test_narrow_search(self, snap_compare) -> None:
        async def type_and_let_the_search_run(pilot) -> None:
            await pilot.press("slash")
            # a steady cursor (what pytest-textual-snapshot advises): a blink every 0.5 s makes the
            # picture depend on how long the search took
            pilot.app.query_one("#search").cursor_blink = False
            await pilot.press(*"bridge")
            # the search runs once typing pauses: wait until it has run (the view holds the
            # query), however busy the machine is
            for _ in range(400):
                await pilot.pause(0.05)
                if pilot.app.view.search_query == "bridge" and pilot.app._search_timer is None:
                    break
            await pilot.pause()

        assert snap_compare(_app(), run_before=type_and_let_the_search_run, terminal_size=(80, 24))

    def test_focused_source_dims_the_rest(self, snap_compare) -> None:
        assert snap_compare(_app(), press=["2", "down", "enter"], terminal_size=(160, 48))


class TestHelpScreen:
    def test_help(self, snap_compare) -> None:
        assert snap_compare(_app(), press=["question_mark"], terminal_size=(100, 40))
