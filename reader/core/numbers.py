"""Numeric claims and dates. PLACEHOLDER: replaced by the quantity extractor."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import DateMention, NumericClaim
from reader.core.segment import Unit


def extract_quantities(text: str, units: Sequence[Unit]) -> tuple[list[NumericClaim], list[DateMention]]:
    """Find numeric claims (without sources) and dates in every unit."""
    return [], []
