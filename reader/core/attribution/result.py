"""What attribution decides: the per-sentence result, the cue found in one sentence, and a decision in progress."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import Label, Span
from reader.core.sources import Entity, Mention

NO_CUE = "no attribution cue: the writer's own statement"


@dataclass(frozen=True, slots=True)
class SentenceAttribution:
    """What the attributor decided for one unit."""

    label: Label = Label.UNATTRIBUTED
    source_id: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    reason: str = NO_CUE
    # Where the attributed clause starts when the cue sits in a clause after the writer's own
    # ("Voltera to build a $2 billion plant as study questions savings"); None: the whole unit.
    claim_start: int | None = None


UNATTRIBUTED = SentenceAttribution()


@dataclass
class Found:
    """A cue found in one sentence, and the source phrase it points to."""

    cue: tuple[int, int]
    cue_text: str
    source: tuple[int, int] | None
    how: str
    # a description of the same speaker next to it ("the mayor of Aveiro, Rui Tavares, said")
    described_as: tuple[int, int] | None = None
    claim_start: int | None = None  # see SentenceAttribution.claim_start
    work: tuple[int, int] | None = None  # the source's work the cue reports ("a study published by X")


@dataclass
class Decision:
    entity: Entity | None
    mention: Mention | None
    cue: tuple[int, int] | None
    cue_text: str
    how: str
    third_party_without_source: bool = False
    claim_start: int | None = None
