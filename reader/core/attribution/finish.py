"""From decisions to results: fold entities, name and type each source, write each sentence's reason."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.attribution.names import add_name_mentions
from reader.core.attribution.result import UNATTRIBUTED, Decision, SentenceAttribution
from reader.core.model import Label, Source, Span
from reader.core.segment import Unit
from reader.core.source_types import describe_source
from reader.core.sources import (
    Entity,
    EntityTracker,
    Mention,
    fold_acronyms,
    fold_titled_descriptions,
)


def finish(
    text: str, units: Sequence[Unit], decisions: list[Decision | None], tracker: EntityTracker
) -> tuple[list[SentenceAttribution], list[Source]]:
    folded = tracker.merge_descriptions()

    def final(entity: Entity) -> Entity:
        while id(entity) in folded:
            entity = folded[id(entity)]
        return entity

    speaking: list[Entity] = []
    sentences_of: dict[int, list[int]] = {}
    for u, dec in enumerate(decisions):
        if dec is not None and dec.entity is not None:
            entity = final(dec.entity)
            dec.entity = entity
            if id(entity) not in sentences_of:
                speaking.append(entity)
                sentences_of[id(entity)] = []
            sentences_of[id(entity)].append(u)
    add_name_mentions(text, units, speaking)
    # "The president said", once "President Ana Ruiz" is known anywhere before it
    # and "WHO" is the "World Health Organization" named anywhere in the text
    folds = fold_titled_descriptions(speaking) | fold_acronyms(speaking)
    for folded_id, target in folds.items():
        sentences_of[id(target)].extend(sentences_of.pop(folded_id))
    if folds:
        for dec in decisions:
            if dec is not None and dec.entity is not None and id(dec.entity) in folds:
                dec.entity = folds[id(dec.entity)]
    speaking.sort(key=lambda e: min(m.start for m in e.mentions))
    sources: list[Source] = []
    described: dict[int, tuple[Source, str]] = {}
    for n, entity in enumerate(speaking, 1):
        mentions = sorted((m for m in entity.mentions if not m.document), key=lambda m: m.start)
        contexts = [text[units[m.sentence].start : units[m.sentence].end] if 0 <= m.sentence < len(units) else "" for m in mentions]
        desc = describe_source([m.text for m in mentions], contexts)
        source = Source(
            id=f"s{n}",
            name=desc.name,
            type=desc.type,
            role=desc.role,
            mentions=tuple(Span(m.start, m.end) for m in _dedupe(mentions)),
            sentences=tuple(sorted(set(sentences_of[id(entity)]))),
            type_reason=desc.reason,
        )
        sources.append(source)
        described[id(entity)] = (source, desc.reason)
    out: list[SentenceAttribution] = []
    for dec in decisions:
        if dec is None:
            out.append(UNATTRIBUTED)  # frozen: one shared instance, not thousands of equal ones
            continue
        cue_span = Span(*dec.cue) if dec.cue else None
        if dec.entity is None:
            out.append(
                SentenceAttribution(
                    Label.THIRD_PARTY, None, None, cue_span, f"cue '{dec.cue_text}': reported, no named source"
                )
            )
            continue
        source, type_reason = described[id(dec.entity)]
        via = "" if dec.how in {"verb", "transcript"} else f" ({dec.how})"
        reason = f"cue '{dec.cue_text}'{via}; source '{source.name}' is {source.type.value}: {type_reason}"
        span = Span(dec.mention.start, dec.mention.end) if dec.mention else None
        out.append(SentenceAttribution(source.type.label, source.id, span, cue_span, reason, dec.claim_start))
    return out, sources


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out
