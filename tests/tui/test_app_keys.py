"""Pilot tests: every key, asserting the state it leaves behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.core.model import Document, Label
from reader.tui.reader_app import ReaderApp, render_summary
from reader.tui.screens.confirm import ConfirmScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.header import TitleBar
from reader.tui.widgets.tables import RowTable

WIDE = (160, 48)


def app_for(doc: Document, tmp_path: Path | None = None) -> ReaderApp:
    source = tmp_path / "harbour.txt" if tmp_path else None
    return ReaderApp(doc, source_path=source)


async def test_opens_on_first_sentence_with_tally_and_detail(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.current == 0
        assert isinstance(app.focused, ArticleView)
        title = app.query_one(TitleBar).plain()
        # The headline and the caption are not counted.
        assert "official 4" in title and "third party 2" in title and "unattributed 3" in title
        assert "headline" in str(app.query_one("#detail").render())


async def test_j_k_and_arrows_move_one_sentence(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("j", "j", "down")
        assert app.current == 3
        await pilot.press("k", "up")
        assert app.current == 1
        await pilot.press("k", "k", "k")  # stops at the first sentence
        assert app.current == 0


async def test_inapplicable_keys_are_greyed_out(doc: Document) -> None:
    from dataclasses import replace

    no_third_party = replace(
        doc,
        sentences=tuple(
            replace(s, label=Label.UNATTRIBUTED) if s.label is Label.THIRD_PARTY else s for s in doc.sentences
        ),
    )
    app = app_for(no_third_party)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.check_action("next_class", ("third_party",)) is None
        assert app.check_action("next_class", ("official",)) is True
        assert app.check_action("clear", ()) is None  # nothing to clear yet
        await pilot.press("2", "enter")
        assert app.check_action("clear", ()) is True
        await pilot.press("t")  # does nothing, and does not fail
        assert app.current == min(doc.sources[0].sentences)


async def test_key_checks_after_the_app_closed_fall_back_to_available(doc: Document) -> None:
    # Textual may still ask which keys apply while it tears the screen down; with the
    # article view gone, every key is reported available instead of failing on a missing widget.
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.check_action("clear", ()) is None
    assert not app.is_mounted(app.view)
    for name, params in ReaderApp._GATED:
        assert app.check_action(name, params) is True


async def test_detail_line_describes_the_current_sentence(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("j", "j")
        detail = str(app.query_one("#detail").render())
        assert "official" in detail and "Lena Ortiz" in detail and "Mayor" in detail
        assert "cue: told" in detail and "official title before the name" in detail


async def test_n_p_visit_attributed_sentences_only(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        visited = []
        for _ in range(7):
            await pilot.press("n")
            visited.append(app.current)
        attributed = [s.index for s in doc.sentences if s.attributed]
        assert visited[: len(attributed)] == attributed
        assert visited[-1] == attributed[-1]  # no wrap past the last claim
        await pilot.press("p")
        assert app.current == attributed[-2]


@pytest.mark.parametrize(
    ("forward", "back", "label"),
    [("o", "O", Label.OFFICIAL), ("t", "T", Label.THIRD_PARTY), ("u", "U", Label.UNATTRIBUTED)],
)
async def test_class_keys_jump_by_class(doc: Document, forward: str, back: str, label: Label) -> None:
    app = app_for(doc)
    targets = [s.index for s in doc.sentences if s.label is label]
    async with app.run_test(size=WIDE) as pilot:
        seen = []
        for _ in targets:
            await pilot.press(forward)
            seen.append(app.current)
        assert all(doc.sentences[i].label is label for i in seen)
        assert seen[-1] == targets[-1]
        await pilot.press(back)
        assert app.current == targets[-2]
        assert doc.sentences[app.current].label is label


async def test_top_bottom_and_pages(doc: Document) -> None:
    app = app_for(doc)
    last = len(doc.sentences) - 1
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")
        assert app.current == last
        await pilot.press("g")
        assert app.current == 0
        await pilot.press("end")
        assert app.current == last
        await pilot.press("home")
        assert app.current == 0
        await pilot.press("space")
        assert app.current > 0
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert app.current == last
        await pilot.press("b")
        assert app.current < last
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        assert app.current == 0


async def test_page_keys_keep_the_current_sentence_in_view(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=(40, 24)) as pilot:  # narrow: the article scrolls
        view = app.query_one(ArticleView)
        await pilot.pause()  # wrapped for this width
        await pilot.press("G")
        await pilot.pause()
        await pilot.pause()
        layout = view.layout_info
        assert layout is not None
        top, height = view.scroll_y, view.scrollable_content_region.height
        assert top <= layout.first_line[app.current] < top + height
        assert view.scroll_y > 0


async def test_panes_by_number_and_tab(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        assert app.focused is app.query_one("#sources")
        await pilot.press("3")
        assert app.focused is app.query_one("#numbers")
        await pilot.press("1")
        assert app.focused is app.query_one("#article")
        await pilot.press("tab")
        assert app.focused is app.query_one("#sources")
        await pilot.press("tab", "tab")
        assert app.focused is app.query_one("#article")
        await pilot.press("shift+tab")
        assert app.focused is app.query_one("#numbers")


async def test_enter_on_a_source_focuses_it_and_n_p_cycle_its_sentences(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "down", "enter")  # second source in order of appearance: the mayor
        mayor = doc.sources[1]
        assert app.focused_source == mayor.id
        assert app.query_one(ArticleView).focused_source == mayor.id
        assert app.current == min(mayor.sentences)
        await pilot.press("n")
        assert app.current == sorted(mayor.sentences)[1]
        await pilot.press("n")  # no further sentence of this source
        assert app.current == sorted(mayor.sentences)[1]
        await pilot.press("p")
        assert app.current == sorted(mayor.sentences)[0]
        await pilot.press("escape")
        assert app.focused_source is None
        assert app.query_one(ArticleView).focused_source is None


async def test_enter_on_a_number_jumps_to_its_sentence(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "down", "down", "down", "enter")
        table = app.query_one("#numbers", RowTable)
        key = table.row_key(table.cursor_row)
        assert app.current == doc.numbers[int(key)].sentence == 6


async def test_conversion_sits_under_its_quantity(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE):
        table = app.query_one("#numbers", RowTable)
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        parent = rows.index("1.2 kilometres")
        assert rows[parent + 1].strip() == "= 0.75 miles"


async def test_search_highlights_and_n_p_move_between_matches(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        box = app.query_one("#search", Input)
        bar = app.query_one("#search-bar")
        assert bar.display and app.focused is box
        await pilot.press(*"bridge")
        await pilot.pause(0.3)
        view = app.query_one(ArticleView)
        expected = [i for i in range(len(doc.text)) if doc.text.lower().startswith("bridge", i)]
        assert view.search.starts("bridge", 0, len(doc.text)) == expected
        await pilot.press("enter")
        assert app.focused is view
        assert view.match_at == expected[0]
        assert doc.sentences[app.current].start <= view.match_at < doc.sentences[app.current].end
        await pilot.press("n")
        assert view.match_at == expected[1]
        assert "bridge" in doc.sentences[app.current].text.lower()
        await pilot.press("n", "n", "n")
        await pilot.press("p")
        assert view.match_at == expected[3]
        await pilot.press("escape")
        assert not bar.display and view.search_query == ""
        await pilot.press("n")  # back to attributed claims
        assert doc.sentences[app.current].attributed


async def test_search_typing_j_does_not_move(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.pause()  # the bar takes the focus
        await pilot.press("j", "1")
        assert app.current == 0
        assert app.query_one("#search", Input).value == "j1"


async def test_export_writes_the_markdown_summary_next_to_the_article(doc: Document, tmp_path: Path) -> None:
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("e")  # the save-as prompt, prefilled with NAME.summary.md
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "harbour.summary.md"
        assert target.read_text(encoding="utf-8") == render_summary(doc, tmp_path / "harbour.txt")
        assert f"Source: `{tmp_path / 'harbour.txt'}`" in target.read_text(encoding="utf-8")
        assert any(str(target) in n.message for n in app._notifications)


async def test_export_asks_before_overwriting(doc: Document, tmp_path: Path) -> None:
    target = tmp_path / "harbour.summary.md"
    target.write_text("keep me", encoding="utf-8")
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == render_summary(doc, tmp_path / "harbour.txt")


async def test_export_never_writes_over_the_article(doc: Document, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text("the article", encoding="utf-8")
    app = app_for(doc, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        app.export_to(article)
        await pilot.pause()
        assert article.read_text(encoding="utf-8") == "the article"


async def test_export_without_a_file_goes_to_stdin_summary(
    doc: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e", "enter")
        await pilot.pause()
        assert (tmp_path / "stdin.summary.md").is_file()


async def test_help_lists_every_key_and_escape_closes(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown
        for binding in ReaderApp.BINDINGS:
            assert binding.description in text  # type: ignore[union-attr]
        await pilot.press("j")  # the article does not move under the help screen
        assert app.current == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")


async def test_command_palette_runs_the_same_actions(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next third")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert doc.sentences[app.current].label is Label.THIRD_PARTY


async def test_keymap_rebinds_by_id(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        app.set_keymap({"reader.next_sentence": "x"})
        await pilot.press("x")
        assert app.current == 1


async def test_clicks_on_sentences_sources_and_numbers(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        layout = view.layout_info
        assert layout is not None
        target = 7
        line = layout.first_line[target]
        column = next(x for x in range(2, 160) if view.sentence_at_point(x, line) == target)
        # +1 for the border around the pane.
        await pilot.click(ArticleView, offset=(column + 1, line + 1))
        assert app.current == target
        await pilot.click("#numbers", offset=(3, 2))  # first data row: header, then rows
        await pilot.pause()
        assert app.current == doc.numbers[0].sentence
        await pilot.click("#sources", offset=(3, 3))  # second row: the mayor
        await pilot.pause()
        assert app.focused_source == doc.sources[1].id


async def test_quit(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert not app.is_running


async def test_ctrl_q_quits(doc: Document) -> None:
    app = app_for(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("j", "ctrl+q")
        await pilot.pause()
    assert not app.is_running


@pytest.mark.parametrize(
    ("title", "name"),
    [("Ferry fares frozen for a year", "ferry-fares-frozen-for-a-year"), (None, "news.example-2024-05-ferry")],
    ids=["from the title", "from the address"],
)
async def test_export_of_a_web_page_goes_here_named_after_the_page(
    doc: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str | None, name: str
) -> None:
    from reader.load import LoadedArticle

    monkeypatch.chdir(tmp_path)
    url = "https://news.example/2024/05/ferry.html"
    app = ReaderApp(doc, article=LoadedArticle(text=doc.text, title=title, format="html", url=url))
    async with app.run_test(size=WIDE) as pilot:
        assert app.export_path == tmp_path / f"{name}.summary.md"
        await pilot.press("e", "enter")
        await pilot.pause()
        written = (tmp_path / f"{name}.summary.md").read_text(encoding="utf-8")
        assert f"Source: `{url}`" in written  # the page it was read from, as reader analyze URL names it
        assert not (tmp_path / "stdin.summary.md").exists()
