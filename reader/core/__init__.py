"""The analysis core: text in, typed ``Document`` out. Standard library and nltk only.

Names are imported on first use (PEP 562): ``import reader.core.model`` (what the app needs to
show a Document) must not pull in nltk and the whole analysis, which ``analyze`` does.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.analyze import analyze
    from reader.core.model import (
        DateMention,
        Document,
        Label,
        NumericClaim,
        Sentence,
        SentenceKind,
        Source,
        SourceType,
    )

__all__ = [
    "DateMention",
    "Document",
    "Label",
    "NumericClaim",
    "Sentence",
    "SentenceKind",
    "Source",
    "SourceType",
    "analyze",
]

_HOMES = {name: "reader.core.model" for name in __all__ if name != "analyze"} | {"analyze": "reader.core.analyze"}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'reader.core' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
