"""Large articles are analysed in a child process; the result must equal an in-process analysis."""

from __future__ import annotations

from typing import Any

import pytest

from reader.core.analyze import analyze
from reader.load import LoadedArticle
from reader.tui import app as app_module
from tests.tui.conftest import FIXTURES


def test_child_process_analysis_equals_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (FIXTURES / "harbour.txt").read_text(encoding="utf-8") + "Odd \x1b[31m bytes and ünïcode stay put.\n"
    article = LoadedArticle(text=text, title="A title", byline="Desk")
    monkeypatch.setattr(app_module, "SUBPROCESS_THRESHOLD", 0)
    import subprocess

    real_run = subprocess.run
    called = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        called.append(args[0])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    doc = app_module.analyse_for_app(article)
    assert called and called[0][-1] == "reader.tui.analysis_worker"
    assert doc == analyze(text, title="A title", byline="Desk")


def test_small_articles_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no child process for a small article")

    monkeypatch.setattr(subprocess, "run", forbidden)
    article = LoadedArticle(text="The council said the road will close. It rained.")
    assert app_module.analyse_for_app(article) == analyze(article.text)
