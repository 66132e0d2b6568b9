"""Batch outputs in, one ``Article`` per analysis out, whatever the format.

A JSON folder (``reader batch -o OUT``): every ``*.json`` below it, its id the
path relative to OUT, its group the folder it is in (the input's folder,
mirrored). A JSON Lines file: one analysis per line, its id and group the
line's ``article_id`` and its ``site`` or ``folder`` (a line written before
batches recorded them: ``FILE:LINE``, no group). Parquet datasets (``--format
parquet``): the ``sentences``, ``sources`` and ``numbers`` tables, the id the
input's relative path, the group its site (HTML pages that name one) or folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.model import SentenceKind
from reader.errors import ExitCode, ReaderError

SCHEMA = "reader.analysis/1"
JSON_FOLDER = "JSON folder"
JSON_LINES = "JSON Lines"
PARQUET = "Parquet"
SENTENCE = SentenceKind.SENTENCE.value  # the report counts claims: headings and captions are not


@dataclass(frozen=True, slots=True)
class Article:
    """What the report needs of one analysis.

    ``sentences``: ``(index, label, source_id)``; ``sources``: id -> ``(name, type)``;
    ``numbers``: ``(sentence, text, source_id)`` for every numeric claim that is not
    a conversion of another (``converts`` is null).
    """

    id: str
    group: str | None
    sentences: tuple[tuple[int, str, str | None], ...]
    sources: dict[str, tuple[str, str]]
    numbers: tuple[tuple[int, str, str | None], ...]


def _bad(where: str, why: str) -> ReaderError:
    return ReaderError(f"{where}: not a reader batch output ({why})", ExitCode.USAGE)


def article_from_json(data: Any, article_id: str, group: str | None, where: str) -> Article:
    """An ``Article`` from one ``reader.analysis/1`` document (parsed JSON)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise _bad(where, f"expected a {SCHEMA} analysis, found {found!r}")
    try:
        return Article(
            article_id,
            group,
            tuple(
                (int(s["index"]), str(s["label"]), s.get("source_id"))
                for s in data["sentences"]
                if s.get("kind", SENTENCE) == SENTENCE
            ),
            {str(s["id"]): (str(s["name"]), str(s["type"])) for s in data.get("sources", [])},
            tuple(
                (int(n["sentence"]), str(n["text"]), n.get("source_id"))
                for n in data.get("numbers", [])
                if n.get("converts") is None
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad(where, f"a malformed analysis: {type(exc).__name__} {exc}") from None


def _json_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.json")):
        rel = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield path


def read_json_folder(root: Path) -> Iterator[Article]:
    found = False
    for path in _json_files(root):
        found = True
        rel = path.relative_to(root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _bad(str(path), f"unreadable JSON: {exc}") from None
        yield article_from_json(data, rel.as_posix(), rel.parent.as_posix(), str(path))
    if not found:
        raise ReaderError(f"{root}: no reader analyses (*.json) in this folder", ExitCode.NOT_FOUND)


def line_origin(data: Any, fallback: str) -> tuple[str, str | None]:
    """The id and group a batch's JSON Lines line names (``article_id``; ``site``, else ``folder``),
    or ``fallback`` and no group for a line without them."""
    if not isinstance(data, dict) or not isinstance(data.get("article_id"), str):
        return fallback, None
    group = data.get("site") or data.get("folder")
    return data["article_id"], group if isinstance(group, str) else None


def read_json_lines(path: Path) -> Iterator[Article]:
    found = False
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                found = True
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _bad(where, f"a line that is not JSON: {exc}") from None
                article_id, group = line_origin(data, f"{path.name}:{number}")
                yield article_from_json(data, article_id, group, where)
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(str(path), f"unreadable: {exc}") from None
    if not found:
        raise ReaderError(f"{path}: no reader analyses in this file", ExitCode.NOT_FOUND)


def is_parquet_output(root: Path) -> bool:
    return (root / "sentences").is_dir() and any((root / "sentences").glob("*.parquet"))


def _dataset(root: Path, name: str, columns: list[str]) -> Any:
    from reader.corpus import require

    require("pyarrow", "reader report over Parquet")
    import pyarrow.dataset as ds

    folder = root / name
    if not folder.is_dir():
        raise _bad(str(root), f"no {name}/ dataset beside sentences/")
    try:
        dataset = ds.dataset(folder, format="parquet")
        missing = [c for c in columns if c not in dataset.schema.names]
    except (OSError, ValueError) as exc:
        raise _bad(str(folder), f"unreadable Parquet: {exc}") from None
    if missing:
        raise _bad(str(folder), f"no column {', '.join(missing)}")
    return dataset


def _batches(dataset: Any, columns: list[str], where: Path) -> Iterator[dict[str, list[Any]]]:
    try:
        for batch in dataset.to_batches(columns=columns):
            yield batch.to_pydict()
    except (OSError, ValueError) as exc:
        raise _bad(str(where), f"unreadable Parquet: {exc}") from None


def _joined(
    article: str,
    group: str | None,
    sentences: list[tuple[int, str, str | None]],
    sources: dict[str, dict[str, tuple[str, str]]],
    numbers: dict[str, list[tuple[int, str, str | None]]],
) -> Article:
    return Article(article, group, tuple(sentences), sources.get(article, {}), tuple(numbers.get(article, ())))


def read_parquet(root: Path) -> Iterator[Article]:
    """Sources and numbers are read whole (by article); sentences a record batch at a time."""
    source_cols = ["article_id", "source_id", "name", "type"]
    number_cols = ["article_id", "sentence", "text", "source_id", "converts"]
    sentence_cols = ["article_id", "folder", "site", "sentence", "kind", "label", "source_id"]
    sources: dict[str, dict[str, tuple[str, str]]] = {}
    for b in _batches(_dataset(root, "sources", source_cols), source_cols, root / "sources"):
        for article, sid, name, kind in zip(b["article_id"], b["source_id"], b["name"], b["type"], strict=True):
            sources.setdefault(article, {})[sid] = (name, kind)
    numbers: dict[str, list[tuple[int, str, str | None]]] = {}
    for b in _batches(_dataset(root, "numbers", number_cols), number_cols, root / "numbers"):
        rows = zip(b["article_id"], b["sentence"], b["text"], b["source_id"], b["converts"], strict=True)
        for article, sentence, text, sid, converts in rows:
            if converts is None:
                numbers.setdefault(article, []).append((sentence, text, sid))
    current: str | None = None
    group: str | None = None
    sentences: list[tuple[int, str, str | None]] = []
    for b in _batches(_dataset(root, "sentences", sentence_cols), sentence_cols, root / "sentences"):
        for i, article in enumerate(b["article_id"]):
            if article != current:
                if current is not None:
                    yield _joined(current, group, sentences, sources, numbers)
                current, group, sentences = article, b["site"][i] or b["folder"][i], []
            if b["kind"][i] == SENTENCE:
                sentences.append((b["sentence"][i], b["label"][i], b["source_id"][i]))
    if current is not None:
        yield _joined(current, group, sentences, sources, numbers)


def open_output(path: Path) -> tuple[str, Iterator[Article]]:
    """The kind of batch output at ``path`` and its articles (read lazily)."""
    if not path.exists():
        raise ReaderError(f"{path}: no such file or folder", ExitCode.NOT_FOUND)
    if path.is_dir():
        if is_parquet_output(path):
            return PARQUET, read_parquet(path)
        return JSON_FOLDER, read_json_folder(path)
    return JSON_LINES, read_json_lines(path)
