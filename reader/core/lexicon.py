"""The one loader of the word lists shipped in ``reader/core/data/``.

Every list is a plain text file: one lower-case entry a line, ``#`` starts a comment, and a
line ``[name]`` opens a section (entries before any header belong to the section ``main``).
Lists are read once and cached. :func:`trie_pattern` turns a list into one regex alternation
factored by shared prefixes, the fast way to find any of many words in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def sections(filename: str) -> dict[str, tuple[str, ...]]:
    """The entries of ``data/<filename>`` by section, in file order, lower-cased."""
    found: dict[str, list[str]] = {}
    current = "main"
    for raw in (DATA_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        found.setdefault(current, []).append(line)
    return {name: tuple(entries) for name, entries in found.items()}


def words(filename: str, section: str = "main") -> frozenset[str]:
    """One section of a list as a set of entries."""
    return frozenset(sections(filename).get(section, ()))


def trie_pattern(entries: Iterable[str], *, plurals: bool = False) -> str:
    """A regex alternation matching any entry, factored by common prefixes.

    Tried depth first, it prefers the longest entry, as a plain alternation sorted longest
    first does, but scans far faster. With ``plurals``, an entry also matches with "s" or
    "es" after it (unless it ends in "."), tried before the bare entry.
    """
    trie: dict = {}
    for entry in entries:
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}  # an entry ends here

    def build(node: dict, last: str) -> str:
        branches = [re.escape(ch) + build(child, ch) for ch, child in node.items() if ch]
        if "" in node:
            branches.append("(?:s|es)?" if plurals and last != "." else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie, "")
