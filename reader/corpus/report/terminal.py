"""The report as rich tables in the terminal, with bar charts drawn in block characters."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

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
from reader.safe_text import neutralize_line

STYLES = {"official": "blue", "third_party": "yellow", "unattributed": "grey50"}


def _text(value: object, style: str = "") -> Text:
    """Article-derived text as inert text: no markup, controls made visible."""
    return Text(neutralize_line(str(value)), style=style)


def _share(share: Share) -> Text:
    return Text.assemble(percent(share), " ", (share.trace.id, "dim"))


MIX_WIDTH = 16


def _stacked(figures: GroupFigures) -> Text:
    return Text.assemble(*((glyphs, STYLES[label]) for label, glyphs in stacked(figures.labels, MIX_WIDTH)))


def _classes(report: Report) -> Table:
    legend = "  ".join(f"{BAR_GLYPHS[k]} {LABEL_NAMES[k]}" for k in LABELS)
    table = Table(title="Sentences by class", caption=legend, title_justify="left")
    for column in ("group", "articles", "sentences", *(LABEL_NAMES[k] for k in LABELS)):
        table.add_column(column, justify="right" if column in ("articles", "sentences") else "left")
    table.add_column("mix", no_wrap=True, min_width=MIX_WIDTH)
    for figures in (report.corpus, *report.groups):
        cells = [_share(figures.labels[k]) if k in figures.labels else Text("–") for k in LABELS]
        table.add_row(_text(figures.name), str(figures.articles), str(figures.sentences), *cells, _stacked(figures))
    return table


def _sources(figures: GroupFigures) -> Table:
    table = Table(title=f"Most cited sources: {neutralize_line(figures.name)}", title_justify="left")
    for column in ("#", "source", "type", "sentences", "articles"):
        table.add_column(column, justify="right" if column in ("#", "sentences", "articles") else "left")
    table.add_column("", no_wrap=True, min_width=12)
    table.add_column("trace", no_wrap=True)
    most = max((row.sentences for row in figures.top_sources), default=1)
    for rank, row in enumerate(figures.top_sources, start=1):
        table.add_row(
            str(rank),
            _text(row.name),
            _text(row.type),
            str(row.sentences),
            str(row.articles),
            Text(bar(row.sentences / most, 12), style="cyan"),
            Text(row.trace.id, style="dim"),
        )
    if not figures.top_sources:
        table.add_row("", Text("no attributed sentences", style="dim"), "", "", "", "", "")
    return table


def _anonymity(report: Report) -> Table:
    table = Table(title="Anonymous sources and numeric claims with no named source", title_justify="left")
    for column, bar_column in (
        ("group", False),
        ("sources", False),
        ("anonymous", False),
        ("", True),
        ("numeric claims", False),
        ("no named source", False),
        (" ", True),
    ):
        table.add_column(
            column,
            justify="right" if column in ("sources", "numeric claims") else "left",
            no_wrap=bar_column,
            min_width=8 if bar_column else None,
        )
    for figures in (report.corpus, *report.groups):
        anonymous, unsourced = figures.anonymous, figures.unsourced_numbers
        table.add_row(
            _text(figures.name),
            str(anonymous.total),
            Text.assemble(f"{anonymous.count} ", _share(anonymous)),
            Text(bar(anonymous.fraction, 8), style="magenta"),
            str(unsourced.total),
            Text.assemble(f"{unsourced.count} ", _share(unsourced)),
            Text(bar(unsourced.fraction, 8), style="red"),
        )
    return table


def _traces(report: Report, console: Console, limit: int) -> None:
    console.print(Text("Where each figure comes from (article ids; sentence ids as in the analysis)", style="bold"))
    for trace in report.traces():
        console.print(_text(trace_heading(trace), "bold"))
        lines, left_out = trace_lines(trace, limit)
        for article, sentences in lines:
            console.print(Text.assemble("  ", _text(article, "cyan"), ": ", _text(sentences)))
        if left_out:
            console.print(Text("  " + more_line(left_out), style="dim"))


def render_terminal(report: Report, console: Console, trace_limit: int) -> None:
    console.print(_text(f"Corpus report of {summary(report)}", "bold"))
    console.print(_classes(report))
    for figures in (report.corpus, *report.groups):
        console.print(_sources(figures))
    console.print(_anonymity(report))
    _traces(report, console, trace_limit)
