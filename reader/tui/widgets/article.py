"""The article pane: the text, wrapped by us and rendered line by line.

Only the visible lines are ever turned into segments (``render_line``), so a
1 MB article costs one wrapping pass, not thousands of widgets. Article text is
data: it is neutralised once (same length, offsets stay valid) and only ever
placed into ``Segment`` objects, never parsed as markup.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from itertools import accumulate
from operator import add, sub
from dataclasses import dataclass
from typing import NamedTuple, overload

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.model import Document, Label, Sentence, SentenceKind, Span
from reader.export.legend import MARKERS
from reader.export.markdown import is_separator
from reader.safe_text import neutralize_same_length
from reader.tui.navigation import TextSearch
from reader.tui.widgets.styles import ResolvedStyles

GUTTER = 2  # a bar for the current sentence, then a space
_WORD = re.compile(r"\S+")
_SPLIT = re.compile(r"(\S+)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CLASS_COMPONENT = {
    Label.OFFICIAL: "official",
    Label.THIRD_PARTY: "third-party",
    Label.UNATTRIBUTED: "unattributed",
}


class Piece(NamedTuple):
    """A run of one sentence on one display line: a word (``start < end``) or its marker (``start == -1``)."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Words:
    """Every word of an article in reading order, with the class markers: computed once per document.

    Width does not enter here, so a resize only re-wraps (``build_layout``), which is a bisection
    per display line over ``cum`` instead of a loop over the words. Arrays, not lists of ints, so a
    1 MB article's 200,000 words cost a few MB.
    """

    start: array  # offset of the word in the text; -1 for a marker
    end: array
    cells: array  # width on screen
    sentence: array  # the sentence it belongs to
    cum: array  # cum[i]: cells of words before i, each followed by one space (len = words + 1)
    paragraphs: list[tuple[int, int]]  # [first word, end word) of each paragraph, in order
    first_word: array  # per sentence: its first word (its marker when it has one)


