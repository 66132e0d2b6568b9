"""``reader batch --engine dask`` on a two-worker LocalCluster: the same bytes as the local engine,
resume, failures, a worker killed mid-run, an article that kills every worker, bad set-ups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.batch import MANIFEST, run_batch
from reader.errors import ExitCode, ReaderError
from tests.corpus import worker_hooks
from tests.corpus.conftest import local_cluster

TARGET = "kursk_offensive.txt"  # the article the worker-killing tests pick on


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden and temporary ones too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tally(stdout: str) -> str:
    """The final tally line without its time."""
    return stdout.strip().splitlines()[-1].rsplit(";", 1)[0]


def failures(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("reader: ")]


def dask(*args: str, scheduler: str) -> list[str]:
    return [*args, "--engine", "dask", "--scheduler", scheduler]


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_folder_outputs_are_byte_identical_to_the_local_engine(
    fmt: str, corpus: Path, tmp_path: Path, dask_scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_batch([str(corpus), "-o", str(tmp_path / "local"), "--format", fmt]) == ExitCode.FAILURE
    local = capsys.readouterr()
    code = run_batch(dask(str(corpus), "-o", str(tmp_path / "dask"), "--format", fmt, scheduler=dask_scheduler))
    assert code == ExitCode.FAILURE
    remote = capsys.readouterr()
    expected = files(tmp_path / "local")
    assert len(expected) == 12  # twelve inputs, the empty one failed, and the folder's manifest
    assert MANIFEST in expected
    assert files(tmp_path / "dask") == expected
    assert tally(remote.out) == tally(local.out)
    assert tally(local.out).startswith("11 done, 0 skipped, 1 failed; ")
    empty = f"reader: {corpus / 'outlet_a' / 'empty.txt'}: no text (the file is empty)"
    assert failures(remote.err) == failures(local.err) == [empty]


def test_jsonl_is_byte_identical_and_in_input_order(corpus: Path, tmp_path: Path, dask_scheduler: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    run_batch([str(corpus), "-o", str(out / "local.jsonl"), "--format", "jsonl"])
    run_batch(dask(str(corpus), "-o", str(out / "dask.jsonl"), "--format", "jsonl", scheduler=dask_scheduler))
    lines = (out / "dask.jsonl").read_bytes()
    assert lines == (out / "local.jsonl").read_bytes()
    assert lines.count(b"\n") == 11
    assert files(out).keys() == {"local.jsonl", "dask.jsonl"}  # no temporary file left


def test_shipping_bytes_gives_the_same_outputs(corpus: Path, tmp_path: Path, dask_scheduler: str) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "local")])
    argv = dask(str(corpus), "-o", str(tmp_path / "bytes"), "--ship", "bytes", scheduler=dask_scheduler)
    assert run_batch(argv) == ExitCode.FAILURE
    assert files(tmp_path / "bytes") == files(tmp_path / "local")


def test_resume_skips_up_to_date_outputs(
    corpus: Path, tmp_path: Path, dask_scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = dask(str(corpus), "-o", str(tmp_path / "out"), scheduler=dask_scheduler)
    run_batch(argv)
    capsys.readouterr()
    run_batch(argv)
    assert tally(capsys.readouterr().out).startswith("0 done, 11 skipped, 1 failed")
    article = next(corpus.rglob("water_rates.md"))
    later = next((tmp_path / "out").rglob("water_rates.json")).stat().st_mtime + 10
    os.utime(article, (later, later))
    run_batch(argv)
    assert tally(capsys.readouterr().out).startswith("1 done, 10 skipped, 1 failed")


def _wait_for_pid(marker: Path, thread: threading.Thread) -> int:
    """The pid a stalled worker wrote (a synchronisation with the worker, not a timing check)."""
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert thread.is_alive(), "the batch ended before the worker reached the article"
        assert time.monotonic() < deadline, "no worker reached the article"
        time.sleep(0.05)
    return int(marker.read_text(encoding="utf-8"))


def _in_thread(argv: list[str]) -> tuple[threading.Thread, dict[str, object]]:
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["code"] = run_batch(argv)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, outcome


def test_a_worker_killed_mid_run_loses_nothing(corpus: Path, tmp_path: Path) -> None:
    from distributed import Client

    run_batch([str(corpus), "-o", str(tmp_path / "local"), "--format", "jsonl"])
    marker = tmp_path / "stalled.pid"
    cluster = local_cluster()
    try:
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            pids = client.run(worker_hooks.stall_once, TARGET, str(marker))
        out = tmp_path / "out" / "all.jsonl"
        out.parent.mkdir()
        thread, outcome = _in_thread(
            dask(str(corpus), "-o", str(out), "--format", "jsonl", scheduler=cluster.scheduler_address)
        )
        pid = _wait_for_pid(marker, thread)
        assert pid in pids.values()
        os.kill(pid, signal.SIGKILL)
        thread.join(timeout=600)
        assert not thread.is_alive()
    finally:
        cluster.close()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["code"] == ExitCode.FAILURE  # the empty article only
    assert files(tmp_path / "out") == {"all.jsonl": (tmp_path / "local").read_bytes()}


def test_an_article_that_kills_every_worker_is_reported_and_the_rest_done(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from distributed import Client

    run_batch([str(corpus), "-o", str(tmp_path / "local")])
    capsys.readouterr()
    cluster = local_cluster()
    try:
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            client.register_plugin(worker_hooks.KillOn(TARGET))
            argv = dask(str(corpus), "-o", str(tmp_path / "dask"), scheduler=cluster.scheduler_address)
            assert run_batch(argv) == ExitCode.FAILURE
    finally:
        cluster.close()
    captured = capsys.readouterr()
    lost = [line for line in failures(captured.err) if TARGET in line]
    assert len(lost) == 1
    assert lost[0].endswith(": lost: the worker analysing it died (KilledWorker), and on 2 retries")
    assert tally(captured.out).startswith("10 done, 0 skipped, 2 failed")
    expected = files(tmp_path / "local")
    killed = next(name for name in expected if name.endswith("kursk_offensive.json"))
    del expected[killed]
    assert files(tmp_path / "dask") == expected  # no partial file, nothing else lost


def test_a_local_cluster_is_started_without_a_scheduler(corpus: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "batch",
            str(corpus),
            "-o",
            str(tmp_path / "out"),
            "--engine",
            "dask",
            "--workers",
            "2",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == ExitCode.FAILURE, result.stderr
    # progress lines and the failure only: no log chatter from the scheduler, nannies or workers
    assert all(line.startswith(("[", "reader: ")) for line in result.stderr.splitlines()), result.stderr
    assert failures(result.stderr) == [f"reader: {corpus / 'outlet_a' / 'empty.txt'}: no text (the file is empty)"]
    assert tally(result.stdout).startswith("11 done, 0 skipped, 1 failed")
    assert len((tmp_path / "out").read_text(encoding="utf-8").splitlines()) == 11


def test_an_unreachable_scheduler_is_one_error(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.corpus import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ReaderError) as info:
        run_batch(dask(str(corpus), "-o", str(tmp_path / "out"), scheduler="tcp://127.0.0.1:9"))
    assert info.value.exit_code is ExitCode.NOT_FOUND
    assert str(info.value).startswith("tcp://127.0.0.1:9: cannot start the Dask client")
    assert not (tmp_path / "out").exists() or files(tmp_path / "out") == {}


def _without(modules: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """``reader *argv`` in a Python where importing any of ``modules`` fails, as when the extra is missing."""
    code = (
        "import sys\n"
        f"for name in {modules.split()!r}: sys.modules[name] = None\n"
        "from reader.cli import main\n"
        f"sys.exit(main({list(argv)!r}))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("missing", "options", "feature"),
    [
        ("dask distributed", ["--engine", "dask"], "--engine dask"),
        ("pyarrow", ["--format", "parquet"], "--format parquet"),
    ],
)
def test_a_missing_extra_is_one_line_naming_it(
    missing: str, options: list[str], feature: str, corpus: Path, tmp_path: Path
) -> None:
    result = _without(missing, "batch", str(corpus), "-o", str(tmp_path / "out"), *options)
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"reader: {feature} needs the optional 'dask' extra")
    assert "pip install 'reader-claims[dask]'" in result.stderr
    assert not any(p.is_file() for p in (tmp_path / "out").rglob("*")) if (tmp_path / "out").exists() else True


def test_a_parquet_report_without_pyarrow_is_one_line(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus), "-o", str(tmp_path / "tables"), "--format", "parquet"])
    result = _without("pyarrow", "report", str(tmp_path / "tables"))
    assert result.returncode == ExitCode.USAGE
    assert result.stderr == (
        "reader: reader report over Parquet needs the optional 'dask' extra (pyarrow is not installed): "
        "pip install 'reader-claims[dask]'\n"
    )


def test_scheduler_and_workers_need_the_dask_engine(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as info:
        run_batch([str(corpus), "-o", str(tmp_path / "out"), "--workers", "2"])
    assert info.value.exit_code is ExitCode.USAGE
    assert str(info.value) == "--scheduler and --workers need --engine dask (use --jobs N locally)"
    with pytest.raises(ReaderError) as info:
        run_batch([str(corpus), "-o", str(tmp_path / "out"), "--engine", "dask", "--jobs", "2"])
    assert str(info.value) == "--jobs is for --engine local; with --engine dask, use --workers N"
    assert not (tmp_path / "out").exists()
