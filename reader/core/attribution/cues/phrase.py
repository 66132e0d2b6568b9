"""Phrase cues: "according to", a possessive ("Gerasimov's statement"), a speech noun ("in a statement")."""

from __future__ import annotations

from reader.core.attribution.cues.works import author_of_work
from reader.core.attribution.phrases import np_forward, sentence_subject
from reader.core.attribution.result import Found
from reader.core.attribution.tokens import Token, span_of
from reader.core.attribution.words import WORK_NOUNS
from reader.core.cues import ACCORDING_RE, NOUN_CUE_RE, POSSESSIVE_CUE_RE
from reader.core.sources import PRONOUNS


def find_phrase_cue(masked: str, toks: list[Token], start: int, end: int) -> Found | None:
    m = ACCORDING_RE.search(masked, start, end)
    if m:
        i = next((k for k, t in enumerate(toks) if t.start >= m.end()), None)
        np = np_forward(toks, i) if i is not None else None
        if np:
            author = author_of_work(toks, np)
            if author is None and toks[np[0]].low in {"its", "their"} and toks[np[1]].low in WORK_NOUNS:
                subject = sentence_subject(toks)  # "The port handled …, according to its annual report"
                if subject is not None and toks[subject[1]].end <= m.start() and toks[subject[0]].low not in PRONOUNS:
                    author = subject
            if author is not None:  # "according to data compiled by the agency"
                return Found((m.start(), m.end()), m.group(), span_of(toks, author), "according",
                              work=span_of(toks, np))
            return Found((m.start(), m.end()), m.group(), span_of(toks, np), "according")
    # the possessive needs an apostrophe: most sentences have none, and the pattern is slow
    has_apostrophe = masked.find("'", start, end) >= 0 or masked.find("’", start, end) >= 0
    m = POSSESSIVE_CUE_RE.search(masked, start, end) if has_apostrophe else None
    if m and m.group(1).split()[-1].lower() not in {"it", "that", "there", "here", "what", "who", "let"}:
        return Found((m.start(2), m.end(2)), m.group(2), (m.start(1), m.end(1)), "possessive")
    m = NOUN_CUE_RE.search(masked, start, end)
    if m:
        subject = sentence_subject(toks)
        if subject is not None:
            return Found((m.start(), m.end()), m.group(), span_of(toks, subject), "noun")
    return None
