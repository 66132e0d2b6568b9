"""Only sentences are claims: headings and captions are shown but neither counted nor visited by the
claim keys; a lone separator ("-", "***") is no unit to read at all (before and after the core stops
emitting it)."""

from __future__ import annotations

from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.header import TitleBar
from tests.tui.conftest import document_of


def units_document():
    return document_of(
        [
            ("Port to close: minister", "heading", "official"),
            ("The minister said the port will close.", "sentence", "official"),
            ("-", "sentence", "unattributed"),
            ("Ships wait outside (Photo: staff)", "caption", "unattributed"),
            ("Traders are worried.", "sentence", "unattributed"),
            ("***", "sentence", "unattributed"),
            ("A union said it would strike.", "sentence", "third_party"),
        ]
    )


async def test_the_tally_counts_sentences_only(doc) -> None:
    app = ReaderApp(units_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        title = app.query_one(TitleBar).plain()
        assert "official 1" in title and "third party 1" in title and "unattributed 1" in title, title


async def test_claim_keys_skip_headings_captions_and_separators() -> None:
    app = ReaderApp(units_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(3):
            await pilot.press("u")
            seen.append(app.current)
        assert seen == [4, 4, 4]  # the one unattributed sentence; not the separators, not the caption
        await pilot.press("g", "o")
        assert app.current == 1  # the official sentence, not the official heading before it
        await pilot.press("O")
        assert app.current == 1
        await pilot.press("g", "n", "n", "n")
        assert app.current == 6


async def test_reading_keys_step_over_separators() -> None:
    app = ReaderApp(units_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        visited = [app.current]
        for _ in range(6):
            await pilot.press("j")
            visited.append(app.current)
        assert visited == [0, 1, 3, 4, 6, 6, 6]  # the heading and caption are read, the separators never
        await pilot.press("k", "k")
        assert app.current == 3
        await pilot.press("G")
        assert app.current == 6


async def test_detail_line_numbers_sentences_and_names_the_rest() -> None:
    app = ReaderApp(units_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        detail = str(app.query_one("#detail").render())
        assert "heading" in detail and "not counted" in detail
        await pilot.press("j")
        detail = str(app.query_one("#detail").render())
        assert "sentence 1/3" in detail
