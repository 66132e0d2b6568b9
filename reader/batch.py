"""``reader batch``: analyse many articles into a folder (or one JSON Lines file).

Outputs are written one by one and atomically, so a stopped run leaves only
whole files and resumes where it stopped: an output newer than its input is
skipped unless ``--force``. A failing article is reported and the batch goes on.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis import Knowledge
from reader.errors import ExitCode, ReaderError
from reader.options import ArgumentParser, add_config_switch, add_corrections_options, add_max_size, known_sources_from

DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
MANIFEST = ".reader-batch"  # in the output folder: the outputs this tool wrote there, one JSON string a line
JSONL = "jsonl"  # every analysis as one compact JSON line of one file, besides the export formats
LABELS = ("official", "third_party", "unattributed")


@dataclass(frozen=True, slots=True)
class Job:
    """One input and where its analysis goes (``output`` is None in JSON Lines mode)."""

    index: int
    source: Path | str  # a file, or an http(s) URL
    output: Path | None
    article_id: str | None = None  # JSON Lines: its path relative to the inputs' common folder, or its URL


@dataclass(slots=True)
class Outcome:
    """What happened to one job."""

    index: int
    status: str  # done | skipped | failed
    message: str = ""
    sentences: int = 0
    tally: dict[str, int] = field(default_factory=dict)
    line: str | None = None  # the compact JSON of the analysis, JSON Lines mode only


def _parser() -> argparse.ArgumentParser:
    from reader.corpus.options import PARQUET, add_engine_options
    from reader.export import DEFAULT_FORMAT, FORMATS

    parser = ArgumentParser(
        prog="reader batch",
        description=(
            "Analyse every article under PATH... into OUTDIR, one output per input, mirroring "
            "the input's relative path. Outputs newer than their input are skipped, so a "
            "stopped run resumes."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders (searched recursively) and http(s) URLs",
    )
    parser.add_argument(
        "--urls",
        metavar="FILE",
        action="append",
        help="a file of URLs, one a line (lines starting with # are comments; - reads stdin); repeatable",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output folder (or file, for --format jsonl)",
    )
    parser.add_argument(
        "--format",
        choices=(*FORMATS, JSONL, PARQUET),
        default=DEFAULT_FORMAT,
        help=f"json or markdown: one file per article (as reader analyze writes); {JSONL}: one JSON Lines "
        f"file, an analysis a line; {PARQUET}: sentence, source and number tables (default %(default)s)",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1: in this process)",
    )
    parser.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"file names to take from folders (repeatable; default {' '.join(DEFAULT_GLOBS)})",
    )
    parser.add_argument("--force", action="store_true", help="redo every article, overwriting outputs")
    add_max_size(parser)
    add_corrections_options(parser)  # --sources, --no-user-sources, --no-corrections
    add_config_switch(parser)
    add_engine_options(parser)  # --engine, --scheduler, --workers, --ship (reader/corpus)
    return parser


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return jobs


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _matches(path: Path, globs: Sequence[str]) -> bool:
    return any(path.match(pattern) for pattern in globs)


def _regular_file(path: Path) -> str | None:
    """None when ``path`` is (a link to) a regular file, else why it is skipped."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop"
        if path.is_symlink():
            return "a symlink to nothing"
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISREG(info.st_mode):
        return None
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    return next((f"not a regular file ({kind})" for test, kind in kinds if test(info.st_mode)), "not a regular file")


def read_url_list(path: str) -> list[str]:
    """The URLs in a ``--urls`` file: one a line; blank lines and lines starting with ``#`` are skipped."""
    from reader.load.detect import looks_like_url

    try:
        if path == "-":
            text = sys.stdin.read() if sys.stdin is not None else ""
        else:
            text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file", ExitCode.NOT_FOUND) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(
            f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", ExitCode.UNREADABLE
        ) from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not looks_like_url(entry):
            raise ReaderError(f"{path}: line {number} is not a URL: {entry[:200]}", ExitCode.USAGE)
        urls.append(entry)
    return urls


def plan_url_outputs(urls: Sequence[str], outdir: Path, extension: str, first: int) -> list[Job]:
    """One output per URL at the top of ``outdir``, named from the URL (``news.example-a-b.json``)."""
    from reader.load.fetch import name_for

    jobs = []
    taken: set[str] = set()
    for offset, url in enumerate(urls):
        stem = name_for(url)
        name, n = stem + extension, 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}{extension}"
        taken.add(name)
        jobs.append(Job(first + offset, url, outdir / name))
    return jobs


