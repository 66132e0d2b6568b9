"""The analysts' tables: one article's analysis as rows of ``sentences``, ``sources`` and ``numbers``.

The columns are declared once here, with their Arrow types by name, so the rows can
be built on a worker without pyarrow; ``reader.corpus.parquet`` turns them into
Parquet. Offsets are code points into the article's text, as in the JSON analysis.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from reader.core.model import Document

# (column, Arrow type name); "string" columns may be null.
SENTENCES: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),  # the input's path relative to the inputs' common folder
    ("path", "string"),  # the input's path as given to reader batch
    ("folder", "string"),  # the input's parent folder, relative ("." at the top)
    ("site", "string"),  # an HTML page's site (canonical URL's host), else null
    ("title", "string"),
    ("published", "string"),
    ("sentence", "int32"),  # the sentence's index in the analysis
    ("paragraph", "int32"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("kind", "string"),  # sentence | heading | caption
    ("label", "string"),  # official | third_party | unattributed
    ("source_id", "string"),
    ("source_name", "string"),
    ("source_type", "string"),  # official | media | anonymous | expert | other
    ("cue", "string"),  # the cue's text ("said", "according to"), null when unattributed
)
SOURCES: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("source_id", "string"),
    ("name", "string"),
    ("type", "string"),
    ("role", "string"),
    ("sentence_count", "int32"),
    ("mentions", "int32"),
)
NUMBERS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("sentence", "int32"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("value", "float64"),
    ("high", "float64"),
    ("unit", "string"),
    ("hedge", "string"),
    ("source_id", "string"),
    ("converts", "int32"),  # the index (in this article's numbers) of the quantity it restates
)
DATASETS: dict[str, tuple[tuple[str, str], ...]] = {
    "sentences": SENTENCES,
    "sources": SOURCES,
    "numbers": NUMBERS,
}

Rows = dict[str, dict[str, list[Any]]]
"""Dataset name -> column name -> values, for one article or a buffer of many."""


def empty_rows() -> Rows:
    return {name: {column: [] for column, _ in columns} for name, columns in DATASETS.items()}


def folder_of(article_id: str) -> str:
    """The parent folder of an article id, ``.`` for the top."""
    return str(PurePosixPath(article_id).parent)


def article_origin(article_id: str, site: str | None, *, url: bool = False) -> dict[str, str | None]:
    """Where an article came from, as the ``sentences`` table says it: ``article_id``, ``folder``
    (None for a URL, which has none) and ``site``. A batch's JSON Lines line carries these too."""
    return {"article_id": article_id, "folder": None if url else folder_of(article_id), "site": site}


def _append(columns: dict[str, list[Any]], row: tuple[tuple[str, Any], ...]) -> None:
    for column, value in row:
        columns[column].append(value)


def article_rows(doc: Document, *, article_id: str, path: str, site: str | None) -> Rows:
    """``doc`` as rows of the three datasets."""
    rows = empty_rows()
    sources = {src.id: src for src in doc.sources}
    folder = folder_of(article_id)
    for s in doc.sentences:
        src = sources.get(s.source_id) if s.source_id is not None else None
        cue = doc.text[s.cue_span.start : s.cue_span.end] if s.cue_span is not None else None
        _append(
            rows["sentences"],
            (
                ("article_id", article_id),
                ("path", path),
                ("folder", folder),
                ("site", site),
                ("title", doc.title),
                ("published", doc.published),
                ("sentence", s.index),
                ("paragraph", s.paragraph),
                ("start", s.start),
                ("end", s.end),
                ("text", s.text),
                ("kind", s.kind.value),
                ("label", s.label.value),
                ("source_id", s.source_id),
                ("source_name", src.name if src is not None else None),
                ("source_type", src.type.value if src is not None else None),
                ("cue", cue),
            ),
        )
    for src in doc.sources:
        _append(
            rows["sources"],
            (
                ("article_id", article_id),
                ("source_id", src.id),
                ("name", src.name),
                ("type", src.type.value),
                ("role", src.role),
                ("sentence_count", len(src.sentences)),
                ("mentions", len(src.mentions)),
            ),
        )
    for n in doc.numbers:
        _append(
            rows["numbers"],
            (
                ("article_id", article_id),
                ("sentence", n.sentence),
                ("start", n.start),
                ("end", n.end),
                ("text", n.text),
                ("value", float(n.value)),
                ("high", None if n.high is None else float(n.high)),
                ("unit", n.unit),
                ("hedge", n.hedge),
                ("source_id", n.source_id),
                ("converts", n.converts),
            ),
        )
    return rows


def extend(buffer: Rows, rows: Rows) -> None:
    """Append one article's rows to a buffer of the same shape."""
    for name, columns in rows.items():
        target = buffer[name]
        for column, values in columns.items():
            target[column].extend(values)


def row_count(rows: Rows, dataset: str = "sentences") -> int:
    first = DATASETS[dataset][0][0]
    return len(rows[dataset][first])
