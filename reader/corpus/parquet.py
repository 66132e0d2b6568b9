"""``--format parquet``: the ``sentences``, ``sources`` and ``numbers`` datasets of a run.

``OUT/sentences/part-00000.parquet`` and its siblings, one file per dataset and run,
appended one row group at a time as the results arrive (every ``ROW_GROUP_ARTICLES``
articles), so the client never holds more than one row group of rows. The files are
written under hidden temporary names (``.part-00000.parquet.tmp``, which pyarrow,
polars and DuckDB globs leave out) and renamed when the run completes.

A run over datasets an earlier run wrote resumes (``read_existing``): the articles
already in ``sentences`` are skipped and the new ones go to the next part
(``part-00001.parquet``, ...) of each dataset. ``--force`` starts again from part 0.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.batch import Job, Outcome
from reader.corpus import require
from reader.corpus.sinks import outcome_of
from reader.corpus.tables import DATASETS, Rows, empty_rows, extend, row_count
from reader.corpus.work import ArticleResult
from reader.errors import ExitCode, ReaderError

ROW_GROUP_ARTICLES = 1000
PART_NAME = re.compile(r"part-(\d{5})\.parquet")  # the parts reader writes
TMP_NAME = re.compile(r"\.part-\d{5}\.parquet\.tmp")  # ... while it writes them


def part_name(number: int) -> str:
    """``part-00003.parquet`` for 3."""
    return f"part-{number:05d}.parquet"


PART = part_name(0)


def arrow_schema(dataset: str) -> Any:
    """The pyarrow schema of ``dataset`` (``sentences``, ``sources`` or ``numbers``)."""
    pa = require("pyarrow", "Parquet")
    return pa.schema([pa.field(name, getattr(pa, kind)()) for name, kind in DATASETS[dataset]])


def _parquet_files(folder: Path) -> list[Path]:
    """The ``*.parquet`` files of a dataset folder (not the hidden ``.tmp`` parts), sorted."""
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def existing_parts(out: Path) -> list[Path]:
    """The Parquet files a previous run left in ``out``'s datasets."""
    return [p for name in DATASETS for p in _parquet_files(out / name)]


@dataclass(frozen=True, slots=True)
class Existing:
    """What earlier runs left in an output folder: the articles in ``sentences``, the next part's number."""

    articles: frozenset[str]
    next_part: int


def _not_ours(path: Path, why: str) -> ReaderError:
    return ReaderError(
        f"{path}: not a part reader batch wrote ({why}); use --force to replace the datasets",
        ExitCode.OUTPUT_EXISTS,
    )


def _check_part(path: Path, dataset: str) -> int:
    """The number of a part reader wrote, after checking its name and its columns."""
    import pyarrow.parquet as pq

    found = PART_NAME.fullmatch(path.name)
    if found is None:
        raise _not_ours(path, "its parts are named part-NNNNN.parquet")
    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError) as exc:
        raise _not_ours(path, f"unreadable Parquet: {exc}") from None
    if not schema.equals(arrow_schema(dataset)):
        raise _not_ours(path, f"other columns than its {dataset} table")
    return int(found.group(1))


def _article_ids(parts: list[Path]) -> frozenset[str]:
    """The ``article_id``s in ``sentences`` parts, read a record batch at a time."""
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for part in parts:
        try:
            for batch in pq.ParquetFile(part).iter_batches(columns=["article_id"]):
                ids.update(batch.column(0).to_pylist())
        except (OSError, ValueError) as exc:
            raise _not_ours(part, f"unreadable Parquet: {exc}") from None
    return frozenset(ids)


def read_existing(out: Path) -> Existing | None:
    """What earlier runs wrote in ``out`` (None when it holds no datasets). A ``.parquet`` file
    there that reader did not write (another name, other columns, unreadable) is a ``ReaderError``.
    Hidden temporary parts (a run killed while writing) are never read."""
    require("pyarrow", "--format parquet")
    numbers = [_check_part(part, name) for name in DATASETS for part in _parquet_files(out / name)]
    if not numbers:
        return None
    return Existing(_article_ids(_parquet_files(out / "sentences")), max(numbers) + 1)


def remove_stale_tmps(folder: Path) -> None:
    """Delete the hidden temporary parts a killed run left in ``folder`` (never read as data)."""
    for entry in folder.iterdir():
        if TMP_NAME.fullmatch(entry.name) and entry.is_file():
            entry.unlink(missing_ok=True)


class ParquetSink:
    """Appends each delivered article's rows; a row group every ``row_group_articles`` articles.

    ``part`` 0 writes the datasets afresh (an earlier run's parts are removed at the end);
    a later part adds to them, and is not written when no article is added."""

    def __init__(self, out: Path, row_group_articles: int = ROW_GROUP_ARTICLES, part: int = 0) -> None:
        require("pyarrow", "--format parquet")
        import pyarrow.parquet as pq

        self.out = out
        self.row_group_articles = row_group_articles
        self.part = part_name(part)
        self.fresh = part == 0
        self.articles = 0  # delivered to this part
        self.buffer = empty_rows()
        self.pending = 0
        self.writers: dict[str, Any] = {}
        self.tmps: dict[str, Path] = {}
        try:
            for name in DATASETS:
                folder = out / name
                folder.mkdir(parents=True, exist_ok=True)
                remove_stale_tmps(folder)
                self.tmps[name] = folder / f".{self.part}.tmp"
                self.writers[name] = pq.ParquetWriter(str(self.tmps[name]), arrow_schema(name))
        except OSError as exc:
            self.abort()
            raise ReaderError(f"{out}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED) from None
        except BaseException:
            self.abort()
            raise

    def deliver(self, job: Job, result: ArticleResult) -> Outcome:
        if result.status == "done":
            rows: Rows = result.payload
            extend(self.buffer, rows)
            self.pending += 1
            self.articles += 1
            if self.pending >= self.row_group_articles:
                self._flush()
        return outcome_of(job, result)

    def _flush(self) -> None:
        import pyarrow as pa

        try:
            for name, writer in self.writers.items():
                if row_count(self.buffer, name):  # no empty row groups (an article without numbers)
                    writer.write_table(pa.Table.from_pydict(self.buffer[name], schema=arrow_schema(name)))
        except OSError as exc:
            raise ReaderError(f"{self.out}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED) from None
        self.buffer = empty_rows()
        self.pending = 0

    def close(self) -> None:
        if not self.fresh and not self.articles:
            self.abort()  # a resumed run that adds nothing leaves the datasets as they were
            return
        if self.pending:
            self._flush()
        try:
            for writer in self.writers.values():
                writer.close()
            if self.fresh:
                for stale in existing_parts(self.out):  # a previous run's files (--force)
                    stale.unlink()
            for name, tmp in self.tmps.items():
                os.replace(tmp, self.out / name / self.part)
        except OSError as exc:
            self.abort()
            raise ReaderError(f"{self.out}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED) from None

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):  # a half-written file, closed only to be deleted
                writer.close()
        for tmp in self.tmps.values():
            tmp.unlink(missing_ok=True)
