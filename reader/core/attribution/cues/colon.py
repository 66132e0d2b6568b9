"""Colon cues: a transcript's "NAME:" and a headline's "CLAIM: Source" or "Source: claim"."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.core.attribution.cues.sentence import CueSentence
from reader.core.attribution.result import Found, How, Rule
from reader.core.attribution.words import AUX, HEADLINE_ROLES, NOT_SPEAKERS, VERBS
from reader.core.model import SentenceKind

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


def _transcript(s: CueSentence) -> Found | None:
    """'CASTELEIN: No.', 'Ana Ribeiro: We will …': a speaker's name and a colon open the line."""
    text, unit = s.text, s.unit
    m = _TRANSCRIPT_RE.match(text, unit.start, unit.end)
    if (
        m
        and not any(w.lower().replace("’", "'") in NOT_SPEAKERS for w in m.group(1).split())
        # "CASTELEIN: No." — a speaker written in capitals may answer in one word
        and len(_ALPHA_WORD_RE.findall(text, m.end(1) + 1, unit.end)) >= (1 if _all_capitals(m.group(1)) else 2)
    ):
        colon = m.end(1)
        return Found((colon, colon + 1), ":", m.span(1), How.TRANSCRIPT, rules=(TRANSCRIPT,))
    return None


def _headline_speaker(s: CueSentence) -> Found | None:
    """'Minister on the strike: …' in a headline: a name, a preposition, a topic, a colon."""
    m = _HEADLINE_SPEAKER_RE.match(s.text, s.unit.start, s.unit.end) if s.unit.kind is SentenceKind.HEADING else None
    if m and not any(w.lower() in NOT_SPEAKERS for w in m.group(1).split()):
        colon = m.end() - 1
        return Found((colon, colon + 1), ":", m.span(1), How.HEADLINE_COLON, rules=(HEADLINE_SPEAKER,))
    return None


def _headline_role(s: CueSentence) -> Found | None:
    """'Port chief: automation will not cost jobs': a role before a headline's colon."""
    m = _HEADLINE_ROLE_RE.match(s.text, s.unit.start, s.unit.end) if s.unit.kind is SentenceKind.HEADING else None
    if m and m.group(1).split()[-1].lower() in HEADLINE_ROLES:
        colon = m.end(1)
        return Found((colon, colon + 1), ":", m.span(1), How.HEADLINE_COLON, rules=(HEADLINE_ROLE,))
    return None


def _headline_source(s: CueSentence) -> Found | None:
    """'Automation will not cost jobs: port chief': a short name or role after the colon."""
    m = _HEADLINE_COLON_RE.search(s.text, s.unit.start, s.unit.end) if s.unit.kind is SentenceKind.HEADING else None
    if not m or m.start(1) <= s.unit.start:
        return None
    rhs = [t for t in s.toks if t.start >= m.start(1)]
    words = [t for t in rhs if t.is_word]
    # a source after the colon is a name or a role, never a clause ("… will not cost jobs")
    if not words or len(words) > _COLON_RHS_MAX or any(t.low in VERBS or t.low in AUX for t in words):
        return None
    if rhs[0].is_word and rhs[-1].is_word:
        return Found(
            (m.start(), m.start() + 1),
            ":",
            (rhs[0].start, rhs[-1].end),
            How.HEADLINE_COLON,
            rules=(HEADLINE_SOURCE,),
        )
    return None


TRANSCRIPT = "colon.transcript"
HEADLINE_SPEAKER = "colon.headline_speaker"
HEADLINE_ROLE = "colon.headline_role"
HEADLINE_SOURCE = "colon.headline_source"

COLONS: tuple[Rule[Callable[[CueSentence], Found | None]], ...] = (
    Rule(TRANSCRIPT, _transcript),
    Rule(HEADLINE_SPEAKER, _headline_speaker),
    Rule(HEADLINE_ROLE, _headline_role),
    Rule(HEADLINE_SOURCE, _headline_source),
)


# "Read more: Looted art: Germany to set up office": a link to another story, not a claim
_NAVIGATION_LABEL = re.compile(r"\s*(?:read (?:more|also)|see also|also read|related|more|watch|listen)\s*:", re.I)


def find_colon_cue(s: CueSentence) -> Found | None:
    """The first colon cue of ``COLONS`` (each needs a colon: most sentences have none)."""
    if s.text.find(":", s.unit.start, s.unit.end) < 0 or _NAVIGATION_LABEL.match(s.text, s.unit.start, s.unit.end):
        return None
    for rule in COLONS:
        found = rule.run(s)
        if found is not None:
            return found
    return None
