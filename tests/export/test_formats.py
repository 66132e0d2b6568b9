"""The export-format registry: the CLI, batch and the app read one table, so a new format is one row."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import Document
from reader.export import DEFAULT_FORMAT, FORMATS, ExportFormat, render
from reader.export.json import to_json
from reader.export.markdown import Provenance, to_markdown

ARTICLE = "The new tram line opened on Sunday, the transport office said.\n"


def _tally_line(doc: Document, source: str | None) -> str:
    return " ".join(f"{label.value}={n}" for label, n in doc.tally().items()) + "\n"


@pytest.fixture()
def tally_format(monkeypatch: pytest.MonkeyPatch) -> ExportFormat:
    fmt = ExportFormat("tally", ".tally", _tally_line)
    monkeypatch.setitem(FORMATS, fmt.name, fmt)
    return fmt


def test_json_and_markdown_are_registered_and_json_is_the_default() -> None:
    assert FORMATS["json"].extension == ".json" and FORMATS["markdown"].extension == ".md"
    assert DEFAULT_FORMAT == "json"


def test_render_uses_the_registered_function() -> None:
    from reader.core.analyze import analyze

    doc = analyze(ARTICLE)
    assert render(doc, "json") == to_json(doc)
    assert render(doc, "markdown") == to_markdown(doc)
    assert render(doc, "markdown", "news/tram.txt") == to_markdown(doc, provenance=Provenance(source="news/tram.txt"))
    assert "news/tram.txt" in render(doc, "markdown", "news/tram.txt")


def test_a_new_row_is_a_cli_format(
    tally_format: ExportFormat, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    path = tmp_path / "tram.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "tally"]) == 0
    assert capsys.readouterr().out == "official=1 third_party=0 unattributed=0\n"


def test_a_new_row_is_a_batch_format_with_its_extension(tally_format: ExportFormat, tmp_path: Path) -> None:
    from reader.batch import run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tram.txt").write_text(ARTICLE, encoding="utf-8")
    assert run_batch([str(folder), "-o", str(tmp_path / "out"), "--format", "tally"]) == 0
    assert (tmp_path / "out" / "tram.tally").read_text(encoding="utf-8") == "official=1 third_party=0 unattributed=0\n"


def test_an_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main(["analyze", str(tmp_path / "x.txt"), "--format", "tally"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: analyze: argument --format: invalid choice: 'tally'")
