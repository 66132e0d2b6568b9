"""How fast are big and hostile inputs handled? Each workload against its time bound.

The workloads are those of the behavioural tests that once asserted wall time
(tests/load/test_detect.py, tests/load/test_markdown_input.py,
tests/cli/test_bad_input.py, tests/core/test_sources.py); the tests keep checking the
results, this script the seconds. Each workload is timed best of 3 in CPU time (of
this process, or of the child process for the command line) and printed with its
bound and their ratio:

* format detection of 200,000 repetitions of half-open markup ("[a", "**a", "<p", ...),
* Markdown extraction of a 200,000-character paragraph of "[a" after a heading,
* ``reader analyze`` on a 1.2 MB "sentence" without punctuation, end to end,
* grouping 6,000 mentions of 40 speakers into entities (and 24,000, for the scaling).

Run: ``.venv/bin/python benchmarks/bench_input.py`` (or ``make bench``); exits 1 when a
workload is over its bound.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.core.sources import EntityTracker, Mention
from reader.load.detect import detect_format
from reader.load.markdown import markdown_to_text
from timing import best_of

REPEATS = 3
SCALING_REPEATS = 5
HOSTILE_UNITS = ("[a", "[a](b", "**a", "*a ", "_a ", "<p", "#")
# Bounds in seconds, as the tests had them.
DETECT_BOUND = 2.0
MARKDOWN_BOUND = 5.0
CLI_BOUND = 30.0
TRACKER_BOUND = 5.0
TRACKER_SCALING_BOUND = 6.0  # time of 24,000 mentions / time of 6,000 (linear ~4, quadratic ~16)


def children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(name: str, seconds: float, bound: float, unit: str = "s") -> bool:
    """Print one figure with its bound and ratio; True when within the bound."""
    ratio = seconds / bound
    verdict = "ok" if ratio <= 1 else "OVER TARGET"
    print(f"{name:<44} {seconds:8.3f} {unit} (bound {bound} {unit}) {ratio:5.2f} of bound {verdict}")
    return ratio <= 1


def bench_detect() -> bool:
    """detect_format on 200,000 repetitions of each hostile unit."""
    ok = True
    for unit in HOSTILE_UNITS:
        text = unit * 200_000
        seconds = best_of(REPEATS, lambda text=text: detect_format(text, Path("article.txt")))
        ok &= report(f"detect_format({unit!r} x 200,000)", seconds, DETECT_BOUND)
    return ok


def bench_markdown() -> bool:
    """markdown_to_text on a heading and a 200,000-character paragraph of "[a"."""
    source = "# Heading\n\n" + "[a" * 100_000
    seconds = best_of(REPEATS, lambda: markdown_to_text(source))
    return report("markdown_to_text(heading + '[a' x 100,000)", seconds, MARKDOWN_BOUND)


def unpunctuated_text() -> str:
    """Over a megabyte of words with no sentence end (the CLI test's input)."""
    words = ["council", "river", "budget", "said", "report", "growth", "the", "market"]
    return " ".join(words[i % 7] + words[i % 5] for i in range(100_000))


def bench_cli() -> bool:
    """``reader analyze`` of the unpunctuated megabyte, start-up and JSON output included."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(unpunctuated_text(), encoding="utf-8")
        best = float("inf")
        for _ in range(REPEATS):
            before = children_cpu()
            result = subprocess.run(
                [sys.executable, "-m", "reader", "analyze", str(path)], capture_output=True, check=False
            )
            if result.returncode != 0:
                raise SystemExit(f"reader analyze failed: {result.stderr.decode(errors='replace')}")
            best = min(best, children_cpu() - before)
        size = path.stat().st_size
    return report(f"reader analyze ({size / 1e6:.1f} MB, no punctuation)", best, CLI_BOUND)


def track_mentions(count: int) -> EntityTracker:
    """``count`` mentions of 40 titled speakers: full names, then surnames and "the director"."""
    surnames = [f"Name{chr(65 + i % 26)}{chr(65 + i // 26)}" for i in range(40)]
    tracker = EntityTracker()
    for n in range(count):
        surname = surnames[n % len(surnames)]
        text = f"Director Ola {surname}" if n < len(surnames) else (surname if n % 3 else "the director")
        tracker.add(Mention(n * 40, n * 40 + len(text), text, 0))
    tracker.merge_descriptions()
    return tracker


def bench_tracker() -> bool:
    """EntityTracker on 6,000 mentions, and on four times as many for the scaling."""
    # interleaved and best of more runs: a few milliseconds each, so one busy moment of the
    # machine (or a collection) would otherwise decide the ratio
    base = large = float("inf")
    for _ in range(SCALING_REPEATS):
        base = min(base, best_of(1, lambda: track_mentions(6000)))
        large = min(large, best_of(1, lambda: track_mentions(24_000)))
    ok = report("EntityTracker: 6,000 mentions, 40 speakers", base, TRACKER_BOUND)
    scaling = large / base if base > 0 else 0.0
    verdict = "ok" if scaling <= TRACKER_SCALING_BOUND else "OVER TARGET"
    print(
        f"  24,000 mentions: {large:.3f} s; 24,000/6,000 = {scaling:.2f} "
        f"(target <= {TRACKER_SCALING_BOUND}; linear ~4, quadratic ~16) {verdict}"
    )
    return ok and scaling <= TRACKER_SCALING_BOUND


def main() -> int:
    print(f"CPU seconds, best of {REPEATS}")
    results = [bench_detect(), bench_markdown(), bench_cli(), bench_tracker()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
