"""The sources file: names and aliases of sources with the type the user knows them to be.

Plain TOML that people edit by hand, or that the app appends to when a retyped source is
remembered ("remember for all articles")::

    [[source]]
    name = "Valery Gerasimov"
    aliases = ["Gerasimov", "Russian chief of staff"]
    type = "expert"          # official | media | anonymous | expert | other

The user's own file is ``sources.toml`` in the platform's config folder
(``platformdirs.user_config_path("reader")``; ``~/.config/reader/sources.toml`` on Linux).
``reader analyze``, ``batch`` and the app read it, and any ``--sources FILE`` after it (a
later file wins for a name given twice, and in one file a later entry); ``--no-user-sources``
leaves the user's own file out, so a run with a shared file is the same on every machine.

A file is checked whole on loading: a TOML syntax error, an unknown key, a missing name or
type, a type that is none of the five: each is one line naming the file and the line.
The analysis gets the mapping only (``analyze(..., known_sources=...)``): the core reads no file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.model import SourceType
from reader.errors import ExitCode, ReaderError

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as the tomli package (a dependency on 3.10 only)
    import tomli as tomllib

FILE_NAME = "sources.toml"
KEYS = ("name", "aliases", "type")
TYPES = tuple(t.value for t in SourceType)
MAX_SIZE = 8 * 1024 * 1024
HEADER = (
    "# reader's sources file: who a source is, for every article reader analyses.\n"
    "# type is one of: official, media, anonymous, expert, other.\n"
    '# See reader\'s README, "Corrections and the sources file".\n'
)
_TABLE = re.compile(r"^\s*\[\[\s*source\s*\]\]")
_ANY_TABLE = re.compile(r"^\s*\[")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


class SourcesFileError(ReaderError):
    """A sources file that cannot be used: ``FILE:LINE: what``."""

    def __init__(self, path: Path | str, what: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {what}", ExitCode.USAGE)
        self.line = line


@dataclass(frozen=True, slots=True)
class KnownSource:
    """One entry: a name, its aliases and its type, at a line of its file."""

    name: str
    aliases: tuple[str, ...]
    type: SourceType
    line: int


def user_sources_path() -> Path:
    """The user's own sources file (it need not exist)."""
    from platformdirs import user_config_path

    return user_config_path("reader", appauthor=False) / FILE_NAME


def _key_lines(lines: list[str]) -> list[tuple[int, dict[str, int]]]:
    """Per ``[[source]]`` table, in order: its header's line and the line of each of its keys (1-based)."""
    tables: list[tuple[int, dict[str, int]]] = []
    current: dict[str, int] | None = None
    for number, line in enumerate(lines, 1):
        if _TABLE.match(line):
            current = {}
            tables.append((number, current))
        elif _ANY_TABLE.match(line):
            current = None
        elif current is not None and (key := re.match(r"\s*([\w\"'-]+)\s*=", line)):
            current.setdefault(key.group(1).strip("\"'"), number)
    return tables


def _top_key_line(lines: list[str], key: str) -> int | None:
    """The line that makes ``key`` at the top level: ``key = ...`` before any table, or a ``[key]``,
    ``[[key]]`` or ``[key.sub]`` table header."""
    name = rf"[\"']?{re.escape(key)}[\"']?"
    in_table = False
    for number, line in enumerate(lines, 1):
        if re.match(rf"\s*\[\[?\s*{name}\s*[\].]", line):
            return number
        if _ANY_TABLE.match(line):
            in_table = True
        elif not in_table and re.match(rf"\s*{name}\s*=", line):
            return number
    return None


