"""The rule tables of attribution: ids, coverage of decisions, one sentence per veto and strategy.

Every sentence here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.analyze import analyze
from reader.core.attribution import attribute
from reader.core.attribution.catalog import DECISION_IDS, DETAIL_IDS, TABLES
from reader.core.attribution.cues.candidate import VerbSentence, make_candidate
from reader.core.attribution.cues.verb import read
from reader.core.attribution.cues.verb_sources import AGENTS, CLAUSES
from reader.core.attribution.cues.verb_vetoes import FINAL_VETOES, LATE_VETOES, VETOES
from reader.core.attribution.result import How
from reader.core.attribution.tokens import tokens
from reader.core.attribution.words import load_lexicon
from reader.core.segment import segment
from reader.load import load_article

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
ALL_IDS = [rule.id for table in TABLES.values() for rule in table]


def test_every_rule_id_is_unique() -> None:
    assert len(ALL_IDS) == len(set(ALL_IDS))
    assert not set(DETAIL_IDS) & set(ALL_IDS)


def test_every_rule_id_names_its_family() -> None:
    for rule_id in [*ALL_IDS, *DETAIL_IDS]:
        family, _, name = rule_id.partition(".")
        assert family and name and rule_id == rule_id.lower(), rule_id


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_says_what_it_does(name: str) -> None:
    for rule in TABLES[name]:
        assert (rule.run.__doc__ or "").strip(), f"{rule.id} has no docstring"


def test_how_values_are_the_words_reasons_show() -> None:
    assert How.VERB.value == "verb" and How.HEADLINE_COLON.value == "headline colon"
    assert len({h.value for h in How}) == len(How)


# -- vetoes: each row rejects a sentence of its own ----------------------------------------

REJECTIONS = [
    ("verb.inside_name", "Readers of The Island Post wrote letters to the editor.", "Post", False),
    ("verb.noun_after_determiner", "The reports were late again this spring.", "reports", False),
    (
        "verb.plural_after_preposition",
        "He kept a long list of claims on his desk.",
        "claims",
        False,
    ),
    ("verb.not_a_verb", "The editor's note was short and dry.", "note", False),
    ("verb.open_question", "She has not said whether she will run for the seat.", "said", False),
    ("verb.headline_passive", "Mayor accused of hiding flood report", "accused", True),
    ("verb.anonymity", "An engineer, who asked not to be named, left the site.", "asked", False),
    (
        "verb.passive",
        "Ticket prices have not been announced for the new season.",
        "announced",
        False,
    ),
    (
        "verb.weak_unsupported",
        "The arrows point to a slowdown in hiring across the region over the coming months.",
        "point",
        False,
    ),
    (
        "verb.participle",
        "The club won the cup final at home, claiming victory early in the second half of the game.",
        "claiming",
        False,
    ),
    ("verb.participle_after_preposition", "By saying so often.", "saying", False),
    (
        "verb.infinitive",
        "To explain the delay took the whole morning for the crew at the depot.",
        "explain",
        False,
    ),
    ("verb.no_source", "And said nothing more about it.", "said", False),
    ("verb.participle_after_determiner", "One of the accused, a driver, left the court.", "accused", False),
    ("verb.reported_modifier", "The striker stays despite reported interest from abroad.", "reported", False),
    ("verb.speech_without_content", "The mayor spoke in a tent by the river.", "spoke", False),
    ("verb.heard_by_no_court", "She heard the news on the radio.", "heard", False),
]


def _read(text: str, word: str, heading: bool):
    load_lexicon()
    toks = tokens(text, 0, len(text))
    k = next(i for i, t in enumerate(toks) if t.text == word)
    candidate = make_candidate(VerbSentence(toks, heading), k)
    assert candidate is not None
    return read(candidate), candidate


@pytest.mark.parametrize(("rule_id", "text", "word", "heading"), REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_each_veto_rejects_its_sentence(rule_id: str, text: str, word: str, heading: bool) -> None:
    found, candidate = _read(text, word, heading)
    assert found is None
    assert candidate.rejected_by == rule_id


def test_every_veto_row_has_a_sentence() -> None:
    vetoes = {rule.id for table in (VETOES, LATE_VETOES, FINAL_VETOES) for rule in table}
    assert vetoes <= {r[0] for r in REJECTIONS}


def test_every_row_that_can_reject_is_declared() -> None:
    may_reject = {rule.id for table in (VETOES, LATE_VETOES, FINAL_VETOES, AGENTS, CLAUSES) for rule in table}
    assert {r[0] for r in REJECTIONS} <= may_reject


# -- strategies: each decides a sentence of its own ----------------------------------------

DECISIONS = [
    ("The engineer said the bridge was safe.", ("verb.subject",)),
    ("He said the bridge was safe.", ("verb.pronoun",)),
    ("The mayor of Aveiro, Rui Tavares, said the bridge was safe.", ("verb.appositive",)),
    ("Two engineers, who said the bridge was safe, left early.", ("verb.relative_after_comma",)),
    ("Voters who say the bridge is safe are few.", ("verb.relative",)),
    ("The council met on Monday, saying the bridge was safe.", ("verb.participle",)),
    (
        "The council met on Monday, with engineers saying the bridge was safe.",
        ("verb.with_participle",),
    ),
    (
        "The council closed the bridge after announcing new tests.",
        ("verb.participle_after_preposition",),
    ),
    ("The engineer arrived and said the bridge was safe.", ("verb.coordinated",)),
    ('"The bridge is safe," said the engineer.', ("verb.inverted",)),
    (
        "Riverside Transit, the city-owned operator, said the bridge was safe.",
        ("verb.subject_before_aside", "verb.subject_described"),
    ),
    ("The bridge was declared safe by the city engineer.", ("verb.passive",)),
    (
        "A study published by the Harbour Institute found the bridge was safe.",
        ("verb.reduced_passive",),
    ),
    ("Sanders was asked about the bridge.", ("verb.passive_unnamed",)),
    ("Mendes's statement accused the council of delay.", ("verb.subject", "verb.document_owner")),
    (
        "The engineer said in a statement that the bridge was safe.",
        ("verb.subject", "verb.own_work"),
    ),
    ("Shares fell 4% after Musk posted about the bridge.", ("verb.subject", "verb.later_clause")),
    ("The bridge is safe, according to the city engineer.", ("phrase.according",)),
    (
        "The bridge is safe, according to data compiled by the city agency.",
        ("phrase.according", "phrase.according_work_author"),
    ),
    ("The engineer's remarks calmed the town.", ("phrase.possessive",)),
    ("ROSSI: The bridge is safe.", ("colon.transcript",)),
    ("Bridge is safe: city engineer", ("colon.headline_source",)),
    ("The bridge was reportedly safe.", ("hedge.reportedly",)),
]


@pytest.mark.parametrize(("text", "rules"), DECISIONS, ids=[d[1][-1] for d in DECISIONS])
def test_each_strategy_decides_its_sentence(text: str, rules: tuple[str, ...]) -> None:
    (att,), _ = attribute(text, segment(text))
    assert att.rules == rules


def test_quote_speaker_passes_on_with_the_pass_named() -> None:
    text = 'The engineer was calm. "The bridge is safe. It will open on Monday," she said.'
    atts, _ = attribute(text, segment(text))
    assert atts[-1].rules[0] == "verb.pronoun"
    assert atts[1].rules[-1] == "quote.speaker_inside"


def test_every_decision_records_declared_rules() -> None:
    seen: set[str] = set()
    samples = [load_article(p).text for p in sorted(SAMPLES.iterdir()) if p.suffix in {".txt", ".md", ".html"}]
    assert samples
    texts = [*samples, *(text for text, _ in DECISIONS)]
    for text in texts:
        atts, _ = attribute(text, segment(text))
        for att in atts:
            assert set(att.rules) <= DECISION_IDS, att.rules
            if att.source_id is not None or att.cue_span is not None:
                assert att.rules, att
            else:
                assert not att.rules
            seen.update(att.rules)
    assert len(seen) >= 25  # the samples and the sentences above use most of the rules


def test_rules_do_not_change_the_document() -> None:
    doc = analyze("The engineer said the bridge was safe.")
    assert "rules" not in doc.sentences[0].__dataclass_fields__


def test_no_clause_row_applies_to_a_found_subject_and_a_plain_verb() -> None:
    """verb._clause_stays skips CLAUSES when the subject is found and the verb is no -ing form."""
    from reader.core.attribution.cues.verb import _find_subject

    for text, word in [
        ("The engineer said the bridge was safe.", "said"),
        ("Two engineers, who said the bridge was safe, left early.", "said"),
        ('"The bridge is safe," he said.', "said"),
    ]:
        _, candidate = _read(text, word, False)
        fresh = make_candidate(candidate.sentence, candidate.k)
        assert fresh is not None
        _find_subject(fresh)
        assert fresh.np is not None
        assert all(rule.run(fresh) is None for rule in CLAUSES), text


def test_each_unit_is_tokenised_at_most_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.attribution import tokens as token_module

    calls: list[tuple[int, int]] = []
    real = token_module.tokens

    def counting(masked: str, start: int, end: int):
        calls.append((start, end))
        return real(masked, start, end)

    monkeypatch.setattr(token_module, "tokens", counting)
    text = (
        'Marsh has kept her distance from the council. "We will wait," she said.\n'
        "Voltera Energy will build a plant, the company said. The regulator said it would review it."
    )
    atts, _ = attribute(text, segment(text))
    assert calls and len(calls) == len(set(calls))
    assert any(att.rules for att in atts)
