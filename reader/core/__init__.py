"""The analysis core: text in, typed ``Document`` out. Standard library and nltk only."""

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
    "analyze",
    "DateMention",
    "Document",
    "Label",
    "NumericClaim",
    "Sentence",
    "SentenceKind",
    "Source",
    "SourceType",
]
