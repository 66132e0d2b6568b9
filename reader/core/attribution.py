"""Attribution. PLACEHOLDER: replaced by the rule-based attributor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Label, Source, Span
from reader.core.segment import Unit


@dataclass(frozen=True, slots=True)
class SentenceAttribution:
    """What the attributor decided for one unit."""

    label: Label = Label.UNATTRIBUTED
    source_id: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    reason: str = "no attribution cue: the writer's own statement"


def attribute(text: str, units: Sequence[Unit]) -> tuple[list[SentenceAttribution], list[Source]]:
    """Decide, for every unit, its label, source and cue; return the sources found."""
    return [SentenceAttribution() for _ in units], []
