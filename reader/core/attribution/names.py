"""Later mentions of a named source: every other place its last name occurs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

from reader.core.attribution.words import OF_HEADS, ROLE_WORDS_BEFORE_NAMES
from reader.core.segment import Unit
from reader.core.sources import Entity, Mention, mention_names

_NAME_BEFORE_RE = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the|" + ROLE_WORDS_BEFORE_NAMES + r")[ \t]+)*$")


_CAPITALISED_WORD_RE = re.compile(r"\b[A-Z][\w&-]*")


_NAME_RUN_CHAR_RE = re.compile(r"[\w&-]")


def _capitalised_words_among(text: str, keys: Iterable[str]) -> Iterator[re.Match[str]]:
    """The matches of ``_CAPITALISED_WORD_RE.finditer(text)`` whose word, lower-cased, is a key.

    Rather than matching every capitalised word of a long text, look for the few keys in
    the lower-cased text and keep the places where that scan would have started a match.
    """
    keys = {key for key in keys if key}
    lowered = text.lower()
    if len(lowered) != len(text):  # a character lower-cases to two: offsets would drift
        yield from (m for m in _CAPITALISED_WORD_RE.finditer(text) if m.group().lower() in keys)
        return
    positions: set[int] = set()
    for key in keys:
        at = lowered.find(key)
        while at >= 0:
            positions.add(at)
            at = lowered.find(key, at + 1)
    for at in sorted(positions):
        m = _CAPITALISED_WORD_RE.match(text, at)
        if m is None or m.group().lower() not in keys:
            continue
        run_start = at
        while run_start > 0 and _NAME_RUN_CHAR_RE.match(text, run_start - 1):
            run_start -= 1
        # the scan's match covers its whole run of word characters: only its first one counts
        first = _CAPITALISED_WORD_RE.search(text, run_start, at + 1)
        if first is not None and first.start() == at:
            yield m


class _Coverage:
    """The offsets covered by some mentions (as they were when built), for membership tests."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions if m.start < m.end)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of any span starting at or before each start
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def _drop_leading_owner(text: str, start: int, name_start: int) -> int:
    """Where a name's run of words really starts: without "of"/"the" at its front, and without
    "Shares of" / "Residents of" ("Shares of Orvane Holdings"), keeping "Bank of", "Minister of"."""
    while True:
        words = text[start:name_start]
        if words.lower().startswith(("of ", "the ")):
            start = text.index(" ", start) + 1
            continue
        first, _, rest = words.partition(" ")
        if rest.lower().startswith("of ") and first.lower() not in OF_HEADS:
            start += len(first) + 1
            continue
        return start


def add_name_mentions(text: str, units: Sequence[Unit], entities: list[Entity]) -> None:
    """Add every other occurrence of a named entity's last name (with the words naming it)."""
    by_key: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.named:
            by_key.setdefault(entity.key, []).append(entity)
    if not by_key:
        return
    starts = [u.start for u in units]
    covered_by: dict[int, _Coverage] = {}
    for m in _capitalised_words_among(text, by_key.keys()):
        word = m.group()
        candidates = by_key.get(word.lower())
        if not candidates:
            continue
        if len(candidates) != 1:
            continue
        entity = candidates[0]
        covered = covered_by.get(id(entity))
        if covered is None:
            covered = covered_by[id(entity)] = _Coverage(entity.mentions)
        if covered.covers(m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = _NAME_BEFORE_RE.search(text, max(line_start, m.start() - 60), m.start())
        start = before.start() if before else m.start()
        start = _drop_leading_owner(text, start, m.start())
        sentence = max(0, bisect.bisect_right(starts, m.start()) - 1)
        _, names, _ = mention_names(text[start : m.end()])
        if not (names <= entity.names or entity.names <= names):
            continue  # "Bill Clinton" is not "Hillary Clinton"
        entity.mentions.append(Mention(start, m.end(), text[start : m.end()], sentence, speaking=False))
