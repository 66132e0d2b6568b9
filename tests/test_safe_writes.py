"""write_atomic against what the file system can throw at it (issue 13, "Writing files safely").

Refusal is atomic (a writer that loses a race for the name does not replace the winner's
file), nothing but regular files is ever renamed over, symbolic links are written
through or refused, and the data and the rename reach the disk.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from reader import output
from reader.errors import ExitCode, ReaderError
from reader.output import write_atomic


def _leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_a_file_created_while_writing_is_not_replaced(tmp_path: Path, monkeypatch) -> None:
    """The name is taken between the existence check and the rename: the other writer wins."""
    target = tmp_path / "r.json"
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_lose_the_race(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        target.write_text("the other writer's result")
        return made

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_lose_the_race)
    with pytest.raises(ReaderError) as info:
        write_atomic(target, "mine")
    assert info.value.exit_code is ExitCode.OUTPUT_EXISTS
    assert target.read_text() == "the other writer's result"
    assert _leftovers(tmp_path, "r.json") == []


def _race(target: Path, writers: int) -> tuple[list[str], list[ExitCode]]:
    """``writers`` threads write ``target`` at once without force: who won, and the others' codes."""
    barrier = threading.Barrier(writers)
    wins: list[str] = []
    refusals: list[ExitCode] = []

    def write(name: str) -> None:
        barrier.wait()
        try:
            write_atomic(target, name * 20000)
            wins.append(name)
        except ReaderError as exc:
            refusals.append(exc.exit_code)

    threads = [threading.Thread(target=write, args=(chr(ord("a") + i),)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return wins, refusals


def test_racing_writers_without_force_exactly_one_wins(tmp_path: Path) -> None:
    writers = 6
    for round_ in range(25):
        target = tmp_path / f"r{round_}.json"
        wins, refusals = _race(target, writers)
        assert len(wins) == 1, (round_, wins)
        assert refusals == [ExitCode.OUTPUT_EXISTS] * (writers - 1)
        assert target.read_text() == wins[0] * 20000


def test_a_fifo_is_refused_even_with_force_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReaderError) as info:
        write_atomic(fifo, "data", force=True)
    assert info.value.exit_code is ExitCode.OUTPUT_FAILED
    assert "FIFO" in str(info.value)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _leftovers(tmp_path, "pipe") == []


def test_a_link_to_a_device_is_refused_and_the_device_untouched(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    with pytest.raises(ReaderError) as info:
        write_atomic(link, "data", force=True)
    assert info.value.exit_code is ExitCode.OUTPUT_FAILED
    assert link.is_symlink()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_is_written_through_with_force(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_atomic(link, "new", force=True)
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_symlink_counts_as_existing_without_force(tmp_path: Path) -> None:
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(ReaderError) as info:
        write_atomic(link, "new")
    assert info.value.exit_code is ExitCode.OUTPUT_EXISTS
    assert link.is_symlink() and not (tmp_path / "nowhere.json").exists()


@pytest.mark.parametrize("force", [False, True])
def test_a_symlink_loop_is_refused_in_one_error(tmp_path: Path, force: bool) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop.name)
    with pytest.raises(ReaderError) as info:
        write_atomic(loop, "new", force=force)
    assert info.value.exit_code is (ExitCode.OUTPUT_FAILED if force else ExitCode.OUTPUT_EXISTS)
    assert loop.is_symlink() and os.readlink(loop) == loop.name


def test_a_dangling_symlink_is_refused_with_force(tmp_path: Path) -> None:
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(ReaderError) as info:
        write_atomic(link, "new", force=True)
    assert info.value.exit_code is ExitCode.OUTPUT_FAILED
    assert link.is_symlink() and not (tmp_path / "nowhere.json").exists()


def test_the_file_and_its_folder_are_flushed_to_disk(tmp_path: Path, monkeypatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    write_atomic(tmp_path / "out.json", "{}")
    assert synced == ["file", "folder"]


def test_works_where_os_has_no_fchmod(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delattr(os, "fchmod", raising=False)
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "out.json", "{}")
    finally:
        os.umask(old)
    assert target.read_text() == "{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "out.txt", iter(["a", "b", "c"]))
    assert target.read_text() == "abc"


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep")

    def pieces():
        yield "partial"
        raise OSError(28, "No space left on device")

    with pytest.raises(ReaderError) as info:
        write_atomic(target, pieces(), force=True)
    assert info.value.exit_code is ExitCode.OUTPUT_FAILED
    assert target.read_text() == "keep"
    assert _leftovers(tmp_path, "out.txt") == []


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path: Path) -> None:
    dead_pid = _a_dead_pid()
    stale = tmp_path / f".a.json.{dead_pid}-x1y2z3{output.TEMP_SUFFIX}"
    live = tmp_path / f".b.json.{os.getpid()}-q9w8e7{output.TEMP_SUFFIX}"
    unrelated = tmp_path / ".a.json.notours.tmp"
    for path in (stale, live, unrelated):
        path.write_text("partial")
    assert output.remove_stale_temps(tmp_path) == 1
    assert not stale.exists() and live.exists() and unrelated.exists()


def test_old_temporaries_are_stale_whoever_wrote_them(tmp_path: Path) -> None:
    old = tmp_path / f".a.json.{os.getpid()}-abcdef{output.TEMP_SUFFIX}"
    old.write_text("partial")
    two_days_ago = old.stat().st_mtime - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    assert output.remove_stale_temps(tmp_path, names=["a.json"]) == 1
    assert not old.exists()


def _a_dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_same_file_survives_loops_and_missing_paths(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop.name)
    real = tmp_path / "a.txt"
    real.write_text("x")
    (tmp_path / "b.txt").symlink_to(real.name)
    assert output.same_file(real, tmp_path / "b.txt")
    assert not output.same_file(loop, real)
    assert not output.same_file(tmp_path / "missing", real)
