"""``reader report``: the figures against the JSON they come from, the same figures from a JSON folder,
JSON Lines and Parquet, every trace resolving to the sentences it names, the three formats, bad input."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from reader.batch import run_batch
from reader.cli import main
from reader.corpus.report.figures import TOP_FOLDER, GroupFigures, Report, build_report
from reader.corpus.report.html import render_html
from reader.corpus.report.markdown import render_markdown
from reader.corpus.report.read import Article, open_output
from reader.corpus.report.terminal import render_terminal
from reader.errors import ExitCode

LABELS = ("official", "third_party", "unattributed")


@pytest.fixture()
def outputs(corpus: Path, tmp_path: Path) -> dict[str, Path]:
    """The corpus as a JSON folder, a JSON Lines file and Parquet datasets."""
    made = {"json": tmp_path / "json", "jsonl": tmp_path / "all.jsonl", "parquet": tmp_path / "tables"}
    for fmt, out in made.items():
        run_batch([str(corpus), "-o", str(out), "--format", fmt])
    return made


def report_of(path: Path, top: int = 10) -> Report:
    kind, articles = open_output(path)
    return build_report(str(path), kind, articles, top=top)


def analyses(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.relative_to(folder).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in folder.rglob("*.json")}


def test_the_figures_add_up_the_json(outputs: dict[str, Path]) -> None:
    docs = analyses(outputs["json"])
    report = report_of(outputs["json"])
    corpus = report.corpus
    assert corpus.articles == 11 and report.kind == "JSON folder" and report.grouped_by == "folder"
    for label in LABELS:
        assert corpus.labels[label].count == sum(d["tally"][label] for d in docs.values())
    assert corpus.sentences == sum(sum(d["tally"].values()) for d in docs.values())  # claims only
    assert corpus.anonymous.total == sum(len(d["sources"]) for d in docs.values())
    assert corpus.anonymous.count == sum(s["type"] == "anonymous" for d in docs.values() for s in d["sources"])
    claims = [(d, n) for d in docs.values() for n in d["numbers"] if n["converts"] is None]
    types = {(id(d), s["id"]): s["type"] for d in docs.values() for s in d["sources"]}
    unsourced = [n for d, n in claims if n["source_id"] is None or types[(id(d), n["source_id"])] == "anonymous"]
    assert (corpus.unsourced_numbers.count, corpus.unsourced_numbers.total) == (len(unsourced), len(claims))
    assert 0 < len(unsourced) < len(claims)
    assert [g.name for g in report.groups] == [TOP_FOLDER, "outlet_a", "outlet_b"]
    assert [g.articles for g in report.groups] == [1, 4, 6]
    for label in LABELS:
        assert sum(g.labels[label].count for g in report.groups) == corpus.labels[label].count
    top = corpus.top_sources
    assert len(top) == 10 and [r.sentences for r in top] == sorted((r.sentences for r in top), reverse=True)


def test_every_trace_resolves_to_what_its_figure_counts(outputs: dict[str, Path]) -> None:
    docs = analyses(outputs["json"])
    report = report_of(outputs["json"], top=50)
    for figures in (report.corpus, *report.groups):
        for label, share in figures.labels.items():
            assert len(share.trace.refs) == share.count
            for article, index, _ in share.trace.refs:
                assert docs[article]["sentences"][index]["label"] == label
        for row in figures.top_sources:
            assert len(row.trace.refs) == row.sentences
            assert len({article for article, _, _ in row.trace.refs}) == row.articles
            for article, index, _ in row.trace.refs:
                doc = docs[article]
                source = next(s for s in doc["sources"] if s["id"] == doc["sentences"][index]["source_id"])
                assert (source["name"].casefold(), source["type"]) == (row.name.casefold(), row.type)
        for article, index, note in figures.anonymous.trace.refs:
            doc = docs[article]
            source = next(s for s in doc["sources"] if s["id"] == doc["sentences"][index]["source_id"])
            assert source["type"] == "anonymous" and note == f"source {source['id']} {source['name']!r}"
        assert len(figures.unsourced_numbers.trace.refs) == figures.unsourced_numbers.count
        for article, index, note in figures.unsourced_numbers.trace.refs:
            texts = [n["text"] for n in docs[article]["numbers"] if n["sentence"] == index]
            assert note is not None and any(note.startswith(repr(text)) for text in texts)


def _figures(report: Report) -> tuple[Any, ...]:
    return _figures_of(report.corpus)


def _figures_of(figures: GroupFigures) -> tuple[Any, ...]:
    return (
        figures.name,
        figures.articles,
        figures.sentences,
        {k: (s.count, s.total) for k, s in figures.labels.items()},
        [(r.name, r.type, r.sentences, r.articles) for r in figures.top_sources],
        (figures.anonymous.count, figures.anonymous.total),
        (figures.unsourced_numbers.count, figures.unsourced_numbers.total),
    )


def test_json_folder_json_lines_and_parquet_give_the_same_figures(outputs: dict[str, Path]) -> None:
    reports = {fmt: report_of(path) for fmt, path in outputs.items()}
    assert _figures(reports["jsonl"]) == _figures(reports["json"]) == _figures(reports["parquet"])
    parquet = reports["parquet"]
    assert parquet.grouped_by == reports["jsonl"].grouped_by == "site or folder"
    assert [g.name for g in parquet.groups] == ["harbour-gazette.example", "outlet_a", "outlet_b"]
    json_groups = [(g.articles, g.sentences) for g in reports["json"].groups]
    assert [(g.articles, g.sentences) for g in parquet.groups] == json_groups
    assert [_figures_of(g) for g in reports["jsonl"].groups] == [_figures_of(g) for g in parquet.groups]
    assert reports["jsonl"].corpus.labels["official"].trace.refs == parquet.corpus.labels["official"].trace.refs
    first = parquet.corpus.labels["official"].trace.refs[0]
    assert first[0] == "harbour.html"  # Parquet traces name the input


def test_terminal_report_has_tables_bars_and_traces(outputs: dict[str, Path]) -> None:
    buffer = io.StringIO()
    render_terminal(report_of(outputs["json"]), Console(file=buffer, width=120, color_system=None), 2)
    text = buffer.getvalue()
    for heading in (
        "Sentences by class",
        "Most cited sources: corpus",
        "Anonymous sources and numeric claims",
        "Where each figure comes from",
        "T1 corpus: official sentences",
    ):
        assert heading in text
    assert "█" in text and "▒" in text and "░" in text
    assert "more articles (--trace-limit 0 lists them all)" in text


def test_markdown_and_html_files(outputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md, page = tmp_path / "report.md", tmp_path / "report.html"
    assert main(["report", str(outputs["parquet"]), "--format", "markdown", "-o", str(md)]) == ExitCode.OK
    assert main(["report", str(outputs["parquet"]), "--format", "html", "-o", str(page)]) == ExitCode.OK
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Corpus report\n") and "## Where each figure comes from" in text
    assert "- harbour.html: \\#1" in text  # complete traces in a file
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 4 and "<table>" in html
    lowered = html.lower()
    for active in ("<script", "javascript:", "src=", "@import", "url(", 'href="http'):
        assert active not in lowered
    trace_ids = {t.id for t in report_of(outputs["parquet"]).traces()}
    anchors = set(re.findall(r'<section class="trace" id="(T\d+)">', html))
    links = set(re.findall(r'href="#(T\d+)"', html))
    assert anchors == trace_ids and links <= anchors and len(links) > 10
    assert main(["report", str(outputs["parquet"]), "--format", "html", "-o", str(page)]) == ExitCode.OUTPUT_EXISTS
    assert "already exists" in capsys.readouterr().err


def test_article_text_stays_inert_in_every_format() -> None:
    name = "<script>alert(1)</script> [bold]Ev|l[/bold] \x1b]0;owned\x07 `x`"
    article = Article("a<b>.json", "f&o", ((0, "official", "s1"),), {"s1": (name, "official")}, ())
    report = build_report("out", "JSON folder", [article])
    html = render_html(report, 0)
    assert "<script>" not in html and "&lt;script&gt;" in html and "\x1b" not in html and "\x07" not in html
    md = render_markdown(report, 0)
    assert "\x1b" not in md and "\\<script\\>" in md and "Ev\\|l" in md
    buffer = io.StringIO()
    render_terminal(report, Console(file=buffer, width=200, force_terminal=True), 0)
    out = buffer.getvalue()
    assert "\x1b]0;owned" not in out and "\x07" not in out and "[bold]Ev|l[/bold]" in out


def _reader(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "report", *argv], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_command_end_to_end(outputs: dict[str, Path]) -> None:
    result = _reader(str(outputs["jsonl"]))
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Sentences by class" in result.stdout and "3 groups by site or folder" in result.stdout


@pytest.mark.parametrize(
    ("make", "code", "needle"),
    [
        (lambda root: root / "missing", ExitCode.NOT_FOUND, "no such file or folder"),
        (lambda root: root, ExitCode.NOT_FOUND, "no reader analyses (*.json) in this folder"),
        (lambda root: _write(root / "x.json", '{"a": 1}'), ExitCode.USAGE, "not a reader batch output"),
        (lambda root: _write(root / "x.jsonl", "not json\n"), ExitCode.USAGE, "a line that is not JSON"),
        (lambda root: _write(root / "x.json", "{broken"), ExitCode.USAGE, "unreadable JSON"),
    ],
)
def test_bad_input_is_one_line(make: Any, code: ExitCode, needle: str, tmp_path: Path) -> None:
    root = tmp_path / "given"
    root.mkdir()
    target = make(root)
    result = _reader(str(target))
    assert result.returncode == code
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("reader: ") and needle in result.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path.parent if path.suffix == ".json" else path


def test_terminal_output_takes_no_file(
    outputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(outputs["json"]), "-o", str(tmp_path / "r.txt")]) == ExitCode.USAGE
    assert capsys.readouterr().err == "reader: -o needs --format markdown or html\n"
    assert not (tmp_path / "r.txt").exists()
