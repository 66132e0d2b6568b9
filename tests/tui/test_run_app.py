"""``run_app``: bad input fails before the app starts; no path opens the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ExitCode, ReaderError
from reader.tui.app import default_sample, run_app
from reader.tui.reader_app import ReaderApp


def test_missing_file_is_a_one_line_error_before_the_app(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main([str(tmp_path / "nope.txt")])
    assert code == ExitCode.NOT_FOUND
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_run_app_raises_reader_error_for_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(ReaderError):
        run_app(str(empty))


def test_default_sample_is_a_bundled_text() -> None:
    sample = default_sample()
    assert sample.suffix == ".txt" and sample.read_text(encoding="utf-8").strip()


def test_no_path_opens_the_sample_and_exports_to_the_current_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.tui import app as app_module

    seen: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: seen.append(self))
    monkeypatch.setattr(app_module, "_reattach_terminal", lambda path: None)  # pytest's stdin is no terminal
    monkeypatch.chdir(tmp_path)
    assert run_app(None) == 0
    (app,) = seen
    assert app.article is not None and app.article.text == default_sample().read_text(encoding="utf-8")
    assert app.export_path.parent == tmp_path
    assert app.export_path.name == f"{default_sample().stem}.summary.md"


async def test_loaded_article_is_analysed_in_a_worker(tmp_path: Path) -> None:
    from reader.load import load_article

    path = Path(__file__).resolve().parent / "fixtures" / "harbour.txt"
    app = ReaderApp(article=load_article(path))
    async with app.run_test(size=(120, 30)) as pilot:
        assert app.document is None or app.document.text == path.read_text(encoding="utf-8")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.document is not None
        view = app.query_one("#article")
        assert view.analysed and view.document is app.document  # type: ignore[attr-defined]
        assert app.export_path == path.with_name("harbour.summary.md")
