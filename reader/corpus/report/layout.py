"""What the three report formats share: percentages, bars, and the lines of a trace."""

from __future__ import annotations

from reader.corpus.report.figures import LABELS, Report, Share, Trace

# Official, third party, unattributed: told apart by shape, so no colour is needed.
BAR_GLYPHS = {"official": "█", "third_party": "▒", "unattributed": "░"}
BAR_WIDTH = 24


def percent(share: Share) -> str:
    return f"{100 * share.fraction:.1f}%" if share.total else "–"


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``width`` cells, ``fraction`` of them full (eighths for the last one)."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")).ljust(width)


def stacked(labels: dict[str, Share], width: int = BAR_WIDTH) -> list[tuple[str, str]]:
    """``(label, glyphs)`` segments of one bar, the widths rounded so that they add up to ``width``."""
    total = sum(labels[k].count for k in LABELS if k in labels)
    if not total:
        return []
    segments: list[tuple[str, str]] = []
    used = 0
    running = 0
    for label in LABELS:
        running += labels[label].count if label in labels else 0
        end = round(running / total * width)
        segments.append((label, BAR_GLYPHS[label] * (end - used)))
        used = end
    return segments


def _sentence_ids(refs: list[tuple[int, str | None]]) -> str:
    """``#1-#3, #7``; a sentence with a note is written with it: ``#4 ('40 percent', no source)``."""
    parts: list[str] = []
    run: list[int] = []

    def close() -> None:
        if run:
            parts.append(f"#{run[0]}" if len(run) == 1 else f"#{run[0]}-#{run[-1]}")
            run.clear()

    for sentence, note in refs:
        if note is not None:
            close()
            parts.append(f"#{sentence} ({note})")
        elif run and sentence == run[-1] + 1:
            run.append(sentence)
        else:
            close()
            run.append(sentence)
    close()
    return ", ".join(parts)


def trace_lines(trace: Trace, limit: int) -> tuple[list[tuple[str, str]], int]:
    """``(article id, its sentence ids)`` for at most ``limit`` articles (0: all), and how many were left out."""
    articles = trace.by_article()
    shown = articles if limit <= 0 else articles[:limit]
    return [(article, _sentence_ids(refs)) for article, refs in shown], len(articles) - len(shown)


def trace_heading(trace: Trace) -> str:
    count = len(trace.refs)
    return f"{trace.id} {trace.title} ({count} {trace.unit}{'s' if count != 1 else ''})"


def more_line(left_out: int) -> str:
    return f"... and {left_out} more article{'s' if left_out != 1 else ''} (--trace-limit 0 lists them all)"


def summary(report: Report) -> str:
    """One line: what was read, how much, and how it is grouped."""
    corpus = report.corpus
    if report.grouped_by:
        groups = f"{len(report.groups)} groups by {report.grouped_by}"
    else:
        groups = "no groups (JSON Lines written without paths)"
    return f"{report.source} ({report.kind}): {corpus.articles} articles, {corpus.sentences} sentences; {groups}"
