"""Colon cues: a transcript's "NAME:" and a headline's "CLAIM: Source" or "Source: claim"."""

from __future__ import annotations

import re

from reader.core.attribution.result import Found
from reader.core.attribution.tokens import Token
from reader.core.attribution.words import AUX, HEADLINE_ROLES, NOT_SPEAKERS, VERBS
from reader.core.model import SentenceKind
from reader.core.segment import Unit

_TRANSCRIPT_RE = re.compile(r"[\"“'‘`]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+\S")


_COLON_RHS_MAX = 7


_ALPHA_WORD_RE = re.compile(r"[A-Za-z]{2,}")


_HEADLINE_SPEAKER_RE = re.compile(
    r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]+(?:on|to|at|in|about|for|after)[ \t][^:\n]{1,60}:[ \t]"
)


_HEADLINE_COLON_RE = re.compile(r":[ \t]+([^:]+?)[ \t]*$")


# "Port chief: …", "Army spokesman: …": a role of up to four words before a headline's colon
_HEADLINE_ROLE_RE = re.compile(r"[\"“'‘]*((?:[\w.'’-]+[ \t]+){0,3}[\w.'’-]+):[ \t]+\S")


def _all_capitals(name: str) -> bool:
    """'CASTELEIN', 'JOHN SMITH': how transcripts write speakers."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def find_colon_cue(text: str, unit: Unit, toks: list[Token]) -> Found | None:
    m = _TRANSCRIPT_RE.match(text, unit.start, unit.end)
    if (
        m
        and not any(w.lower().replace("’", "'") in NOT_SPEAKERS for w in m.group(1).split())
        # "CASTELEIN: No." — a speaker written in capitals may answer in one word
        and len(_ALPHA_WORD_RE.findall(text, m.end(1) + 1, unit.end)) >= (1 if _all_capitals(m.group(1)) else 2)
    ):
        colon = m.end(1)
        return Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "transcript")
    if unit.kind is SentenceKind.HEADING:
        m = _HEADLINE_SPEAKER_RE.match(text, unit.start, unit.end)
        if m and not any(w.lower() in NOT_SPEAKERS for w in m.group(1).split()):
            colon = m.end()-1
            return Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "headline colon")
        m = _HEADLINE_ROLE_RE.match(text, unit.start, unit.end)
        if m and m.group(1).split()[-1].lower() in HEADLINE_ROLES:
            colon = m.end(1)  # "Port chief: automation will not cost jobs"
            return Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "headline colon")
        m = _HEADLINE_COLON_RE.search(text, unit.start, unit.end)
        if m and m.start(1) > unit.start:
            rhs = [t for t in toks if t.start >= m.start(1)]
            words = [t for t in rhs if t.is_word]
            # a source after the colon is a name or a role, never a clause ("… will not cost jobs")
            if words and len(words) <= _COLON_RHS_MAX and not any(t.low in VERBS or t.low in AUX for t in words):
                if rhs[0].is_word and rhs[-1].is_word:
                    return Found((m.start(), m.start() + 1), ":", (rhs[0].start, rhs[-1].end), "headline colon")
    return None
