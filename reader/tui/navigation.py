"""Pure helpers for moving through a Document: no Textual here, so they test fast."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.core.model import Document, Span


def step(indices: Sequence[int], current: int, forward: bool) -> int | None:
    """The first of the sorted ``indices`` after (or before) ``current``, or None."""
    if forward:
        at = bisect.bisect_right(indices, current)
        return indices[at] if at < len(indices) else None
    at = bisect.bisect_left(indices, current)
    return indices[at - 1] if at > 0 else None


def find_matches(text: str, query: str) -> list[Span]:
    """Every case-insensitive, non-overlapping occurrence of ``query`` in ``text``."""
    if not query:
        return []
    return [Span(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


def sentence_at(doc: Document, offset: int) -> int | None:
    """The index of the sentence containing (or, in a gap, following) ``offset``."""
    starts = [s.start for s in doc.sentences]
    if not starts:
        return None
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and offset < doc.sentences[at].end:
        return at
    return min(at + 1, len(starts) - 1)


def match_step(matches: Sequence[Span], current: int | None, forward: bool) -> int | None:
    """The index of the next (previous) match, wrapping around; None when there are none."""
    if not matches:
        return None
    if current is None:
        return 0 if forward else len(matches) - 1
    return (current + (1 if forward else -1)) % len(matches)


def first_match_from(matches: Sequence[Span], offset: int) -> int | None:
    """The index of the first match starting at or after ``offset``, wrapping to the first."""
    if not matches:
        return None
    at = bisect.bisect_left([m.start for m in matches], offset)
    return at if at < len(matches) else 0
