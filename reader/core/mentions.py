"""Mentions and what their words say: the word lists of sources, ``Mention`` and ``Entity``,
``mention_names`` (key, name words and kind of a mention) and the normalised heads later
descriptions look up. ``reader.core.sources`` groups mentions into entities with them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.lexicon import sections, words

# Where the word lists are (reader/core/data/; each list is described in its file).
GRAMMAR = "grammar_words.txt"
NOUNS = "source_nouns.txt"
_WORKS = "work_nouns.txt"


def _pairs(section: str) -> dict[str, str]:
    """A 'key value' section of word_pairs.txt as a map."""
    return {key: value for key, value in map(str.split, sections("word_pairs.txt")[section])}


def _synonyms(section: str) -> dict[str, tuple[str, ...]]:
    """A 'word synonym ...' section of word_pairs.txt as a map."""
    return {first: tuple(rest) for first, *rest in map(str.split, sections("word_pairs.txt")[section])}


TITLES = words(NOUNS, "titles")
DETERMINERS = words(GRAMMAR, "determiners")
MEDIA_WORDS = words(NOUNS, "media")
ORG_WORDS = words(NOUNS, "organisations")
PLURAL_WORDS = words(NOUNS, "plural_people")
PERSON_ROLES = words(NOUNS, "person_roles")
TITLE_MODIFIERS = words(NOUNS, "title_modifiers")  # "former", "acting", "of": no title alone
ROLE_TAIL = MEDIA_WORDS | ORG_WORDS | {"spokesman", "spokeswoman", "spokesperson"}
PRONOUN_GENDER = _pairs("pronoun_genders")
# What an organisation speaks through: "its press service", "their spokesman".
VOICES = words(NOUNS, "voices")
_AFFILIATION_PREPOSITIONS = words(GRAMMAR, "affiliation_prepositions")
_AFFILIATED_PEOPLE = words(NOUNS, "affiliated_people")
_PEOPLE_AROUND_A_NAME = words(NOUNS, "people_around_a_name")
_NUMBER_WORDS = words(GRAMMAR, "number_words")
HONORIFIC_GENDER = _pairs("honorific_genders")
PRONOUNS = _pairs("pronoun_kinds")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[\w][\w'’.&-]*")


def mention_words(text: str) -> list[str]:
    return _WORD.findall(text)


def strip_possessive(word: str) -> str:
    return _POSSESSIVE_RE.sub("", word)


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    """'IT', 'WHO': capitals spelling a pronoun, as the name of an organisation."""
    return len(word) > 1 and word.isupper()


@dataclass
class Mention:
    """One span of text that refers to an entity."""

    start: int
    end: int
    text: str
    sentence: int
    speaking: bool = True
    # the entity's work ("a study published by X"), not a name for it: it helps later
    # references ("the study", "the researchers") find X, but never names or types X
    document: bool = False


@dataclass
class Entity:
    """A group of mentions that refer to the same speaker."""

    key: str
    kind: str
    names: set[str]
    mentions: list[Mention] = field(default_factory=list)
    last_seen: int = -1
    gender: str | None = None  # "m" / "f", once a pronoun or an honorific has said so

    @property
    def named(self) -> bool:
        return bool(self.names)


@lru_cache(maxsize=65536)
def mention_names(text: str) -> tuple[str | None, frozenset[str], str]:
    """(key, name words, kind) of a mention: key is its last name-like word, or None."""
    words = [strip_possessive(w) for w in mention_words(text)]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    lowered = [w.lower() for w in words]
    affiliated = _affiliated_kind(words, lowered)
    if affiliated is not None:
        return None, frozenset(), affiliated
    named = _named(words)
    if named is not None:
        return named
    kind = _kind_of_words(lowered)
    if kind == "thing" and lowered and _person_noun(lowered[-1]):
        kind = "person"
    return None, frozenset(), kind


def _kind_of_words(lowered: list[str]) -> str:
    """'media', 'plural', 'org' or 'thing', from the words of an unnamed mention."""
    if any(w in MEDIA_WORDS for w in lowered):
        return "media"
    if lowered and lowered[-1] in PLURAL_WORDS:
        return "plural"
    if any(w in ORG_WORDS for w in lowered):
        return "org"
    return "thing"


def _affiliated_kind(words: list[str], lowered: list[str]) -> str | None:
    """'a source in the Ukrainian military', 'an official at the Harbour Board': a nameless
    person (or people) described by where they work; the name after the preposition is not
    theirs. None for any other mention."""
    at = next((i for i, w in enumerate(lowered) if w in _AFFILIATION_PREPOSITIONS), 0)
    around = next((i for i, w in enumerate(lowered) if w in {"of", "to"}), 0)
    if around and lowered[around - 1] in _PEOPLE_AROUND_A_NAME and (not at or around < at):
        at = around  # "Friends of Mr. Clinton's", "aides to the mayor"
    elif not at or not _works_somewhere(lowered[at - 1]):
        return None
    if not all(w.islower() or (i == 0 and w[1:].islower()) for i, w in enumerate(words[:at])):
        return None
    return "plural" if lowered[at - 1].endswith("s") else "person"


def _named(words: list[str]) -> tuple[str, frozenset[str], str] | None:
    """(key, name words, kind) of a mention that ends in a name ("Mayor Lena Ortiz", "the
    Kommersant newspaper"), or None."""
    core = list(words)
    while len(core) > 1 and core[-1].lower() in ROLE_TAIL and not is_cap(core[-1]):
        core = core[:-1]
    lone_number = len(core) == 1 and core[0].lower() in _NUMBER_WORDS  # "One, who asked not to be named,"
    if not core or not is_cap(core[-1]) or lone_number:
        return None
    if core[-1].lower() in PRONOUNS and not is_acronym(core[-1]):
        return None
    joined = _last_conjunct(core)
    names = {w.lower() for w in core[joined:] if is_cap(w) and w.lower() not in TITLES}
    if not names:
        return None
    kind = _name_kind(core, words)
    if joined and kind == "person":
        kind = "plural"  # "Gerhard Schroeder and Silvio Berlusconi": two people, not one
    return core[-1].lower(), frozenset(names), kind


def _last_conjunct(core: list[str]) -> int:
    """Where the last of two names joined by "and" starts ("Ann Lee and Bo Park" -> 3), else 0:
    the first person's names must not make a later "Mr Lee" this pair."""
    for i in range(len(core) - 2, 0, -1):
        if core[i] == "and" and is_cap(core[i - 1]) and is_cap(core[i + 1]):
            return i + 1
    return 0


def _name_kind(core: list[str], words: list[str]) -> str:
    """The kind of a named mention, from its last run of capitalised words and any role after it."""
    run: list[str] = []
    for w in reversed(core):
        if not is_cap(w) or w.lower() in TITLES:
            break
        run.append(w.lower())
    if any(w in MEDIA_WORDS for w in run) or words[-1].lower() in MEDIA_WORDS:
        return "media"
    if any(w in ORG_WORDS for w in run):
        return "org"
    if run and run[0].endswith("s") and run[0] in PLURAL_WORDS:
        return "plural"
    return "person"


_PERSON_NOUNS = words(NOUNS, "person_nouns")


def other_body(entity: Entity, head: str) -> bool:
    """Whether ``entity`` is named as a different kind of body than ``head`` says."""
    if head not in ORG_WORDS or head in MEDIA_WORDS:
        return False  # any outlet is "the publication" or "the newspaper"
    heads = {h for m in entity.mentions for h in heads_of(m.text)}
    same = {head, *HEAD_SYNONYMS.get(head, ())}
    return not same & heads and any(h in ORG_WORDS and h not in MEDIA_WORDS for h in heads)


def _works_somewhere(word: str) -> bool:
    """Could this head be people described by where they work ("a source in …", "nurses at …")?"""
    return word in _AFFILIATED_PEOPLE or (word.endswith("s") and _person_noun(word[:-1]))


def _person_noun(word: str) -> bool:
    """Could this head noun be a person ("the official", "a teacher")?"""
    return word in _PERSON_NOUNS or word.endswith(("er", "or", "ist", "ian", "man", "woman", "ant", "ent"))


PREPOSITIONS = words(GRAMMAR, "prepositions")
SPOKEN_DOCUMENTS = words(_WORKS, "spoken_documents")
DOCUMENTS = words(_WORKS, "statements")
# Descriptions that name the same kind of thing: "the survey" after "the X poll".
HEAD_SYNONYMS = _synonyms("head_synonyms")
# "The researchers" / "the authors" after "a study published by X" are X's people.
RESEARCHERS = words(NOUNS, "researchers")
WORK_SYNONYMS = _synonyms("work_synonyms")
RESEARCH_WORKS = words(_WORKS, "research_works")


@lru_cache(maxsize=65536)
def normalised(text: str) -> str:
    words = [w.lower() for w in mention_words(text)]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(strip_possessive(w) for w in words)


def head_of(text: str) -> str | None:
    """The last word of a mention's normalised text ("the city's utility" -> "utility")."""
    norm = normalised(text)
    return norm.rsplit(" ", 1)[-1] if norm else None


@lru_cache(maxsize=65536)
def heads_of(text: str) -> tuple[str, ...]:
    """The heads a later description may use for a mention: its last word, and the word before
    a preposition ("a source in the military" is "the source" too)."""
    words = normalised(text).split()
    if not words:
        return ()
    at = next((i for i, w in enumerate(words) if w in PREPOSITIONS), 0)
    if at > 0 and words[at - 1] != words[-1]:
        before = words[at - 1]
        if _works_somewhere(before):
            return (before,)  # "nurses at the hospital" are not "the hospital"
        return (words[-1], before)
    return (words[-1],)
