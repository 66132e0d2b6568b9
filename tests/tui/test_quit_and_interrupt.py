"""Leaving while a large article is being analysed (issue 13): ``q`` and Ctrl-C end the app at once, stop
the analysis child, never start the analysis again in this process, and a second Ctrl-C prints no
traceback."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.errors import ExitCode
from reader.load import LoadedArticle
from reader.tui import analysis_worker
from reader.tui.analysis_worker import AnalysisCancelled, AnalysisJob
from reader.tui.reader_app import ReaderApp
from tests.tui.conftest import FIXTURES
from tests.tui.test_no_terminal import READER, _read_until, _spawn, _wait

needs_pty = pytest.mark.skipif(not Path("/dev/ptmx").exists(), reason="needs pseudo-terminals")


def _large_article(tmp_path: Path, megabytes: float = 3) -> Path:
    """A real article repeated to ``megabytes``: its analysis takes the child several seconds."""
    text = (FIXTURES / "harbour.txt").read_text(encoding="utf-8") + "\n\n"
    path = tmp_path / "large.txt"
    path.write_text(text * int(megabytes * 1_000_000 / len(text)), encoding="utf-8")
    return path


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_on_large_article(tmp_path: Path) -> tuple[int, int, list[int]]:
    """``reader LARGE`` on a pseudo-terminal, drawn and analysing: (pid, master fd, its analysis child)."""
    pid, master = _spawn([*READER, str(_large_article(tmp_path))])
    assert b"analysing" in _read_until(master, b"analysing")
    children = _children(pid)
    assert children, "no analysis child"
    return pid, master, children


# --- q and Ctrl-C on the real app, on a terminal --------------------------------------------


@needs_pty
def test_q_while_analysing_exits_at_once_and_stops_the_child(tmp_path: Path) -> None:
    pid, master, children = _start_on_large_article(tmp_path)
    try:
        started = time.monotonic()
        os.write(master, b"q")
        assert _wait(pid, 20, master) == 0
        assert time.monotonic() - started < 5
        time.sleep(0.2)
        assert not any(_alive(child) for child in children)
    finally:
        os.close(master)


@needs_pty
def test_ctrl_c_twice_exits_130_restores_the_terminal_and_prints_no_traceback(tmp_path: Path) -> None:
    pid, master, children = _start_on_large_article(tmp_path)
    try:
        _read_until(master, b"\0never", timeout=0.5)
        os.killpg(pid, signal.SIGINT)  # what the terminal sends the foreground group for Ctrl-C
        time.sleep(0.2)
        with contextlib.suppress(ProcessLookupError):  # unless already gone
            os.killpg(pid, signal.SIGINT)  # and again, impatiently
        output = b""
        status = None
        end = time.monotonic() + 20
        while status is None and time.monotonic() < end:
            output += _read_until(master, b"\0never", timeout=0.1)
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
        output += _read_until(master, b"\0never", timeout=0.3)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        assert status == ExitCode.INTERRUPTED, output[-2000:]
        assert b"Traceback" not in output and b"Exception ignored" not in output, output[-2000:]
        assert b"reader: interrupted" in output
        # The terminal is given back (the alternate screen left) before the line is printed.
        assert 0 <= output.rfind(b"\x1b[?1049l") < output.index(b"reader: interrupted")
        time.sleep(0.2)
        assert not any(_alive(child) for child in children)
    finally:
        os.close(master)


# --- leaving does not wait for work in this process --------------------------------------------

_HELD_IN_PROCESS = textwrap.dedent(
    """
    import sys, time
    from reader.load import LoadedArticle
    from reader.tui.reader_app import ReaderApp

    class InProcess:
        '''An analysis running in this process (no child could be started): a minute of work.'''
        def result(self):
            time.sleep(60)
            raise SystemExit("the analysis ran to its end")
        def cancel(self):
            pass

    async def press_q(pilot):
        await pilot.pause(0.5)
        await pilot.press("q")

    app = ReaderApp(article=LoadedArticle(text="The council said so. " * 100), job=InProcess())
    app.run(headless=True, auto_pilot=press_q)
    print("returned", app.return_code, flush=True)
    """
)


def test_quitting_does_not_wait_for_an_analysis_in_this_process() -> None:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _HELD_IN_PROCESS], capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout.decode().split() == ["returned", "0"]
    assert time.monotonic() - started < 20


# --- the interrupt, in the app and in the job ---------------------------------------------------


class RecordingJob:
    def __init__(self) -> None:
        self.cancelled = 0

    def result(self) -> object:
        time.sleep(30)
        raise AssertionError("not reached")

    def cancel(self) -> None:
        self.cancelled += 1


async def test_an_interrupt_stops_the_analysis_and_ends_the_app_with_130() -> None:
    job = RecordingJob()
    app = ReaderApp(article=LoadedArticle(text="The council said so. It rained."), job=job)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.interrupted()
        app.interrupted()  # a second one while leaving changes nothing
        await pilot.pause()
    assert job.cancelled >= 1
    assert app.return_code == ExitCode.INTERRUPTED


@pytest.mark.parametrize("with_child", [True, False], ids=["child", "no child"])
def test_a_cancelled_job_never_analyses_in_this_process(monkeypatch: pytest.MonkeyPatch, with_child: bool) -> None:
    ran: list[str] = []
    monkeypatch.setattr(analysis_worker, "analyse", lambda article, *rest: ran.append(article.text))
    if not with_child:

        def no_process(*args: object, **kwargs: object) -> None:
            raise OSError("no processes left")

        monkeypatch.setattr(subprocess, "Popen", no_process)
    job = AnalysisJob(LoadedArticle(text="The council said the road will close. " * 2000))
    job.cancel()
    with pytest.raises(AnalysisCancelled):
        job.result()
    assert ran == []
