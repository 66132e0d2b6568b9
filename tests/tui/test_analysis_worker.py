"""The analysis runs in a child process; what comes back must equal an analysis made here."""

from __future__ import annotations

import pytest

from reader.core.analyze import analyze
from reader.load import LoadedArticle
from reader.tui.analysis_worker import AnalysisCancelled, AnalysisJob, decode, encode
from tests.tui.conftest import FIXTURES, harbour_document


def test_child_process_analysis_equals_in_process() -> None:
    text = (FIXTURES / "harbour.txt").read_text(encoding="utf-8") + "Odd \x1b[31m bytes and ünïcode stay put.\n"
    article = LoadedArticle(text=text, title="A title", byline="Desk")
    assert AnalysisJob(article).result() == analyze(text, title="A title", byline="Desk")


def test_encoding_round_trips_every_field() -> None:
    doc = harbour_document()
    back = decode(encode(doc))
    assert back == doc and back.sentences[2].source_span == doc.sentences[2].source_span


def test_a_failing_child_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(RuntimeError):
        AnalysisJob(LoadedArticle(text="The council said so.")).result()


def test_without_a_child_the_analysis_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    article = LoadedArticle(text="The council said the road will close. It rained.")
    assert AnalysisJob(article).result() == analyze(article.text)


def test_cancel_stops_the_child() -> None:
    job = AnalysisJob(LoadedArticle(text="The council said the road will close. " * 2000))
    job.cancel()
    assert job._process is not None and job._process.poll() is not None


def test_a_held_analysis_runs_once_started() -> None:
    article = LoadedArticle(text="The council said the road will close. It rained.")
    job = AnalysisJob(article, held=True)
    job.start()
    assert job.result() == analyze(article.text)


def test_a_held_analysis_can_be_cancelled_before_it_starts() -> None:
    job = AnalysisJob(LoadedArticle(text="The council said so."), held=True)
    job.cancel()
    assert job._writer is not None
    job._writer.join(10)
    assert not job._writer.is_alive()
    with pytest.raises(AnalysisCancelled):
        job.result()
