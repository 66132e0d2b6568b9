"""Which mentions form one source entity: names, aliases, pronouns, descriptions.

Naming and typing an entity is ``source_types.describe_source``'s job; this
module only groups mentions. Named mentions group by their last name-like word
when the capitalised words of one are a subset of the other's ("Gerasimov",
"Valery Gerasimov"); a description ("Russian chief of staff") joins a named
entity one of whose mentions contains it; pronouns and bare descriptions
("he", "the publication") take the most recent compatible entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TITLES = frozenset(
    """president vice chief director secretary minister prime senator sen sen. rep rep. representative
    gov gov. governor mayor general gen gen. colonel col lt lieutenant admiral commander mr mr. mrs mrs. ms ms.
    dr dr. judge justice speaker leader chairman chairwoman chair ceo spokesman spokeswoman spokesperson
    ambassador attorney commissioner sheriff officer deputy press former acting interim first lady sir
    prince king queen pope rev rev. father sister professor prof prof. candidate nominee host anchor
    correspondent editor founder executive head of the for""".split()
)
DETERMINERS = frozenset(
    "the a an this that these those another one some two three several many most his her their its our "
    "your my each every any both all no".split()
)
MEDIA_WORDS = frozenset(
    """newspaper paper publication magazine outlet network broadcaster channel station website site
    tabloid daily weekly journal times post news tribune herald gazette telegraph guardian reuters
    ap afp bloomberg cnn msnbc fox nbc abc cbs bbc npr pbs politico axios breitbart huffington buzzfeed
    press wire agency tass ria interfax xinhua yonhap kyodo report reports reporter reporters columnist
    editorial poll polls pollster survey study""".split()
)
ORG_WORDS = frozenset(
    """ministry department agency campaign committee company firm party office government administration
    house council court police army military navy force forces commission board bureau service union
    corporation group organization organisation association foundation institute university fbi cia
    pentagon kremlin congress senate parliament embassy state command staff team security
    justice defense defence treasury operator authority utility airline bank insurer carrier regulator
    hospital school district manufacturer maker producer retailer transit railway council""".split()
)
PLURAL_WORDS = frozenset(
    """officials sources people experts analysts observers residents witnesses critics supporters
    aides advisers advisors allies members voters lawmakers democrats republicans investigators
    authorities diplomats scientists researchers economists officers soldiers leaders activists""".split()
)
_PERSON_ROLES = frozenset(
    """analyst economist professor researcher expert spokesman spokeswoman spokesperson secretary
    director chief head member official minister senator governor mayor president chairman chairwoman
    editor reporter correspondent lawyer adviser advisor aide scientist historian strategist fellow
    officer commander general leader founder executive manager worker resident""".split()
)
ROLE_TAIL = MEDIA_WORDS | ORG_WORDS | {"spokesman", "spokeswoman", "spokesperson"}
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "plural",
            "it": "thing", "we": "plural", "i": "person"}
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[\w][\w'’.&-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE_RE.sub("", word)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class Mention:
    """One span of text that refers to an entity."""

    start: int
    end: int
    text: str
    sentence: int
    speaking: bool = True


@dataclass
class Entity:
    """A group of mentions that refer to the same speaker."""

    key: str
    kind: str
    names: set[str]
    mentions: list[Mention] = field(default_factory=list)
    last_seen: int = -1

    @property
    def named(self) -> bool:
        return bool(self.names)


def mention_names(text: str) -> tuple[str | None, set[str], str]:
    """(key, name words, kind) of a mention: key is its last name-like word, or None."""
    words = [_strip_possessive(w) for w in _words(text)]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    lowered = [w.lower() for w in words]
    kind = "thing"
    if any(w in MEDIA_WORDS for w in lowered):
        kind = "media"
    elif lowered and lowered[-1] in PLURAL_WORDS:
        kind = "plural"
    elif any(w in ORG_WORDS for w in lowered):
        kind = "org"
    core = list(words)
    while len(core) > 1 and core[-1].lower() in ROLE_TAIL and not _is_cap(core[-1]):
        core = core[:-1]
    if core and _is_cap(core[-1]) and core[-1].lower() not in PRONOUNS:
        names = {w.lower() for w in core if _is_cap(w) and w.lower() not in TITLES}
        if names:
            run: list[str] = []
            for w in reversed(core):
                if not _is_cap(w) or w.lower() in TITLES:
                    break
                run.append(w.lower())
            if any(w in MEDIA_WORDS for w in run) or core is not words and words[-1].lower() in MEDIA_WORDS:
                kind = "media"
            elif any(w in ORG_WORDS for w in run):
                kind = "org"
            elif run and run[0].endswith("s") and run[0] in PLURAL_WORDS:
                kind = "plural"
            else:
                kind = "person"
            return core[-1].lower(), names, kind
    if kind == "thing" and lowered and _person_noun(lowered[-1]):
        kind = "person"
    return None, set(), kind


_PERSON_NOUNS = frozenset(
    """woman man person source official spokesman spokeswoman spokesperson aide adviser advisor friend
    mother father wife husband daughter son sister brother doctor nurse teacher student voter resident
    witness neighbor neighbour candidate nominee senator governor mayor president minister secretary
    chairman chairwoman director chief head leader member lawmaker congressman congresswoman judge
    lawyer attorney professor expert analyst economist scientist researcher historian strategist pollster
    host anchor moderator reporter correspondent columnist editor writer author activist officer soldier
    commander general colonel sergeant insider veteran supporter critic donor worker employee executive
    founder owner manager""".split()
)


def _person_noun(word: str) -> bool:
    """Could this head noun be a person ("the official", "a teacher")?"""
    return word in _PERSON_NOUNS or word.endswith(("er", "or", "ist", "ian", "man", "woman", "ant", "ent"))


def _norm(text: str) -> str:
    words = [w.lower() for w in _words(text)]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(_strip_possessive(w) for w in words)


class EntityTracker:
    """Groups mentions into entities as the document is read, in order."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._clock = 0

    def _touch(self, entity: Entity, mention: Mention) -> Entity:
        entity.mentions.append(mention)
        self._clock += 1
        entity.last_seen = self._clock
        return entity

    def _recent(self) -> list[Entity]:
        return sorted(self.entities, key=lambda e: -e.last_seen)

    def add(self, mention: Mention) -> Entity:
        """Attach an explicit noun-phrase mention to its entity, creating one if needed."""
        word = mention.text.strip().lower()
        if word in PRONOUNS:
            return self.add_pronoun(mention)
        key, names, kind = mention_names(mention.text)
        if key is not None:
            for entity in self._recent():
                if entity.key == key and (names <= entity.names or entity.names <= names):
                    entity.names |= names
                    return self._touch(entity, mention)
            return self._touch(self._new(key, kind, names), mention)
        norm = _norm(mention.text)
        words = norm.split()
        # A bare description ("the publication", "the spokesman") refers back.
        if len(words) <= 2 and _words(mention.text)[0].lower() in {"the", "this", "that"}:
            head = words[-1] if words else ""
            for entity in self._recent():
                if any(_norm(m.text).split()[-1:] == [head] for m in entity.mentions):
                    return self._touch(entity, mention)
            for entity in self._recent():
                if entity.kind == kind and kind in {"media", "org"}:
                    return self._touch(entity, mention)
        for entity in self._recent():
            if not entity.named and entity.key == norm:
                return self._touch(entity, mention)
        return self._touch(self._new(norm, kind, set()), mention)

    def add_pronoun(self, mention: Mention) -> Entity | None:
        """Resolve a pronoun to the most recent compatible entity (None when there is none)."""
        want = PRONOUNS.get(mention.text.strip().lower(), "person")
        # "they" prefers a plural speaker ("officials"), then an organisation
        preferences = {"person": [{"person"}], "plural": [{"plural"}, {"org", "media"}], "thing": [{"org", "media", "thing"}]}
        recent = self._recent()
        for accepted in preferences[want]:
            for entity in recent:
                if entity.kind in accepted:
                    return self._touch(entity, mention)
        if want == "plural" and self.entities:
            return self._touch(self._recent()[0], mention)
        # Nothing to refer back to: the pronoun stands for a speaker we cannot name.
        return self._touch(self._new(mention.text.strip().lower(), want, set()), mention)

    def has_head(self, head: str) -> bool:
        """True when an entity already has a mention ending in ``head`` ("the company")."""
        head = head.lower()
        if any(_norm(m.text).split()[-1:] == [head] for e in self.entities for m in e.mentions):
            return True
        kind = mention_names("the " + head)[2]
        return kind in {"media", "org"} and any(e.kind == kind for e in self.entities)

    def describe(self, entity: Entity, mention: Mention) -> None:
        """Add a descriptive, non-speaking mention ("the city-owned operator") to ``entity``."""
        entity.mentions.append(mention)
        kind = mention_names(mention.text)[2]
        # "Riverside Transit, the city-owned operator": an organisation, not a person; but
        # "Marta Lindqvist, an analyst at the institute" stays a person
        if kind in {"org", "media"} and not any(w.lower() in _PERSON_ROLES for w in _words(mention.text)):
            entity.kind = kind

    def _new(self, key: str, kind: str, names: set[str]) -> Entity:
        entity = Entity(key, kind, set(names))
        self.entities.append(entity)
        return entity

    def merge_descriptions(self) -> dict[int, Entity]:
        """Fold unnamed entities into a named one whose mention contains their description.

        Returns a map from ``id()`` of every folded entity to the entity it joined.
        """
        folded: dict[int, Entity] = {}
        named = [e for e in self.entities if e.named]
        for entity in [e for e in self.entities if not e.named]:
            norms = {_norm(m.text) for m in entity.mentions if m.text.strip().lower() not in PRONOUNS}
            norms.discard("")
            if not norms or any(len(n.split()) < 2 for n in norms):
                continue
            for target in named:
                target_texts = [_norm(m.text) for m in target.mentions]
                if all(any(f" {n} " in f" {t} " for t in target_texts) for n in norms):
                    target.mentions.extend(entity.mentions)
                    target.mentions.sort(key=lambda m: m.start)
                    folded[id(entity)] = target
                    break
        self.entities = [e for e in self.entities if id(e) not in folded]
        return folded
