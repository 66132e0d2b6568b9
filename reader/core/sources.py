"""Which mentions form one source entity: names, aliases, pronouns, descriptions.

Naming and typing an entity is ``source_types.describe_source``'s job; this
module only groups mentions. Named mentions group by their last name-like word
when the capitalised words of one are a subset of the other's ("Gerasimov",
"Valery Gerasimov"); a description ("Russian chief of staff") joins a named
entity one of whose mentions contains it; pronouns and bare descriptions
("he", "the publication") take the most recent compatible entity. At the end,
"their union" / "the authority" fold into the one organisation they are an alias of, and
"the president" into the named entity last written with that title.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from reader.core.lexicon import words
from reader.core.mentions import (
    DETERMINERS,
    DOCUMENTS,
    GRAMMAR,
    HEAD_SYNONYMS,
    HONORIFIC_GENDER,
    MEDIA_WORDS,
    NOUNS,
    ORG_WORDS,
    PERSON_ROLES,
    PLURAL_WORDS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    PRONOUNS,
    RESEARCH_WORKS,
    RESEARCHERS,
    ROLE_TAIL,
    SPOKEN_DOCUMENTS,
    TITLE_MODIFIERS,
    TITLES,
    VOICES,
    WORK_SYNONYMS,
    Entity,
    Mention,
    head_of,
    heads_of,
    is_acronym,
    is_cap,
    mention_names,
    mention_words,
    normalised,
    other_body,
    strip_possessive,
)
from reader.core.rules import Rule

__all__ = [
    "DESCRIPTION_RULES",
    "DETERMINERS",
    "MEDIA_WORDS",
    "ORG_WORDS",
    "PLURAL_WORDS",
    "PRONOUNS",
    "ROLE_TAIL",
    "TITLES",
    "TITLE_MODIFIERS",
    "Entity",
    "EntityTracker",
    "Mention",
    "fold_acronyms",
    "fold_titled_descriptions",
    "initials",
    "mention_names",
]

_PRONOUN_KINDS = {
    "person": [{"person"}],
    "plural": [{"plural"}, {"org", "media"}],
    "thing": [{"org", "media", "thing"}],
}


class _Description(NamedTuple):
    """An unnamed mention, as the description rows read it."""

    norm: str  # without determiners and possessives ("Many", "Some": their own groups)
    words: tuple[str, ...]
    first: str  # its first word, lower-cased ("the", "its", "a")
    # the words before a preposition: "the survey of 1,050 voters" is described as a survey
    described: tuple[str, ...]
    kind: str  # as mention_names reads it
    bare: bool  # "the publication", "the spokesman": a bare description that refers back

    @classmethod
    def of(cls, mention: Mention, kind: str) -> _Description:
        norm = normalised(mention.text) or mention.text.strip().lower()
        words = norm.split()
        all_words = mention_words(mention.text)
        first = all_words[0].lower() if all_words else ""
        described = words[: next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))]
        # "a company statement": the organisation's document speaks for it
        if len(words) == 2 and words[-1] in DOCUMENTS and words[0] in ORG_WORDS and first in {"a", "an", "the"}:
            described, first = words[:1], "the"
        bare = 0 < len(described) <= 2 and first in {"the", "this", "that"}
        return cls(norm, tuple(words), first, tuple(described), kind, bare)


def _voice(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'Its press service confirmed …': the organisation just named speaks through it."""
    if d.first in {"its", "their"} and d.described and d.described[-1] in VOICES:
        return tracker.most_recent({"org", "media"})
    return None


