"""The numbers pane shows each claim as written and its normalised value, ranges whole (as the export does)."""

from __future__ import annotations

from dataclasses import replace

from reader.core.model import Document, NumericClaim
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.tables import NumbersTable
from tests.tui.test_layout import screen_lines


def with_claims(doc: Document) -> Document:
    """The harbour fixture's numbers replaced by a range, a hyphenated range, money and a percent sign."""
    at = doc.sentences[7].start
    claims = (
        NumericClaim(at, at + 1, "between 15 and 20 percent", 15, "percent", None, 7, "s4", high=20),
        NumericClaim(at, at + 1, "10-12 weeks", 10, "weeks", None, 7, "s4", high=12),
        NumericClaim(at, at + 1, "$2.3 billion", 2_300_000_000, "USD", None, 2, "s2"),
        NumericClaim(at, at + 1, "70%", 70, "percent", None, 8, None),
    )
    return replace(doc, numbers=claims)


def rows(table: NumbersTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_claims_as_written_with_their_value_ranges_whole(doc: Document) -> None:
    app = ReaderApp(with_claims(doc))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        table = app.query_one(NumbersTable)
        shown = rows(table)
        assert [r[0] for r in shown] == ["between 15 and 20 percent", "10-12 weeks", "$2.3 billion", "70%"]
        assert [r[1] for r in shown] == ["15–20 percent", "10–12 weeks", "2,300,000,000 USD", "70 percent"]
        assert [c.label for c in table.columns.values()][:2] == ["Claim", "Value"]


async def test_numbers_pane_at_80_columns_keeps_both_ends_of_a_range(doc: Document) -> None:
    app = ReaderApp(with_claims(doc))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        text = " ".join(screen_lines(app.query_one(NumbersTable)))
        assert "between 15 and 20" in text and "15–20" in text and "10-12 weeks" in text
