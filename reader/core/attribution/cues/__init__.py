"""Cue detectors, one module each, run by ``find_cue`` in this order:

1. ``signature``: a dash and a name after a quotation (needs no tokens);
2. ``DETECTORS``: ``colon`` (transcripts, headline colons), then ``verb``; the first that finds a cue;
3. ``phrase`` ("according to", a possessive, a speech noun): when nothing above named a source,
   or when "according to" comes after a verb cue that names no work ("Romania reported 12,000
   cases, according to data compiled by the agency": the writer says where the figure comes from).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reader.core.attribution.article import Article
from reader.core.attribution.cues.colon import find_colon_cue
from reader.core.attribution.cues.phrase import find_phrase_cue
from reader.core.attribution.cues.sentence import CueSentence
from reader.core.attribution.cues.signature import find_signature_cue
from reader.core.attribution.cues.verb import find_verb_cue
from reader.core.attribution.result import Found, How, Rule
from reader.core.attribution.words import CANDIDATES, load_lexicon
from reader.core.lexicon import trie_pattern
from reader.core.model import SentenceKind
from reader.core.segment import Unit

ACCORDING_OVER_VERB = "cue.according_over_verb"


DETECTORS: tuple[Rule[Callable[[CueSentence], Found | None]], ...] = (
    Rule("cue.colon", find_colon_cue),
    Rule("cue.verb", find_verb_cue),
)
_DETECT = tuple(rule.run for rule in DETECTORS)


@lru_cache(maxsize=1)
def candidate_word() -> re.Pattern[str]:
    """Any cue word as a whole run of letters: "said", not "saidx" or "xsaid"."""
    load_lexicon()
    entries = (w for w in CANDIDATES if w.isalpha() and w.islower() and w.isascii())
    return re.compile(r"(?<![a-z])(?:" + trie_pattern(entries) + r")(?![a-z])")


def find_cue(art: Article, index: int, unit: Unit) -> Found | None:
    """The attribution cue of unit ``index`` (read as ``unit``), from its text outside
    quotations. ``art.cue_word`` is ``candidate_word()``, read once per article."""
    text, masked = art.text, art.masked
    signature = find_signature_cue(text, unit)
    if signature is not None:
        return signature
    # Most sentences hold no cue word at all: a cheap look before tokenising.
    if text.find(":", unit.start, unit.end) < 0 and art.cue_word.search(masked[unit.start : unit.end].lower()) is None:
        return None
    toks = art.tokens[index]
    if not toks:
        return None
    headline = unit.kind is SentenceKind.HEADING and not text[unit.start : unit.end].rstrip().endswith(":")
    s = CueSentence(text, masked, unit, toks, headline)
    found = None
    for detect in _DETECT:
        found = detect(s)
        if found is not None:
            break
    if found is None or found.source is None:
        # a cue that names its source ("according to …") beats one that does not
        return find_phrase_cue(s) or found
    if found.how is not How.VERB or found.work is not None or masked.find("ccording", found.cue[1], unit.end) < 0:
        return found
    return _according_over_verb(s, found) or found


def _according_over_verb(s: CueSentence, found: Found) -> Found | None:
    """'Romania reported 12,000 cases, according to data compiled by the agency': the writer
    names where the figure comes from, after a verb cue that names no work (find_cue has
    checked that, and that "according" follows the verb)."""
    phrase = find_phrase_cue(s)
    if phrase is None or not phrase.cue_text.lower().startswith("according") or phrase.cue[0] <= found.cue[0]:
        return None
    phrase.rules = (*phrase.rules, ACCORDING_OVER_VERB)
    return phrase
