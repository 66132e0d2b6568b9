"""``reader analyze`` and ``reader batch`` carry the reader's corrections and read the sources files;
bad corrections or sources files are one line, never a traceback, and never changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.analysis import analyze_path
from reader.batch import run_batch
from reader.cli import main
from reader.core.model import Label, SourceType
from reader.corrections import model as m
from reader.corrections.apply import uncorrected
from reader.corrections.sources_file import user_sources_path
from reader.corrections.store import write_sidecar
from reader.errors import ExitCode
from reader.export.markdown import is_claim
from reader.samples import find_sample

AT = "2025-01-02T03:04:05Z"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The Kursk sample, in a folder of its own."""
    sample = find_sample("kursk")
    assert sample is not None
    path = tmp_path / "news" / "kursk.txt"
    path.parent.mkdir()
    shutil.copy(sample, path)
    return path


def _syrskyi(doc):  # the army chief: official in the analysis
    return next(s for s in doc.sources if s.name == "Oleksandr Syrskyi")


def corrected_file(article: Path) -> Path:
    """A corrections file for ``article``: an unattributed sentence made third party, the army chief
    retyped expert, and a correction of a sentence that is not in the text."""
    doc = analyze_path(article)
    refs = uncorrected(doc).refs
    unattributed = next(s.index for s in doc.sentences if s.label is Label.UNATTRIBUTED and is_claim(s))
    made = [
        m.set_label(doc, unattributed, Label.THIRD_PARTY, AT),
        m.set_type(doc, _syrskyi(doc).id, SourceType.EXPERT, refs, AT),
    ]
    lost = m.Correction(m.Kind.LABEL, "official", "third_party", AT, sentence=m.SentenceRef(3, 9, "Gone now."))
    file = article.with_name(article.name + ".reader.json")
    write_sidecar(file, doc.text, made, [lost], article=article.name)
    return file


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["analyze", *argv]) == ExitCode.OK
    return json.loads(capsys.readouterr().out)


