"""``--format parquet``: the ``sentences``, ``sources`` and ``numbers`` datasets of a run.

``OUT/sentences/part-00000.parquet`` and its siblings, one file per dataset,
appended one row group at a time as the results arrive (every ``ROW_GROUP_ARTICLES``
articles), so the client never holds more than one row group of rows. The files are
written under hidden temporary names (``.part-00000.parquet.tmp``, which pyarrow,
polars and DuckDB globs leave out) and renamed when the run completes.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from reader.batch import Job, Outcome
from reader.corpus import require
from reader.corpus.sinks import outcome_of
from reader.corpus.tables import DATASETS, Rows, empty_rows, extend, row_count
from reader.corpus.work import ArticleResult
from reader.errors import ExitCode, ReaderError

ROW_GROUP_ARTICLES = 1000
PART = "part-00000.parquet"


def arrow_schema(dataset: str) -> Any:
    """The pyarrow schema of ``dataset`` (``sentences``, ``sources`` or ``numbers``)."""
    pa = require("pyarrow", "Parquet")
    return pa.schema([pa.field(name, getattr(pa, kind)()) for name, kind in DATASETS[dataset]])


def existing_parts(out: Path) -> list[Path]:
    """The Parquet files a previous run left in ``out``'s datasets."""
    return [p for name in DATASETS if (out / name).is_dir() for p in sorted((out / name).glob("*.parquet"))]


class ParquetSink:
    """Appends each delivered article's rows; a row group every ``row_group_articles`` articles."""

    def __init__(self, out: Path, row_group_articles: int = ROW_GROUP_ARTICLES) -> None:
        require("pyarrow", "--format parquet")
        import pyarrow.parquet as pq

        self.out = out
        self.row_group_articles = row_group_articles
        self.buffer = empty_rows()
        self.pending = 0
        self.writers: dict[str, Any] = {}
        self.tmps: dict[str, Path] = {}
        try:
            for name in DATASETS:
                folder = out / name
                folder.mkdir(parents=True, exist_ok=True)
                self.tmps[name] = folder / f".{PART}.tmp"
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
        if self.pending:
            self._flush()
        try:
            for writer in self.writers.values():
                writer.close()
            for stale in existing_parts(self.out):  # a previous run's files (--force)
                stale.unlink()
            for name, tmp in self.tmps.items():
                os.replace(tmp, self.out / name / PART)
        except OSError as exc:
            self.abort()
            raise ReaderError(f"{self.out}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED) from None

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):  # a half-written file, closed only to be deleted
                writer.close()
        for tmp in self.tmps.values():
            tmp.unlink(missing_ok=True)