def _same_head(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'the survey' after 'the X poll': the latest entity with that head noun (or a synonym)."""
    if not d.bare:
        return None
    head = d.described[-1]
    return tracker.latest_with_head(head, *HEAD_SYNONYMS.get(head, ()))


def _research_authors(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'the researchers' after 'a study published by X': X's people."""
    return tracker.latest_author() if d.bare and d.described[-1] in RESEARCHERS else None


def _recent_body(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'the ministry', 'the publication': the most recent organisation (or outlet), unless it
    is named as another kind of body ("the union" is not "St. Mary's Hospital")."""
    if not d.bare or d.kind not in {"media", "org"} or len(d.described) != len(d.words):
        return None
    entity = tracker.most_recent({d.kind})
    return entity if entity is not None and not other_body(entity, d.described[-1]) else None


def _spoken_document(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'…, the note said' after 'Analysts at X said in a note': the last speaker's."""
    if d.bare and len(d.words) == 1 and d.described[-1] in SPOKEN_DOCUMENTS and tracker.entities:
        return next(tracker._recent())
    return None


def _same_words(tracker: EntityTracker, d: _Description) -> Entity | None:
    """'officials' after 'officials': the latest unnamed entity with the same words."""
    return tracker.latest_unnamed(d.norm)


# How an unnamed mention finds the entity it refers to, in order; else it starts its own.
DESCRIPTION_RULES: tuple[Rule[Callable[[EntityTracker, _Description], Entity | None]], ...] = (
    Rule("description.voice", _voice),
    Rule("description.same_head", _same_head),
    Rule("description.research_authors", _research_authors),
    Rule("description.recent_body", _recent_body),
    Rule("description.spoken_document", _spoken_document),
    Rule("description.same_words", _same_words),
)


class EntityTracker:
    """Groups mentions into entities as the document is read, in order.

    Lookups go through indexes (entities by key, by mention head, by unnamed key, and in
    order of recency), so adding a mention costs about the same however long the
    document is.
    """

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._clock = 0
        # most recently touched last; values are the entities themselves
        self._recency: dict[int, Entity] = {}
        self._by_key: dict[str, list[Entity]] = {}
        self._by_head: dict[str, list[Entity]] = {}
        self._kind_count: Counter[str] = Counter()
        self._by_name_word: dict[str, list[Entity]] = {}
        self._authors: list[Entity] = []  # entities known as the authors of a study or report
        self._last_work: tuple[int, Entity] | None = None  # when a work was last named, and its author
        # names the article writes after a kind of organisation ("firm Macrovision"): not people
        self.organisation_names: list[frozenset[str]] = []

    def _add_names(self, entity: Entity, names: Iterable[str]) -> None:
        for name in names:
            if name not in entity.names:
                entity.names.add(name)
                self._by_name_word.setdefault(name, []).append(entity)

    def _index_mention(self, entity: Entity, mention: Mention) -> None:
        for head in heads_of(mention.text):
            holders = self._by_head.setdefault(head, [])
            if not holders or holders[-1] is not entity:
                holders.append(entity)

    def _touch(self, entity: Entity, mention: Mention) -> Entity:
        entity.mentions.append(mention)
        self._index_mention(entity, mention)
        self._clock += 1
        entity.last_seen = self._clock
        self._recency.pop(id(entity), None)
        self._recency[id(entity)] = entity
        return entity

    def _recent(self) -> Iterator[Entity]:
        """Entities, most recently mentioned first."""
        return reversed(self._recency.values())

    @staticmethod
    def _latest(candidates: Iterable[Entity]) -> Entity | None:
        return max(candidates, key=lambda e: e.last_seen, default=None)

    def _set_kind(self, entity: Entity, kind: str) -> None:
        self._kind_count[entity.kind] -= 1
        entity.kind = kind
        self._kind_count[kind] += 1

    def add(self, mention: Mention) -> Entity:
        """Attach an explicit noun-phrase mention to its entity, creating one if needed."""
        word = mention.text.strip().lower()
        if word in PRONOUNS and not is_acronym(mention.text.strip()):
            return self.add_pronoun(mention)
        key, names, kind = mention_names(mention.text)
        if key is not None:
            return self._touch(self._named_entity(mention, key, names, kind), mention)
        d = _Description.of(mention, kind)
        for rule in DESCRIPTION_RULES:
            entity = rule.run(self, d)
            if entity is not None:
                return self._touch(entity, mention)
        return self._touch(self._new(d.norm, kind, set()), mention)

    def _named_entity(self, mention: Mention, key: str, names: frozenset[str], kind: str) -> Entity:
        """The entity a named mention joins: one with the same key whose names include or are
        included in these ("Gerasimov", "Valery Gerasimov"), one with this key among its
        names ("Ms. Acosta" after "Melba Acosta Febo"), or a new one."""
        entity = self._latest(e for e in self._by_key.get(key, ()) if names <= e.names or e.names <= names)
        if entity is None:
            entity = self._latest(e for e in self._by_name_word.get(key, ()) if names <= e.names)
        if entity is None:
            if kind == "person" and any(n <= names or names <= n for n in self.organisation_names):
                kind = "org"
            entity = self._new(key, kind, names)
        else:
            self._add_names(entity, names)
        if entity.gender is None:
            first = mention.text.split(None, 1)
            entity.gender = HONORIFIC_GENDER.get(first[0].lower().rstrip(".")) if first else None
        return entity

    def most_recent(self, kinds: set[str]) -> Entity | None:
        """The most recently mentioned entity of one of ``kinds``."""
        if not any(self._kind_count[k] for k in kinds):
            return None
        return next((e for e in self._recent() if e.kind in kinds), None)

    def add_pronoun(self, mention: Mention) -> Entity:
        """Resolve a pronoun to the most recent compatible entity; with none, the pronoun
        stands for a speaker we cannot name (a new entity)."""
        word = mention.text.strip().lower()
        want = PRONOUNS.get(word, "person")
        gender = PRONOUN_GENDER.get(word)
        entity = self._pronoun_antecedent(want, gender)
        if entity is None:
            entity = self._new(word, want, set())
        if gender is not None:
            entity.gender = gender
        return self._touch(entity, mention)

    def _pronoun_antecedent(self, want: str, gender: str | None) -> Entity | None:
        """'they' prefers a plural speaker ("officials"), then an organisation; 'he' never
        means someone already known as 'she'; 'it' after a work means its author ("It
        continued:" after "an affidavit written by X")."""
        for accepted in _PRONOUN_KINDS[want]:
            if any(self._kind_count[k] > 0 for k in accepted):
                entity = next(
                    (
                        e
                        for e in self._recent()
                        if e.kind in accepted and (gender is None or e.gender in (None, gender))
                    ),
                    None,
                )
                if entity is None:
                    break
                if want == "thing" and self._last_work and self._last_work[0] > entity.last_seen:
                    entity = self._last_work[1]
                return entity
        if want == "thing" and self._last_work:
            return self._last_work[1]
        if want == "plural" and self.entities:
            return next(self._recent())
        return None

    def latest_with_head(self, *heads: str) -> Entity | None:
        return self._latest(e for h in heads for e in self._by_head.get(h, ()))

    def latest_author(self) -> Entity | None:
        return self._latest(self._authors)

    def latest_unnamed(self, key: str) -> Entity | None:
        return self._latest(e for e in self._by_key.get(key, ()) if not e.named)

    def has_head(self, head: str) -> bool:
        """True when an entity already has a mention ending in ``head`` ("the company")."""
        head = head.lower()
        if self._by_head.get(head):
            return True
        kind = mention_names("the " + head)[2]
        return kind in {"media", "org"} and self._kind_count[kind] > 0

    def describe(self, entity: Entity, mention: Mention) -> None:
        """Add a descriptive, non-speaking mention ("the city-owned operator") to ``entity``."""
        entity.mentions.append(mention)
        self._index_mention(entity, mention)
        if mention.document:
            self._last_work = (self._clock, entity)
            if head_of(mention.text) in RESEARCH_WORKS:
                self._authors.append(entity)
            return
        kind = mention_names(mention.text)[2]
        # "Riverside Transit, the city-owned operator": an organisation, not a person; but
        # "Marta Lindqvist, an analyst at the institute" stays a person
        if kind in {"org", "media"} and not any(w.lower() in PERSON_ROLES for w in mention_words(mention.text)):
            self._set_kind(entity, kind)

    def _new(self, key: str, kind: str, names: set[str] | frozenset[str]) -> Entity:
        entity = Entity(key, kind, set())
        self._add_names(entity, names)
        self.entities.append(entity)
        self._by_key.setdefault(key, []).append(entity)
        self._kind_count[kind] += 1
        return entity

    def merge_descriptions(self) -> dict[int, Entity]:
        """Fold unnamed entities into a named one whose mention contains their description,
        then unnamed aliases into the organisation or work they name (``_fold_aliases``).

        Returns a map from ``id()`` of every folded entity to the entity it joined.
        """
        folded: dict[int, Entity] = {}
        named = [e for e in self.entities if e.named]
        # Each named entity's normalised mention texts, and which entities hold each word:
        # a description can only fold into an entity holding all of its words.
        padded: list[list[str]] = [[f" {normalised(m.text)} " for m in e.mentions] for e in named]
        holders: dict[str, set[int]] = {}
        for i, texts in enumerate(padded):
            for t in texts:
                for w in t.split():
                    holders.setdefault(w, set()).add(i)
        for entity in [e for e in self.entities if not e.named]:
            target = _containing(entity, named, padded, holders)
            if target is not None:
                # a folded description is contained in the target's texts already, so the
                # indexes of later checks need no update
                _fold_into(target, entity, folded)
        self._fold_aliases(named, folded)
        self.entities = [e for e in self.entities if id(e) not in folded]
        return folded

    def _works_by_head(self, folded: dict[int, Entity]) -> dict[str, list[Entity]]:
        """Entities (named or not: "researchers at a university") by the head of each work
        they speak through ("study")."""
        by_work: dict[str, list[Entity]] = {}
        for entity in self.entities:
            if id(entity) in folded:
                continue
            for head in {head_of(m.text) for m in entity.mentions if m.document}:
                if head:
                    by_work.setdefault(head, []).append(entity)
        return by_work

    def _fold_aliases(self, named: list[Entity], folded: dict[int, Entity]) -> None:
        """Fold an entity known only as "the union" / "its authority" into the one named
        organisation that the description is an alias of ("the Harbour Dock Workers"), and a
        headline's "study" into the author of the one study the body names."""
        by_alias: dict[str, list[Entity]] = {}
        for entity in named:
            for alias in {a for m in entity.mentions for a in _aliases(m.text)}:
                by_alias.setdefault(alias, []).append(entity)
        by_work = self._works_by_head(folded)
        for entity in self.entities:
            if entity.named or id(entity) in folded:
                continue
            found = _alias_targets(entity, by_alias, by_work)
            if found is None:
                continue
            targets, from_work = found
            described = [m for m in entity.mentions if m.text.strip().lower() not in PRONOUNS]
            if from_work and len(targets) == 1:
                for m in described:
                    m.document = True  # it names the work, not its author
            if len(targets) == 1:
                _fold_into(targets[0], entity, folded)


_ORGANISATION_KINDS = words(NOUNS, "organisation_kinds_before_names")
_NAME_STOPS = words("time_words.txt", "calendar") | words("time_words.txt", "time_words") | TITLES
_NAME_AFTER_KIND = re.compile(r"\s+((?:(?:[A-Z][\w&'’-]*|&)[ \t]+){0,3}[A-Z][\w&'’-]*)")


def _names_after_kinds(text: str) -> Iterator[str]:
    """Each name written right after a kind word, in no particular order. A search per kind
    (C loops), then a match at each place: a regex alternation tried at every word of a long
    text costs far more."""
    for kind in _ORGANISATION_KINDS:
        at = text.find(kind)
        while at >= 0:
            end = at + len(kind)
            if at == 0 or not text[at - 1].isalnum():
                match = _NAME_AFTER_KIND.match(text, end)
                if match is not None:
                    yield match.group(1)
            at = text.find(kind, end)


def organisation_names(text: str) -> list[frozenset[str]]:
    """The names written right after a lower-case kind of organisation ("copy protection firm
    Macrovision", "car maker Hyundai"), as ``mention_names`` reads them: organisations, not
    people. A title or a time word after the kind is no name ("company CEO Ana Ruiz")."""
    found: dict[frozenset[str], None] = {}
    for name in _names_after_kinds(text):
        first = name.split()[0].lower().rstrip(".")
        if first in _TITLE_HEADS or first in _NAME_STOPS:
            continue
        _, names, _ = mention_names(name)
        if names:
            found[names] = None
    return list(found)


def _fold_into(target: Entity, entity: Entity, folded: dict[int, Entity]) -> None:
    """Move the mentions of ``entity`` into ``target`` and record the fold."""
    target.mentions.extend(entity.mentions)
    target.mentions.sort(key=lambda m: m.start)
    folded[id(entity)] = target


def _containing(
    entity: Entity, named: list[Entity], padded: list[list[str]], holders: dict[str, set[int]]
) -> Entity | None:
    """The first named entity one of whose mentions contains every description of ``entity``
    (of two words or more: "Russian chief of staff" in "Russian Chief of Staff Valery …")."""
    norms = {normalised(m.text) for m in entity.mentions if m.text.strip().lower() not in PRONOUNS}
    norms.discard("")
    if not norms or any(len(n.split()) < 2 for n in norms):
        return None
    words = {w for n in norms for w in n.split()}
    candidates = set.intersection(*(holders.get(w, set()) for w in words))
    for i in sorted(candidates):
        if all(any(f" {n} " in t for t in padded[i]) for n in norms):
            return named[i]
    return None


def _alias_targets(
    entity: Entity, by_alias: dict[str, list[Entity]], by_work: dict[str, list[Entity]]
) -> tuple[list[Entity], bool] | None:
    """The entities an unnamed ``entity`` may be an alias of, and whether they were found by
    their work; None when its descriptions do not agree or are no alias."""
    described = [m for m in entity.mentions if m.text.strip().lower() not in PRONOUNS]
    heads = {normalised(m.text) for m in described}
    if len(heads) != 1:
        return None
    head = heads.pop()
    if all(mention_words(m.text)[0].lower() in _REFERRING for m in described):
        targets = by_alias.get(head, []) or by_work.get(head, [])
    elif all(m.text.strip() == head for m in described):
        # a bare lower-case noun, as headlines write them ("study finds")
        targets = by_work.get(head, []) or next((by_work[h] for h in WORK_SYNONYMS.get(head, ()) if h in by_work), [])
    else:
        return None
    from_work = bool(targets) and any(targets is t for t in by_work.values())
    return [t for t in targets if t is not entity], from_work


_REFERRING = words(GRAMMAR, "referring")
# Plural trades a labour union is named after: "the Harbour Dock Workers" is "the union".
_UNION_MEMBERS = words(NOUNS, "union_members")


@lru_cache(maxsize=65536)
def _aliases(text: str) -> frozenset[str]:
    """What a named organisation may be called on second reference: its head noun
    ("the authority" for "the Municipal Water Authority"), "union" for a union of workers."""
    words = [w for w in mention_words(text) if w[:1].isupper() or w.lower() in {"of", "for", "and"}]
    if len(words) < 2 or not words[-1][:1].isupper():
        return frozenset()
    last = strip_possessive(words[-1]).lower()
    if last in _UNION_MEMBERS:
        return frozenset({"union"})
    return frozenset({last}) if last in ORG_WORDS else frozenset()


_NOT_TITLES = DETERMINERS | TITLE_MODIFIERS | words(NOUNS, "roles_not_titles")
_ROLE_HEADS = words(NOUNS, "role_heads")
# A person's role written before the name in lower case ("Wales coach Mike Ruddock") serves
# as a title too; plurals ("lawyers") name no one person.
_SINGULAR_ROLE_HEADS = {w for w in _ROLE_HEADS if not (w.endswith("s") and w[:-1] in _ROLE_HEADS)}
_TITLE_HEADS = (TITLES | PERSON_ROLES | _SINGULAR_ROLE_HEADS) - _NOT_TITLES


def _title_holders(entities: list[Entity]) -> dict[str, list[tuple[int, Entity]]]:
    """Where each title is written, capitalised, in a named person's mention ("President Ana
    Ruiz"): title -> (offset of the mention, person)."""
    holders: dict[str, list[tuple[int, Entity]]] = {}
    for entity in entities:
        if entity.named and entity.kind == "person":
            for m in entity.mentions:
                written = mention_words(m.text)
                for word, following in zip(written, [*written[1:], ""], strict=True):
                    low = word.lower().rstrip(".")
                    # capitalised ("President Ana Ruiz"), or lower case right before the name
                    if low in _TITLE_HEADS and (word[:1].isupper() or following[:1].isupper()):
                        holders.setdefault(low, []).append((m.start, entity))
    return holders


def _bare_title(entity: Entity) -> tuple[str, int] | None:
    """(title, offset of its first mention) of an entity known only as "the <title>"."""
    if entity.named:
        return None
    descriptions = [m for m in entity.mentions if m.text.strip().lower() not in PRONOUNS]
    heads = {head_of(m.text) for m in descriptions}
    if len(heads) != 1 or not all(
        mention_words(m.text)[0].lower() == "the" and len(normalised(m.text).split()) == 1 for m in descriptions
    ):
        return None
    head = heads.pop()
    if head not in _TITLE_HEADS:
        return None
    return head, min(m.start for m in descriptions)


def fold_titled_descriptions(entities: list[Entity]) -> dict[int, Entity]:
    """Fold entities named only by "the <title>" ("the president") into the named entity
    most recently written with that title before them ("President Ana Ruiz").

    Meant to run once every occurrence of the names is known (titles written before a
    name anywhere in the text count). Returns a map from ``id()`` of every folded entity
    to the entity it joined, and removes the folded ones from ``entities``.
    """
    holders = _title_holders(entities)
    folded: dict[int, Entity] = {}
    for entity in entities:
        bare = _bare_title(entity)
        if bare is None:
            continue
        head, first = bare
        earlier = [(start, target) for start, target in holders.get(head, ()) if start < first]
        if earlier:
            _fold_into(max(earlier, key=lambda pair: pair[0])[1], entity, folded)
    entities[:] = [e for e in entities if id(e) not in folded]
    return folded


_INITIAL_SKIP = words(GRAMMAR, "initial_skip")


def initials(name: str) -> str:
    """'World Health Organization' -> 'WHO'; '' when a word is not capitalised."""
    words = [w for w in mention_words(name) if w.lower() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(is_cap(w) for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def _acronym(entity: Entity) -> str | None:
    """The acronym an entity is known by alone ("WHO", "the ONS"), or None."""
    texts = {m.text.strip() for m in entity.mentions}
    texts = {t for t in texts if t.lower() not in PRONOUNS or is_acronym(t)}
    # "the ONS", "After the ONS": the acronym with only function words before it
    names = {_without_function_words(t) for t in texts}
    if len(names) != 1:
        return None
    acronym = names.pop()
    return acronym if 2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha() else None


_LEADING_FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | {"after", "before", "since", "until", "as", "and", "but"}


def _without_function_words(text: str) -> str:
    written = mention_words(text)
    while len(written) > 1 and written[0].lower() in _LEADING_FUNCTION_WORDS:
        written = written[1:]
    return " ".join(written)


def fold_acronyms(entities: list[Entity]) -> dict[int, Entity]:
    """Fold an entity known only by an acronym ("WHO") into the one entity whose name has those
    initials ("the World Health Organization"). Returns a map from ``id()`` of every folded
    entity to the entity it joined, and removes the folded ones from ``entities``."""
    acronyms = [(entity, acronym) for entity in entities if (acronym := _acronym(entity))]
    if not acronyms:
        return {}
    by_initials: dict[str, list[Entity]] = {}
    for entity in entities:
        for letters in {initials(_norm_name(t)) for t in {m.text for m in entity.mentions if not m.document}}:
            if letters:
                by_initials.setdefault(letters, []).append(entity)
    folded: dict[int, Entity] = {}
    for entity, acronym in acronyms:
        targets = list({id(t): t for t in by_initials.get(acronym, ()) if t is not entity}.values())
        if len(targets) == 1:
            _fold_into(targets[0], entity, folded)
    entities[:] = [e for e in entities if id(e) not in folded]
    return folded


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:(?:\s+(?:of|for|and|the|&))*\s+[A-Z][\w'’-]*)+")


def _acronym_capitals(text: str) -> str:
    """The capitals an acronym spells ("BRC"; "M&S" -> "MS"; "DrKW" -> "DKW"), or "" when
    ``text`` is no acronym (at most one lower-case letter, inside it, as in "DrKW")."""
    letters = text.replace("&", "")
    capitals = "".join(c for c in letters if c.isupper())
    if not (letters.isascii() and letters.isalpha() and letters[-1:].isupper() and 2 <= len(capitals) <= 6):
        return ""  # (the last letter a capital too: "MPs" is a plural, not an acronym)
    return capitals if len(letters) - len(capitals) <= 1 else ""


def _spelled_out(text: str, capitals: str) -> tuple[int, int] | None:
    """The span of the first run of capitalised words in ``text`` whose initials are
    ``capitals`` ("British Retail Consortium" for "BRC"), or None."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group()))
        for first in range(len(words) - 1):  # "Yesterday British Retail Consortium": drop a lead word
            start = run.start() + words[first].start()
            if initials(text[start : run.end()]) == capitals:
                return start, run.end()
    return None


def spell_out_acronyms(text: str, starts: list[int], entities: list[Entity]) -> None:
    """Give each entity named by an acronym ("the BRC", "the M&S spokesman" has none) the
    spelled-out name the text writes anywhere ("the British Retail Consortium"), as a mention
    that names it: the fullest name the article gives. ``starts`` are the units' start offsets."""
    for entity in entities:
        names = {_norm_name(m.text.strip()) for m in entity.mentions if m.text.strip().lower() not in PRONOUNS}
        capitals = next((c for name in sorted(names) if (c := _acronym_capitals(name))), "")
        if not capitals or any(initials(name) == capitals for name in names):
            continue  # no acronym, or its spelled-out name is already one of the entity's
        span = _spelled_out(text, capitals)
        if span is not None:
            start, end = span
            sentence = bisect.bisect_right(starts, start) - 1
            entity.mentions.append(Mention(start, end, text[start:end], sentence, speaking=False))


def _norm_name(text: str) -> str:
    """A mention without its leading article ("the World Health Organization")."""
    words = text.split()
    return " ".join(words[1:]) if words and words[0].lower() == "the" else text
