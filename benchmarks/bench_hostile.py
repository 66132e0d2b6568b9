"""Time the hostile shapes of issue 13 that were quadratic: long lines in the segmenter, a tag
with 100,000 attributes in the HTML loader.

Usage: python benchmarks/bench_hostile.py [--sizes 0.5 1 2 4]

Prints CPU seconds per size; linear work doubles with the size. The whole analysis of such
lines is printed too: what is left above linear there is in the attribution and number
stages (see the README).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reader.core.analyze import analyze
from reader.core.segment import segment
from reader.load.html import extract_html

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def _cpu(function, *args) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4], help="megabytes")
    parser.add_argument("--no-analysis", action="store_true", help="time the segmenter only")
    args = parser.parse_args()
    news = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted(SAMPLES.glob("*.txt")))
    shapes = {"quotes ('It rained. \"A b.')": 'It rained. "A b.', "news text on one line": news}
    for name, unit in shapes.items():
        for size in args.sizes:
            n = int(size * 1_000_000)
            line = (unit * (n // len(unit) + 1))[:n]
            cells = [f"segment {_cpu(segment, line):6.2f} s"]
            if not args.no_analysis:
                cells.append(f"analysis {_cpu(analyze, line):6.2f} s")
            print(f"{name:32} {size:4} MB  " + "  ".join(cells))
    attributes = " ".join(f'a{i}="v"' for i in range(100_000))
    page = f"<html><body><p {attributes}>The council said the budget passed.</p></body></html>"
    print(f"HTML, one tag with 100,000 attributes: {_cpu(extract_html, page):.2f} s")


if __name__ == "__main__":
    main()
