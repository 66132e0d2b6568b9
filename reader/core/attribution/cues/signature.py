"""Signature cues: a dash and a name after a quotation ('"…" ― Name')."""

from __future__ import annotations

import re

from reader.core.attribution.result import Found, How
from reader.core.attribution.words import NAME_PARTICLES
from reader.core.segment import Unit

# A signature after a quotation: '"…" ― Name', or a line of its own: '— Name (@handle) date'.
_SIGNATURE_RE = re.compile(
    r"(?:[\"”’'][ \t]*|^[ \t]*)[―—–]{1,2}[ \t]*"
    r"([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|" + "|".join(sorted(NAME_PARTICLES)) + r")){0,4})"
    r"(?:[ \t]*\(@\w+\))?[^\n\w]{0,3}(?:[A-Z][a-z]+ \d{1,2}, \d{4})?[^\n\w]{0,12}$"
)


_SIGNATURE_DASH_RE = re.compile(r"[―—–]")


SIGNATURE = "signature.dash"


def find_signature_cue(text: str, unit: Unit) -> Found | None:
    """'"…" ― Name', or a line of its own: '— Name (@handle) date'."""
    if not _SIGNATURE_DASH_RE.search(text, unit.start, unit.end):
        return None
    body = text[unit.start : unit.end]
    m = _SIGNATURE_RE.search(body.strip())
    if m is None:
        return None
    offset = unit.start + (len(body) - len(body.lstrip()))
    m_start, name_start, name_end = m.start() + offset, m.start(1) + offset, m.end(1) + offset
    dash = text.find("―", m_start, name_start)
    for mark in "—–":
        if dash < 0:
            dash = text.find(mark, m_start, name_start)
    return Found((dash, dash + 1), text[dash], (name_start, name_end), How.SIGNATURE, rules=(SIGNATURE,))
