"""The worker side: a chunk of articles in, one result per article out.

``analyse_chunk`` is what every engine runs (in this process, in a process pool or
on a Dask worker). It is a pure function of its arguments, needs nothing but
reader itself, and never raises for one bad article: like ``reader.batch.process``,
a failure becomes a result with a message. Nothing is written here: the client
writes every output, so a worker that dies leaves no file behind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.analysis import Knowledge
from reader.errors import ReaderError

LABELS = ("official", "third_party", "unattributed")
JSONL = "jsonl"
PARQUET = "parquet"


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One article to analyse.

    ``label`` is the path as the user wrote it (for messages, and for the format's
    tie-break on the extension); ``path`` the absolute path a worker opens when
    ``data`` is None; ``data`` the file's bytes when the client ships bytes, and then
    ``corrections`` the bytes of its corrections file (``NAME.reader.json``), if it has one.
    """

    index: int
    label: str
    path: str
    article_id: str
    data: bytes | None = None
    corrections: bytes | None = None


@dataclass(slots=True)
class ArticleResult:
    """What became of one article; ``payload`` is what the output needs (see ``analyse_chunk``)."""

    index: int
    status: str  # done | failed
    message: str = ""
    sentences: int = 0
    tally: dict[str, int] = field(default_factory=dict)
    payload: Any = None


def _relabel(message: str, item: WorkItem) -> str:
    """A loader message names the path it opened; name the path the user wrote instead."""
    if item.path != item.label and message.startswith(item.path + ":"):
        return item.label + message[len(item.path) :]
    return message


def _load(item: WorkItem, max_size: int) -> tuple[Any, str]:
    """The loaded article and its decoded text, exactly as ``reader.load.load_article`` reads it."""
    from reader.load.loader import _read_file, decode_article, parse_article

    if _is_url(item):  # batch --urls: fetched where it is analysed
        from reader.load.loader import load_url

        loaded = load_url(item.path, max_size=max_size)
        return loaded, loaded.text
    if item.data is not None:
        data = item.data
    else:
        try:
            data = _read_file(Path(item.path), max_size)
        except ReaderError as exc:
            raise ReaderError(_relabel(exc.message, item), exc.exit_code) from None
    text, encoding = decode_article(data, item.label)
    return parse_article(text, label=item.label, path=Path(item.label), encoding=encoding), text


def _corrected(item: WorkItem, loaded: Any, doc: Any) -> Any:
    """The article's corrections over ``doc``: from the bytes the client shipped, or the file beside the article."""
    from reader.corrections import apply_sidecar, corrected_from_file, sidecar_path

    if item.data is None:  # a URL's corrections are kept by its address, not beside a file
        file = Path(item.path) if loaded.path is not None else None
        return corrected_from_file(doc, sidecar_path(file, url=loaded.url, text=loaded.text))
    file = sidecar_path(Path(item.label))
    if item.corrections is None:
        return apply_sidecar(doc, None)
    from reader.corrections.store import CorrectionsFileError, parse_sidecar

    try:
        data = json.loads(item.corrections.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorrectionsFileError(file, f"not a corrections file ({exc})") from None
    return apply_sidecar(doc, parse_sidecar(file, data), file)


def _is_url(item: WorkItem) -> bool:
    from reader.load.loader import looks_like_url

    return item.data is None and looks_like_url(item.path)


def _site(loaded: Any, raw_text: str) -> str | None:
    """The site an article belongs to: the one its HTML page names, else a fetched page's host."""
    from reader.corpus.site import host_of, site_of_html

    site = site_of_html(raw_text) if loaded.format == "html" else None
    if site is None and loaded.url is not None:
        site = host_of(loaded.url)
    return site


def jsonl_line(doc: Any, corrected: Any, origin: dict[str, str | None]) -> str:
    """One compact JSON line: the ``reader.analysis/1`` analysis with ``origin`` (``article_id``,
    ``folder``, ``site``) after its ``schema``."""
    from reader.export.json import document_to_dict

    data = document_to_dict(doc, corrected)
    line = {"schema": data.pop("schema"), **origin, **data}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def _payload(item: WorkItem, fmt: str, doc: Any, loaded: Any, raw_text: str, corrected: Any = None) -> Any:
    if fmt == JSONL:
        from reader.corpus.tables import article_origin

        origin = article_origin(item.article_id, _site(loaded, raw_text), url=_is_url(item))
        return jsonl_line(doc, corrected, origin)
    if fmt == PARQUET:
        from reader.corpus.tables import article_rows

        return article_rows(doc, article_id=item.article_id, path=item.label, site=_site(loaded, raw_text))
    from reader.export import render

    return render(doc, fmt, item.label, corrected)  # the source named as the local engine names it


def analyse_item(item: WorkItem, fmt: str, max_size: int, knowledge: Knowledge | None = None) -> ArticleResult:
    """Analyse one article into the payload ``fmt`` needs (with the sources mapping and the article's
    corrections ``knowledge`` asks for). Never raises."""
    try:
        from reader.analysis import analyze_article

        knowledge = knowledge or Knowledge()
        loaded, raw_text = _load(item, max_size)
        doc = analyze_article(loaded, known_sources=knowledge.known_sources)
        corrected = _corrected(item, loaded, doc) if knowledge.corrections else None
        if corrected is not None:
            doc = corrected.document
        tally = {label.value: n for label, n in doc.tally().items()}
        payload = _payload(item, fmt, doc, loaded, raw_text, corrected)
        return ArticleResult(item.index, "done", "", len(doc.sentences), tally, payload)
    except ReaderError as exc:
        return ArticleResult(item.index, "failed", str(exc))
    except OSError as exc:
        return ArticleResult(item.index, "failed", f"{item.label}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return ArticleResult(item.index, "failed", f"{item.label}: internal error ({type(exc).__name__}: {exc})")


def analyse_chunk(
    items: list[WorkItem], fmt: str, max_size: int, knowledge: Knowledge | None = None
) -> list[ArticleResult]:
    """Analyse ``items`` in order. ``fmt`` picks the payload of each result: the rendered
    file for an export format (``json``, ``markdown``), the compact JSON line for ``jsonl``,
    the table rows (``reader.corpus.tables``) for ``parquet``."""
    return [analyse_item(item, fmt, max_size, knowledge) for item in items]
