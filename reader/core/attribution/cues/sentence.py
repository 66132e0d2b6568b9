"""What every cue detector reads: one unit's text, its quote-masked text and its tokens."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.attribution.tokens import Token
from reader.core.segment import Unit


@dataclass(eq=False, slots=True)
class CueSentence:
    """One unit as the cue detectors see it."""

    text: str  # the whole article
    masked: str  # the article with quotations and idioms blanked
    unit: Unit
    toks: list[Token]  # the unit's tokens (of ``masked``)
    # a headline, not a first line that leads into what follows ("The chairwoman added:")
    headline: bool
