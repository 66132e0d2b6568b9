"""The per-user config file: defaults for the app's theme, the output format and the size limit.

A TOML file of top-level settings (``SETTINGS``), in the user's config folder
(``platformdirs``: ``~/.config/reader/config.toml`` on Linux)::

    theme = "nord"        # the app's theme, as --theme takes it
    format = "markdown"   # --format of reader analyze and reader batch
    max_size = "50MB"     # --max-size of every command (a size, or a number of bytes)

Options typed on the command line win over the file. ``READER_CONFIG=FILE`` reads another
file; ``--no-config`` (any command) or ``READER_NO_CONFIG=1`` reads none, so a run can be
reproduced whatever the user's file says. The file is checked when it is read: any problem is
one ``ReaderError`` line naming the file and the line (``config.toml:3: format: 'pdf' is not
one of json, markdown``). The command line reads it once (``cli.main``: ``activate``); every
parser of ``reader.options.ArgumentParser`` then takes its defaults from ``defaults_for``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reader.errors import ExitCode, ReaderError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_FILE = "READER_CONFIG"
ENV_OFF = "READER_NO_CONFIG"
NO_CONFIG_FLAG = "--no-config"
APP_NAME = "reader"  # the folder of the sources file (reader.corrections.sources_file) too
_MAX_FILE = 64 * 1024  # bytes: a settings file, not a document


class Setting(NamedTuple):
    """One setting of the file: the option it gives a default to, in which commands, and its check.

    ``commands`` are parser ``prog`` names ("reader analyze"); None means every command that
    has the option. ``check`` returns the value to use or raises ``ValueError`` saying why not.
    """

    key: str
    dest: str
    commands: tuple[str, ...] | None
    check: Callable[[object], object]
    help: str


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", dict: "a table", list: "an array"}
    return names.get(type(value), "a date or time")


def _check_theme(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a theme name in quotes, not {_kind(value)}")
    return value.strip()


def _check_format(value: object) -> str:
    from reader.export import FORMATS

    if not isinstance(value, str) or value not in FORMATS:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        raise ValueError(f"{shown} is not one of {', '.join(FORMATS)}")
    return value


def _check_size(value: object) -> int:
    import argparse

    from reader.options import parse_size

    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f'must be a size such as "50MB" or a number of bytes, not {_kind(value)}')
    try:
        return parse_size(str(value))
    except argparse.ArgumentTypeError as exc:
        raise ValueError(str(exc)) from None


SETTINGS: tuple[Setting, ...] = (
    Setting("theme", "theme", ("reader", "reader sample"), _check_theme, "the app's theme (reader --theme)"),
    Setting(
        "format",
        "format",
        ("reader analyze", "reader batch"),
        _check_format,
        "--format of reader analyze and reader batch",
    ),
    Setting("max_size", "max_size", None, _check_size, "--max-size of every command"),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}
# Textual's built-in themes (textual 8.2), known without importing textual; a name not here is
# looked up in the installed textual (tests check this list against it).
THEMES = (
    "ansi-dark",
    "ansi-light",
    "atom-one-dark",
    "atom-one-light",
    "catppuccin-frappe",
    "catppuccin-latte",
    "catppuccin-macchiato",
    "catppuccin-mocha",
    "dracula",
    "flexoki",
    "gruvbox",
    "monokai",
    "nord",
    "rose-pine",
    "rose-pine-dawn",
    "rose-pine-moon",
    "solarized-dark",
    "solarized-light",
    "textual-dark",
    "textual-light",
    "tokyo-night",
)


def theme_known(name: str) -> bool:
    """Whether ``name`` is a theme of the installed Textual (imported only for a name not in ``THEMES``)."""
    if name in THEMES:
        return True
    from textual.theme import BUILTIN_THEMES

    return name in BUILTIN_THEMES


@dataclass(frozen=True)
class Config:
    """The settings read from a file (none: the built-in defaults), and where each was found."""

    values: Mapping[str, object] = field(default_factory=dict)
    path: Path | None = None
    lines: Mapping[str, int] = field(default_factory=dict)

    def where(self, key: str) -> str:
        """``FILE:LINE`` of ``key``, for a message about its value."""
        return f"{self.path}:{self.lines.get(key, 1)}"


_active = Config()


def default_path() -> Path:
    """The user's config file, whether or not it exists."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def _line_of(source: str, key: str) -> int:
    """The line where ``key`` is set (or opens a table), 1 if it cannot be found."""
    name = re.escape(key)
    pattern = re.compile(rf"""^[ \t]*(?:\[+[ \t]*)?(?:{name}|"{name}"|'{name}')[ \t]*(?:=|\])""", re.MULTILINE)
    match = pattern.search(source)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def _syntax_error(path: Path, exc: ValueError) -> ReaderError:
    message = str(exc)
    line = re.search(r"\(at line (\d+), column \d+\)", message)
    message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
    where = f"{path}:{line.group(1)}" if line else str(path)
    return ReaderError(f"{where}: not valid TOML: {message} (fix it, or run with {NO_CONFIG_FLAG})", ExitCode.USAGE)


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_FILE + 1)
    except IsADirectoryError:
        raise ReaderError(f"{path}: the config file is a folder", ExitCode.NOT_FOUND) from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read the config file ({exc.strerror or exc})", ExitCode.UNREADABLE) from None
    if len(data) > _MAX_FILE:
        raise ReaderError(f"{path}: larger than a config file can be (64 KB)", ExitCode.USAGE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReaderError(f"{path}:{line}: not UTF-8 text (TOML files are)", ExitCode.USAGE) from None


def parse_config(source: str, path: Path) -> Config:
    """Check ``source`` (the text of the file at ``path``) and return its settings."""
    try:
        document = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, exc) from None
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key, value in document.items():
        line = _line_of(source, key)
        setting = _BY_KEY.get(key)
        if setting is None:
            known = ", ".join(sorted(_BY_KEY))
            raise ReaderError(f"{path}:{line}: unknown setting {key!r} (settings: {known})", ExitCode.USAGE)
        try:
            values[key] = setting.check(value)
        except ValueError as exc:
            raise ReaderError(f"{path}:{line}: {key}: {exc}", ExitCode.USAGE) from None
        lines[key] = line
    return Config(values, path, lines)


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """The config the environment asks for: ``READER_NO_CONFIG`` none, ``READER_CONFIG`` that
    file (which must exist), else the user's file if there is one."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_OFF, "") not in ("", "0"):
        return Config()
    explicit = environ.get(ENV_FILE, "")
    path = Path(explicit) if explicit else default_path()
    if not path.exists() and not path.is_symlink():
        if explicit:
            raise ReaderError(f"{path}: no such config file (from {ENV_FILE})", ExitCode.NOT_FOUND)
        return Config()
    return parse_config(_read(path), path)


def split_no_config(argv: list[str]) -> tuple[list[str], bool]:
    """``argv`` without ``--no-config`` (before a ``--``), and whether it was there."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept = [arg for arg in argv[:end] if arg != NO_CONFIG_FLAG] + argv[end:]
    return kept, len(kept) != len(argv)


def activate(config: Config) -> None:
    """Use ``config`` for the defaults of the parsers made from now on in this process."""
    global _active
    _active = config


def active() -> Config:
    """The config in use (built-in defaults unless ``activate`` was called)."""
    return _active


def defaults_for(command: str, dests: set[str]) -> dict[str, object]:
    """The defaults the active config gives the parser of ``command`` (its ``prog``), which has
    options with these ``dests``."""
    defaults: dict[str, object] = {}
    for key, value in _active.values.items():
        setting = _BY_KEY[key]
        if setting.dest in dests and (setting.commands is None or command in setting.commands):
            defaults[setting.dest] = value
    return defaults
