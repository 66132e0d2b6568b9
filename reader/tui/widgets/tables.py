"""The sources and numbers panes: tables that draw only the rows on screen, cells never read as markup.

A ``DataTable`` measured every cell of every row whenever the table was filled or resized
(seconds for the 5,000 numbers of a 1 MB article, on every resize). ``RowTable`` is a
``ScrollView`` like the article: the rows are plain strings, the column widths are fitted to
the pane's width, a row is as tall as its tallest cell wrapped between words at that width,
and only the lines on screen are ever turned into segments.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from reader.core.model import Document, NumericClaim
from reader.export.markdown import sentence_numbers, value_text
from reader.safe_text import visible
from reader.tui.widgets.lines import LineView
from reader.tui.widgets.styles import ResolvedStyles

CELL_PADDING = 1  # on each side of a cell
SCROLLBAR = 1  # reserved even when hidden, so widths do not flip when it appears
NARROW_WIDTH = 120  # terminal width below which the app shows one table at a time


@dataclass(frozen=True, slots=True)
class Column:
    """A column to fit: its natural (widest cell) and smallest acceptable widths."""

    key: str
    label: str
    natural: int
    minimum: int
    justify: str = "left"


@dataclass(frozen=True, slots=True)
class ColumnWidth:
    """A fitted column: what the tests and the header read."""

    label: str
    width: int


def fit_widths(columns: list[Column], available: int, shrink_order: list[str]) -> dict[str, int]:
    """Widths that fit ``available`` cells, shrinking columns in ``shrink_order`` down to their minimum."""
    widths = {c.key: max(c.natural, cell_len(c.label), 1) for c in columns}
    minimum = {c.key: max(min(c.minimum, widths[c.key]), 1) for c in columns}
    overflow = sum(widths.values()) + 2 * CELL_PADDING * len(columns) - available
    for key in shrink_order:
        if overflow <= 0:
            break
        cut = min(overflow, widths[key] - minimum[key])
        widths[key] -= cut
        overflow -= cut
    return widths


def wrapped_lines(value: str | None, width: int) -> int:
    """Lines ``value`` takes in a column ``width`` cells wide, wrapped as Rich wraps a cell."""
    text = visible(value or "")
    if cell_len(text) <= width:
        return 1
    return len(divide_line(text, max(width, 1), fold=True)) + 1


def _wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` cells, between words (a word wider is folded)."""
    if cell_len(text) <= width:
        return [text]
    breaks = [0, *divide_line(text, max(width, 1), fold=True), len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(breaks)]


def _longest(values: list[str]) -> int:
    return max((cell_len(v) for v in values), default=0)


def _longest_word(values: list[str]) -> int:
    """The widest single word: a column narrower than this would cut a word in two."""
    return max((cell_len(word) for v in values for word in v.split()), default=1)


@dataclass(frozen=True, slots=True)
class Row:
    """One row: its key, its cells (neutralised plain text), and a style per cell ("" for none)."""

    key: str
    cells: tuple[str, ...]
    styles: tuple[str, ...]


Prepared = tuple[list[Column], list[Row], list[array]]
"""A table's columns, rows and the width of every cell, per column."""

CORRECTED_MARK = "✎ "  # before a cell the reader corrected (a source's name, a number's source)


