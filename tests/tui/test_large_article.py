"""A large article shows its opening at once, the whole plain text a moment later, then the analysis,
and the reader keeps their place through both swaps."""

from __future__ import annotations

import threading

from reader.core.model import Document
from reader.load import LoadedArticle
from reader.tui.reader_app import OPENING, ReaderApp
from reader.tui.widgets.article import ArticleView
from tests.tui.conftest import harbour_document, repeated_document


class HeldJob:
    """An analysis that lands when the test says so."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.go = threading.Event()

    def result(self) -> Document:
        self.go.wait(30)
        return self.doc

    def cancel(self) -> None:
        self.go.set()


async def test_opening_then_plain_text_then_analysis_keeping_the_place() -> None:
    doc = repeated_document(harbour_document(), 200)
    assert len(doc.text) > 2 * OPENING
    job = HeldJob(doc)
    app = ReaderApp(article=LoadedArticle(text=doc.text), job=job)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        for _ in range(50):  # the whole plain text follows the opening
            if view.document.text == doc.text:
                break
            await pilot.pause(0.05)
        assert view.document.text == doc.text and not view.analysed
        await pilot.press("space", "space", "space")
        line_start = view.document.sentences[app.current].start
        job.go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.analysed and app.document is doc
        here = doc.sentences[app.current]
        assert here.start <= line_start < here.end or here.start >= line_start  # the same place, analysed
        assert abs(here.start - line_start) < 400
