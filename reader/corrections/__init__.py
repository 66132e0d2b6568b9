"""Corrections: what a reader changed in an analysis, kept beside the article and applied everywhere.

The analysis is never edited: a correction is a record (``model``), a list of them is replayed
over the analysis to give the corrected Document (``apply``), undo and redo step through that
list (``history``), and the list is kept in the article's corrections file (``store``). The
user's sources file (``sources_file``) is knowledge for every article, which the analysis
itself reads (``analyze(..., known_sources=...)``). The CLI, batch, the exporters and the app
all go through these modules; none of them imports textual.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.model import Document
    from reader.corrections.apply import Corrected, SentenceNote, SourceNote, apply_corrections, uncorrected
    from reader.corrections.history import History
    from reader.corrections.model import Correction, Kind, SentenceRef, SourceRef
    from reader.corrections.store import CorrectionsFileError, Sidecar, read_sidecar, sidecar_path, write_sidecar
    from reader.load import LoadedArticle

_LAZY = {
    **dict.fromkeys(("Corrected", "SentenceNote", "SourceNote", "apply_corrections", "uncorrected"), "apply"),
    "History": "history",
    **dict.fromkeys(("Correction", "Kind", "SentenceRef", "SourceRef"), "model"),
    **dict.fromkeys(("CorrectionsFileError", "Sidecar", "read_sidecar", "sidecar_path", "write_sidecar"), "store"),
}

__all__ = [
    "Corrected",
    "Correction",
    "CorrectionsFileError",
    "History",
    "Kind",
    "SentenceNote",
    "SentenceRef",
    "Sidecar",
    "SourceNote",
    "SourceRef",
    "apply_corrections",
    "apply_sidecar",
    "corrected_article",
    "corrected_from_file",
    "read_sidecar",
    "sidecar_path",
    "unanchored_note",
    "uncorrected",
    "write_sidecar",
]


def __getattr__(name: str) -> object:
    # The modules load on first use: the app reads the user's sources file (``sources_file``) before
    # its first frame, and needs the rest only once the analysis is there.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def apply_sidecar(doc: Document, sidecar: Sidecar | None, file: Path | None = None) -> Corrected:
    """``doc`` with the corrections of ``sidecar`` (None: none). Those it could not place before are tried
    again after the rest (the article may have been edited back); those still not placed stay apart."""
    from reader.corrections.apply import apply_corrections, uncorrected

    if sidecar is None:
        return uncorrected(doc)
    result = apply_corrections(doc, (*sidecar.corrections, *sidecar.unanchored))
    return result.with_file(file)


def corrected_from_file(doc: Document, file: Path) -> Corrected:
    """``doc`` with the corrections kept in ``file`` (none if it does not exist); ``CorrectionsFileError``
    (one line) when the file cannot be read."""
    from reader.corrections.store import read_sidecar

    return apply_sidecar(doc, read_sidecar(file), file)


def corrected_article(article: LoadedArticle, doc: Document) -> Corrected:
    """``doc``, the analysis of ``article``, with the corrections kept for that article (its file's
    ``NAME.reader.json``, or the per-user store); ``CorrectionsFileError`` if they cannot be read."""
    from reader.corrections.store import sidecar_path

    return corrected_from_file(doc, sidecar_path(article.path, url=article.url, text=article.text))


def unanchored_note(corrected: Corrected) -> str | None:
    """One line saying how many corrections could not be placed in the text, or None."""
    count = len(corrected.unanchored)
    if not count:
        return None
    where = f"{corrected.file}: " if corrected.file is not None else ""
    them = "correction no longer matches" if count == 1 else "corrections no longer match"
    return f"{where}{count} {them} the text (kept in the file, not applied)"
