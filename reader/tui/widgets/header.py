"""The title bar (title and the tally per class) and the detail line for the current sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.core.model import Document, Label, Sentence
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.export.markdown import claim_tally
from reader.safe_text import visible

if TYPE_CHECKING:
    from reader.corrections.apply import SentenceNote

CORRECTED_MARK = "✎"
CLASS_STYLE_NAMES = {Label.OFFICIAL: "official", Label.THIRD_PARTY: "third-party", Label.UNATTRIBUTED: "unattributed"}


def tally_text(counts: dict[Label, int], *, compact: bool = False) -> Text:
    """``● official 5  ◆ third party 7  ○ unattributed 3``; compact: ``● 5  ◆ 7  ○ 3``.

    ``counts`` come from ``claim_tally``: only sentences are counted, not headings and captions.
    """
    text = Text()
    for label, count in counts.items():
        if text:
            text.append("  ")
        name = "" if compact else f" {LABEL_NAMES[label]}"
        text.append(f"{MARKERS[label]}{name} {count}", style="bold")
    return text


COMPACT_BELOW = 100  # terminal columns under which the tally drops the class names, leaving room for the title


class TitleBar(Horizontal):
    """The article title on the left (cut with an ellipsis), the tally per class on the right."""

    _title: str | None = None
    _counts: dict[Label, int] | None = None
    _status = ""
    _note = ""
    _corrections = 0

    def compose(self) -> ComposeResult:
        yield Static(id="title-text")
        yield Static(id="tally")

    def show(self, title: str | None, doc: Document | None, status: str = "") -> None:
        """Show ``title`` and, once analysed, the tally of ``doc`` (else ``status``)."""
        self._title, self._status = title, status
        self._counts = claim_tally(doc) if doc is not None else None  # counted once, not on every resize
        name = Text(visible(title or "(untitled article)"), style="bold", no_wrap=True, overflow="ellipsis")
        self.query_one("#title-text", Static).update(name)
        self._show_tally()

    def set_corrections(self, count: int) -> None:
        """How many corrections the reader made (shown before the tally when there are some)."""
        if count != self._corrections:
            self._corrections = count
            self._show_tally()

    def set_note(self, note: str) -> None:
        """A word before the tally, such as the class filter on (empty: none)."""
        self._note = note
        self._show_tally()

    def _show_tally(self) -> None:
        compact = self.app.size.width < COMPACT_BELOW
        counts = self._counts
        right = tally_text(counts, compact=compact) if counts is not None else Text(self._status, style="italic")
        if self._corrections and counts is not None:
            word = "" if compact else (" correction" if self._corrections == 1 else " corrections")
            right = Text.assemble((f"{CORRECTED_MARK} {self._corrections}{word}", "italic"), "  ", right)
        if self._note:
            right = Text.assemble((self._note, "reverse"), "  ", right)
        tally = self.query_one("#tally", Static)
        tally.update(right)
        tally.tooltip = tally_text(counts).plain if counts is not None and compact else None

    def on_resize(self, event: object) -> None:
        if self._counts is not None:
            self._show_tally()

    def plain(self) -> str:
        """The title and tally as plain text (for tests and logs)."""
        return f"{self.query_one('#title-text', Static).render()}  {self.query_one('#tally', Static).render()}"


def detail_text(
    doc: Document, sentence: Sentence, position: tuple[int, int] | None = None, note: SentenceNote | None = None
) -> Text:
    """Class, position, source (name, role, type) and cue on one line; the reason on the next.

    ``position`` is ``(n, total)`` for a claim, the n-th of the article's sentences; a heading or
    caption says what it is instead (shown, not counted). ``note``: the reader corrected the
    sentence; what the analysis said is shown after the class.
    """
    text = Text()
    text.append(f"{MARKERS[sentence.label]} {LABEL_NAMES[sentence.label]}", style="bold")
    if note is not None:
        was = f"was {MARKERS[note.label]} {LABEL_NAMES[note.label]}"
        if note.label is sentence.label:
            was = f"source was {visible(note.source_name)}" if note.source_name else "had no source"
        text.append(f" {CORRECTED_MARK} corrected, {was}", style="italic")
    if position is not None:
        text.append(f"  sentence {position[0]}/{position[1]}")
    else:
        text.append(f"  {sentence.kind.value} (not counted)")
    source = doc.source(sentence.source_id)
    if source is not None:
        text.append("  source: ")
        text.append(visible(source.name), style="bold")
        details = ", ".join(v for v in (source.role, source.type.value) if v)
        text.append(f" ({visible(details)})")
    if sentence.cue_span is not None:
        text.append("  cue: ")
        text.append(visible(doc.text[sentence.cue_span.start : sentence.cue_span.end]), style="underline")
    text.append("\nwhy: ")
    text.append(visible(" ".join(sentence.reason.split())), style="italic")
    return text


class DetailLine(Static):
    """What the analysis says about the current sentence, in two lines of fixed height.

    The facts on the first line, the reason on the second; a line too long for the terminal
    ends in an ellipsis, and the whole description is in the tooltip. The height never changes,
    so the article above does not jump from one sentence to the next.
    """

    _text: Text | None = None

    def show(
        self,
        doc: Document | None,
        index: int,
        position: tuple[int, int] | None = None,
        note: SentenceNote | None = None,
    ) -> None:
        """Describe unit ``index`` of ``doc``, the ``position`` (n, total) among its claims, and what the
        analysis said if the reader corrected it (``note``); or say the analysis is running."""
        if doc is None or not doc.sentences:
            self._text = Text("analysing…" if doc is None else "no sentences", style="italic")
        else:
            self._text = detail_text(doc, doc.sentences[index], position, note)
        self._text.no_wrap = True
        self._text.overflow = "ellipsis"
        self.tooltip = self._text.plain
        self.update(self._text, layout=False)
