"""The sources and numbers panes: DataTables filled from the Document, cells as Text (never markup).

Column widths are fitted to the pane's width on every resize: a column that
does not fit wraps onto more lines (rows grow), so no name or quantity is ever
cut with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich._wrap import divide_line  # noqa: PLC2701 - Rich's line breaker, as Text.wrap uses it
from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from reader.core.model import Document, NumericClaim
from reader.export.markdown import value_text
from reader.safe_text import neutralize

CELL_PADDING = 1  # DataTable's default, on each side of a cell
SCROLLBAR = 1  # reserved even when hidden, so widths do not flip when it appears
NARROW_WIDTH = 120  # terminal width below which the app shows one table at a time


def _cell(value: str | None, style: str = "") -> Text:
    return Text(neutralize(value or ""), style=style, overflow="fold")


@dataclass(frozen=True, slots=True)
class Column:
    """A column to fit: its natural (widest cell) and smallest acceptable widths."""

    key: str
    label: str
    natural: int
    minimum: int


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


def describe_value(number: NumericClaim) -> str:
    """The normalised value with its unit, as the Markdown summary gives it: ``15–20 percent``."""
    return " ".join(p for p in (value_text(number), number.unit) if p)


def claim_as_written(number: NumericClaim) -> str:
    """The claim as the article writes it, on one line: ``between 15 and 20 percent``."""
    return " ".join(number.text.split())


def _longest_word(values: list[str | None]) -> int:
    """The widest single word: a column narrower than this would cut a word in two."""
    return max((cell_len(word) for v in values for word in neutralize(v or "").split()), default=1)


def wrapped_lines(value: str | None, width: int) -> int:
    """Lines ``value`` takes in a column ``width`` cells wide, wrapped as Rich wraps a cell."""
    text = neutralize(value or "")
    if cell_len(text) <= width:
        return 1
    # Rich's own line breaker on the plain string: the same breaks as rendering, without the rendering.
    return len(divide_line(text, max(width, 1), fold=True)) + 1


def _row_height(cells: list[tuple[str | None, int]]) -> int:
    """The height of a row: its tallest wrapped cell. Given to the DataTable so it need not render
    every row to measure it (seconds for thousands of numbers)."""
    return max(wrapped_lines(value, width) for value, width in cells)


def _longest(values: list[str]) -> int:
    return max((cell_len(neutralize(v)) for v in values), default=0)


class _FittedTable(DataTable[Text]):
    """A DataTable that refits its columns to its width, where one click on a row selects it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.document: Document | None = None
        self._fitted_for = -1

    def show(self, doc: Document) -> None:
        """Replace the rows with those of ``doc``."""
        self.document = doc
        self._fill()

    def _available(self) -> int:
        return max(self.size.width - SCROLLBAR, 20)

    def _fill(self) -> None:
        if self.document is None:
            return
        row = self.cursor_row
        self._fitted_for = self._available()
        self.clear(columns=True)
        self._add_rows(self.document, self._fitted_for)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def _add_rows(self, doc: Document, available: int) -> None:
        raise NotImplementedError

    TITLE = ""
    OTHER_PANE = ""
    """The key and name of the other table, named in the title when only one is shown."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = self.app.size.width < NARROW_WIDTH
        self.border_title = f"{self.TITLE}  ({self.OTHER_PANE})" if narrow else self.TITLE
        if self.size.width == 0:
            return  # hidden (the other table is shown): refit when shown, not for nothing now
        if self.document is not None and self._available() != self._fitted_for:
            self._fill()

    async def _on_click(self, event: events.Click) -> None:
        before = self.cursor_coordinate
        await super()._on_click(event)
        if event.style.meta.get("row", -1) >= 0 and self.cursor_coordinate != before:
            self.action_select_cursor()


class SourcesTable(_FittedTable):
    """One row per source, in order of first appearance; the row key is the source id."""

    TITLE = "Sources"
    OTHER_PANE = "3: Numbers"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = self.TITLE

    def _add_rows(self, doc: Document, available: int) -> None:
        sources = doc.sources
        widths = fit_widths(
            [
                Column("name", "Source", _longest([s.name for s in sources]),
                       max(12, _longest_word([s.name for s in sources]))),
                Column("count", "#", _longest([str(len(s.sentences)) for s in sources]), 3),
                Column("type", "Type", _longest([s.type.value for s in sources]), 9),
                Column("role", "Role", _longest([s.role or "" for s in sources]),
                       max(8, _longest_word([s.role for s in sources]))),
            ],
            available,
            ["role", "name", "type"],
        )
        self.add_column("Source", key="name", width=widths["name"])
        self.add_column("#", key="count", width=widths["count"])
        self.add_column("Type", key="type", width=widths["type"])
        self.add_column("Role", key="role", width=widths["role"])
        first_seen = {src.id: min(src.sentences, default=len(doc.sentences)) for src in sources}
        for src in sorted(sources, key=lambda s: (first_seen[s.id], s.id)):
            self.add_row(
                _cell(src.name, "bold"),
                Text(str(len(src.sentences)), justify="right"),
                _cell(src.type.value),
                _cell(src.role),
                key=src.id,
                height=_row_height([(src.name, widths["name"]), (src.type.value, widths["type"]),
                                    (src.role, widths["role"])]),
            )
        self.border_subtitle = f"{len(sources)}"


class NumbersTable(_FittedTable):
    """One row per numeric claim; a conversion sits under the quantity it converts, indented."""

    TITLE = "Numbers"
    OTHER_PANE = "2: Sources"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = self.TITLE

    def _add_rows(self, doc: Document, available: int) -> None:
        conversions: dict[int, list[int]] = {}
        for i, number in enumerate(doc.numbers):
            if number.converts is not None and 0 <= number.converts < len(doc.numbers):
                conversions.setdefault(number.converts, []).append(i)
        converted = {i for group in conversions.values() for i in group}
        rows: list[tuple[int, int]] = []  # (number index, depth)

        def visit(i: int, depth: int) -> None:
            rows.append((i, depth))
            for child in conversions.get(i, []):
                if depth < 3:
                    visit(child, depth + 1)

        for i in range(len(doc.numbers)):
            if i not in converted:
                visit(i, 0)

        def quantity(i: int, depth: int) -> str:
            return ("  = " * depth) + claim_as_written(doc.numbers[i])

        def value(i: int) -> str:
            return describe_value(doc.numbers[i])

        def source_name(i: int) -> str:
            source = doc.source(doc.numbers[i].source_id)
            return source.name if source else ""

        claims = [quantity(i, d) for i, d in rows]
        values = [value(i) for i, _ in rows]
        sources = [source_name(i) for i, _ in rows]
        widths = fit_widths(
            [
                Column("quantity", "Claim", _longest(claims), max(14, _longest_word(claims))),
                Column("value", "Value", _longest(values), max(10, _longest_word(values))),
                Column("sentence", "#", _longest([str(doc.numbers[i].sentence + 1) for i, _ in rows]), 3),
                Column("source", "Source", _longest(sources), max(10, _longest_word(sources))),
            ],
            available,
            ["source", "value", "quantity"],
        )
        self.add_column("Claim", key="quantity", width=widths["quantity"])
        self.add_column("Value", key="value", width=widths["value"])
        self.add_column("#", key="sentence", width=widths["sentence"])
        self.add_column("Source", key="source", width=widths["source"])
        for (i, depth), claim, shown_value, source in zip(rows, claims, values, sources):
            self.add_row(
                _cell(claim, "italic" if depth else ""),
                _cell(shown_value),
                Text(str(doc.numbers[i].sentence + 1), justify="right"),
                _cell(source),
                key=str(i),
                height=_row_height([(claim, widths["quantity"]), (shown_value, widths["value"]),
                                    (source, widths["source"])]),
            )
        self.border_subtitle = f"{len(doc.numbers)}"
