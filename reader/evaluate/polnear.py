"""PolNeAR scoring, exactly as defined in the corpus README.

Gold sentences are POSITIVE (they overlap the cue or content of a speech
attribution), NEGATIVE (they overlap no span of any attribution) or IGNORED.
Each gold sentence takes the prediction of the predicted sentence overlapping it
most. Overlap means sharing at least one letter or digit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.model import Document, Label
from reader.evaluate.rules import RuleTally

Interval = tuple[int, int]
POSITIVE, NEGATIVE, IGNORED = "positive", "negative", "ignored"
CLASSES = (Label.OFFICIAL.value, Label.THIRD_PARTY.value, Label.UNATTRIBUTED.value)


def shares_alnum(text: str, a: Interval, b: Interval) -> bool:
    """True when spans ``a`` and ``b`` share at least one letter or digit of ``text``."""
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return start < end and any(ch.isalnum() for ch in text[start:end])


def _spans(att: dict, *keys: str) -> list[Interval]:
    return [(int(s), int(e)) for key in keys for s, e in att.get(key) or []]


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence with its scoring status and, if positive, its speech attributions."""

    start: int
    end: int
    status: str
    speech: tuple[int, ...]  # speech attributions whose cue or content it overlaps, by offset
    speech_any: tuple[int, ...] = ()  # speech attributions it overlaps through any span (for SRC)


def gold_sentences(article: dict) -> list[GoldSentence]:
    """Classify every gold sentence of ``article`` as POSITIVE, NEGATIVE or IGNORED."""
    text = article["text"]
    atts = article.get("attributions") or []
    out: list[GoldSentence] = []
    for s, e in article.get("sentences") or []:
        span = (int(s), int(e))
        speech_hits: list[tuple[int, int]] = []
        speech_any: list[int] = []
        any_hit = False
        for i, att in enumerate(atts):
            cue_content = _spans(att, "cue", "content")
            overlaps = any(shares_alnum(text, span, x) for x in _spans(att, "source", "cue", "content"))
            if att.get("speech") and any(shares_alnum(text, span, x) for x in cue_content):
                first = min((x[0] for x in _spans(att, "source", "cue", "content")), default=0)
                speech_hits.append((first, i))
            if att.get("speech") and overlaps:
                speech_any.append(i)
            any_hit = any_hit or overlaps
        if speech_hits:
            status = POSITIVE
        elif not any_hit:
            status = NEGATIVE
        else:
            status = IGNORED
        out.append(GoldSentence(span[0], span[1], status, tuple(i for _, i in sorted(speech_hits)), tuple(speech_any)))
    return out


@dataclass(frozen=True)
class Prediction:
    """What the analyser said about the predicted sentence matched to a gold sentence."""

    label: str
    source_span: Interval | None
    text: str = ""
    reason: str = ""


UNATTRIBUTED = Prediction(Label.UNATTRIBUTED.value, None)


def match_prediction(doc: Document, start: int, end: int) -> Prediction:
    """The predicted sentence overlapping ``[start, end)`` most (first on ties), as a Prediction."""
    best, best_overlap = None, 0
    for sent in doc.sentences:
        if sent.end <= start:
            continue
        if sent.start >= end:
            break
        overlap = min(sent.end, end) - max(sent.start, start)
        if overlap > best_overlap:
            best, best_overlap = sent, overlap
    if best is None:
        return UNATTRIBUTED
    span = (best.source_span.start, best.source_span.end) if best.source_span else None
    return Prediction(best.label.value, span, best.text, best.reason)


