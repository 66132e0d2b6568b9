"""The typed document model every other part of reader reads.

All offsets are code-point offsets into ``Document.text``: ``text[start:end]`` is
the span. The model is frozen: views and exporters never change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Label(str, Enum):
    """The three classes of a sentence."""

    OFFICIAL = "official"
    THIRD_PARTY = "third_party"
    UNATTRIBUTED = "unattributed"


class SourceType(str, Enum):
    """What kind of source speaks. Only ``OFFICIAL`` maps to the official label."""

    OFFICIAL = "official"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    EXPERT = "expert"
    OTHER = "other"

    @property
    def label(self) -> Label:
        return Label.OFFICIAL if self is SourceType.OFFICIAL else Label.THIRD_PARTY


class SentenceKind(str, Enum):
    """A running-text sentence, a headline/subheading, or a photo caption."""

    SENTENCE = "sentence"
    HEADING = "heading"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One unit of the article with its class and, when attributed, who said it."""

    index: int
    start: int
    end: int
    text: str
    kind: SentenceKind
    paragraph: int
    label: Label = Label.UNATTRIBUTED
    source_id: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    reason: str = "no attribution cue: the writer's own statement"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def attributed(self) -> bool:
        return self.label is not Label.UNATTRIBUTED

    @property
    def is_claim(self) -> bool:
        """A running-text sentence with words in it: what the tally counts and the claim keys
        visit (a heading or a caption is shown, not counted; a stray quote mark says nothing)."""
        return self.kind is SentenceKind.SENTENCE and any(char.isalnum() for char in self.text)


@dataclass(frozen=True, slots=True)
class Source:
    """A speaking entity, once, with every mention that refers to it."""

    id: str
    name: str
    type: SourceType
    role: str | None
    mentions: tuple[Span, ...]
    sentences: tuple[int, ...]
    type_reason: str = ""

    @property
    def label(self) -> Label:
        return self.type.label


@dataclass(frozen=True, slots=True)
class NumericClaim:
    """A quantity stated in a sentence, with its hedge and who claims it."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    hedge: str | None
    sentence: int
    source_id: str | None = None
    # Index (into Document.numbers) of the quantity this one converts, e.g.
    # "424 square miles" in "1,100 square kilometers (424 square miles)".
    converts: int | None = None
    # Upper end of a range ("10-20%", "between 10 and 20 people"); ``value`` is the low end.
    high: float | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time expression: listed apart, never a numeric claim."""

    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Document:
    """The whole analysis of one article."""

    text: str
    title: str | None
    sentences: tuple[Sentence, ...]
    sources: tuple[Source, ...] = ()
    numbers: tuple[NumericClaim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    byline: str | None = None
    published: str | None = None

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or None."""
        if source_id is None:
            return None
        for src in self.sources:
            if src.id == source_id:
                return src
        return None

    def tally(self) -> dict[Label, int]:
        """How many claims (running-text sentences) fall in each class, every class present.
        Headings and captions are shown with their class, but they are not counted."""
        counts = {label: 0 for label in Label}
        for sentence in self.sentences:
            if sentence.is_claim:
                counts[sentence.label] += 1
        return counts
