"""Name and type a speaking entity from its mentions. (Interface first; rules follow.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import SourceType


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """The canonical name, role and type of one source, with the reason for the type."""

    name: str
    role: str | None
    type: SourceType
    reason: str


def split_role_and_name(phrase: str) -> tuple[str | None, str]:
    """Split "CIA Director John Ratcliffe" into ("CIA Director", "John Ratcliffe")."""
    return None, phrase.strip()


def describe_source(mentions: Sequence[str], contexts: Sequence[str]) -> SourceDescription:
    """Name and type the entity whose mentions (document order) and sentences are given."""
    name = next((m.strip() for m in mentions if m.strip()), "unknown source")
    return SourceDescription(name, None, SourceType.OFFICIAL, "placeholder: no rules yet")
