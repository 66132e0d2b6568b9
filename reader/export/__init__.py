"""Exporters: pure functions from a ``Document`` to text, and the registry of formats.

Every format that ``reader analyze --format``, ``reader batch --format`` and the app's
export can write is one row of ``FORMATS``: its name, the extension of its files and
its render function. A new format is a module here with a ``Document -> str``
function, and one row. ``source`` (the file or address the article was read from) is
named by the formats that carry provenance (the Markdown summary); ``corrected`` is what the
reader corrected (``reader.corrections``), which every format shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.model import Document
from reader.export.markdown import Provenance, to_markdown

if TYPE_CHECKING:
    from reader.corrections.apply import Corrected


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One output format: ``--format NAME``, files named ``*EXTENSION``, text made by ``render``.

    ``render_corrected``, if given, is ``render`` saying what the reader corrected; a format without
    it shows a corrected document as it is (the corrected classes and sources, without the notes).
    """

    name: str
    extension: str
    render: Callable[[Document, str | None], str]
    render_corrected: Callable[[Document, str | None, Corrected], str] | None = None


def _json(doc: Document, source: str | None, corrected: Corrected | None = None) -> str:
    from reader.export.json import to_json  # not loaded by the app, which writes Markdown only

    return to_json(doc, corrected=corrected)


def _markdown(doc: Document, source: str | None, corrected: Corrected | None = None) -> str:
    return to_markdown(doc, provenance=Provenance(source=source), corrected=corrected)


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("json", ".json", _json, _json),  # the reader.analysis/1 schema (README)
        ExportFormat("markdown", ".md", _markdown, _markdown),  # the annotated summary, naming its source
    )
}
"""Every export format by name; the first is the default."""

DEFAULT_FORMAT = next(iter(FORMATS))


def render(doc: Document, name: str, source: str | None = None, corrected: Corrected | None = None) -> str:
    """``doc`` as text in the format called ``name`` (a key of ``FORMATS``), read from ``source``;
    ``corrected``: the reader's corrections it carries (``doc`` is ``corrected.document``)."""
    fmt = FORMATS[name]
    if corrected is not None and fmt.render_corrected is not None:
        return fmt.render_corrected(doc, source, corrected)
    return fmt.render(doc, source)
