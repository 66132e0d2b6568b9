"""Loading articles: files, stdin, formats and encodings -> text (+ title, byline, date)."""

from reader.load.loader import DEFAULT_MAX_SIZE, LoadedArticle, load_article

__all__ = ["DEFAULT_MAX_SIZE", "LoadedArticle", "load_article"]
