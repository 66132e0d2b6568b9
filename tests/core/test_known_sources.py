"""``analyze(text, known_sources=...)``: the user's mapping of names to types is the strongest typing evidence."""

from __future__ import annotations

import pytest

from reader.core.analyze import analyze
from reader.core.known_sources import REASON, apply_known_sources, name_key
from reader.core.model import Label, SourceType

TEXT = (
    "Bridge works delayed\n"
    "The city council said on Tuesday that the bridge will close for six weeks. "
    "Mayor Lena Ortiz told reporters the repairs would cost about 12 million dollars. "
    "Ortiz added that ferries would run every 20 minutes.\n"
)


def _source(doc, name):
    return next(s for s in doc.sources if s.name == name)


def test_without_a_mapping_the_analysis_is_unchanged() -> None:
    assert analyze(TEXT) == analyze(TEXT, known_sources={}) == analyze(TEXT, known_sources=None)


def test_a_named_source_takes_the_mapped_type_and_its_sentences_the_label() -> None:
    plain = analyze(TEXT)
    ortiz = _source(plain, "Lena Ortiz")
    assert ortiz.type is SourceType.OFFICIAL
    doc = analyze(TEXT, known_sources={"Lena Ortiz": "expert"})
    retyped = _source(doc, "Lena Ortiz")
    assert retyped.type is SourceType.EXPERT
    assert retyped.type_reason == f"{REASON} ('Lena Ortiz')"
    for index in retyped.sentences:
        sentence = doc.sentences[index]
        assert sentence.label is Label.THIRD_PARTY
        assert sentence.reason.endswith(f"; source 'Lena Ortiz' is expert: {REASON} ('Lena Ortiz')")
        assert sentence.reason.count("; source '") == 1  # the old typing reason is replaced, not kept beside
    # everything else is as the rules left it
    others = [s for s in doc.sentences if s.source_id != retyped.id]
    assert others == [s for s in plain.sentences if s.source_id != ortiz.id]
    assert doc.numbers == plain.numbers


def test_an_alias_matches_a_mention_case_and_the_article_aside() -> None:
    doc = analyze(TEXT, known_sources={"ortiz": "media", "THE City Council's": "other"})
    assert _source(doc, "Lena Ortiz").type is SourceType.MEDIA
    council = next(s for s in doc.sources if "council" in s.name.lower())
    assert council.type is SourceType.OTHER and "THE City Council's" in council.type_reason


def test_whole_names_only() -> None:
    doc = analyze(TEXT, known_sources={"Ortizz": "media", "Lena": "media", "council said": "media"})
    assert all(s.type is not SourceType.MEDIA for s in doc.sources)


def test_a_value_that_is_no_type_is_refused_naming_the_entry() -> None:
    with pytest.raises(ValueError, match=r"'Lena Ortiz'.*'journalist'"):
        analyze(TEXT, known_sources={"Lena Ortiz": "journalist"})


def test_name_key() -> None:
    assert name_key("  The  Ministry's ") == "ministry"
    assert name_key("“Gerasimov”,") == "gerasimov"
    assert name_key("THE HAGUE") == "hague"


def test_the_pass_alone_leaves_unmatched_documents_as_they_are() -> None:
    doc = analyze(TEXT)
    assert apply_known_sources(doc.text, doc.sentences, doc.sources, {"Nobody Here": "media"}) == (
        doc.sentences,
        doc.sources,
    )


def test_when_several_keys_match_the_latest_in_the_mapping_wins() -> None:
    assert (
        _source(analyze(TEXT, known_sources={"Lena Ortiz": "expert", "Ortiz": "media"}), "Lena Ortiz").type
        is SourceType.MEDIA
    )
    assert (
        _source(analyze(TEXT, known_sources={"Ortiz": "media", "Lena Ortiz": "expert"}), "Lena Ortiz").type
        is SourceType.EXPERT
    )
