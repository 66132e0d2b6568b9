"""The help screen: every key, compactly (from the live bindings and keymap), then help.md."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from reader.export.legend import LABEL_NAMES, MARKERS
from reader.tui.widgets.keybar import KeyBar


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _keys(key: str, app_display) -> str:
    return " ".join(f"`{app_display(k.strip())}`" for k in key.split(","))


def help_rows(bindings: list[Binding], key_display, keymap: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """One ``(keys, action, what it does)`` per binding with a description, keys as the keymap has them."""
    rows = []
    for binding in bindings:
        if not binding.description:
            continue
        key = (keymap or {}).get(binding.id or "", binding.key)
        keys = " ".join(key_display(k.strip()) for k in key.split(","))
        rows.append((keys, binding.description, binding.tooltip))
    return rows


def about_markdown() -> str:
    """The markers and how the panes work (help.md), shown under the keys."""
    legend = " · ".join(f"`{MARKERS[label]}` {LABEL_NAMES[label]}" for label in MARKERS)
    about = files("reader.tui").joinpath("help.md").read_text(encoding="utf-8").rstrip()
    return f"Markers: {legend}\n\n{about}\n"


def help_markdown(bindings: list[Binding], key_display, keymap: dict[str, str] | None = None) -> str:
    """The whole help as Markdown: the keys (one row each), then ``about_markdown``."""
    rows = "\n".join(
        f"| {' '.join(f'`{k}`' for k in keys.split(' '))} | **{_cell(action)}**: {_cell(does)} |"
        for keys, action, does in help_rows(bindings, key_display, keymap)
    )
    return f"# Keys\n\n| Keys | |\n|---|---|\n{rows}\n\n{about_markdown()}"


def keys_table(rows: list[tuple[str, str, str]]) -> Table:
    """The keys, one line each where the width allows: no borders, a key column and a description."""
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("does", ratio=1)
    for keys, action, does in rows:
        table.add_row(Text(keys, style="bold"), Text.assemble((action, "bold"), ": ", does))
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of the app, with what it does; ``escape`` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark,f1", "close", "Close help", id="reader.help_close", tooltip="Back to the article"
        ),
        Binding("j,down", "scroll(1)", "Down", show=False, id="reader.help_down", tooltip="Scroll down a line"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="reader.help_up", tooltip="Scroll up a line"),
        Binding(
            "space,pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="reader.help_page_down",
            tooltip="Scroll down a page",
        ),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="reader.help_page_up", tooltip="Scroll up a page"),
        Binding("g,home", "edge(False)", "Top", show=False, id="reader.help_top", tooltip="The top of the help"),
        Binding("G,end", "edge(True)", "Bottom", show=False, id="reader.help_bottom", tooltip="The end of the help"),
    ]
    """Closing, and scrolling with the reading keys (``j``/``k``, pages, top and bottom)."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.markdown = "\n".join(" ".join(row) for row in rows) + "\n\n" + about_markdown()
        """Everything the help says, as text (for tests and logs)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys  (j/k, pages, g/G scroll this help; escape closes it)", id="help-title")
            yield Static(keys_table(self.rows), id="help-keys")
            yield Markdown(about_markdown(), id="help")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help screen."""
        self.dismiss(None)

    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll by ``lines``."""
        self._body().scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        """Scroll by a page."""
        body = self._body()
        body.scroll_relative(y=direction * max(body.scrollable_content_region.height - 1, 1), animate=False)

    def action_edge(self, bottom: bool) -> None:
        """The top or the end."""
        body = self._body()
        body.scroll_to(y=body.max_scroll_y if bottom else 0, animate=False)
