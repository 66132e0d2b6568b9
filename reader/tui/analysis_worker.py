"""Child process for analysing a large article: JSON article on stdin, ``reader.analysis/1`` JSON on stdout.

The app runs this with ``python -m reader.tui.analysis_worker`` so a long, pure-Python
analysis never holds the interface's GIL. It never imports textual.
"""

from __future__ import annotations

import json
import sys

from reader.load import LoadedArticle


def encode_request(article: LoadedArticle) -> bytes:
    """What the app writes to the worker's stdin: ``{"text", "title", "byline", "published"}``."""
    request = {"text": article.text, "title": article.title, "byline": article.byline, "published": article.published}
    return json.dumps(request, ensure_ascii=False).encode("utf-8")


def decode_request(data: bytes) -> LoadedArticle:
    """The article ``encode_request`` wrote."""
    request = json.loads(data.decode("utf-8"))
    return LoadedArticle(
        request["text"], title=request.get("title"), byline=request.get("byline"), published=request.get("published")
    )


def main() -> int:
    """Read an article written by ``encode_request``, write its analysis."""
    from reader.analysis import analyze_article
    from reader.export.json import to_json

    doc = analyze_article(decode_request(sys.stdin.buffer.read()))
    sys.stdout.buffer.write(to_json(doc, indent=None).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
