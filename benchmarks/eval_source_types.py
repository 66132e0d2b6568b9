"""Measure ``describe_source`` against PolNeAR's hand-typed speech sources.

Usage::

    python benchmarks/eval_source_types.py [--split train|dev|both] [--errors N] [--all N] [--baseline]

For every typed row, the mentions of its entity are gathered the simple way the
attribution resolver does: the source text itself; other source spans of the same
article sharing its last capitalised word; the earliest occurrence of that word in
the text with the capitalised title words before it. A bare pronoun source ("he",
"she", "they") is first resolved to the nearest earlier source span holding a
capitalised word. Prints accuracy and per-class P/R/F1 (official vs third_party).
``--all N`` prints name / role / type for N source spans of train speech attributions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from reader.core.source_types import describe_source, split_role_and_name

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "polnear"

PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "they",
    "them",
    "their",
    "who",
    "it",
    "i",
    "we",
    "you",
    "whom",
    "which",
    "that",
    "its",
}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "who", "whom"}
_CAP_WORD = re.compile(r"\b([A-Z][\w.'’-]*[A-Za-z])")
_TITLE_TOKEN = re.compile(r"^(?:[A-Z][\w.’'-]*|of|the|for|and|former|de|van|von)$")


def load_docs(split: str, needed: set[str] | None = None) -> dict[str, dict]:
    """The articles of one split, keyed by doc_id (only ``needed`` ones when given)."""
    docs = {}
    with open(CORPUS / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if needed is None or doc["doc_id"] in needed:
                docs[doc["doc_id"]] = doc
    return docs


def sentence_of(doc: dict, offset: int) -> str:
    text = doc["text"]
    for start, end in doc["sentences"]:
        if start <= offset < end:
            return text[start:end]
    return text[max(0, offset - 200) : offset + 200]


def source_text(doc: dict, att: dict) -> str:
    return " ".join(doc["text"][s:e] for s, e in att["source"])


def last_cap_word(phrase: str) -> str | None:
    """The last word of the proper name in ``phrase``, if it has one (the merge key)."""
    _, name = split_role_and_name(phrase)
    words = [re.sub(r"['’]s?$", "", w).strip(".,") for w in name.split()]
    if not words or not all(w[:1].isupper() for w in words if w.lower() not in {"of", "the", "and"}):
        return None
    key = words[-1]
    return key if key.lower() not in PRONOUNS and len(key) > 1 else None


def expand_left(text: str, start: int, end: int) -> str:
    """The occurrence at [start, end) with the capitalised title words just before it."""
    tokens = text[:start].split()
    taken: list[str] = []
    for token in reversed(tokens[-8:]):
        if not _TITLE_TOKEN.match(token) or token.endswith(",") or (token.endswith(".") and len(token) > 4):
            break
        taken.insert(0, token)
    while taken and taken[0] in {"of", "the", "for", "and"}:
        taken.pop(0)
    return " ".join([*taken, text[start:end]])


def gather(doc: dict, index: int) -> tuple[list[str], list[str]]:
    """Mentions of the entity of attribution ``index`` (document order) and their sentences."""
    atts = [a for a in doc["attributions"] if a["source"]]
    target = doc["attributions"][index]
    text = doc["text"]
    found: dict[int, str] = {}
    if target["source"]:
        found[target["source"][0][0]] = source_text(doc, target)
        head = source_text(doc, target)
        anchor = target["source"][0][0]
    else:
        head, anchor = "", sentence_offset(doc, target)
    if head.strip().lower() in PRONOUNS or not last_cap_word(head):
        earlier = [a for a in atts if a["source"][0][0] < anchor and last_cap_word(source_text(doc, a))]
        earlier = earlier[-1:] if head.strip().lower() in PERSON_PRONOUNS or not head.strip() else []
        for a in earlier:
            found[a["source"][0][0]] = source_text(doc, a)
            head = source_text(doc, a)
    key = last_cap_word(head)
    if key:
        head_name = split_role_and_name(head)[1].split()
        pattern = re.compile(rf"\b{re.escape(key)}\b")
        for a in atts:
            st = source_text(doc, a)
            if last_cap_word(st) == key and compatible(head_name, split_role_and_name(st)[1].split()):
                found[a["source"][0][0]] = st
        first = pattern.search(text)
        if first and first.start() not in found:
            earliest = expand_left(text, first.start(), first.end())
            if compatible(head_name, split_role_and_name(earliest)[1].split()):
                found[first.start()] = earliest
    order = sorted(found)
    return [found[o] for o in order], [sentence_of(doc, o) for o in order]


def compatible(a: list[str], b: list[str]) -> bool:
    """Two names of one person: the shorter one's words all occur in the longer one."""
    short, long_ = sorted((a, b), key=len)
    return set(short) <= set(long_)


def sentence_offset(doc: dict, att: dict) -> int:
    spans = att["cue"] or att["content"] or [[0, 0]]
    return spans[0][0]


def score(pairs: list[tuple[str, str]]) -> str:
    lines = [f"  n={len(pairs)} accuracy={sum(g == p for g, p in pairs) / max(1, len(pairs)):.3f}"]
    f1s = []
    for cls in ("official", "third_party"):
        tp = sum(g == cls and p == cls for g, p in pairs)
        fp = sum(g != cls and p == cls for g, p in pairs)
        fn = sum(g == cls and p != cls for g, p in pairs)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        lines.append(f"  {cls:12s} P={prec:.3f} R={rec:.3f} F1={f1:.3f} (gold {tp + fn})")
    lines.append(f"  macro-F1={sum(f1s) / 2:.3f}")
    return "\n".join(lines)


def evaluate(split: str, show_errors: int, baseline: bool = False) -> None:
    with open(CORPUS / f"{split}_source_types.jsonl", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    docs = load_docs(split, {r["doc_id"] for r in rows})
    pairs = []
    errors = []
    types = Counter()
    for row in rows:
        doc = docs[row["doc_id"]]
        mentions, contexts = gather(doc, row["attribution_index"])
        desc = describe_source(mentions, contexts)
        predicted = "official" if baseline else desc.type.label.value
        types[desc.type.value] += 1
        pairs.append((row["type"], predicted))
        if predicted != row["type"]:
            errors.append((row, mentions, desc, contexts))
    print(f"{split}{' (baseline: everything official)' if baseline else ''}:")
    print(score(pairs))
    print(f"  predicted types: {dict(types)}")
    for row, mentions, desc, contexts in errors[:show_errors]:
        print(f"- gold={row['type']} src={row['source_text']!r} mentions={mentions}")
        print(f"    -> {desc.type.value} name={desc.name!r} role={desc.role!r} ({desc.reason})")
        print(f"    ctx: {contexts[-1][:160]!r}" if contexts else "    ctx: -")


def eyeball(count: int) -> None:
    docs = load_docs("train")
    items = [(d, i) for d in docs.values() for i, a in enumerate(d["attributions"]) if a["speech"] and a["source"]]
    random.Random(7).shuffle(items)
    for doc, i in items[:count]:
        mentions, contexts = gather(doc, i)
        desc = describe_source(mentions, contexts)
        print(
            f"{source_text(doc, doc['attributions'][i])[:50]!r:52} -> {desc.name!r} | "
            f"{desc.role!r} | {desc.type.value} | {desc.reason}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="both", choices=["train", "dev", "both"])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--all", type=int, default=0, dest="eyeball")
    parser.add_argument("--baseline", action="store_true", help="score typing everything official")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    if args.eyeball:
        eyeball(args.eyeball)
        return 0
    for split in ["train", "dev"] if args.split == "both" else [args.split]:
        evaluate(split, args.errors, args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
