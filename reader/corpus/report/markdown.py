"""The report as Markdown: tables with text bars, then the trace of every figure."""

from __future__ import annotations

from reader.corpus.report.figures import LABEL_NAMES, LABELS, GroupFigures, Report, Share
from reader.corpus.report.layout import (
    BAR_GLYPHS,
    bar,
    more_line,
    percent,
    stacked,
    summary,
    trace_heading,
    trace_lines,
)
from reader.export.markdown import escape_cell, escape_inline


def _share(share: Share) -> str:
    return f"{percent(share)} ({share.trace.id})"


def _table(header: list[str], rows: list[list[str]], align: str) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _classes(report: Report) -> list[str]:
    rows = []
    for figures in (report.corpus, *report.groups):
        cells = [_share(figures.labels[k]) if k in figures.labels else "–" for k in LABELS]
        mix = "".join(glyphs for _, glyphs in stacked(figures.labels))
        rows.append([escape_cell(figures.name), str(figures.articles), str(figures.sentences), *cells, f"`{mix}`"])
    header = ["group", "articles", "sentences", *(LABEL_NAMES[k] for k in LABELS), "mix"]
    legend = ", ".join(f"`{BAR_GLYPHS[k]}` {LABEL_NAMES[k]}" for k in LABELS)
    return ["## Sentences by class", "", *_table(header, rows, "lrrllll"), "", f"Mix: {legend}.", ""]


def _sources(figures: GroupFigures) -> list[str]:
    most = max((row.sentences for row in figures.top_sources), default=1)
    rows = [
        [
            str(rank),
            escape_cell(row.name),
            row.type,
            str(row.sentences),
            str(row.articles),
            f"`{bar(row.sentences / most, 16).rstrip()}`",
            row.trace.id,
        ]
        for rank, row in enumerate(figures.top_sources, start=1)
    ]
    lines = [f"### {escape_inline(figures.name)}", ""]
    if not rows:
        return [*lines, "No attributed sentences.", ""]
    header = ["#", "source", "type", "sentences", "articles", "", "trace"]
    return [*lines, *_table(header, rows, "rllrrll"), ""]


def _anonymity(report: Report) -> list[str]:
    rows = []
    for figures in (report.corpus, *report.groups):
        anonymous, unsourced = figures.anonymous, figures.unsourced_numbers
        rows.append(
            [
                escape_cell(figures.name),
                str(anonymous.total),
                f"{anonymous.count}: {_share(anonymous)}",
                f"`{bar(anonymous.fraction, 12).rstrip()}`" if anonymous.count else "",
                str(unsourced.total),
                f"{unsourced.count}: {_share(unsourced)}",
                f"`{bar(unsourced.fraction, 12).rstrip()}`" if unsourced.count else "",
            ]
        )
    header = ["group", "sources", "anonymous", "", "numeric claims", "no named source", ""]
    title = "## Anonymous sources and numeric claims with no named source"
    return [title, "", *_table(header, rows, "lrllrll"), ""]


def _traces(report: Report, limit: int) -> list[str]:
    lines = ["## Where each figure comes from", "", "Article ids, and sentence ids as in each analysis.", ""]
    for trace in report.traces():
        lines += [f"### {escape_inline(trace_heading(trace))}", ""]
        shown, left_out = trace_lines(trace, limit)
        lines += [f"- {escape_inline(article)}: {escape_inline(sentences)}" for article, sentences in shown]
        if left_out:
            lines.append(f"- {more_line(left_out)}")
        if not shown:
            lines.append("None.")
        lines.append("")
    return lines


def render_markdown(report: Report, trace_limit: int) -> str:
    lines = ["# Corpus report", "", escape_inline(summary(report)), ""]
    lines += _classes(report)
    lines += ["## Most cited sources", ""]
    for figures in (report.corpus, *report.groups):
        lines += _sources(figures)
    lines += _anonymity(report)
    lines += _traces(report, trace_limit)
    return "\n".join(lines).rstrip() + "\n"
