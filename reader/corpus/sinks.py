"""Where the results of a corpus run go, written by the client as they arrive.

``FolderSink``: one file per article (the export formats), each written atomically.
``JsonlSink``: one compact JSON line per article, in input order, streamed into a
temporary file that replaces the target at the end. ``reader.corpus.parquet.ParquetSink``
is the third kind. A sink gets ``deliver(job, result)`` in input order (the
pipeline reorders), returns the ``Outcome`` the progress and the tally show, and is
``close``d on success or ``abort``ed, which leaves no partial file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Protocol

from reader.batch import Job, Outcome
from reader.corpus.work import ArticleResult
from reader.errors import ExitCode, ReaderError


class Sink(Protocol):
    def deliver(self, job: Job, result: ArticleResult) -> Outcome: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def outcome_of(job: Job, result: ArticleResult, where: str = "") -> Outcome:
    """The batch ``Outcome`` of a result (its payload dropped: the client keeps no analyses)."""
    if result.status != "done":
        return Outcome(job.index, result.status, result.message)
    return Outcome(job.index, "done", where, result.sentences, dict(result.tally))


class FolderSink:
    """Each analysis at its job's output path, as ``reader.batch.process`` writes it."""

    def deliver(self, job: Job, result: ArticleResult) -> Outcome:
        if result.status != "done" or job.output is None:
            return outcome_of(job, result)
        from reader.output import write_atomic

        try:
            job.output.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(job.output, result.payload, force=True)
        except ReaderError as exc:
            return Outcome(job.index, "failed", str(exc))
        except OSError as exc:
            return Outcome(job.index, "failed", f"{job.source}: {exc.strerror or exc}")
        return outcome_of(job, result, str(job.output))

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


def new_file_mode(target: Path) -> int:
    """The mode a plain ``open`` would give ``target`` (or the mode of the file it replaces)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def temporary_beside(target: Path) -> tuple[IO[str], Path]:
    """A hidden temporary text file in ``target``'s folder, renamed over it when complete."""
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        os.fchmod(fd, new_file_mode(target))
    except OSError as exc:
        raise ReaderError(f"{target}: cannot write ({exc.strerror})", ExitCode.OUTPUT_FAILED) from None
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), Path(name)


class JsonlSink:
    """Every analysis as one line of ``target``, in input order, the file replaced at the end."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.handle, self.tmp = temporary_beside(target)

    def deliver(self, job: Job, result: ArticleResult) -> Outcome:
        if result.status == "done":
            try:
                self.handle.write(result.payload + "\n")
            except OSError as exc:
                raise ReaderError(f"{self.target}: cannot write ({exc.strerror})", ExitCode.OUTPUT_FAILED) from None
        return outcome_of(job, result)

    def close(self) -> None:
        try:
            self.handle.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise ReaderError(f"{self.target}: cannot write ({exc.strerror})", ExitCode.OUTPUT_FAILED) from None

    def abort(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        self.tmp.unlink(missing_ok=True)
