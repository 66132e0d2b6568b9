"""The ``reader`` command line.

``reader [PATH]`` opens the app; ``reader analyze``, ``reader batch`` and
``reader evaluate`` work without it and never import textual.
"""

from __future__ import annotations

import argparse
import difflib
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.errors import ExitCode, ReaderError
from reader.options import (
    ArgumentParser,
    add_config_switch,
    add_corrections_options,
    add_max_size,
    add_theme,
    known_sources_from,
)

if TYPE_CHECKING:
    from reader.core.model import Document
    from reader.corrections import Corrected
    from reader.load import LoadedArticle

COMMANDS_HELP = (
    "commands (run 'reader COMMAND --help'):\n"
    "  analyze   write the analysis of one article as JSON or Markdown\n"
    "  sample    open a bundled sample article: reader sample kursk (or reader :kursk)\n"
    "  batch     analyse many articles into a folder or a JSON Lines file\n"
    "  evaluate  score the analyser against a PolNeAR-format or sentence-labelled corpus\n"
    "  report    corpus figures of a batch output, traced to articles and sentences"
)


def exit_codes_help() -> str:
    """The exit codes, as ``--help`` lists them (the README has the same table)."""
    meanings = {
        ExitCode.OK: "done",
        ExitCode.FAILURE: "some files of a batch failed",
        ExitCode.USAGE: "wrong arguments",
        ExitCode.NOT_FOUND: "missing path, or a folder where a file was expected",
        ExitCode.NO_TEXT: "empty, or no article text found",
        ExitCode.NOT_TEXT: "binary data, an image, a PDF, an archive",
        ExitCode.TOO_LARGE: "over the size limit (--max-size)",
        ExitCode.OUTPUT_EXISTS: "refusing to overwrite without --force",
        ExitCode.OUTPUT_FAILED: "the output could not be written",
        ExitCode.UNREADABLE: "the path exists but cannot be read",
        ExitCode.HOST_NOT_FOUND: "a URL's host was not found",
        ExitCode.CONNECTION_FAILED: "a URL's server refused or broke the connection",
        ExitCode.TIMEOUT: "a URL's server did not answer in time",
        ExitCode.HTTP_ERROR: "a URL answered with an HTTP error (404, 500, ...)",
        ExitCode.INTERRUPTED: "stopped with Ctrl-C",
    }
    return "exit codes:\n" + "\n".join(f"  {int(code):>3}  {text}" for code, text in meanings.items())


