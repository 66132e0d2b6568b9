"""The corpus figures, per corpus and per group, each with the trace of where it comes from.

A ``Trace`` lists the articles and sentences behind one figure (``T1``, ``T2``, ... in
the order the report shows them), so an analyst can open the article and check.
What is counted:

- sentences by class: the running-text sentences of every analysis (``kind``
  ``sentence``, as the per-article tally counts them: headings and captions left out);
- most cited sources: sources with the same name (case aside) and type are one
  source across articles; ranked by the sentences attributed to them;
- anonymous sources: the sources typed ``anonymous`` among all the sources;
- numeric claims with no named source: the quantities (a conversion of another
  one not counted again) whose sentence has no source, or an anonymous one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.corpus.report.read import JSON_LINES, PARQUET, Article

LABELS = ("official", "third_party", "unattributed")
LABEL_NAMES = {"official": "official", "third_party": "third party", "unattributed": "unattributed"}
CORPUS = "corpus"
TOP_FOLDER = "(top folder)"  # the group of the articles directly in the batch output's folder


@dataclass(slots=True)
class Trace:
    """The ``(article id, sentence index, note)`` references behind one figure."""

    id: str
    title: str
    refs: list[tuple[str, int, str | None]] = field(default_factory=list)
    unit: str = "sentence"  # what one reference is: a sentence, or a numeric claim

    def by_article(self) -> list[tuple[str, list[tuple[int, str | None]]]]:
        """The references grouped by article, articles in first-seen order."""
        grouped: dict[str, list[tuple[int, str | None]]] = {}
        for article, sentence, note in self.refs:
            grouped.setdefault(article, []).append((sentence, note))
        return list(grouped.items())


@dataclass(slots=True)
class Share:
    """``count`` of ``total``, traced."""

    count: int
    total: int
    trace: Trace

    @property
    def fraction(self) -> float:
        return self.count / self.total if self.total else 0.0


@dataclass(slots=True)
class SourceRow:
    name: str
    type: str
    sentences: int
    articles: int
    trace: Trace


@dataclass(slots=True)
class GroupFigures:
    """The figures of the whole corpus or of one folder or site."""

    name: str
    articles: int
    sentences: int
    labels: dict[str, Share]
    top_sources: list[SourceRow]
    anonymous: Share
    unsourced_numbers: Share


@dataclass(slots=True)
class Report:
    source: str
    kind: str
    grouped_by: str | None  # "folder", "site or folder", or None (JSON Lines written without paths)
    corpus: GroupFigures
    groups: list[GroupFigures]

    def traces(self) -> list[Trace]:
        """Every trace, in the order the figures appear (corpus first, then each group)."""
        found: list[Trace] = []
        for figures in (self.corpus, *self.groups):
            found += [share.trace for share in figures.labels.values()]
            found += [row.trace for row in figures.top_sources]
            found += [figures.anonymous.trace, figures.unsourced_numbers.trace]
        return sorted(found, key=lambda t: int(t.id[1:]))


@dataclass(slots=True)
class _Source:
    name: str
    type: str
    refs: list[tuple[str, int, str | None]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Tally:
    """Running sums for one group."""

    articles: int = 0
    labels: dict[str, list[tuple[str, int, str | None]]] = field(default_factory=lambda: {k: [] for k in LABELS})
    sources: dict[tuple[str, str], _Source] = field(default_factory=dict)
    source_count: int = 0
    anonymous_sources: int = 0
    anonymous: list[tuple[str, int, str | None]] = field(default_factory=list)  # their sentences
    numbers: int = 0
    unsourced: list[tuple[str, int, str | None]] = field(default_factory=list)

    def add(self, article: Article) -> None:
        self.articles += 1
        cited: dict[str, list[int]] = {}
        for index, label, source_id in article.sentences:
            self.labels.setdefault(label, []).append((article.id, index, None))
            if source_id is not None and source_id in article.sources:
                cited.setdefault(source_id, []).append(index)
        for source_id, (name, kind) in article.sources.items():
            self.source_count += 1
            indexes = cited.get(source_id, [])
            if kind == "anonymous":
                self.anonymous_sources += 1
                self.anonymous += [(article.id, i, f"source {source_id} {name!r}") for i in indexes]
            if indexes:
                entry = self.sources.setdefault((" ".join(name.casefold().split()), kind), _Source(name, kind))
                entry.refs += [(article.id, i, None) for i in indexes]
                entry.articles.add(article.id)
        for sentence, text, source_id in article.numbers:
            self.numbers += 1
            source = article.sources.get(source_id) if source_id is not None else None
            if source is None:
                self.unsourced.append((article.id, sentence, f"{text!r}, no source"))
            elif source[1] == "anonymous":
                self.unsourced.append((article.id, sentence, f"{text!r}, anonymous: {source[0]!r}"))


class _Ids:
    def __init__(self) -> None:
        self.count = 0

    def trace(self, title: str, refs: list[tuple[str, int, str | None]], unit: str = "sentence") -> Trace:
        self.count += 1
        return Trace(f"T{self.count}", title, refs, unit)


def _figures(name: str, tally: _Tally, top: int, ids: _Ids) -> GroupFigures:
    sentences = sum(len(refs) for refs in tally.labels.values())
    labels = {
        label: Share(len(refs), sentences, ids.trace(f"{name}: {LABEL_NAMES.get(label, label)} sentences", refs))
        for label, refs in tally.labels.items()
    }
    ranked = sorted(tally.sources.values(), key=lambda s: (-len(s.refs), -len(s.articles), s.name.casefold()))
    rows = [
        SourceRow(s.name, s.type, len(s.refs), len(s.articles), ids.trace(f"{name}: sentences citing {s.name}", s.refs))
        for s in ranked[:top]
    ]
    anonymous = Share(
        tally.anonymous_sources,
        tally.source_count,
        ids.trace(f"{name}: sentences of anonymous sources", tally.anonymous),
    )
    unsourced = Share(
        len(tally.unsourced),
        tally.numbers,
        ids.trace(f"{name}: numeric claims with no named source", tally.unsourced, "numeric claim"),
    )
    return GroupFigures(name, tally.articles, sentences, labels, rows, anonymous, unsourced)


def build_report(source: str, kind: str, articles: Iterable[Article], top: int = 10) -> Report:
    """Add ``articles`` up, per corpus and per group."""
    corpus = _Tally()
    groups: dict[str, _Tally] = {}
    grouped = False
    for article in articles:
        corpus.add(article)
        if article.group is not None:
            grouped = True
            groups.setdefault(TOP_FOLDER if article.group == "." else article.group, _Tally()).add(article)
    ids = _Ids()
    figures = _figures(CORPUS, corpus, top, ids)
    by_group = [_figures(name, groups[name], top, ids) for name in sorted(groups)]
    grouped_by = None
    if grouped:
        grouped_by = "site or folder" if kind in (PARQUET, JSON_LINES) else "folder"
    return Report(source, kind, grouped_by, figures, by_group)