@dataclass
class Counts:
    """Running totals of the scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    src_ok: int = 0
    src_total: int = 0
    articles: int = 0
    typed_articles: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def add_typed(self, gold: str, pred: str) -> None:
        self.confusion[(gold, pred)] = self.confusion.get((gold, pred), 0) + 1


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class ErrorLog:
    """Examples of each kind of error, by category."""

    examples: dict[str, list[str]] = field(default_factory=dict)
    limit: int = 400

    def add(self, category: str, line: str) -> None:
        bucket = self.examples.setdefault(category, [])
        if len(bucket) < self.limit:
            bucket.append(line)
        self.examples.setdefault("#count:" + category, []).append("")

    def counts(self) -> dict[str, int]:
        return {k[7:]: len(v) for k, v in self.examples.items() if k.startswith("#count:")}

    def render(self) -> str:
        out: list[str] = []
        for cat, n in sorted(self.counts().items(), key=lambda kv: -kv[1]):
            out.append(f"## {cat} ({n})")
            out.extend(self.examples[cat])
            out.append("")
        return "\n".join(out)


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def score_article(
    article: dict,
    doc: Document,
    counts: Counts,
    types: dict[int, str] | None = None,
    errors: ErrorLog | None = None,
    rules: RuleTally | None = None,
) -> None:
    """Add one article's scores to ``counts``; ``types`` maps attribution index to gold type."""
    text = article["text"]
    atts = article.get("attributions") or []
    counts.articles += 1
    if types is not None:
        counts.typed_articles += 1
    doc_id = article.get("doc_id", "?")
    for gold in gold_sentences(article):
        if gold.status == IGNORED:
            continue
        pred = match_prediction(doc, gold.start, gold.end)
        attributed = pred.label != Label.UNATTRIBUTED.value
        gold_text = text[gold.start : gold.end]
        if gold.status == POSITIVE:
            if attributed:
                counts.tp += 1
                sources = [x for i in gold.speech_any for x in _spans(atts[i], "source")]
                if sources:
                    counts.src_total += 1
                    if pred.source_span and any(shares_alnum(text, pred.source_span, x) for x in sources):
                        counts.src_ok += 1
                    elif errors is not None:
                        got = text[pred.source_span[0] : pred.source_span[1]] if pred.source_span else None
                        want = " | ".join(text[s:e] for s, e in sources)
                        errors.add("wrong source", f"- [{doc_id}] got {got!r} want {want!r}: {_short(gold_text)}")
            else:
                counts.fn += 1
                if errors is not None:
                    cues = ", ".join(repr(atts[i].get("cue_text")) for i in gold.speech)
                    errors.add("missed", f"- [{doc_id}] cue {cues}: {_short(gold_text)}")
        else:
            if attributed:
                counts.fp += 1
                if errors is not None:
                    errors.add("false", f"- [{doc_id}] {pred.reason}: {_short(gold_text)}")
            else:
                counts.tn += 1
        gold_class = _gold_class(gold, types)
        if rules is not None and attributed:
            rules.add(pred.reason, gold.status == POSITIVE, None if gold_class is None else gold_class == pred.label)
        if types is not None:
            if gold_class is None:
                continue
            counts.add_typed(gold_class, pred.label)
            if errors is not None and gold_class != pred.label and gold.status == POSITIVE and attributed:
                errors.add(
                    f"typed {gold_class} as {pred.label}",
                    f"- [{doc_id}] {pred.reason}: {_short(gold_text)}",
                )


def _gold_class(gold: GoldSentence, types: dict[int, str] | None) -> str | None:
    """A scored sentence's three-way gold class on a typed article (None: untyped or not known)."""
    if types is None:
        return None
    if gold.status == POSITIVE:
        return types.get(gold.speech[0])
    return Label.UNATTRIBUTED.value


@dataclass(frozen=True)
class Report:
    """Final scores."""

    f1: float
    precision: float
    recall: float
    src: float
    articles: int
    tp: int
    fp: int
    fn: int
    tn: int
    per_class: dict[str, tuple[float, float, float]] | None
    macro_f1: float | None
    accuracy: float | None


def report(counts: Counts) -> Report:
    """Compute the scores from the totals."""
    p, r, f = _prf(counts.tp, counts.fp, counts.fn)
    src = counts.src_ok / counts.src_total if counts.src_total else 0.0
    per_class = macro = accuracy = None
    if counts.typed_articles:
        per_class = {}
        for cls in CLASSES:
            tp = counts.confusion.get((cls, cls), 0)
            fp = sum(n for (g, pr), n in counts.confusion.items() if pr == cls and g != cls)
            fn = sum(n for (g, pr), n in counts.confusion.items() if g == cls and pr != cls)
            per_class[cls] = _prf(tp, fp, fn)
        macro = sum(v[2] for v in per_class.values()) / len(CLASSES)
        total = sum(counts.confusion.values())
        correct = sum(n for (g, pr), n in counts.confusion.items() if g == pr)
        accuracy = correct / total if total else 0.0
    return Report(f, p, r, src, counts.articles, counts.tp, counts.fp, counts.fn, counts.tn, per_class, macro, accuracy)


