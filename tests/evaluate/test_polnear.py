"""The PolNeAR scorer on tiny hand-made corpora, with numbers checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.model import Document, Label, Sentence, SentenceKind, Span
from reader.evaluate.polnear import (
    IGNORED,
    NEGATIVE,
    POSITIVE,
    ErrorLog,
    evaluate,
    gold_sentences,
    shares_alnum,
)

TEXT = (
    "The mayor said the bridge will reopen. "  # 0..38: speech
    "Rain fell all week. "  # 39..58: nothing
    "Residents fear more closures. "  # 59..88: non-speech attribution only
    "It was cold."  # 89..101
)
S1, S2, S3, S4 = (0, 38), (39, 58), (59, 88), (89, 101)


def _article() -> dict:
    return {
        "doc_id": "a1",
        "text": TEXT,
        "sentences": [list(S1), list(S2), list(S3), list(S4)],
        "attributions": [
            {"source": [[0, 9]], "cue": [[10, 14]], "content": [[15, 37]], "speech": True},
            {"source": [[59, 68]], "cue": [[69, 73]], "content": [[74, 87]], "speech": False},
        ],
    }


def _doc(labels: list[tuple[tuple[int, int], Label, tuple[int, int] | None]]) -> Document:
    sentences = tuple(
        Sentence(
            index=i,
            start=s,
            end=e,
            text=TEXT[s:e],
            kind=SentenceKind.SENTENCE,
            paragraph=0,
            label=label,
            source_span=Span(*src) if src else None,
        )
        for i, ((s, e), label, src) in enumerate(labels)
    )
    return Document(text=TEXT, title=None, sentences=sentences)


def test_shares_alnum_needs_a_letter_or_digit() -> None:
    assert shares_alnum("ab, cd", (0, 2), (1, 4))
    assert shares_alnum("ab, cd", (2, 5), (3, 6))
    assert not shares_alnum("ab, cd", (2, 3), (0, 6))
    assert not shares_alnum("ab, cd", (0, 2), (2, 6))


def test_gold_status_positive_negative_ignored() -> None:
    statuses = [g.status for g in gold_sentences(_article())]
    assert statuses == [POSITIVE, NEGATIVE, IGNORED, NEGATIVE]


def test_perfect_prediction_scores_one() -> None:
    doc = _doc(
        [
            (S1, Label.OFFICIAL, (4, 9)),
            (S2, Label.UNATTRIBUTED, None),
            (S3, Label.OFFICIAL, None),
            (S4, Label.UNATTRIBUTED, None),
        ]
    )
    rep = evaluate([_article()], lambda _text: doc)
    assert (rep.tp, rep.fp, rep.fn, rep.tn) == (1, 0, 0, 2)
    assert rep.f1 == 1.0 and rep.src == 1.0


def test_false_positive_and_wrong_source() -> None:
    doc = _doc(
        [
            (S1, Label.THIRD_PARTY, (15, 21)),
            (S2, Label.OFFICIAL, (39, 43)),
            (S3, Label.UNATTRIBUTED, None),
            (S4, Label.UNATTRIBUTED, None),
        ]
    )
    errors = ErrorLog()
    rep = evaluate([_article()], lambda _text: doc, errors=errors)
    assert (rep.tp, rep.fp, rep.fn, rep.tn) == (1, 1, 0, 1)
    assert rep.precision == 0.5 and rep.recall == 1.0
    assert rep.f1 == pytest.approx(2 / 3)
    assert rep.src == 0.0
    assert errors.counts() == {"wrong source": 1, "false": 1}


def test_match_takes_the_prediction_overlapping_most() -> None:
    # One predicted sentence covers S1 and a bit of S2; S2 is mostly in the second one.
    doc = _doc([((0, 45), Label.OFFICIAL, (4, 9)), ((45, 101), Label.UNATTRIBUTED, None)])
    rep = evaluate([_article()], lambda _text: doc)
    assert (rep.tp, rep.fp, rep.fn, rep.tn) == (1, 0, 0, 2)


def test_missed_sentence_counts_as_false_negative() -> None:
    doc = _doc([(S1, Label.UNATTRIBUTED, None), (S2, Label.UNATTRIBUTED, None), (S4, Label.UNATTRIBUTED, None)])
    rep = evaluate([_article()], lambda _text: doc)
    assert (rep.tp, rep.fp, rep.fn, rep.tn) == (0, 0, 1, 2)
    assert rep.f1 == 0.0


def test_three_way_scores_use_the_first_speech_attribution_type() -> None:
    doc = _doc(
        [
            (S1, Label.THIRD_PARTY, (4, 9)),
            (S2, Label.UNATTRIBUTED, None),
            (S3, Label.UNATTRIBUTED, None),
            (S4, Label.OFFICIAL, None),
        ]
    )
    rep = evaluate([_article()], lambda _text: doc, types={"a1": {0: "official"}})
    assert rep.per_class is not None
    # gold: official, unattributed, unattributed (S3 ignored); pred: third_party, unattributed, official
    assert rep.per_class["official"] == (0.0, 0.0, 0.0)
    assert rep.per_class["unattributed"] == pytest.approx((1.0, 0.5, 2 / 3))
    assert rep.accuracy == pytest.approx(1 / 3)
    assert rep.macro_f1 == pytest.approx((2 / 3) / 3)


def test_cli_prints_table_and_writes_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.evaluate.cli import run_evaluate

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(_article()) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.md"
    assert run_evaluate([str(corpus), "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "| F1 |" in out and "articles/s" in out
    assert errors.exists()


def test_cli_missing_corpus_is_a_reader_error(tmp_path: Path) -> None:
    from reader.errors import ReaderError
    from reader.evaluate.cli import run_evaluate

    with pytest.raises(ReaderError):
        run_evaluate([str(tmp_path / "missing.jsonl")])


def test_cli_with_types_prints_the_three_way_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.evaluate.cli import run_evaluate

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(_article()) + "\n", encoding="utf-8")
    types = tmp_path / "t.jsonl"
    row = {"split": "dev", "doc_id": "a1", "attribution_index": 0, "source_text": "The mayor", "type": "official"}
    types.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert run_evaluate([str(corpus), "--types", str(types), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "macro-F1" in out and "| official |" in out


def test_real_dev_corpus_scores_above_the_naive_baseline() -> None:
    """End to end on the shared PolNeAR dev split (skipped when it is absent)."""
    from reader.core.analyze import analyze
    from reader.evaluate.polnear import read_jsonl

    dev = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "polnear" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("shared PolNeAR dev split not available")
    articles = list(read_jsonl(dev))[:20]
    rep = evaluate(articles, analyze)
    # the README's naive regex baseline reaches F1 0.772 on dev
    assert rep.f1 > 0.80 and rep.src > 0.5


def test_src_accepts_the_source_of_any_speech_attribution_overlapping_the_sentence() -> None:
    text = "Ana said Ben told her the road was shut."
    article = {
        "doc_id": "a2",
        "text": text,
        "sentences": [[0, len(text)]],
        "attributions": [
            # Ben's attribution: its source, cue and content are all in the sentence
            {"source": [[9, 12]], "cue": [[13, 17]], "content": [[22, 39]], "speech": True},
            # Ana's attribution
            {"source": [[0, 3]], "cue": [[4, 8]], "content": [[9, 39]], "speech": True},
        ],
    }
    sentence = Sentence(0, 0, len(text), text, SentenceKind.SENTENCE, 0, Label.OFFICIAL, "s1", Span(0, 3))
    rep = evaluate([article], lambda _t: Document(text=text, title=None, sentences=(sentence,)))
    assert rep.src == 1.0
