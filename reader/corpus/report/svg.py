"""Bar charts as inline SVG: plain shapes and text, each bar a link to the trace of its figure.

No script, no external font or stylesheet: the charts render in any browser
offline and in HTML sanitisers that strip JavaScript.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reader.safe_text import neutralize_line

LABEL_WIDTH = 180
BAR_AREA = 460
ROW = 24
BAR = 16
VALUE_WIDTH = 110
COLORS = {"official": "#2f6fb0", "third_party": "#d08a1c", "unattributed": "#b5b5b5"}


def esc(text: object) -> str:
    """Text for HTML or SVG: escaped, controls shown as visible stand-ins."""
    return html.escape(neutralize_line(str(text)), quote=True)


@dataclass(frozen=True, slots=True)
class Segment:
    """One coloured part of a bar: its share of the bar, colour, tooltip and the trace it links to."""

    fraction: float
    color: str
    title: str
    trace_id: str


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str
    segments: Sequence[Segment]
    value: str  # written after the bar


def clip(label: str, limit: int = 26) -> str:
    """``label`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(rows: Sequence[BarRow], description: str) -> str:
    """Horizontal bars, one row each, every segment a link to ``#TRACE``."""
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height = ROW * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(description)}">',
        f"<title>{esc(description)}</title>",
    ]
    for i, row in enumerate(rows):
        y = 4 + i * ROW
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 3}" text-anchor="end">{esc(clip(row.label))}</text>')
        x = float(LABEL_WIDTH)
        for segment in row.segments:
            w = round(max(0.0, min(1.0, segment.fraction)) * BAR_AREA, 2)
            if w <= 0:
                continue
            parts.append(
                f'<a href="#{esc(segment.trace_id)}"><rect x="{x:.2f}" y="{y}" width="{w:.2f}" height="{BAR}" '
                f'fill="{segment.color}"><title>{esc(segment.title)}</title></rect></a>'
            )
            x += w
        parts.append(f'<text x="{x + 6:.2f}" y="{y + BAR - 3}">{esc(row.value)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def legend(items: Sequence[tuple[str, str]]) -> str:
    """A row of coloured squares with their names."""
    width = 170 * len(items)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="legend" width="{width}" height="20" aria-hidden="true">']
    for i, (color, name) in enumerate(items):
        x = i * 170
        parts.append(f'<rect x="{x}" y="3" width="14" height="14" fill="{color}"/>')
        parts.append(f'<text x="{x + 20}" y="15">{esc(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
