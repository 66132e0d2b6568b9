"""``reader.analysis``: the one way from an article to its Document, for every entry point."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reader.analysis
from reader.core.analyze import analyze
from reader.core.model import Document
from reader.load import LoadedArticle, load_article

ARTICLE = (
    "---\ntitle: Tram line opens\nauthor: City Desk\n---\n\n"
    "The new tram line opened on Sunday, the transport office said.\n"
)


@pytest.fixture()
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "tram.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture()
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[LoadedArticle]]:
    """Every article that goes through ``reader.analysis.analyze_article``."""
    seen: list[LoadedArticle] = []
    real = reader.analysis.analyze_article

    def spy(article: LoadedArticle, **options: Any) -> Document:  # options: the sources mapping
        seen.append(article)
        return real(article, **options)

    monkeypatch.setattr(reader.analysis, "analyze_article", spy)
    yield seen


def test_analyze_path_keeps_what_the_loader_found(article_path: Path) -> None:
    loaded = load_article(article_path)
    assert loaded.title == "Tram line opens" and loaded.byline == "City Desk"
    doc = reader.analysis.analyze_path(article_path)
    assert doc == analyze(loaded.text, title="Tram line opens", byline="City Desk", published=loaded.published)
    assert doc.title == "Tram line opens" and doc.byline == "City Desk"


def test_analyze_article_of_a_bare_text_is_the_core_analysis() -> None:
    text = "The council said the road will close. It rained."
    assert reader.analysis.analyze_article(LoadedArticle(text)) == analyze(text)


def test_the_cli_analyses_through_it(
    article_path: Path, analysed: list[LoadedArticle], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    assert main(["analyze", str(article_path)]) == 0
    assert [a.path for a in analysed] == [article_path]
    assert json.loads(capsys.readouterr().out)["title"] == "Tram line opens"


def test_batch_analyses_through_it(article_path: Path, tmp_path: Path, analysed: list[LoadedArticle]) -> None:
    from reader.batch import run_batch

    assert run_batch([str(article_path), "-o", str(tmp_path / "out")]) == 0
    assert [a.path for a in analysed] == [article_path]
    assert json.loads((tmp_path / "out" / "tram.json").read_text(encoding="utf-8"))["byline"] == "City Desk"


def test_the_evaluator_analyses_the_corpus_text_as_given(tmp_path: Path, analysed: list[LoadedArticle]) -> None:
    from reader.evaluate.cli import run_evaluate

    text = "The mayor said the bridge will reopen.\nIt rained.\n"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc_id": "a", "text": text, "sentences": [[0, 38]], "attributions": []}) + "\n")
    assert run_evaluate([str(corpus)]) == 0
    assert analysed == [LoadedArticle(text)]


def test_the_app_worker_analyses_through_it(monkeypatch: pytest.MonkeyPatch, analysed: list[LoadedArticle]) -> None:
    import marshal

    from reader.tui import analysis_worker

    article = LoadedArticle(
        "The council said the road will close.\n", title="Roads", byline="Desk", published="2024-05-01"
    )
    request = marshal.dumps((article.text, article.title, article.byline, article.published))
    stdin = io.TextIOWrapper(io.BytesIO(request))
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr("os.nice", lambda increment: 0)  # the child lowers its priority; this process must not
    assert analysis_worker.main() == 0
    assert analysed == [article]
    stdout.buffer.seek(0)
    assert analysis_worker.decode(stdout.buffer.read()) == analyze(
        article.text, title="Roads", byline="Desk", published="2024-05-01"
    )


def test_the_app_analyses_small_articles_through_it(analysed: list[LoadedArticle]) -> None:
    from reader.tui.analysis_worker import analyse

    article = LoadedArticle("The council said the road will close.\n", title="Roads")
    assert analyse(article) == analyze(article.text, title="Roads")
    assert analysed == [article]
