"""document_from_dict is the inverse of document_to_dict."""

from __future__ import annotations

import json

import pytest

from reader.core.model import Document, Label, NumericClaim, Sentence, SentenceKind, Source, SourceType, Span
from reader.export.json import document_from_dict, document_to_dict, from_json, to_json


def _document() -> Document:
    text = "Police said 3.5 tonnes were seized. It rained [bold]hard[/bold].\n\x1b]52;c;eA==\x07 Ünïcode ok"
    first = Sentence(
        0,
        0,
        35,
        text[0:35],
        SentenceKind.SENTENCE,
        0,
        Label.OFFICIAL,
        "s1",
        Span(0, 6),
        Span(7, 11),
        "police speak for themselves",
    )
    second = Sentence(1, 36, 64, text[36:64], SentenceKind.SENTENCE, 0)
    third = Sentence(2, 65, len(text), text[65:], SentenceKind.CAPTION, 1, reason="caption")
    police = Source("s1", "Police", SourceType.OFFICIAL, None, (Span(0, 6),), (0,), "institution")
    numbers = (
        NumericClaim(12, 23, "3.5 tonnes", 3.5, "tonnes", None, 0, "s1"),
        NumericClaim(12, 15, "3.5", 3500.0, "kilograms", "about", 0, "s1", converts=0),
    )
    return Document(text, "A title", (first, second, third), (police,), numbers, byline="Desk", published="2024-01-02")


def test_round_trip_gives_an_equal_document() -> None:
    doc = _document()
    assert document_from_dict(document_to_dict(doc)) == doc


def test_round_trip_through_json_text() -> None:
    doc = _document()
    again = from_json(to_json(doc))
    assert again == doc
    assert again.tally() == doc.tally()
    assert again.numbers[1].converts == 0


def test_wrong_schema_is_refused() -> None:
    data = document_to_dict(_document())
    data["schema"] = "something/2"
    with pytest.raises(ValueError, match="schema"):
        document_from_dict(data)


def test_malformed_document_is_a_value_error() -> None:
    data = json.loads(to_json(_document()))
    del data["sentences"][0]["start"]
    with pytest.raises(ValueError, match="malformed"):
        document_from_dict(data)
    data = document_to_dict(_document())
    data["sentences"][0]["label"] = "gossip"
    with pytest.raises(ValueError):
        document_from_dict(data)
