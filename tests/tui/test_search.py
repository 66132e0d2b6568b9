"""Search: the position among the matches (i/N), the footer naming the match keys, no toast for no match,
and only what is on screen highlighted."""

from __future__ import annotations

from textual.widgets import Static

from reader.core.model import Document
from reader.load import LoadedArticle
from reader.tui.navigation import TextSearch
from reader.tui.reader_app import ReaderApp
from reader.tui.widgets import article
from reader.tui.widgets.article import ArticleView
from tests.tui.conftest import harbour_document, repeated_document
from tests.tui.test_large_article import HeldJob

WIDE = (160, 48)


def count_label(app: ReaderApp) -> str:
    return str(app.query_one("#search-count", Static).render())


def footer_keys(app: ReaderApp) -> dict[str, str]:
    """What the footer offers: key -> description of the active binding."""
    return {
        key: active.binding.description for key, active in app.screen.active_bindings.items() if active.binding.show
    }


async def type_query(pilot, query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.pause(0.3)  # the search runs once typing pauses


async def test_the_bar_counts_matches_then_shows_the_position(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, "bridge")
        assert count_label(app) == "5 matches"
        await pilot.press("enter")
        assert count_label(app) == "1/5"
        await pilot.press("n", "n")
        assert count_label(app) == "3/5"
        await pilot.press("p", "p", "p")
        assert count_label(app) == "5/5"  # wraps round
        assert "bridge" in doc.sentences[app.current].text.lower()


async def test_footer_names_the_match_keys_while_searching(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert footer_keys(app).get("n") == "Claim"
        await type_query(pilot, "bridge")
        await pilot.press("enter")
        await pilot.pause()
        assert footer_keys(app).get("n") == "Next match"
        await pilot.press("escape")
        await pilot.pause()
        assert footer_keys(app).get("n") == "Claim"


async def test_no_match_is_said_in_the_bar_not_in_a_toast(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await type_query(pilot, "zeppelin")
        assert count_label(app) == "no match"
        await pilot.press("enter")
        await pilot.pause()
        assert count_label(app) == "no match" and not app._notifications
        assert app.current == 0


async def test_typing_narrows_the_matches_and_highlights_only_them(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, "th")
        many = count_label(app)
        await pilot.press(*"e ")
        await pilot.pause(0.3)
        fewer = count_label(app)
        assert int(many.split()[0]) > int(fewer.split()[0]) > 0
        view = app.query_one(ArticleView)
        lines = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        match_style = view._resolved(("article--match",)).bgcolor
        highlighted = [seg.text for line in lines for seg in line if seg.style and seg.style.bgcolor == match_style]
        assert highlighted and all(text.lower() in ("the ", "the", " ") for text in highlighted), highlighted


class CountingSearch(TextSearch):
    """A ``TextSearch`` that counts how often a text is folded."""

    built = 0

    def __init__(self, text: str) -> None:
        CountingSearch.built += 1
        super().__init__(text)


async def test_the_text_is_folded_before_the_first_search_key(doc: Document, monkeypatch) -> None:
    monkeypatch.setattr(article, "TextSearch", CountingSearch)
    CountingSearch.built = 0
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert CountingSearch.built == 1  # after the first frame
        await pilot.press("slash", *"bridge", "enter")  # before the typing pause: enter runs the search
        await pilot.pause()
        assert count_label(app) == "1/5"
        assert CountingSearch.built == 1


async def test_the_analysis_of_the_plain_text_keeps_its_folded_text() -> None:
    doc = repeated_document(harbour_document(), 200)
    job = HeldJob(doc)
    app = ReaderApp(article=LoadedArticle(text=doc.text), job=job)  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        view = app.query_one(ArticleView)
        for _ in range(50):  # the whole plain text follows the opening, folded in the worker
            await pilot.pause(0.05)
            if view.document.text == doc.text:
                break
        folded = view.search
        assert len(folded.folded) == len(doc.text)
        job.go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.analysed and view.search is folded


async def test_a_new_count_repaints_only_the_count(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        count, box = app.query_one("#search-count", Static), app.query_one("#search")
        regions = (count.region, box.region)
        layouts: list[bool] = []
        refresh = count.refresh

        def recording(*args: object, layout: bool = False, **kwargs: object) -> object:
            layouts.append(layout)
            return refresh(*args, layout=layout, **kwargs)

        count.refresh = recording  # type: ignore[method-assign]
        await pilot.press(*"bridge")
        await pilot.pause(0.3)
        assert count_label(app) == "5 matches"
        await pilot.press("enter")
        await pilot.pause()
        assert count_label(app) == "1/5"
        assert layouts and not any(layouts)  # repainted, the screen not laid out again
        assert (count.region, box.region) == regions
