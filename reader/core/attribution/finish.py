"""From decisions to results: fold entities, name and type each source, write each sentence's reason."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.attribution.article import Article
from reader.core.attribution.names import add_name_mentions
from reader.core.attribution.result import UNATTRIBUTED, Decision, How, SentenceAttribution
from reader.core.model import Label, Source, Span
from reader.core.segment import Unit
from reader.core.source_types import describe_source
from reader.core.sources import Entity, Mention, fold_acronyms, fold_titled_descriptions, spell_out_acronyms
from reader.core.topic import Topic, article_topic


def finish(art: Article) -> tuple[list[SentenceAttribution], list[Source]]:
    """Fold the entities, name and type every speaking one, and write each sentence's result."""
    speaking, sentences_of = _speaking_entities(art)
    add_name_mentions(art.text, art.units, speaking)
    # "The president said", once "President Ana Ruiz" is known anywhere before it
    # and "WHO" is the "World Health Organization" named anywhere in the text
    folds = fold_titled_descriptions(speaking) | fold_acronyms(speaking)
    for folded_id, target in folds.items():
        sentences_of[id(target)].extend(sentences_of.pop(folded_id))
    if folds:
        for dec in art.decisions:
            if dec is not None and dec.entity is not None and id(dec.entity) in folds:
                dec.entity = folds[id(dec.entity)]
    spell_out_acronyms(art.text, [unit.start for unit in art.units], speaking)
    speaking.sort(key=lambda e: min(m.start for m in e.mentions))
    topic = article_topic(art.text)
    sources = [
        _source(art.text, art.units, n, entity, sentences_of[id(entity)], topic) for n, entity in enumerate(speaking, 1)
    ]
    by_entity = {id(entity): source for entity, source in zip(speaking, sources, strict=False)}
    return [UNATTRIBUTED if dec is None else _result(dec, by_entity) for dec in art.decisions], sources


def _speaking_entities(art: Article) -> tuple[list[Entity], dict[int, list[int]]]:
    """The entities that speak, after folding descriptions into names, in order of first
    decision, and the units each one speaks in (by ``id()`` of the entity)."""
    folded = art.tracker.merge_descriptions()

    def final(entity: Entity) -> Entity:
        while id(entity) in folded:
            entity = folded[id(entity)]
        return entity

    speaking: list[Entity] = []
    sentences_of: dict[int, list[int]] = {}
    for u, dec in enumerate(art.decisions):
        if dec is not None and dec.entity is not None:
            entity = final(dec.entity)
            dec.entity = entity
            if id(entity) not in sentences_of:
                speaking.append(entity)
                sentences_of[id(entity)] = []
            sentences_of[id(entity)].append(u)
    return speaking, sentences_of


def _source(text: str, units: Sequence[Unit], n: int, entity: Entity, sentences: list[int], topic: Topic) -> Source:
    """The ``n``-th source: its name, type and role from ``describe_source``."""
    mentions = sorted((m for m in entity.mentions if not m.document), key=lambda m: m.start)
    contexts = [
        text[units[m.sentence].start : units[m.sentence].end] if 0 <= m.sentence < len(units) else "" for m in mentions
    ]
    desc = describe_source([m.text for m in mentions], contexts, topic=topic, person=entity.kind == "person")
    return Source(
        id=f"s{n}",
        name=desc.name,
        type=desc.type,
        role=desc.role,
        mentions=tuple(Span(m.start, m.end) for m in _dedupe(mentions)),
        sentences=tuple(sorted(set(sentences))),
        type_reason=desc.reason,
    )


def _result(dec: Decision, by_entity: dict[int, Source]) -> SentenceAttribution:
    """One sentence's result, with the reason for its label: the cue, how its source was found
    (unless a verb or a transcript said it plainly), the ids of the rules that decided, and the
    source's type with its own reason. (An unattributed sentence shares the frozen UNATTRIBUTED:
    one instance, not thousands of equal ones.)"""
    cue_span = Span(*dec.cue) if dec.cue else None
    rules = f" [{', '.join(dec.rules)}]" if dec.rules else ""
    if dec.entity is None:
        reason = f"cue '{dec.cue_text}'{rules}: reported, no named source"
        return SentenceAttribution(Label.THIRD_PARTY, None, None, cue_span, reason, rules=dec.rules)
    source = by_entity[id(dec.entity)]
    # members compare by identity: an Enum's hash is a Python call
    how = dec.how
    via = "" if how is How.VERB or how is How.TRANSCRIPT else f" ({how.value})"
    reason = f"cue '{dec.cue_text}'{via}{rules}; source '{source.name}' is {source.type.value}: {source.type_reason}"
    span = Span(dec.mention.start, dec.mention.end) if dec.mention else None
    return SentenceAttribution(source.type.label, source.id, span, cue_span, reason, dec.claim_start, dec.rules)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out
