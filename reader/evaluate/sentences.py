"""Scoring against sentence-labelled corpora (the shape of the BBC News set in ../shared).

Each article is ``{"id", "text", "sentences": [{"start", "end", "label", "source"}]}``: every
gold unit has a label (official / third_party / unattributed) and, when attributed, the name
of its source (or null for a sourceless cue such as "has been blamed for").

A gold unit takes the label and source of the predicted sentence that overlaps it most (the
first on ties); none overlapping counts as unattributed, so any sentence splitter can be
scored. The source-name score counts, among gold-attributed units with a gold source that are
predicted attributed, those whose predicted source name shares a word with the gold name
(ignoring function words and honorifics).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.model import Document, Label
from reader.evaluate.rules import RuleTally

CLASSES = (Label.OFFICIAL.value, Label.THIRD_PARTY.value, Label.UNATTRIBUTED.value)
_NAME_WORD = re.compile(r"[a-z0-9]+")
_NOT_NAME_WORDS = frozenset("the a an of and for mr mrs ms miss dr prof sir lord lady dame st".split())


def name_words(name: str | None) -> frozenset[str]:
    """The words of a source name that can identify it."""
    return frozenset(w for w in _NAME_WORD.findall((name or "").lower()) if w not in _NOT_NAME_WORDS)


@dataclass(frozen=True)
class UnitResult:
    """One gold unit with what the analyser said about it."""

    article: str
    start: int
    end: int
    gold: str
    gold_source: str | None
    predicted: str
    predicted_source: str | None
    reason: str = ""


@dataclass
class SentenceReport:
    """Per-class counts and the derived scores over a whole corpus."""

    articles: int = 0
    units: list[UnitResult] = field(default_factory=list)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((u.gold, u.predicted) for u in self.units)

    def per_class(self) -> dict[str, tuple[float, float, float]]:
        """Precision, recall and F1 of each class."""
        counts = self.confusion()
        out = {}
        for cls in CLASSES:
            tp = counts[(cls, cls)]
            predicted = sum(n for (_, p), n in counts.items() if p == cls)
            gold = sum(n for (g, _), n in counts.items() if g == cls)
            p = tp / predicted if predicted else 0.0
            r = tp / gold if gold else 0.0
            out[cls] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
        return out

    @property
    def macro_f1(self) -> float:
        return sum(f for _, _, f in self.per_class().values()) / len(CLASSES)

    @property
    def accuracy(self) -> float:
        return sum(u.gold == u.predicted for u in self.units) / len(self.units) if self.units else 0.0

    @property
    def source_name_match(self) -> float:
        scored = [
            u
            for u in self.units
            if u.gold != Label.UNATTRIBUTED.value and u.gold_source and u.predicted != Label.UNATTRIBUTED.value
        ]
        hits = sum(bool(name_words(u.gold_source) & name_words(u.predicted_source)) for u in scored)
        return hits / len(scored) if scored else 0.0


def read_corpus(path: str | Path) -> list[dict]:
    """The articles of a sentence-labelled JSON Lines corpus; ValueError when the shape is wrong."""
    articles = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        article = json.loads(line)
        if (
            not isinstance(article, dict)
            or not isinstance(article.get("text"), str)
            or not isinstance(article.get("sentences"), list)
        ):
            raise ValueError(f"line {number}: not an article with 'text' and 'sentences'")
        for unit in article["sentences"]:
            if (
                not isinstance(unit, dict)
                or unit.get("label") not in CLASSES
                or not isinstance(unit.get("start"), int)
                or not isinstance(unit.get("end"), int)
            ):
                raise ValueError(f"line {number}: a sentence needs int 'start', 'end' and a known 'label'")
        articles.append(article)
    return articles


def _best_overlap(start: int, end: int, doc: Document) -> int | None:
    best, best_len = None, 0
    for i, sentence in enumerate(doc.sentences):
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > best_len:
            best, best_len = i, overlap
    return best


def score_article(article: dict, doc: Document, ident: str) -> list[UnitResult]:
    """Every gold unit of one article against the analysis ``doc`` of its text."""
    results = []
    for unit in article["sentences"]:
        i = _best_overlap(unit["start"], unit["end"], doc)
        sentence = doc.sentences[i] if i is not None else None
        label = sentence.label.value if sentence is not None else Label.UNATTRIBUTED.value
        source = doc.source(sentence.source_id) if sentence is not None else None
        name = source.name if source is not None else None
        if name is None and sentence is not None and sentence.source_span is not None:
            name = doc.text[sentence.source_span.start : sentence.source_span.end]
        results.append(
            UnitResult(
                ident,
                unit["start"],
                unit["end"],
                unit["label"],
                unit.get("source"),
                label,
                name,
                sentence.reason if sentence is not None else "",
            )
        )
    return results


def evaluate_sentences(
    articles: Iterable[dict], analyse: Callable[[str], Document], rules: RuleTally | None = None
) -> SentenceReport:
    """Analyse every article and score its gold units (and each rule, into ``rules``)."""
    report = SentenceReport()
    for n, article in enumerate(articles):
        doc = analyse(article["text"])
        report.articles += 1
        units = score_article(article, doc, str(article.get("id", n)))
        report.units.extend(units)
        if rules is not None:
            for unit in units:
                if unit.predicted != Label.UNATTRIBUTED.value:
                    rules.add(unit.reason, unit.gold != Label.UNATTRIBUTED.value, unit.gold == unit.predicted)
    return report


def format_sentence_report(report: SentenceReport, label: str = "corpus") -> str:
    """The score table printed by ``reader evaluate --format sentences``."""
    lines = [
        f"articles  {report.articles}  units {len(report.units)}",
        "",
        "| class | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for cls, (p, r, f) in report.per_class().items():
        lines.append(f"| {cls} | {p:.3f} | {r:.3f} | {f:.3f} |")
    lines += [
        f"| macro-F1 | | | {report.macro_f1:.3f} |",
        f"| accuracy | | | {report.accuracy:.3f} |",
        f"| source name | | | {report.source_name_match:.3f} |",
        "",
        "confusion (rows gold, columns predicted: " + " ".join(CLASSES) + ")",
    ]
    counts = report.confusion()
    for gold in CLASSES:
        lines.append(f"  {gold:13s} " + " ".join(f"{counts[(gold, p)]:6d}" for p in CLASSES))
    lines.append(
        f"{label.upper()} MACRO_F1={report.macro_f1:.3f} ACC={report.accuracy:.3f} "
        f"SRCNAME={report.source_name_match:.3f} N={len(report.units)}"
    )
    return "\n".join(lines)


def format_sentence_errors(results: Sequence[UnitResult], texts: dict[str, str]) -> str:
    """Every wrongly labelled unit, grouped by (gold -> predicted), with its text and reason."""
    wrong = [u for u in results if u.gold != u.predicted]
    wrong.sort(key=lambda u: (u.gold, u.predicted, u.article, u.start))
    lines: list[str] = []
    group = None
    for u in wrong:
        if (u.gold, u.predicted) != group:
            group = (u.gold, u.predicted)
            count = sum(1 for w in wrong if (w.gold, w.predicted) == group)
            lines += ["", f"## {u.gold} read as {u.predicted} ({count})"]
        text = " ".join(texts.get(u.article, "")[u.start : u.end].split())
        lines.append(
            f"- [{u.article}] gold source {u.gold_source!r}, predicted {u.predicted_source!r} ({u.reason}): {text}"
        )
    return "\n".join(lines).lstrip("\n") + "\n"
