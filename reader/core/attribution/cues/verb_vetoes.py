"""Vetoes of the verb cue: readings of a cue word that are no speech (True rejects the candidate).

Run in three places of ``verb._read``: ``VETOES`` first, ``LATE_VETOES`` once the subject is
known, ``FINAL_VETOES`` last."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.attribution.cues.candidate import Candidate
from reader.core.attribution.cues.reading import (
    after_closing_quote,
    ends_in_aside,
    negated_open_question,
    plausible_verb,
)
from reader.core.attribution.phrases import (
    named_or_evidence,
)
from reader.core.attribution.result import How, Rule
from reader.core.attribution.words import (
    AUX,
    NOUN_LIKE,
    QUANTIFIERS,
    WEAK,
    WEAK_NAMED_OK,
)
from reader.core.sources import DETERMINERS, MEDIA_WORDS

# -- 1. vetoes: True rejects the candidate ---------------------------------------------------


def _inside_name(c: Candidate) -> bool:
    """'The Island Post': a capitalised cue word after a capitalised word, unless the whole
    sentence is written in title case."""
    return c.k > 0 and c.tok.text[:1].isupper() and c.toks[c.k - 1].text[:1].isupper() and not c.sentence.title_case()


def _quantifier_subject(c: Candidate) -> bool:
    """'Many say', 'Some argue': a quantifier standing alone as the subject."""
    return (
        c.prev in QUANTIFIERS
        and c.tok.low == c.lemma
        and c.lemma not in NOUN_LIKE
        and (c.k == 1 or not c.toks[c.k - 2].is_word or c.toks[c.k - 2].low in {"and", "but", "while", "yet"})
    )


def _noun_after_determiner(c: Candidate) -> bool:
    """'the reports', 'a claim': a noun after a determiner."""
    low = c.tok.low
    return c.prev in DETERMINERS and (low == c.lemma or low.endswith("s")) and not _quantifier_subject(c)


def _participle_after_determiner(c: Candidate) -> bool:
    """'one of the accused', 'the reported interest', 'an estimated 3,000': after an article the
    -ed form is a noun or an adjective, never the verb of a clause."""
    return c.prev in _ARTICLES and c.tok.low.endswith("ed")


_ARTICLES = frozenset({"the", "a", "an"})


def _plural_after_preposition(c: Candidate) -> bool:
    """'of statements', 'to claims': a plural noun after a preposition."""
    return c.prev in {"of", "to", "by", "with", "for"} and c.tok.low.endswith("s")


def _not_a_verb(c: Candidate) -> bool:
    """A noun reading or a bare form with no subject ("recent attacks", "the editor's note");
    a colon right after it still reads as a cue ('A statement from the hospital read: "…"')."""
    return not plausible_verb(c.toks, c.k, c.lemma) and not (
        c.lemma == "read" and c.nxt == ":" and c.k > 0 and c.toks[c.k - 1].is_word
    )


def _open_question(c: Candidate) -> bool:
    """'has not said whether she will sign it': a cue that reports nothing."""
    return negated_open_question(c.toks, c.k)


def _headline_passive(c: Candidate) -> bool:
    """Headlines drop "is/are": "Two charged after fire" is passive, no one speaks."""
    return c.sentence.heading and c.tok.low.endswith("ed") and c.k > 0 and c.toks[c.k - 1].low not in AUX


def _anonymity(c: Candidate) -> bool:
    """'who asked not to be named': a condition of anonymity, not a claim."""
    return c.nxt == "not" and c.lemma in {"ask", "request"}


VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.inside_name", _inside_name),
    Rule("verb.noun_after_determiner", _noun_after_determiner),
    Rule("verb.participle_after_determiner", _participle_after_determiner),
    Rule("verb.plural_after_preposition", _plural_after_preposition),
    Rule("verb.not_a_verb", _not_a_verb),
    Rule("verb.open_question", _open_question),
    Rule("verb.headline_passive", _headline_passive),
    Rule("verb.anonymity", _anonymity),
)


# -- 4. late vetoes --------------------------------------------------------------------------


REPORTED_MODIFIER = "verb.reported_modifier"
_REPORTING_PARTICIPLES = frozenset({"report", "allege", "estimate", "rumour", "rumor", "claim", "forecast"})


def _reported_modifier(c: Candidate) -> bool:
    """'despite reported interest from Chelsea', 'amid alleged abuses': a participle before a
    noun with no subject reports something by no one named (kept in case nothing else is said)."""
    nxt = c.toks[c.k + 1] if c.k + 1 < len(c.toks) else None
    if not (
        c.np is None
        and c.lemma in _REPORTING_PARTICIPLES
        and c.tok.low.endswith("ed")
        and nxt is not None
        and nxt.is_word
        and nxt.text.islower()
        and nxt.low not in {"that", "by", "to", "in", "on", "as", "for", "with"}
    ):
        return False
    c.keep_sourceless(REPORTED_MODIFIER)
    return True


def _tail(c: Candidate) -> bool:
    """The cue ends the sentence after a comma: '…, the minister said (on Monday)'."""
    toks, k, np = c.toks, c.k, c.np
    return (
        (len(toks) - k <= 10 or ends_in_aside(toks, k))
        and np is not None
        and np[0] > 0
        and toks[np[0] - 1].text in {",", "—", "–", "--"}
    )


def _weak_unsupported(c: Candidate) -> bool:
    """A word that is usually not speech ("point", "state", "report") counts only in a strong
    position: "pointed out", after a quote, at the end, before a colon or "that", or with a
    named or evidence subject for the few that allow it."""
    lemma, nxt = c.lemma, c.nxt
    return (
        c.lemma in WEAK
        and not (
            (lemma == "point" and nxt == "out")  # "pointed out" is speech, "pointed to" rarely
            or after_closing_quote(c.toks, c.k)
            or _tail(c)
            or nxt == ":"
            or any(t.low == "that" for t in c.toks[c.k + 1 : c.k + 5])
            or (lemma in WEAK_NAMED_OK and c.np is not None and named_or_evidence(c.toks, c.np))
            or (lemma == "report" and c.np is not None and _media_head(c.toks[c.np[1]].low))
        )
    )


def _media_head(word: str) -> bool:
    """'Multiple outlets reported …': news outlets and reporters report, whatever follows."""
    return word in MEDIA_WORDS or (word.endswith("s") and word[:-1] in MEDIA_WORDS)


_CONTENTLESS = frozenset({"speak", "talk"})
_CONTENT_MARKS = frozenset({"that", ":", '"', "“", "”", "‘", "’", "'", "about", "of"})


def _speech_without_content(c: Candidate) -> bool:
    """'The president spoke in a cottage on a base', 'The two women spoke for an hour': a speech
    event that says nothing (no "that", no quotation, no topic) is no claim."""
    if c.lemma not in _CONTENTLESS or (c.k and c.toks[c.k - 1].low in {"who", "that"}):
        return False  # "residents who spoke at the meeting said …": the relative names the speakers
    return not any(t.low in _CONTENT_MARKS for t in c.toks[c.k + 1 :])


LATE_VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule(REPORTED_MODIFIER, _reported_modifier),
    Rule("verb.weak_unsupported", _weak_unsupported),
    Rule("verb.speech_without_content", _speech_without_content),
)


# -- 6. final vetoes -------------------------------------------------------------------------


def _no_source(c: Candidate) -> bool:
    """No source phrase, or one after the verb where only an inversion or a participle may
    put it."""
    return c.np is None or (c.np[0] > c.k and c.how is not How.INVERTED and c.how is not How.PARTICIPLE)


_COURTS = frozenset({"court", "tribunal", "inquiry", "inquest", "jury", "hearing", "trial", "panel"})
COURT_HEARD = "verb.court_heard"


def _heard_by_no_court(c: Candidate) -> bool:
    """'The court heard how …', 'an Election Court has heard': one side's case, relayed with no
    named speaker (kept in case nothing else is said); any other "heard" is no cue."""
    if c.lemma != "hear":
        return False
    assert c.np is not None
    if c.toks[c.np[1]].low in _COURTS:
        c.keep_sourceless(COURT_HEARD)
    return True


FINAL_VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.no_source", _no_source),
    Rule("verb.heard_by_no_court", _heard_by_no_court),
)
