"""``apply_corrections(analysis, corrections) -> Corrected``: the analysis as the reader corrected it.

Corrections are replayed in order over the analysis, so the last word on a sentence is the
last correction that touched it (a source retyped after one of its sentences was relabelled
relabels that sentence too). Each correction is first found in the analysis
(``reader.corrections.model`` explains how it points): a sentence at its offsets with its
text, or else the sentence with the same text nearest to where it was (the article was
edited around it); a source by the name the analysis gave it, at its first mention or else
the one of that name nearest to it. A correction that cannot be found (its sentence was
edited or removed, its source is gone) is kept, unapplied, in ``Corrected.unanchored``:
never dropped.

The corrected Document keeps the analysis' sentences (only their label, source and reason
change) and source ids, so a correction made on it points into the analysis too. Invariants
(tested over random sequences of corrections): every sentence has one label, every source id
a sentence or a number names is a source of the document, an unattributed sentence has no
source, and a source lists exactly the sentences that name it plus those the analysis gave it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core.model import Document, Label, Source, SourceType, Span
from reader.corrections.model import Correction, Kind, SentenceRef, SourceRef
from reader.export.legend import LABEL_NAMES


@dataclass(frozen=True, slots=True)
class SentenceNote:
    """A sentence whose class or source the reader changed: what the analysis said, and how it changed."""

    label: Label  # the analysis' label
    source_name: str | None  # the analysis' source, by name
    how: str  # the last correction that changed it, in words


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A source the reader retyped, renamed or merged others into: what the analysis said."""

    name: str
    type: SourceType
    merged: tuple[str, ...] = ()  # names of the sources merged into it


@dataclass(frozen=True)
class Corrected:
    """The analysis (``original``), the reader's corrections, and the corrected ``document``."""

    document: Document
    original: Document
    applied: tuple[Correction, ...] = ()
    unanchored: tuple[Correction, ...] = ()
    sentences: dict[int, SentenceNote] = field(default_factory=dict)
    sources: dict[str, SourceNote] = field(default_factory=dict)
    numbers: dict[int, str | None] = field(default_factory=dict)  # index -> the analysis' source id
    file: Path | None = None  # the corrections file they were read from, if any

    def with_file(self, file: Path | None) -> Corrected:
        """The same, read from ``file``."""
        return replace(self, file=file)

    @property
    def count(self) -> int:
        """How many corrections are applied."""
        return len(self.applied)

    @property
    def refs(self) -> dict[str, SourceRef]:
        """Each source id of the document, as a correction points at it (in the analysis)."""
        return {source.id: SourceRef.of(source) for source in self.original.sources}


def uncorrected(doc: Document) -> Corrected:
    """``doc`` with no corrections."""
    return Corrected(doc, doc)


