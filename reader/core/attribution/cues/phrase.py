"""Phrase cues: "according to", a possessive ("Gerasimov's statement"), a speech noun ("in a statement")."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.attribution.cues.sentence import CueSentence
from reader.core.attribution.cues.works import author_of_work
from reader.core.attribution.phrases import np_forward, sentence_subject
from reader.core.attribution.result import Found, How, Rule
from reader.core.attribution.tokens import span_of, token_at
from reader.core.attribution.words import WORK_NOUNS
from reader.core.cues import ACCORDING_RE, FACED_CRITICISM_RE, GENERIC_REPORT_RE, NOUN_CUE_RE, POSSESSIVE_CUE_RE
from reader.core.sources import PRONOUNS


def _according(s: CueSentence) -> Found | None:
    """'according to the ministry', 'citing officials'; 'according to data compiled by the
    agency' and "according to its annual report" name the work's author."""
    toks = s.toks
    m = ACCORDING_RE.search(s.masked, s.unit.start, s.unit.end)
    i = token_at(toks, m.end()) if m else None
    np = np_forward(toks, i) if i is not None else None
    if m is None or not np:
        return None
    rules: tuple[str, ...] = (ACCORDING,)
    author = author_of_work(toks, np)
    if author is not None:
        rules += (ACCORDING_WORK_AUTHOR,)
    elif toks[np[0]].low in {"its", "their"} and toks[np[1]].low in WORK_NOUNS:
        subject = sentence_subject(toks)  # "The port handled …, according to its annual report"
        if subject is not None and toks[subject[1]].end <= m.start() and toks[subject[0]].low not in PRONOUNS:
            author, rules = subject, (*rules, ACCORDING_OWN_WORK)
    if author is not None:  # "according to data compiled by the agency"
        return Found(
            m.span(),
            m.group(),
            span_of(toks, author),
            How.ACCORDING,
            work=span_of(toks, np),
            rules=rules,
        )
    return Found(m.span(), m.group(), span_of(toks, np), How.ACCORDING, rules=rules)


def _possessive(s: CueSentence) -> Found | None:
    """ "Gerasimov's statement", "the ministry's remarks": the possessor speaks."""
    start, end = s.unit.start, s.unit.end
    # the possessive needs an apostrophe: most sentences have none, and the pattern is slow
    has_apostrophe = s.masked.find("'", start, end) >= 0 or s.masked.find("’", start, end) >= 0
    m = POSSESSIVE_CUE_RE.search(s.masked, start, end) if has_apostrophe else None
    if m and m.group(1).split()[-1].lower() not in {
        "it",
        "that",
        "there",
        "here",
        "what",
        "who",
        "let",
    }:
        return Found(m.span(2), m.group(2), m.span(1), How.POSSESSIVE, rules=(POSSESSIVE,))
    return None


def _speech_noun(s: CueSentence) -> Found | None:
    """ "in a statement", "during an interview": the sentence's subject speaks."""
    m = NOUN_CUE_RE.search(s.masked, s.unit.start, s.unit.end)
    subject = sentence_subject(s.toks) if m else None
    if m is None or subject is None:
        return None
    return Found(m.span(), m.group(), span_of(s.toks, subject), How.NOUN, rules=(NOUN,))


def _generic_report(s: CueSentence) -> Found | None:
    """'Complaints were made that …', 'concerns have been raised about …': a report whose
    accusers the sentence does not name (third party, with no source); 'concerns were raised
    by residents' names them."""
    m = GENERIC_REPORT_RE.search(s.masked, s.unit.start, s.unit.end)
    if m is None:
        return None
    toks = s.toks
    by = token_at(toks, m.end())
    agent = np_forward(toks, by + 1) if by is not None and toks[by].low == "by" and by + 1 < len(toks) else None
    if agent is not None:
        return Found(m.span(), m.group(), span_of(toks, agent), How.PASSIVE, rules=(GENERIC_REPORT,))
    return Found(m.span(), m.group(), None, How.UNNAMED_SPEAKER, rules=(GENERIC_REPORT,))


def _faced_criticism(s: CueSentence) -> Found | None:
    """'Trump has faced questions about …', 'Suu Kyi has faced sharp criticism for …': criticism
    someone meets, reported with no critic named (third party, no source); '… from Democrats'
    names them."""
    m = FACED_CRITICISM_RE.search(s.masked, s.unit.start, s.unit.end)
    if m is None:
        return None
    toks = s.toks
    after = token_at(toks, m.end())
    critics = (
        np_forward(toks, after + 1)
        if after is not None and toks[after].low == "from" and after + 1 < len(toks)
        else None
    )
    if critics is not None:
        return Found(m.span(), m.group(), span_of(toks, critics), How.NOUN, rules=(FACED_CRITICISM,))
    return Found(m.span(), m.group(), None, How.UNNAMED_SPEAKER, rules=(FACED_CRITICISM,))


ACCORDING = "phrase.according"
ACCORDING_WORK_AUTHOR = "phrase.according_work_author"
ACCORDING_OWN_WORK = "phrase.according_own_work"
POSSESSIVE = "phrase.possessive"
NOUN = "phrase.noun"
GENERIC_REPORT = "phrase.generic_report"
FACED_CRITICISM = "phrase.faced_criticism"

PHRASES: tuple[Rule[Callable[[CueSentence], Found | None]], ...] = (
    Rule(ACCORDING, _according),
    Rule(POSSESSIVE, _possessive),
    Rule(NOUN, _speech_noun),
    Rule(GENERIC_REPORT, _generic_report),  # these last two may name no source
    Rule(FACED_CRITICISM, _faced_criticism),
)
# ids that only ever follow another row's
PHRASE_DETAILS = (ACCORDING_WORK_AUTHOR, ACCORDING_OWN_WORK)


def find_phrase_cue(s: CueSentence) -> Found | None:
    """The first phrase cue of ``PHRASES`` that finds a cue (all but the last name its source)."""
    for rule in PHRASES:
        found = rule.run(s)
        if found is not None:
            return found
    return None
