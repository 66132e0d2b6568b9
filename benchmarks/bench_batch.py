"""Throughput of ``reader batch``: the local engine with --jobs 1 and 2, the Dask engine with 1 and 2 workers.

The articles are the bundled samples with their paragraphs shuffled (the
headline stays first), written to a temporary folder that is removed after.

    python benchmarks/bench_batch.py [--count 300] [--seed 7] [--repeat 3] [--tasks 400]

Every setting is a full ``reader batch`` run in a subprocess into a fresh output
folder; settings are interleaved and run ``--repeat`` times, and the best time
counts, so that other load on the machine distorts the ratios less. Each setting
also runs on one article: that time is the run's fixed cost (starting Python,
importing, connecting), and ``(count - 1) / (time - fixed cost)`` the rate once
running. The Dask runs
join a LocalCluster started here beforehand (``--scheduler``), as a long-lived
cluster would be used; its start-up, which a run without ``--scheduler`` pays
once, is timed apart. Then the per-task overhead: ``--tasks`` empty tasks through
each engine, one in flight at a time (a round trip) and many (throughput).

Needs the ``dask`` extra (``pip install 'reader-claims[dask]'``).
"""

from __future__ import annotations

import argparse
import logging
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


def time_batch(inputs: Path, out: Path, options: list[str]) -> float:
    """Seconds for one full ``reader batch`` run (a fresh output folder, so nothing is skipped)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "batch", str(inputs), "-o", str(out), *options],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"batch {' '.join(options)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def local_cluster(workers: int):  # type: ignore[no-untyped-def]
    """A LocalCluster as ``reader batch --engine dask`` starts one."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
        scheduler_kwargs={"allowed_failures": 0},
    )


def task_overhead(submit: Callable[[], object], wait: Callable[[object], object], tasks: int) -> tuple[float, float]:
    """Milliseconds per empty task: one at a time (latency), then all in flight (throughput)."""
    started = time.perf_counter()
    for _ in range(tasks):
        wait(submit())
    serial = (time.perf_counter() - started) / tasks * 1000
    started = time.perf_counter()
    handles = [submit() for _ in range(tasks)]
    for handle in handles:
        wait(handle)
    return serial, (time.perf_counter() - started) / tasks * 1000


def overheads(tasks: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from distributed import Client

    from reader.corpus.work import analyse_chunk

    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(analyse_chunk, [], "json", 1).result()  # started
        serial, flowing = task_overhead(
            lambda: pool.submit(analyse_chunk, [], "json", 1),
            lambda f: f.result(),
            tasks,  # type: ignore[attr-defined]
        )
    print(f"  process pool (--engine local): {serial:.2f} ms a round trip, {flowing:.2f} ms a task in flow")
    cluster = local_cluster(1)
    try:
        with Client(cluster, set_as_default=False) as client:
            client.submit(analyse_chunk, [], "json", 1, pure=False).result()
            serial, flowing = task_overhead(
                lambda: client.submit(analyse_chunk, [], "json", 1, pure=False),
                lambda f: f.result(),  # type: ignore[attr-defined]
                tasks,
            )
    finally:
        cluster.close()
    print(f"  Dask LocalCluster, 1 worker:   {serial:.2f} ms a round trip, {flowing:.2f} ms a task in flow")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=300, help="articles to generate (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts")
    parser.add_argument("--tasks", type=int, default=400, help="empty tasks for the overhead (default 400)")
    args = parser.parse_args()
    import distributed  # noqa: F401 - configures its loggers on import; quiet them after

    logging.getLogger("distributed").setLevel(logging.ERROR)  # the clusters' start and close chatter
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        size = build_corpus(folder / "in", args.count, args.seed)
        print(f"{args.count} articles, {size / 1024:.0f} KB, in {folder / 'in'}")
        clusters = {}
        startup = {}
        for n in (1, 2):
            started = time.perf_counter()
            clusters[n] = local_cluster(n)
            startup[n] = time.perf_counter() - started
        try:
            settings = {
                "local --jobs 1": ["--jobs", "1"],
                "local --jobs 2": ["--jobs", "2"],
                **{
                    f"dask, {n} worker{'s' if n > 1 else ''}": ["--engine", "dask", "--scheduler", c.scheduler_address]
                    for n, c in clusters.items()
                },
            }
            for i, (name, options) in enumerate(settings.items()):  # warm-up: each worker imports reader once
                if "dask" in name:
                    time_batch(folder / "in" / "part0", folder / f"warm{i}", options)
            one = folder / "one"
            one.mkdir()
            first = sorted((folder / "in").rglob("*.txt"))[0]
            (one / first.name).write_bytes(first.read_bytes())
            best = dict.fromkeys(settings, float("inf"))
            fixed = dict.fromkeys(settings, float("inf"))
            for r in range(max(args.repeat, 1)):  # interleaved, so drifting load hits all alike
                for i, (name, options) in enumerate(settings.items()):
                    best[name] = min(best[name], time_batch(folder / "in", folder / f"out{i}_{r}", options))
                    fixed[name] = min(fixed[name], time_batch(one, folder / f"one{i}_{r}", options))
        finally:
            for cluster in clusters.values():
                cluster.close()
        base = best["local --jobs 1"]
        steady_base = (args.count - 1) / max(base - fixed["local --jobs 1"], 1e-9)
        print("  setting          whole run                       fixed cost  running")
        for name, seconds in best.items():
            steady = (args.count - 1) / max(seconds - fixed[name], 1e-9)
            print(
                f"  {name:<16} {seconds:6.2f}s {args.count / seconds:6.1f} articles/s ({base / seconds:.2f}x)"
                f"  {fixed[name]:5.2f}s  {steady:6.1f} articles/s ({steady / steady_base:.2f}x)"
            )
        print(
            "LocalCluster start-up, paid once by --engine dask without --scheduler: "
            f"{startup[1]:.1f}s (1 worker), {startup[2]:.1f}s (2 workers)"
        )
        print(f"per-task overhead ({args.tasks} empty tasks; a task carries up to 16 articles):")
        overheads(args.tasks)


if __name__ == "__main__":
    main()
