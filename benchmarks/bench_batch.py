"""Time ``reader batch`` with --jobs 1 and --jobs 2 over a few hundred generated articles.

The articles are the bundled samples with their paragraphs shuffled (the
headline stays first), written to a temporary folder that is removed after.

    python benchmarks/bench_batch.py [--count 300] [--seed 7] [--jobs 2] [--repeat 3]

Each setting runs ``--repeat`` times, interleaved, into fresh output folders;
the best time counts, so that other load on the machine distorts the ratio less.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def _paragraphs(text: str) -> list[str]:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return blocks if len(blocks) > 2 else [line for line in text.splitlines() if line.strip()]


def build_corpus(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` shuffled variants of the samples into ``folder``; returns their total size."""
    samples = sorted(SAMPLES.glob("*.txt"))
    if not samples:
        raise SystemExit(f"no sample articles in {SAMPLES}")
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        sample = samples[i % len(samples)]
        head, *body = _paragraphs(sample.read_text(encoding="utf-8"))
        rng.shuffle(body)
        separator = "\n\n" if "\n\n" in sample.read_text(encoding="utf-8") else "\n"
        text = separator.join([head, *body]) + "\n"
        path = folder / f"part{i % 10}" / f"{sample.stem}_{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def time_batch(inputs: Path, out: Path, jobs: int) -> float:
    """Seconds for one full ``reader batch`` run (a fresh output folder, so nothing is skipped)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "batch", str(inputs), "-o", str(out), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(
            f"batch --jobs {jobs} failed ({result.returncode}):\n{result.stderr[-2000:]}"
        )
    print(f"  --jobs {jobs}: {elapsed:6.2f}s  ({result.stdout.strip()})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=300, help="articles to generate (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="the parallel run's --jobs (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        size = build_corpus(folder / "in", args.count, args.seed)
        print(f"{args.count} articles, {size / 1024:.0f} KB, in {folder / 'in'}")
        serial = parallel = float("inf")
        for r in range(max(args.repeat, 1)):  # interleaved, so drifting load hits both alike
            serial = min(serial, time_batch(folder / "in", folder / f"out1_{r}", 1))
            parallel = min(parallel, time_batch(folder / "in", folder / f"outN_{r}", args.jobs))
        rates = f"{args.count / serial:.1f} vs {args.count / parallel:.1f} articles/s"
        print(f"speed-up --jobs {args.jobs} vs --jobs 1: {serial / parallel:.2f}x  ({rates})")


if __name__ == "__main__":
    main()
