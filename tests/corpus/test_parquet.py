"""``reader batch --format parquet``: the sentences, sources and numbers datasets, checked against the
JSON analysis of the same articles, read back with pyarrow, polars and DuckDB."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from reader.batch import Job, run_batch
from reader.corpus import parquet
from reader.corpus.report.figures import build_report
from reader.corpus.report.read import open_output
from reader.corpus.tables import article_rows
from reader.corpus.work import ArticleResult
from reader.errors import ExitCode, ReaderError
from tests.corpus.conftest import SAMPLES
from tests.corpus.test_dask_engine import files


def rows(out: Path, dataset: str) -> list[dict[str, Any]]:
    return ds.dataset(out / dataset, format="parquet").to_table().to_pylist()


def analyses(corpus: Path, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """The JSON analysis of every article of ``corpus``, by article id (its relative input path)."""
    out = tmp_path / "json"
    run_batch([str(corpus), "-o", str(out)])
    found = {}
    for source in corpus.rglob("*"):
        rel = source.relative_to(corpus)
        target = out / rel.with_suffix(".json")
        if target.exists():
            found[rel.as_posix()] = json.loads(target.read_text(encoding="utf-8"))
    return found


def test_the_tables_hold_what_the_json_says(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet"]) == ExitCode.FAILURE  # the empty one
    docs = analyses(corpus, tmp_path)
    assert len(docs) == 11
    assert_tables_hold(out, docs, corpus)


def assert_tables_hold(out: Path, docs: dict[str, dict[str, Any]], corpus: Path) -> None:
    """The datasets in ``out`` (all their parts) hold exactly ``docs``, the JSON analyses of ``corpus``."""
    sentences, sources, numbers = rows(out, "sentences"), rows(out, "sources"), rows(out, "numbers")
    assert len(sentences) == sum(len(d["sentences"]) for d in docs.values())
    assert len(sources) == sum(len(d["sources"]) for d in docs.values())
    assert len(numbers) == sum(len(d["numbers"]) for d in docs.values())
    assert sorted({r["article_id"] for r in sentences}) == sorted(docs)
    for article_id, doc in docs.items():
        by_id = {src["id"]: src for src in doc["sources"]}
        got = [r for r in sentences if r["article_id"] == article_id]
        assert len(got) == len(doc["sentences"])
        for row, s in zip(got, doc["sentences"], strict=True):
            source = by_id.get(s["source_id"]) if s["source_id"] else None
            cue = doc["text"][s["cue_span"][0] : s["cue_span"][1]] if s["cue_span"] else None
            assert row == {
                "article_id": article_id,
                "path": str(corpus / article_id),
                "folder": str(Path(article_id).parent),
                "site": "harbour-gazette.example" if article_id == "harbour.html" else None,
                "title": doc["title"],
                "published": doc["published"],
                "sentence": s["index"],
                "paragraph": s["paragraph"],
                "start": s["start"],
                "end": s["end"],
                "text": s["text"],
                "kind": s["kind"],
                "label": s["label"],
                "source_id": s["source_id"],
                "source_name": source["name"] if source else None,
                "source_type": source["type"] if source else None,
                "cue": cue,
            }
            assert doc["text"][row["start"] : row["end"]] == row["text"]
        assert [
            (r["source_id"], r["name"], r["type"], r["role"], r["sentence_count"], r["mentions"])
            for r in sources
            if r["article_id"] == article_id
        ] == [
            (s["id"], s["name"], s["type"], s["role"], len(s["sentences"]), len(s["mentions"])) for s in doc["sources"]
        ]
        assert [
            (r["sentence"], r["start"], r["end"], r["text"], r["value"], r["unit"], r["source_id"], r["converts"])
            for r in numbers
            if r["article_id"] == article_id
        ] == [
            (n["sentence"], n["start"], n["end"], n["text"], n["value"], n["unit"], n["source_id"], n["converts"])
            for n in doc["numbers"]
        ]
    assert any(r["cue"] for r in sentences) and numbers and sources


def test_row_groups_are_appended_as_articles_arrive(corpus: Path, tmp_path: Path) -> None:
    from reader.analysis import analyze_path

    out = tmp_path / "tables"
    sink = parquet.ParquetSink(out, row_group_articles=2)
    sizes = []
    paths = [p for p in sorted(corpus.rglob("*.txt")) if p.stat().st_size][:5]
    for i, path in enumerate(paths):
        payload = article_rows(analyze_path(path), article_id=path.name, path=str(path), site=None)
        sink.deliver(Job(i, path, None), ArticleResult(i, "done", "", 1, {}, payload))
        sizes.append(sink.tmps["sentences"].stat().st_size)
        assert not (out / "sentences" / parquet.PART).exists()
    sink.close()
    assert sizes[1] > sizes[0] and sizes[3] > sizes[2]  # a row group written after the 2nd and 4th
    assert sizes[2] == sizes[1] and sizes[4] == sizes[3]  # and none in between
    meta = pq.ParquetFile(out / "sentences" / parquet.PART).metadata
    assert meta.num_row_groups == 3
    assert files(out).keys() == {f"{name}/{parquet.PART}" for name in ("sentences", "sources", "numbers")}


def test_a_run_writes_several_row_groups(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_ARTICLES", 3)
    out = tmp_path / "tables"
    run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    assert pq.ParquetFile(out / "sentences" / parquet.PART).metadata.num_row_groups == 4  # 11 articles


def test_the_engines_write_the_same_bytes(corpus: Path, tmp_path: Path, dask_scheduler: str) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "one"), "--format", "parquet"])
    run_batch([str(corpus), "-o", str(tmp_path / "two"), "--format", "parquet", "--jobs", "2"])
    argv = [str(corpus), "-o", str(tmp_path / "dask"), "--format", "parquet", "--engine", "dask"]
    run_batch([*argv, "--scheduler", dask_scheduler])
    expected = files(tmp_path / "one")
    assert len(expected) == 3
    assert files(tmp_path / "two") == expected
    assert files(tmp_path / "dask") == expected


def test_polars_and_duckdb_read_the_datasets(corpus: Path, tmp_path: Path) -> None:
    import duckdb
    import polars as pl

    out = tmp_path / "tables"
    run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    docs = analyses(corpus, tmp_path)
    expected = {label: sum(d["tally"][label] for d in docs.values()) for label in ("official", "third_party")}
    frame = pl.read_parquet(out / "sentences" / "*.parquet")
    claims = frame.filter(pl.col("kind") == "sentence")  # the tally counts sentences, not headings
    by_label = dict(claims.group_by("label").len().iter_rows())
    assert {label: by_label[label] for label in expected} == expected
    glob = str(out / "sources" / "*.parquet")
    [(count,)] = duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall()
    assert count == sum(len(d["sources"]) for d in docs.values())


def test_a_rerun_skips_what_the_datasets_hold(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    before = files(out)
    capsys.readouterr()
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet"]) == ExitCode.FAILURE  # the empty one again
    assert capsys.readouterr().out.startswith("0 done, 11 skipped, 1 failed; ")
    assert files(out) == before  # nothing added: no new part
    (corpus / "outlet_a" / "empty.txt").unlink()
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet", "--force"]) == ExitCode.OK
    assert files(out) == before  # the same articles: the same bytes, and no file left over


SAMPLE_NAMES = (
    "kursk_offensive.txt",
    "measles_outbreak.txt",
    "water_rates.md",
    "transit_strike.html",
    "warehouse_fire.txt",
)


def add_samples(root: Path, names: tuple[str, ...]) -> None:
    """Copy sample articles into ``root``, alternately into its ``a/`` and ``b/`` folders."""
    for name in names:
        target = root / ("a" if SAMPLE_NAMES.index(name) % 2 == 0 else "b") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / name, target)


def parts(out: Path) -> dict[str, list[str]]:
    """Every file of each dataset, hidden ones too."""
    return {name: sorted(p.name for p in (out / name).iterdir()) for name in ("sentences", "sources", "numbers")}


def test_a_run_resumes_into_a_new_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, out = tmp_path / "in", tmp_path / "tables"
    add_samples(corpus, SAMPLE_NAMES[:3])
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet"]) == ExitCode.OK
    first = files(out)
    add_samples(corpus, SAMPLE_NAMES[3:])
    capsys.readouterr()
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet"]) == ExitCode.OK
    assert capsys.readouterr().out.startswith("2 done, 3 skipped, 0 failed; ")
    assert parts(out) == {dataset: [parquet.PART, "part-00001.parquet"] for dataset in parts(out)}
    assert {k: v for k, v in files(out).items() if k in first} == first  # the first part untouched
    new = ds.dataset(out / "sentences" / "part-00001.parquet").to_table(columns=["article_id"]).to_pylist()
    assert {r["article_id"] for r in new} == {"b/transit_strike.html", "a/warehouse_fire.txt"}
    docs = analyses(corpus, tmp_path)
    assert len(docs) == 5
    assert_tables_hold(out, docs, corpus)
    kind, articles = open_output(out)
    assert build_report(str(out), kind, articles).corpus.articles == 5

    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet", "--force"]) == ExitCode.OK
    assert parts(out) == {dataset: [parquet.PART] for dataset in parts(out)}
    run_batch([str(corpus), "-o", str(tmp_path / "fresh"), "--format", "parquet"])
    assert files(out) == files(tmp_path / "fresh")


def test_every_reader_reads_all_parts(tmp_path: Path, dask_scheduler: str) -> None:
    import duckdb
    import polars as pl

    corpus, out = tmp_path / "in", tmp_path / "tables"
    add_samples(corpus, SAMPLE_NAMES[:3])
    run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    add_samples(corpus, SAMPLE_NAMES[3:])
    run_batch([str(corpus), "-o", str(out), "--format", "parquet", "--engine", "dask", "--scheduler", dask_scheduler])
    assert parts(out)["sentences"] == [parquet.PART, "part-00001.parquet"]  # the Dask engine resumes too
    docs = analyses(corpus, tmp_path)
    expected = sum(len(d["sentences"]) for d in docs.values())
    assert pl.read_parquet(out / "sentences" / "*.parquet").height == expected
    [(count,)] = duckdb.sql(f"select count(*) from read_parquet('{out / 'sentences' / '*.parquet'}')").fetchall()
    assert count == expected
    assert len(pq.read_table(out / "sentences")) == expected


def test_a_half_written_part_is_never_read(tmp_path: Path) -> None:
    corpus, out = tmp_path / "in", tmp_path / "tables"
    add_samples(corpus, SAMPLE_NAMES[:3])
    run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    for name in ("sentences", "sources", "numbers"):  # a resumed run killed while writing its part
        (out / name / ".part-00001.parquet.tmp").write_bytes(b"PAR1 half a row group")
    (out / "sentences" / ".part-00007.parquet.tmp").write_bytes(b"PAR1")
    add_samples(corpus, SAMPLE_NAMES[3:])
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet"]) == ExitCode.OK
    assert parts(out) == {dataset: [parquet.PART, "part-00001.parquet"] for dataset in parts(out)}  # no tmp left
    assert_tables_hold(out, analyses(corpus, tmp_path), corpus)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("notes.parquet", "its parts are named part-NNNNN.parquet"),
        (parquet.PART, "other columns than its sentences table"),
    ],
)
def test_parquet_files_reader_did_not_write_are_refused(name: str, why: str, tmp_path: Path) -> None:
    import pyarrow as pa

    corpus, out = tmp_path / "in", tmp_path / "tables"
    add_samples(corpus, SAMPLE_NAMES[:2])
    (out / "sentences").mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["x"], "score": [1.0]}), out / "sentences" / name)
    before = files(out)
    with pytest.raises(ReaderError) as info:
        run_batch([str(corpus), "-o", str(out), "--format", "parquet"])
    assert info.value.exit_code is ExitCode.OUTPUT_EXISTS
    message = str(info.value)
    assert f"{name}: not a part reader batch wrote ({why}); use --force" in message and "\n" not in message
    assert files(out) == before
    assert run_batch([str(corpus), "-o", str(out), "--format", "parquet", "--force"]) == ExitCode.OK
    assert parts(out) == {dataset: [parquet.PART] for dataset in parts(out)}


def test_a_file_is_no_output_folder(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ReaderError) as info:
        run_batch([str(corpus), "-o", str(target), "--format", "parquet"])
    assert info.value.exit_code is ExitCode.OUTPUT_FAILED
    assert target.read_text(encoding="utf-8") == "x"
