"""Scoring against sentence-labelled corpora, on a corpus written for these tests."""

from __future__ import annotations

import json

import pytest

from reader.core.analyze import analyze
from reader.evaluate.sentences import (
    evaluate_sentences,
    format_sentence_errors,
    format_sentence_report,
    name_words,
    read_corpus,
)

_TEXT = (
    "The bridge will close in May. "
    "Mayor Lena Ortiz said the repairs would take a year. "
    "Critics say the plan is late, according to the Harbour Gazette."
)


def _unit(text: str, sentence: str, label: str, source: str | None) -> dict:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "label": label, "source": source}


@pytest.fixture
def corpus(tmp_path):
    units = [
        _unit(_TEXT, "The bridge will close in May.", "unattributed", None),
        _unit(_TEXT, "Mayor Lena Ortiz said the repairs would take a year.", "official", "Lena Ortiz"),
        _unit(
            _TEXT, "Critics say the plan is late, according to the Harbour Gazette.", "third_party", "Harbour Gazette"
        ),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": _TEXT, "sentences": units}) + "\n", encoding="utf-8")
    return path


def test_a_right_analysis_scores_full_marks(corpus):
    report = evaluate_sentences(read_corpus(corpus), analyze)
    assert report.accuracy == 1.0
    assert report.macro_f1 == 1.0
    assert report.source_name_match == 1.0
    assert format_sentence_report(report, "test").splitlines()[-1] == "TEST MACRO_F1=1.000 ACC=1.000 SRCNAME=1.000 N=3"


def test_a_wrong_label_is_counted_and_listed(corpus):
    def everything_unattributed(text):
        return analyze("\n".join("x" for _ in text.splitlines()))  # no cue anywhere

    report = evaluate_sentences(read_corpus(corpus), everything_unattributed)
    assert report.accuracy == pytest.approx(1 / 3)
    errors = format_sentence_errors(report.units, {"a1": _TEXT})
    assert "## official read as unattributed (1)" in errors
    assert "## third_party read as unattributed (1)" in errors


def test_source_names_match_on_a_shared_word():
    assert name_words("Mayor Lena Ortiz") & name_words("Ortiz")
    assert not name_words("the Mr") & name_words("Mr Smith")


@pytest.mark.parametrize("line", ["[1]", '{"text": "x"}', '{"text": "x", "sentences": [{"start": 0}]}'])
def test_a_corpus_of_the_wrong_shape_is_refused(tmp_path, line):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        read_corpus(path)


def test_reader_evaluate_scores_a_sentence_corpus(corpus, tmp_path, capsys):
    from reader.cli import main

    errors = tmp_path / "errors.md"
    assert main(["evaluate", str(corpus), "--format", "sentences", "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "GOLD MACRO_F1=1.000 ACC=1.000 SRCNAME=1.000 N=3"
    assert errors.read_text(encoding="utf-8") == "\n"


def test_reader_evaluate_refuses_a_polnear_corpus_as_sentences(tmp_path, capsys):
    from reader.cli import main

    path = tmp_path / "polnear.jsonl"
    path.write_text(
        json.dumps({"doc_id": "x", "text": "A.", "sentences": [[0, 2]], "attributions": []}) + "\n", encoding="utf-8"
    )
    assert main(["evaluate", str(path), "--format", "sentences"]) != 0
    assert "not a sentence-labelled JSON Lines corpus" in capsys.readouterr().err