def read_jsonl(path: str | Path) -> Iterable[Any]:
    """Yield the JSON values of a JSON Lines file, skipping blank lines; see ``numbered_jsonl``."""
    for _, value in numbered_jsonl(path):
        yield value


def numbered_jsonl(path: str | Path) -> Iterable[tuple[int, Any]]:
    """Yield ``(line number, value)`` for each JSON line of a file, skipping blank lines.

    Raises ``ValueError`` naming the line for text that is not JSON (or nested too deeply
    to read).
    """
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
            except RecursionError:
                raise ValueError(f"line {number}: nested too deeply") from None


def _is_span(value: object, length: int) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        and 0 <= value[0] <= value[1] <= length
    )


def _check_spans(value: object, length: int) -> bool:
    return isinstance(value, list) and all(_is_span(span, length) for span in value)


def check_article(article: object, number: int) -> dict:
    """``article`` if it has the PolNeAR shape: ``text``, ``sentences`` spans, ``attributions``.

    Raises ``ValueError`` naming the line and what is wrong.
    """
    if not isinstance(article, dict):
        raise ValueError(f"line {number}: not an article object but {type(article).__name__}")
    if not isinstance(article.get("doc_id", ""), (str, int)):
        raise ValueError(f"line {number}: 'doc_id' must be a string or a number")
    text = article.get("text")
    if not isinstance(text, str):
        raise ValueError(f"line {number}: 'text' must be a string")
    if not _check_spans(article.get("sentences"), len(text)):
        raise ValueError(f"line {number}: 'sentences' must be [start, end] pairs inside the text")
    attributions = article.get("attributions")
    if attributions is None:
        return article
    if not isinstance(attributions, list) or not all(isinstance(att, dict) for att in attributions):
        raise ValueError(f"line {number}: 'attributions' must be a list of objects")
    for att in attributions:
        for key in ("source", "cue", "content"):
            if att.get(key) is not None and not _check_spans(att[key], len(text)):
                raise ValueError(f"line {number}: 'attributions' {key} must be [start, end] pairs inside the text")
    return article


def read_corpus(path: str | Path) -> Iterable[dict]:
    """The articles of a PolNeAR JSON Lines corpus, each checked by ``check_article``."""
    for number, value in numbered_jsonl(path):
        yield check_article(value, number)


def read_types(path: str | Path) -> dict[str, dict[int, str]]:
    """Map doc_id -> attribution index -> gold type, from a ``*_source_types.jsonl`` file.

    Raises ``ValueError`` naming the line when a row is not ``{"doc_id", "attribution_index", "type"}``.
    """
    out: dict[str, dict[int, str]] = {}
    for number, row in numbered_jsonl(path):
        if not isinstance(row, dict) or not {"doc_id", "attribution_index", "type"} <= row.keys():
            raise ValueError(f"line {number}: not an object with doc_id, attribution_index and type")
        index = row["attribution_index"]
        if (
            not isinstance(index, int)
            or isinstance(index, bool)
            or not isinstance(row["type"], str)
            or not isinstance(row["doc_id"], (str, int))
        ):
            raise ValueError(f"line {number}: doc_id must be a string, attribution_index an integer, type a string")
        doc_id: Any = row["doc_id"]  # a string in PolNeAR; kept as given, to match the corpus's
        out.setdefault(doc_id, {})[index] = row["type"]
    return out


def evaluate(
    articles: Sequence[dict] | Iterable[dict],
    analyzer: Callable[[str], Document],
    types: dict[str, dict[int, str]] | None = None,
    errors: ErrorLog | None = None,
    rules: RuleTally | None = None,
) -> Report:
    """Run ``analyzer`` on every article's text and score it (and each rule, into ``rules``)."""
    counts = Counts()
    for article in articles:
        doc = analyzer(article["text"])
        article_types = types.get(article.get("doc_id", "")) if types is not None else None
        score_article(article, doc, counts, article_types, errors, rules)
    return report(counts)
