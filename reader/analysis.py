"""From an article to its analysis: the one way in for the CLI, batch, the app and the evaluator.

``analyze_article`` analyses a ``LoadedArticle`` with what the loader learnt about it
(title, byline, date) and the user's sources mapping; ``analyze_path`` loads a file (or ``-``,
standard input) first; ``analyze_corrected`` adds the reader's corrections kept for the article.
Both return the ``Document`` that every view and exporter reads. The analysis core is
imported on first use, so the app can show the plain text before it has loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.load import DEFAULT_MAX_SIZE, LoadedArticle, load_article

if TYPE_CHECKING:
    from reader.core.model import Document
    from reader.corrections import Corrected


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What every article of a run is analysed with (picklable, for batch workers): the sources
    mapping, and whether to apply each article's corrections."""

    known_sources: dict[str, str] = field(default_factory=dict)
    corrections: bool = True


def analyze_article(article: LoadedArticle, *, known_sources: Mapping[str, str] | None = None) -> Document:
    """The analysis of ``article``'s text, titled, signed and dated as the loader found it.

    ``known_sources``: source names and aliases mapped to types (the user's sources file, read by
    ``reader.corrections.sources_file.known_sources``), the strongest evidence of a source's type.
    """
    from reader.core.analyze import analyze

    return analyze(
        article.text,
        title=article.title,
        byline=article.byline,
        published=article.published,
        known_sources=known_sources,
    )


def analyze_path(
    path: str | Path, *, max_size: int = DEFAULT_MAX_SIZE, known_sources: Mapping[str, str] | None = None
) -> Document:
    """Load ``path`` (``-``: standard input) and analyse it; raises ``ReaderError`` on bad input."""
    return analyze_article(load_article(path, max_size=max_size), known_sources=known_sources)


def analyze_corrected(
    article: LoadedArticle, *, known_sources: Mapping[str, str] | None = None, corrections: bool = True
) -> tuple[Document, Corrected | None]:
    """The analysis of ``article`` and, unless ``corrections`` is False, the corrections kept for it
    (``reader.corrections``): the corrected Document and what was corrected (None without corrections).
    Raises ``CorrectionsFileError`` (one line) when the article's corrections file cannot be read."""
    doc = analyze_article(article, known_sources=known_sources)
    if not corrections:
        return doc, None
    from reader.corrections import corrected_article

    corrected = corrected_article(article, doc)
    return corrected.document, corrected