def test_analyze_carries_the_corrections_file(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = _json(capsys, str(article))
    assert "corrections" not in plain and not any("original" in s for s in plain["sentences"])
    corrected_file(article)
    data = main(["analyze", str(article)])
    assert data == ExitCode.OK
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert captured.err == (
        f"reader: {article}.reader.json: 1 correction no longer matches the text (kept in the file, not applied)\n"
    )
    block = data["corrections"]
    assert block["count"] == 2 and block["file"] == "kursk.txt.reader.json" and len(block["unanchored"]) == 1
    assert [c["kind"] for c in block["items"]] == ["label", "type"]
    syrskyi = next(s for s in data["sources"] if s["name"] == "Oleksandr Syrskyi")
    assert syrskyi["type"] == "expert" and syrskyi["original"] == {"name": "Oleksandr Syrskyi", "type": "official"}
    relabelled = [s for s in data["sentences"] if "original" in s]
    assert any(s["original"] == {"label": "unattributed", "source_id": None} for s in relabelled)
    assert all(s["label"] == "third_party" for s in relabelled)
    assert data["tally"]["official"] < plain["tally"]["official"]
    # the existing fields keep their shape: the schema name is unchanged
    assert data["schema"] == plain["schema"] == "reader.analysis/1"
    assert set(plain) <= set(data) and set(data) - set(plain) == {"corrections"}

    ignored = _json(capsys, str(article), "--no-corrections")
    assert ignored == plain


def test_the_markdown_summary_shows_corrected_labels_and_counts_them(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrected_file(article)
    assert main(["analyze", str(article), "--format", "markdown"]) == ExitCode.OK
    summary = capsys.readouterr().out
    head = summary.split("## Summary")[0]
    assert "Corrections: 2 corrections by the reader (`kursk.txt.reader.json`); 1 other no longer found" in head
    assert "| expert (corrected; was official) |" in summary
    assert "*third party (corrected; was unattributed)*" in summary
    assert "*third party (corrected; was official) · Oleksandr Syrskyi*" in summary


def test_a_broken_corrections_file_is_one_line_and_left_alone(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = article.with_name(article.name + ".reader.json")
    file.write_text('{"schema": "reader.corrections/1", "corrections": [', encoding="utf-8")
    assert main(["analyze", str(article)]) == ExitCode.UNREADABLE
    err = capsys.readouterr().err
    assert err.startswith(f"reader: {file}: not JSON (line 1, column") and err.count("\n") == 1
    assert file.read_text(encoding="utf-8") == '{"schema": "reader.corrections/1", "corrections": ['
    assert main(["analyze", str(article), "--no-corrections"]) == ExitCode.OK


def test_sources_files(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "newsroom.toml"
    shared.write_text('[[source]]\nname = "Syrskyi"\ntype = "media"\n', encoding="utf-8")
    own = user_sources_path()
    own.parent.mkdir(parents=True)
    own.write_text('[[source]]\nname = "Oleksandr Syrskyi"\ntype = "expert"\n', encoding="utf-8")

    def typed(*argv: str) -> tuple[str, str]:
        data = _json(capsys, str(article), *argv)
        source = next(s for s in data["sources"] if s["name"] == "Oleksandr Syrskyi")
        return source["type"], source["type_reason"]

    assert typed() == ("expert", "your sources file ('Oleksandr Syrskyi')")
    assert typed("--sources", str(shared))[0] == "media"  # read after one's own file: it wins
    assert typed("--no-user-sources")[0] == "official"  # the analysis alone
    assert typed("--sources", str(shared), "--no-user-sources") == ("media", "your sources file ('Syrskyi')")


@pytest.mark.parametrize("command", ["analyze", "batch", "app"])
def test_a_bad_sources_file_is_one_line_naming_the_line(
    command: str, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "Syrskyi"\ntype = "journalist"\n', encoding="utf-8")
    argv = {
        "analyze": ["analyze", str(article)],
        "batch": ["batch", str(article), "-o", str(tmp_path / "out")],
        "app": [str(article)],
    }[command]
    assert main([*argv, "--sources", str(bad)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err == (
        f"reader: {bad}:3: source 'Syrskyi': type 'journalist' is not one of official, media, "
        "anonymous, expert, other\n"
    )
    assert not (tmp_path / "out").exists()


def test_batch_outputs_carry_the_corrections(article: Path, tmp_path: Path) -> None:
    corrected_file(article)
    other = article.with_name("second.txt")
    other.write_text("Bridge closes\nThe council said the bridge will close for six weeks.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch([str(article.parent), "-o", str(out)]) == ExitCode.OK
    data = json.loads((out / "kursk.json").read_text(encoding="utf-8"))
    assert data["corrections"]["count"] == 2
    assert "corrections" not in json.loads((out / "second.json").read_text(encoding="utf-8"))
    lines = tmp_path / "all.jsonl"
    assert run_batch([str(article.parent), "-o", str(lines), "--format", "jsonl", "--jobs", "2"]) == ExitCode.OK
    rows = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert [("corrections" in row) for row in rows] == [True, False]
    markdown = tmp_path / "md"
    assert run_batch([str(article), "-o", str(markdown), "--format", "markdown", "--no-corrections"]) == ExitCode.OK
    assert "Corrections:" not in (markdown / "kursk.md").read_text(encoding="utf-8")


def test_batch_reads_the_sources_files(article: Path, tmp_path: Path) -> None:
    shared = tmp_path / "newsroom.toml"
    shared.write_text('[[source]]\nname = "Oleksandr Syrskyi"\ntype = "expert"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch([str(article), "-o", str(out), "--sources", str(shared), "--jobs", "2"]) == ExitCode.OK
    data = json.loads((out / "kursk.json").read_text(encoding="utf-8"))
    assert next(s for s in data["sources"] if s["name"] == "Oleksandr Syrskyi")["type"] == "expert"


def test_a_broken_corrections_file_fails_its_article_only(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article.with_name("kursk.txt.reader.json").write_text("[]", encoding="utf-8")
    article.with_name("second.txt").write_text("The council said it would rain.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch([str(article.parent), "-o", str(out)]) == ExitCode.FAILURE
    err = capsys.readouterr().err
    assert f"reader: {article}.reader.json: not a reader.corrections/1 file" in err
    assert (out / "second.json").exists() and not (out / "kursk.json").exists()


@pytest.mark.parametrize("ship", ["paths", "bytes"])
def test_parquet_tables_carry_the_corrections(article: Path, tmp_path: Path, ship: str) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.dataset as ds

    corrected_file(article)
    out = tmp_path / "tables"
    assert run_batch([str(article), "-o", str(out), "--format", "parquet", "--ship", ship]) == ExitCode.OK
    sources = ds.dataset(out / "sources", format="parquet").to_table().to_pylist()
    assert next(s for s in sources if s["name"] == "Oleksandr Syrskyi")["type"] == "expert"
