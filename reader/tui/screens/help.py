"""The help screen: the bundled help.md, then a key table rendered from the live bindings."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from reader.tui.widgets.keybar import KeyBar

from reader.export.legend import LABEL_NAMES, MARKERS


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _keys(key: str, app_display) -> str:  # noqa: ANN001 - App.get_key_display
    return " ".join(f"`{app_display(k.strip())}`" for k in key.split(","))


def help_markdown(bindings: list[Binding], key_display, keymap: dict[str, str] | None = None) -> str:  # noqa: ANN001
    """The help text: the intro from help.md, the legend, and one table row per binding."""
    intro = files("reader.tui").joinpath("help.md").read_text(encoding="utf-8").rstrip()
    legend = "\n".join(f"- `{MARKERS[label]}` **{LABEL_NAMES[label]}**" for label in MARKERS)
    rows = []
    for binding in bindings:
        if not binding.description:
            continue
        key = (keymap or {}).get(binding.id or "", binding.key)
        rows.append(f"| {_keys(key, key_display)} | {_cell(binding.description)} | {_cell(binding.tooltip)} |")
    table = "| Key | Action | What it does |\n|---|---|---|\n" + "\n".join(rows)
    return f"{intro}\n\n## Markers\n\n{legend}\n\n## Keys\n\n{table}\n"


class HelpScreen(ModalScreen[None]):
    """Every key of the app, with what it does; ``escape`` closes."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="reader.help_close", tooltip="Back to the article"),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(self.markdown, id="help")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help screen."""
        self.dismiss(None)
