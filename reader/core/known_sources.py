"""Sources the user has typed themselves: the strongest evidence of a source's type.

``analyze(text, known_sources=...)`` takes a plain mapping of names and aliases to type
values (``{"Valery Gerasimov": "expert", "Gerasimov": "expert"}``); where the mapping comes
from (the user's sources file, ``--sources FILE``) is decided outside the core, which never
reads a file for it. After the rules have named and typed every source, a source whose
name, or one of whose mentions, is a key of the mapping takes the mapped type, whatever the
rules said; its sentences take the label of that type, and the reasons say why
(``typed expert: your sources file ('Gerasimov')``). When several keys match one source, the one
latest in the mapping wins (the caller puts what should win last: a later file, a later entry).

Keys match whole names only, compared without case, surrounding punctuation, a leading
"the" or a possessive ("The Ministry's" matches "ministry"): "Gerasimov" never matches
"Gerasimova", and a pronoun mention matches only a key that is that pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from reader.core.model import Sentence, Source, SourceType

REASON = "your sources file"
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_POSSESSIVE = re.compile(r"['’]s?$")


def name_key(name: str) -> str:
    """``name`` as the mapping compares it: casefolded, one space between words, no leading "the",
    no possessive, no punctuation at either end."""
    key = _SPACE.sub(" ", name).strip().casefold()
    key = _POSSESSIVE.sub("", key)
    key = _EDGE.sub("", key)
    return key.removeprefix("the ").strip()


def known_types(known_sources: Mapping[str, str]) -> dict[str, tuple[int, SourceType, str]]:
    """The mapping keyed by ``name_key``: each key's place in the mapping (a later one wins), its type and
    the name as the user wrote it.

    Raises ``ValueError`` naming the entry when a value is no source type.
    """
    types: dict[str, tuple[int, SourceType, str]] = {}
    for order, (name, value) in enumerate(known_sources.items()):
        try:
            kind = SourceType(value)
        except ValueError:
            allowed = ", ".join(t.value for t in SourceType)
            raise ValueError(f"known source {name!r}: type {value!r} is not one of {allowed}") from None
        key = name_key(name)
        if key:
            types.pop(key, None)
            types[key] = (order, kind, name)
    return types


def _match(names: Iterable[str], types: Mapping[str, tuple[int, SourceType, str]]) -> tuple[SourceType, str] | None:
    """The type of the latest entry in the mapping that one of ``names`` matches, with that entry's name."""
    found = [hit for name in names if (hit := types.get(name_key(name))) is not None]
    if not found:
        return None
    _, kind, written = max(found, key=lambda hit: hit[0])
    return kind, written


def apply_known_sources(
    text: str,
    sentences: tuple[Sentence, ...],
    sources: tuple[Source, ...],
    known_sources: Mapping[str, str],
) -> tuple[tuple[Sentence, ...], tuple[Source, ...]]:
    """Retype the sources the mapping names (by their name first, then their mentions in order) and
    relabel their sentences; everything else is returned as it was."""
    types = known_types(known_sources)
    if not types:
        return sentences, sources
    retyped: dict[str, tuple[Source, Source]] = {}  # id -> (as the rules typed it, as the user did)
    out_sources = []
    for source in sources:
        found = _match([source.name, *(text[m.start : m.end] for m in source.mentions)], types)
        if found is None:
            out_sources.append(source)
            continue
        kind, written = found
        new = replace(source, type=kind, type_reason=f"{REASON} ('{written}')")
        retyped[source.id] = (source, new)
        out_sources.append(new)
    if not retyped:
        return sentences, sources
    out_sentences = tuple(
        _relabel(sentence, *retyped[sentence.source_id]) if sentence.source_id in retyped else sentence
        for sentence in sentences
    )
    return out_sentences, tuple(out_sources)


def _relabel(sentence: Sentence, before: Source, after: Source) -> Sentence:
    """The sentence with the label of the source's new type, its reason naming the new type."""
    said = f"; source '{before.name}' is {before.type.value}: {before.type_reason}"
    now = f"; source '{after.name}' is {after.type.value}: {after.type_reason}"
    reason = sentence.reason
    at = reason.find(said)
    reason = reason[:at] + now if at >= 0 else reason + now
    return replace(sentence, label=after.type.label, reason=reason)
