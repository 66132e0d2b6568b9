"""Pure helpers for moving through a Document: no Textual here, so they test fast."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.core.model import Document


def step(indices: Sequence[int], current: int, forward: bool) -> int | None:
    """The first of the sorted ``indices`` after (or before) ``current``, or None."""
    if forward:
        at = bisect.bisect_right(indices, current)
        return indices[at] if at < len(indices) else None
    at = bisect.bisect_left(indices, current)
    return indices[at - 1] if at > 0 else None


def fold(text: str) -> str:
    """``text`` lower-cased one character for one, so offsets into it are offsets into ``text``.

    (``str.lower`` keeps the length of every character but U+0130, whose lower case is two.)
    """
    return text.replace("\u0130", "i").lower()


class TextSearch:
    """Case-insensitive literal search over one text, without ever listing every match.

    The text is folded once; counting, stepping and the matches of one line use ``str.count``,
    ``find`` and ``rfind`` (C loops), so a one-letter query on a 1 MB article costs about a
    millisecond and no objects, and only the lines on screen are ever highlighted.
    Matches are counted without overlap, from the start of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._total: tuple[str, int] = ("", 0)  # the last query counted whole, and its count

    def count(self, query: str, end: int | None = None) -> int:
        """How many matches of ``query`` start before ``end`` (all of them without ``end``: counted once per
        query, as the bar shows the total beside each position)."""
        if not query:
            return 0
        if end is None:
            if self._total[0] != query:
                self._total = (query, self.folded.count(fold(query)))
            return self._total[1]
        return self.folded.count(fold(query), 0, min(end + len(query) - 1, len(self.folded)))

    def next(self, query: str, at: int) -> int | None:
        """The first match starting at or after ``at``, wrapping to the first of the text."""
        if not query:
            return None
        needle = fold(query)
        found = self.folded.find(needle, max(at, 0))
        if found < 0:
            found = self.folded.find(needle)
        return None if found < 0 else found

    def previous(self, query: str, before: int) -> int | None:
        """The last match starting before ``before``, wrapping to the last of the text."""
        if not query:
            return None
        needle = fold(query)
        found = self.folded.rfind(needle, 0, max(before, 0) + len(needle) - 1)
        if found < 0:
            found = self.folded.rfind(needle)
        return None if found < 0 else found

    def overlaps(self, query: str, start: int, end: int) -> bool:
        """Whether a match of ``query`` overlaps ``[start, end)`` (one ``find``, no list)."""
        if not query or start >= end:
            return False
        needle = fold(query)
        return self.folded.find(needle, max(start - len(needle) + 1, 0), end + len(needle) - 1) >= 0

    def starts(self, query: str, start: int, end: int) -> list[int]:
        """Where the matches overlapping ``[start, end)`` start: the matches of one sentence."""
        if not query:
            return []
        needle = fold(query)
        found = self.folded.find(needle, max(start - len(needle) + 1, 0), end + len(needle) - 1)
        starts = []
        while found >= 0:
            starts.append(found)
            found = self.folded.find(needle, found + len(needle), end + len(needle) - 1)
        return starts


def sentence_at(doc: Document, offset: int, starts: Sequence[int] | None = None) -> int | None:
    """The index of the sentence containing (or, in a gap, following) ``offset``.

    ``starts`` (every sentence's start, in order) saves building that list on each call.
    """
    if starts is None:
        starts = [s.start for s in doc.sentences]
    if not starts:
        return None
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and offset < doc.sentences[at].end:
        return at
    return min(at + 1, len(starts) - 1)
