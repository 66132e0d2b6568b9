"""What attribution decides: the per-sentence result, the cue found in one sentence, a decision
in progress, the outcomes (``How``) and the named rule rows every stage is made of."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.core.model import Label, Span
from reader.core.rules import Rule
from reader.core.sources import Entity, Mention

__all__ = ["NO_CUE", "UNATTRIBUTED", "Decision", "Found", "How", "Rule", "SentenceAttribution"]

NO_CUE = "no attribution cue: the writer's own statement"


class How(Enum):
    """How a sentence's source was found; the value is the word its reason shows."""

    VERB = "verb"  # "X said"
    SUBJECT = "subject"  # "X, the operator, said": the sentence's subject before an aside
    PARTICIPLE = "participle"  # "…, saying", "after announcing": the sentence's subject
    INFINITIVE = "infinitive"  # "came on the show to talk about"
    COORDINATED = "coordinated"  # "X arrived and said"
    INVERTED = "inverted"  # '"…," said the spokesman'
    PASSIVE = "passive"  # "was told by X"
    BY = "by"  # "a study published by X found"
    UNNAMED_SPEAKER = "unnamed speaker"  # "Sanders was asked": speech with no named speaker
    ACCORDING = "according"  # "according to X"
    POSSESSIVE = "possessive"  # "X's statement"
    NOUN = "noun"  # "in a statement"
    TRANSCRIPT = "transcript"  # "NAME: …"
    HEADLINE_COLON = "headline colon"  # "Claim: Source", "Source: claim"
    SIGNATURE = "signature"  # '"…" ― Name'
    HEDGE = "hedge"  # "reportedly"
    QUOTE = "quote"  # inside a quotation whose speaker is known
    PREVIOUS_SPEAKER = "previous speaker"  # a quotation right after someone spoke
    COLON = "colon"  # after "He added:"


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
    # The ids of the rules that decided (the cue's and source's rows, then any propagation).
    rules: tuple[str, ...] = ()


UNATTRIBUTED = SentenceAttribution()


@dataclass
class Found:
    """A cue found in one sentence, and the source phrase it points to."""

    cue: tuple[int, int]
    cue_text: str
    source: tuple[int, int] | None
    how: How
    # a description of the same speaker next to it ("the mayor of Aveiro, Rui Tavares, said")
    described_as: tuple[int, int] | None = None
    claim_start: int | None = None  # see SentenceAttribution.claim_start
    work: tuple[int, int] | None = None  # the source's work the cue reports ("a study published by X")
    rules: tuple[str, ...] = ()  # the ids of the rows that found the cue and its source


@dataclass
class Decision:
    """What a sentence is attributed to while the passes run."""

    entity: Entity | None
    mention: Mention | None
    cue: tuple[int, int] | None
    cue_text: str
    how: How
    third_party_without_source: bool = False
    claim_start: int | None = None
    rules: tuple[str, ...] = ()

    def passed(self, how: How, rule: str) -> Decision:
        """This decision's speaker and cue, passed to another sentence by the pass ``rule``."""
        return Decision(self.entity, self.mention, self.cue, self.cue_text, how, rules=(*self.rules, rule))
