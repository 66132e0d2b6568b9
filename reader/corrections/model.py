"""What a correction is: a typed, frozen record that says what changed, where, from what, to what, when.

A correction points at what it corrects by content and offsets, never by the analysis' own
numbering (sentence indices and source ids ``s1``, ``s2`` can change when the article is
edited): a sentence by its span and its text, a source by the name the analysis gave it and
the span of its first mention. ``reader.corrections.apply`` finds them again in a Document.

The five kinds:

* ``label``: a sentence's class (``official``, ``third_party``, ``unattributed``);
* ``source``: who a sentence comes from (another source of the article, or none);
* ``type``: a source's type (``official``, ``media``, ``anonymous``, ``expert``, ``other``),
  which relabels all its sentences;
* ``rename``: a source's name;
* ``merge``: a source folded into another (two rows for one person).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from reader.core.model import Document, Label, Sentence, Source, SourceType


class Kind(str, Enum):
    """What a correction changes."""

    LABEL = "label"
    SOURCE = "source"
    TYPE = "type"
    RENAME = "rename"
    MERGE = "merge"


SENTENCE_KINDS = frozenset({Kind.LABEL, Kind.SOURCE})
"""The kinds that correct a sentence (the others correct a source)."""


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence, by where it is and what it says."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, sentence: Sentence) -> SentenceRef:
        return cls(sentence.start, sentence.end, sentence.text)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source, by the name the analysis gave it and the span of its first mention."""

    name: str
    start: int
    end: int

    @classmethod
    def of(cls, source: Source) -> SourceRef:
        first = min(source.mentions, key=lambda m: (m.start, m.end), default=None)
        return cls(source.name, first.start if first else -1, first.end if first else -1)


@dataclass(frozen=True, slots=True)
class Correction:
    """One change a reader made, with the value before and after and when it was made (UTC, ISO 8601).

    ``sentence`` is set for ``label`` and ``source``; ``source`` for ``type``, ``rename`` and
    ``merge``; ``target`` is the source a sentence is given (``source``: None for none) or the
    source merged into (``merge``). ``old`` and ``new`` are the values as words: a label, a type,
    a name (``source``: the source names, "" for none; ``merge``: the two sources' names).
    """

    kind: Kind
    old: str
    new: str
    at: str
    sentence: SentenceRef | None = None
    source: SourceRef | None = None
    target: SourceRef | None = None

    def __post_init__(self) -> None:
        needs_sentence = self.kind in SENTENCE_KINDS
        if needs_sentence != (self.sentence is not None) or needs_sentence == (self.source is not None):
            raise ValueError(f"a {self.kind.value} correction names a {'sentence' if needs_sentence else 'source'}")
        if self.kind is Kind.MERGE and self.target is None:
            raise ValueError("a merge correction names the source merged into")
        if self.kind is Kind.LABEL:
            Label(self.new)
        elif self.kind is Kind.TYPE:
            SourceType(self.new)
        elif self.kind is Kind.RENAME and not self.new.strip():
            raise ValueError("a source's new name is empty")


def now() -> str:
    """The time of a correction: UTC, to the second, ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def text_hash(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8), as the corrections file records the article's text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# -- making corrections from what is on screen ------------------------------------------------


def set_label(doc: Document, index: int, label: Label, at: str | None = None) -> Correction:
    """Sentence ``index`` of ``doc`` gets class ``label``."""
    sentence = doc.sentences[index]
    return Correction(
        Kind.LABEL, sentence.label.value, Label(label).value, at or now(), sentence=SentenceRef.of(sentence)
    )


def set_source(
    doc: Document, index: int, source_id: str | None, refs: dict[str, SourceRef], at: str | None = None
) -> Correction:
    """Sentence ``index`` of ``doc`` comes from the source ``source_id`` (None: from no one).

    ``refs`` gives each source id of ``doc`` the reference that finds it in the analysis
    (``Corrected.refs``): a renamed source is still found by the name the analysis gave it.
    """
    sentence = doc.sentences[index]
    old = doc.source(sentence.source_id)
    new = doc.source(source_id)
    if source_id is not None and new is None:
        raise KeyError(source_id)
    return Correction(
        Kind.SOURCE,
        old.name if old else "",
        new.name if new else "",
        at or now(),
        sentence=SentenceRef.of(sentence),
        target=refs[source_id] if source_id is not None else None,
    )


def set_type(
    doc: Document, source_id: str, kind: SourceType, refs: dict[str, SourceRef], at: str | None = None
) -> Correction:
    """The source ``source_id`` is of type ``kind``."""
    source = _source(doc, source_id)
    return Correction(Kind.TYPE, source.type.value, SourceType(kind).value, at or now(), source=refs[source_id])


def rename(doc: Document, source_id: str, name: str, refs: dict[str, SourceRef], at: str | None = None) -> Correction:
    """The source ``source_id`` is called ``name`` (spaces at either end dropped)."""
    source = _source(doc, source_id)
    return Correction(Kind.RENAME, source.name, " ".join(name.split()), at or now(), source=refs[source_id])


def merge(doc: Document, source_id: str, into: str, refs: dict[str, SourceRef], at: str | None = None) -> Correction:
    """The source ``source_id`` is the same as ``into``: its sentences, mentions and numbers become ``into``'s."""
    if source_id == into:
        raise ValueError("a source cannot be merged into itself")
    source, target = _source(doc, source_id), _source(doc, into)
    return Correction(Kind.MERGE, source.name, target.name, at or now(), source=refs[source_id], target=refs[into])


def _source(doc: Document, source_id: str) -> Source:
    source = doc.source(source_id)
    if source is None:
        raise KeyError(source_id)
    return source


# -- as JSON ----------------------------------------------------------------------------------


def correction_to_dict(correction: Correction) -> dict[str, Any]:
    """The correction as the corrections file stores it (offsets are code points into the text)."""
    out: dict[str, Any] = {
        "kind": correction.kind.value,
        "from": correction.old,
        "to": correction.new,
        "at": correction.at,
    }
    if correction.sentence is not None:
        ref = correction.sentence
        out["sentence"] = {"start": ref.start, "end": ref.end, "text": ref.text}
    for key in ("source", "target"):
        source: SourceRef | None = getattr(correction, key)
        if source is not None:
            out[key] = {"name": source.name, "start": source.start, "end": source.end}
    if correction.kind is Kind.SOURCE and correction.target is None:
        out["target"] = None
    return out


def correction_from_dict(data: Any) -> Correction:
    """What ``correction_to_dict`` wrote; ``ValueError`` with a short reason when it is not that."""
    if not isinstance(data, dict):
        raise ValueError("a correction is not an object")
    try:
        kind = Kind(data["kind"])
        sentence = data.get("sentence")
        source, target = data.get("source"), data.get("target")
        return Correction(
            kind,
            _text(data["from"]),
            _text(data["to"]),
            _text(data["at"]),
            sentence=SentenceRef(_int(sentence["start"]), _int(sentence["end"]), _text(sentence["text"]))
            if sentence is not None
            else None,
            source=_source_ref(source) if source is not None else None,
            target=_source_ref(target) if target is not None else None,
        )
    except KeyError as exc:
        raise ValueError(f"a {data.get('kind', 'correction')!s} correction has no {exc.args[0]!r}") from None
    except TypeError:
        raise ValueError("a correction field has the wrong shape") from None


def _source_ref(data: Any) -> SourceRef:
    return SourceRef(_text(data["name"]), _int(data["start"]), _int(data["end"]))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"expected a whole number, found {type(value).__name__}")
    return value
