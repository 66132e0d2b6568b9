"""The context every pass of attribution shares: the article, its units, the quote-masked
text and its token table, the quotations, the entity tracker and the decisions so far."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.core.attribution.result import Decision
from reader.core.attribution.tokens import TokenTable
from reader.core.quotes import QuoteGroup
from reader.core.segment import Unit
from reader.core.sources import EntityTracker


class AuthoredWork(NamedTuple):
    """'a survey carried out by PC Pro magazine': the work noun and where its author is."""

    work: str
    author: tuple[int, int]


@dataclass(eq=False)
class Article:
    """One article as the passes see it."""

    text: str
    units: Sequence[Unit]
    masked: str  # the text with quotations and idioms blanked (same offsets)
    tokens: TokenTable  # the tokens of ``masked``, per unit
    groups: list[QuoteGroup]  # the quotations, each continued over paragraphs
    tracker: EntityTracker = field(default_factory=EntityTracker)
    decisions: list[Decision | None] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)  # mostly inside a quotation
    long_quote: list[bool] = field(default_factory=list)  # holding four quoted words or more
    cue_word: re.Pattern[str] = field(default_factory=lambda: re.compile("(?!)"))  # any cue word
    authored_works: list[AuthoredWork] | None = None  # found when first asked (antecedents)
