"""The analysis runs in a child process; this module is both ends of it, and never imports textual.

The analysis is pure Python: in a thread of the app it would hold the interpreter lock for a
second per megabyte and every key would wait. A child process leaves the interface alone. It is
started before the app (``run_app`` starts it before textual is even imported) but handed the
article only once the app has drawn its first frame (``held``), and it imports nothing before: on
a busy machine, its imports, nltk's and the analysis slowed the first frame by a third even at
its lower priority (nice 5). It sends back the Document as ``marshal``-ed tuples of plain values:
a third of the time of JSON or pickle on both sides, rebuilt here into the frozen model classes.
The format is private to this module: both ends are the same installed reader.
"""

from __future__ import annotations

import marshal
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping

from reader.core.model import (
    DateMention,
    Document,
    Label,
    NumericClaim,
    Sentence,
    SentenceKind,
    Source,
    SourceType,
    Span,
)
from reader.load import LoadedArticle

CHILD_NICENESS = 5  # below the interface when the CPUs are busy; no effect when one is free
# The child lowers its priority and waits for the article before it imports anything: until then
# (a held job, the app's first frame) it costs the app nothing but the interpreter's start.
_CHILD = (
    f"import os, sys; os.nice({CHILD_NICENESS}); request = sys.stdin.buffer.read(); "
    "from reader.tui.analysis_worker import serve; sys.exit(serve(request))"
)
_KINDS = {kind.value: kind for kind in SentenceKind}
_LABELS = {label.value: label for label in Label}
_TYPES = {kind.value: kind for kind in SourceType}


def _span(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def _from_span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(pair[0], pair[1])


def encode(doc: Document) -> bytes:
    """The Document as bytes (``marshal`` of tuples of plain values)."""
    return marshal.dumps(
        (
            doc.text,
            doc.title,
            doc.byline,
            doc.published,
            tuple(
                (
                    s.start,
                    s.end,
                    s.kind.value,
                    s.paragraph,
                    s.label.value,
                    s.source_id,
                    _span(s.source_span),
                    _span(s.cue_span),
                    s.reason,
                )
                for s in doc.sentences
            ),
            tuple(
                (
                    src.id,
                    src.name,
                    src.type.value,
                    src.role,
                    tuple(_span(m) for m in src.mentions),
                    tuple(src.sentences),
                    src.type_reason,
                )
                for src in doc.sources
            ),
            tuple(
                (n.start, n.end, n.text, n.value, n.unit, n.hedge, n.sentence, n.source_id, n.converts, n.high)
                for n in doc.numbers
            ),
            tuple((d.start, d.end, d.text, d.sentence) for d in doc.dates),
        )
    )


def decode(data: bytes) -> Document:
    """What ``encode`` wrote, as the model's own classes."""
    text, title, byline, published, sentences, sources, numbers, dates = marshal.loads(data)
    doc = Document(
        text=text,
        title=title,
        sentences=tuple(
            Sentence(
                i,
                a,
                b,
                text[a:b],
                _KINDS[kind],
                paragraph,
                _LABELS[label],
                source_id,
                _from_span(source_span),
                _from_span(cue_span),
                reason,
            )
            for i, (a, b, kind, paragraph, label, source_id, source_span, cue_span, reason) in enumerate(sentences)
        ),
        sources=tuple(
            Source(sid, name, _TYPES[kind], role, tuple(Span(a, b) for a, b in mentions), tuple(owned), reason)
            for sid, name, kind, role, mentions, owned, reason in sources
        ),
        numbers=tuple(NumericClaim(*fields) for fields in numbers),
        dates=tuple(DateMention(*fields) for fields in dates),
        byline=byline,
        published=published,
    )
    return doc


def analyse(article: LoadedArticle, known_sources: Mapping[str, str] | None = None) -> Document:
    """The analysis of ``article`` (with the user's sources mapping), here in this process."""
    from reader.analysis import analyze_article

    return analyze_article(article, known_sources=known_sources)


class AnalysisCancelled(RuntimeError):
    """The analysis was stopped (``AnalysisJob.cancel``): there is no result, and none is made here."""


class AnalysisJob:
    """The analysis of one article in a child process, started at once; ``result()`` waits for it.

    If no child can be started, the analysis runs in ``result()`` instead, in the caller's thread.
    ``known_sources`` is the user's sources mapping (``reader.corrections.sources_file``). ``held``: the
    child starts now but gets the article only at ``start()``, so its work does not slow what runs
    meanwhile (the app's first frame).
    """

    def __init__(
        self, article: LoadedArticle, known_sources: Mapping[str, str] | None = None, *, held: bool = False
    ) -> None:
        self.article = article
        self._cancelled = False
        self._go = threading.Event()
        if not held:
            self._go.set()
        self.known_sources = dict(known_sources or {})
        self._process: subprocess.Popen[bytes] | None = None
        self._writer: threading.Thread | None = None
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", _CHILD],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError:
            return
        request = marshal.dumps((article.text, article.title, article.byline, article.published, self.known_sources))
        # A 1 MB article fills the pipe: write it from a thread, so the caller goes on at once.
        self._writer = threading.Thread(target=self._send, args=(request,), daemon=True)
        self._writer.start()

    def start(self) -> None:
        """Hand a held analysis its article (nothing to do if it was not held)."""
        self._go.set()

    def _send(self, request: bytes) -> None:
        assert self._process is not None and self._process.stdin is not None
        self._go.wait()
        try:
            self._process.stdin.write(request)
            self._process.stdin.close()
        except OSError:
            pass  # the child died: result() reports it

    def result(self) -> Document:
        """The analysis (blocking until the child is done); raises ``RuntimeError`` if it failed, and
        ``AnalysisCancelled`` once ``cancel`` was called: a stopped analysis is never redone here."""
        process = self._process
        if self._cancelled:
            raise AnalysisCancelled("the analysis was stopped")
        if process is None:
            return analyse(self.article, self.known_sources)
        if self._writer is not None:
            self._writer.join()
        process.stdin = None  # written and closed by the writer: communicate() must not flush it
        out, err = process.communicate()
        if self._cancelled:
            raise AnalysisCancelled("the analysis was stopped")
        if process.returncode != 0:
            raise RuntimeError(_failure(process.returncode, err))
        return decode(out)

    def cancel(self) -> None:
        """Stop the child if it is still running (the app quit first, or was interrupted)."""
        self._cancelled = True
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._go.set()  # a held article is never sent: the child is gone


def _failure(returncode: int, err: bytes) -> str:
    """Why the child failed: its last line on stderr, or the signal that stopped it."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"the analysis was stopped ({name})"
    lines = err.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"the analysis stopped (exit {returncode})"


def main() -> int:
    """Child end (``python -m reader.tui.analysis_worker``): ``serve`` what is on stdin, at a lower priority."""
    import os

    os.nice(CHILD_NICENESS)
    return serve(sys.stdin.buffer.read())


def serve(request: bytes) -> int:
    """Analyse a marshal-ed ``(text, title, byline, published, known_sources)``; the encoded analysis on
    stdout."""
    text, title, byline, published, *known = marshal.loads(request)  # no mapping: none
    doc = analyse(LoadedArticle(text=text, title=title, byline=byline, published=published), *known)
    sys.stdout.buffer.write(encode(doc))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