def collect_inputs(
    paths: Sequence[str],
    globs: Sequence[str],
    exclude: Path | None = None,
    skipped: list[str] | None = None,
) -> tuple[list[tuple[Path, Path]], list[str]]:
    """``(file, path relative to the inputs' common folder)`` pairs, and the missing paths.

    Folders are searched recursively for names matching ``globs``, skipping hidden
    entries, anything under ``exclude`` (the output folder), and what is not a regular
    file (a FIFO would block the batch forever; a symlink loop cannot be read): each of
    those is added to ``skipped`` as ``"<path>: skipped (<why>)"``. Files named directly
    are always taken.
    """
    # Keyed by the real path (one file named twice is read once); the value is
    # the path as the user wrote it, for messages, and its absolute form, for
    # output names (resolving would send symlinked files outside the base).
    found: dict[str, tuple[Path, Path]] = {}
    roots: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            roots.append(_absolute(path))
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(
                    d
                    for d in dirnames
                    if not d.startswith(".") and (exclude is None or Path(os.path.realpath(here / d)) != exclude)
                )
                for name in sorted(filenames):
                    if name.startswith(".") or not _matches(Path(name), globs):
                        continue
                    why = _regular_file(here / name)
                    if why is not None:
                        if skipped is not None:
                            skipped.append(f"{here / name}: skipped ({why})")
                        continue
                    found.setdefault(os.path.realpath(here / name), (here / name, _absolute(here / name)))
        elif path.exists():
            roots.append(_absolute(path).parent)
            found.setdefault(os.path.realpath(path), (path, _absolute(path)))
        else:
            missing.append(raw)
    if not found:
        return [], missing
    base = Path(os.path.commonpath([str(r) for r in roots]))
    return [(shown, absolute.relative_to(base)) for shown, absolute in found.values()], missing


def plan_outputs(inputs: Sequence[tuple[Path, Path]], outdir: Path, extension: str) -> list[Job]:
    """Mirror each relative path under ``outdir`` with ``extension``.

    ``a.txt`` and ``a.md`` in one folder would both become ``a.json``; such
    clashes keep the input's extension (``a.txt.json``, ``a.md.json``).
    """
    plain = [rel.with_suffix(extension) for _, rel in inputs]
    counts: dict[Path, int] = {}
    for target in plain:
        counts[target] = counts.get(target, 0) + 1
    jobs = []
    for index, ((source, rel), target) in enumerate(zip(inputs, plain, strict=True)):
        if counts[target] > 1:
            target = rel.with_name(rel.name + extension)
        jobs.append(Job(index, source, outdir / target))
    return jobs


def _up_to_date(job: Job) -> bool:
    """An output newer than its file, or any output of a URL (fetched before)."""
    if job.output is None:
        return False
    try:
        if isinstance(job.source, str):
            return job.output.is_file()
        return job.output.stat().st_mtime >= job.source.stat().st_mtime
    except OSError:
        return False


