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
from reader.options import add_max_size


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
            "  evaluate  score the analyser against a PolNeAR-format corpus\n"
            "  report    corpus figures of a batch output, traced to articles and sentences"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="article file (text, Markdown, HTML), or - for stdin")
    add_max_size(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    from reader.export import DEFAULT_FORMAT, FORMATS

    parser = argparse.ArgumentParser(prog="reader analyze", description="Analyse one article.")
    parser.add_argument("path", metavar="PATH", help="article file, or - for stdin")
    parser.add_argument("--format", choices=tuple(FORMATS), default=DEFAULT_FORMAT)
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout (atomically)")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    add_max_size(parser)
    return parser


def _run_analyze(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    if args.output and args.path != "-" and Path(args.output).resolve() == Path(args.path).resolve():
        raise ReaderError(f"{args.output}: output would overwrite the input", ExitCode.OUTPUT_EXISTS)
    if args.output and Path(args.output).exists() and not args.force:
        # Fail before doing the work, and leave the file alone.
        raise ReaderError(f"{args.output}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    from reader.analysis import analyze_path
    from reader.export import render

    out = render(analyze_path(args.path, max_size=args.max_size), args.format)
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


def _run_report(argv: Sequence[str]) -> int:
    from reader.corpus.report.cli import run_report

    return run_report(argv)


def _run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    from reader.tui.app import run_app

    return run_app(args.path, max_size=args.max_size)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": _run_analyze, "batch": _run_batch, "evaluate": _run_evaluate, "report": _run_report}
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
