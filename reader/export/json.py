"""The machine-readable analysis, schema ``reader.analysis/1``."""

from __future__ import annotations

import json
from typing import Any

from reader.core.model import Document, Span

SCHEMA = "reader.analysis/1"


def _span(span: Span | None) -> list[int] | None:
    return span.as_list() if span is not None else None


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The analysis as plain JSON-ready data; offsets are code points into ``text``."""
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
            }
            for n in doc.numbers
        ],
        "dates": [
            {"start": d.start, "end": d.end, "text": d.text, "sentence": d.sentence}
            for d in doc.dates
        ],
    }


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """Serialise ``doc`` as JSON text (UTF-8 safe, non-ASCII kept as is)."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent) + "\n"