class _Finder:
    """Finds sentences and sources of the analysis from a correction's references."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sentences]
        self._by_text: dict[str, list[int]] | None = None
        self.by_name: dict[str, list[Source]] = {}
        for source in doc.sources:
            self.by_name.setdefault(source.name, []).append(source)

    def sentence(self, ref: SentenceRef) -> int | None:
        at = bisect.bisect_left(self.starts, ref.start)
        sentences = self.doc.sentences
        if at < len(sentences) and sentences[at].start == ref.start and sentences[at].text == ref.text:
            return at
        if self._by_text is None:
            self._by_text = {}
            for s in sentences:
                self._by_text.setdefault(s.text, []).append(s.index)
        same = self._by_text.get(ref.text)
        if not same:
            return None
        return min(same, key=lambda i: (abs(sentences[i].start - ref.start), i))

    def source(self, ref: SourceRef) -> str | None:
        named = self.by_name.get(ref.name)
        if not named:
            return None
        if ref.start >= 0:
            at = Span(ref.start, ref.end)
            for source in named:
                if at in source.mentions:
                    return source.id
        return min(named, key=lambda s: (abs(SourceRef.of(s).start - ref.start), s.id)).id


@dataclass
class _SourceState:
    name: str
    type: SourceType
    type_reason: str
    mentions: list[Span]
    members: set[int]
    merged: list[str] = field(default_factory=list)


class _Replay:
    """The mutable state corrections are replayed over, then frozen into a Document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.find = _Finder(doc)
        self.labels = [s.label for s in doc.sentences]
        self.source_ids = [s.source_id for s in doc.sentences]
        self.source_spans = [s.source_span for s in doc.sentences]
        self.how: dict[int, str] = {}
        self.sources = {
            s.id: _SourceState(s.name, s.type, s.type_reason, list(s.mentions), set(s.sentences)) for s in doc.sources
        }
        self.merged_into: dict[str, str] = {}
        self.number_sources = [n.source_id for n in doc.numbers]
        self.numbers_of: dict[int, list[int]] = {}
        for k, number in enumerate(doc.numbers):
            self.numbers_of.setdefault(number.sentence, []).append(k)

    def resolve(self, ref: SourceRef | None) -> str | None:
        source_id = self.find.source(ref) if ref is not None else None
        while source_id is not None and source_id in self.merged_into:
            source_id = self.merged_into[source_id]
        return source_id

    # -- one correction each; False when it cannot be placed --------------------------------

    def apply(self, c: Correction) -> bool:
        if c.kind in (Kind.LABEL, Kind.SOURCE):
            assert c.sentence is not None
            index = self.find.sentence(c.sentence)
            if index is None:
                return False
            if c.kind is Kind.LABEL:
                self._label(index, Label(c.new))
                return True
            target = self.resolve(c.target)
            if c.target is not None and target is None:
                return False
            self._give(index, target, f"source set to {self._name(target)}")
            return True
        source_id = self.resolve(c.source)
        if source_id is None:
            return False
        if c.kind is Kind.TYPE:
            self._retype(source_id, SourceType(c.new))
        elif c.kind is Kind.RENAME:
            self.sources[source_id].name = c.new
        else:
            target = self.resolve(c.target)
            if target is None or target == source_id:
                return False
            self._merge(source_id, target)
        return True

    def _name(self, source_id: str | None) -> str:
        return f"'{self.sources[source_id].name}'" if source_id is not None else "none (the writer's own)"

    def _label(self, index: int, label: Label) -> None:
        self.labels[index] = label
        if label is Label.UNATTRIBUTED and self.source_ids[index] is not None:
            self._move(index, None)
        self.how[index] = f"label set to {LABEL_NAMES[label]}"

    def _give(self, index: int, source_id: str | None, how: str) -> None:
        """Sentence ``index`` comes from ``source_id`` (None: no one) and takes that source's label."""
        self._move(index, source_id)
        self.labels[index] = self.sources[source_id].type.label if source_id is not None else Label.UNATTRIBUTED
        self.how[index] = how

    def _move(self, index: int, source_id: str | None) -> None:
        old = self.source_ids[index]
        if old == source_id:
            return
        if old is not None:
            self.sources[old].members.discard(index)
        if source_id is not None:
            self.sources[source_id].members.add(index)
        self.source_ids[index] = source_id
        self.source_spans[index] = None  # the mention the analysis used belongs to another source
        for k in self.numbers_of.get(index, ()):
            if self.number_sources[k] == old or old is None:
                self.number_sources[k] = source_id

    def _retype(self, source_id: str, kind: SourceType) -> None:
        state = self.sources[source_id]
        state.type = kind
        for index, sid in enumerate(self.source_ids):
            if sid == source_id and self.labels[index] is not kind.label:
                self.labels[index] = kind.label
                self.how[index] = f"source '{state.name}' retyped {kind.value}"

    def _merge(self, source_id: str, into: str) -> None:
        gone, kept = self.sources[source_id], self.sources[into]
        for index, sid in enumerate(self.source_ids):
            if sid == source_id:
                self.source_ids[index] = into
                if self.labels[index] is not kept.type.label:
                    self.labels[index] = kept.type.label
                self.how[index] = f"source '{gone.name}' merged into '{kept.name}'"
        self.number_sources = [into if sid == source_id else sid for sid in self.number_sources]
        kept.mentions.extend(m for m in gone.mentions if m not in kept.mentions)
        kept.mentions.sort(key=lambda m: (m.start, m.end))
        kept.members |= gone.members
        kept.merged.extend([gone.name, *gone.merged])
        del self.sources[source_id]
        self.merged_into[source_id] = into

    # -- the result ------------------------------------------------------------------------

    def result(self, applied: tuple[Correction, ...], unanchored: tuple[Correction, ...]) -> Corrected:
        doc = self.doc
        notes: dict[int, SentenceNote] = {}
        sentences = list(doc.sentences)
        for s in doc.sentences:
            i = s.index
            label, sid = self.labels[i], self.source_ids[i]
            if label is s.label and sid == s.source_id:
                if self.source_spans[i] != s.source_span:
                    sentences[i] = replace(s, source_span=self.source_spans[i])
                continue
            original = doc.source(s.source_id)
            note = SentenceNote(s.label, original.name if original else None, self.how.get(i, "corrected"))
            notes[i] = note
            was = LABEL_NAMES[s.label] + (f" ({original.name})" if original else "")
            sentences[i] = replace(
                s,
                label=label,
                source_id=sid,
                source_span=self.source_spans[i],
                reason=f"corrected by the reader ({note.how}); the analysis said {was}: {s.reason}",
            )
        sources, source_notes = [], {}
        for src in doc.sources:
            state = self.sources.get(src.id)
            if state is None:
                continue
            changed = (state.name, state.type) != (src.name, src.type) or state.merged
            type_reason = src.type_reason
            if state.type is not src.type:
                type_reason = f"corrected by the reader (the analysis said {src.type.value}: {src.type_reason})"
            sources.append(
                replace(
                    src,
                    name=state.name,
                    type=state.type,
                    type_reason=type_reason,
                    mentions=tuple(state.mentions),
                    sentences=tuple(sorted(state.members)),
                )
            )
            if changed:
                source_notes[src.id] = SourceNote(src.name, src.type, tuple(state.merged))
        numbers, number_notes = [], {}
        for k, number in enumerate(doc.numbers):
            sid = self.number_sources[k]
            if sid != number.source_id:
                number_notes[k] = number.source_id
                number = replace(number, source_id=sid)
            numbers.append(number)
        corrected = replace(doc, sentences=tuple(sentences), sources=tuple(sources), numbers=tuple(numbers))
        return Corrected(corrected, doc, applied, unanchored, notes, source_notes, number_notes)


