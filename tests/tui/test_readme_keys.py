"""Every key of the README's table, at 160x48 and 80x24, on an article taller than the pane: after the
key, which sentence is current, that it is on screen, and which pane (or screen) has focus."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from textual.command import CommandPalette

from reader.core.model import Document, Label
from reader.tui.reader_app import ReaderApp
from reader.tui.screens.correct import LabelScreen, PickScreen, RenameScreen, TypeScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.open_file import OpenFileScreen
from reader.tui.screens.save_as import SaveAsScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.tables import NumbersTable, SourcesTable

SIZES = [(160, 48), (80, 24)]


def visible(app: ReaderApp) -> bool:
    view = app.query_one(ArticleView)
    layout = view.layout_info
    assert layout is not None
    top = int(view.scroll_y)
    return top <= layout.first_line[app.current] < top + view.scrollable_content_region.height


def claims(doc: Document, label: Label | None = None) -> list[int]:
    return [s.index for s in doc.sentences if s.kind.value == "sentence" and (label is None or s.label is label)]


@dataclass
class Case:
    before: tuple[str, ...]
    keys: tuple[str, ...]
    current: Callable[[Document], int] | None  # the sentence expected current, if the key moves it
    focus: str  # "article", "sources", "numbers", or a screen class name


def attributed(doc: Document) -> list[int]:
    return [s.index for s in doc.sentences if s.attributed and s.kind.value == "sentence"]


def last(doc: Document) -> int:
    return len(doc.sentences) - 1


def _next(items: list[int], after: int) -> int:
    return next(i for i in items if i > after)


CASES = {
    "j": Case((), ("j",), lambda d: 1, "article"),
    "down": Case((), ("down",), lambda d: 1, "article"),
    "k": Case(("j", "j"), ("k",), lambda d: 1, "article"),
    "up": Case(("j", "j"), ("up",), lambda d: 1, "article"),
    "n": Case((), ("n",), lambda d: _next(attributed(d), 0), "article"),
    "p": Case(("G",), ("p",), lambda d: attributed(d)[-1], "article"),
    "o": Case((), ("o",), lambda d: claims(d, Label.OFFICIAL)[0], "article"),
    "O": Case(("G",), ("O",), lambda d: claims(d, Label.OFFICIAL)[-1], "article"),
    "t": Case((), ("t",), lambda d: claims(d, Label.THIRD_PARTY)[0], "article"),
    "T": Case(("G",), ("T",), lambda d: claims(d, Label.THIRD_PARTY)[-1], "article"),
    "u": Case((), ("u",), lambda d: claims(d, Label.UNATTRIBUTED)[0], "article"),
    "U": Case(("G",), ("U",), lambda d: [i for i in claims(d, Label.UNATTRIBUTED) if i < last(d)][-1], "article"),
    "space": Case((), ("space",), None, "article"),
    "pagedown": Case((), ("pagedown",), None, "article"),
    "b": Case(("G",), ("b",), None, "article"),
    "pageup": Case(("G",), ("pageup",), None, "article"),
    "g": Case(("G",), ("g",), lambda d: 0, "article"),
    "home": Case(("G",), ("home",), lambda d: 0, "article"),
    "G": Case((), ("G",), lambda d: len(d.sentences) - 1, "article"),
    "end": Case((), ("end",), lambda d: len(d.sentences) - 1, "article"),
    "tab": Case((), ("tab",), lambda d: 0, "sources"),
    "shift+tab": Case((), ("shift+tab",), lambda d: 0, "numbers"),
    "1": Case(("3",), ("1",), lambda d: 0, "article"),
    "2": Case((), ("2",), lambda d: 0, "sources"),
    "3": Case((), ("3",), lambda d: 0, "numbers"),
    "enter on a source": Case(("2", "down"), ("enter",), lambda d: min(d.sources[1].sentences), "sources"),
    "enter on a number": Case(("3", "down", "down", "down"), ("enter",), lambda d: d.numbers[3].sentence, "numbers"),
    "/": Case((), ("slash",), lambda d: 0, "search"),
    "c": Case((), ("c",), lambda d: claims(d, Label.OFFICIAL)[0], "article"),
    "y": Case(("j",), ("y",), lambda d: 1, "article"),
    "s": Case((), ("s",), lambda d: 0, "article"),
    "e": Case((), ("e",), lambda d: 0, "SaveAsScreen"),
    "f": Case((), ("f",), lambda d: 0, "OpenFileScreen"),
    "r": Case(("j",), ("r",), lambda d: 1, "article"),
    "l": Case(("j",), ("l",), lambda d: 1, "LabelScreen"),
    "a": Case(("j",), ("a",), lambda d: 1, "PickScreen"),
    "i": Case(("2", "down"), ("i",), lambda d: 0, "TypeScreen"),
    "w": Case(("2", "down"), ("w",), lambda d: 0, "RenameScreen"),
    "m": Case(("2", "down"), ("m",), lambda d: 0, "PickScreen"),
    "z": Case(("j", "l", "t"), ("z",), lambda d: 1, "article"),  # sentence 1's class corrected, then undone
    "Z": Case(("j", "l", "t", "z"), ("Z",), lambda d: 1, "article"),
    "?": Case((), ("question_mark",), lambda d: 0, "HelpScreen"),
    "f1": Case((), ("f1",), lambda d: 0, "HelpScreen"),
    "ctrl+p": Case((), ("ctrl+p",), lambda d: 0, "CommandPalette"),
    "q": Case((), ("q",), None, "quit"),
    "ctrl+q": Case((), ("ctrl+q",), None, "quit"),
}
SCREENS = {
    "SaveAsScreen": SaveAsScreen,
    "OpenFileScreen": OpenFileScreen,
    "HelpScreen": HelpScreen,
    "CommandPalette": CommandPalette,
    "LabelScreen": LabelScreen,
    "PickScreen": PickScreen,
    "TypeScreen": TypeScreen,
    "RenameScreen": RenameScreen,
}


@pytest.mark.parametrize("size", SIZES, ids=["160x48", "80x24"])
@pytest.mark.parametrize("name", list(CASES))
async def test_readme_key(long_doc: Document, name: str, size: tuple[int, int]) -> None:
    case = CASES[name]
    app = ReaderApp(long_doc)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(*case.before)
        await pilot.pause()
        before = app.current
        await pilot.press(*case.keys)
        await pilot.pause()
        await pilot.pause()
        if case.focus == "quit":
            assert not app.is_running or app.return_code is not None
            return
        if case.focus in SCREENS:
            assert isinstance(app.screen, SCREENS[case.focus])
            assert app.current == before
            return
        if case.current is not None:
            assert app.current == case.current(long_doc), (name, app.current)
        elif name in ("space", "pagedown"):
            assert app.current > before
        else:
            assert app.current < before
        assert visible(app), name
        focused = app.focused
        expected = {"article": ArticleView, "sources": SourcesTable, "numbers": NumbersTable}.get(case.focus)
        if case.focus == "search":
            assert focused is not None and focused.id == "search"
        else:
            assert isinstance(focused, expected), (name, focused)
        if name == "c":
            assert app.class_filter == "official"
        if name == "s":
            assert not app.query_one("#side").display
        if name == "y":
            assert app.clipboard.startswith(long_doc.sentences[1].text)
        if name in ("z", "Z"):
            assert app.document is not None
            if name == "z":
                assert app.document == long_doc
            else:
                assert app.document.sentences[1].label is Label.THIRD_PARTY


KEY_NAMES = {"↓": "down", "↑": "up", "pgdn": "pagedown", "pgup": "pageup", "?": "?", "/": "/"}


def test_every_key_of_the_readme_table_is_tested() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| key | action |", 1)[1].split("\n\n", 1)[0]
    keys = set()
    for row in table.splitlines()[2:]:
        first = row.split("|")[1]
        if "` on a " in first:
            keys.add(first.strip().replace("`", ""))
            continue
        keys.update(KEY_NAMES.get(k, k) for k in re.findall(r"`([^`]+)`", first))
    assert {"l", "a", "i", "w", "m", "z", "Z"} <= keys
    assert keys == set(CASES)
