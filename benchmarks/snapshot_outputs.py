"""Write the JSON analysis of every reference article, or compare two such snapshots.

The guard rail of a refactor: outputs must stay byte-identical on the PolNeAR train and dev
splits, the BBC train and dev sets, the bundled samples and the seed article.

  python benchmarks/snapshot_outputs.py write DIR            # DIR/<corpus>/<id>.json
  python benchmarks/snapshot_outputs.py compare OLD NEW      # which files differ, and how
  python benchmarks/snapshot_outputs.py compare OLD NEW --ignore reason
                                                             # ... leaving out every "reason" field

``write`` analyses with ``reader.core.analyze`` exactly as the scorers do: corpus texts as
given (``reader evaluate`` and ``score.py`` both pass the raw text), samples and the seed
through ``reader.load.load_article`` as the command line reads them. BBC outputs are named
``<id>.json``, so ``score.py score DIR/bbc-dev`` scores a snapshot directly. Corpora that are
absent (no ../shared) are skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
CORPORA = {
    "polnear-dev": (SHARED / "corpus" / "polnear" / "dev.jsonl", "doc_id"),
    "polnear-train": (SHARED / "corpus" / "polnear" / "train.jsonl", "doc_id"),
    "bbc-dev": (SHARED / "corpus" / "bbc" / "dev.jsonl", "id"),
    "bbc-train": (SHARED / "corpus" / "bbc" / "train.jsonl", "id"),
}


def _jobs() -> Iterator[tuple[str, str, str]]:
    """(corpus, id, text-or-path) for every article; paths are prefixed with 'path:'."""
    for corpus, (path, key) in CORPORA.items():
        if not path.is_file():
            print(f"note: {path} not found: {corpus} skipped", file=sys.stderr)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article = json.loads(line)
                yield corpus, str(article[key]), article["text"]
    for sample in sorted((REPO / "sample_articles").iterdir()):
        if sample.suffix in {".txt", ".md", ".html"}:
            yield "samples", sample.stem, "path:" + str(sample)
    seed = SHARED / "seed"
    if seed.is_dir():
        for article in sorted(seed.glob("*.txt")):
            yield "seed", article.stem, "path:" + str(article)


def _render(job: tuple[str, str, str]) -> tuple[str, str, str]:
    from reader.core.analyze import analyze
    from reader.export.json import to_json

    corpus, ident, text = job
    if text.startswith("path:"):
        from reader.load import load_article

        article = load_article(text[5:])
        doc = analyze(article.text, title=article.title, byline=article.byline, published=article.published)
    else:
        doc = analyze(text)
    return corpus, ident, to_json(doc)


def write(out: Path, jobs: int) -> int:
    count = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for corpus, ident, rendered in pool.map(_render, _jobs(), chunksize=8):
            folder = out / corpus
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{ident}.json").write_text(rendered, encoding="utf-8")
            count += 1
    print(f"{count} analyses written to {out}")
    return 0


def _what_differs(old: dict, new: dict) -> list[str]:
    parts = []
    for key in ("sentences", "sources", "numbers", "dates", "title", "tally"):
        if old.get(key) != new.get(key):
            if isinstance(old.get(key), list) and isinstance(new.get(key), list):
                pairs = zip(old[key], new[key], strict=False)
                changed = sum(a != b for a, b in pairs) + abs(len(old[key]) - len(new[key]))
                fields = sorted(
                    {
                        field
                        for a, b in zip(old[key], new[key], strict=False)
                        if isinstance(a, dict) and isinstance(b, dict)
                        for field in a.keys() | b.keys()
                        if a.get(field) != b.get(field)
                    }
                )
                parts.append(f"{key}: {changed} changed" + (f" ({', '.join(fields)})" if fields else ""))
            else:
                parts.append(key)
    return parts


def _without(value: object, ignore: frozenset[str]) -> object:
    """``value`` with every field named in ``ignore`` left out, at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_without(v, ignore) for v in value]
    return value


def _same(a: Path, b: Path, ignore: frozenset[str]) -> bool:
    left, right = a.read_bytes(), b.read_bytes()
    if left == right:
        return True
    if not ignore:
        return False
    return _without(json.loads(left), ignore) == _without(json.loads(right), ignore)


def compare(old: Path, new: Path, show: int, ignore: frozenset[str] = frozenset()) -> int:
    old_files = {p.relative_to(old) for p in old.rglob("*.json")}
    new_files = {p.relative_to(new) for p in new.rglob("*.json")}
    differing = sorted(f for f in old_files & new_files if not _same(old / f, new / f, ignore))
    for rel in sorted(old_files ^ new_files):
        print(f"only in {'OLD' if rel in old_files else 'NEW'}: {rel}")
    for rel in differing[:show]:
        a = _without(json.loads((old / rel).read_text(encoding="utf-8")), ignore)
        b = _without(json.loads((new / rel).read_text(encoding="utf-8")), ignore)
        print(f"differs: {rel}: {'; '.join(_what_differs(a, b)) or 'formatting'}")
    if len(differing) > show:
        print(f"... and {len(differing) - show} more")
    same = len(old_files & new_files) - len(differing)
    left_out = f" (leaving out {', '.join(sorted(ignore))})" if ignore else ""
    print(f"{same} identical{left_out}, {len(differing)} differ, {len(old_files ^ new_files)} unmatched")
    return 0 if not differing and old_files == new_files else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="analyse every reference article into DIR")
    w.add_argument("dir", type=Path)
    w.add_argument("--jobs", type=int, default=2)
    c = sub.add_parser("compare", help="compare two snapshots; exit 1 when they differ")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--show", type=int, default=30, help="how many differing files to describe")
    c.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="FIELD",
        help="leave out every field of this name (at any depth) before comparing; repeatable",
    )
    args = parser.parse_args()
    if args.command == "write":
        return write(args.dir, args.jobs)
    return compare(args.old, args.new, args.show, frozenset(args.ignore))


if __name__ == "__main__":
    sys.exit(main())
