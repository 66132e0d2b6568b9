"""The exporters with corrections: optional JSON fields only, the summary saying what was corrected,
and names the reader typed escaped like any article text."""

from __future__ import annotations

import json

import cmarkgfm

from reader.core.model import Label, SourceType
from reader.corrections import apply_corrections
from reader.corrections import model as m
from reader.corrections.apply import uncorrected
from reader.export import render
from reader.export.json import document_to_dict, to_json
from reader.export.markdown import to_markdown
from tests.corrections.conftest import harbour

AT = "2025-01-02T03:04:05Z"


def test_without_corrections_the_outputs_are_the_same_bytes() -> None:
    doc = harbour()
    none = uncorrected(doc)
    assert to_json(doc, corrected=none) == to_json(doc)
    assert to_markdown(doc, corrected=none) == to_markdown(doc)
    assert render(doc, "json", None, none) == render(doc, "json")


def test_json_fields_are_added_never_changed() -> None:
    doc = harbour()
    refs = uncorrected(doc).refs
    corrected = apply_corrections(doc, [m.merge(doc, "s1", "s2", refs, AT), m.set_label(doc, 5, Label.OFFICIAL, AT)])
    plain, data = document_to_dict(doc), document_to_dict(corrected.document, corrected)
    assert set(data) - set(plain) == {"corrections"}
    for before, after in zip(plain["sentences"], data["sentences"], strict=True):
        assert set(after) - set(before) <= {"original"}
        assert {k: type(v) for k, v in before.items() if v is not None} == {
            k: type(after[k]) for k, v in before.items() if v is not None and after[k] is not None
        }
    assert data["sentences"][1]["original"] == {"label": "official", "source_id": "s1"}
    assert data["sources"][0]["id"] == "s2" and data["sources"][0]["merged"] == ["city council"]
    assert data["numbers"][0]["original"] == {"source_id": "s1"}
    assert data["corrections"]["count"] == 2 and data["corrections"]["unanchored"] == []
    json.dumps(data)  # plain JSON


def test_a_name_the_reader_typed_cannot_break_the_summary() -> None:
    doc = harbour()
    hostile = "Gazette | [link](https://evil.example) *bold* <b>x</b> \x1b]0;title\x07"
    corrected = apply_corrections(
        doc,
        [
            m.rename(doc, "s4", hostile, uncorrected(doc).refs, AT),
            m.set_type(doc, "s4", SourceType.OTHER, uncorrected(doc).refs, AT),
        ],
    )
    summary = to_markdown(corrected.document, corrected=corrected)
    assert "\x1b" not in summary and "\x07" not in summary
    html = cmarkgfm.github_flavored_markdown_to_html(summary)
    assert "<a " not in html and "<b>" not in html and "<em>bold</em>" not in html
    row = next(line for line in summary.splitlines() if line.startswith("| ◆ Gazette"))
    assert row.count(" | ") == 3  # four cells: the pipe in the name is escaped
    assert "| other (corrected; was media) |" in row
