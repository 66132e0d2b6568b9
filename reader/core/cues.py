"""The attribution cue lexicon: communication verbs with their inflections, noun cues.

The lexicon lives in ``data/cue_*.txt`` (general English, no names). Everything
is compiled once, on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.lexicon import sections

_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """The regular forms of a verb: lemma, 3rd person, past, -ing."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _lines(name: str) -> list[list[str]]:
    return [line.split() for line in sections(name)["main"]]


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Map every inflected form of a communication verb to its lemma."""
    out: dict[str, str] = {}
    for words in _lines("cue_verbs.txt"):
        lemma = words[0]
        forms = set(words) if len(words) > 1 else inflections(lemma)
        for form in forms:
            out.setdefault(form, lemma)
    return out


@lru_cache(maxsize=1)
def weak_lemmas() -> frozenset[str]:
    """Lemmas that are usually not speech (see ``data/cue_weak.txt``)."""
    return frozenset(words[0] for words in _lines("cue_weak.txt"))


_PHRASES = sections("cue_phrases.txt")  # each list is described in the file

# Nouns that name an act of speech: "in a statement", "his remarks".
SPEECH_NOUNS = "|".join(_PHRASES["speech_nouns"])

NOUN_CUE_RE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Aa]t|[Oo]n|[Vv]ia|[Tt]hrough)\s+(?:a|an|the|his|her|their|its|one|[A-Z][\w.&-]*(?:'s|’s))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:" + SPEECH_NOUNS + r")\b(?!\s+(?:of|paper|papers|room)\b)",
)
ACCORDING_RE = re.compile(r"\b(?:" + "|".join(_PHRASES["according"]) + r")\b", re.IGNORECASE)
REPORTEDLY_RE = re.compile(r"\b(?:" + "|".join(_PHRASES["hedges"]) + r")\b", re.IGNORECASE)
# "complaints were made", "concerns have been raised": a report with no accuser
GENERIC_REPORT_RE = re.compile(
    r"\b(?:"
    + "|".join(_PHRASES["generic_report_nouns"])
    + r")\s+(?:(?:have|has|had|were|was|are|is|been|being)\s+){1,2}"
    r"(?:[a-z]+ly\s+)?(" + "|".join(_PHRASES["generic_report_participles"]) + r")\b",
    re.IGNORECASE,
)

# "has faced questions about", "is drawing sharp criticism": criticism met, its critics unnamed
FACED_CRITICISM_RE = re.compile(
    r"\b(?:(?:" + "|".join(_PHRASES["faced_verbs"]) + r")\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:" + "|".join(_PHRASES["faced_nouns"]) + r")"
    r"|(?:come|comes|came|coming)\s+under\s+(?:(?:heavy|intense|sharp|renewed|fresh|withering)\s+)?fire)\b",
    re.IGNORECASE,
)

# "Gerasimov's statement", "the ministry's remarks": the possessor is the source.
POSSESSIVE_CUE_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[\w-]+)(?:'s|’s|s'|s’)\s+(?:[a-z-]+\s+)?"
    r"(" + "|".join(_PHRASES["possessive_nouns"]) + r")\b"
)

# Every word that can start or carry a non-verb cue, for a quick "any cue here?" test: the
# words of the speech nouns ("press release": "press", "release"), the possessive nouns, and
# the phrases' own words.
CUE_WORDS = frozenset(
    word
    for section in ("speech_nouns", "possessive_nouns", "cue_words", "generic_report_nouns")
    for entry in _PHRASES[section]
    for word in re.findall(r"[a-z]+", entry)
)