def _word_bounds(display: str) -> tuple[array, array, array]:
    """Start, end and width of every run of non-space characters, found without a match object each:
    ``re.split`` and running sums of the lengths of its parts (C loops), for 200,000 words a 1 MB text has."""
    parts = _SPLIT.split(display)  # [space, word, space, word, ..., space]
    bounds = array("i", accumulate(map(len, parts)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    cells = array("i", map(sub, ends, starts))  # one cell a character: true but for wide or zero-width ones
    if not display.isascii():
        odd = "".join(c for c in set(_NON_ASCII.findall(display)) if cell_len(c) != 1)
        if odd:
            for match in re.finditer(f"[{re.escape(odd)}]", display):
                k = bisect.bisect_right(starts, match.start()) - 1
                cells[k] = cell_len(display[starts[k] : ends[k]])
    return starts, ends, cells


def index_words(doc: Document, display: str, *, markers: bool) -> Words:
    """The ``Words`` of ``doc``; ``markers`` puts the class marker before every sentence that has words."""
    word_start, word_end, word_cells = _word_bounds(display)
    start, end, cells, owner = array("i"), array("i"), array("i"), array("i")
    first_word = array("i", [0] * len(doc.sentences))
    paragraphs: list[tuple[int, int]] = []
    marker_cells = {label: cell_len(marker) for label, marker in MARKERS.items()}
    paragraph: int | None = None
    paragraph_start = 0
    for sentence in doc.sentences:
        if sentence.paragraph != paragraph:
            if paragraph is not None and len(start) > paragraph_start:
                paragraphs.append((paragraph_start, len(start)))
            paragraph, paragraph_start = sentence.paragraph, len(start)
        index = sentence.index
        first_word[index] = len(start)
        if markers and not is_separator(sentence):
            start.append(-1)
            end.append(-1)
            cells.append(marker_cells[sentence.label])
            owner.append(index)
        # The words overlapping the sentence; one that runs over its edge (no space between two
        # units) is cut there, as a match limited to the sentence would be.
        lo = bisect.bisect_right(word_end, sentence.start)
        hi = bisect.bisect_left(word_start, sentence.end)
        before = len(start)
        start.extend(word_start[lo:hi])
        end.extend(word_end[lo:hi])
        cells.extend(word_cells[lo:hi])
        if hi > lo and (start[before] < sentence.start or end[-1] > sentence.end):
            for k in (before, len(start) - 1):
                a, b = max(start[k], sentence.start), min(end[k], sentence.end)
                start[k], end[k], cells[k] = a, b, cell_len(display[a:b])
        owner.extend(array("i", [index]) * (hi - lo))
    if len(start) > paragraph_start:
        paragraphs.append((paragraph_start, len(start)))
    cum = array("i", [0])
    cum.extend(map(add, accumulate(cells), range(1, len(cells) + 1)))  # each word and one space
    return Words(start, end, cells, owner, cum, paragraphs, first_word)


class Lines(Sequence[tuple[Piece, ...]]):
    """The display lines of a layout, as pieces, made on demand (only the lines drawn are ever built)."""

    def __init__(self, words: Words, first: array, stop: array, cut: dict[int, tuple[Piece, ...]]) -> None:
        self._words, self._first, self._stop, self._cut = words, first, stop, cut

    def __len__(self) -> int:
        return len(self._first)

    @overload
    def __getitem__(self, y: int) -> tuple[Piece, ...]: ...

    @overload
    def __getitem__(self, y: slice) -> list[tuple[Piece, ...]]: ...

    def __getitem__(self, y: int | slice) -> tuple[Piece, ...] | list[tuple[Piece, ...]]:
        if isinstance(y, slice):
            return [self[i] for i in range(*y.indices(len(self)))]
        if y < 0:
            y += len(self)
        cut = self._cut.get(y)
        if cut is not None:
            return cut
        w = self._words
        return tuple(Piece(w.sentence[k], w.start[k], w.end[k]) for k in range(self._first[y], self._stop[y]))


@dataclass(frozen=True, slots=True)
class Layout:
    """The wrapped article for one width."""

    width: int
    lines: Lines
    first_line: array  # per sentence
    last_line: array  # per sentence
    line_sentence: array  # per line: the sentence shown there (or the next one)


def _split_long(start: int, word: str, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than ``width`` into pieces that fit (by code points)."""
    pieces: list[tuple[int, int]] = []
    begin = 0
    cells = 0
    for i, char in enumerate(word):
        w = cell_len(char)
        if cells + w > width and i > begin:
            pieces.append((start + begin, start + i))
            begin, cells = i, 0
        cells += w
    pieces.append((start + begin, start + len(word)))
    return pieces


def build_layout(doc: Document, display: str, width: int, *, markers: bool, words: Words | None = None) -> Layout:
    """Wrap every paragraph of ``doc`` to ``width`` cells; a blank line between paragraphs.

    Greedy, word by word as a reader expects, but found by bisection: the words ``i..b`` fit on a
    line when ``cum[b] - cum[i] - 1 <= width``. A word wider than the line is cut into pieces,
    each on its own line.
    """
    width = max(width, 8)
    if words is None:
        words = index_words(doc, display, markers=markers)
    cum, owner = words.cum, words.sentence
    first, stop = array("i"), array("i")
    cut: dict[int, tuple[Piece, ...]] = {}
    for number, (a, e) in enumerate(words.paragraphs):
        if number:
            first.append(a)  # the blank line between paragraphs
            stop.append(a)
        i = a
        while i < e:
            b = bisect.bisect_right(cum, cum[i] + width + 1, i + 1, e + 1) - 1
            if b > i:
                first.append(i)
                stop.append(b)
                i = b
                continue
            # One word wider than the line: a line per piece of it.
            for part_start, part_end in _split_long(words.start[i], display[words.start[i] : words.end[i]], width):
                cut[len(first)] = (Piece(owner[i], part_start, part_end),)
                first.append(i)
                stop.append(i + 1)
            i += 1
    if not first:
        first.append(0)
        stop.append(0)
    count = len(doc.sentences)
    first_line = array("i", [-1] * count)
    last_line = array("i", [0] * count)
    line_sentence = array("i", [-1] * len(first))
    for y in range(len(first)):
        a, b = first[y], stop[y]
        if a == b:
            continue
        s0, s1 = owner[a], owner[b - 1]
        line_sentence[y] = s0
        for s in range(s0, s1 + 1):
            if first_line[s] < 0:
                first_line[s] = y
            last_line[s] = y
    # A unit without words (none today) sits where the next one starts; blank lines point at the
    # next sentence, so a page jump lands on text.
    following = len(first) - 1
    for s in range(count - 1, -1, -1):
        if first_line[s] < 0:
            first_line[s] = last_line[s] = following
        following = first_line[s]
    following = max(count - 1, 0)
    for y in range(len(first) - 1, -1, -1):
        if line_sentence[y] == -1:
            line_sentence[y] = following
        else:
            following = line_sentence[y]
    return Layout(width, Lines(words, first, stop, cut), first_line, last_line, line_sentence)


def plain_document(text: str) -> Document:
    """A stand-in Document (one unit per line) to show the text before the analysis lands."""
    sentences = []
    for paragraph, match in enumerate(re.finditer(r"[^\n]+", text)):
        if match.group().strip():
            sentences.append(
                Sentence(len(sentences), match.start(), match.end(), match.group(), SentenceKind.SENTENCE, paragraph)
            )
    return Document(text=text, title=None, sentences=tuple(sentences))


class ArticleView(ResolvedStyles, ScrollView, can_focus=True, inherit_bindings=False):
    """The article, every sentence marked and coloured by class; one sentence is current.

    It has no key bindings of its own (``inherit_bindings=False`` drops the scroll keys of
    ``ScrollView``): arrows, pages, home and end move the current sentence (the app's
    bindings) and the view follows it, so the detail line always describes what is on screen.
    """

    COMPONENT_CLASSES = {
        "article--official",
        "article--third-party",
        "article--unattributed",
        "article--marker-official",
        "article--marker-third-party",
        "article--marker-unattributed",
        "article--current",
        "article--gutter",
        "article--source",
        "article--cue",
        "article--match",
        "article--current-match",
        "article--dim",
        "article--heading",
        "article--caption",
    }
    """Styles of the sentence classes and highlights, restyled from ``reader.tcss``."""

    DEFAULT_CSS = """
    ArticleView { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    class SentenceClicked(Message):
        """A sentence was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, document: Document, *, analysed: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._layout: Layout | None = None
        self._relayout_pending = False
        self.current = 0
        self.focused_source: str | None = None
        self.query = ""
        self.match_at: int | None = None
        self._search: TextSearch | None = None
        self._set(document, analysed)

    def _set(self, document: Document, analysed: bool) -> None:
        self.document = document
        self.analysed = analysed
        self.display_text = neutralize_same_length(document.text)
        self.starts = [s.start for s in document.sentences]
        self._search = None
        self._words: Words | None = None
        self._layout = None
        self._cache.clear()
        self.current = min(self.current, max(len(document.sentences) - 1, 0))

    def set_document(self, document: Document, *, analysed: bool = True) -> None:
        """Show another Document (the analysis replacing the plain text)."""
        self._set(document, analysed)
        self._relayout()

    # -- state the app changes -------------------------------------------------

    def set_current(self, index: int) -> None:
        """Make sentence ``index`` current and scroll it into view."""
        if not self.document.sentences:
            return
        previous = self.current
        self.current = max(0, min(index, len(self.document.sentences) - 1))
        if self.focused_source is None and not self.query:
            # Only the lines of the old and the new current sentence look different.
            self._refresh_sentence_lines(previous)
            self._refresh_sentence_lines(self.current)
        else:
            self._changed()
        self.scroll_to_current()

    def _refresh_sentence_lines(self, index: int) -> None:
        layout = self._layout
        if layout is None or not 0 <= index < len(layout.first_line):
            self._changed()
            return
        first, last = layout.first_line[index], layout.last_line[index]
        for y in range(first, last + 1):
            self._cache.discard((y, self.scrollable_content_region.width))
        self.refresh_lines(first, last - first + 1)

    def set_focused_source(self, source_id: str | None) -> None:
        """Dim every sentence not attributed to ``source_id`` (None: dim nothing)."""
        self.focused_source = source_id
        self._changed()

    @property
    def search(self) -> TextSearch:
        """The search over this article's text (folded once, on first use)."""
        if self._search is None:
            self._search = TextSearch(self.document.text)
        return self._search

    def set_search(self, query: str, match_at: int | None) -> None:
        """Highlight the matches of ``query`` (on the lines drawn); the one starting at ``match_at`` stands out."""
        if (query, match_at) == (self.query, self.match_at):
            return
        self.query = query
        self.match_at = match_at
        self._changed()

    def _changed(self) -> None:
        self._cache.clear()
        self.refresh()

    # -- geometry ---------------------------------------------------------------

    @property
    def layout_info(self) -> Layout | None:
        """The current wrapping (None before the first resize)."""
        return self._layout

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER, 8)

    def _relayout(self) -> None:
        if self.scrollable_content_region.width <= 0:
            return
        if self._words is None:
            self._words = index_words(self.document, self.display_text, markers=self.analysed)
        self._layout = build_layout(
            self.document, self.display_text, self._text_width(), markers=self.analysed, words=self._words
        )
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._layout.lines))
        self.refresh()
        self.call_after_refresh(self.scroll_to_current)

    def on_resize(self, event: events.Resize) -> None:
        # Wait for the layout to settle (a breakpoint may resize us again at once): wrap once.
        if not self._relayout_pending:
            self._relayout_pending = True
            self.call_after_refresh(self._relayout_if_needed)

    def _relayout_if_needed(self) -> None:
        self._relayout_pending = False
        if self._layout is None or self._layout.width != self._text_width():
            self._relayout()
        else:
            self.scroll_to_current()  # only the height changed: the current sentence may be below the view

    def scroll_to_current(self) -> None:
        """Scroll the least needed to show the current sentence (its start if it is taller than the view)."""
        layout = self._layout
        if layout is None or not self.document.sentences:
            return
        top, bottom = layout.first_line[self.current], layout.last_line[self.current]
        height = max(self.scrollable_content_region.height, 1)
        y = self.scroll_y
        if bottom >= y + height:
            y = bottom - height + 1
        if top < y or bottom - top >= height:
            y = top
        if y != self.scroll_y:
            self.scroll_to(y=y, animate=False, immediate=True)

    def page(self, forward: bool) -> int:
        """Scroll one screen down (up) and return the sentence a screen away from the current one.

        The new current sentence sits where the old one sat in the view, so each press moves
        it by about a screen (like ``less``); at either end, the first or last sentence.
        """
        layout = self._layout
        count = len(self.document.sentences)
        if layout is None or not count:
            return self.current
        height = max(self.scrollable_content_region.height, 1)
        top = int(self.scroll_y)
        bottom_top = max(len(layout.lines) - height, 0)
        new_top = min(top + height, bottom_top) if forward else max(top - height, 0)
        if new_top == top:
            return count - 1 if forward else 0
        at = min(max(layout.first_line[self.current] - top, 0), height - 1)
        target = layout.line_sentence[min(new_top + at, len(layout.lines) - 1)]
        target = max(target, self.current + 1) if forward else min(target, self.current - 1)
        self.scroll_to(y=new_top, animate=False, immediate=True)
        return max(0, min(target, count - 1))

    def sentence_at_point(self, x: int, y: int) -> int | None:
        """The sentence drawn at content cell (x, y) of the whole article (not the view)."""
        layout = self._layout
        if layout is None or not 0 <= y < len(layout.lines):
            return None
        pieces = layout.lines[y]
        if not pieces:
            return None
        column = GUTTER
        for i, piece in enumerate(pieces):
            if i:
                column += 1
            column += self._piece_cells(piece)
            if x < column:
                return piece.sentence
        return pieces[-1].sentence

    def _piece_cells(self, piece: Piece) -> int:
        if piece.start < 0:
            return cell_len(MARKERS[self.document.sentences[piece.sentence].label])
        return cell_len(self.display_text[piece.start : piece.end])

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.sentence_at_point(offset.x + int(self.scroll_x), offset.y + int(self.scroll_y))
        if index is not None:
            self.post_message(self.SentenceClicked(index))

    # -- drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        # A theme or CSS change: every drawn line is stale (the resolved styles too: ResolvedStyles).
        self._cache.clear()
        super().notify_style_update()

    def _sentence_names(self, sentence: Sentence) -> tuple[str, ...]:
        names: list[str] = []
        if self.analysed:
            names.append(f"article--{_CLASS_COMPONENT[sentence.label]}")
        if sentence.kind is SentenceKind.HEADING:
            names.append("article--heading")
        elif sentence.kind is SentenceKind.CAPTION:
            names.append("article--caption")
        if self.focused_source is not None and sentence.source_id != self.focused_source:
            names.append("article--dim")
        if sentence.index == self.current and self.analysed:
            names.append("article--current")
        return tuple(names)

    def _overlays(self, sentence: Sentence) -> list[tuple[Span, str]]:
        overlays: list[tuple[Span, str]] = []
        if self.analysed and sentence.source_span is not None:
            overlays.append((sentence.source_span, "article--source"))
        if self.analysed and sentence.cue_span is not None:
            overlays.append((sentence.cue_span, "article--cue"))
        if self.query:
            length = len(self.query)
            for start in self.search.starts(self.query, sentence.start, sentence.end):
                name = "article--current-match" if start == self.match_at else "article--match"
                overlays.append((Span(start, start + length), name))
        return overlays

    def _word_segments(
        self, start: int, end: int, names: tuple[str, ...], overlays: list[tuple[Span, str]]
    ) -> list[Segment]:
        cuts = {start, end}
        for span, _ in overlays:
            if span.start < end and start < span.end:
                cuts.add(max(span.start, start))
                cuts.add(min(span.end, end))
        bounds = sorted(cuts)
        segments = []
        for a, b in zip(bounds, bounds[1:]):
            extra = tuple(name for span, name in overlays if span.start <= a and b <= span.end)
            segments.append(Segment(self.display_text[a:b], self._resolved(names + extra)))
        return segments

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        base_style = self.rich_style
        layout = self._layout
        if layout is None or index >= len(layout.lines):
            return Strip.blank(width, base_style)
        key = (index, width)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render_article_line(layout.lines[index], width, base_style)
            self._cache[key] = cached
        return cached

    def _render_article_line(self, pieces: tuple[Piece, ...], width: int, base_style: Style) -> Strip:
        sentences = self.document.sentences
        is_current = self.analysed and any(p.sentence == self.current for p in pieces)
        segments = [
            Segment("▌", self._resolved(("article--gutter",))) if is_current else Segment(" ", base_style),
            Segment(" ", base_style),
        ]
        previous: Piece | None = None
        overlays: dict[int, list[tuple[Span, str]]] = {}
        for piece in pieces:
            sentence = sentences[piece.sentence]
            names = self._sentence_names(sentence)
            if previous is not None:
                # The space inside a sentence takes its colour, so the highlight reads as one block.
                same = previous.sentence == piece.sentence
                segments.append(Segment(" ", self._resolved(names) if same else base_style))
            if piece.start < 0:
                marker = f"article--marker-{_CLASS_COMPONENT[sentence.label]}"
                segments.append(Segment(MARKERS[sentence.label], self._resolved((*names, marker))))
            else:
                if piece.sentence not in overlays:
                    overlays[piece.sentence] = self._overlays(sentence)
                segments.extend(self._word_segments(piece.start, piece.end, names, overlays[piece.sentence]))
            previous = piece
        return Strip(segments).crop_extend(0, width, base_style)