def _app_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="reader",
        description=(
            "Read a news article and see, sentence by sentence, where each claim comes from. "
            "Without PATH, opens the bundled sample article."
        ),
        epilog=f"{COMMANDS_HELP}\n\n{exit_codes_help()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="article file (text, Markdown, HTML), an http(s) URL, - for stdin, or :NAME for a bundled sample",
    )
    parser.add_argument("--samples", action="store_true", help="list the bundled sample articles and exit")
    add_max_size(parser)
    add_corrections_options(parser, corrections=False)
    add_theme(parser)
    add_config_switch(parser)
    parser.add_argument(
        "--print-completion",
        choices=SHELLS,
        metavar="SHELL",
        help=f"print the code that makes {' or '.join(SHELLS)} complete reader's commands, options and "
        'files, and exit: eval "$(reader --print-completion bash)" in ~/.bashrc',
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    from reader.export import DEFAULT_FORMAT, FORMATS

    parser = ArgumentParser(
        prog="reader analyze",
        description="Analyse one article; the analysis goes to stdout unless -o is given.",
        epilog=exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", help="article file, http(s) URL, - for stdin, or :NAME (a sample)")
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default=DEFAULT_FORMAT,
        help="json: the full analysis (schema reader.analysis/1, see the README); "
        "markdown: a summary with the tally, sources, numbers and the annotated text "
        "(default %(default)s)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of stdout (atomically; a symlink is written through)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    add_max_size(parser)
    add_corrections_options(parser)
    add_config_switch(parser)
    return parser


def _run_analyze(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    from reader.output import document_pieces, same_file

    if args.output and args.path != "-" and same_file(args.output, args.path):
        raise ReaderError(f"{args.output}: output would overwrite the input", ExitCode.OUTPUT_EXISTS)
    if args.output and os.path.lexists(args.output) and not args.force:
        # Fail before doing the work, and leave the file alone.
        raise ReaderError(f"{args.output}: already exists (use --force to overwrite)", ExitCode.OUTPUT_EXISTS)
    from reader.load import load_article

    known = known_sources_from(args)
    article = load_article(resolve_sample(args.path), max_size=args.max_size)
    _note_redirects(article.redirects)
    _note_loading(args.path, article.notes)
    source = None if args.path == "-" else args.path
    doc, corrected = analyse_corrected(article, known, corrections=not args.no_corrections)
    pieces = document_pieces(doc, args.format, source, corrected)
    if args.output:
        from reader.output import write_atomic

        write_atomic(args.output, pieces, force=args.force)
    else:
        from reader.safe_text import write_stdout

        write_stdout(pieces)
    return ExitCode.OK


def analyse_corrected(
    article: LoadedArticle, known: Mapping[str, str] | None, *, corrections: bool = True
) -> tuple[Document, Corrected | None]:
    """``reader.analysis.analyze_corrected``, with a note on stderr for corrections that no longer match."""
    from reader.analysis import analyze_corrected

    doc, corrected = analyze_corrected(article, known_sources=known, corrections=corrections)
    if corrected is not None:
        from reader.corrections import unanchored_note
        from reader.safe_text import neutralize_line

        note = unanchored_note(corrected)
        if note is not None:
            print(f"reader: {neutralize_line(note)}", file=sys.stderr)
    return doc, corrected


def _note_redirects(redirects: Sequence[str]) -> None:
    """Say on stderr which redirects were followed to read a URL."""
    from reader.safe_text import neutralize_line

    for hop in redirects:
        print(f"reader: redirected: {neutralize_line(hop)}", file=sys.stderr)


def _note_loading(path: str, notes: Sequence[str]) -> None:
    """Say on stderr what the loader noticed about the article (a page that may need a browser,
    dates that disagree): ``reader: warning: PATH: NOTE``, one line each."""
    from reader.load.loader import STDIN_LABEL
    from reader.safe_text import neutralize_line

    label = STDIN_LABEL if path == "-" else path
    for note in notes:
        print(f"reader: warning: {neutralize_line(label)}: {neutralize_line(note)}", file=sys.stderr)


def _run_batch(argv: Sequence[str]) -> int:
    from reader.batch import run_batch

    return run_batch(argv)


def _run_evaluate(argv: Sequence[str]) -> int:
    from reader.evaluate.cli import run_evaluate

    return run_evaluate(argv)


def _run_report(argv: Sequence[str]) -> int:
    from reader.corpus.report.cli import run_report

    return run_report(argv)


def resolve_sample(path: str) -> str:
    """``:NAME`` -> the bundled sample's file (unless a file is called that); other paths as given."""
    if not path.startswith(":") or os.path.lexists(path):
        return path
    from reader.samples import find_sample

    found = find_sample(path[1:])
    if found is None:
        raise ReaderError(f"{path}: no bundled sample of that name (reader --samples lists them)", ExitCode.NOT_FOUND)
    return str(found)


def list_samples() -> str:
    """One line per bundled sample: the name to open it by, and its first line."""
    from reader.load import load_article
    from reader.safe_text import neutralize_line
    from reader.samples import sample_paths

    lines = []
    for path in sample_paths():
        article = load_article(path)
        title = article.title or article.text.strip().split("\n", 1)[0]
        lines.append(f"  :{path.stem:<22} {neutralize_line(title)[:70]}")
    return "bundled sample articles (open one with reader :NAME or reader sample NAME):\n" + "\n".join(lines)


def _sample_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="reader sample", description="Open a bundled sample article in the app.")
    parser.add_argument("name", nargs="?", metavar="NAME", help="a sample's name or the start of it; none: list them")
    add_max_size(parser)
    add_corrections_options(parser, corrections=False)
    add_theme(parser)
    add_config_switch(parser)
    return parser


def _run_sample(argv: Sequence[str]) -> int:
    args = _sample_parser().parse_args(argv)
    if args.name is None:
        print(list_samples())
        return ExitCode.OK
    known = known_sources_from(args)
    _use_theme(args.theme)
    from reader.tui.app import run_app

    return run_app(
        resolve_sample(":" + args.name.lstrip(":")),
        max_size=args.max_size,
        known_sources=known,
        sources_files=tuple(args.sources),
        user_sources=not args.no_user_sources,
    )


def _run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    if args.print_completion:
        return _print_completion(args.print_completion)
    if args.samples:
        print(list_samples())
        return ExitCode.OK
    path = resolve_sample(args.path) if args.path else None
    known = known_sources_from(args)  # a bad sources file is one line before anything starts
    if not sys.stdout.isatty():
        return _print_summary(path, args.max_size, known)
    _use_theme(args.theme)
    from reader.tui.app import run_app

    return run_app(
        path,
        max_size=args.max_size,
        known_sources=known,
        sources_files=tuple(args.sources),
        user_sources=not args.no_user_sources,
    )


def _print_summary(path: str | None, max_size: int, known: Mapping[str, str] | None = None) -> int:
    """Nothing to draw on (a pipe, a file): print the Markdown summary, as less or bat print
    plain text when their output is no terminal."""
    from reader.export import render
    from reader.load import load_article
    from reader.safe_text import write_stdout
    from reader.tui.sample import default_sample

    path = path if path is not None else str(default_sample())
    article = load_article(path, max_size=max_size)
    _note_redirects(article.redirects)
    _note_loading(path, article.notes)
    doc, corrected = analyse_corrected(article, known)
    write_stdout(render(doc, "markdown", None if path == "-" else path, corrected))
    return ExitCode.OK


SHELLS = ("bash", "zsh", "fish")


def _use_config(argv: list[str]) -> list[str]:
    """Read the user's config file for the parsers' defaults (``reader.config``), unless
    ``--no-config`` (any command, taken out of ``argv``) or ``READER_NO_CONFIG`` says not to."""
    from reader.config import Config, activate, load_config, split_no_config

    argv, off = split_no_config(argv)
    activate(Config() if off else load_config())
    return argv


def _use_theme(theme: str | None) -> None:
    """Have the app start in ``theme`` (from --theme or the config file); Textual reads
    ``TEXTUAL_THEME`` when it is imported, which is after this."""
    if theme is None:
        return
    from reader.config import THEMES, active, theme_known

    os.environ["TEXTUAL_THEME"] = theme
    if not theme_known(theme):
        config = active()
        where = f"{config.where('theme')}: theme" if config.values.get("theme") == theme else "--theme"
        raise ReaderError(f"{where}: no theme {theme!r} (themes: {', '.join(THEMES)})", ExitCode.USAGE)


def _print_completion(shell: str) -> int:
    """The shell code that asks ``reader`` for completions (argcomplete's, for this command)."""
    import argcomplete

    print(argcomplete.shellcode(["reader"], shell=shell), end="")
    return ExitCode.OK


def _completion_parsers() -> dict[str, Callable[[], argparse.ArgumentParser]]:
    """Each command's own parser, for completion: what it completes is what it accepts."""
    from reader.batch import _parser as batch_parser
    from reader.corpus.report.cli import _parser as report_parser
    from reader.evaluate.cli import _parser as evaluate_parser

    return {
        "analyze": _analyze_parser,
        "batch": batch_parser,
        "evaluate": evaluate_parser,
        "report": report_parser,
        "sample": _sample_parser,
    }


def _complete_with(parser: argparse.ArgumentParser, dest: str, completer: Callable[..., list[str]]) -> None:
    for action in parser._actions:
        if action.dest == dest:
            action.completer = completer  # type: ignore[attr-defined]  # argcomplete reads this attribute


def _paths(prefix: str, commands: bool = False) -> list[str]:
    """Files, ``:NAME`` samples and (first word) command names that start with ``prefix``."""
    if prefix.startswith(":"):
        from reader.samples import sample_paths

        return [f":{path.stem}" for path in sample_paths() if f":{path.stem}".startswith(prefix)]
    from argcomplete.completers import FilesCompleter

    names = [name for name in COMMANDS if name.startswith(prefix)] if commands else []
    return names + list(FilesCompleter()(prefix))


def _complete() -> None:
    """Answer the shell's completion request (argcomplete's protocol) for the command being typed.

    The commands have parsers of their own (``reader analyze ...`` is not an argparse subcommand),
    so the command word is taken out of the line and the rest completed with its parser.
    """
    try:
        import argcomplete
    except ImportError:  # pragma: no cover - a dependency; without it, no completions
        os._exit(1)
    line = os.environ.get("COMP_LINE", "")
    point_text = os.environ.get("COMP_POINT", "")
    point = int(point_text) if point_text.isdigit() else len(line)
    words = line[:point].split()
    typed_command = len(words) >= 2 and words[1] in COMMANDS and (len(words) > 2 or line[:point][-1:].isspace())
    if typed_command:
        command = words[1]
        parser = _completion_parsers()[command]()
        start = line.index(command, line.index(words[0]) + len(words[0]))
        os.environ["COMP_LINE"] = line[:start] + line[start + len(command) :]
        os.environ["COMP_POINT"] = str(point - len(command))
        if command == "analyze":
            _complete_with(parser, "path", lambda prefix, **_: _paths(prefix))
        elif command == "sample":
            _complete_with(parser, "name", lambda prefix, **_: [p[1:] for p in _paths(":" + prefix)])
    else:
        parser = _app_parser()
        _complete_with(parser, "path", lambda prefix, **_: _paths(prefix, commands=True))
    from reader.config import THEMES

    _complete_with(parser, "theme", lambda prefix, **_: [name for name in THEMES if name.startswith(prefix)])
    argcomplete.autocomplete(parser, always_complete_options=False)
    os._exit(1)  # autocomplete exits itself; reaching here means no completion was asked


COMMANDS = {
    "analyze": _run_analyze,
    "batch": _run_batch,
    "evaluate": _run_evaluate,
    "report": _run_report,
    "sample": _run_sample,
}
# Spellings people type for a command, besides near misses of its name.
_ALIASES = {
    "analyse": "analyze",
    "analysis": "analyze",
    "eval": "evaluate",
    "score": "evaluate",
    "samples": "sample",
}


def _near_command(word: str) -> str | None:
    """The command ``word`` is probably a misspelling of, unless it names a file."""
    if not word or word.startswith("-") or os.path.lexists(word):
        return None
    if word.lower() in _ALIASES:
        return _ALIASES[word.lower()]
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.75)
    return close[0] if close else None


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        return int(COMMANDS[argv[0]](argv[1:]))
    guess = _near_command(argv[0]) if argv else None
    if guess is not None:
        raise ReaderError(f"{argv[0]}: no such command or file; did you mean 'reader {guess}'?", ExitCode.USAGE)
    return int(_run_app(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` console script."""
    if argv is None and "_ARGCOMPLETE" in os.environ:
        _complete()  # the shell asks for completions: answer and exit
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        argv = _use_config(argv)
        return _dispatch(argv)
    except ReaderError as exc:
        from reader.safe_text import neutralize_line

        print(f"reader: {neutralize_line(str(exc))}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        # an impatient second Ctrl-C while leaving must not turn exit status 130 into death by signal
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("reader: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # A closed pipe (reader analyze x | head) is not an error worth a traceback.
        from reader.safe_text import silence_stdout

        silence_stdout()
        return int(ExitCode.OK)
