"""A ``reader batch`` run on the corpus engines: ``--engine dask`` and ``--format parquet``.

The same inputs, outputs, resume, failure list, progress and final tally as
``reader.batch`` (whose input collection, output planning and progress display it
reuses); what differs is how the work travels: in bounded chunks, through
``reader.corpus.pipeline``, with every output written here, by the client, as the
results stream back in input order.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.analysis import Knowledge
from reader.batch import DEFAULT_GLOBS, JSONL, LABELS, Job, Outcome, _Reporter, collect_inputs, plan_outputs
from reader.corpus import pipeline
from reader.corpus.options import BYTES, DASK, PARQUET
from reader.corpus.sinks import FolderSink, JsonlSink, Sink
from reader.corpus.work import ArticleResult, WorkItem
from reader.errors import ExitCode, ReaderError

if TYPE_CHECKING:
    from reader.corpus.parquet import Existing


@dataclass(slots=True)
class Tally:
    """The counts behind ``reader.batch.summarize``'s line, kept as running sums."""

    counts: dict[str, int] = field(default_factory=lambda: {"done": 0, "skipped": 0, "failed": 0})
    sentences: int = 0
    per_class: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    failures: list[tuple[int, str]] = field(default_factory=list)  # (input index, message)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.sentences += outcome.sentences
        for label in LABELS:
            self.per_class[label] += outcome.tally.get(label, 0)
        if outcome.status == "failed":
            self.failures.append((outcome.index, outcome.message))

    def line(self, elapsed: float, missing: int) -> str:
        classes = ", ".join(f"{label} {n}" for label, n in self.per_class.items())
        return (
            f"{self.counts['done']} done, {self.counts['skipped']} skipped, "
            f"{self.counts['failed'] + missing} failed; {self.sentences} sentences ({classes}); {elapsed:.1f}s"
        )