def apply_corrections(original: Document, corrections: Sequence[Correction]) -> Corrected:
    """``original`` with ``corrections`` replayed in order; those that cannot be placed are kept apart.

    The corrections placed come back pointing where they were found (``Corrected.applied``), so
    saving them again records the offsets of the article as it is now.
    """
    if not corrections:
        return uncorrected(original)
    replay = _Replay(original)
    applied: list[Correction] = []
    unanchored: list[Correction] = []
    for correction in corrections:
        if replay.apply(correction):
            applied.append(_re_anchored(correction, replay, original))
        else:
            unanchored.append(correction)
    return replay.result(tuple(applied), tuple(unanchored))


def _re_anchored(correction: Correction, replay: _Replay, doc: Document) -> Correction:
    """The correction pointing at where it was found (the same correction when nothing moved)."""
    changes: dict[str, object] = {}
    if correction.sentence is not None:
        index = replay.find.sentence(correction.sentence)
        if index is not None and doc.sentences[index].start != correction.sentence.start:
            changes["sentence"] = SentenceRef.of(doc.sentences[index])
    for key in ("source", "target"):
        ref: SourceRef | None = getattr(correction, key)
        if ref is not None:
            found = replay.find.source(ref)
            source = doc.source(found)
            if source is not None and SourceRef.of(source) != ref:
                changes[key] = SourceRef.of(source)
    return replace(correction, **changes) if changes else correction  # type: ignore[arg-type]
