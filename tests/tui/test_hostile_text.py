"""Article text is data: markup shows literally, control and bidi characters never reach the terminal."""

from __future__ import annotations

import re

from reader.core.model import Document, Label, NumericClaim, Sentence, SentenceKind, Source, SourceType, Span
from reader.load import LoadedArticle
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.header import TitleBar

# ESC, BEL, backspace, C1 CSI, bidi overrides and isolates: none may be drawn.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_TITLE = "[bold red]Fake[/] title \x1b]0;retitled\x07"
SENTENCES = [
    "Officials said [bold]nothing[/bold] was wrong.",
    "A clipboard grab \x1b]52;c;ZWNobyBoaQ==\x07 hides here.",
    "Colours \x1b[31mred\x1b[0m and a back\x08space and \u202ereversed\u202c text.",
    "A C1 control \x9b2J and [link=http://example.com]a link[/link] follow.",
]


def hostile_document() -> Document:
    text = " ".join(SENTENCES)
    sentences = []
    start = 0
    for i, sentence in enumerate(SENTENCES):
        end = start + len(sentence)
        attributed = i == 0
        sentences.append(
            Sentence(
                i,
                start,
                end,
                sentence,
                SentenceKind.SENTENCE,
                0,
                Label.OFFICIAL if attributed else Label.UNATTRIBUTED,
                "s1" if attributed else None,
                Span(0, 9) if attributed else None,
                Span(10, 14) if attributed else None,
                "reason with [b]markup[/b] \x1b[2J",
            )
        )
        start = end + 1
    source = Source(
        "s1", "[i]Officials[/i] \x1b]52;c;eA==\x07", SourceType.OFFICIAL, "[red]role\u202e", (Span(0, 9),), (0,)
    )
    number = NumericClaim(0, 1, "[dim]about 1\x1b]0;x\x07", 1.0, "[bold]units\x1b[5m", "[dim]about", 0, "s1")
    return Document(text, HOSTILE_TITLE, tuple(sentences), (source,), (number,))


async def test_screen_never_contains_control_or_bidi_characters() -> None:
    app = ReaderApp(hostile_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for key in ("j", "j", "j"):
            await pilot.press(key)
            screen = app.export_screenshot()
            assert not FORBIDDEN.search(screen), FORBIDDEN.findall(screen)


async def test_markup_in_the_article_is_shown_literally() -> None:
    app = ReaderApp(hostile_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        layout = view.layout_info
        assert layout is not None
        drawn = " ".join(view.render_line(y).text for y in range(len(layout.lines)))
        assert "[bold]nothing[/bold]" in drawn
        assert "[link=http://example.com]a" in drawn
        assert "\x1b" not in drawn and "\u202e" not in drawn
        assert "\u241b]52;c;" in drawn  # the ESC is visible as a control picture, offsets kept


async def test_markup_in_title_tables_and_detail_is_literal() -> None:
    app = ReaderApp(hostile_document())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        title = app.query_one(TitleBar).plain()
        assert "[bold red]Fake[/] title" in title and "\x1b" not in title
        detail = str(app.query_one("#detail").render())
        assert "[i]Officials[/i]" in detail and "[b]markup[/b]" in detail
        assert not FORBIDDEN.search(detail)
        sources = app.query_one("#sources")
        cells = [str(c) for c in sources.get_row_at(0)]  # type: ignore[attr-defined]
        assert cells[0].startswith("[i]Officials[/i]") and not FORBIDDEN.search("".join(cells))
        numbers = app.query_one("#numbers")
        claim, value = (str(c) for c in numbers.get_row_at(0)[:2])  # type: ignore[attr-defined]
        assert claim.startswith("[dim]about 1") and value.startswith("1 [bold]units")
        assert not FORBIDDEN.search(claim + value)


async def test_plain_text_before_analysis_is_neutralised_too() -> None:
    text = "\n\n".join(SENTENCES)
    app = ReaderApp(article=LoadedArticle(text=text))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not FORBIDDEN.search(app.export_screenshot())
        assert app.document is not None
