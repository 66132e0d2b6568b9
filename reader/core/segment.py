"""Sentence segmentation. PLACEHOLDER: replaced by the Punkt-based segmenter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import SentenceKind


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence-like unit of the text before attribution."""

    start: int
    end: int
    kind: SentenceKind
    paragraph: int


def segment(text: str) -> list[Unit]:
    """Split ``text`` into units with exact offsets."""
    units: list[Unit] = []
    for para, m in enumerate(re.finditer(r"[^\n]+", text)):
        for s in re.finditer(r"\S.*?(?:[.!?][\"”’]?(?=\s)|$)", m.group()):
            start, end = m.start() + s.start(), m.start() + s.end()
            units.append(Unit(start, end, SentenceKind.SENTENCE, para))
    return units
