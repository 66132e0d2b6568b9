"""Writing results safely: atomically, and never over an existing file unless forced."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import ExitCode, ReaderError


def write_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` via a temporary file and a rename.

    Refuses to replace an existing file unless ``force``; on any failure the
    existing file is left exactly as it was.
    """
    target = Path(path)
    if target.exists() and not force:
        raise ReaderError(f"{target}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    if target.is_dir():
        raise ReaderError(f"{target}: is a directory", ExitCode.OUTPUT_FAILED)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ReaderError(f"{target}: cannot write ({exc.strerror})", ExitCode.OUTPUT_FAILED) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"{target}: cannot write ({exc.strerror})", ExitCode.OUTPUT_FAILED) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
