"""Writing results safely: atomically, and never over an existing file unless forced.

``write_atomic`` writes into a temporary file beside the target, flushes it to disk,
then puts it in place in one step:

* without ``force``, with ``os.link`` (the link fails if the name exists, so two
  writers racing for one name cannot both win, and nothing is replaced);
* with ``force``, with ``os.replace`` over a regular file (keeping its mode).

It never renames over something that is not a regular file: a folder, a device such
as ``/dev/null``, a FIFO or a socket is refused. A symbolic link as the target is
written through: the file it points to is replaced and the link stays; a link that
points nowhere (dangling, or a loop) is refused.

Temporary files are named ``.<name>.<pid>-<random>.reader-tmp``; ``remove_stale_temps``
deletes those a killed writer left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ExitCode, ReaderError

if TYPE_CHECKING:
    from reader.core.model import Document
    from reader.corrections.apply import Corrected

TEMP_SUFFIX = ".reader-tmp"
_STALE_AFTER = 24 * 3600  # seconds: a temporary file this old is stale whoever wrote it


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(target: Path, exc: OSError) -> ReaderError:
    return ReaderError(f"{target}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED)


def _exists_error(target: Path) -> ReaderError:
    return ReaderError(f"{target}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _destination(target: Path) -> Path:
    """Where the bytes go: ``target``, or what the symbolic link ``target`` points to.

    Raises ``ReaderError`` for a link that points nowhere and for anything that is
    not a regular file (or absent).
    """
    destination = target
    if target.is_symlink():
        try:
            destination = Path(os.path.realpath(target, strict=True))
        except (OSError, RuntimeError) as exc:
            what = "a symlink loop" if getattr(exc, "errno", None) == errno.ELOOP else "a symlink to nothing"
            raise ReaderError(f"{target}: {what}; not written", ExitCode.OUTPUT_FAILED) from None
    try:
        info = destination.stat()
    except FileNotFoundError:
        return destination
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReaderError(f"{target}: a symlink loop; not written", ExitCode.OUTPUT_FAILED) from None
        raise _cannot_write(target, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"{target}: is a folder", ExitCode.OUTPUT_FAILED)
    if not stat.S_ISREG(info.st_mode):
        raise ReaderError(
            f"{target}: is {_kind(info.st_mode)}, not a regular file; not replaced (leave out -o for stdout)",
            ExitCode.OUTPUT_FAILED,
        )
    return destination


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; folders cannot be opened on some systems."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_file(destination: Path) -> tuple[int, str]:
    folder = destination.parent if str(destination.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{destination.name}.{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)


def _set_mode(fd: int, path: str, mode: int) -> None:
    # mkstemp creates the file 0600; give the result the mode a plain open() would
    # (or keep the mode of the file being replaced). os.fchmod is POSIX only.
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def _link_into_place(tmp: str, destination: Path) -> None:
    """Give the finished temporary file the name ``destination``, only if it is free."""
    try:
        os.link(tmp, destination)
        return
    except FileExistsError:
        raise _exists_error(destination) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
    # No hard links here (some file systems): claim the name exclusively, then
    # rename over the empty placeholder, which is ours.
    try:
        os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise _exists_error(destination) from None
    os.replace(tmp, destination)


def write_atomic(path: str | Path, text: str | Iterable[str], *, force: bool = False) -> Path:
    """Write ``text`` (a string, or pieces of one) to ``path`` via a temporary file.

    Refuses to replace an existing file unless ``force``, and anything that is not a
    regular file even then; on any failure, what was at ``path`` is left as it was.
    """
    target = Path(path)
    if os.path.lexists(target) and not force:
        raise _exists_error(target)
    destination = _destination(target)
    try:
        fd, tmp = _temp_file(destination)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        _set_mode(fd, tmp, _mode_for(destination))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for piece in [text] if isinstance(text, str) else text:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, destination)
        else:
            _link_into_place(tmp, destination)
        _fsync_folder(destination.parent)
    except ReaderError:
        Path(tmp).unlink(missing_ok=True)
        raise
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(target, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    # After a link the temporary name is a second name of the output: drop it.
    Path(tmp).unlink(missing_ok=True)
    return target


def _writer_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell: only the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def remove_stale_temps(folder: Path, names: Iterable[str] | None = None) -> int:
    """Delete temporary files of ``write_atomic`` in ``folder`` whose writer is gone.

    A temporary file is stale when the process named in it no longer runs, or when it
    is older than a day. With ``names``, only temporaries of those output names are
    looked at. Returns how many were removed.
    """
    wanted = set(names) if names is not None else None
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        stem, _, tag = name[1 : -len(TEMP_SUFFIX)].rpartition(".")
        pid_text = tag.partition("-")[0]
        if not stem or not pid_text.isdigit() or (wanted is not None and stem not in wanted):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if _writer_alive(int(pid_text)) and now - info.st_mtime < _STALE_AFTER:
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name one existing file; False when either cannot be reached."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError, RuntimeError):
        return False


def document_pieces(
    doc: Document, fmt: str, source: str | None = None, corrected: Corrected | None = None
) -> Iterable[str]:
    """``render(doc, fmt, source)`` in pieces, so a large JSON analysis is never one string in memory.

    The JSON is encoded as ``reader.export.json.to_json`` encodes it (the same bytes),
    piece by piece; other formats come whole.
    """
    if fmt != "json":
        from reader.export import render

        return [render(doc, fmt, source, corrected)]
    import itertools
    import json

    from reader.export.json import document_to_dict

    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    return itertools.chain(encoder.iterencode(document_to_dict(doc, corrected)), ["\n"])
