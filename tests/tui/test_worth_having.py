"""What users of less, newsboat and posting expect: feedback when a jump has nowhere to go, copying a
sentence, a class filter, a save-as prompt, opening another article and reloading, a help that scrolls."""

from __future__ import annotations

from pathlib import Path

from reader.core.model import Document, Label
from reader.load import load_article
from reader.tui.reader_app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.open_file import ArticleTree, OpenFileScreen
from reader.tui.screens.save_as import SaveAsScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.header import TitleBar
from tests.tui.conftest import FIXTURES, record_notifications

WIDE = (160, 48)


async def test_a_jump_with_nowhere_to_go_says_so(doc: Document) -> None:
    app = ReaderApp(doc)
    said = record_notifications(app)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("G", "t")  # after the last third-party sentence
        await pilot.pause()
        assert "no later third party sentence" in said
        await pilot.press("g", "O")
        await pilot.pause()
        assert "no earlier official sentence" in said
        await pilot.press("G", "n")
        await pilot.pause()
        assert "no later attributed sentence" in said


async def test_y_copies_the_sentence_with_its_class_and_source(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("j", "j", "y")
        await pilot.pause()
        assert app.clipboard == (
            "Mayor Lena Ortiz told reporters the repairs would cost about 12 million dollars.\n"
            "[official; source: Lena Ortiz (Mayor, official)]"
        )


async def test_c_shows_one_class_and_the_title_says_which(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.class_filter == "official" and "only ● official" in app.query_one(TitleBar).plain()
        visited = []
        for _ in range(5):
            await pilot.press("n")
            visited.append(app.current)
        assert {doc.sentences[i].label for i in visited} == {Label.OFFICIAL}
        view = app.query_one(ArticleView)
        unattributed = next(s for s in doc.sentences if s.label is Label.UNATTRIBUTED and s.kind.value == "sentence")
        assert "article--dim" in view._sentence_names(unattributed)
        await pilot.press("c")
        assert app.class_filter == "third_party" and "only ◆ third party" in app.query_one(TitleBar).plain()
        await pilot.press("escape")
        await pilot.pause()
        assert app.class_filter is None and "only" not in app.query_one(TitleBar).plain()


async def test_export_asks_where_with_the_name_prefilled(doc: Document, tmp_path: Path) -> None:
    app = ReaderApp(doc, source_path=tmp_path / "harbour.txt")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        box = app.screen.query_one("#save-path")
        assert box.value == str(tmp_path / "harbour.summary.md")  # type: ignore[attr-defined]
        box.value = str(tmp_path / "for-the-editor.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "for-the-editor.md").read_text(encoding="utf-8").startswith("# Harbour bridge")
        await pilot.press("e", "escape")
        await pilot.pause()
        assert not (tmp_path / "harbour.summary.md").exists()


async def test_open_another_article_and_reload_it_after_it_changed(doc: Document, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text((FIXTURES / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Heavy rain closed the coast road. The mayor said it would reopen on Friday.\n", encoding="utf-8")
    app = ReaderApp(article=load_article(first))
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        assert app.screen.query_one(ArticleTree).path == tmp_path
        await pilot.press("escape")
        app.open_article(second)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.document is not None and app.document.text.startswith("Heavy rain")
        assert app.source_path == second and "second.txt" in app.query_one(TitleBar).plain()
        second.write_text("Snow closed the coast road today. Officials said it would reopen soon.\n", encoding="utf-8")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.document is not None and app.document.text.startswith("Snow closed")
        app.open_article(tmp_path / "missing.txt")  # a message, not a crash
        await pilot.pause()
        assert app.document.text.startswith("Snow closed")


def test_the_file_tree_lists_folders_and_articles_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    shown = sorted(p.name for p in ArticleTree.filter_paths(None, tmp_path.iterdir()))  # type: ignore[arg-type]
    assert shown == ["a.txt", "b.md", "c.html", "folder"]


async def test_help_scrolls_with_the_reading_keys(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        assert app.current == 0  # the article did not move underneath
