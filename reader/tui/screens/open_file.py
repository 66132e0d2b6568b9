"""Open another article: a tree of the folders, articles only (text, Markdown, HTML)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Static

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


class ArticleTree(DirectoryTree):
    """Folders and article files; hidden ones left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in ARTICLE_SUFFIXES)]


class OpenFileScreen(ModalScreen[Path | None]):
    """Pick an article: ``enter`` on a file opens it, ``escape`` cancels (dismissed with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reader.open_cancel", tooltip="Keep the current article"),
    ]

    AUTO_FOCUS = "#open-tree"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static(f"Open an article from {self.folder}", id="open-title", markup=False)
            yield ArticleTree(self.folder, id="open-tree")
            yield Static("enter: open · arrows: move · escape: cancel", id="open-hint")

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
