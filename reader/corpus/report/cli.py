"""``reader report OUT``: the corpus report of a batch output, in the terminal or as a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.errors import ExitCode, ReaderError
from reader.options import whole_number

FORMATS = ("terminal", "markdown", "html")
TERMINAL_TRACE_LIMIT = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader report",
        description=(
            "Figures of a batch output (a JSON folder, a JSON Lines file or Parquet datasets), for the "
            "corpus and per folder or site: sentences by class, the most cited sources, anonymous "
            "sources, numeric claims with no named source. Every figure is traced to its articles and sentences."
        ),
    )
    parser.add_argument("output", metavar="OUT", help="what reader batch wrote: a folder or a .jsonl file")
    parser.add_argument("--format", choices=FORMATS, default="terminal")
    parser.add_argument("-o", "--output-file", metavar="FILE", help="write the report here (markdown, html)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--top", type=whole_number(0), default=10, metavar="N", help="most cited sources listed (default 10)"
    )
    parser.add_argument(
        "--trace-limit",
        type=whole_number(0),
        metavar="N",
        help=f"articles listed per figure in the traces, 0 for all (default: {TERMINAL_TRACE_LIMIT} "
        "in the terminal, all in a file)",
    )
    return parser


def run_report(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    if args.output_file and args.format == "terminal":
        raise ReaderError("-o needs --format markdown or html", ExitCode.USAGE)
    target = Path(args.output_file) if args.output_file else None
    if target is not None and target.exists() and not args.force:
        raise ReaderError(f"{target}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    from reader.corpus.report.figures import build_report
    from reader.corpus.report.read import open_output

    kind, articles = open_output(Path(args.output))
    report = build_report(args.output, kind, articles, top=args.top)
    if args.format == "terminal":
        from rich.console import Console

        from reader.corpus.report.terminal import render_terminal

        limit = TERMINAL_TRACE_LIMIT if args.trace_limit is None else args.trace_limit
        render_terminal(report, Console(highlight=False), limit)
        return int(ExitCode.OK)
    limit = 0 if args.trace_limit is None else args.trace_limit
    if args.format == "markdown":
        from reader.corpus.report.markdown import render_markdown

        text = render_markdown(report, limit)
    else:
        from reader.corpus.report.html import render_html

        text = render_html(report, limit)
    if target is None:
        from reader.safe_text import write_stdout

        write_stdout(text)
    else:
        from reader.output import write_atomic

        write_atomic(target, text, force=args.force)
        print(f"report written to {target}", file=sys.stderr)
    return int(ExitCode.OK)
