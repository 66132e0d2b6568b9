"""``reader batch --format jsonl``: every line says where its article came from (the Parquet tables'
``article_id``, ``folder`` and ``site``), and ``reader report`` groups the lines by site or folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from reader.batch import run_batch
from reader.corpus.report.figures import TOP_FOLDER, build_report
from reader.corpus.report.read import open_output
from reader.errors import ExitCode

ORIGIN = ("article_id", "folder", "site")


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_each_line_carries_the_origin_the_tables_give(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "all.jsonl"), "--format", "jsonl"])
    run_batch([str(corpus), "-o", str(tmp_path / "tables"), "--format", "parquet"])
    table = ds.dataset(tmp_path / "tables" / "sentences", format="parquet").to_table(columns=list(ORIGIN))
    expected = list(dict.fromkeys(tuple(row.values()) for row in table.to_pylist()))
    got = [tuple(line[key] for key in ORIGIN) for line in lines(tmp_path / "all.jsonl")]
    assert got == expected
    assert ("harbour.html", ".", "harbour-gazette.example") in got
    assert ("outlet_b/kursk_offensive.txt", "outlet_b", None) in got


def test_the_origin_is_only_added_to_the_analysis(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "all.jsonl"), "--format", "jsonl"])
    run_batch([str(corpus), "-o", str(tmp_path / "json")])
    for line in lines(tmp_path / "all.jsonl"):
        assert list(line)[:4] == ["schema", *ORIGIN]
        stem = Path(line["article_id"]).with_suffix(".json")
        analysis = json.loads((tmp_path / "json" / stem).read_text(encoding="utf-8"))
        assert not set(ORIGIN) & set(analysis)  # the JSON folder's files are reader analyze's
        assert {k: v for k, v in line.items() if k not in ORIGIN} == analysis


def test_a_process_pool_writes_the_same_lines(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "one.jsonl"), "--format", "jsonl"])
    run_batch([str(corpus), "-o", str(tmp_path / "two.jsonl"), "--format", "jsonl", "--jobs", "2"])
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_the_report_groups_two_folders(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    run_batch([str(corpus / "outlet_a"), str(corpus / "outlet_b"), "-o", str(out), "--format", "jsonl"])
    kind, articles = open_output(out)
    report = build_report(str(out), kind, articles)
    assert report.grouped_by == "site or folder"
    assert [(g.name, g.articles) for g in report.groups] == [("outlet_a", 4), ("outlet_b", 6)]
    for label in ("official", "third_party", "unattributed"):
        assert sum(g.labels[label].count for g in report.groups) == report.corpus.labels[label].count
    by_folder: dict[str, int] = {}
    for line in lines(out):
        by_folder[line["folder"]] = by_folder.get(line["folder"], 0) + sum(line["tally"].values())
    assert [(g.name, g.sentences) for g in report.groups] == sorted(by_folder.items())
    assert report.corpus.labels["official"].trace.refs[0][0].startswith("outlet_a/")
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "report", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == ExitCode.OK, shown.stderr
    assert "2 groups by site or folder" in shown.stdout
    assert "outlet_a" in shown.stdout and "outlet_b" in shown.stdout


def test_lines_without_an_origin_make_no_groups(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    run_batch([str(corpus), "-o", str(out), "--format", "jsonl"])
    old = tmp_path / "old.jsonl"
    stripped = [{k: v for k, v in line.items() if k not in ORIGIN} for line in lines(out)]
    old.write_text("".join(json.dumps(line) + "\n" for line in stripped), encoding="utf-8")
    kind, articles = open_output(old)
    report = build_report(str(old), kind, articles)
    assert report.groups == [] and report.grouped_by is None
    assert report.corpus.articles == 11
    assert report.corpus.labels["official"].trace.refs[0][0] == "old.jsonl:1"
    grouped = build_report(str(out), *open_output(out))
    assert [g.name for g in grouped.groups] == ["harbour-gazette.example", "outlet_a", "outlet_b"]
    assert TOP_FOLDER not in [g.name for g in grouped.groups]  # the page at the top names its site
