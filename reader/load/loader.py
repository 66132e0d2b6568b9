"""Read an article from a path or stdin. PLACEHOLDER: plain UTF-8 only."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ExitCode, ReaderError

DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """Decoded article text and what the loader learnt about it."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    path: Path | None = None  # None for stdin


def load_article(source: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> LoadedArticle:
    """Load ``source`` (a path, or ``-`` for stdin) as article text."""
    if str(source) == "-":
        data = sys.stdin.buffer.read()
        path = None
    else:
        path = Path(source)
        if not path.is_file():
            raise ReaderError(f"{path}: no such file", ExitCode.NOT_FOUND)
        data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise ReaderError(f"{source}: no text", ExitCode.NO_TEXT)
    return LoadedArticle(text=text, path=path)
