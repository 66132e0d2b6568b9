"""Cue detectors: one module each (signature, colon, verb, phrase); ``find_cue`` runs them in order."""

from __future__ import annotations

from reader.core.attribution.cues.colon import find_colon_cue
from reader.core.attribution.cues.phrase import find_phrase_cue
from reader.core.attribution.cues.signature import find_signature_cue
from reader.core.attribution.cues.verb import find_verb_cue
from reader.core.attribution.result import Found
from reader.core.attribution.tokens import LOWER_WORD_RE, tokens
from reader.core.attribution.words import CANDIDATES, load_lexicon
from reader.core.model import SentenceKind
from reader.core.segment import Unit


def find_cue(text: str, masked: str, unit: Unit) -> Found | None:
    """The attribution cue of one unit, from its text outside quotations."""
    load_lexicon()
    chunk = masked[unit.start : unit.end]
    # Most sentences hold no cue word at all: a cheap look before tokenising.
    signature = find_signature_cue(text, unit)
    if signature is not None:
        return signature
    if text.find(":", unit.start, unit.end) < 0 and CANDIDATES.isdisjoint(LOWER_WORD_RE.findall(chunk.lower())):
        return None
    toks = tokens(masked, unit.start, unit.end)
    if not toks:
        return None
    # a headline, not a first line that leads into what follows ("The chairwoman added:")
    headline = unit.kind is SentenceKind.HEADING and not text[unit.start : unit.end].rstrip().endswith(":")
    found = find_colon_cue(text, unit, toks) or find_verb_cue(toks, heading=headline)
    if found is None or found.source is None:
        # a cue that names its source ("according to …") beats one that does not
        found = find_phrase_cue(masked, toks, unit.start, unit.end) or found
    elif found.how == "verb" and found.work is None and masked.find("ccording", found.cue[1], unit.end) >= 0:
        # "Romania reported 12,000 cases, according to data compiled by the agency": the
        # writer names where the figure comes from
        phrase = find_phrase_cue(masked, toks, unit.start, unit.end)
        if phrase is not None and phrase.cue_text.lower().startswith("according") and phrase.cue[0] > found.cue[0]:
            found = phrase
    return found


def looks_like_heading(text: str, unit: Unit, index: int) -> bool:
    """A first line without final punctuation reads as a headline even if not marked so."""
    if index != 0:
        return False
    body = text[unit.start : unit.end].rstrip()
    return bool(body) and body[-1] not in ".!?\"”’'"
