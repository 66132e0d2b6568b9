"""The bundled sample articles, installed as ``reader.samples`` (``reader/samples`` links here).

A regular package, so ``importlib.resources.files("reader.samples")`` is one folder on disk;
``reader.samples.sample_paths()`` lists the articles and ``find_sample`` looks one up.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html")


def sample_paths() -> list[Path]:
    """Every bundled article, by name."""
    folder = files(__name__)
    return sorted(
        (Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(SUFFIXES)), key=lambda p: p.name
    )


def find_sample(name: str) -> Path | None:
    """The sample called ``name``: its file name, its stem, or a unique prefix of the stem."""
    wanted = name.lower()
    paths = sample_paths()
    for path in paths:
        if wanted in (path.name.lower(), path.stem.lower()):
            return path
    prefixed = [p for p in paths if p.stem.lower().startswith(wanted)]
    return prefixed[0] if len(prefixed) == 1 else None
