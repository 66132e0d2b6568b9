"""Without a terminal the app never starts: ``reader FILE`` into a pipe prints the Markdown summary; with
no terminal for keys it stops with one line; and when its terminal goes away the app quits instead of
spinning on a dead input."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.tui.reader_app import ReaderApp
from reader.tui.terminal import LOST_TERMINAL
from tests.tui.conftest import FIXTURES

ARTICLE = FIXTURES / "harbour.txt"
READER = [sys.executable, "-m", "reader"]


def run_reader(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*READER, *args], stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)


def test_into_a_pipe_it_prints_the_markdown_summary() -> None:
    app = run_reader(str(ARTICLE))
    analysed = run_reader("analyze", str(ARTICLE), "--format", "markdown")
    assert app.returncode == 0, app.stderr
    # The same summary as the command line's, naming the file it read.
    lines = app.stdout.decode().splitlines()
    assert f"Source: `{ARTICLE}`  " in lines
    assert lines == analysed.stdout.decode().splitlines()
    assert app.stdout.startswith(b"# ") and b"\x1b" not in app.stdout and app.stderr == b""


def test_into_a_pipe_without_a_path_it_summarises_the_sample() -> None:
    app = run_reader()
    assert app.returncode == 0 and app.stdout.startswith(b"# ") and b"\x1b" not in app.stdout


def _spawn(args: list[str], *, stdin_null: bool = False, ignore_hangup: bool = False) -> tuple[int, int]:
    """Start ``args`` on a new pseudo-terminal (its controlling terminal), 100x30; (pid, master fd)."""
    pid, master = pty.fork()
    if pid == 0:  # the child: never returns
        try:
            if stdin_null:
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
            if ignore_hangup:
                signal.signal(signal.SIGHUP, signal.SIG_IGN)
            os.execv(args[0], args)
        finally:
            os._exit(127)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return pid, master


def _read_until(master: int, needle: bytes, timeout: float = 60) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


def _wait(pid: int, timeout: float, master: int | None = None) -> int | None:
    """The exit status of ``pid`` within ``timeout`` seconds, or None (then it is killed).

    With ``master``, what the app draws is read meanwhile: a full pty buffer would block it.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if master is not None:
            _read_until(master, b"\0never", timeout=0.1)
        else:
            time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


@pytest.mark.skipif(not Path("/dev/ptmx").exists(), reason="needs pseudo-terminals")
def test_with_stdin_not_a_terminal_keys_come_from_the_terminal() -> None:
    pid, master = _spawn([*READER, str(ARTICLE)], stdin_null=True)
    try:
        assert b"Article" in _read_until(master, b"Article")
        _read_until(master, b"\0never", timeout=1)
        os.write(master, b"q")
        assert _wait(pid, 20, master) == 0
    finally:
        os.close(master)


def test_with_no_terminal_at_all_it_stops_with_one_line() -> None:
    # No controlling terminal (a new session), stdin from /dev/null, stdout a terminal it cannot read keys
    # from: simulated by a pty we never make the controlling one.
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [*READER, str(ARTICLE)],
            stdin=subprocess.DEVNULL,
            stdout=secondary,
            stderr=subprocess.PIPE,
            start_new_session=True,
            timeout=60,
        )
    finally:
        os.close(secondary)
        os.close(main)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and "needs a terminal" in done.stderr.decode()


@pytest.mark.skipif(not Path("/dev/ptmx").exists(), reason="needs pseudo-terminals")
@pytest.mark.parametrize("ignore_hangup", [False, True], ids=["hang-up signal", "no hang-up signal"])
def test_when_the_terminal_goes_away_the_app_quits(ignore_hangup: bool) -> None:
    pid, master = _spawn([*READER, str(ARTICLE)], ignore_hangup=ignore_hangup)
    assert b"Article" in _read_until(master, b"Article")
    time.sleep(0.5)
    os.close(master)  # the window is closed
    status = _wait(pid, 15)
    assert status is not None, "still running after its terminal went away"


async def test_a_lost_terminal_ends_the_app_with_129(doc, monkeypatch: pytest.MonkeyPatch) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 24)) as pilot:

        def gone(fd: int) -> None:
            raise termios.error(5, "Input/output error")

        monkeypatch.setattr(termios, "tcgetattr", gone)
        assert app.is_running
        app.check_terminal()
        await pilot.pause()
    assert app.return_code == LOST_TERMINAL
