"""``reader [PATH]``: load the article, start its analysis, then open the app.

This module imports no textual until the app starts: ``run_app`` first loads the article and
starts the analysis child (``AnalysisJob``), whose interpreter starts while textual is imported;
it is handed the article once the app has drawn its first frame, so that nltk's import and the
analysis do not compete with the app's start-up for the CPUs. The app itself is
``reader.tui.reader_app.ReaderApp`` (also importable from here).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ExitCode, ReaderError
from reader.load import DEFAULT_MAX_SIZE
from reader.tui.sample import default_sample
from reader.tui.terminal import LOST_TERMINAL, terminal_alive

if TYPE_CHECKING:
    from reader.tui.reader_app import ReaderApp

__all__ = ["LOST_TERMINAL", "ReaderApp", "default_sample", "run_app", "terminal_alive"]


def __getattr__(name: str) -> object:
    if name == "ReaderApp":
        from reader.tui.reader_app import ReaderApp

        return ReaderApp
    raise AttributeError(f"module 'reader.tui.app' has no attribute {name!r}")


def _reattach_terminal(path: str) -> None:
    """Standard input is no terminal (the article came from a pipe, or ``</dev/null``): read keys from
    the terminal instead, or stop with one line if there is none."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReaderError(
            f"{path}: the app needs a terminal to read keys from (try 'reader analyze {path}')", ExitCode.USAGE
        ) from None
    os.dup2(tty, 0)  # standard input (sys.__stdin__ may be None when fd 0 was closed)
    os.close(tty)


def run_app(
    path: str | None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    known_sources: Mapping[str, str] | None = None,
    sources_files: Sequence[str | Path] = (),
    user_sources: bool = True,
) -> int:
    """Load ``path`` (None: the bundled sample; ``-``: stdin) and run the app until it quits.

    ``known_sources``: the sources mapping (from the user's file unless ``user_sources`` is False, and
    ``sources_files``), which the analyses read first."""
    from reader.load import load_article

    export_dir = None
    if path is None:
        path = str(default_sample())
        export_dir = Path.cwd()  # never write into the installed package
    article = load_article(path, max_size=max_size)
    if not os.isatty(0):
        _reattach_terminal(path)
    from reader.tui.analysis_worker import AnalysisJob

    # The child starts now, while textual is imported; it gets the article after the app's first frame.
    job = AnalysisJob(article, known_sources, held=True)
    try:
        from reader.tui.reader_app import ReaderApp

        app = ReaderApp(
            article=article,
            job=job,
            export_dir=export_dir,
            known_sources=known_sources,
            sources_files=sources_files,
            user_sources=user_sources,
        )
        app.run()
    finally:
        job.cancel()
    if app.return_code == ExitCode.INTERRUPTED:
        raise KeyboardInterrupt  # Ctrl-C in the app: reported as anywhere else ("reader: interrupted", 130)
    return int(app.return_code or 0)
