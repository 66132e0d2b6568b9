"""Accuracy on every gold set there is: PolNeAR dev and train, the BBC dev and train sets, the seed.

Prints one line per set and the per-class figures, as the README's "Accuracy" table has them.
The gold sets live in ../shared (absent on a fresh machine: each missing set is skipped with a
note). Rules are tuned on the train splits; the dev splits are where they are measured.

  python benchmarks/eval_dev_sets.py            # all sets
  python benchmarks/eval_dev_sets.py --dev      # the dev sets only (faster)
  python benchmarks/eval_dev_sets.py --rules 20 # and each rule's evidence on the dev sets
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.analysis import analyze_article
from reader.evaluate.polnear import evaluate, read_jsonl, read_types
from reader.evaluate.rules import RuleTally
from reader.evaluate.sentences import evaluate_sentences, read_corpus
from reader.load import LoadedArticle, load_article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
POLNEAR = SHARED / "corpus" / "polnear"
BBC = SHARED / "corpus" / "bbc"
SEED = SHARED / "seed"


def _analyse(text: str):
    return analyze_article(LoadedArticle(text))


def polnear(split: str, rules: RuleTally | None) -> str | None:
    corpus, types = POLNEAR / f"{split}.jsonl", POLNEAR / f"{split}_source_types.jsonl"
    if not corpus.is_file():
        return None
    rep = evaluate(list(read_jsonl(corpus)), _analyse, read_types(types) if types.is_file() else None, None, rules)
    per_class = " ".join(f"{cls} {f:.3f}" for cls, (_, _, f) in (rep.per_class or {}).items())
    third_recall = (rep.per_class or {}).get("third_party", (0.0, 0.0, 0.0))[1]
    return (
        f"PolNeAR {split:5s}  F1 {rep.f1:.3f}  P {rep.precision:.3f}  R {rep.recall:.3f}  SRC {rep.src:.3f}  "
        f"macro-F1 {rep.macro_f1 or 0:.3f}  third-party R {third_recall:.3f}  ({per_class})"
    )


def bbc(split: str, rules: RuleTally | None) -> str | None:
    corpus = BBC / f"{split}.jsonl"
    if not corpus.is_file():
        return None
    rep = evaluate_sentences(read_corpus(corpus), _analyse, rules)
    per = rep.per_class()
    per_class = " ".join(f"{cls} {f:.3f}" for cls, (_, _, f) in per.items())
    return (
        f"BBC     {split:5s}  macro-F1 {rep.macro_f1:.3f}  accuracy {rep.accuracy:.3f}  "
        f"source name {rep.source_name_match:.3f}  third-party R {per['third_party'][1]:.3f}  ({per_class})"
    )


def seed() -> str | None:
    scorer = SEED / "score.py"
    articles = sorted(SEED.glob("*.txt"))
    if not scorer.is_file() or not articles:
        return None
    from reader.export.json import to_json

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for article in articles:
            out = Path(tmp) / (article.stem + ".json")
            out.write_text(to_json(analyze_article(load_article(article))), encoding="utf-8")
            gold = article.with_suffix(".gold.json")
            result = subprocess.run(
                [sys.executable, str(scorer), str(article), str(gold), str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            lines.append(
                f"{article.stem}: {result.stdout.strip().splitlines()[-1] if result.stdout else result.stderr}"
            )
    return "seed " + "; ".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", action="store_true", help="the dev sets only")
    parser.add_argument("--rules", type=int, metavar="N", help="also print the N rules with most errors per dev set")
    args = parser.parse_args()
    splits = ("dev",) if args.dev else ("dev", "train")
    for split in splits:
        for name, run in (("PolNeAR", polnear), ("BBC", bbc)):
            rules = RuleTally() if args.rules and split == "dev" else None
            line = run(split, rules)
            print(line if line is not None else f"note: {name} {split} not found under {SHARED}: skipped")
            if rules is not None:
                print(rules.render(args.rules), "", sep="\n")
    print(seed() or f"note: no seed article under {SEED}: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
