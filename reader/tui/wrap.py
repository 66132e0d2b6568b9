"""Wrapping an article into display lines, without textual: the app and its analysis child both use it.

``index_words`` lists every word once per document (width-independent, in arrays); ``build_layout``
wraps them to a width by bisection, so a resize costs a pass over the lines, not over the words.
The analysis child indexes the words of the document it sends, so the interface does not have to.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from operator import add, sub
from typing import NamedTuple, overload

from rich.cells import cell_len

from reader.core.model import Document, Sentence, SentenceKind
from reader.export.legend import MARKERS
from reader.export.markdown import is_separator
from reader.safe_text import ZERO_WIDTH_MARK

_WORD = re.compile(r"\S+")
_SPLIT = re.compile(r"(\S+)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def shown(piece: str) -> str:
    """A piece of a display text (``reader.safe_text.visible_same_length``) as it is written: without the
    marks left where zero-width characters were. Its cells are ``cell_len`` of this."""
    return piece.replace(ZERO_WIDTH_MARK, "")


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


def word_bounds(display: str) -> tuple[array, array, array]:
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
                cells[k] = cell_len(shown(display[starts[k] : ends[k]]))
    return starts, ends, cells


def index_words(
    doc: Document, display: str, *, markers: bool, bounds: tuple[array, array, array] | None = None
) -> Words:
    """The ``Words`` of ``doc``; ``markers`` puts the class marker before every sentence that has words.

    ``bounds`` is ``word_bounds(display)`` when already known (the plain text shown before the
    analysis has the same words): the costly part, done once per text.
    """
    word_start, word_end, word_cells = bounds if bounds is not None else word_bounds(display)
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
                start[k], end[k], cells[k] = a, b, cell_len(shown(display[a:b]))
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

    @property
    def first_words(self) -> array:
        """Per line: its first word."""
        return self._first

    @property
    def stop_words(self) -> array:
        """Per line: one past its last word."""
        return self._stop

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


class _Lookup(Sequence[int]):
    """A per-sentence or per-line index, found by bisection when asked: a layout of a 1 MB article
    has 20,000 lines and 10,000 sentences, and a key needs one or two of them."""

    def __init__(self, size: int, find: Callable[[int], int]) -> None:
        self._size, self._find = size, find

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, k: int) -> int: ...

    @overload
    def __getitem__(self, k: slice) -> list[int]: ...

    def __getitem__(self, k: int | slice) -> int | list[int]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._size))]
        if k < 0:
            k += self._size
        if not 0 <= k < self._size:
            raise IndexError(k)
        return self._find(k)


class Layout:
    """The wrapped article for one width: its lines, and where each sentence is on them."""

    def __init__(self, width: int, lines: Lines, words: Words, sentences: int) -> None:
        self.width = width
        self.lines = lines
        self._words = words
        self._first = lines.first_words  # per line: its first word (a blank line: the next paragraph's)
        self._stop = lines.stop_words
        self.first_line: Sequence[int] = _Lookup(sentences, self._first_line)
        """Per sentence: the line of its first word (a unit without words: where the next one starts)."""
        self.last_line: Sequence[int] = _Lookup(sentences, self._last_line)
        """Per sentence: the line of its last word."""
        self.line_sentence: Sequence[int] = _Lookup(len(lines), self._line_sentence)
        """Per line: the sentence shown there; a blank line, the next one (a page jump lands on text)."""

    @cached_property
    def _stops(self) -> list[int]:
        return self._stop.tolist()  # a list, not an array, to bisect: no int made per comparison

    @cached_property
    def _firsts(self) -> list[int]:
        return self._first.tolist()

    def _word_span(self, sentence: int) -> tuple[int, int]:
        begins = self._words.first_word
        end = begins[sentence + 1] if sentence + 1 < len(begins) else len(self._words.start)
        return begins[sentence], end

    def _first_line(self, sentence: int) -> int:
        if not len(self._words.start):
            return 0
        begin, _ = self._word_span(sentence)
        # The first line that ends past the word (a blank line ends where it starts: never).
        return min(bisect.bisect_right(self._stops, begin), len(self._first) - 1)

    def _last_line(self, sentence: int) -> int:
        begin, end = self._word_span(sentence)
        if begin == end:
            return self._first_line(sentence)
        # The last line that starts at or before its last word (the last piece of a cut word).
        return bisect.bisect_right(self._firsts, end - 1) - 1

    def _line_sentence(self, y: int) -> int:
        owner = self._words.sentence
        # A blank line starts at the next paragraph's first word, so it names that sentence.
        return owner[self._first[y]] if len(owner) else max(len(self._words.first_word) - 1, 0)


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
    add_first, add_stop = first.append, stop.append
    find = bisect.bisect_right
    cut: dict[int, tuple[Piece, ...]] = {}
    for number, (a, e) in enumerate(words.paragraphs):
        if number:
            add_first(a)  # the blank line between paragraphs
            add_stop(a)
        i = a
        while i < e:
            b = find(cum, cum[i] + width + 1, i + 1, e + 1) - 1
            if b > i:
                add_first(i)
                add_stop(b)
                i = b
                continue
            # One word wider than the line: a line per piece of it.
            for part_start, part_end in _split_long(words.start[i], display[words.start[i] : words.end[i]], width):
                cut[len(first)] = (Piece(owner[i], part_start, part_end),)
                add_first(i)
                add_stop(i + 1)
            i += 1
    if not first:
        add_first(0)
        add_stop(0)
    return Layout(width, Lines(words, first, stop, cut), words, len(doc.sentences))


def plain_document(text: str) -> Document:
    """A stand-in Document (one unit per line) to show the text before the analysis lands."""
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(re.finditer(r"[^\n]+", text)):
        if match.group().strip():
            sentences.append(
                Sentence(len(sentences), match.start(), match.end(), match.group(), SentenceKind.SENTENCE, paragraph)
            )
    return Document(text=text, title=None, sentences=tuple(sentences))
