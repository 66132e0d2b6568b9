"""Fixtures for the app tests: a hand-made analysis, so the tests do not move with the classifier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from reader.core.model import Document
from reader.export.json import from_json

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def harbour_document() -> Document:
    """The hand-made analysis of fixtures/harbour.txt."""
    return from_json((FIXTURES / "harbour.json").read_text(encoding="utf-8"))


@pytest.fixture
def doc() -> Document:
    return harbour_document()


def record_notifications(app: App) -> list[str]:
    """Every message ``app`` notifies from now on, recorded as it is sent: a notification with a
    two-second timeout may be gone from the screen by the time a busy machine checks it."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return said


def repeated_document(doc: Document, times: int) -> Document:
    """``doc`` repeated ``times`` times, one copy after another, with offsets, sources and numbers shifted.

    A long article with every class, a heading and a caption in each copy, so paging and scrolling
    are exercised at any terminal size.
    """
    from dataclasses import replace

    from reader.core.model import Span

    def shift(span: Span | None, by: int) -> Span | None:
        return None if span is None else Span(span.start + by, span.end + by)

    gap = "\n\n"
    sentences, numbers, texts = [], [], []
    mentions: dict[str, list[Span]] = {s.id: [] for s in doc.sources}
    sentence_ids: dict[str, list[int]] = {s.id: [] for s in doc.sources}
    offset = 0
    paragraphs = max((s.paragraph for s in doc.sentences), default=0) + 1
    for copy in range(times):
        base = len(sentences)
        for s in doc.sentences:
            sentences.append(
                replace(
                    s,
                    index=base + s.index,
                    start=s.start + offset,
                    end=s.end + offset,
                    paragraph=s.paragraph + copy * paragraphs,
                    source_span=shift(s.source_span, offset),
                    cue_span=shift(s.cue_span, offset),
                )
            )
            if s.source_id is not None:
                sentence_ids[s.source_id].append(base + s.index)
        for n in doc.numbers:
            numbers.append(
                replace(
                    n,
                    start=n.start + offset,
                    end=n.end + offset,
                    sentence=n.sentence + base,
                    converts=None if n.converts is None else n.converts + copy * len(doc.numbers),
                )
            )
        for src in doc.sources:
            mentions[src.id].extend(shift(m, offset) for m in src.mentions)  # type: ignore[misc]
        texts.append(doc.text)
        offset += len(doc.text) + len(gap)
    sources = tuple(
        replace(src, mentions=tuple(mentions[src.id]), sentences=tuple(sentence_ids[src.id])) for src in doc.sources
    )
    return replace(doc, text=gap.join(texts), sentences=tuple(sentences), sources=sources, numbers=tuple(numbers))


@pytest.fixture
def long_doc() -> Document:
    """The harbour article twelve times over: taller than the article pane at every tested size."""
    return repeated_document(harbour_document(), 12)


def document_of(units: list[tuple[str, str, str]], title: str | None = "Units") -> Document:
    """A Document of one-line paragraphs: ``(text, kind, label)`` each, offsets exact."""
    from reader.core.model import Label, Sentence, SentenceKind

    sentences, at = [], 0
    for i, (text, kind, label) in enumerate(units):
        sentences.append(Sentence(i, at, at + len(text), text, SentenceKind(kind), i, Label(label)))
        at += len(text) + 1
    return Document(text="\n".join(u[0] for u in units) + "\n", title=title, sentences=tuple(sentences))
