"""Child process for analysing a large article: JSON article on stdin, ``reader.analysis/1`` JSON on stdout.

The app runs this with ``python -m reader.tui.analysis_worker`` so a long, pure-Python
analysis never holds the interface's GIL. It never imports textual.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    """Read ``{"text", "title", "byline", "published"}``, write the analysis."""
    from reader.core.analyze import analyze
    from reader.export.json import to_json

    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    doc = analyze(
        request["text"], title=request.get("title"), byline=request.get("byline"), published=request.get("published")
    )
    sys.stdout.buffer.write(to_json(doc, indent=None).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
