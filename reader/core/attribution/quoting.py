"""Quotations for attribution: the quote index, the quote-masked text, idioms and non-responses blanked."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.core.attribution.tokens import ALNUM_RE
from reader.core.attribution.words import IDIOM_PHRASES
from reader.core.segment import Unit

# "X did not respond to a request for comment", "X declined to comment": a non-response
# puts no claim in anyone's mouth.
_NO_COMMENT = re.compile(
    r"(?:\b(?:declined|declines|refused|refuses)\s+to\s+comment\b"
    r"|(?:\bnot|n't|\bnever)\s+(?:\w+ly\s+)?(?:respond|reply|return|answer)\w*\b[^.;]{0,60}\bcomment"
    r"|\bcould\s+not\s+be\s+reached\s+for\s+comment\b)"
    r"(?:\s+(?:on|about)\b[^.,;:]{0,60})?"  # "… on the report": what was not commented on
)


class QuoteIndex:
    """Quoted regions in text order, for fast per-sentence lookups."""

    def __init__(self, text: str, groups: list) -> None:
        self.text = text
        self.regions = [(r.start, r.end) for g in groups for r in g.regions]
        self.regions.sort()
        self.starts = [r[0] for r in self.regions]

    def share(self, start: int, end: int) -> tuple[float, int]:
        """(share of the letters and digits of [start, end) inside quotes, spaces inside quotes)."""
        inside = spaces = 0
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        while i < len(self.regions) and self.regions[i][0] < end:
            r_start, r_end = max(self.regions[i][0], start), min(self.regions[i][1], end)
            if r_start < r_end:
                inside += len(ALNUM_RE.findall(self.text, r_start, r_end))
                spaces += self.text.count(" ", r_start, r_end)
            i += 1
        if not inside:
            return 0.0, spaces  # most sentences: no need to count their letters
        return inside / len(ALNUM_RE.findall(self.text, start, end)), spaces

    def touched(self, units: Sequence[Unit]) -> set[int]:
        """Indices of the units that overlap a quoted region (most units overlap none)."""
        starts = [u.start for u in units]
        found: set[int] = set()
        for r_start, r_end in self.regions:
            i = max(0, bisect.bisect_right(starts, r_start) - 1)
            while i < len(units) and units[i].start < r_end:
                if units[i].end > r_start:
                    found.add(i)
                i += 1
        return found

    def masked(self) -> str:
        """The text with every quoted character blanked (same length, quote marks kept)."""
        pieces, pos = [], 0
        for r_start, r_end in self.regions:
            if r_start < pos:
                continue
            pieces.append(self.text[pos:r_start])
            pieces.append(" " * (r_end - r_start))
            pos = r_end
        pieces.append(self.text[pos:])
        return "".join(pieces)


ACCORDING_TO_PLAN = re.compile(r"according to (?:the )?(?:plan|schedule|script|tradition|custom|form)\b")


def _idiom_spans(lowered: str) -> list[tuple[int, int]]:
    """Where the set phrases of IDIOM_PHRASES stand as whole words ("according to" only
    before a plan or a custom)."""
    spans = []
    for phrase in IDIOM_PHRASES:
        at = lowered.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if phrase == "according to":
                plan = ACCORDING_TO_PLAN.match(lowered, at)
                end = plan.end() if plan else -1
            if (
                end > 0
                and (at == 0 or not lowered[at - 1].isalnum())
                and (end == len(lowered) or not lowered[end].isalnum())
            ):
                spans.append((at, end))
            end = max(end, at + 1)
            at = lowered.find(phrase, end)
    return spans


def _no_comment_spans(lowered: str) -> list[tuple[int, int]]:
    """Where a non-response stands ("declined to comment", "did not respond to a request for
    comment"): only near the word "comment"."""
    spans = []
    at = lowered.find("comment")
    while at >= 0:
        window = max(0, at - 100)
        for m in _NO_COMMENT.finditer(lowered, window, at + 80):
            if m.end() >= at:
                spans.append(m.span())
        at = lowered.find("comment", at + 7)
    return spans


def blank_idioms(masked: str) -> str:
    """``masked`` with every idiom blanked (same length), so no cue is read inside one.

    Plain substring search, not one big case-insensitive pattern: on a long text the
    pattern would try its alternatives at every position.
    """
    lowered = masked.lower()
    if len(lowered) != len(masked):  # a character lower-cases to two: offsets would drift
        return masked
    spans = _idiom_spans(lowered) + _no_comment_spans(lowered)
    if not spans:
        return masked
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        pieces += [masked[pos:start], " " * (end - start)]
        pos = end
    pieces.append(masked[pos:])
    return "".join(pieces)
