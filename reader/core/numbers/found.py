"""What a unit's scan hands to the claim rules, and what they hand back."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import NamedTuple, Protocol


class UnitContext(NamedTuple):
    """What one unit's scan needs besides its text (a tuple: built for every unit, cheaply)."""

    starts: list[int]  # where a quantity may start (see reader.core.triggers)
    blocked: list[tuple[int, int]]  # dates, URLs, phone numbers, tags: no claim inside
    markers: AbstractSet[int]  # ends of numbered-list markers ("1." at a line start)
    line_starts: set[int]
    heading: bool


class Found(NamedTuple):
    """A claim inside one unit, before it becomes a NumericClaim of the whole text."""

    start: int
    end: int
    value: float
    unit: str | None
    hedge: str | None
    high: float | None = None


class Claim(Protocol):
    """What a candidate's builder returns: a ``Found``, or the ``grow.Draft`` that grew (same fields)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def hedge(self) -> str | None: ...
    @property
    def high(self) -> float | None: ...
