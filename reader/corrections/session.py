"""One article's corrections while it is open: the analysis, the undo history, and where they are kept.

What the app does when a key corrects something, without the app: ``Session.open`` reads the
article's corrections file (an unreadable one is reported, kept, and set aside at the first
save, never written over), ``make``/``undo``/``redo`` change the history and give the corrected
Document, ``save`` writes the file. Any front end (the app, a script) can drive it.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.model import Document
from reader.corrections.apply import Corrected, apply_corrections, uncorrected
from reader.corrections.history import History
from reader.corrections.model import Correction, Kind
from reader.corrections.store import CorrectionsFileError, read_sidecar, set_aside, write_sidecar
from reader.export.legend import LABEL_NAMES


class Session:
    """The corrections of one analysed article."""

    def __init__(self, original: Document, file: Path | None, *, article: str | None = None) -> None:
        self.original = original
        self.file = file
        self.article = article
        self.history = History()
        self.unanchored: tuple[Correction, ...] = ()  # from the file, not placed: kept in it as they were
        self.unreadable: str | None = None  # why the file could not be read (it is set aside at the first save)
        self.corrected: Corrected = uncorrected(original).with_file(file)

    @classmethod
    def open(cls, original: Document, file: Path | None, *, article: str | None = None) -> Session:
        """The session of ``original`` with the corrections kept in ``file`` applied (if it can be read)."""
        session = cls(original, file, article=article)
        if file is None:
            return session
        try:
            sidecar = read_sidecar(file)
        except CorrectionsFileError as exc:
            session.unreadable = exc.message
            return session
        if sidecar is not None:
            loaded = apply_corrections(original, (*sidecar.corrections, *sidecar.unanchored)).with_file(file)
            session.history = History(loaded.applied)
            session.unanchored = loaded.unanchored
            session.corrected = loaded
        return session

    @property
    def document(self) -> Document:
        """The corrected Document."""
        return self.corrected.document

    def _replay(self) -> Corrected:
        corrected = apply_corrections(self.original, self.history.done).with_file(self.file)
        self.corrected = corrected
        return corrected

    def make(self, correction: Correction) -> Corrected:
        """Apply a new correction (what was undone can no longer be redone)."""
        self.history = self.history.push(correction)
        return self._replay()

    def undo(self) -> Correction | None:
        """Take back the last correction; None when there is none."""
        if not self.history.can_undo:
            return None
        undone = self.history.done[-1]
        self.history = self.history.undo()
        self._replay()
        return undone

    def redo(self) -> Correction | None:
        """Make the last undone correction again; None when there is none."""
        if not self.history.can_redo:
            return None
        self.history = self.history.redo()
        self._replay()
        return self.history.done[-1]

    def save(self) -> list[str]:
        """Write the corrections file; return what the user should know (an unreadable file kept aside).
        ``ReaderError`` (one line) when it cannot be written; the corrections stay in the session."""
        if self.file is None:
            return []
        notes = []
        if self.unreadable is not None:
            kept = set_aside(self.file)
            self.unreadable = None
            if kept is not None:
                notes.append(f"the unreadable corrections file was kept as {kept.name}")
        write_sidecar(self.file, self.original.text, self.history.done, self.unanchored, article=self.article)
        return notes


def describe(correction: Correction) -> str:
    """A correction in a few words, for messages: ``label: third party → official``."""
    if correction.kind is Kind.LABEL:
        return f"label: {_label(correction.old)} → {_label(correction.new)}"
    if correction.kind is Kind.SOURCE:
        return f"source: {correction.old or 'none'} → {correction.new or 'none'}"
    if correction.kind is Kind.TYPE:
        return f"{correction.source.name if correction.source else 'source'}: {correction.old} → {correction.new}"
    if correction.kind is Kind.RENAME:
        return f"name: {correction.old} → {correction.new}"
    return f"{correction.old} merged into {correction.new}"


def _label(value: str) -> str:
    from reader.core.model import Label

    try:
        return LABEL_NAMES[Label(value)]
    except ValueError:
        return value


def where(correction: Correction) -> str:
    """What a correction points at, in a few words (for the list of those that no longer match)."""
    if correction.sentence is not None:
        text = " ".join(correction.sentence.text.split())
        return f"“{text[:50]}{'…' if len(text) > 50 else ''}”"
    if correction.source is not None:
        return f"source {correction.source.name!r}"
    return "?"
