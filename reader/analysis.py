"""From an article to its analysis: the one way in for the CLI, batch, the app and the evaluator.

``analyze_article`` analyses a ``LoadedArticle`` with what the loader learnt about it
(title, byline, date); ``analyze_path`` loads a file (or ``-``, standard input) first.
Both return the ``Document`` that every view and exporter reads. The analysis core is
imported on first use, so the app can show the plain text before it has loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.load import DEFAULT_MAX_SIZE, LoadedArticle, load_article

if TYPE_CHECKING:
    from reader.core.model import Document


def analyze_article(article: LoadedArticle) -> Document:
    """The analysis of ``article``'s text, titled, signed and dated as the loader found it."""
    from reader.core.analyze import analyze

    return analyze(article.text, title=article.title, byline=article.byline, published=article.published)


def analyze_path(path: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Load ``path`` (``-``: standard input) and analyse it; raises ``ReaderError`` on bad input."""
    return analyze_article(load_article(path, max_size=max_size))
