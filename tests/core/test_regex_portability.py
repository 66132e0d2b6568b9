"""Every regex in reader/ compiles on Python 3.10: no possessive quantifiers, no atomic groups.

``\\d++``, ``a*+``, ``x?+``, ``a{2}+`` and ``(?>...)`` arrived in Python 3.11's ``re``; on 3.10 the
module holding one fails to import. Two scans keep them out: every string literal of every
source file under reader/ (f-strings with their fields replaced by a group), which covers
patterns compiled inside functions, and every compiled pattern the reader modules hold,
which covers patterns built by joining pieces.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader

READER = Path(reader.__file__).parent


def possessive_or_atomic(pattern: str) -> list[str]:
    """The possessive quantifiers and atomic groups in a regex source, as found (empty: none).

    A small lexer: escapes and character classes are skipped, so ``\\+\\+`` and ``[*+]+`` are
    not flagged; a ``+`` right after a quantifier (``+ * ? {m,n}``) is, and so is ``(?>``.
    """
    found: list[str] = []
    i, size = 0, len(pattern)
    after_quantifier = False
    while i < size:
        c = pattern[i]
        if c == "\\":
            i, after_quantifier = i + 2, False
            continue
        if c == "[":
            i, after_quantifier = _class_end(pattern, i), False
            continue
        if c == "(":
            if pattern.startswith("(?>", i):
                found.append(pattern[i : i + 3])
            if pattern.startswith("(?#", i):
                i = pattern.find(")", i) + 1 or size
            else:
                i += 2 if pattern.startswith("(?", i) else 1
            after_quantifier = False
            continue
        repeat = re.match(r"\{\d*(?:,\d*)?\}", pattern[i:]) if c == "{" else None
        if c in "*+?" or (repeat and repeat.group() != "{}" and repeat.group() != "{,}"):
            width = len(repeat.group()) if repeat else 1
            if after_quantifier and c == "+":
                found.append(pattern[max(0, i - 3) : i + 1])
            # "a+?" (lazy) ends the quantifier; "a+" followed by "+" is possessive
            after_quantifier = not after_quantifier or c not in "?+"
            i += width
            continue
        i, after_quantifier = i + 1, False
    return found


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class opening at ``pattern[i] == "["``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1  # a "]" first in the class is a literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


@pytest.mark.parametrize(
    "pattern, flagged",
    [
        (r"\d++", True),
        (r"(?i:\b\d++\s+years)", True),
        (r"a*+b", True),
        (r"x?+", True),
        (r"a{2}+", True),
        (r"a{2,5}+", True),
        (r"(?>ab|a)c", True),
        (r"\d+", False),
        (r"a+?b", False),
        (r"a{2,5}?", False),
        (r"C\+\+", False),
        (r"[+*]+", False),
        (r"[]+]+x", False),
        (r"[^]+]+", False),
        (r"(?:ab)+", False),
        (r"(?P<n>\d+)(?P=n)", False),
        (r"x{a}+", False),
        (r"(?#a++ comment)\d", False),
        (r"\\+", False),
    ],
)
def test_the_lexer_tells_possessive_and_atomic_from_their_look_alikes(pattern: str, flagged: bool) -> None:
    assert bool(possessive_or_atomic(pattern)) is flagged


def _literal_text(node: ast.expr) -> str | None:
    """The text of a string literal; an f-string's fields become a group ``(?:x)``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "(?:x)"
            for part in node.values
        )
    return None


def _string_literals() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every string literal under reader/ (parts of f-strings excluded)."""
    for path in sorted(READER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside_fstring = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if id(node) in inside_fstring or not isinstance(node, ast.expr):
                continue
            text = _literal_text(node)
            if text is not None:
                yield str(path.relative_to(READER.parent)), node.lineno, text


def test_no_string_literal_under_reader_holds_a_possessive_quantifier_or_atomic_group() -> None:
    literals = list(_string_literals())
    assert len(literals) > 1000  # the scan reads the sources
    offenders = [(f, line, possessive_or_atomic(text)) for f, line, text in literals if possessive_or_atomic(text)]
    assert offenders == []


def _patterns(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    """Compiled patterns in a module global, looking into dicts, lists, tuples and sets."""
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, dict):
        for item in (*value.keys(), *value.values()):
            yield from _patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns(item, depth + 1)


def test_no_compiled_pattern_of_the_reader_modules_is_possessive_or_atomic() -> None:
    seen: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(reader.__path__, "reader."):
        if info.name.endswith("__main__"):
            continue  # running it would start the program
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for pattern in _patterns(value):
                if isinstance(pattern.pattern, str):
                    seen[f"{info.name}.{name}: {pattern.pattern[:60]}"] = pattern
    assert any(key.startswith("reader.core.dates.") for key in seen)  # the scan reaches the engine
    offenders = {key: possessive_or_atomic(p.pattern) for key, p in seen.items() if possessive_or_atomic(p.pattern)}
    assert offenders == {}