def _check_output(out: Path, fmt: str, force: bool) -> None:
    """Refuse an output that cannot be written, or would be replaced without ``--force``."""
    if fmt == JSONL:
        if out.is_dir():
            raise ReaderError(f"{out}: is a folder; --format jsonl writes one file", ExitCode.OUTPUT_FAILED)
        if out.exists() and not force:
            raise ReaderError(f"{out}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
        return
    if out.exists() and not out.is_dir():
        raise ReaderError(f"{out}: is a file; batch output must be a folder", ExitCode.OUTPUT_FAILED)


def _existing(out: Path, fmt: str, force: bool) -> Existing | None:
    """Parquet datasets an earlier run wrote in ``out``, to resume (None: write them afresh)."""
    if fmt != PARQUET or force:
        return None
    from reader.corpus.parquet import read_existing

    return read_existing(out)


def _plan(args: argparse.Namespace, out: Path) -> tuple[list[Job], list[str], dict[int, str]]:
    """The jobs, the missing paths, and each job's article id (its relative input path)."""
    globs = tuple(args.glob) if args.glob else DEFAULT_GLOBS
    folder_output = args.format != JSONL
    inputs, missing = collect_inputs(args.paths, globs, exclude=out.resolve() if folder_output else None)
    if not inputs and not missing:
        raise ReaderError(f"{' '.join(args.paths)}: no files matching {' '.join(globs)}", ExitCode.NOT_FOUND)
    ids = {i: rel.as_posix() for i, (_, rel) in enumerate(inputs)}
    if args.format in (JSONL, PARQUET):
        return [Job(i, source, None) for i, (source, _) in enumerate(inputs)], missing, ids
    from reader.export import FORMATS

    return plan_outputs(inputs, out, FORMATS[args.format].extension), missing, ids


def _up_to_date(job: Job) -> bool:
    try:
        if job.output is None or not isinstance(job.source, Path):
            return False  # a URL has no time to compare with
        return job.output.stat().st_mtime >= job.source.stat().st_mtime
    except OSError:
        return False


def _already_written(job: Job, ids: dict[int, str], existing: Existing | None, out: Path) -> Outcome | None:
    """Parquet resume: an article the datasets already hold is skipped."""
    if existing is not None and ids[job.index] in existing.articles:
        return Outcome(job.index, "skipped", str(out))
    return None


def _before_work(job: Job, force: bool) -> Outcome | None:
    """What the client settles without a worker: an output over its input, an output up to date."""
    if job.output is None or not isinstance(job.source, Path):
        return None
    try:
        same = job.output.resolve() == job.source.resolve()
    except OSError:
        same = False
    if same:
        return Outcome(job.index, "failed", f"{job.source}: the output would overwrite the input")
    if not force and _up_to_date(job):
        return Outcome(job.index, "skipped", str(job.output))
    return None


def _sink(fmt: str, out: Path, existing: Existing | None) -> Sink:
    if fmt == JSONL:
        return JsonlSink(out)
    if fmt == PARQUET:
        from reader.corpus import parquet

        part = existing.next_part if existing is not None else 0
        return parquet.ParquetSink(out, parquet.ROW_GROUP_ARTICLES, part)
    return FolderSink()


def _engine(args: argparse.Namespace) -> pipeline.Engine:
    knowledge = _knowledge(args)
    if args.engine == DASK:
        from reader.corpus.dask_engine import DaskEngine

        return DaskEngine(
            args.format, args.max_size, scheduler=args.scheduler, workers=args.workers, knowledge=knowledge
        )
    from reader.corpus.local_engine import InlineEngine, ProcessEngine

    if args.jobs > 1:
        return ProcessEngine(args.format, args.max_size, args.jobs, knowledge)
    return InlineEngine(args.format, args.max_size, knowledge)


def _knowledge(args: argparse.Namespace) -> Knowledge:
    """The sources mapping (``--sources``, ``--no-user-sources``) and ``--no-corrections``, read on the client."""
    from reader.options import known_sources_from

    return Knowledge(known_sources_from(args), corrections=not args.no_corrections)


class _Shipper:
    """Turns jobs into work items, reading the bytes here when ``--ship bytes``."""

    def __init__(
        self, ship: str, max_size: int, ids: dict[int, str], tally: Tally, reporter: _Reporter, corrections: bool = True
    ) -> None:
        self.ship = ship
        self.corrections = corrections
        self.max_size = max_size
        self.ids = ids
        self.tally = tally
        self.reporter = reporter

    def items(self, jobs: Sequence[Job]) -> Iterator[WorkItem]:
        import os

        for job in jobs:
            data = corrections = None
            if self.ship == BYTES and isinstance(job.source, Path):  # a URL is fetched by the worker
                from reader.load.loader import _read_file

                try:
                    data = _read_file(job.source, self.max_size)
                    corrections = self._corrections(job)
                except ReaderError as exc:
                    self._settle(job, Outcome(job.index, "failed", str(exc)))
                    continue
            yield WorkItem(
                job.index, str(job.source), os.path.abspath(job.source), self.ids[job.index], data, corrections
            )

    def _corrections(self, job: Job) -> bytes | None:
        """The bytes of the article's corrections file, shipped with the article's (None if it has none)."""
        if not self.corrections or isinstance(job.source, str):
            return None
        from reader.corrections.store import CorrectionsFileError, sidecar_path

        file = sidecar_path(Path(job.source))
        try:
            return file.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CorrectionsFileError(file, f"cannot be read ({exc.strerror or exc})") from None

    def _settle(self, job: Job, outcome: Outcome) -> None:
        self.tally.add(outcome)
        self.reporter.advance(job, outcome)


def _settle_up_front(
    jobs: list[Job], settle: Callable[[Job], Outcome | None], tally: Tally, reporter: _Reporter
) -> list[Job]:
    """Count the jobs the client settles itself (``settle`` gives their outcome); the rest, the work to ship."""
    todo = []
    for job in jobs:
        settled = settle(job)
        if settled is None:
            todo.append(job)
        else:
            tally.add(settled)
            reporter.advance(job, settled)
    return todo


def _work(
    args: argparse.Namespace, jobs: list[Job], ids: dict[int, str], sink: Sink, tally: Tally, existing: Existing | None
) -> None:
    """Ship the work through the engine and hand each result to the sink, in input order."""
    reporter = _Reporter(len(jobs))
    engine: pipeline.Engine | None = None
    out = Path(args.output)

    def settle(job: Job) -> Outcome | None:
        return _before_work(job, args.force) or _already_written(job, ids, existing, out)

    try:
        todo = _settle_up_front(jobs, settle, tally, reporter)
        if todo:
            engine = _engine(args)
            todo = _claim(args, todo, tally, reporter)
            by_index = {job.index: job for job in todo}
            shipper = _Shipper(args.ship, args.max_size, ids, tally, reporter, not args.no_corrections)
            size = pipeline.chunk_size(len(todo), engine.workers)
            weigh = (lambda item: len(item.data or b"")) if args.ship == BYTES else None
            chunks = pipeline.chunks(shipper.items(todo), size, weigh)
            for results in pipeline.run(engine, chunks, pipeline.WINDOW_PER_WORKER * engine.workers):
                for result in results:
                    _deliver(sink, by_index[result.index], result, tally, reporter)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    finally:
        reporter.close()
        if engine is not None:
            engine.close()


def _claim(args: argparse.Namespace, jobs: list[Job], tally: Tally, reporter: _Reporter) -> list[Job]:
    """As the local engine does, once the engine is up: never replace a file this tool did not
    write, and record every output in the folder's manifest before it is written."""
    if args.format in (JSONL, PARQUET):
        return jobs
    from reader.batch import _claim_outputs

    runnable, refused = _claim_outputs(jobs, Path(args.output), args.force)
    by_index = {job.index: job for job in jobs}
    for outcome in refused:
        tally.add(outcome)
        reporter.advance(by_index[outcome.index], outcome)
    return runnable


def _deliver(sink: Sink, job: Job, result: ArticleResult, tally: Tally, reporter: _Reporter) -> None:
    outcome = sink.deliver(job, result)
    tally.add(outcome)
    reporter.advance(job, outcome)


def run_corpus_batch(args: argparse.Namespace) -> int:
    """``reader batch`` with ``--engine dask`` or ``--format parquet``; returns the exit code."""
    started = time.monotonic()
    out = Path(args.output)
    _check_output(out, args.format, args.force)
    if args.engine != DASK and (args.scheduler is not None or args.workers is not None):
        raise ReaderError("--scheduler and --workers need --engine dask (use --jobs N locally)", ExitCode.USAGE)
    if args.engine == DASK and args.jobs > 1:
        raise ReaderError("--jobs is for --engine local; with --engine dask, use --workers N", ExitCode.USAGE)
    existing = _existing(out, args.format, args.force)
    jobs, missing, ids = _plan(args, out)
    tally = Tally()
    sink = _sink(args.format, out, existing)
    _work(args, jobs, ids, sink, tally, existing)

    from reader.safe_text import neutralize_line

    failures = [f"{raw}: no such file or folder" for raw in missing]
    failures += [message for _, message in sorted(tally.failures)]
    for failure in failures:
        print(f"reader: {neutralize_line(failure)}", file=sys.stderr)
    print(tally.line(time.monotonic() - started, len(missing)))
    return int(ExitCode.FAILURE if failures else ExitCode.OK)
