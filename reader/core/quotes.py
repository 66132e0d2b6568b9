"""Document-wide quotation tracking, paragraph-aware.

A quote opens with “, ``, „ or a straight " / '' and closes with ”, " or ''. A
quote still open at the end of a paragraph continues when the next paragraph
opens a quote (the news convention for long quotes); the pieces form one
``QuoteGroup`` whose speaker passes to every sentence inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK_RE = re.compile(r"“|”|„|``|''|\"|‘‘|’’")
_OPENERS = {"“", "„", "``", "‘‘"}
_CLOSERS = {"”", "’’"}
# A quote mark after the end of a sentence and a space, inside an open quote.
_ENDS_SENTENCE_RE = re.compile(r"[.!?][\"”'’)]*\s+$")


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """The inside of one quote ``[start, end)`` (marks excluded) in one paragraph."""

    start: int
    end: int
    closed: bool


@dataclass
class QuoteGroup:
    """Quote regions that form one continued quotation."""

    regions: list[QuoteRegion]

    @property
    def start(self) -> int:
        return self.regions[0].start

    @property
    def end(self) -> int:
        return self.regions[-1].end


def _role(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or 'either', from the mark and the characters around it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens_context = (before.isspace() or before in "([{—–-") and (after.isalnum() or after in "‘'….$")
    closes_context = (not before.isspace()) and (after.isspace() or after in ".,;:!?)]}—–-" or after == "")
    if opens_context and not closes_context:
        return "open"
    if closes_context and not opens_context:
        return "close"
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def find_quotes(text: str) -> list[QuoteGroup]:
    """All quotations of ``text`` in order, continued quotes grouped."""
    groups: list[QuoteGroup] = []
    continuing = False
    for p_start, p_end in _paragraphs(text):
        regions, joins = _paragraph_regions(text, p_start, p_end, continuing)
        first_at_start = bool(regions) and not text[p_start : max(p_start, regions[0].start - 1)].strip(" \t\"“'`„‘")
        for i, region in enumerate(regions):
            if joins[i] or (i == 0 and continuing and first_at_start and groups):
                groups[-1].regions.append(region)
            else:
                groups.append(QuoteGroup([region]))
        continuing = bool(regions) and not regions[-1].closed
    return groups


def _paragraph_regions(text: str, p_start: int, p_end: int, continuing: bool) -> tuple[list[QuoteRegion], list[bool]]:
    """The quote regions of one paragraph, and for each whether it continues the one before."""
    open_at: int | None = None
    regions: list[QuoteRegion] = []
    joins: list[bool] = []
    reopened = False  # the open quote continues the region before it
    for m in _MARK_RE.finditer(text, p_start, p_end):
        role = _role(text, m.start(), m.end(), m.group())
        if open_at is None:
            if role == "close":
                if continuing and not regions and m.start() > p_start:
                    # the quote ran on from the last paragraph without a new opening mark
                    regions.append(QuoteRegion(p_start, m.start(), True))
                    joins.append(False)
                continue  # otherwise a stray closer: nothing to close
            open_at = m.end()
        elif role == "open" and m.group() in _OPENERS:
            continue  # nested or doubled opener: stay in the same quote
        elif role == "open" and _ENDS_SENTENCE_RE.search(text, open_at, m.start()):
            # '"… at school. "These lessons …"': paragraphs run together on one line, and a
            # quote that went on into the next paragraph reopens there: one quotation
            regions.append(QuoteRegion(open_at, len(text[: m.start()].rstrip()), False))
            joins.append(reopened)
            open_at, reopened = m.end(), True
        else:
            if m.start() > open_at:
                regions.append(QuoteRegion(open_at, m.start(), True))
                joins.append(reopened)
            open_at, reopened = None, False
    if open_at is not None and p_end > open_at:
        regions.append(QuoteRegion(open_at, p_end, False))
        joins.append(reopened)
    return regions, joins
