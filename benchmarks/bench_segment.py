"""Measure the sentence segmenter: boundaries against PolNeAR, and speed against bare Punkt.

Usage: python benchmarks/bench_segment.py [--split train|dev] [--speed-only]

Boundaries: PolNeAR's sentences come from CoreNLP (not gold either) and ~890 of
them run across blank lines, so only boundaries inside a line are compared. A
boundary is the offset of the first letter or digit of a sentence that does not
start its line, so the side a quote mark is attached to does not count here;
quote attachment is counted apart (units that start with a closing quote).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from unittest import mock

from nltk.tokenize.punkt import PunktSentenceTokenizer

from reader.core import segment as seg
from timing import best_of

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "polnear"
_ALNUM = re.compile(r"[^\W_]")
_LINE_STARTS = re.compile(r"(?:^|\n)[^\S\n]*[^\w\n]*(?=[^\W_])")
_IN_TRAILING_TAG = re.compile(r"[^\[\n]{0,40}\]\s*(?:\n|$)")
_STRAY_CLOSING_QUOTE = re.compile(r"(?:''|[\"\u201d])(?:\s|$)")


def _boundaries(text: str, starts: Iterable[int]) -> set[int]:
    """First letter/digit at or after each start, minus those that begin a line."""
    line_firsts = {m.end() for m in _LINE_STARTS.finditer(text)}
    found = set()
    for start in starts:
        m = _ALNUM.search(text, start)
        if m and m.start() not in line_firsts and "\n" not in text[start : m.start()]:
            found.add(m.start())
    return found


def _score(docs: list[dict], starts_of: Callable[[str], list[int]]) -> dict[str, float]:
    tp = fp = fn = stray = fn_lower = fn_tag = 0
    for doc in docs:
        text = doc["text"]
        gold = _boundaries(text, (s for s, _ in doc["sentences"]))
        starts = starts_of(text)
        pred = _boundaries(text, starts)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for x in gold - pred:
            if text[x].islower():
                fn_lower += 1
            elif _IN_TRAILING_TAG.match(text, x) and "[" in text[x - 3 : x]:
                fn_tag += 1
        stray += sum(1 for s in starts if _STRAY_CLOSING_QUOTE.match(text, s))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "fp": fp,
        "fn": fn,
        "stray_closing_quotes": stray,
        "fn_lower": fn_lower,
        "fn_tag": fn_tag,
    }


def _bare_punkt_starts(text: str) -> list[int]:
    tok = PunktSentenceTokenizer()
    out = []
    for m in re.finditer(r"[^\n]+", text):
        out.extend(m.start() + s for s, _ in tok.span_tokenize(m.group()))
    return out


def _segment_starts(text: str) -> list[int]:
    return [u.start for u in seg.segment(text)]


def boundary_report(split: str) -> None:
    path = POLNEAR / f"{split}.jsonl"
    if not path.exists():
        print(f"PolNeAR not found at {path}: boundary report skipped")
        return
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    starters = seg._read_words("punkt_sent_starters.txt")
    print(f"PolNeAR {split}: {len(docs)} articles, boundaries inside lines vs CoreNLP")
    rows: list[tuple[str, Callable[[], PunktSentenceTokenizer] | None]] = [
        ("bare Punkt per line (no parameters)", None),
        ("segment, no abbreviations", lambda: seg.build_punkt([], starters, dotted_runs=False)),
        ("segment, full shipped parameters", seg._punkt),
    ]
    for name, factory in rows:
        if factory is None:
            result = _score(docs, _bare_punkt_starts)
        else:
            with mock.patch.object(seg, "_punkt", factory):
                result = _score(docs, _segment_starts)
        print(
            f"  {name:36s} P {result['P']:.4f} R {result['R']:.4f} F1 {result['F1']:.4f}"
            f"  fp {result['fp']} fn {result['fn']} (of which CoreNLP split before a"
            f" lower-case word {result['fn_lower']}, before a closing [tag] {result['fn_tag']})"
            f"  units starting with a closing quote {result['stray_closing_quotes']}"
        )


def speed_report() -> None:
    sample = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed"
    texts = sorted(sample.glob("*.txt")) if sample.exists() else []
    base = (
        texts[0].read_text(encoding="utf-8")
        if texts
        else (
            'The minister said on Tuesday that talks would resume. "We are ready," she added.\n'
            "Prices rose 5.5 percent in the U.S. The central bank did not comment.\n"
        )
        * 20
    )
    text = (base + "\n") * max(1, 1_000_000 // len(base))
    bare = PunktSentenceTokenizer(seg._punkt()._params)
    t_bare = best_of(3, lambda: list(bare.span_tokenize(text)))
    t_seg = best_of(3, lambda: seg.segment(text))
    print(
        f"speed on {len(text) / 1e6:.2f} MB of news text: bare Punkt {t_bare:.3f}s,"
        f" segment {t_seg:.3f}s, ratio {t_seg / t_bare:.2f}x"
    )
    for name, worst in [
        ("1 MB line, no punctuation", "word " * 200_000),
        ("1 MB line, no whitespace", "x" * 1_000_000),
        ("1 MB of '!' and '.'", "!." * 500_000),
        ("1 MB of 'a. ' runs", "a. " * 333_334),
    ]:
        t_worst = best_of(1, lambda worst=worst: seg.segment(worst))
        # bare Punkt on the same text in 10,000-character pieces (whole, it can time out)
        pieces = [worst[i : i + 10_000] for i in range(0, len(worst), 10_000)]
        t_piece = best_of(1, lambda pieces=pieces: [list(bare.span_tokenize(p)) for p in pieces])
        print(f"  {name:28s} segment {t_worst:.3f}s, bare Punkt in pieces {t_piece:.3f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args(argv)
    if not args.speed_only:
        boundary_report(args.split)
    speed_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
