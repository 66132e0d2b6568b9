"""Every rule table of attribution in one place, and the ids a decision can record.

``TABLES`` names each ordered table (the row ids are unique across all of them);
``DECISION_IDS`` is every id that can appear in ``SentenceAttribution.rules``: the rows that
find a cue and its source, the details they record, the antecedent rows and the passes that
hand a speaker on. Vetoes decide nothing that is kept, so they never appear there.
"""

from __future__ import annotations

from reader.core.attribution import antecedents, propagation
from reader.core.attribution.cues import (
    ACCORDING_OVER_VERB,
    DETECTORS,
    colon,
    phrase,
    reading,
    signature,
    verb_sources,
    verb_vetoes,
)
from reader.core.attribution.phrases import BACK_LINKS
from reader.core.attribution.pipeline import HEDGE
from reader.core.rules import Rule
from reader.core.sources import DESCRIPTION_RULES

TABLES: dict[str, tuple[Rule, ...]] = {
    "cue detectors": DETECTORS,
    "colon cues": colon.COLONS,
    "phrase cues": phrase.PHRASES,
    "verb vetoes": verb_vetoes.VETOES,
    "verb agents": verb_sources.AGENTS,
    "verb subjects": verb_sources.SUBJECTS,
    "verb late vetoes": verb_vetoes.LATE_VETOES,
    "verb clauses": verb_sources.CLAUSES,
    "verb final vetoes": verb_vetoes.FINAL_VETOES,
    "verb details": verb_sources.DETAILS,
    "verb readings": reading.READINGS,
    "noun phrase links": tuple(Rule(rule_id, run) for rule_id, run in BACK_LINKS),
    "pronoun antecedents": antecedents.PREVIOUS_SUBJECT,
    "described subjects": antecedents.DESCRIBED_SUBJECT,
    "quote speakers": propagation.QUOTE_SPEAKER,
    "passes": propagation.PASSES,
    "descriptions (sources)": DESCRIPTION_RULES,
}

# ids a row records besides its own, or that no table row carries
DETAIL_IDS: tuple[str, ...] = (
    signature.SIGNATURE,
    HEDGE,
    ACCORDING_OVER_VERB,
    *phrase.PHRASE_DETAILS,
    verb_sources.PASSIVE_UNNAMED,
    *verb_sources.CLAUSE_DETAILS,
    verb_sources.DOCUMENT_OWNER,
    verb_sources.OWN_WORK,
    propagation.QUOTE_TURN,
    propagation.QUOTE_PREVIOUS_SPEAKER,
    propagation.COLON_CONTINUES,
    propagation.COLON_TRANSCRIPT_TURN,
    propagation.HEADLINE_LEAD_SPEAKER,
)

_DECIDING_TABLES = (
    "colon cues",
    "phrase cues",
    "verb agents",
    "verb subjects",
    "verb clauses",
    "verb details",
    "pronoun antecedents",
    "described subjects",
    "quote speakers",
)
DECISION_IDS: frozenset[str] = frozenset(
    [rule.id for name in _DECIDING_TABLES for rule in TABLES[name]] + list(DETAIL_IDS)
)
