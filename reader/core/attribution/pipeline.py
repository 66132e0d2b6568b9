"""``attribute``: the passes of attribution, in order.

1. quotations: find them (``reader.core.quotes``), blank them and idioms out of the text
   (``quoting``), and index the tokens of what is left (``tokens.TokenTable``);
2. cues: per unit, the cue detectors of ``cues.DETECTORS`` and the source they point to;
3. mentions: each source phrase joins an entity (``reader.core.sources``), after a pronoun's
   or a bare description's antecedent is found (``antecedents``);
4. propagation: the passes of ``propagation.PASSES`` hand speakers on;
5. finish: entities fold, sources are named and typed, each sentence gets its result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.attribution.antecedents import (
    named_subject_for_description,
    touch_previous_subject,
)
from reader.core.attribution.article import Article
from reader.core.attribution.cues import candidate_word, find_cue
from reader.core.attribution.finish import finish
from reader.core.attribution.propagation import PASSES
from reader.core.attribution.quoting import QuoteIndex, blank_idioms
from reader.core.attribution.result import Decision, Found, How, SentenceAttribution
from reader.core.attribution.tokens import ALNUM_RE, TokenTable
from reader.core.attribution.words import PERSONAL_PRONOUNS, load_lexicon
from reader.core.cues import REPORTEDLY_RE
from reader.core.model import SentenceKind, Source
from reader.core.quotes import find_quotes
from reader.core.segment import Unit
from reader.core.sources import Mention, organisation_names

_CONTRACTED_PRONOUN = re.compile(r"(?i)(i|we|you|they|he|she|it)['’](?:m|re|ve|ll|d|s)")
HEDGE = "hedge.reportedly"  # "reportedly", "allegedly": reported, by no one named


def attribute(text: str, units: Sequence[Unit]) -> tuple[list[SentenceAttribution], list[Source]]:
    """Decide, for every unit, its label, source and cue; return the sources found."""
    load_lexicon()
    groups = find_quotes(text)
    quote_index = QuoteIndex(text, groups)
    masked = blank_idioms(quote_index.masked())
    art = Article(text, units, masked, TokenTable(masked, units), groups, cue_word=candidate_word())
    art.decisions = [None] * len(units)
    art.tracker.organisation_names = organisation_names(text)
    touched = quote_index.touched(units)
    for index, unit in enumerate(units):
        share, words_inside = quote_index.share(unit.start, unit.end) if index in touched else (0.0, 0)
        art.quoted.append(share >= 0.5 and words_inside >= 1)
        art.long_quote.append(words_inside >= 4)
        if unit.kind is not SentenceKind.CAPTION:
            art.decisions[index] = _decide(art, index, unit)
        art.tokens.forget(index - 1)  # read by this unit's antecedents at the latest
    for rule in PASSES:
        rule.run(art)
    return finish(art)


def _decide(art: Article, index: int, unit: Unit) -> Decision | None:
    """The decision of one unit from its own cue, or None."""
    text = art.text
    found = find_cue(art, index, unit) if ALNUM_RE.search(text, unit.start, unit.end) else None
    if found is None:
        m = REPORTEDLY_RE.search(art.masked, unit.start, unit.end)
        return Decision(None, None, m.span(), m.group(), How.HEDGE, True, rules=(HEDGE,)) if m else None
    if found.source is None:
        return Decision(None, None, found.cue, found.cue_text, found.how, True, rules=found.rules)
    return _speaker(art, index, found)


def _speaker(art: Article, index: int, found: Found) -> Decision | None:
    """The entity that the source phrase of ``found`` names, as the unit's decision."""
    assert found.source is not None
    text, tracker, rules = art.text, art.tracker, found.rules
    start, end = found.source
    contraction = _CONTRACTED_PRONOUN.fullmatch(text, start, end)
    if contraction is not None:
        end = contraction.end(1)  # "I'm", "we've": the pronoun without its verb
    source_text = text[start:end]
    mention = Mention(start, end, source_text, index)
    if source_text.lower() in PERSONAL_PRONOUNS and index and art.decisions[index - 1] is None:
        antecedent = touch_previous_subject(art, index, source_text.lower())
        rules = (*rules, antecedent) if antecedent else rules
    described = named_subject_for_description(art, index, mention)
    if described is not None:
        entity, rule = described
        rules = (*rules, rule)
    else:
        entity = tracker.add(mention)
    if entity is None:
        return None
    if found.described_as is not None:
        d_start, d_end = found.described_as
        tracker.describe(entity, Mention(d_start, d_end, text[d_start:d_end], index, speaking=False))
    if found.work is not None:
        w_start, w_end = found.work
        tracker.describe(
            entity,
            Mention(w_start, w_end, text[w_start:w_end], index, speaking=False, document=True),
        )
    return Decision(
        entity,
        mention,
        found.cue,
        found.cue_text,
        found.how,
        claim_start=found.claim_start,
        rules=rules,
    )
