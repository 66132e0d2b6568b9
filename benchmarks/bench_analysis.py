"""How fast is the analysis? Compare it with a bare Punkt sentence split of the same text.

Builds a ~1 MB article from the bundled samples (as loaded), times (best of 7, interleaved) a bare
``PunktSentenceTokenizer().span_tokenize`` pass and ``reader.core.analyze.analyze``,
prints both, their ratio (target <= 3.0), the time of each stage (segment, attribute,
numbers and dates) next to its budget, and the analysis's peak memory; then,
when the PolNeAR dev split is present next to the repository, analyses every dev
article in one process and prints articles per second.

Run: ``.venv/bin/python benchmarks/bench_analysis.py`` (or ``make bench``); exits 1 when the
ratio is over target.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from reader.core.analyze import analyze
from reader.core.attribution import attribute
from reader.core.numbers import extract_quantities
from reader.core.segment import segment
from reader.load import load_article
from timing import best_of

REPO = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO / "sample_articles"
DEV_SPLIT = REPO / ".." / "shared" / "corpus" / "polnear" / "dev.jsonl"
TARGET_SIZE = 1_000_000  # characters
TARGET_RATIO = 3.0
REPEATS = 7
# Per-stage budgets, as multiples of the Punkt split (attribute includes sources and typing).
STAGE_BUDGETS = {"segment": 1.2, "attribute": 1.3, "numbers+dates": 0.4}


def sample_texts() -> list[str]:
    """Every bundled sample as the app reads it (Markdown and HTML extracted by the loader)."""
    paths = sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in {".txt", ".md", ".html"})
    return [load_article(p).text.strip() for p in paths]


def build_article(target_size: int = TARGET_SIZE) -> str:
    """The samples, repeated and separated by blank lines, until >= target_size characters."""
    samples = sample_texts()
    if not samples:
        raise SystemExit(f"no sample articles in {SAMPLES_DIR}")
    parts: list[str] = []
    size = 0
    while size < target_size:
        for sample in samples:
            parts.append(sample)
            size += len(sample) + 2
    return "\n\n".join(parts) + "\n"


def punkt_split(text: str) -> int:
    """A bare Punkt pass with default, untrained parameters; returns the sentence count."""
    return sum(1 for _ in PunktSentenceTokenizer().span_tokenize(text))


def peak_memory(run: Callable[[], object]) -> int:
    """Peak bytes allocated by Python while ``run`` executes."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench_large_article() -> float:
    """Time Punkt and the analysis on a ~1 MB article; return the ratio."""
    text = build_article()
    sentences = punkt_split(text)
    doc = analyze(text)
    print(f"article: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes")
    print(
        f"  punkt sentences: {sentences:,}; analysis sentences: {len(doc.sentences):,}, "
        f"sources: {len(doc.sources):,}, numbers: {len(doc.numbers):,}, dates: {len(doc.dates):,}"
    )
    # interleaved, so a busy moment of the machine does not favour one side
    punkt_s = analysis_s = float("inf")
    for _ in range(REPEATS):
        punkt_s = min(punkt_s, best_of(1, lambda: punkt_split(text)))
        analysis_s = min(analysis_s, best_of(1, lambda: analyze(text)))
    ratio = analysis_s / punkt_s
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"punkt split (best of {REPEATS}, CPU): {punkt_s:.3f} s")
    print(f"analysis    (best of {REPEATS}, CPU): {analysis_s:.3f} s")
    print(f"ratio analysis/punkt: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    bench_stages(text, punkt_s)
    peak = peak_memory(lambda: analyze(text))
    print(f"analysis peak memory (tracemalloc): {peak / 2**20:.1f} MiB")
    return ratio


def bench_stages(text: str, punkt_s: float) -> None:
    """Time each stage of the analysis on its own (best of REPEATS, CPU time) against Punkt.

    ``analyze`` pauses the cycle collector; the stages are timed as called directly.
    """
    units = segment(text)
    stages: dict[str, Callable[[], object]] = {
        "segment": lambda: segment(text),
        "attribute": lambda: attribute(text, units),
        "numbers+dates": lambda: extract_quantities(text, units),
    }
    for name, run in stages.items():
        seconds = best_of(REPEATS, run)
        ratio = seconds / punkt_s
        verdict = "ok" if ratio <= STAGE_BUDGETS[name] else "over budget"
        print(f"  {name:<14} {seconds:.3f} s = {ratio:.2f}x punkt (budget {STAGE_BUDGETS[name]}x) {verdict}")


def bench_dev_split(path: Path = DEV_SPLIT) -> None:
    """Analyse every article of the PolNeAR dev split in one process."""
    if not path.is_file():
        print(f"PolNeAR dev split not found at {path}: skipped")
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    start = time.perf_counter()
    for text in texts:
        analyze(text)
    elapsed = time.perf_counter() - start
    chars = sum(len(t) for t in texts)
    print(
        f"PolNeAR dev: {len(texts)} articles ({chars:,} characters) in {elapsed:.2f} s: "
        f"{len(texts) / elapsed:.1f} articles/s"
    )


def main() -> int:
    ratio = bench_large_article()
    bench_dev_split()
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