def process(job: Job, fmt: str, max_size: int, force: bool, knowledge: Knowledge | None = None) -> Outcome:
    """Analyse one article and write (or, for JSON Lines, return) its output. Never raises."""
    try:
        from reader.output import same_file

        if job.output is not None and not isinstance(job.source, str) and same_file(job.output, job.source):
            raise ReaderError(f"{job.source}: the output would overwrite the input", ExitCode.OUTPUT_EXISTS)
        if not force and _up_to_date(job):
            return Outcome(job.index, "skipped", str(job.output))
        if job.output is None:
            return _jsonl_outcome(job, max_size, knowledge)
        from reader.analysis import analyze_corrected
        from reader.load import load_article

        knowledge = knowledge or Knowledge()
        article = load_article(job.source, max_size=max_size)
        doc, corrected = analyze_corrected(
            article, known_sources=knowledge.known_sources, corrections=knowledge.corrections
        )
        tally = {label.value: n for label, n in doc.tally().items()}
        outcome = Outcome(job.index, "done", str(job.output), len(doc.sentences), tally)
        from reader.output import document_pieces, write_atomic

        job.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(job.output, document_pieces(doc, fmt, str(job.source), corrected), force=True)
        return outcome
    except ReaderError as exc:
        return Outcome(job.index, "failed", str(exc))
    except OSError as exc:
        return Outcome(job.index, "failed", f"{job.source}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return Outcome(job.index, "failed", f"{job.source}: internal error ({type(exc).__name__}: {exc})")


def _jsonl_outcome(job: Job, max_size: int, knowledge: Knowledge | None) -> Outcome:
    """A JSON Lines job, analysed as the corpus engines analyse it, so that every engine
    writes the same line (``reader.corpus.work``: the analysis and where it came from)."""
    from reader.corpus.work import WorkItem, analyse_item

    source = str(job.source)
    path = source if isinstance(job.source, str) else os.path.abspath(job.source)
    item = WorkItem(job.index, source, path, job.article_id or source)
    result = analyse_item(item, JSONL, max_size, knowledge)
    if result.status != "done":
        return Outcome(job.index, "failed", result.message)
    return Outcome(job.index, "done", "", result.sentences, dict(result.tally), result.payload)


class _Reporter:
    """Progress on stderr: a rich bar with rate and ETA on a terminal, plain lines otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.progress = None
        if sys.stderr is not None and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.task = self.progress.add_task("analysing", total=total, rate="")
            self.progress.start()
        self.started = time.monotonic()

    def advance(self, job: Job, outcome: Outcome) -> None:
        from reader.safe_text import neutralize_line

        self.count += 1
        if self.progress is not None:
            elapsed = max(time.monotonic() - self.started, 1e-9)
            self.progress.update(self.task, advance=1, rate=f"{self.count / elapsed:.1f} files/s")
            if outcome.status == "failed":
                self.progress.console.print(
                    f"failed: {neutralize_line(outcome.message)}", markup=False, highlight=False
                )
            return
        where = {
            "done": f"-> {outcome.message}" if outcome.message else "done",
            "skipped": "skipped (output up to date)",
        }
        detail = where.get(outcome.status, f"FAILED: {outcome.message}")
        print(
            neutralize_line(f"[{self.count}/{self.total}] {job.source} {detail}"),
            file=sys.stderr,
            flush=True,
        )

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave as soon as the batch process is gone (killed with -9, say).

    Pool workers wait on a queue that nothing closes when the parent dies without
    cleaning up; a thread that sees the parent change ends the worker.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="reader-batch-parent-watch", daemon=True).start()


def _run_jobs(
    jobs: Sequence[Job], fmt: str, max_size: int, force: bool, workers: int, knowledge: Knowledge | None = None
) -> list[Outcome]:
    outcomes: list[Outcome | None] = [None] * len(jobs)
    if workers == 1 or len(jobs) < 2:
        progress = _Reporter(len(jobs))
        try:
            for job in jobs:
                outcome = process(job, fmt, max_size, force, knowledge)
                outcomes[job.index] = outcome
                progress.advance(job, outcome)
        finally:
            progress.close()
        return [o for o in outcomes if o is not None]
    import multiprocessing

    # Imported before the fork so that every worker shares them instead of importing
    # its own. If the import fails, each article reports the failure instead.
    try:
        import reader.analysis
        import reader.core.analyze
        import reader.export  # noqa: F401
    except Exception:  # noqa: BLE001
        pass

    # fork starts workers fastest; they are all started at the first submit,
    # before the progress display starts its refresh thread.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    executor = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=multiprocessing.get_context(method),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )
    reporter: _Reporter | None = None
    try:
        futures: dict[Future[Outcome], Job] = {
            executor.submit(process, job, fmt, max_size, force, knowledge): job for job in jobs
        }
        reporter = _Reporter(len(jobs))
        for future in as_completed(futures):
            job = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory)
                outcome = Outcome(job.index, "failed", f"{job.source}: worker failed ({type(exc).__name__})")
            outcomes[job.index] = outcome
            reporter.advance(job, outcome)
    finally:
        if reporter is not None:
            reporter.close()
        executor.shutdown(wait=True, cancel_futures=True)
    return [o for o in outcomes if o is not None]


def read_manifest(outdir: Path) -> set[str]:
    """The outputs (relative to ``outdir``) that ``reader batch`` wrote there before."""
    try:
        lines = (outdir / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    owned = set()
    for line in lines:
        try:
            name = json.loads(line)
        except ValueError:
            continue  # a line cut short by a kill
        if isinstance(name, str):
            owned.add(name)
    return owned


def _record(outdir: Path, names: Iterable[str]) -> None:
    """Add ``names`` to the manifest before they are written (so a kill never orphans one)."""
    text = "".join(json.dumps(name, ensure_ascii=False) + "\n" for name in names)
    if not text:
        return
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / MANIFEST, "a", encoding="utf-8") as handle:
        handle.write(text)


def _claim_outputs(jobs: Sequence[Job], outdir: Path, force: bool) -> tuple[list[Job], list[Outcome]]:
    """The jobs to run, and failures for outputs that exist but were not written by this tool.

    An existing file at an output's name that the manifest does not list (an unrelated
    ``s.md`` beside ``s.txt``, when the output folder is the input folder) is never
    replaced without ``--force``. The outputs about to be written are recorded first.
    """
    from reader.output import remove_stale_temps

    owned = read_manifest(outdir)
    runnable: list[Job] = []
    refused: list[Outcome] = []
    claims: list[str] = []
    for job in jobs:
        assert job.output is not None
        name = job.output.relative_to(outdir).as_posix()
        if not force and name not in owned and os.path.lexists(job.output):
            refused.append(
                Outcome(
                    job.index,
                    "failed",
                    f"{job.output}: exists and was not written by reader batch (use --force to replace it)",
                )
            )
            continue
        runnable.append(job)
        if name not in owned:
            claims.append(name)
    _record(outdir, claims)
    folders: dict[Path, list[str]] = {}
    for job in runnable:
        assert job.output is not None
        folders.setdefault(job.output.parent, []).append(job.output.name)
    for folder, names in folders.items():
        remove_stale_temps(folder, names)  # left by a batch killed mid-write
    return runnable, refused


def summarize(outcomes: Iterable[Outcome], elapsed: float, missing: int = 0, unreadable: int = 0) -> str:
    """The final tally: files done/skipped/failed, sentences, sentences per class, time.

    ``unreadable`` files (FIFOs, symlink loops found in folders) count as skipped.
    """
    outcomes = list(outcomes)
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in ("done", "skipped", "failed")}
    counts["failed"] += missing
    counts["skipped"] += unreadable
    sentences = sum(o.sentences for o in outcomes)
    per_class = {label: sum(o.tally.get(label, 0) for o in outcomes) for label in LABELS}
    classes = ", ".join(f"{label} {n}" for label, n in per_class.items())
    return (
        f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed; "
        f"{sentences} sentences ({classes}); {elapsed:.1f}s"
    )


def run_batch(argv: Sequence[str]) -> int:
    """Entry point of ``reader batch``; returns the exit code (FAILURE if any article failed)."""
    args = _parser().parse_args(argv)
    knowledge = Knowledge(known_sources_from(args), corrections=not args.no_corrections)
    from reader.corpus.options import handled_here

    if handled_here(args):  # --engine dask, --format parquet: reader/corpus/run.py
        from reader.corpus.run import run_corpus_batch

        return run_corpus_batch(args)
    started = time.monotonic()
    out = Path(args.output)
    jsonl = args.format == JSONL
    if jsonl:
        if out.is_dir():
            raise ReaderError(f"{out}: is a folder; --format jsonl writes one file", ExitCode.OUTPUT_FAILED)
        if os.path.lexists(out) and not args.force:
            raise ReaderError(f"{out}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    elif os.path.lexists(out) and not out.is_dir():
        why = "a symlink loop or a symlink to nothing" if out.is_symlink() else "a file"
        raise ReaderError(f"{out}: is {why}; batch output must be a folder", ExitCode.OUTPUT_FAILED)
    globs = tuple(args.glob) if args.glob else DEFAULT_GLOBS
    outdir = Path(os.path.realpath(out))
    skipped: list[str] = []
    from reader.load.detect import looks_like_url

    urls = [p for p in args.paths if looks_like_url(p)]
    for url_file in args.urls or ():
        urls += read_url_list(url_file)
    urls = list(dict.fromkeys(urls))
    paths = [p for p in args.paths if not looks_like_url(p)]
    if not paths and not urls:
        raise ReaderError("batch: no PATH, URL or --urls FILE given (see 'reader batch --help')", ExitCode.USAGE)
    inputs, missing = (
        collect_inputs(paths, globs, exclude=None if jsonl else outdir, skipped=skipped) if paths else ([], [])
    )
    if not jsonl:
        # What this tool wrote into the output folder is never read back as an input.
        owned = {os.path.realpath(outdir / name) for name in read_manifest(outdir)}
        inputs = [(shown, rel) for shown, rel in inputs if os.path.realpath(shown) not in owned]
    if not inputs and not missing and not urls:
        raise ReaderError(f"{' '.join(paths)}: no files matching {' '.join(globs)}", ExitCode.NOT_FOUND)
    refused: list[Outcome] = []
    if jsonl:
        jobs = [Job(i, source, None, rel.as_posix()) for i, (source, rel) in enumerate(inputs)]
        jobs += [Job(len(inputs) + i, url, None, url) for i, url in enumerate(urls)]
    else:
        from reader.export import FORMATS

        extension = FORMATS[args.format].extension
        planned = plan_outputs(inputs, out, extension) + plan_url_outputs(urls, out, extension, len(inputs))
        jobs, refused = _claim_outputs(planned, out, args.force)
    outcomes = _run_jobs(jobs, args.format, args.max_size, args.force, args.jobs, knowledge) if jobs else []
    outcomes = sorted([*outcomes, *refused], key=lambda o: o.index)
    if jsonl:
        from reader.output import write_atomic

        write_atomic(out, (o.line + "\n" for o in outcomes if o.line is not None), force=args.force)

    from reader.safe_text import neutralize_line

    for note in skipped:
        print(f"reader: {neutralize_line(note)}", file=sys.stderr)
    failures = [f"{raw}: no such file or folder" for raw in missing]
    failures += [o.message for o in outcomes if o.status == "failed"]
    for failure in failures:
        print(f"reader: {neutralize_line(failure)}", file=sys.stderr)
    print(summarize(outcomes, time.monotonic() - started, missing=len(missing), unreadable=len(skipped)))
    return int(ExitCode.FAILURE if failures else ExitCode.OK)