class RowTable(ResolvedStyles, LineView, can_focus=True):
    """A table of rows with a row cursor: ``enter`` or a click selects the row under it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"table--header", "table--odd", "table--cursor", "table--placeholder"}
    """The header, the zebra stripe, the cursor row and the "analysing…" line, restyled from ``reader.tcss``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False, id="reader.table_up", tooltip="The row above"),
        Binding("down", "move(1)", "Down", show=False, id="reader.table_down", tooltip="The row below"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reader.table_page_up", tooltip="A page of rows up"),
        Binding(
            "pagedown", "page(1)", "Page down", show=False, id="reader.table_page_down", tooltip="A page of rows down"
        ),
        Binding("home", "edge(False)", "First row", show=False, id="reader.table_first", tooltip="The first row"),
        Binding("end", "edge(True)", "Last row", show=False, id="reader.table_last", tooltip="The last row"),
        Binding("enter", "select", "Select", show=False, id="reader.table_select", tooltip="Select this row"),
    ]
    """Moving the row cursor; ``enter`` selects."""

    DEFAULT_CSS = """
    RowTable { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    TITLE = ""
    OTHER_PANE = ""
    """The key and name of the other table, named in the title when only one is shown."""
    SHRINK_ORDER: ClassVar[list[str]] = []

    class RowSelected(Message):
        """A row was chosen (``enter`` or a click)."""

        def __init__(self, table: RowTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RowTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.placeholder = "analysing…"
        self._columns: list[Column] = []
        self._rows: list[Row] = []
        self._cell_cells: list[array] = []  # per column: the width of each row's cell
        self._widths: dict[str, int] = {}
        self._row_top = array("i", [0])  # first line of each row, then the total
        self._fitted_for = -1
        self._lines: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._wrapped: LRUCache[tuple[int, int], list[list[str]]] = LRUCache(256)
        self.cursor_row = 0
        self.border_title = self.TITLE

    # -- content -------------------------------------------------------------------

    def show(self, doc: Document, prepared: Prepared | None = None, marked: frozenset[str] = frozenset()) -> None:
        """Replace the rows with those of ``doc`` (``prepared``: ``prepare(doc, marked)``, made off the event
        loop); the rows whose keys are ``marked`` were corrected by the reader."""
        self.document = doc
        columns, rows, cell_cells = prepared if prepared is not None else self.prepare(doc, marked)
        self._columns, self._rows, self._cell_cells = columns, rows, cell_cells
        self.cursor_row = min(self.cursor_row, max(len(rows) - 1, 0))
        self.placeholder = ""
        self.border_subtitle = f"{len(rows)}"
        self._fitted_for = -1
        self._fit()

    def clear(self, placeholder: str) -> None:
        """No rows, ``placeholder`` in their place (another article is being analysed)."""
        self.document = None
        self._columns, self._rows, self._cell_cells = [], [], []
        self.cursor_row = 0
        self.placeholder = placeholder
        self.border_subtitle = ""
        self._refresh_all()

    @classmethod
    def prepare(cls, doc: Document, marked: frozenset[str] = frozenset()) -> Prepared:
        """The columns and rows of ``doc``, with every cell's width: pure data, safe in a worker thread.
        Rows whose keys are ``marked`` (corrected by the reader) carry the mark."""
        columns, rows = cls._table(doc, marked)
        return columns, rows, [array("i", (cell_len(r.cells[i]) for r in rows)) for i in range(len(columns))]

    @classmethod
    def _table(cls, doc: Document, marked: frozenset[str]) -> tuple[list[Column], list[Row]]:
        raise NotImplementedError

    @property
    def row_count(self) -> int:
        """How many rows."""
        return len(self._rows)

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index`` as Text (plain data, never markup)."""
        row = self._rows[index]
        return [Text(cell, style=style) for cell, style in zip(row.cells, row.styles, strict=True)]

    def row_key(self, index: int) -> str:
        """The key of row ``index`` (a source id, a number's index)."""
        return self._rows[index].key

    def row_height(self, key: str) -> int:
        """How many lines the row with ``key`` takes at the current width."""
        index = next(i for i, r in enumerate(self._rows) if r.key == key)
        return self._row_top[index + 1] - self._row_top[index]

    @property
    def columns(self) -> dict[str, ColumnWidth]:
        """The fitted columns by key."""
        return {c.key: ColumnWidth(c.label, self._widths.get(c.key, 0)) for c in self._columns}

    # -- fitting -------------------------------------------------------------------

    def _available(self) -> int:
        return max(self.size.width - SCROLLBAR, 20)

    def _fit(self) -> None:
        """Fit the columns to the width, then measure every row's height (only long cells are wrapped)."""
        if not self._columns or self.size.width == 0:
            self._refresh_all()
            return
        available = self._available()
        self._fitted_for = available
        self._widths = fit_widths(self._columns, available, self.SHRINK_ORDER)
        widths = [self._widths[c.key] for c in self._columns]
        heights = array("i", [1]) * len(self._rows)
        for column, width in enumerate(widths):
            cells = self._cell_cells[column]
            for index, cells_wide in enumerate(cells):
                if cells_wide > width:
                    lines = len(_wrap(self._rows[index].cells[column], width))
                    if lines > heights[index]:
                        heights[index] = lines
        top = array("i", [0])
        total = 0
        for height in heights:
            total += height
            top.append(total)
        self._row_top = top
        self._wrapped.clear()
        self._refresh_all()
        self.scroll_to_cursor()

    def _refresh_all(self) -> None:
        lines = self._row_top[-1] if self._rows else 1
        self.virtual_size = Size(self.size.width, lines + 1)  # + the header
        self._lines.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        narrow = self.app.size.width < NARROW_WIDTH
        title = f"{self.TITLE}  ({self.OTHER_PANE})" if narrow else self.TITLE
        if title != self.border_title:  # setting it, even unchanged, redraws the whole table
            self.border_title = title
        if self.size.width and self._available() != self._fitted_for:
            self._fit()

    def drawing_styles_changed(self) -> None:
        self._lines.clear()
        self.refresh()

    # -- the cursor ----------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped) and keep it in view."""
        if not self._rows:
            return
        previous, self.cursor_row = self.cursor_row, max(0, min(row, len(self._rows) - 1))
        for index in {previous, self.cursor_row}:
            self._refresh_row(index)
        self.scroll_to_cursor()

    def _refresh_row(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        top, bottom = self._row_top[index], self._row_top[index + 1]
        for y in range(top, bottom):
            self._lines.discard((y, self.size.width))
        self.refresh(Region(0, top + 1 - int(self.scroll_y), self.size.width, bottom - top))

    def scroll_to_cursor(self) -> None:
        """Scroll the least needed to show the cursor row below the header."""
        if not self._rows or self.size.height <= 1:
            return
        top, bottom = self._row_top[self.cursor_row], self._row_top[self.cursor_row + 1]
        height = max(self.scrollable_content_region.height - 1, 1)
        y = int(self.scroll_y)
        if bottom > y + height:
            y = bottom - height
        if top < y:
            y = top
        if y != int(self.scroll_y):
            self.scroll_to(y=y, animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        """The row above or below."""
        self.move_cursor(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        """A screenful of rows up or down."""
        height = max(self.scrollable_content_region.height - 1, 1)
        line = self._row_top[self.cursor_row] + direction * height
        line = max(0, min(line, self._row_top[-1] - 1))
        self.move_cursor(bisect.bisect_right(self._row_top, line) - 1)

    def action_edge(self, last: bool) -> None:
        """The first or the last row."""
        self.move_cursor(len(self._rows) - 1 if last else 0)

    def action_select(self) -> None:
        """Choose the row under the cursor."""
        if self._rows:
            self.post_message(self.RowSelected(self, self._rows[self.cursor_row].key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or not self._rows:
            return
        line = int(self.scroll_y) + offset.y - 1
        if line >= self._row_top[-1]:
            return
        self.move_cursor(bisect.bisect_right(self._row_top, line) - 1)
        self.action_select()

    # -- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header(width)
        line = int(self.scroll_y) + y - 1
        if not self._rows:
            text = self.placeholder if y == 1 else ""
            style = self._resolved(("table--placeholder",))
            return Strip([Segment(f" {text}", style)]).crop_extend(0, width, self.rich_style)
        if line >= self._row_top[-1]:
            return Strip.blank(width, self.rich_style)
        key = (line, width)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._row_line(line, width)
            self._lines[key] = strip
        return strip

    def _header(self, width: int) -> Strip:
        style = self._resolved(("table--header",))
        segments = []
        for column in self._columns:
            segments.append(Segment(self._pad(column.label, self._widths.get(column.key, 0), column.justify), style))
        return Strip(segments).crop_extend(0, width, style)

    @staticmethod
    def _pad(text: str, width: int, justify: str) -> str:
        gap = " " * max(width - cell_len(text), 0)
        inner = gap + text if justify == "right" else text + gap
        return " " * CELL_PADDING + inner + " " * CELL_PADDING

    def _row_line(self, line: int, width: int) -> Strip:
        index = bisect.bisect_right(self._row_top, line) - 1
        row = self._rows[index]
        within = line - self._row_top[index]
        names: tuple[str, ...] = ("table--odd",) if index % 2 else ()
        if index == self.cursor_row:
            names += ("table--cursor",)
        base = self._resolved(names)
        wrapped = self._wrapped.get((index, width))
        if wrapped is None:
            wrapped = [_wrap(cell, self._widths[c.key]) for cell, c in zip(row.cells, self._columns, strict=True)]
            self._wrapped[(index, width)] = wrapped
        segments = []
        for column, lines, style in zip(self._columns, wrapped, row.styles, strict=True):
            text = lines[within] if within < len(lines) else ""
            cell_style = base + Style.parse(style) if style else base
            segments.append(Segment(self._pad(text, self._widths[column.key], column.justify), cell_style))
        return Strip(segments).crop_extend(0, width, base)


def _cell(value: str | None) -> str:
    return " ".join(visible(value or "").split())


class SourcesTable(RowTable):
    """One row per source, in order of first appearance; the row key is the source id."""

    TITLE = "Sources"
    OTHER_PANE = "3: Numbers"
    SHRINK_ORDER: ClassVar[list[str]] = ["role", "name", "type"]

    @classmethod
    def _table(cls, doc: Document, marked: frozenset[str]) -> tuple[list[Column], list[Row]]:
        first_seen = {src.id: min(src.sentences, default=len(doc.sentences)) for src in doc.sources}
        sources = sorted(doc.sources, key=lambda s: (first_seen[s.id], s.id))
        rows = [
            Row(
                src.id,
                (
                    (CORRECTED_MARK if src.id in marked else "") + _cell(src.name),
                    str(len(src.sentences)),
                    src.type.value,
                    _cell(src.role),
                ),
                ("bold", "", "", ""),
            )
            for src in sources
        ]
        names, roles = [r.cells[0] for r in rows], [r.cells[3] for r in rows]
        columns = [
            Column("name", "Source", _longest(names), max(12, _longest_word(names))),
            Column("count", "#", _longest([r.cells[1] for r in rows]), 3, "right"),
            Column("type", "Type", _longest([r.cells[2] for r in rows]), 9),
            Column("role", "Role", _longest(roles), max(8, _longest_word(roles))),
        ]
        return columns, rows


def describe_value(number: NumericClaim) -> str:
    """The normalised value with its unit, as the Markdown summary gives it: ``15–20 percent``."""
    return " ".join(p for p in (value_text(number), number.unit) if p)


def claim_as_written(number: NumericClaim) -> str:
    """The claim as the article writes it, on one line: ``between 15 and 20 percent``."""
    return " ".join(number.text.split())


class NumbersTable(RowTable):
    """One row per numeric claim, as written and as a value; a conversion sits under what it converts."""

    TITLE = "Numbers"
    OTHER_PANE = "2: Sources"
    SHRINK_ORDER: ClassVar[list[str]] = ["value", "quantity", "source"]

    @classmethod
    def _table(cls, doc: Document, marked: frozenset[str]) -> tuple[list[Column], list[Row]]:
        numbers = doc.numbers
        conversions: dict[int, list[int]] = {}
        for i, number in enumerate(numbers):
            if number.converts is not None and 0 <= number.converts < len(numbers):
                conversions.setdefault(number.converts, []).append(i)
        converted = {i for group in conversions.values() for i in group}
        order: list[tuple[int, int]] = []  # (number index, depth)

        def visit(i: int, depth: int) -> None:
            order.append((i, depth))
            for child in conversions.get(i, []):
                if depth < 3:
                    visit(child, depth + 1)

        for i in range(len(numbers)):
            if i not in converted:
                visit(i, 0)
        names = {src.id: _cell(src.name) for src in doc.sources}
        numbered = sentence_numbers(doc)

        def where(index: int) -> str:
            number = numbered[index] if 0 <= index < len(numbered) else None
            return str(number) if number is not None else doc.sentences[index].kind.value[:4] + "."

        rows = [
            Row(
                str(i),
                (
                    ("  = " * depth) + _cell(claim_as_written(numbers[i])),
                    _cell(describe_value(numbers[i])),
                    where(numbers[i].sentence),
                    (CORRECTED_MARK if str(i) in marked else "") + names.get(numbers[i].source_id or "", ""),
                ),
                ("italic" if depth else "", "", "", ""),
            )
            for i, depth in order
        ]
        claims, values, sources = ([r.cells[k] for r in rows] for k in (0, 1, 3))
        columns = [
            Column("quantity", "Claim", _longest(claims), max(14, _longest_word(claims))),
            Column("value", "Value", _longest(values), max(10, _longest_word(values))),
            Column("sentence", "#", _longest([r.cells[2] for r in rows]), 3, "right"),
            Column("source", "Source", _longest(sources), max(10, _longest_word(sources))),
        ]
        return columns, rows
