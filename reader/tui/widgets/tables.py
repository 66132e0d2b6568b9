"""The sources and numbers panes: DataTables filled from the Document, cells as Text (never markup)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from reader.core.model import Document, NumericClaim
from reader.safe_text import neutralize


def _cell(value: str | None, style: str = "", width: int | None = None) -> Text:
    text = neutralize(value or "")
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"  # the detail line shows it in full
    return Text(text, style=style, no_wrap=True)


def _width(values: list[str], cap: int, floor: int) -> int:
    return max(floor, min(cap, max((len(v) for v in values), default=0)))


def format_value(value: float) -> str:
    """``67000`` -> ``67,000``; ``0.75`` stays ``0.75``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def describe_number(number: NumericClaim) -> str:
    """Value with hedge and unit: ``more than 67,000 personnel``."""
    parts = [number.hedge, format_value(number.value), number.unit]
    return " ".join(p for p in parts if p)


class _ClickSelects(DataTable[Text]):
    """A DataTable where one click on a row selects it (DataTable alone needs two)."""

    async def _on_click(self, event: events.Click) -> None:
        before = self.cursor_coordinate
        await super()._on_click(event)
        if event.style.meta.get("row", -1) >= 0 and self.cursor_coordinate != before:
            self.action_select_cursor()


class SourcesTable(_ClickSelects):
    """One row per source, in order of first appearance; the row key is the source id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = "Sources"

    NAME_WIDTH = 20
    ROLE_WIDTH = 12

    def show(self, doc: Document) -> None:
        """Replace the rows with the sources of ``doc``."""
        self.clear(columns=True)
        name_width = _width([s.name for s in doc.sources], self.NAME_WIDTH, 6)
        role_width = _width([s.role or "" for s in doc.sources], self.ROLE_WIDTH, 4)
        self.add_column("Source", key="name", width=name_width)
        self.add_column("#", key="count")
        self.add_column("Type", key="type")
        self.add_column("Role", key="role", width=role_width)
        first_seen = {src.id: min(src.sentences, default=len(doc.sentences)) for src in doc.sources}
        for src in sorted(doc.sources, key=lambda s: (first_seen[s.id], s.id)):
            self.add_row(
                _cell(src.name, "bold", name_width),
                Text(str(len(src.sentences)), justify="right"),
                _cell(src.type.value),
                _cell(src.role, width=role_width),
                key=src.id,
            )
        self.border_subtitle = f"{len(doc.sources)}"


class NumbersTable(_ClickSelects):
    """One row per numeric claim; a conversion sits under the quantity it converts, indented."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = "Numbers"

    QUANTITY_WIDTH = 26
    SOURCE_WIDTH = 14

    def show(self, doc: Document) -> None:
        """Replace the rows with the numbers of ``doc``; the row key is the index into ``doc.numbers``."""
        self.clear(columns=True)
        names = [src.name for src in doc.sources]
        source_width = _width(names, self.SOURCE_WIDTH, 6)
        self.add_column("Quantity", key="quantity")
        self.add_column("#", key="sentence")
        self.add_column("Source", key="source", width=source_width)
        conversions: dict[int, list[int]] = {}
        for i, number in enumerate(doc.numbers):
            if number.converts is not None and 0 <= number.converts < len(doc.numbers):
                conversions.setdefault(number.converts, []).append(i)
        converted = {i for group in conversions.values() for i in group}

        def add(i: int, depth: int) -> None:
            number = doc.numbers[i]
            source = doc.source(number.source_id)
            quantity = ("  = " * depth) + describe_number(number)
            self.add_row(
                _cell(quantity, "italic" if depth else "", self.QUANTITY_WIDTH),
                Text(str(number.sentence + 1), justify="right"),
                _cell(source.name if source else "", width=source_width),
                key=str(i),
            )
            for child in conversions.get(i, []):
                if depth < 3:
                    add(child, depth + 1)

        for i in range(len(doc.numbers)):
            if i not in converted:
                add(i, 0)
        self.border_subtitle = f"{len(doc.numbers)}"
