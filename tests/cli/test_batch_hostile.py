"""reader batch against hostile folders and kills (issue 13): no hang, no traceback, nothing lost, no orphans."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import output
from reader.batch import MANIFEST, run_batch
from reader.errors import ExitCode
from tests.cli.test_bad_input import ARTICLE, assert_one_line_error, run


def _batch(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "batch", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(src / "b.txt")
    result = _batch(src, "-o", tmp_path / "out", timeout=60)
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Traceback" not in result.stderr
    assert "b.txt: skipped (not a regular file (a FIFO))" in result.stderr
    assert "1 done, 1 skipped, 0 failed" in result.stdout
    assert (tmp_path / "out" / "a.json").is_file()


def test_a_symlink_loop_in_a_folder_is_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "loop.txt").symlink_to("loop.txt")
    (src / "gone.txt").symlink_to("nowhere.txt")
    result = _batch(src, "-o", tmp_path / "out")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Traceback" not in result.stderr
    assert "loop.txt: skipped (a symlink loop)" in result.stderr
    assert "gone.txt: skipped (a symlink to nothing)" in result.stderr
    assert "1 done, 2 skipped, 0 failed" in result.stdout


def test_a_symlink_loop_as_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    result = run("batch", tmp_path / "a.txt", "-o", loop)
    assert_one_line_error(result, ExitCode.OUTPUT_FAILED, "symlink loop")


def test_an_unrelated_file_in_the_output_folder_is_not_overwritten(tmp_path: Path, capsys) -> None:
    """The output folder is the input folder: s.txt's summary would be s.md, which is the user's."""
    (tmp_path / "s.txt").write_text(ARTICLE, encoding="utf-8")
    mine = tmp_path / "s.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    old = time.time() - 3600
    os.utime(mine, (old, old))  # older than s.txt: not "up to date"
    args = [str(tmp_path), "-o", str(tmp_path), "--glob", "*.txt", "--format", "markdown"]
    assert run_batch(args) == ExitCode.FAILURE
    err = capsys.readouterr().err
    assert "s.md: exists and was not written by reader batch" in err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert run_batch([*args, "--force"]) == ExitCode.OK
    assert "s.md" in (tmp_path / MANIFEST).read_text(encoding="utf-8")


def test_its_own_outputs_are_redone_and_never_read_back(tmp_path: Path, capsys) -> None:
    (tmp_path / "s.txt").write_text(ARTICLE, encoding="utf-8")
    args = [str(tmp_path), "-o", str(tmp_path), "--format", "markdown"]
    assert run_batch(args) == ExitCode.OK
    assert "1 done, 0 skipped, 0 failed" in capsys.readouterr().out
    summary = (tmp_path / "s.md").read_text(encoding="utf-8")
    later = time.time() + 5
    os.utime(tmp_path / "s.txt", (later, later))  # the article changed: its output is redone
    assert run_batch(args) == ExitCode.OK
    assert "1 done, 0 skipped, 0 failed" in capsys.readouterr().out  # s.md was not taken as an input
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == summary


def test_stale_temporaries_of_a_killed_batch_are_cleaned(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stale = out / f".a.json.{child.pid}-k1ll3d{output.TEMP_SUFFIX}"
    stale.write_text('{"schema": "reader.anal', encoding="utf-8")
    result = _batch(src, "-o", out)
    assert result.returncode == ExitCode.OK, result.stderr
    assert not stale.exists()
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "a.json"]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
def test_workers_exit_when_the_batch_is_killed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"a{i}.txt").write_text(ARTICLE * 200, encoding="utf-8")
    batch = subprocess.Popen(
        [sys.executable, "-m", "reader", "batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2:
            workers = _children(batch.pid)
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers never started"
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        left = [w for w in workers if _alive(w)]
    finally:
        for pid in _children(batch.pid) | workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    assert left == []
