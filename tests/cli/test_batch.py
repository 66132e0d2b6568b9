"""reader batch: mirrored outputs, resume, failures that do not stop the run, jobs, JSON Lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.batch import MANIFEST, collect_inputs, plan_outputs, run_batch
from reader.errors import ExitCode, ReaderError

ARTICLES = {
    "a.txt": "Tram line opens\n\nThe new tram line opened on Sunday, the city transport office said.\n",
    "sub/b.md": "# Flood defences\n\nThe river wall will rise by 2 metres, *engineers* said in a [report](https://example.org).\n",
    "sub/deeper/c.html": "<html><body><p>The school will reopen on Monday, the head teacher said.</p></body></html>",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden files are skipped.\n", encoding="utf-8")
    return root


def _outputs(folder: Path) -> list[str]:
    """The files in ``folder``, bar the manifest of what reader batch wrote there."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def test_folder_outputs_mirror_relative_paths(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run_batch([str(corpus), "-o", str(out)]) == ExitCode.OK
    assert _outputs(out) == ["a.json", "sub/b.json", "sub/deeper/c.json"]
    analysis = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert analysis["text"] == ARTICLES["a.txt"]
    assert "The river wall will rise" in json.loads((out / "sub/b.json").read_text(encoding="utf-8"))["text"]
    captured = capsys.readouterr()
    assert "3 done, 0 skipped, 0 failed" in captured.out
    assert "official" in captured.out and "third_party" in captured.out and "unattributed" in captured.out
    assert "[1/3]" in captured.err and "[3/3]" in captured.err and "-> " in captured.err


def test_tally_counts_sentences_per_class(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus), "-o", str(out)])
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("*.json")]
    total = sum(len(d["sentences"]) for d in docs)
    per_class = {label: sum(d["tally"][label] for d in docs) for label in ("official", "third_party", "unattributed")}
    summary = capsys.readouterr().out
    assert f"{total} sentences" in summary
    for label, count in per_class.items():
        assert f"{label} {count}" in summary


def test_rerun_skips_up_to_date_outputs_and_force_redoes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus), "-o", str(out)])
    capsys.readouterr()
    assert run_batch([str(corpus), "-o", str(out)]) == ExitCode.OK
    assert "0 done, 3 skipped" in capsys.readouterr().out
    later = (out / "a.json").stat().st_mtime + 10
    os.utime(corpus / "a.txt", (later, later))
    run_batch([str(corpus), "-o", str(out)])
    assert "1 done, 2 skipped" in capsys.readouterr().out
    run_batch([str(corpus), "-o", str(out), "--force"])
    assert "3 done, 0 skipped" in capsys.readouterr().out


def test_failures_are_listed_and_do_not_stop_the_batch(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    out = tmp_path / "out"
    missing = tmp_path / "nowhere"
    assert run_batch([str(corpus), str(missing), "-o", str(out)]) == ExitCode.FAILURE
    assert _outputs(out) == ["a.json", "sub/b.json", "sub/deeper/c.json"]
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("reader: ")]
    assert len(errors) == 3
    assert any("empty.txt" in e and "no text" in e for e in errors)
    assert any("photo.txt" in e and "PNG" in e for e in errors)
    assert any(str(missing) in e for e in errors)
    assert "3 done, 0 skipped, 3 failed" in captured.out


def test_glob_overrides_the_default(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus), "-o", str(out), "--glob", "*.html"])
    assert _outputs(out) == ["sub/deeper/c.json"]


def test_jobs_give_the_same_outputs(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "one")])
    assert run_batch([str(corpus), "-o", str(tmp_path / "two"), "--jobs", "2"]) == ExitCode.OK
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    for name in _outputs(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_jsonl_writes_one_compact_line_per_input_in_order(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert run_batch([str(corpus), "-o", str(out), "--format", "jsonl", "--jobs", "2"]) == ExitCode.OK
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert all(": " not in line[:40] and line.startswith('{"schema":') for line in lines)
    texts = [json.loads(line)["text"] for line in lines]
    assert texts[0] == ARTICLES["a.txt"]
    assert "river wall" in texts[1] and "school" in texts[2]


def test_jsonl_refuses_an_existing_file_without_force(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    out.write_bytes(b"previous run\n")
    with pytest.raises(ReaderError) as info:
        run_batch([str(corpus), "-o", str(out), "--format", "jsonl"])
    assert info.value.exit_code is ExitCode.OUTPUT_EXISTS
    assert out.read_bytes() == b"previous run\n"
    assert run_batch([str(corpus), "-o", str(out), "--format", "jsonl", "--force"]) == ExitCode.OK
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_markdown_format(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("reader.export.markdown", reason="the Markdown exporter is not installed")
    out = tmp_path / "md"
    assert run_batch([str(corpus), "-o", str(out), "--format", "markdown"]) == ExitCode.OK
    assert _outputs(out) == ["a.md", "sub/b.md", "sub/deeper/c.md"]
    assert "tram line" in (out / "a.md").read_text(encoding="utf-8")


def test_output_folder_inside_the_input_is_not_read_back(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = corpus / "analyses"
    run_batch([str(corpus), "-o", str(out), "--format", "markdown", "--glob", "*.md", "--glob", "*.txt"])
    capsys.readouterr()
    run_batch([str(corpus), "-o", str(out), "--format", "markdown", "--glob", "*.md", "--glob", "*.txt"])
    assert "0 done, 2 skipped, 0 failed" in capsys.readouterr().out


def test_name_clashes_keep_the_input_extension(tmp_path: Path) -> None:
    inputs = [
        (tmp_path / "x.txt", Path("x.txt")),
        (tmp_path / "x.md", Path("x.md")),
        (tmp_path / "y.txt", Path("y.txt")),
    ]
    jobs = plan_outputs(inputs, tmp_path / "out", ".json")
    assert [j.output.name for j in jobs if j.output] == ["x.txt.json", "x.md.json", "y.json"]


def test_files_named_directly_are_taken_whatever_their_extension(tmp_path: Path) -> None:
    (tmp_path / "story.article").write_text("Text.", encoding="utf-8")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "n.txt").write_text("Text.", encoding="utf-8")
    inputs, missing = collect_inputs(
        [str(tmp_path / "story.article"), str(tmp_path / "d"), str(tmp_path / "d" / "n.txt")],
        ("*.txt",),
    )
    assert missing == []
    assert [rel for _, rel in inputs] == [Path("story.article"), Path("d/n.txt")]


def test_command_line_end_to_end(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "batch", str(corpus), "-o", str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Traceback" not in result.stderr
    assert "3 done" in result.stdout
    assert _outputs(out) == ["a.json", "sub/b.json", "sub/deeper/c.json"]


def test_batch_into_a_file_is_refused(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ReaderError):
        run_batch([str(corpus), "-o", str(target)])
    assert target.read_text(encoding="utf-8") == "x"
