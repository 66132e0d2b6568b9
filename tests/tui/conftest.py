"""Fixtures for the app tests: a hand-made analysis, so the tests do not move with the classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import Document
from reader.export.json import from_json

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def harbour_document() -> Document:
    """The hand-made analysis of fixtures/harbour.txt."""
    return from_json((FIXTURES / "harbour.json").read_text(encoding="utf-8"))


@pytest.fixture
def doc() -> Document:
    return harbour_document()
