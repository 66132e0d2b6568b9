"""Per-rule evidence: the ids a reason names, and each rule's tally."""

from __future__ import annotations

import json

from reader.evaluate.rules import RuleTally, rule_ids


def test_rule_ids_come_from_every_bracket_of_a_reason_once():
    reason = (
        "cue 'said' (quote) [verb.inverted, quote.speaker_inside]; source 'Ana Ruiz' is official: "
        "title 'mayor' [type.title]"
    )
    assert rule_ids(reason) == ["verb.inverted", "quote.speaker_inside", "type.title"]
    assert rule_ids("no attribution cue: the writer's own statement") == []
    assert rule_ids("a bracket [with words] is no rule id") == []


def test_the_tally_counts_right_and_wrong_decisions_per_rule():
    tally = RuleTally()
    tally.add("cue 'said' [verb.subject]; source 'X' is official: title 'mayor' [type.title]", True, True)
    tally.add("cue 'said' [verb.subject]; source 'Y' is official: named [type.default]", True, False)
    tally.add("cue 'claims' [verb.subject]; source 'Z' is official: named [type.default]", False, None)
    assert tally.fired == {"verb.subject": 3, "type.title": 1, "type.default": 2}
    assert tally.attributed_right["verb.subject"] == 2
    assert (tally.labelled["type.default"], tally.label_right["type.default"]) == (1, 0)
    table = tally.render().splitlines()
    # most wrong first, then most fired: a rule that was never wrong comes last
    assert table[2:] == [
        "| verb.subject | 3 | 0.67 | 2 | 0.50 | 1 |",
        "| type.default | 2 | 0.50 | 1 | 0.00 | 1 |",
        "| type.title | 1 | 1.00 | 1 | 1.00 | 0 |",
    ]


def test_reader_evaluate_lists_the_rules(tmp_path, capsys):
    from reader.cli import main

    text = "The bridge will close in May.\nMayor Lena Ortiz said the repairs would take a year.\n"
    start = text.index("Mayor")
    unit = {"start": start, "end": len(text) - 1, "label": "official", "source": "Lena Ortiz"}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "sentences": [unit]}) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--format", "sentences", "--rules"]) == 0
    out = capsys.readouterr().out
    assert "| verb.subject | 1 | 1.00 | 1 | 1.00 | 0 |" in out
