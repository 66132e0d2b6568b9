"""Quotation tracking: sentences written for these tests."""

from __future__ import annotations

from reader.core.analyze import analyze
from reader.core.model import Label
from reader.core.quotes import find_quotes


def _groups(text: str) -> list[list[str]]:
    return [[text[r.start : r.end] for r in g.regions] for g in find_quotes(text)]


def test_a_quote_closed_and_another_opened_are_two_quotations():
    text = 'She said: "We will win." He said: "We will not."'
    assert _groups(text) == [["We will win."], ["We will not."]]


def test_a_quote_reopened_after_a_sentence_end_on_one_line_is_one_quotation():
    # paragraphs joined by spaces: the first paragraph's quote runs on into the next
    text = 'Okafor said: "The lessons start in May. "Every school will take part." Then she left.'
    assert _groups(text) == [["The lessons start in May.", "Every school will take part."]]


def test_a_quote_continued_over_paragraphs_is_one_quotation():
    text = 'Okafor said: "The lessons start in May.\n"Every school will take part."'
    assert _groups(text) == [["The lessons start in May.", "Every school will take part."]]


def test_a_quote_mark_inside_a_sentence_still_closes():
    text = 'He called it "a farce" and "a waste of time" on Monday.'
    assert _groups(text) == [["a farce"], ["a waste of time"]]


def test_every_sentence_of_a_run_on_quotation_takes_its_speaker():
    doc = analyze(
        'The scheme starts in May. Songwriter Ada Okafor said: "Young people need to learn how '
        'music works. "These lessons will help them in their careers." The scheme is free.'
    )
    labels = [(s.text[:12], s.label, s.source_id) for s in doc.sentences]
    speaker = doc.sentences[1].source_id
    assert speaker is not None
    assert labels[2] == ('"These lesso', Label.THIRD_PARTY, speaker)
    assert labels[3][1] is Label.UNATTRIBUTED
