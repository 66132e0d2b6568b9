"""Quote counting in the segmenter is linear in the line's length (issue 13: a 400 KB line took 85 s).

Each candidate split asks whether it is inside a quotation; counting the quote marks from
the line's start for every candidate made one long line quadratic. The work is measured
here as the characters the quote-mark pattern is asked to scan, not as time.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from reader.core import segment as seg


class _CountingPattern:
    """A compiled pattern that adds up how many characters its scans cover."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def _count(self, string: str, pos: int, endpos: int) -> None:
        self.scanned += max(0, min(endpos, len(string)) - pos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        self._count(string, pos, endpos)
        return self.pattern.findall(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        self._count(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        self._count(string, pos, endpos)
        return self.pattern.search(string, pos, endpos)


def test_quote_counting_scans_a_long_line_a_bounded_number_of_times(monkeypatch) -> None:
    line = 'It rained. "A b.' * 4000  # 64,000 characters, 8,000 candidate splits
    counting = _CountingPattern(seg._QUOTE_MARKS)
    monkeypatch.setattr(seg, "_QUOTE_MARKS", counting)
    cache_clear = getattr(getattr(seg, "_quote_mark_ends", None), "cache_clear", None)
    if cache_clear is not None:
        cache_clear()
    units = seg.segment(line)
    assert len(units) > 1000  # the quotation rule was exercised: the line was split
    assert counting.scanned <= 2 * len(line)


def _inside_quote_by_rescanning(line: str, cut: int) -> bool:
    """The definition: an odd number of quote marks in ``line[:cut]``."""
    return len(re.findall(r"[\"\u201c\u201d]|''", line[:cut])) % 2 == 1


@given(st.text(alphabet="ab '\"\u201c\u201d.", max_size=60), st.data())
def test_inside_quote_counts_the_marks_before_the_cut(line: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(line)))
    assert seg._inside_quote(line, cut) == _inside_quote_by_rescanning(line, cut)
