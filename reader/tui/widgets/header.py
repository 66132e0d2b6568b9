"""The title bar (title and the tally per class) and the detail line for the current sentence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.core.model import Document, Label, Sentence
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.safe_text import neutralize

CLASS_STYLE_NAMES = {Label.OFFICIAL: "official", Label.THIRD_PARTY: "third-party", Label.UNATTRIBUTED: "unattributed"}


def tally_text(doc: Document) -> Text:
    """``● official 5  ◆ third party 7  ○ unattributed 3``."""
    text = Text()
    for label, count in doc.tally().items():
        if text:
            text.append("  ")
        text.append(f"{MARKERS[label]} {LABEL_NAMES[label]} {count}", style="bold")
    return text


class TitleBar(Horizontal):
    """The article title on the left (cut with an ellipsis), the tally per class on the right."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-text")
        yield Static(id="tally")

    def show(self, title: str | None, doc: Document | None, status: str = "") -> None:
        """Show ``title`` and, once analysed, the tally of ``doc`` (else ``status``)."""
        name = Text(neutralize(title or "(untitled article)"), style="bold", no_wrap=True, overflow="ellipsis")
        self.query_one("#title-text", Static).update(name)
        right = tally_text(doc) if doc is not None else Text(status, style="italic")
        self.query_one("#tally", Static).update(right)

    def plain(self) -> str:
        """The title and tally as plain text (for tests and logs)."""
        return f"{self.query_one('#title-text', Static).render()}  {self.query_one('#tally', Static).render()}"


def detail_text(doc: Document, sentence: Sentence) -> Text:
    """Class, source (name, role, type), cue and reason of one sentence, as plain Text."""
    text = Text()
    text.append(f"{MARKERS[sentence.label]} {LABEL_NAMES[sentence.label]}", style="bold")
    text.append(f"  sentence {sentence.index + 1}/{len(doc.sentences)}")
    if sentence.kind.value != "sentence":
        text.append(f" ({sentence.kind.value})")
    source = doc.source(sentence.source_id)
    if source is not None:
        text.append("  source: ")
        text.append(neutralize(source.name), style="bold")
        details = ", ".join(v for v in (source.role, source.type.value) if v)
        text.append(f" ({neutralize(details)})")
    if sentence.cue_span is not None:
        text.append("  cue: ")
        text.append(neutralize(doc.text[sentence.cue_span.start : sentence.cue_span.end]), style="underline")
    text.append("  why: ")
    text.append(neutralize(sentence.reason), style="italic")
    return text


class DetailLine(Static):
    """What the analysis says about the current sentence."""

    def show(self, doc: Document | None, index: int) -> None:
        """Describe sentence ``index`` of ``doc`` (or say the analysis is running)."""
        if doc is None or not doc.sentences:
            self.update(Text("analysing…" if doc is None else "no sentences", style="italic"), layout=False)
            return
        # The line has a fixed height: no need to lay the whole screen out again.
        self.update(detail_text(doc, doc.sentences[index]), layout=False)
