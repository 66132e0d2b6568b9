"""Attribution outside campaign news: sources, cues and credits in other kinds of article.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from reader.core.analyze import analyze
from reader.core.model import Label


def _only(text: str):
    """The analysis of a one-sentence article: (sentence, its source or None)."""
    doc = analyze(text)
    sentence = doc.sentences[-1]
    return sentence, doc.source(sentence.source_id)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an adverb set off by a comma is no subject
        (
            "The fund grew last year.\nSeparately, the bank Morrow Hale published research showing that prices rose.",
            "Morrow Hale",
        ),
        # a name word that is also a verb stays in the name
        (
            "The retailer cut prices.\nStuart Rose, head of the chain, said last year its prices were too high.",
            "Stuart Rose",
        ),
        # letters after a name and a comma are no speaker
        (
            "The hearing opened on Monday.\nJudge Richard Mawrey, QC told the hearing the case was serious.",
            "Richard Mawrey",
        ),
        # a quantifier floating before the verb
        ("The clash was brief.\nThe winger and his captain have both said that the clash was an accident.", "captain"),
        # a spaced hyphen encloses an aside
        (
            "The families met him.\n"
            "One of the accused, Gerry Colm - who was wrongly convicted - said the apology helped.",
            "Gerry Colm",
        ),
    ],
)
def test_the_source_is_the_speaker_not_a_word_near_it(text, name):
    sentence, source = _only(text)
    assert sentence.label is not Label.UNATTRIBUTED
    assert source is not None and name in source.name


def test_told_names_the_listener_not_the_speaker():
    sentence, source = _only(
        'Prices are high.\n"We do not need to cut supply," Fathi Omar, the oil minister, told Reuters.'
    )
    assert source is not None and source.name == "Fathi Omar"
    assert sentence.label is Label.OFFICIAL


def test_a_transcript_colon_after_a_navigation_word_is_no_speaker():
    doc = analyze("The quest begins at dawn.\nNext: Seeking the ruined tower.")
    assert doc.sentences[-1].label is Label.UNATTRIBUTED


def test_a_pronoun_with_a_contraction_is_a_pronoun_not_a_name():
    _sentence, source = _only(
        "The clinic reopens in May.\nI'm looking forward to telling the patients, the doctor wrote."
    )
    assert source is not None and "I'm" not in source.name


@pytest.mark.parametrize(
    "text",
    [
        "The club said little.\nThe midfielder will stay, despite reported interest from Ashford.",
        "The storm hit the coast.\nAn estimated 3,000 homes lost power overnight.",
    ],
)
def test_a_reported_or_estimated_figure_is_relayed_by_no_one_named(text):
    sentence, source = _only(text)
    assert sentence.label is Label.THIRD_PARTY
    assert source is None


def test_an_article_before_an_ed_form_makes_it_no_verb():
    _sentence, source = _only("The families met him.\nOne of the accused, Gerry Colm, said the apology helped.")
    assert source is not None and source.name == "Gerry Colm"
