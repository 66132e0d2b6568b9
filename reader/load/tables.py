"""Tables in a page -> lines the analysis can read: one line per row, cells joined by "; ".

A data table's numbers are claims ("2.3 GB/s", "1,200 riders"): each row becomes one line,
its non-empty cells joined by ``CELL_SEPARATOR``, as Markdown tables already are
(``reader.load.markdown``), so "0.091 GB/s" and the next cell's number stay apart. Not every
``<table>`` holds data:

* a table with a cell longer than ``LAYOUT_CELL`` characters lays out a page (the article in
  one cell, the links in another): its cells are prose, one paragraph each;
* a table of one column of short cells is a navigation box or a list of links: left out, as
  all tables were before they were kept.

trafilatura writes the tables it keeps as Markdown-like lines (``| a | b | ``, a ``|---|``
line after a header row, a ``|`` inside a cell escaped as ``\\|``); ``rows_to_lines`` reads
those. The lxml fallback passes the cells of ``<tr>`` elements to ``table_lines``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CELL_SEPARATOR = "; "
LAYOUT_CELL = 300  # characters: a cell this long is a paragraph, not a datum
_SPACES = re.compile(r"\s+")
_ROW_LINE = re.compile(r"^\|.*\|\s*$")
_HEADER_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def _clean(cell: str) -> str:
    return _SPACES.sub(" ", cell).strip()


def table_lines(rows: Sequence[Sequence[str]]) -> list[str] | None:
    """The lines a table gives the article, or None for a layout table.

    A data table (two columns or more, no cell longer than ``LAYOUT_CELL``) gives one line
    per row with text; a one-column table of short cells gives none; a table with a longer
    cell is layout, and None tells the caller to read its cells as prose.
    """
    cells = [[_clean(cell) for cell in row] for row in rows]
    if any(len(cell) > LAYOUT_CELL for row in cells for cell in row):
        return None
    if max((sum(1 for cell in row if cell) for row in cells), default=0) < 2:
        return []
    lines = (CELL_SEPARATOR.join(cell for cell in row if cell) for row in cells)
    return [line for line in lines if line]


def _split_row(line: str) -> list[str]:
    inner = line.strip()[1:-1]  # without the outer borders
    return [cell.replace("\\|", "|") for cell in _CELL_BORDER.split(inner)]


def _render(rows: list[list[str]]) -> list[str]:
    lines = table_lines(rows)
    if lines is None:  # layout: every cell a paragraph of its own
        return [cell for row in rows for cell in (_clean(c) for c in row) if cell]
    return lines


def rows_to_lines(text: str) -> str:
    """``text`` (trafilatura's output) with each run of table lines replaced by ``table_lines``."""
    if "|" not in text:
        return text
    out: list[str] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if _ROW_LINE.match(line):
            if not _HEADER_RULE.match(line):
                rows.append(_split_row(line))
            continue
        if rows:
            out.extend(_render(rows))
            rows = []
        out.append(line)
    if rows:
        out.extend(_render(rows))
    return "\n".join(out)
