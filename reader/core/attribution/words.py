"""The word lists of the attribution rules, read from ``reader/core/data/`` through
``reader.core.lexicon`` (general English: where each list is, and what it means, is written in
its data file), and the cue lexicon, loaded on first use.

grammar_words.txt, time_words.txt: function words and time words; cue_grammar.txt: how the
communication verbs of cue_verbs.txt behave; source_nouns.txt: who and what speaks;
work_nouns.txt: works, documents and evidence; cue_phrases.txt: idioms; word_pairs.txt: small maps.
"""

from __future__ import annotations

from reader.core.cues import CUE_WORDS, verb_forms, weak_lemmas
from reader.core.lexicon import sections, words
from reader.core.sources import ORG_WORDS, TITLES

_GRAMMAR = "grammar_words.txt"
_TIME = "time_words.txt"
_CUES = "cue_grammar.txt"
_NOUNS = "source_nouns.txt"
_WORKS = "work_nouns.txt"

# Punctuation, not words: kept here.
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "`", "„"})
# a spaced hyphen too: "Gerry Conlon - who was wrongly convicted - said"
CLOSE_TO_OPEN = {")": "(", "]": "[", "—": "—", "–": "–", "--": "--", "-": "-"}
DASHES = frozenset({"—", "–", "--", "-"})
PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ld", "id", "nd")

AUX = words(_GRAMMAR, "auxiliaries")
# Letters after a name and a comma ("Richard Mawrey, QC"), lower-cased.
POST_NOMINALS = frozenset(sections(_GRAMMAR)["post_nominals"])
# "have both said", "they all told": a quantifier floating between the subject and the verb
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})
PASSIVE = words(_GRAMMAR, "passive_auxiliaries")
PASSIVE_ADVERBS = words(_GRAMMAR, "passive_adverbs")
NP_STOP = words(_GRAMMAR, "np_stop")
NP_JOINERS = words(_GRAMMAR, "np_joiners")
SUBORDINATE_OPENERS = words(_GRAMMAR, "subordinate_openers")
SENTENCE_ADVERBS = words(_GRAMMAR, "sentence_adverbs")
ASIDES = words(_GRAMMAR, "asides")
LY_NOT_ADVERBS = words(_GRAMMAR, "ly_not_adverbs")
ROLE_PREPOSITIONS = words(_GRAMMAR, "role_prepositions")
ING_PREPOSITIONS = words(_GRAMMAR, "ing_prepositions")
NEGATIONS = words(_GRAMMAR, "negations")
OPEN_QUESTION = words(_GRAMMAR, "open_questions")
TIME_CONJUNCTIONS = words(_GRAMMAR, "time_conjunctions")
LATER_CLAUSE = words(_GRAMMAR, "later_clause")
QUANTIFIERS = words(_GRAMMAR, "quantifiers")
PLURAL_QUANTITIES = words(_GRAMMAR, "plural_quantities")
NUMBER_WORDS = words(_GRAMMAR, "number_words")
SUBJECT_PRONOUNS = words(_GRAMMAR, "subject_pronouns")
BASE_OK_BEFORE = words(_GRAMMAR, "base_ok_before")
IRREGULAR_PARTICIPLES = words(_GRAMMAR, "irregular_participles")
MAKE_FORMS = words(_GRAMMAR, "make_forms")
PERSONAL_PRONOUNS = words(_GRAMMAR, "personal_pronouns")
NAME_PARTICLES = words(_GRAMMAR, "name_particles")
ACRONYMS = frozenset(w.upper() for w in words(_GRAMMAR, "acronyms"))  # "WHO said"

TIME_WORDS = words(_TIME, "time_words")
CALENDAR_WORDS = words(_TIME, "calendar")
TIME_MODIFIERS = words(_TIME, "time_modifiers")
# What may sit between the participle and "by": "published last month by", "released jointly by".
BEFORE_AUTHOR = words(_TIME, "before_author") | TIME_WORDS | CALENDAR_WORDS

NOUN_LIKE = words(_CUES, "noun_like")
INFINITIVE_SPEECH = words(_CUES, "infinitive_speech")
PASSIVE_SPEECH = words(_CUES, "passive_speech")
INVERSION_LEMMAS = words(_CUES, "inversion")
AUTHORING_LEMMAS = words(_CUES, "authoring")
AMBIGUOUS_PARTICIPLES = words(_CUES, "ambiguous_participles")
ATTRIBUTIVE_AS = words(_CUES, "attributive_as")
WEAK_NAMED_OK = words(_CUES, "weak_named_ok")

ROLE_HEADS = words(_NOUNS, "role_heads")
SUBJECT_NOUNS = words(_NOUNS, "subject_nouns")
NOT_SPEAKERS = words(_NOUNS, "not_speakers")
# (The list this replaces meant to leave out determiners and title modifiers, but Python read
# "TITLES | roles - DETERMINERS - {...}" as "TITLES | (roles - ...)": every title stayed in.)
HEADLINE_ROLES = TITLES | words(_NOUNS, "headline_roles")
OF_HEADS = ORG_WORDS | TITLES | words(_NOUNS, "of_heads")
ROLE_WORDS_BEFORE_NAMES = "|".join(sections(_NOUNS)["role_words_before_names"])  # in file order

EVIDENCE_NOUNS = words(_WORKS, "evidence")
DOCUMENT_NOUNS = words(_WORKS, "documents")
WORK_NOUNS = words(_WORKS, "works")
OWNED_DOCUMENTS = WORK_NOUNS | words(_WORKS, "owned_documents")

IDIOM_PHRASES = sections("cue_phrases.txt")["idioms"]  # "according to" only before a plan: see quoting
TITLES_NOT_FOR = {
    "he": words("word_pairs.txt", "not_he"),
    "she": words("word_pairs.txt", "not_she"),
}

# The cue lexicon, filled in place on first use (other modules hold these very objects).
VERBS: dict[str, str] = {}  # every form of a communication verb -> its lemma
WEAK: set[str] = set()  # lemmas that are usually not speech
CANDIDATES: set[str] = set()  # every word that can carry a cue
VERB_OR_MAKE: set[str] = set()  # the forms that can start a verb cue ("made clear" too)


def load_lexicon() -> None:
    """Read the cue lexicon once."""
    if not VERBS:
        VERBS.update(verb_forms())
        WEAK.update(weak_lemmas())
        CANDIDATES.update(frozenset(VERBS) | CUE_WORDS)
        VERB_OR_MAKE.update(frozenset(VERBS) | MAKE_FORMS)