def parse_sources(text: str, path: Path | str = FILE_NAME) -> list[KnownSource]:
    """The entries of a sources file's ``text``; ``SourcesFileError`` at the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position and position.group(1) else text.count("\n") + 1
        what = _TOML_POSITION.sub("", message)
        raise SourcesFileError(path, f"not valid TOML: {what[:1].lower()}{what[1:]}", line) from None
    lines = text.split("\n")  # TOML's lines: other line separators (U+2028, U+0085) may sit in strings
    for key in data:
        if key != "source":
            raise SourcesFileError(path, f"unknown key {key!r} (expected [[source]] tables)", _top_key_line(lines, key))
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourcesFileError(path, "'source' must be [[source]] tables", _top_key_line(lines, "source"))
    positions = _key_lines(lines)
    return [
        _entry(path, table, positions[i] if i < len(positions) else (None, {}), i) for i, table in enumerate(tables)
    ]


def _entry(path: Path | str, table: Any, position: tuple[int | None, dict[str, int]], index: int) -> KnownSource:
    header, keys = position
    where = f"source #{index + 1}"

    def fail(what: str, key: str | None = None) -> SourcesFileError:
        return SourcesFileError(path, f"{where}: {what}", keys.get(key, header) if key else header)

    if not isinstance(table, dict):
        raise fail("not a table")
    for key in table:
        if key not in KEYS:
            raise fail(f"unknown key {key!r} (expected {', '.join(KEYS)})", key)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("needs a name (a non-empty string)", "name" if "name" in table else None)
    where = f"source {name.strip()!r}"
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("aliases must be a list of non-empty strings", "aliases")
    kind = table.get("type")
    if kind is None:
        raise fail(f"needs a type ({' | '.join(TYPES)})")
    if kind not in TYPES:
        raise fail(f"type {kind!r} is not one of {', '.join(TYPES)}", "type")
    line = header or 0
    return KnownSource(" ".join(name.split()), tuple(" ".join(a.split()) for a in aliases), SourceType(kind), line)


def load_sources_file(path: Path | str) -> list[KnownSource]:
    """The entries of the sources file at ``path``; ``SourcesFileError`` (one line) when it cannot be used."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SIZE:
            raise SourcesFileError(path, "too large for a sources file")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such sources file", ExitCode.NOT_FOUND) from None
    except IsADirectoryError:
        raise ReaderError(f"{path}: is a folder, not a sources file", ExitCode.NOT_FOUND) from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot be read ({exc.strerror or exc})", ExitCode.UNREADABLE) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourcesFileError(path, "not UTF-8 text", raw[: exc.start].count(b"\n") + 1) from None
    return parse_sources(text.removeprefix("\ufeff"), path)


def mapping(entries: Iterable[KnownSource]) -> dict[str, str]:
    """Names and aliases to type values, as ``analyze(known_sources=...)`` takes them; later entries win."""
    known: dict[str, str] = {}
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            known.pop(name, None)  # a later entry's name goes last, as it would be read
            known[name] = entry.type.value
    return known


def known_sources(files: Sequence[str | Path] = (), *, user: bool = True) -> dict[str, str]:
    """The mapping the analysis reads: the user's own file (unless ``user`` is False, or it does not
    exist), then each of ``files`` in order; ``ReaderError`` (one line) for a file that cannot be used."""
    entries: list[KnownSource] = []
    own = user_sources_path() if user else None
    if own is not None and own.is_file():
        entries += load_sources_file(own)
    for file in files:
        entries += load_sources_file(file)
    return mapping(entries)


# -- remembering a source from the app ---------------------------------------------------------


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\b\t\n\f\r":
            out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def remember(path: Path, name: str, kind: SourceType) -> str:
    """Record in the sources file at ``path`` that ``name`` is of type ``kind``; say what was done.

    An entry whose name or alias is ``name`` gets the new type in place (its other lines and
    comments are kept); otherwise an entry is added at the end (the file and its folder are
    made if needed). A file that does not load is left alone: ``SourcesFileError``.
    """
    from reader.core.known_sources import name_key
    from reader.output import write_atomic

    name = " ".join(name.split())
    text = ""
    if path.exists():
        load_sources_file(path)  # never rewrite a file we could not read
        text = path.read_bytes().decode("utf-8")
    entries = parse_sources(text.removeprefix("\ufeff"), path) if text else []
    lines = text.split("\n")
    tables = _key_lines(lines)
    wanted = name_key(name)
    for index, entry in enumerate(entries):
        if wanted in {name_key(n) for n in (entry.name, *entry.aliases)} and index < len(tables):
            line = tables[index][1].get("type")
            pattern = re.compile(r"^(\s*type\s*=\s*)(\"[^\"]*\"|'[^']*')")
            if line is not None and pattern.match(lines[line - 1]):
                lines[line - 1] = pattern.sub(lambda m: m.group(1) + toml_string(kind.value), lines[line - 1], count=1)
                _write(path, "\n".join(lines), write_atomic)
                return f"{path}:{line}: {entry.name} is now {kind.value}"
    if not text:
        text = HEADER
    elif not text.endswith("\n"):
        text += "\n"
    block = f"\n[[source]]\nname = {toml_string(name)}\ntype = {toml_string(kind.value)}\n"
    _write(path, text + block, write_atomic)
    return f"{path}: {name} added as {kind.value}"


def _write(path: Path, text: str, write_atomic: Any) -> None:
    parse_sources(text, path)  # what we write must load
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(
            f"{path.parent}: cannot make the folder ({exc.strerror or exc})", ExitCode.OUTPUT_FAILED
        ) from None
    write_atomic(path, text, force=True)
