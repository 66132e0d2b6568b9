"""Zero-width characters and emoji sequences never shift the boxes (issue 13).

Terminals measure such text differently: one that counts every code point (xterm, tmux 3.3) gives
the family emoji 'man ZWJ woman ZWJ girl' six cells, one that counts graphemes (kitty, WezTerm)
two, as Rich now does. Whatever the app writes must measure the same both ways, so the box
borders stay where the app drew them on any terminal: the joiners, variation selectors, skin-tone
modifiers, zero-width spaces and soft hyphens of the article, its title, source names and numbers
never reach the screen (the text keeps them: offsets, search and exports are unchanged).
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len, get_character_cell_size

from reader.core.model import Document, Label, NumericClaim, Sentence, SentenceKind, Source, SourceType, Span
from reader.load import LoadedArticle
from reader.safe_text import visible, visible_same_length
from reader.tui.reader_app import ReaderApp
from reader.tui.wrap import word_bounds

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # man ZWJ woman ZWJ girl ZWJ boy
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"
THUMBS = "\U0001f44d\U0001f3fd"  # thumbs up, medium skin tone
KEYCAP = "1\ufe0f\u20e3"
HEART = "\u2764\ufe0f"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\ufe0f\ufe0e"
# What may never be written: the zero-width characters and the modifiers that join to what precedes.
NEVER_SHOWN = re.compile(
    "[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\U0001f3fb-\U0001f3ff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)

SENTENCES = [
    f"The mayor said the family {FAMILY} arrived\u200b on Tuesday.",
    f"A flag {RAINBOW_FLAG}, a thumbs {THUMBS}, keycap {KEYCAP} and a heart {HEART} were seen, police said.",
    "Zero\u200bwidth\u200c and\u2060 word\ufeff joiners and soft\u00adhyphens fill this sentence.",
    f"About 12\u200b000 people {FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY} left the town.",
]
TITLE = f"Family {FAMILY} news\u200b and {THUMBS}"


def emoji_document() -> Document:
    text = "\n\n".join(SENTENCES)
    sentences, start = [], 0
    for i, sentence in enumerate(SENTENCES):
        end = start + len(sentence)
        sentences.append(
            Sentence(
                i,
                start,
                end,
                sentence,
                SentenceKind.SENTENCE,
                i,
                Label.OFFICIAL if i < 2 else Label.UNATTRIBUTED,
                "s1" if i < 2 else None,
                Span(start + 4, start + 9) if i < 2 else None,
                None,
                "a reason",
            )
        )
        start = end + 2
    number_at = text.index("12\u200b000")
    source = Source("s1", f"The mayor {FAMILY}\u200b", SourceType.OFFICIAL, f"role {THUMBS}", (Span(4, 9),), (0, 1))
    number = NumericClaim(number_at, number_at + 6, "12\u200b000 people", 12000.0, f"people {FAMILY}", None, 3, None)
    return Document(text, TITLE, tuple(sentences), (source,), (number,))


def per_code_point(text: str) -> int:
    """Cells as a terminal that measures every code point on its own (wcwidth) counts them."""
    return sum(get_character_cell_size(char) for char in text)


def assert_every_line_fills_the_screen(app: ReaderApp, width: int) -> None:
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    assert lines
    for y, line in enumerate(lines):
        assert not NEVER_SHOWN.search(line), (y, line)
        assert per_code_point(line) == cell_len(line) == width, (y, line)


@pytest.mark.parametrize("size", [(100, 30), (64, 24)], ids=["wide", "narrow"])
async def test_emoji_and_zero_width_characters_keep_the_borders_in_place(size: tuple[int, int]) -> None:
    app = ReaderApp(emoji_document())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert_every_line_fills_the_screen(app, size[0])
        await pilot.press("slash", *"woman", "enter")  # a match inside an emoji sequence cuts it
        await pilot.pause(0.3)
        assert_every_line_fills_the_screen(app, size[0])
        await pilot.press("escape", "j", "j", "j")
        await pilot.pause()
        assert_every_line_fills_the_screen(app, size[0])


async def test_the_plain_text_before_the_analysis_keeps_them_in_place_too() -> None:
    app = ReaderApp(article=LoadedArticle(text="\n\n".join(SENTENCES), title=TITLE))
    async with app.run_test(size=(90, 24)) as pilot:
        await pilot.pause()
        assert_every_line_fills_the_screen(app, 90)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.document is not None
        assert_every_line_fills_the_screen(app, 90)


def test_the_display_text_keeps_its_offsets_and_the_text_is_unchanged() -> None:
    text = "\n\n".join(SENTENCES)
    shown = visible_same_length(text)
    assert len(shown) == len(text)
    assert NEVER_SHOWN.sub("", visible(text)) == visible(text)
    for start, end, cells in zip(*word_bounds(shown), strict=True):
        assert cells == per_code_point(visible(shown[start:end])) == cell_len(visible(shown[start:end]))
    assert emoji_document().text == text  # the Document (and so every export) keeps every character
