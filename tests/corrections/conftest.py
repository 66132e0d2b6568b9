"""The hand-made harbour analysis (tests/tui/fixtures), so these tests do not move with the classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import Document
from reader.export.json import from_json

FIXTURES = Path(__file__).resolve().parent.parent / "tui" / "fixtures"


def harbour() -> Document:
    return from_json((FIXTURES / "harbour.json").read_text(encoding="utf-8"))


@pytest.fixture
def doc() -> Document:
    return harbour()


def check_consistent(doc: Document) -> None:
    """What every corrected Document must satisfy."""
    ids = [s.id for s in doc.sources]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for sentence in doc.sentences:
        assert sentence.label in ("official", "third_party", "unattributed")  # one label, a Label
        assert sentence.source_id is None or sentence.source_id in known, sentence
        if sentence.label.value == "unattributed":
            assert sentence.source_id is None
    for number in doc.numbers:
        assert number.source_id is None or number.source_id in known
    for source in doc.sources:
        assert all(0 <= i < len(doc.sentences) for i in source.sentences)
        assert list(source.sentences) == sorted(set(source.sentences))
        for sentence in doc.sentences:
            if sentence.source_id == source.id:
                assert sentence.index in source.sentences
