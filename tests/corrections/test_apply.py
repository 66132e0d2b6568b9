"""Each kind of correction, replayed over the analysis: what changes, what is marked, what is kept apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.model import Document, Label, SourceType
from reader.corrections import apply_corrections, apply_sidecar
from reader.corrections import model as m
from reader.corrections.apply import uncorrected
from reader.corrections.model import correction_from_dict, correction_to_dict
from reader.corrections.store import Sidecar
from tests.corrections.conftest import check_consistent

AT = "2025-01-02T03:04:05Z"


def refs(doc: Document) -> dict[str, m.SourceRef]:
    return uncorrected(doc).refs


def test_no_corrections_is_the_analysis_itself(doc: Document) -> None:
    result = apply_corrections(doc, [])
    assert result.document is doc and result.count == 0 and not result.sentences


def test_label(doc: Document) -> None:
    result = apply_corrections(doc, [m.set_label(doc, 5, Label.THIRD_PARTY, AT)])
    sentence = result.document.sentences[5]
    assert sentence.label is Label.THIRD_PARTY and sentence.source_id is None
    assert result.sentences[5].label is Label.UNATTRIBUTED
    assert sentence.reason.startswith(
        "corrected by the reader (label set to third party); the analysis said unattributed"
    )
    assert set(result.sentences) == {5}
    assert result.document.sentences[:5] == doc.sentences[:5]
    check_consistent(result.document)


def test_unattributed_takes_the_source_and_its_numbers_away(doc: Document) -> None:
    result = apply_corrections(doc, [m.set_label(doc, 2, Label.UNATTRIBUTED, AT)])
    corrected = result.document
    assert corrected.sentences[2].source_id is None and corrected.sentences[2].source_span is None
    ortiz = corrected.source("s2")
    assert ortiz is not None and ortiz.sentences == (3,)
    number = next(k for k, n in enumerate(doc.numbers) if n.sentence == 2)
    assert corrected.numbers[number].source_id is None and result.numbers == {number: "s2"}
    check_consistent(corrected)


def test_source_and_none(doc: Document) -> None:
    # "Local traders fear a drop in trade." is the Chamber's; then sentence 9 is the writer's own
    result = apply_corrections(
        doc, [m.set_source(doc, 5, "s3", refs(doc), AT), m.set_source(doc, 9, None, refs(doc), AT)]
    )
    corrected = result.document
    assert corrected.sentences[5].source_id == "s3" and corrected.sentences[5].label is Label.OFFICIAL
    assert corrected.source("s3").sentences == (5, 6)  # type: ignore[union-attr]
    assert corrected.sentences[9].source_id is None and corrected.sentences[9].label is Label.UNATTRIBUTED
    assert corrected.source("s5").sentences == ()  # type: ignore[union-attr]
    assert result.sentences[9].source_name == "Priya Shah"
    check_consistent(corrected)


def test_type_relabels_every_sentence_of_the_source(doc: Document) -> None:
    result = apply_corrections(doc, [m.set_type(doc, "s2", SourceType.EXPERT, refs(doc), AT)])
    corrected = result.document
    assert corrected.source("s2").type is SourceType.EXPERT  # type: ignore[union-attr]
    assert [corrected.sentences[i].label for i in (2, 3)] == [Label.THIRD_PARTY] * 2
    assert set(result.sentences) == {2, 3} and result.sources["s2"].type is SourceType.OFFICIAL
    assert "the analysis said official" in corrected.source("s2").type_reason  # type: ignore[union-attr]


def test_a_later_retype_overrides_an_earlier_label_and_the_other_way_round(doc: Document) -> None:
    label = m.set_label(doc, 2, Label.UNATTRIBUTED, AT)
    retype = m.set_type(doc, "s2", SourceType.MEDIA, refs(doc), AT)
    after = apply_corrections(doc, [retype, label]).document
    assert after.sentences[2].label is Label.UNATTRIBUTED and after.sentences[3].label is Label.THIRD_PARTY
    relabel = m.set_label(doc, 3, Label.OFFICIAL, AT)
    again = apply_corrections(doc, [relabel, retype]).document
    assert again.sentences[3].label is Label.THIRD_PARTY  # the retype came last


def test_rename_keeps_the_id_and_is_found_by_the_analysis_name(doc: Document) -> None:
    first = apply_corrections(doc, [m.rename(doc, "s4", "  The   Harbour Gazette ", refs(doc), AT)])
    assert first.document.source("s4").name == "The Harbour Gazette"  # type: ignore[union-attr]
    # a correction made on the corrected document still points at the analysis' name
    retype = m.set_type(first.document, "s4", SourceType.OTHER, first.refs, AT)
    assert retype.source is not None and retype.source.name == "Harbour Gazette"
    both = apply_corrections(doc, [*first.applied, retype])
    gazette = both.document.source("s4")
    assert gazette is not None and gazette.type is SourceType.OTHER and gazette.name == "The Harbour Gazette"
    assert both.sources["s4"].name == "Harbour Gazette"


def test_merge_moves_sentences_mentions_and_numbers(doc: Document) -> None:
    result = apply_corrections(doc, [m.merge(doc, "s1", "s2", refs(doc), AT)])
    corrected = result.document
    assert corrected.source("s1") is None
    ortiz = corrected.source("s2")
    assert ortiz is not None and ortiz.sentences == (1, 2, 3) and len(ortiz.mentions) == 3
    assert corrected.sentences[1].source_id == "s2"
    assert corrected.numbers[0].source_id == "s2" and result.numbers == {0: "s1"}
    assert result.sources["s2"].merged == ("city council",)
    check_consistent(corrected)


def test_a_correction_of_a_merged_source_goes_to_the_one_it_was_merged_into(doc: Document) -> None:
    merge = m.merge(doc, "s1", "s2", refs(doc), AT)
    retype = m.set_type(doc, "s1", SourceType.EXPERT, refs(doc), AT)  # made before the merge, replayed after it
    corrected = apply_corrections(doc, [merge, retype]).document
    assert corrected.source("s2").type is SourceType.EXPERT  # type: ignore[union-attr]
    assert apply_corrections(doc, [merge, merge]).unanchored == (merge,)  # nothing left to merge


def test_corrections_are_refused_when_they_make_no_sense(doc: Document) -> None:
    with pytest.raises(ValueError):
        m.merge(doc, "s1", "s1", refs(doc), AT)
    with pytest.raises(KeyError):
        m.set_type(doc, "s99", SourceType.MEDIA, refs(doc), AT)
    with pytest.raises(ValueError):
        m.Correction(m.Kind.LABEL, "official", "nonsense", AT, sentence=m.SentenceRef(0, 1, "x"))
    with pytest.raises(ValueError):
        m.Correction(m.Kind.TYPE, "official", "media", AT, sentence=m.SentenceRef(0, 1, "x"))


def _edited(doc: Document, before: str, insert: str) -> Document:
    """``doc`` with ``insert`` added before the first occurrence of ``before``: offsets after it shift."""
    at = doc.text.index(before)
    shift = len(insert)

    def moved(start: int) -> int:
        return start + shift if start >= at else start

    from reader.core.model import Span

    def span(s: Span | None) -> Span | None:
        return None if s is None else Span(moved(s.start), moved(s.end))

    sentences = tuple(
        replace(s, start=moved(s.start), end=moved(s.end), source_span=span(s.source_span), cue_span=span(s.cue_span))
        for s in doc.sentences
    )
    sources = tuple(replace(s, mentions=tuple(span(x) for x in s.mentions)) for s in doc.sources)  # type: ignore[misc]
    numbers = tuple(replace(n, start=moved(n.start), end=moved(n.end)) for n in doc.numbers)
    return replace(
        doc, text=doc.text[:at] + insert + doc.text[at:], sentences=sentences, sources=sources, numbers=numbers
    )


def test_re_anchored_when_the_text_moved_and_kept_apart_when_the_sentence_changed(doc: Document) -> None:
    label = m.set_label(doc, 9, Label.OFFICIAL, AT)
    retype = m.set_type(doc, "s4", SourceType.OTHER, refs(doc), AT)
    gone = m.set_label(doc, 8, Label.THIRD_PARTY, AT)
    edited = _edited(doc, "Local traders", "A new paragraph was written here.\n")
    # and sentence 8 was rewritten
    s8 = edited.sentences[8]
    new_text = s8.text.replace("1962", "1963")
    edited = replace(
        edited,
        text=edited.text[: s8.start] + new_text + edited.text[s8.end :],
        sentences=(*edited.sentences[:8], replace(s8, text=new_text), *edited.sentences[9:]),
    )
    result = apply_sidecar(edited, Sidecar(None, (label, retype, gone)))
    assert result.unanchored == (gone,)
    assert result.document.sentences[9].label is Label.OFFICIAL
    assert result.document.source("s4").type is SourceType.OTHER  # type: ignore[union-attr]
    moved, inserted = result.applied[0], len("A new paragraph was written here.\n")
    assert label.sentence is not None and moved.sentence is not None
    assert moved.sentence.start == label.sentence.start + inserted
    assert result.applied[1].source is not None and result.applied[1].source.start > retype.source.start  # type: ignore[union-attr]


def test_a_correction_that_failed_before_is_tried_again(doc: Document) -> None:
    label = m.set_label(doc, 9, Label.OFFICIAL, AT)
    result = apply_sidecar(doc, Sidecar(None, (), (label,)))
    assert result.applied == (label,) and not result.unanchored


def test_the_same_sentence_text_twice_takes_the_nearest(doc: Document) -> None:
    from tests.tui.conftest import repeated_document

    twice = repeated_document(doc, 2)
    second = len(doc.sentences) + 5
    label = m.set_label(twice, second, Label.THIRD_PARTY, AT)
    result = apply_corrections(twice, [label])
    assert set(result.sentences) == {second}


@pytest.mark.parametrize("kind", list(m.Kind))
def test_a_correction_survives_its_json(doc: Document, kind: m.Kind) -> None:
    r = refs(doc)
    made = {
        m.Kind.LABEL: m.set_label(doc, 1, Label.THIRD_PARTY, AT),
        m.Kind.SOURCE: m.set_source(doc, 1, None, r, AT),
        m.Kind.TYPE: m.set_type(doc, "s1", SourceType.MEDIA, r, AT),
        m.Kind.RENAME: m.rename(doc, "s1", "City Council", r, AT),
        m.Kind.MERGE: m.merge(doc, "s1", "s2", r, AT),
    }[kind]
    assert correction_from_dict(correction_to_dict(made)) == made


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([], "not an object"),
        ({"kind": "label", "from": "official", "to": "official", "at": AT}, "names a sentence"),
        (
            {
                "kind": "label",
                "from": "x",
                "to": "official",
                "at": AT,
                "sentence": {"start": "1", "end": 2, "text": ""},
            },
            "whole number",
        ),
        ({"kind": "type", "from": "x", "at": AT, "source": {"name": "n", "start": 1, "end": 2}}, "no 'to'"),
    ],
)
def test_a_bad_correction_is_one_reason(data: object, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        correction_from_dict(data)
