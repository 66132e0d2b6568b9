"""The report as one self-contained HTML page: tables, inline SVG charts, the traces; no script."""

from __future__ import annotations

from reader.corpus.report.figures import LABEL_NAMES, LABELS, GroupFigures, Report, Share
from reader.corpus.report.layout import more_line, percent, summary, trace_heading, trace_lines
from reader.corpus.report.svg import COLORS, BarRow, Segment, bar_chart, clip, esc, legend

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart text, svg.legend text { font: 12px system-ui, sans-serif; fill: #222; }
svg.chart a:hover rect, svg.chart a:focus rect { opacity: .75; }
section.trace { border-top: 1px solid #eee; }
section.trace:target { background: #fff7d6; }
.dim { color: #777; }
code { font-size: 90%; }
"""


def _link(share: Share) -> str:
    return f'<a href="#{share.trace.id}">{esc(percent(share))}</a>'


def _table(header: list[tuple[str, bool]], rows: list[list[tuple[str, bool]]]) -> str:
    """``(html, numeric)`` cells; the cells are already escaped."""
    head = "".join(f"<th{' class=n' if numeric else ''}>{cell}</th>" for cell, numeric in header)
    body = "".join(
        "<tr>" + "".join(f"<td{' class=n' if numeric else ''}>{cell}</td>" for cell, numeric in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _classes(report: Report) -> str:
    everyone = (report.corpus, *report.groups)
    rows = []
    for figures in everyone:
        segments = [
            Segment(
                figures.labels[k].fraction,
                COLORS[k],
                f"{LABEL_NAMES[k]}: {percent(figures.labels[k])} ({figures.labels[k].count} of {figures.sentences})",
                figures.labels[k].trace.id,
            )
            for k in LABELS
            if k in figures.labels
        ]
        rows.append(BarRow(figures.name, segments, f"{figures.sentences} sentences"))
    chart = bar_chart(rows, "Share of official, third-party and unattributed sentences per group")
    table = _table(
        [("group", False), ("articles", True), ("sentences", True), *((LABEL_NAMES[k], True) for k in LABELS)],
        [
            [
                (esc(f.name), False),
                (str(f.articles), True),
                (str(f.sentences), True),
                *((_link(f.labels[k]) if k in f.labels else "–", True) for k in LABELS),
            ]
            for f in everyone
        ],
    )
    key = legend([(COLORS[k], LABEL_NAMES[k]) for k in LABELS])
    return f"<h2>Sentences by class</h2>\n{key}\n{chart}\n{table}"


def _sources(figures: GroupFigures) -> str:
    title = f"<h3>{esc(figures.name)}</h3>"
    if not figures.top_sources:
        return f'{title}<p class="dim">No attributed sentences.</p>'
    most = max(row.sentences for row in figures.top_sources)
    bars = []
    for row in figures.top_sources:
        tooltip = f"{row.name}: {row.sentences} sentences"
        where = f"{row.sentences} in {row.articles} article{'s' if row.articles != 1 else ''}"
        bars.append(BarRow(row.name, [Segment(row.sentences / most, "#3a8f8f", tooltip, row.trace.id)], where))
    chart = bar_chart(bars, f"Most cited sources of {figures.name}, by sentences")
    table = _table(
        [("#", True), ("source", False), ("type", False), ("sentences", True), ("articles", True), ("trace", False)],
        [
            [
                (str(rank), True),
                (esc(row.name), False),
                (esc(row.type), False),
                (str(row.sentences), True),
                (str(row.articles), True),
                (f'<a href="#{row.trace.id}">{row.trace.id}</a>', False),
            ]
            for rank, row in enumerate(figures.top_sources, start=1)
        ],
    )
    return f"{title}\n{chart}\n{table}"


def _anonymity(report: Report) -> str:
    everyone = (report.corpus, *report.groups)
    rows = []
    for f in everyone:
        a, u = f.anonymous, f.unsourced_numbers
        name = clip(f.name, 16)
        anonymous = Segment(a.fraction, "#8a4f9e", f"anonymous: {percent(a)}", a.trace.id)
        unsourced = Segment(u.fraction, "#b0413e", f"no named source: {percent(u)}", u.trace.id)
        rows.append(BarRow(f"{name}: sources", [anonymous], f"{a.count} of {a.total} anonymous"))
        rows.append(BarRow(f"{name}: numbers", [unsourced], f"{u.count} of {u.total} unsourced"))
    chart = bar_chart(rows, "Share of anonymous sources and of numeric claims with no named source per group")
    table = _table(
        [("group", False), ("sources", True), ("anonymous", True), ("numeric claims", True), ("no named source", True)],
        [
            [
                (esc(f.name), False),
                (str(f.anonymous.total), True),
                (f"{f.anonymous.count}: {_link(f.anonymous)}", True),
                (str(f.unsourced_numbers.total), True),
                (f"{f.unsourced_numbers.count}: {_link(f.unsourced_numbers)}", True),
            ]
            for f in everyone
        ],
    )
    return f"<h2>Anonymous sources and numeric claims with no named source</h2>\n{chart}\n{table}"


def _traces(report: Report, limit: int) -> str:
    parts = [
        "<h2>Where each figure comes from</h2>",
        '<p class="dim">Article ids, and sentence ids as in each analysis.</p>',
    ]
    for trace in report.traces():
        shown, left_out = trace_lines(trace, limit)
        items = "".join(f"<li><code>{esc(article)}</code>: {esc(sentences)}</li>" for article, sentences in shown)
        if left_out:
            items += f'<li class="dim">{esc(more_line(left_out))}</li>'
        body = f"<ul>{items}</ul>" if items else '<p class="dim">None.</p>'
        parts.append(f'<section class="trace" id="{trace.id}"><h3>{esc(trace_heading(trace))}</h3>{body}</section>')
    return "\n".join(parts)


def render_html(report: Report, trace_limit: int) -> str:
    sources = "\n".join(_sources(f) for f in (report.corpus, *report.groups))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Corpus report: {esc(report.source)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>Corpus report</h1>\n<p>{esc(summary(report))}</p>\n"
        f"{_classes(report)}\n<h2>Most cited sources</h2>\n{sources}\n{_anonymity(report)}\n"
        f"{_traces(report, trace_limit)}\n</body>\n</html>\n"
    )
