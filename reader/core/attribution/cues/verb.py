"""The verb cue: a communication verb and the noun phrase that speaks through it.

Every token that can be a cue verb is a ``Candidate``. Its rows run in this order:

1. ``VETOES``: readings that are no speech ("the reports", "has not said whether");
2. ``AGENTS``: passives that name their speaker after "by", or name none;
3. ``SUBJECTS``: where the subject before the verb is (an appositive name, a pronoun, a
   relative clause, the noun phrase right before it), the first row that applies;
4. ``LATE_VETOES``: a weak cue word ("point", "state") with no support around it;
5. ``CLAUSES``: a clause shape that puts the source elsewhere (a participle, an infinitive,
   a coordinated verb, an inversion, the sentence subject before an aside), first row that applies;
6. ``FINAL_VETOES``: no source found;
7. ``DETAILS``: where the claim starts, the work a source speaks through, a document's owner.

The first candidate that passes gives the sentence's cue; a passive with no named speaker is
kept in case no other candidate does.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, count

from reader.core.attribution.cues.candidate import Candidate, VerbSentence, make_candidate
from reader.core.attribution.cues.sentence import CueSentence
from reader.core.attribution.cues.verb_sources import (
    AGENTS,
    CLAUSES,
    DETAILS,
    DROP,
    SUBJECTS,
    result,
)
from reader.core.attribution.cues.verb_vetoes import FINAL_VETOES, LATE_VETOES, VETOES
from reader.core.attribution.phrases import (
    skip_back,
)
from reader.core.attribution.result import Found
from reader.core.attribution.tokens import (
    low_of,
)
from reader.core.attribution.words import (
    VERB_OR_MAKE,
)
from reader.core.rules import pairs

# the tables as (id, function) pairs, for the loop below
_VETOES = pairs(VETOES)
_AGENTS = pairs(AGENTS)
_LATE_VETOES = pairs(LATE_VETOES)
_CLAUSES = pairs(CLAUSES)
_FINAL_VETOES = pairs(FINAL_VETOES)
_SUBJECTS = pairs(SUBJECTS)
_DETAILS = pairs(DETAILS)

Table = tuple[tuple[str, Callable[[Candidate], bool]], ...]


def _vetoed(vetoes: Table, c: Candidate) -> bool:
    for rule_id, veto in vetoes:
        if veto(c):
            c.rejected_by = rule_id
            return True
    return False


def _find_subject(c: Candidate) -> None:
    """The first row of SUBJECTS that applies says where the subject is."""
    c.b = skip_back(c.toks, c.k - 1)
    for rule_id, subject in _SUBJECTS:
        if subject(c):
            c.source_rule = rule_id
            break
    if c.np is not None and c.toks[c.np[0]].low in {"who", "which"}:
        c.np = None


def _clause_stays(c: Candidate) -> bool:
    """The first row of CLAUSES that applies, and whether the candidate stays. Every clause
    row needs an -ing form or a subject not found yet: with neither, none applies."""
    if c.np is not None and not c.tok.low.endswith("ing"):
        return True
    for rule_id, clause in _CLAUSES:
        stays = clause(c)
        if stays is not None:
            if not stays:
                c.rejected_by = rule_id
            return stays
    return True


def read(c: Candidate) -> Found | None:
    """The cue found at candidate ``c``, or None (``c.rejected_by`` then names the row)."""
    for rule_id, veto in _VETOES:  # (the loop of _vetoed, inline: this runs for every cue word)
        if veto(c):
            c.rejected_by = rule_id
            return None
    for rule_id, agent in _AGENTS:
        found = agent(c)
        if found is DROP:
            c.rejected_by = rule_id
            return None
        if found is not None:
            return found
    _find_subject(c)
    if _vetoed(_LATE_VETOES, c) or not _clause_stays(c) or _vetoed(_FINAL_VETOES, c):
        return None
    for rule_id, detail in _DETAILS:
        if detail(c):
            c.add_detail(rule_id)
    return result(c)


def find_verb_cue(s: CueSentence) -> Found | None:
    """A communication verb and its source ("X said", "said X", "a study published by X
    found"): the first verb cue of a sentence, else a passive with no named speaker, else None."""
    toks = s.toks
    sentence = VerbSentence(toks, s.headline)
    # only the tokens that can be a cue: most are not
    for k in compress(count(), map(VERB_OR_MAKE.__contains__, map(low_of, toks))):
        c = make_candidate(sentence, k)
        found = read(c) if c is not None else None
        if found is not None:
            return _trailing_relay(sentence, k) or found
    return sentence.sourceless


TRAILING_RELAY = "verb.trailing_relay"
_IRREGULAR_REPORTING = {"said", "says", "wrote", "writes", "told"}


def _reporting_form(low: str) -> bool:
    """A cue word in a form only a verb has ("reported", "said"), not "the Demos report"."""
    return low in VERB_OR_MAKE and (low.endswith("ed") or low in _IRREGULAR_REPORTING)


def _trailing_relay(sentence: VerbSentence, first: int) -> Found | None:
    """'Prosecutors said X was guilty, news agency AP reported.': a cue verb that ends the
    sentence after ", <speaker>" relays everything before it, an earlier cue included."""
    toks = sentence.toks
    last = len(toks) - 1
    while last > first and not toks[last].is_word:
        last -= 1
    if last <= first + 2 or not _reporting_form(toks[last].low):
        return None
    c = make_candidate(sentence, last)
    found = read(c) if c is not None else None
    if found is None or c is None or c.np is None or c.np[0] < 1 or toks[c.np[0] - 1].text != ",":
        return None
    found.rules = (*found.rules, TRAILING_RELAY)
    return found
