"""Any sequence of corrections, undos and redos leaves a consistent document: every sentence has one
label, every source id a sentence or number names exists, and replaying the saved corrections gives
the same document again."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.model import Document, Label, SourceType
from reader.corrections import History, apply_corrections
from reader.corrections import model as m
from reader.corrections.store import parse_sidecar, sidecar_text
from tests.corrections.conftest import check_consistent, harbour
from tests.tui.conftest import repeated_document

BASES = [harbour(), repeated_document(harbour(), 2)]

steps = st.lists(
    st.tuples(
        st.sampled_from(["label", "source", "type", "rename", "merge", "undo", "redo"]),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    max_size=25,
)


def _make(doc: Document, refs: dict[str, m.SourceRef], kind: str, a: int, b: int) -> m.Correction | None:
    sentences, sources = doc.sentences, doc.sources
    if kind == "label":
        return m.set_label(doc, a % len(sentences), list(Label)[b % 3], "t")
    if kind == "source":
        choices = [None, *(s.id for s in sources)]
        return m.set_source(doc, a % len(sentences), choices[b % len(choices)], refs, "t")
    if not sources:
        return None
    source = sources[a % len(sources)]
    if kind == "type":
        return m.set_type(doc, source.id, list(SourceType)[b % 5], refs, "t")
    if kind == "rename":
        return m.rename(doc, source.id, f"Name {b}", refs, "t")
    others = [s for s in sources if s.id != source.id]
    return m.merge(doc, source.id, others[b % len(others)].id, refs, "t") if others else None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(BASES), ops=steps)
def test_any_sequence_of_corrections_and_undos_keeps_the_document_consistent(
    base: Document, ops: list[tuple[str, int, int]]
) -> None:
    history = History()
    corrected = apply_corrections(base, ())
    for kind, a, b in ops:
        if kind == "undo":
            history = history.undo()
        elif kind == "redo":
            history = history.redo()
        else:
            made = _make(corrected.document, corrected.refs, kind, a, b)
            if made is None:
                continue
            history = history.push(made)
        corrected = apply_corrections(base, history.done)
        doc = corrected.document
        check_consistent(doc)
        assert not corrected.unanchored  # made on this very document, every correction is placed
        assert len(doc.sentences) == len(base.sentences)
        assert [s.text for s in doc.sentences] == [s.text for s in base.sentences]
        for index, note in corrected.sentences.items():
            sentence, original = doc.sentences[index], base.sentences[index]
            assert (sentence.label, sentence.source_id) != (original.label, original.source_id)
            assert note.label is original.label
        unmarked = set(range(len(base.sentences))) - set(corrected.sentences)
        for index in unmarked:
            assert doc.sentences[index].label is base.sentences[index].label
    # saved and read back, the corrections give the same document
    saved = parse_sidecar(Path("x.reader.json"), json.loads(sidecar_text(base.text, history.done, (), "a")))
    assert apply_corrections(base, saved.corrections).document == corrected.document


@settings(max_examples=60, deadline=None)
@given(ops=steps)
def test_undo_all_returns_the_analysis(ops: list[tuple[str, int, int]]) -> None:
    base = BASES[0]
    history = History()
    corrected = apply_corrections(base, ())
    for kind, a, b in ops:
        if kind in ("undo", "redo"):
            continue
        made = _make(corrected.document, corrected.refs, kind, a, b)
        if made is not None:
            history = history.push(made)
            corrected = apply_corrections(base, history.done)
    while history.can_undo:
        history = history.undo()
    assert apply_corrections(base, history.done).document == base
    while history.can_redo:
        history = history.redo()
    assert apply_corrections(base, history.done).document == corrected.document
