"""How the reader app feels, measured from outside as a user sees it, against a bare Textual app.

Every app runs as its own process on a pseudo-terminal (160x48), started the same way
(``python -c`` / ``python -m reader``), and is timed from the fork to what appears on its
terminal (escape sequences stripped):

- first paint: the sample article's text on screen, and the ~1 MB article's (the bench_analysis
  article: the samples repeated), against a bare Textual app showing one Static;
- analysis shown: the tally in the title bar of the 1 MB article, against ``reader analyze`` of the
  same file run to completion (its output to /dev/null), the command line's own time;
- a key: from writing it to the last byte of the screen update it causes (``j``, ``G``, ``g``,
  ``space``, ``b``, ``n``, and search keystrokes), against a key that updates the bare app's Static;
- a resize from 160x48 to 80x24 and back (the window-size change, to the last byte drawn);
- the peak memory (VmHWM) of the app process, and of the analysis child when there is one.

Then, in this process (headless), the CPU time each of 26 keys costs the app on the 1 MB article, each
key the median over ``--cpu-runs`` fresh apps, beside what Textual itself costs on this machine: a key
updating a Static, and the side panes of a bare app laid out like reader's hidden or shown (a whole
screen laid out and drawn again, as reader's ``s`` or a pane switch in a narrow window).

Both apps start from compiled bytecode, as installed packages do: reader's is compiled first.

Figures vary with the load of the machine: each app runs ``--rounds`` times, interleaved, and
the best and worst are printed. Run: ``.venv/bin/python benchmarks/bench_app.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

WIDE = (160, 48)
NARROW = (80, 24)
QUIET = 0.12  # seconds without output after which a screen update is taken as finished
_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\"  # OSC and DCS strings
    rb"|\x1b[()][A-Za-z0-9]|\x1b[=>78cDEHM]"
)
_TALLY = re.compile(r"○ unattributed \d")

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    BINDINGS = [("j", "tick", "Tick"), ("q", "quit", "Quit")]
    count = 0

    def compose(self):
        yield Static("hello")

    def action_tick(self):
        self.count += 1
        self.query_one(Static).update(f"hello {self.count}")

Bare().run()
"""


