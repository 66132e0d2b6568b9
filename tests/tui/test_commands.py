"""The command palette finds reader's actions by the words people type, and shows no developer ids."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from reader.core.model import Document, Label
from reader.tui.commands import ReaderCommands, command_matches
from reader.tui.reader_app import ReaderApp

WIDE = (160, 48)


async def hits_for(app: ReaderApp, query: str) -> list[tuple[str, str | None]]:
    provider = ReaderCommands(app.screen)
    await provider._wait_init() if hasattr(provider, "_wait_init") else None
    hits = [hit async for hit in provider.search(query)]
    hits.sort(key=lambda h: -h.score)
    return [(str(h.text), h.help) for h in hits]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("export", "Export"),
        ("save", "Export"),
        ("help", "Help"),
        ("keys", "Help"),
        ("search", "Search"),
        ("find", "Search"),
        ("quit", "Quit"),
        ("next third", "Next third-party sentence"),
        ("official", "Next official sentence"),
    ],
)
async def test_commands_are_found_by_the_words_people_type(doc: Document, query: str, first: str) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE):
        hits = await hits_for(app, query)
        assert hits and hits[0][0].startswith(first), (query, hits[:3])


async def test_no_letter_soup_matches_and_no_developer_ids(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE):
        hits = await hits_for(app, "help")
        assert not any("article pane" in text for text, _ in hits), hits  # "t-h-e a-r-t-i-c-l-e p-ane"
        every = await hits_for(app, "")
        for text, help_text in every:
            assert "reader." not in text and "key id" not in (help_text or ""), (text, help_text)


def test_matching_is_by_word_prefixes() -> None:
    assert command_matches("exp", "Export the summary")
    assert command_matches("next off", "Next official sentence")
    assert not command_matches("help", "Focus the article pane")
    assert not command_matches("xport", "Export")


async def test_the_palette_runs_the_command(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"third party")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert doc.sentences[app.current].label is Label.THIRD_PARTY
