"""The corrections file of an article: where it lives, reading it, writing it.

Next to the article, as ``NAME.reader.json`` (``story.txt`` -> ``story.txt.reader.json``), when
the article is a file in a folder we can write to; otherwise (standard input, a URL, a bundled
sample, a read-only folder) in the per-user store, ``corrections/`` under the platform's data
folder (``platformdirs.user_data_path("reader")``; ``~/.local/share/reader`` on Linux), named
after the article and a hash of its path, address or (for standard input) text.

The file (schema ``reader.corrections/1``) records the SHA-256 of the text the corrections were
made on, each correction (``reader.corrections.model.correction_to_dict``: kind, from, to, time,
and the offsets and text of what it points at) and the corrections that could not be placed
in the article any more (``unanchored``), kept until the user deletes them. It is written
atomically after every change; an unreadable file is never written over (``set_aside`` keeps
it as ``NAME.reader.json.bad``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.corrections.model import Correction, correction_from_dict, correction_to_dict, text_hash
from reader.errors import ExitCode, ReaderError

SCHEMA = "reader.corrections/1"
SUFFIX = ".reader.json"
MAX_SIZE = 32 * 1024 * 1024  # a corrections file larger than this is no corrections file


class CorrectionsFileError(ReaderError):
    """A corrections file that cannot be read: one line, naming the file."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path}: {what}", ExitCode.UNREADABLE)
        self.path = path


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What a corrections file holds."""

    text_sha256: str | None
    corrections: tuple[Correction, ...] = ()
    unanchored: tuple[Correction, ...] = ()


def user_store() -> Path:
    """The per-user folder of corrections files (created when first written)."""
    from platformdirs import user_data_path

    return user_data_path("reader", appauthor=False) / "corrections"


def _bundled(path: Path) -> bool:
    """A bundled sample: its folder is the installed package, never written into."""
    from importlib.resources import files

    try:
        return path.resolve().parent == Path(str(files("reader.samples"))).resolve()
    except OSError:
        return False


def _stored_name(stem: str, key: str) -> str:
    safe = re.sub(r"[^\w.-]+", "_", stem)[:40].strip("._") or "article"
    return f"{safe}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}{SUFFIX}"


def sidecar_path(path: Path | None, *, url: str | None = None, text: str = "") -> Path:
    """Where the corrections of an article are kept: next to its file, or in the per-user store.

    ``path`` is the article's file (None for standard input and URLs), ``url`` its address,
    ``text`` its text (what names an article read from standard input).
    """
    if path is not None:
        beside = path.with_name(path.name + SUFFIX)
        if not _bundled(path) and (os.path.lexists(beside) or os.access(path.parent, os.W_OK)):
            return beside
        key = f"sample:{path.name}" if _bundled(path) else f"path:{path.resolve()}"
        return user_store() / _stored_name(path.name, key)
    if url is not None:
        return user_store() / _stored_name(url.rstrip("/").rsplit("/", 1)[-1] or "page", f"url:{url}")
    return user_store() / _stored_name("stdin", f"text:{text_hash(text)}")


def read_sidecar(path: Path) -> Sidecar | None:
    """The corrections file at ``path``, or None when there is none; ``CorrectionsFileError`` when it is
    not one (the message says what is wrong, and where)."""
    try:
        if os.path.getsize(path) > MAX_SIZE:
            raise CorrectionsFileError(path, "too large for a corrections file")
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise CorrectionsFileError(path, "is a folder, not a corrections file") from None
    except OSError as exc:
        raise CorrectionsFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CorrectionsFileError(path, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CorrectionsFileError(path, f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return parse_sidecar(path, data)


def parse_sidecar(path: Path, data: Any) -> Sidecar:
    """The corrections file's data, checked."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise CorrectionsFileError(path, f"not a {SCHEMA} file (schema: {found!r})")
    digest = data.get("text_sha256")
    if digest is not None and not (isinstance(digest, str) and re.fullmatch(r"[0-9a-f]{64}", digest)):
        raise CorrectionsFileError(path, "text_sha256 is not a SHA-256 in hex")
    lists = []
    for key in ("corrections", "unanchored"):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise CorrectionsFileError(path, f"{key} is not a list")
        found = []
        for number, item in enumerate(items, 1):
            try:
                found.append(correction_from_dict(item))
            except ValueError as exc:
                raise CorrectionsFileError(path, f"{key} #{number}: {exc}") from None
        lists.append(tuple(found))
    return Sidecar(digest, lists[0], lists[1])


def sidecar_text(
    text: str, corrections: Sequence[Correction], unanchored: Sequence[Correction], article: str | None
) -> str:
    """The corrections file for ``text`` (its hash), as JSON."""
    data = {
        "schema": SCHEMA,
        "article": article,
        "text_sha256": text_hash(text),
        "corrections": [correction_to_dict(c) for c in corrections],
        "unanchored": [correction_to_dict(c) for c in unanchored],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_sidecar(
    path: Path,
    text: str,
    corrections: Sequence[Correction],
    unanchored: Sequence[Correction],
    *,
    article: str | None = None,
) -> None:
    """Write the corrections file atomically (its folder made if needed); ``ReaderError`` if it cannot be."""
    from reader.output import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(
            f"{path.parent}: cannot make the folder ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED
        ) from None
    write_atomic(path, sidecar_text(text, corrections, unanchored, article), force=True)


def set_aside(path: Path) -> Path | None:
    """Keep an unreadable corrections file as ``NAME.bad`` (``NAME.bad-2``, … if taken): the new file will
    not overwrite it. Returns the new name, or None if there was nothing to move."""
    if not os.path.lexists(path):
        return None
    for n in range(1, 1000):
        kept = path.with_name(path.name + (".bad" if n == 1 else f".bad-{n}"))
        if not os.path.lexists(kept):
            try:
                os.link(path, kept)  # never over an existing name, even racing another process
            except FileExistsError:
                continue
            except OSError as exc:
                raise ReaderError(
                    f"{path}: cannot keep it aside ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED
                ) from None
            os.unlink(path)
            return kept
    raise ReaderError(f"{path}: too many .bad copies beside it", ExitCode.OUTPUT_FAILED)
