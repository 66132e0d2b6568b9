"""The class tints are readable in every built-in theme, and with NO_COLOR: WCAG AA (4.5:1) for every
piece of article text as drawn (tints, markers, the current sentence, search matches, headings, captions).
"""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.color import Color
from textual.filter import monochrome_style
from textual.theme import BUILTIN_THEMES

from reader.core.model import Document
from reader.tui.colors import AA_TEXT, contrast, readable
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets.article import ArticleView

COLOUR_THEMES = sorted(name for name, theme in BUILTIN_THEMES.items() if not theme.ansi)
ANSI_THEMES = sorted(name for name, theme in BUILTIN_THEMES.items() if theme.ansi)


def drawn_pairs(view: ArticleView, *, mono: bool = False) -> list[tuple[str, Color, Color]]:
    """(text, foreground, background) of every visible piece of text, as the terminal would show it."""
    base = view.rich_style
    pairs = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            if not segment.text.strip() or segment.style is None:
                continue
            style: Style = base + segment.style
            if mono:
                style = monochrome_style(style)
            fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
            if style.reverse:
                fg, bg = bg, fg
            pairs.append((segment.text, fg, bg))
    return pairs


def unreadable(view: ArticleView, *, mono: bool = False) -> list[tuple[str, float]]:
    return [
        (text, round(contrast(fg, bg), 2))
        for text, fg, bg in drawn_pairs(view, mono=mono)
        if contrast(fg, bg) < AA_TEXT - 0.01
    ]


@pytest.mark.parametrize("theme", COLOUR_THEMES)
async def test_every_piece_of_article_text_reads_at_aa_in_every_theme(doc: Document, theme: str) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await pilot.pause()
        view = app.query_one(ArticleView)
        # The current sentence on each class in turn, then a search match inside an official sentence.
        for keys in ([], ["j"], ["t"], ["u"], ["slash", *"bridge", "enter"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert not unreadable(view), (theme, keys, unreadable(view))
            assert not unreadable(view, mono=True), (theme, keys, "NO_COLOR", unreadable(view, mono=True))


async def test_tints_are_tints_not_solid_blocks(doc: Document) -> None:
    """``$primary 25%`` is blended with the pane's background: an official sentence is not solid primary."""
    app = ReaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            view = app.query_one(ArticleView)
            background = Color.from_rich_color(view.rich_style.bgcolor)
            primary = app.current_theme.primary
            official = view._resolved(("article--official",))
            tint = Color.from_rich_color(official.bgcolor)
            assert tint != Color.parse(primary)
            assert contrast(tint, background) < contrast(Color.parse(primary), background)


@pytest.mark.parametrize("theme", ANSI_THEMES)
async def test_ansi_themes_keep_the_terminals_own_colours_for_text(doc: Document, theme: str) -> None:
    """ANSI colours are the terminal's: no class tint behind the text, so its own readable pair is used."""
    app = ReaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await pilot.pause()
        view = app.query_one(ArticleView)
        for name in ("article--official", "article--third-party", "article--unattributed"):
            style = view._resolved((name,))
            assert style.bgcolor is None or style.bgcolor.is_default, (name, style)
        markers = {view._resolved((f"article--marker-{n}",)).color for n in ("official", "third-party")}
        assert all(m is not None and not m.is_default for m in markers)


def test_readable_moves_text_away_from_its_background() -> None:
    amber = Color.parse("#ffa62b")
    light = Color.parse("#e0e0e0")
    assert contrast(light, amber) < AA_TEXT
    fixed = readable(light, amber)
    assert contrast(fixed, amber) >= AA_TEXT and contrast(fixed.monochrome, amber.monochrome) >= AA_TEXT
    dark_blue = Color.parse("#004578")
    assert readable(Color.parse("#1e1e1e"), dark_blue) != Color.parse("#1e1e1e")
    ansi = Color(0, 0, 0, ansi=3)
    assert readable(light, ansi) == light  # the terminal's palette decides
