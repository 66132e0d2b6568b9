"""Command-line pieces shared by ``reader``, ``reader analyze``, ``reader batch`` and ``reader evaluate``."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import Any, NoReturn

from reader.errors import ExitCode, ReaderError
from reader.load import DEFAULT_MAX_SIZE

_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with usage errors as one ``ReaderError`` line instead of a usage block.

    The message can quote what was typed (a file name with escape sequences in it);
    the command line neutralises it before it reaches the terminal.
    """

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("reader").strip()
        where = f"{command}: " if command else ""
        raise ReaderError(f"{where}{message} (see '{self.prog} --help')", ExitCode.USAGE)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        """Parse with the user's config file's defaults (``reader.config``): options typed win."""
        from reader.config import defaults_for

        self.set_defaults(**defaults_for(self.prog, {action.dest for action in self._actions}))
        return super().parse_known_args(*args, **kwargs)


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number of at least ``minimum`` (``--jobs``, ``--top``)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return number

    return parse


def parse_size(value: str) -> int:
    """Parse a size such as ``20MB``, ``512k`` or ``1000000``."""
    raw = value.strip().upper()
    number = raw.rstrip("KMGB")
    suffix = raw[len(number) :]
    try:
        amount = float(number) * _UNITS[suffix]
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20MB)") from None
    if not math.isfinite(amount) or amount >= 2**63:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20MB)")
    size = int(amount)
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """The ``--max-size`` option: the largest input accepted."""
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="largest input accepted, such as 500KB or 50MB (default 20MB)",
    )


def add_config_switch(parser: argparse.ArgumentParser) -> None:
    """``--no-config`` in ``--help``: ``cli.main`` takes it out of any command's arguments."""
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="ignore the config file (so does READER_NO_CONFIG=1; READER_CONFIG=FILE reads another)",
    )


def add_theme(parser: argparse.ArgumentParser) -> None:
    """The app's ``--theme`` option (a Textual theme; the config file's ``theme`` is its default)."""
    parser.add_argument("--theme", metavar="NAME", help="the app's colour theme, such as nord or textual-light")


def add_corrections_options(parser: argparse.ArgumentParser, *, corrections: bool = True) -> None:
    """``--sources FILE`` (repeatable), ``--no-user-sources`` and, with ``corrections``, ``--no-corrections``."""
    group = parser.add_argument_group('sources and corrections (see the README, "Corrections")')
    group.add_argument(
        "--sources",
        action="append",
        default=[],
        metavar="FILE",
        help="a sources file (TOML: names and aliases with their type), read after your own; repeatable",
    )
    group.add_argument(
        "--no-user-sources",
        action="store_true",
        help="leave out your own sources file (with --sources: only those files, for a reproducible run)",
    )
    if corrections:
        group.add_argument(
            "--no-corrections",
            action="store_true",
            help="ignore the article's corrections file (NAME.reader.json): the analysis as it comes",
        )


def known_sources_from(args: argparse.Namespace) -> dict[str, str]:
    """The sources mapping that ``--sources`` and ``--no-user-sources`` ask for; ``ReaderError`` (one line) if a
    file cannot be used."""
    from reader.corrections.sources_file import known_sources

    return known_sources(args.sources, user=not args.no_user_sources)
