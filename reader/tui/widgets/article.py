"""The article pane: the text, wrapped by us and rendered line by line.

Only the visible lines are ever turned into segments (``render_line``), so a
1 MB article costs one wrapping pass, not thousands of widgets. Article text is
data: it is neutralised once (same length, offsets stay valid) and only ever
placed into ``Segment`` objects, never parsed as markup.
"""

from __future__ import annotations

from array import array
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from reader.core.model import Document, Label, Sentence, SentenceKind, Span
from reader.export.legend import MARKERS
from reader.safe_text import visible_same_length
from reader.tui.navigation import TextSearch, sentence_at
from reader.tui.widgets.lines import LineView
from reader.tui.widgets.styles import ResolvedStyles
from reader.tui.wrap import Layout, Piece, Words, build_layout, index_words, shown, word_bounds

GUTTER = 2  # a bar for the current sentence, then a space (or the mark of a corrected sentence)
CORRECTED_MARK = "✎"  # in the gutter, beside a sentence the reader corrected
_CLASS_COMPONENT = {
    Label.OFFICIAL: "official",
    Label.THIRD_PARTY: "third-party",
    Label.UNATTRIBUTED: "unattributed",
}


class ArticleView(ResolvedStyles, LineView, can_focus=True, inherit_bindings=False):
    """The article, every sentence marked and coloured by class; one sentence is current.

    It has no key bindings of its own (``inherit_bindings=False`` drops the scroll keys of
    ``ScrollView``): arrows, pages, home and end move the current sentence (the app's
    bindings) and the view follows it, so the detail line always describes what is on screen.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--official",
        "article--third-party",
        "article--unattributed",
        "article--marker-official",
        "article--marker-third-party",
        "article--marker-unattributed",
        "article--current",
        "article--gutter",
        "article--corrected",
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
        # The lines drawn, per width: a width drawn before and unchanged since (a resize back, ``s``
        # twice) draws nothing anew.
        self._strips: LRUCache[int, LRUCache[int, Strip]] = LRUCache(4)
        self._layout: Layout | None = None
        self._layouts: LRUCache[int, Layout] = LRUCache(4)  # by text width: a resize back, ``s`` twice
        self.current = 0
        self.focused_source: str | None = None
        self.class_filter: str | None = None
        self.search_query = ""
        self.match_at: int | None = None
        self._search: TextSearch | None = None
        self._bounds: tuple[str, tuple[array, array, array]] | None = None
        self.corrected: frozenset[int] = frozenset()  # sentences the reader corrected: marked in the gutter
        self._set(document, analysed)

    def _set(self, document: Document, analysed: bool) -> None:
        self.document = document
        self.analysed = analysed
        self.display_text = visible_same_length(document.text)
        self.starts = [s.start for s in document.sentences]
        if self._search is not None and self._search.text != document.text:
            self._search = None  # the same text (its analysis arriving) keeps its folded copy
        self._words: Words | None = None
        self._layout = None
        self._layouts.clear()
        self._strips.clear()
        self.current = min(self.current, max(len(document.sentences) - 1, 0))

    def bounds_for(self, display: str) -> tuple[array, array, array]:
        """Where the words of ``display`` are (``reader.tui.wrap.word_bounds``), found once per text: the
        plain text shown first and its analysis have the same words. Safe from a worker thread."""
        known = self._bounds
        if known is not None and known[0] == display:
            return known[1]
        bounds = word_bounds(display)
        self._bounds = (display, bounds)
        return bounds

    def set_document(
        self,
        document: Document,
        *,
        analysed: bool = True,
        words: Words | None = None,
        search: TextSearch | None = None,
    ) -> None:
        """Show another Document (the analysis replacing the plain text); ``words``: its words, already
        indexed (``index_words`` with markers, in the worker thread), so only the wrapping is left;
        ``search``: its text already folded for search (else folded after the next frame).
        The reader keeps their place: the unit at the same offset of the text becomes current."""
        old = self.document.sentences
        offset = old[self.current].start if old and self.current < len(old) else 0
        self._set(document, analysed)
        if search is not None and search.text == document.text:
            self._search = search
        found = sentence_at(document, offset, self.starts)
        self.current = found if found is not None else 0
        self._words = words
        self._relayout()
        self.call_after_refresh(self.prepare_search)

    def on_mount(self) -> None:
        self.call_after_refresh(self.prepare_search)

    def update_document(self, document: Document, corrected: frozenset[int] = frozenset()) -> None:
        """The same text and sentences with other classes and sources (the reader corrected them):
        the wrapping is kept (a class marker is one cell whatever the class), only the lines are redrawn."""
        if document.text != self.document.text or len(document.sentences) != len(self.document.sentences):
            raise ValueError("update_document needs the same text and sentences")
        self.document = document
        self.corrected = corrected
        self._changed()

    # -- state the app changes -------------------------------------------------

    def set_current(self, index: int) -> None:
        """Make sentence ``index`` current and scroll it into view."""
        if not self.document.sentences:
            return
        previous = self.current
        self.current = max(0, min(index, len(self.document.sentences) - 1))
        # Only the lines of the old and the new current sentence look different.
        self._refresh_sentence_lines(previous)
        self._refresh_sentence_lines(self.current)
        self.scroll_to_current()

    def _refresh_sentence_lines(self, index: int) -> None:
        layout = self._layout
        if layout is None or not 0 <= index < len(layout.first_line):
            self._changed()
            return
        first, last = layout.first_line[index], layout.last_line[index]
        drawn = self._strips.get(self.scrollable_content_region.width)
        self._strips.clear()  # the lines of other widths are out of date
        if drawn is not None:
            for y in range(first, last + 1):
                drawn.discard(y)
            self._strips[self.scrollable_content_region.width] = drawn
        self.refresh_lines(first, last - first + 1)

    def set_class_filter(self, label: str | None) -> None:
        """Dim every unit that is not a sentence of class ``label`` (None: dim nothing)."""
        self.class_filter = label
        self._changed()

    def set_focused_source(self, source_id: str | None) -> None:
        """Dim every sentence not attributed to ``source_id`` (None: dim nothing)."""
        self.focused_source = source_id
        self._changed()

    @property
    def search(self) -> TextSearch:
        """The search over this article's text (folded once: ``prepare_search``, or on first use)."""
        if self._search is None:
            self._search = TextSearch(self.document.text)
        return self._search

    def prepare_search(self) -> None:
        """Fold the text for search now, once a frame is drawn, so that no search key pays for it
        (5-7 ms on the 1 MB bench article)."""
        if self._search is None:
            self._search = TextSearch(self.document.text)

    def set_search(self, query: str, match_at: int | None) -> None:
        """Highlight the matches of ``query`` (on the lines drawn); the one starting at ``match_at`` stands out."""
        if (query, match_at) == (self.search_query, self.match_at):
            return
        if query == self.search_query:
            # Another match of the same search: only the lines of the old and the new one change.
            previous, self.match_at = self.match_at, match_at
            for offset in (previous, match_at):
                if offset is not None:
                    found = sentence_at(self.document, offset, self.starts)
                    if found is not None:
                        self._refresh_sentence_lines(found)
            return
        old_query, self.search_query, self.match_at = self.search_query, query, match_at
        self._redraw_lines_matching(old_query, query)

    def _redraw_lines_matching(self, *queries: str) -> None:
        """Redraw the lines on screen that show a match of any of ``queries`` (another search changes only
        them: a rare word, a few lines); the other lines on screen are kept, every other line drawn dropped."""
        layout = self._layout
        width, height = self.scrollable_content_region.size
        drawn = self._strips.get(width)
        if layout is None or drawn is None:
            self._changed()
            return
        self._strips.clear()
        kept = self._strips[width] = LRUCache(1024)
        search, top = self.search, int(self.scroll_y)
        for y in range(top, min(top + height, len(layout.lines))):
            strip = drawn.get(y)
            if strip is None:
                continue
            start, end = _text_span(layout.lines[y])
            if any(search.overlaps(query, start, end) for query in queries):
                self.refresh_lines(y)
            else:
                kept[y] = strip

    def _changed(self) -> None:
        self._strips.clear()
        self.refresh()

    # -- geometry ---------------------------------------------------------------

    @property
    def layout_info(self) -> Layout | None:
        """The current wrapping (None before the first resize)."""
        return self._layout

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER, 8)

    def _relayout(self) -> None:
        """Wrap for the current width (another document, same size): laid out and drawn in the next frame."""
        if self.scrollable_content_region.width <= 0:
            return
        self._wrap()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._wrapped().lines))
        self.refresh()
        self.call_after_refresh(self.scroll_to_current)

    def _wrap(self) -> None:
        if self._words is None:
            bounds = self.bounds_for(self.display_text)
            self._words = index_words(self.document, self.display_text, markers=self.analysed, bounds=bounds)
        width = self._text_width()
        layout = self._layouts.get(width)
        if layout is None:
            layout = build_layout(self.document, self.display_text, width, markers=self.analysed, words=self._words)
            self._layouts[width] = layout
        self._layout = layout

    def _wrapped(self) -> Layout:
        assert self._layout is not None
        return self._layout

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized and self.scrollable_content_region.width > 0:
            self._fit_to_size()
        return resized

    def _fit_to_size(self) -> None:
        """Wrap for a new width and keep the current sentence in view, in the layout that gave the size:
        the frame that follows draws the article once, at its new size (not the old wrapping, then the new,
        then scrolled)."""
        if self._layout is None or self._layout.width != self._text_width():
            self._wrap()
            self.set_reactive(
                ArticleView.virtual_size, Size(self.scrollable_content_region.width, len(self._wrapped().lines))
            )
            self.refit_scroll_bars()
        wanted = self._current_in_view()
        if wanted is not None:
            # Set, not assigned: assigning would redraw the whole view again, in a frame of its own.
            y = self.validate_scroll_y(wanted)
            self.set_reactive(ArticleView.scroll_y, y)
            self.set_reactive(ArticleView.scroll_target_y, y)
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.position = y

    def scroll_to_current(self) -> None:
        """Scroll the least needed to show the current sentence (its start if it is taller than the view)."""
        y = self._current_in_view()
        if y is not None:
            self.scroll_to(y=y, animate=False, immediate=True)

    def _current_in_view(self) -> int | None:
        """Where to scroll to show the current sentence, moving the least (None: where it is)."""
        layout = self._layout
        if layout is None or not self.document.sentences:
            return None
        top, bottom = layout.first_line[self.current], layout.last_line[self.current]
        height = max(self.scrollable_content_region.height, 1)
        y = self.scroll_y
        if bottom >= y + height:
            y = bottom - height + 1
        if top < y or bottom - top >= height:
            y = top
        return None if y == self.scroll_y else int(y)

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
        return cell_len(shown(self.display_text[piece.start : piece.end]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.sentence_at_point(offset.x + int(self.scroll_x), offset.y + int(self.scroll_y))
        if index is not None:
            self.post_message(self.SentenceClicked(index))

    # -- drawing ----------------------------------------------------------------

    def drawing_styles_changed(self) -> None:
        # A theme or CSS change: every drawn line is stale.
        self._strips.clear()
        self.refresh()

    def _sentence_names(self, sentence: Sentence) -> tuple[str, ...]:
        names: list[str] = []
        if self.analysed:
            names.append(f"article--{_CLASS_COMPONENT[sentence.label]}")
        if sentence.kind is SentenceKind.HEADING:
            names.append("article--heading")
        elif sentence.kind is SentenceKind.CAPTION:
            names.append("article--caption")
        if (self.focused_source is not None and sentence.source_id != self.focused_source) or (
            self.class_filter is not None
            and (sentence.label.value != self.class_filter or sentence.kind is not SentenceKind.SENTENCE)
        ):
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
        if self.search_query:
            length = len(self.search_query)
            for start in self.search.starts(self.search_query, sentence.start, sentence.end):
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
        for a, b in pairwise(bounds):
            extra = tuple(name for span, name in overlays if span.start <= a and b <= span.end)
            segments.append(Segment(shown(self.display_text[a:b]), self._resolved(names + extra)))
        return segments

    def render_line(self, y: int) -> Strip:
        # A line drawn before costs a look-up: not even ``rich_style``, which blends the colours of every
        # ancestor (a screen of them was 5 ms of a key that repaints the article).
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        layout = self._layout
        if layout is None or index >= len(layout.lines):
            return Strip.blank(width, self.rich_style)
        drawn = self._strips.get(width)
        if drawn is None:
            drawn = self._strips[width] = LRUCache(1024)
        cached = drawn.get(index)
        if cached is None:
            cached = self._render_article_line(layout.lines[index], width, self.rich_style)
            drawn[index] = cached
        return cached

    def _render_article_line(self, pieces: tuple[Piece, ...], width: int, base_style: Style) -> Strip:
        sentences = self.document.sentences
        is_current = self.analysed and any(p.sentence == self.current for p in pieces)
        corrected = bool(self.corrected) and any(p.sentence in self.corrected for p in pieces)
        segments = [
            Segment("▌", self._resolved(("article--gutter",))) if is_current else Segment(" ", base_style),
            Segment(CORRECTED_MARK, self._resolved(("article--corrected",))) if corrected else Segment(" ", base_style),
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


def _text_span(pieces: tuple[Piece, ...]) -> tuple[int, int]:
    """Where the words of a display line are in the text (``(0, 0)``: none)."""
    words = [piece for piece in pieces if piece.start >= 0]
    return (words[0].start, words[-1].end) if words else (0, 0)