@dataclass
class Terminal:
    """A process on a pseudo-terminal, with everything it draws recorded as (time, bytes)."""

    pid: int
    master: int
    started: float
    chunks: list[tuple[float, bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: bool = False

    @classmethod
    def spawn(cls, args: list[str], size: tuple[int, int] = WIDE) -> Terminal:
        started = time.perf_counter()
        pid, master = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                os.environ["TERM"] = "xterm-256color"
                os.execv(args[0], args)
            finally:
                os._exit(127)
        term = cls(pid, master, started)
        threading.Thread(target=term._drain, daemon=True).start()
        return term

    def _drain(self) -> None:
        while not self.done:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append((time.perf_counter(), data))

    def screen_text(self, since: float = 0.0) -> str:
        with self.lock:
            raw = b"".join(data for t, data in self.chunks if t >= since)
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def wait_for(self, pattern: re.Pattern[str] | str, timeout: float = 120.0) -> float:
        """Seconds from the start until ``pattern`` was first on the terminal (inf if never).

        The time is that of the first chunk of output with which the pattern appears, however
        late it is looked for.
        """
        regex = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            with self.lock:
                chunks = list(self.chunks)
            if self._shows(regex, chunks, len(chunks)):
                low, high = 1, len(chunks)  # the fewest chunks that show it
                while low < high:
                    middle = (low + high) // 2
                    if self._shows(regex, chunks, middle):
                        high = middle
                    else:
                        low = middle + 1
                return chunks[low - 1][0] - self.started
            time.sleep(0.005)
        return float("inf")

    @staticmethod
    def _shows(regex: re.Pattern[str], chunks: list[tuple[float, bytes]], count: int) -> bool:
        raw = b"".join(data for _, data in chunks[:count])
        return regex.search(_ESCAPES.sub(b"", raw).decode("utf-8", "replace")) is not None

    def settle(self, after: float, timeout: float = 10.0) -> float:
        """Seconds from ``after`` to the last byte of the update that followed (0 if nothing came)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            time.sleep(QUIET / 4)
            with self.lock:
                last = self.chunks[-1][0] if self.chunks else 0.0
            if last >= after and time.perf_counter() - last >= QUIET:
                return last - after
            if last < after and time.perf_counter() - after >= 1.0:
                return 0.0
        return float("inf")

    def key(self, keys: str) -> float:
        """From writing ``keys`` to the last byte of the update they cause."""
        return self.key_times(keys)[1]

    def key_times(self, keys: str) -> tuple[float, float]:
        """From writing ``keys`` to the first and to the last byte of the update they cause."""
        self.settle(time.perf_counter())  # nothing pending
        t0 = time.perf_counter()
        os.write(self.master, keys.encode())
        last = self.settle(t0)
        with self.lock:
            first = next((t for t, _ in self.chunks if t >= t0), t0) - t0
        return first, last

    def resize(self, size: tuple[int, int]) -> float:
        self.settle(time.perf_counter())
        t0 = time.perf_counter()
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        return self.settle(t0)

    def peak_memory(self) -> tuple[float, list[float]]:
        """MiB of the process's peak resident memory, and of each of its children's."""
        return _hwm(self.pid), [_hwm(child) for child in _children(self.pid)]

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            for _ in range(50):
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                time.sleep(0.05)
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.done = True
        os.close(self.master)


def _hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def first_words(text: str, line: int = 1, words: int = 3) -> str:
    """A few words from a line of the article: on screen once its text is drawn."""
    lines = [ln for ln in text.splitlines() if len(ln.split()) >= words]
    return " ".join(lines[min(line, len(lines) - 1)].split()[:words])


@dataclass
class Figures:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)

    def best(self, name: str) -> float:
        return min(self.values.get(name, [float("nan")]))

    def span(self, name: str, scale: float = 1000, unit: str = "ms") -> str:
        vals = self.values.get(name)
        if not vals:
            return "n/a"
        return f"{min(vals) * scale:7.0f}-{max(vals) * scale:.0f} {unit}"


def run_bare(figures: Figures, python: str) -> None:
    term = Terminal.spawn([python, "-c", BARE_APP])
    try:
        figures.add("bare paint", term.wait_for("hello"))
        time.sleep(0.3)
        figures.add("bare key", statistics.median(term.key("j") for _ in range(8)))
        figures.add("bare resize", max(term.resize(NARROW), term.resize(WIDE)))
        figures.add("bare memory", term.peak_memory()[0] / 1000)
    finally:
        term.close()


def run_sample(figures: Figures, python: str, sample_text: str) -> None:
    term = Terminal.spawn([python, "-m", "reader"])
    try:
        figures.add("sample paint", term.wait_for(first_words(sample_text)))
        figures.add("sample analysed", term.wait_for(_TALLY))
    finally:
        term.close()


def run_big(figures: Figures, python: str, path: Path, text: str, keys: bool) -> None:
    term = Terminal.spawn([python, "-m", "reader", str(path)])
    try:
        figures.add("big paint", term.wait_for(first_words(text)))
        time.sleep(0.2)
        if keys:
            figures.add("big key while analysing", statistics.median(term.key(" ") for _ in range(5)))
        figures.add("big analysed", term.wait_for(_TALLY, timeout=300))
        time.sleep(0.5)
        if keys:
            times = {k: term.key(k) for k in ("j", "j", "G", "g", " ", " ", "b", "n", "t", "k")}
            figures.add("big key", statistics.median(times.values()))
            figures.add("big key worst", max(times.values()))
            term.key("/")
            search = [term.key_times(ch) for ch in "harbour"]
            figures.add("big search echo", max(first for first, _ in search))
            figures.add("big search keystroke", max(last for _, last in search))
            term.key("\r")
            figures.add("big search n", term.key("n"))
            term.key("\x1b")
            figures.add("big resize", max(term.resize(NARROW), term.resize(WIDE)))
        own, children = term.peak_memory()
        figures.add("big memory", own / 1000)
        if children:
            figures.add("big child memory", max(children) / 1000)
    finally:
        term.close()


KEYS = [
    "j",
    "j",
    "G",
    "g",
    "space",
    "space",
    "b",
    "n",
    "t",
    "k",
    "3",
    "down",
    "enter",
    "1",
    "2",
    "1",
    "slash",
    "h",
    "a",
    "r",
    "enter",
    "n",
    "p",
    "escape",
    "s",
    "s",
]


async def _cpu_per_key(app: object, keys: list[str]) -> dict[str, float]:
    """CPU seconds of this process per key, from the press until the screen is updated (headless)."""
    times: dict[str, float] = {}
    async with app.run_test(size=WIDE) as pilot:  # type: ignore[attr-defined]
        await pilot.pause(0.5)
        for number, key in enumerate(keys):
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            times[f"{number:02d} {key}"] = time.process_time() - start
    return times


def bare_relayout_app() -> object:
    """A bare Textual app laid out like reader (a title, a pane beside two stacked panes, a detail line, a
    key bar) whose ``s`` hides or shows the side panes, as reader's does. Its panes draw each line once
    per width, then from a cache: what a toggle costs is Textual's own re-layout and redraw."""
    from rich.segment import Segment
    from textual.app import App, ComposeResult
    from textual.containers import Container
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip
    from textual.widgets import Static

    class Lines(ScrollView):
        def __init__(self, **kwargs: str) -> None:
            super().__init__(**kwargs)
            self.virtual_size = Size(0, 1000)
            self.drawn: dict[tuple[int, int], Strip] = {}

        def render_line(self, y: int) -> Strip:
            width = self.scrollable_content_region.width
            key = (y + self.scroll_offset.y, width)
            if key not in self.drawn:
                text = f"line {key[0]} " + "lorem ipsum dolor " * 12
                self.drawn[key] = Strip([Segment(text)]).crop_extend(0, width, None)
            return self.drawn[key]

    class BareRelayout(App[None]):
        CSS = """
        #body { layout: horizontal; height: 1fr; }
        Lines { border: round $primary; }
        #main { width: 9fr; }
        #side { width: 7fr; layout: vertical; }
        #side Lines { height: 1fr; }
        #detail { height: 2; }
        #bar { height: 1; dock: bottom; }
        """
        BINDINGS = [("s", "toggle", "Toggle")]  # noqa: RUF012 - as Textual's own examples write it

        def compose(self) -> ComposeResult:
            yield Static("title")
            with Container(id="body"):
                yield Lines(id="main")
                with Container(id="side"):
                    yield Lines()
                    yield Lines()
            yield Static("detail\nwhy", id="detail")
            yield Static("keys", id="bar")

        def action_toggle(self) -> None:
            side = self.query_one("#side")
            side.display = not side.display

    return BareRelayout()


def _per_key_medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def run_cpu(figures: Figures, big: str, runs: int) -> None:
    """The work a key costs the app itself, measured in CPU time so other jobs on the machine do not count.

    Each key's cost is its median over ``runs`` fresh apps: one sample a key, the costliest of 26 keys
    was mostly the noisiest. Beside it, what Textual itself costs here: a key that updates a Static,
    and a key that hides or shows the side panes of a bare app laid out like reader's (the same kind of
    full-screen re-layout as reader's ``s`` and ``/``), its panes drawn from a cache.
    """
    import asyncio
    import gc

    from textual.app import App
    from textual.widgets import Static

    from reader.core.analyze import analyze
    from reader.tui.reader_app import ReaderApp

    class Bare(App[None]):
        BINDINGS = [("j", "tick", "Tick")]  # noqa: RUF012 - as Textual's own examples write it

        def compose(self):
            yield Static("hello")

        def action_tick(self) -> None:
            self.query_one(Static).update(f"hello {time.time()}")

    doc = analyze(big)
    bare, toggles, reader = [], [], []
    for _ in range(runs):
        gc.collect()
        bare.append(asyncio.run(_cpu_per_key(Bare(), ["j"] * 10)))
        toggles.append(asyncio.run(_cpu_per_key(bare_relayout_app(), ["s"] * 10)))
        reader.append(asyncio.run(_cpu_per_key(ReaderApp(doc), KEYS)))
    figures.add("cpu bare key", statistics.median(t for run in bare for t in run.values()))
    figures.add("cpu bare relayout", statistics.median(t for run in toggles for t in run.values()))
    medians = _per_key_medians(reader)
    figures.add("cpu key", statistics.median(medians.values()))
    worst = max(medians, key=medians.__getitem__)
    figures.add("cpu key worst", medians[worst])
    figures.worst_key = worst  # type: ignore[attr-defined]
    figures.costliest = sorted(medians.items(), key=lambda item: -item[1])[:5]  # type: ignore[attr-defined]


def run_cli(figures: Figures, python: str, path: Path) -> None:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.execv(python, [python, "-m", "reader", "analyze", str(path)])
    os.waitpid(pid, 0)
    figures.add("cli analyze", time.perf_counter() - start)


def compile_bytecode(python: str) -> None:
    """Compile reader's bytecode, as pip does when it installs a package. The bare app's
    Textual is installed with its bytecode; without this, a machine that sets
    PYTHONDONTWRITEBYTECODE recompiles all of reader's source on every start of the app."""
    subprocess.run([python, "-m", "compileall", "-q", str(REPO / "reader")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--python", default=sys.executable, help="interpreter with reader installed")
    parser.add_argument(
        "--no-cpu",
        action="store_true",
        help="skip the in-process CPU-per-key measure (to time another checkout: PYTHONPATH=/path/to/it ... --no-cpu)",
    )
    parser.add_argument("--cpu-runs", type=int, default=5, help="fresh apps whose per-key CPU the median is taken over")
    args = parser.parse_args()
    compile_bytecode(args.python)

    from bench_analysis import build_article

    sample_text = (REPO / "sample_articles" / "kursk_offensive.txt").read_text(encoding="utf-8")
    big = build_article()
    figures = Figures()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(big, encoding="utf-8")
        steps: list[Callable[[], None]] = [
            lambda: run_bare(figures, args.python),
            lambda: run_sample(figures, args.python, sample_text),
            lambda: run_cli(figures, args.python, path),
            lambda: run_big(figures, args.python, path, big, keys=True),
        ]
        for round_ in range(args.rounds):
            for step in steps:
                step()
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
        if not args.no_cpu:
            run_cpu(figures, big, args.cpu_runs)

    bare, cli = figures.best("bare paint"), figures.best("cli analyze")
    print(f"terminal {WIDE[0]}x{WIDE[1]}, {args.rounds} rounds; best-worst over rounds; ratios of the bests")
    print(f"bare Textual app, first paint            {figures.span('bare paint')}")
    print(
        f"reader, sample, first paint              {figures.span('sample paint')}"
        f"   {figures.best('sample paint') / bare:4.2f}x bare (target <= 1.5x)"
    )
    print(f"reader, sample, analysis shown           {figures.span('sample analysed')}")
    print(
        f"reader, 1 MB ({len(big):,} chars), text shown {figures.span('big paint')}"
        f"   {figures.best('big paint') / bare:4.2f}x bare (target <= 2x)"
    )
    print(f"reader analyze (command line), 1 MB      {figures.span('cli analyze')}")
    print(
        f"reader, 1 MB, analysis shown             {figures.span('big analysed')}"
        f"   {figures.best('big analysed') / cli:4.2f}x the command line (target <= 1.2x)"
    )
    print(f"bare Textual app, a key (Static update)  {figures.span('bare key')}")
    print(f"reader, 1 MB, page down while analysing  {figures.span('big key while analysing')}")
    print(f"reader, 1 MB, a key (median of 10)       {figures.span('big key')}   (target < 50 ms)")
    print(f"reader, 1 MB, the slowest of those keys  {figures.span('big key worst')}")
    print(f"reader, 1 MB, search keystroke echoed    {figures.span('big search echo')}   (slowest of 7)")
    print(
        f"reader, 1 MB, search matches highlighted {figures.span('big search keystroke')}"
        "   (slowest of 7; the search runs 120 ms after typing pauses)"
    )
    print(f"reader, 1 MB, n to the next match        {figures.span('big search n')}")
    print(
        f"in-process CPU per key (headless pilot, all of {len(KEYS)} keys incl. pane, search, escape; "
        f"each key the median of {args.cpu_runs} fresh apps):"
    )
    print(f"  bare Textual app, a key (Static update) {figures.span('cpu bare key')}")
    print(
        f"  bare Textual app, the side panes hidden or shown {figures.span('cpu bare relayout')}"
        "   (the whole screen laid out and drawn again: Textual's own cost)"
    )
    print(f"  reader, 1 MB, median key              {figures.span('cpu key')}")
    print(
        f"  reader, 1 MB, the costliest key       {figures.span('cpu key worst')}"
        f"   ({getattr(figures, 'worst_key', '?')}; target < 50 ms)"
    )
    costliest = getattr(figures, "costliest", [])
    if costliest:
        print(
            "  reader, 1 MB, the costliest five      " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in costliest) + " ms"
        )
    print(f"bare Textual app, resize 160<->80        {figures.span('bare resize')}")
    print(f"reader, 1 MB, resize 160<->80 (slower)   {figures.span('big resize')}   (target < 300 ms)")
    print(
        f"peak memory: bare {figures.span('bare memory', unit='MiB')}, reader 1 MB "
        f"{figures.span('big memory', unit='MiB')} (target < 150 MiB)"
        + (
            f", analysis child {figures.span('big child memory', unit='MiB')}"
            if figures.values.get("big child memory")
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
