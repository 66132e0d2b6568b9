"""Pilot tests of corrections in the app: every key, undo and redo, the corrections file across a restart,
re-anchoring after the article is edited, an unreadable file, and the sources file changing the analysis
of the next article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.model import Document, Label, SourceType
from reader.corrections.sources_file import load_sources_file, mapping, user_sources_path
from reader.corrections.store import read_sidecar
from reader.load import load_article
from reader.tui.reader_app import ReaderApp
from reader.tui.screens.correct import LabelScreen, PickScreen, RenameScreen, TypeScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.header import DetailLine, TitleBar
from reader.tui.widgets.tables import SourcesTable
from tests.tui.conftest import FIXTURES

WIDE = (160, 48)
NARROW = (80, 24)


def sidecar(tmp_path: Path) -> Path:
    return tmp_path / "harbour.txt.reader.json"


def app_for(doc: Document, tmp_path: Path) -> ReaderApp:
    return ReaderApp(doc, source_path=tmp_path / "harbour.txt")


def saved(tmp_path: Path) -> list[dict]:
    return json.loads(sidecar(tmp_path).read_text(encoding="utf-8"))["corrections"]


def detail(app: ReaderApp) -> str:
    return str(app.query_one(DetailLine).render())


def source_rows(app: ReaderApp) -> list[str]:
    table = app.query_one(SourcesTable)
    return [" ".join(cell.plain for cell in table.get_row_at(i)) for i in range(table.row_count)]


def messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
async def test_l_sets_the_label_of_the_current_sentence(doc: Document, tmp_path: Path, size: tuple[int, int]) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=size) as pilot:
        app.go_to(5)  # "Local traders fear a drop in trade.": the writer's own
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LabelScreen)
        await pilot.press("t")
        await pilot.pause()
        assert app.document is not None and app.document.sentences[5].label is Label.THIRD_PARTY
        assert "◆ third party ✎ corrected, was ○ unattributed" in detail(app)
        assert 5 in app.query_one(ArticleView).corrected
        assert "✎ 1" in app.query_one(TitleBar).plain()
        assert [(c["kind"], c["from"], c["to"]) for c in saved(tmp_path)] == [("label", "unattributed", "third_party")]
        await pilot.press("l", "escape")  # cancelled: nothing changes
        await pilot.pause()
        assert len(saved(tmp_path)) == 1


async def test_a_gives_the_sentence_a_source_or_none(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        app.go_to(5)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("home", "down", "down", "enter")  # city council, Lena Ortiz, Chamber of Commerce
        await pilot.pause()
        assert app.document is not None
        assert (app.document.sentences[5].source_id, app.document.sentences[5].label) == ("s3", Label.OFFICIAL)
        app.go_to(9)  # Priya Shah's
        await pilot.press("a", "end", "enter")  # none: the writer's own
        await pilot.pause()
        assert app.document.sentences[9].source_id is None
        assert app.document.sentences[9].label is Label.UNATTRIBUTED
        assert "source was Priya Shah" not in detail(app) and "was ◆ third party" in detail(app)
        assert [c["kind"] for c in saved(tmp_path)] == ["source", "source"]


async def test_i_retypes_a_source_and_relabels_all_its_sentences(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "down", "i")  # the sources pane: Lena Ortiz
        await pilot.pause()
        assert isinstance(app.screen, TypeScreen)
        await pilot.press("e")
        await pilot.pause()
        assert app.document is not None
        ortiz = app.document.source("s2")
        assert ortiz is not None and ortiz.type is SourceType.EXPERT
        assert [app.document.sentences[i].label for i in (2, 3)] == [Label.THIRD_PARTY] * 2
        assert source_rows(app)[1].startswith("✎ Lena Ortiz") and "expert" in source_rows(app)[1]
        assert isinstance(app.focused, SourcesTable)
        await pilot.press("1")  # from the article: the current sentence's source
        app.go_to(9)
        await pilot.press("i", "o")
        await pilot.pause()
        assert app.document.source("s5").type is SourceType.OFFICIAL  # type: ignore[union-attr]
        assert app.document.sentences[9].label is Label.OFFICIAL
        assert not user_sources_path().exists()  # not remembered unless asked


async def test_i_with_r_remembers_the_type_for_all_articles(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        app.go_to(9)
        await pilot.press("i", "r")
        await pilot.pause()
        assert "[x] remember" in str(app.screen.query_one("#pick-extra").render())
        await pilot.press("m")
        await pilot.pause()
        assert mapping(load_sources_file(user_sources_path())) == {"Priya Shah": "media"}
        assert app.known_sources == {"Priya Shah": "media"}
        assert any("Priya Shah added as media" in m for m in messages(app))


async def test_remembered_with_no_user_sources_is_written_but_not_read_in_this_session(
    doc: Document, tmp_path: Path
) -> None:
    app = ReaderApp(doc, source_path=tmp_path / "harbour.txt", user_sources=False)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        app.go_to(9)
        await pilot.press("i", "r", "m")
        await pilot.pause()
        assert mapping(load_sources_file(user_sources_path())) == {"Priya Shah": "media"}
        assert app.known_sources == {}
        assert any(m.endswith("(not read in this session: --no-user-sources)") for m in messages(app))


async def test_w_renames_a_source(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "down", "down", "down", "w")  # the Harbour Gazette
        await pilot.pause()
        assert isinstance(app.screen, RenameScreen)
        await pilot.press("space", "[", "b", "]", "enter")  # markup in a name is shown as typed
        await pilot.pause()
        assert app.document is not None and app.document.source("s4").name == "Harbour Gazette [b]"  # type: ignore[union-attr]
        assert source_rows(app)[3].startswith("✎ Harbour Gazette [b]")
        assert saved(tmp_path)[0]["source"]["name"] == "Harbour Gazette"  # found by the analysis' name


async def test_m_merges_two_rows_for_one_source(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "m")  # the city council ...
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # ... into Lena Ortiz, the first of the others
        await pilot.pause()
        assert app.document is not None and app.document.source("s1") is None
        assert app.document.sentences[1].source_id == "s2"
        assert app.document.source("s2").sentences == (1, 2, 3)  # type: ignore[union-attr]
        assert source_rows(app)[0].startswith("✎ Lena Ortiz 3")
        assert app.query_one(SourcesTable).row_count == 4


async def test_z_undoes_and_shift_z_redoes_every_kind(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        assert app.check_action("undo", ()) is None and app.check_action("redo", ()) is None
        app.go_to(5)
        await pilot.press("l", "o")  # label
        await pilot.press("a", "home", "enter")  # source
        await pilot.press("2", "down", "i", "x")  # type
        await pilot.press("w", "space", "2", "enter")  # rename
        await pilot.press("m", "enter")  # merge
        await pilot.pause()
        corrected = app.document
        assert len(saved(tmp_path)) == 5
        for left in range(4, -1, -1):
            await pilot.press("z")
            await pilot.pause()
            assert len(saved(tmp_path)) == left
        assert app.document == doc and not app.query_one(ArticleView).corrected
        assert "✎" not in app.query_one(TitleBar).plain()
        assert app.check_action("undo", ()) is None  # greyed out in the key bar: z does nothing
        await pilot.press("z")
        await pilot.pause()
        assert app.document == doc and len(saved(tmp_path)) == 0
        assert app.check_action("redo", ()) is True
        await pilot.press(*["Z"] * 5)
        await pilot.pause()
        assert app.document == corrected and len(saved(tmp_path)) == 5
        assert app.check_action("redo", ()) is None


async def test_corrections_survive_a_restart(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        app.go_to(5)
        await pilot.press("l", "t", "2", "down", "i", "e", "1", "2", "m", "enter")
        await pilot.pause()
        await pilot.press("q")
    before = app.document
    again = app_for(doc, tmp_path)
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.document == before
        assert "✎ 3" in again.query_one(TitleBar).plain()
        again.go_to(5)
        assert "corrected, was ○ unattributed" in detail(again)
        await pilot.press("z")  # the history came back with them
        await pilot.pause()
        assert len(saved(tmp_path)) == 2


async def test_an_unreadable_corrections_file_is_kept_and_set_aside(doc: Document, tmp_path: Path) -> None:
    sidecar(tmp_path).write_text("{broken", encoding="utf-8")
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        assert any("not JSON (line 1, column 2" in m and "\n" not in m for m in messages(app))
        assert sidecar(tmp_path).read_text(encoding="utf-8") == "{broken"
        app.go_to(5)
        await pilot.press("l", "o")
        await pilot.pause()
        assert (tmp_path / "harbour.txt.reader.json.bad").read_text(encoding="utf-8") == "{broken"
        assert len(saved(tmp_path)) == 1
        assert any("kept as harbour.txt.reader.json.bad" in m for m in messages(app))


async def _analysed(app: ReaderApp, pilot) -> Document:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.document is not None
    return app.document


async def test_corrections_are_re_anchored_after_the_article_is_edited(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    text = (FIXTURES / "harbour.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    app = ReaderApp(article=load_article(article))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        doc = await _analysed(app, pilot)
        traders = next(s.index for s in doc.sentences if s.text.startswith("Local traders"))
        bridge = next(s.index for s in doc.sentences if s.text.startswith("The bridge opened"))
        for index in (traders, bridge):
            app.go_to(index)
            await pilot.press("l", "t")
        await pilot.press("2", "end", "i", "e")  # Priya Shah, the last source
        await pilot.pause()
        assert len(saved(tmp_path)) == 3
        # the article is edited: a new paragraph before, and one corrected sentence rewritten
        edited = text.replace("Local traders", "Shops were shut on Monday.\nLocal traders").replace("1962", "1963")
        article.write_text(edited, encoding="utf-8")
        await pilot.press("r")
        doc = await _analysed(app, pilot)
        assert doc.text == edited
        moved = next(s for s in doc.sentences if s.text.startswith("Local traders"))
        assert moved.index != traders and moved.label is Label.THIRD_PARTY
        assert moved.index in app.query_one(ArticleView).corrected
        shah = next(s for s in doc.sources if s.name == "Priya Shah")
        assert shah.type is SourceType.EXPERT
        rewritten = next(s for s in doc.sentences if s.text.startswith("The bridge opened"))
        assert rewritten.label is Label.UNATTRIBUTED  # its correction no longer matches: not applied ...
        assert app.session is not None and len(app.session.unanchored) == 1
        warning = next(m for m in messages(app) if "kept in harbour.txt.reader.json" in m)
        assert "The bridge opened in 1962" in warning and "label: unattributed → third party" in warning
        app.go_to(moved.index)
        await pilot.press("l", "o")  # ... and kept in the file, with the offsets of the edited text
        await pilot.pause()
    stored = read_sidecar(sidecar(tmp_path))
    assert stored is not None and len(stored.corrections) == 3 and len(stored.unanchored) == 1
    assert stored.unanchored[0].sentence is not None and "1962" in stored.unanchored[0].sentence.text
    assert stored.corrections[0].sentence is not None and stored.corrections[0].sentence.start == moved.start


async def test_the_sources_file_changes_the_analysis_of_the_next_article(tmp_path: Path) -> None:
    first = tmp_path / "harbour.txt"
    first.write_text((FIXTURES / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8")
    second = tmp_path / "ferry.txt"
    second.write_text(
        "Ferry fares frozen\nFares will not rise this year, Mayor Lena Ortiz said on Monday.\n", encoding="utf-8"
    )
    app = ReaderApp(article=load_article(first))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        doc = await _analysed(app, pilot)
        ortiz = next(s for s in doc.sources if s.name == "Lena Ortiz")
        assert ortiz.type is SourceType.OFFICIAL
        app.go_to(min(ortiz.sentences))
        await pilot.press("i", "r", "e")  # expert, remembered for all articles
        await pilot.pause()
        app.open_article(second)  # what choosing it in the file picker (f) does
        doc = await _analysed(app, pilot)
        assert doc.text.startswith("Ferry fares")
        ortiz = next(s for s in doc.sources if s.name == "Lena Ortiz")
        assert (ortiz.type, ortiz.type_reason) == (SourceType.EXPERT, "your sources file ('Lena Ortiz')")
        said = next(s for s in doc.sentences if s.source_id == ortiz.id)
        assert said.label is Label.THIRD_PARTY and said.reason.endswith("your sources file ('Lena Ortiz')")
        assert not app.query_one(ArticleView).corrected  # the analysis said so: no correction of this article
        assert not (tmp_path / "ferry.txt.reader.json").exists()


async def test_the_correction_keys_are_in_the_footer_the_help_and_the_palette(doc: Document) -> None:
    from reader.tui.commands import ReaderCommands
    from reader.tui.screens.help import HelpScreen
    from reader.tui.widgets.keybar import KeyBar

    app = ReaderApp(doc, store=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        shown = {binding.key for binding, _, _ in app.query_one(KeyBar).hints()}
        assert {"l", "a", "i", "z"} <= shown
        ids = {b.id for b in app._reader_bindings()}
        assert {
            "reader.correct_label",
            "reader.correct_source",
            "reader.correct_type",
            "reader.rename_source",
            "reader.merge_source",
            "reader.undo",
            "reader.redo",
        } <= ids
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        for words in ("Label", "Source", "Type", "Rename", "Merge", "Undo", "Redo", "remembers it for all articles"):
            assert words in app.screen.markdown
        await pilot.press("escape")
        provider = ReaderCommands(app.screen)
        hits = [hit async for hit in provider.search("undo")]
        assert hits and str(max(hits, key=lambda h: h.score).text) == "Undo the last correction"
        hits = [hit async for hit in provider.search("merge")]
        assert str(max(hits, key=lambda h: h.score).text) == "Merge two sources"


async def test_without_a_store_nothing_is_written(doc: Document, tmp_path: Path) -> None:
    app = ReaderApp(doc, source_path=tmp_path / "harbour.txt", store=False)
    async with app.run_test(size=WIDE) as pilot:
        app.go_to(5)
        await pilot.press("l", "o")
        await pilot.pause()
        assert app.document is not None and app.document.sentences[5].label is Label.OFFICIAL
    assert list(tmp_path.iterdir()) == []


async def test_at_80_columns_the_key_bar_keeps_help_and_quit(doc: Document) -> None:
    from reader.tui.widgets.keybar import KeyBar

    app = ReaderApp(doc, store=False)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        drawn = bar.render().plain
        assert len(drawn) <= NARROW[0] and drawn.endswith("? Help q Quit") and "l Label" in drawn
        assert "z Undo" not in drawn  # left out at this width (the help lists it) ...
        assert {b.key for b, _, _ in bar.fitting(200)} >= {"l", "a", "i", "z", "question_mark", "q"}  # ... not wider
