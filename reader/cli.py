"""The ``reader`` command line.

``reader [PATH]`` opens the app; ``reader analyze``, ``reader batch`` and
``reader evaluate`` work without it and never import textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.errors import ExitCode, ReaderError
from reader.load import DEFAULT_MAX_SIZE

SUBCOMMANDS = ("analyze", "batch", "evaluate")


def _size(value: str) -> int:
    """Parse a size such as ``20MB``, ``512k`` or ``1000000``."""
    units = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}
    raw = value.strip().upper()
    number = raw.rstrip("KMGB")
    suffix = raw[len(number) :]
    try:
        size = int(float(number) * units[suffix])
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20MB)") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "Read a news article and see, sentence by sentence, where each claim comes from. "
            "Without PATH, opens the bundled sample article."
        ),
        epilog=(
            "commands (run 'reader COMMAND --help'):\n"
            "  analyze   write the analysis of one article as JSON or Markdown\n"
            "  batch     analyse many articles into a folder or a JSON Lines file\n"
            "  evaluate  score the analyser against a PolNeAR-format corpus"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="article file (text, Markdown, HTML), or - for stdin")
    parser.add_argument("--max-size", type=_size, default=DEFAULT_MAX_SIZE, help="largest input accepted (default 20MB)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader analyze", description="Analyse one article.")
    parser.add_argument("path", metavar="PATH", help="article file, or - for stdin")
    parser.add_argument("--format", choices=("json", "markdown"), default="json")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout (atomically)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--max-size", type=_size, default=DEFAULT_MAX_SIZE, help="largest input accepted (default 20MB)")
    return parser


def render(doc: object, fmt: str) -> str:
    """Render a Document in ``fmt`` (json or markdown)."""
    if fmt == "markdown":
        from reader.export.markdown import to_markdown

        return to_markdown(doc)  # type: ignore[arg-type]
    from reader.export.json import to_json

    return to_json(doc)  # type: ignore[arg-type]


def analyze_article(path: str, *, max_size: int = DEFAULT_MAX_SIZE):  # noqa: ANN201 - Document
    """Load and analyse one article; raises ReaderError on bad input."""
    from reader.core.analyze import analyze
    from reader.load import load_article

    article = load_article(path, max_size=max_size)
    return analyze(article.text, title=article.title, byline=article.byline, published=article.published)


def _run_analyze(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    if args.output and args.path != "-" and Path(args.output).resolve() == Path(args.path).resolve():
        raise ReaderError(f"{args.output}: output would overwrite the input", ExitCode.OUTPUT_EXISTS)
    if args.output and Path(args.output).exists() and not args.force:
        # Fail before doing the work, and leave the file alone.
        raise ReaderError(f"{args.output}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    doc = analyze_article(args.path, max_size=args.max_size)
    out = render(doc, args.format)
    if args.output:
        from reader.output import write_atomic

        write_atomic(args.output, out, force=args.force)
    else:
        from reader.safe_text import write_stdout

        write_stdout(out)
    return ExitCode.OK


def _run_batch(argv: Sequence[str]) -> int:
    from reader.batch import run_batch

    return run_batch(argv)


def _run_evaluate(argv: Sequence[str]) -> int:
    from reader.evaluate.cli import run_evaluate

    return run_evaluate(argv)


def _run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    if not sys.stdout.isatty():
        # Nothing to draw on (a pipe, a file): print the Markdown summary, as less or bat print plain text.
        from reader.tui.sample import default_sample

        path = args.path if args.path is not None else str(default_sample())
        doc = analyze_article(path, max_size=args.max_size)
        from reader.export.markdown import Provenance, to_markdown
        from reader.safe_text import write_stdout

        write_stdout(to_markdown(doc, provenance=Provenance(source=None if path == "-" else path)))
        return ExitCode.OK
    from reader.tui.app import run_app

    return run_app(args.path, max_size=args.max_size)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": _run_analyze, "batch": _run_batch, "evaluate": _run_evaluate}
    try:
        if argv and argv[0] in commands:
            return int(commands[argv[0]](argv[1:]))
        return int(_run_app(argv))
    except ReaderError as exc:
        from reader.safe_text import neutralize_line

        print(f"reader: {neutralize_line(str(exc))}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # A closed pipe (reader analyze x | head) is not an error worth a traceback.
        sys.stderr.close()
        return int(ExitCode.OK)
