"""Where to write the summary: a path the user types, prefilled with ``NAME.summary.md``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SaveAsScreen(ModalScreen[Path | None]):
    """An input holding the path; ``enter`` takes it, ``escape`` cancels (dismissed with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reader.save_cancel", tooltip="Do not write the summary"),
    ]

    AUTO_FOCUS = "#save-path"

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested
        self.box = Input(str(suggested), id="save-path", select_on_focus=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog"):
            yield Static("Write the Markdown summary to:", id="save-question")
            yield self.box
            yield Static("enter: write · escape: cancel · ~ is your home folder", id="save-hint")

    def on_mount(self) -> None:
        self.box.cursor_position = len(self.box.value)  # at the end: backspace edits the name

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
