"""``attribute``: the passes of attribution, in order."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.attribution.antecedents import (
    named_subject_for_description,
    touch_previous_subject,
)
from reader.core.attribution.cues import find_cue, looks_like_heading
from reader.core.attribution.finish import finish
from reader.core.attribution.propagation import (
    assign_quotes,
    continue_colons,
    headline_role_to_lead_speaker,
)
from reader.core.attribution.quoting import QuoteIndex, blank_idioms
from reader.core.attribution.result import Decision, SentenceAttribution
from reader.core.attribution.tokens import ALNUM_RE
from reader.core.attribution.words import PERSONAL_PRONOUNS, load_lexicon
from reader.core.cues import REPORTEDLY_RE
from reader.core.model import SentenceKind, Source
from reader.core.quotes import find_quotes
from reader.core.segment import Unit
from reader.core.sources import EntityTracker, Mention


def attribute(text: str, units: Sequence[Unit]) -> tuple[list[SentenceAttribution], list[Source]]:
    """Decide, for every unit, its label, source and cue; return the sources found."""
    load_lexicon()
    groups = find_quotes(text)
    quote_index = QuoteIndex(text, groups)
    masked = blank_idioms(quote_index.masked())
    tracker = EntityTracker()
    decisions: list[Decision | None] = [None] * len(units)
    quoted: list[bool] = []
    long_quote: list[bool] = []

    touched = quote_index.touched(units)
    for index, unit in enumerate(units):
        share, words_inside = quote_index.share(unit.start, unit.end) if index in touched else (0.0, 0)
        quoted.append(share >= 0.5 and words_inside >= 1)
        long_quote.append(words_inside >= 4)
        if unit.kind is SentenceKind.CAPTION:
            continue
        if unit.kind is not SentenceKind.HEADING and looks_like_heading(text, unit, index):
            unit = Unit(unit.start, unit.end, SentenceKind.HEADING, unit.paragraph)
        found = find_cue(text, masked, unit) if ALNUM_RE.search(text, unit.start, unit.end) else None
        if found is None:
            if REPORTEDLY_RE.search(masked, unit.start, unit.end):
                m = REPORTEDLY_RE.search(masked, unit.start, unit.end)
                assert m is not None
                decisions[index] = Decision(None, None, (m.start(), m.end()), m.group(), "hedge", True)
            continue
        if found.source is None:
            decisions[index] = Decision(None, None, found.cue, found.cue_text, found.how, True)
            continue
        source_text = text[found.source[0] : found.source[1]]
        mention = Mention(found.source[0], found.source[1], source_text, index) if found.source else None
        if source_text.lower() in PERSONAL_PRONOUNS and index and decisions[index - 1] is None:
            touch_previous_subject(text, masked, units, index, source_text.lower(), tracker)
        previous = units[index - 1] if index and decisions[index - 1] is None else None
        entity = named_subject_for_description(text, masked, unit, mention, tracker, previous) if mention else None
        if entity is None and mention is not None:
            entity = tracker.add(mention)
        if entity is None:
            continue
        if found.described_as is not None:
            d_start, d_end = found.described_as
            tracker.describe(entity, Mention(d_start, d_end, text[d_start:d_end], index, speaking=False))
        if found.work is not None:
            w_start, w_end = found.work
            tracker.describe(entity, Mention(w_start, w_end, text[w_start:w_end], index, speaking=False, document=True))
        decisions[index] = Decision(entity, mention, found.cue, found.cue_text, found.how, claim_start=found.claim_start)

    assign_quotes(units, groups, decisions, quoted, long_quote, tracker)
    continue_colons(text, units, decisions)
    headline_role_to_lead_speaker(units, decisions, tracker)
    for u, unit in enumerate(units):
        if decisions[u] is not None and not ALNUM_RE.search(text, unit.start, unit.end):
            decisions[u] = None  # a stray quote mark or dash on its own says nothing
    return finish(text, units, decisions, tracker)
