"""The bundled sample article: what ``reader`` opens without a path. No textual here (the CLI uses it)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from reader.errors import ExitCode, ReaderError

DEFAULT_SAMPLE = "kursk_offensive.txt"


def default_sample() -> Path:
    """The bundled sample article (the Kursk report, or any bundled .txt before it exists)."""
    samples = files("reader.samples")
    preferred = samples.joinpath(DEFAULT_SAMPLE)
    if preferred.is_file():
        return Path(str(preferred))
    for entry in sorted(samples.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            return Path(str(entry))
    raise ReaderError("no bundled sample article found", ExitCode.NOT_FOUND)
