"""Writing results safely: atomically, and never over an existing file unless forced."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import ExitCode, ReaderError


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
        # mkstemp creates the file 0600; give the result the mode a plain open()
        # would (or keep the mode of the file being replaced).
        os.fchmod(fd, _mode_for(target))
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
