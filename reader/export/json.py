"""The machine-readable analysis, schema ``reader.analysis/1``.

With corrections (``reader.corrections``), the document is the corrected one and a few optional
fields say what the reader changed: ``original`` on each corrected sentence, source and number
(what the analysis said), ``merged`` on a source others were merged into, and a top-level
``corrections`` block (how many, the file, each correction, those that could not be placed).
An analysis without corrections has none of them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reader.core.model import Document, Span

if TYPE_CHECKING:
    from reader.corrections.apply import Corrected

SCHEMA = "reader.analysis/1"


def _span(span: Span | None) -> list[int] | None:
    return span.as_list() if span is not None else None


def document_to_dict(doc: Document, corrected: Corrected | None = None) -> dict[str, Any]:
    """The analysis as plain JSON-ready data; offsets are code points into ``text``.

    ``corrected``: the corrections ``doc`` carries (``doc`` is ``corrected.document``).
    """
    data = _document_dict(doc)
    if corrected is not None and (corrected.applied or corrected.unanchored):
        _add_corrections(data, corrected)
    return data


def _add_corrections(data: dict[str, Any], corrected: Corrected) -> None:
    """The optional fields of a corrected analysis (see the module's docstring)."""
    from reader.corrections.model import correction_to_dict

    for index in corrected.sentences:
        original = corrected.original.sentences[index]
        data["sentences"][index]["original"] = {"label": original.label.value, "source_id": original.source_id}
    by_id = {src["id"]: src for src in data["sources"]}
    for source_id, source_note in corrected.sources.items():
        entry = by_id[source_id]
        entry["original"] = {"name": source_note.name, "type": source_note.type.value}
        if source_note.merged:
            entry["merged"] = list(source_note.merged)
    for index, original_id in corrected.numbers.items():
        data["numbers"][index]["original"] = {"source_id": original_id}
    data["corrections"] = {
        "count": corrected.count,
        "file": corrected.file.name if corrected.file is not None else None,
        "items": [correction_to_dict(c) for c in corrected.applied],
        "unanchored": [correction_to_dict(c) for c in corrected.unanchored],
    }


def _document_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "text": doc.text,
        "title": doc.title,
        "byline": doc.byline,
        "published": doc.published,
        "tally": {label.value: n for label, n in doc.tally().items()},
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "kind": s.kind.value,
                "paragraph": s.paragraph,
                "label": s.label.value,
                "source_id": s.source_id,
                "source_span": _span(s.source_span),
                "cue_span": _span(s.cue_span),
                "reason": s.reason,
            }
            for s in doc.sentences
        ],
        "sources": [
            {
                "id": src.id,
                "name": src.name,
                "type": src.type.value,
                "role": src.role,
                "mentions": [m.as_list() for m in src.mentions],
                "sentences": list(src.sentences),
                "type_reason": src.type_reason,
            }
            for src in doc.sources
        ],
        "numbers": [
            {
                "start": n.start,
                "end": n.end,
                "text": n.text,
                "value": int(n.value) if float(n.value).is_integer() else n.value,
                "unit": n.unit,
                "hedge": n.hedge,
                "sentence": n.sentence,
                "source_id": n.source_id,
                "converts": n.converts,
                "high": None if n.high is None else (int(n.high) if float(n.high).is_integer() else n.high),
            }
            for n in doc.numbers
        ],
        "dates": [{"start": d.start, "end": d.end, "text": d.text, "sentence": d.sentence} for d in doc.dates],
    }


def to_json(doc: Document, *, indent: int | None = 2, corrected: Corrected | None = None) -> str:
    """Serialise ``doc`` as JSON text (UTF-8 safe, non-ASCII kept as is), with its ``corrected`` notes."""
    return json.dumps(document_to_dict(doc, corrected), ensure_ascii=False, indent=indent) + "\n"


def _span_from(value: Any) -> Span | None:
    return Span(int(value[0]), int(value[1])) if value is not None else None


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a Document from ``document_to_dict`` output (the inverse; ``tally`` is derived).

    Raises ``ValueError`` when the schema is not ``reader.analysis/1`` or a field is malformed.
    """
    from reader.core.model import (
        DateMention,
        Label,
        NumericClaim,
        Sentence,
        SentenceKind,
        Source,
        SourceType,
    )

    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document: schema is {data.get('schema')!r}")
    try:
        sentences = tuple(
            Sentence(
                index=int(s["index"]),
                start=int(s["start"]),
                end=int(s["end"]),
                text=s["text"],
                kind=SentenceKind(s["kind"]),
                paragraph=int(s["paragraph"]),
                label=Label(s["label"]),
                source_id=s.get("source_id"),
                source_span=_span_from(s.get("source_span")),
                cue_span=_span_from(s.get("cue_span")),
                reason=s.get("reason", ""),
            )
            for s in data["sentences"]
        )
        sources = tuple(
            Source(
                id=src["id"],
                name=src["name"],
                type=SourceType(src["type"]),
                role=src.get("role"),
                mentions=tuple(Span(int(a), int(b)) for a, b in src.get("mentions", [])),
                sentences=tuple(int(i) for i in src.get("sentences", [])),
                type_reason=src.get("type_reason", ""),
            )
            for src in data.get("sources", [])
        )
        numbers = tuple(
            NumericClaim(
                start=int(n["start"]),
                end=int(n["end"]),
                text=n["text"],
                value=float(n["value"]),
                unit=n.get("unit"),
                hedge=n.get("hedge"),
                sentence=int(n["sentence"]),
                source_id=n.get("source_id"),
                converts=n.get("converts"),
                high=None if n.get("high") is None else float(n["high"]),
            )
            for n in data.get("numbers", [])
        )
        dates = tuple(
            DateMention(start=int(d["start"]), end=int(d["end"]), text=d["text"], sentence=int(d["sentence"]))
            for d in data.get("dates", [])
        )
        return Document(
            text=data["text"],
            title=data.get("title"),
            sentences=sentences,
            sources=sources,
            numbers=numbers,
            dates=dates,
            byline=data.get("byline"),
            published=data.get("published"),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"malformed {SCHEMA} document: {exc!r}") from None


def from_json(text: str) -> Document:
    """Parse JSON text written by ``to_json`` back into a Document."""
    return document_from_dict(json.loads(text))
