"""``analyze(text) -> Document``: the one entry point of the analysis core.

The passes, in order:

1. ``segment``: units (sentences, headings, captions) with exact offsets; it alone decides a unit's kind;
2. ``attribute`` (``reader.core.attribution.pipeline``): quotations, the token table, cues,
   mentions, propagation, then sources named and typed (``source_types``);
3. ``extract_quantities`` (``numbers``, ``dates``): numbers take their sentence's source;
4. ``apply_known_sources`` (``known_sources``): the sources the caller's mapping names take its type;
5. the Document.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

from reader.core.attribution import SentenceAttribution, attribute
from reader.core.known_sources import apply_known_sources
from reader.core.model import Document, NumericClaim, Sentence, SentenceKind
from reader.core.numbers import extract_quantities
from reader.core.segment import segment


def analyze(
    text: str,
    *,
    title: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    known_sources: Mapping[str, str] | None = None,
) -> Document:
    """Split ``text`` into sentences, attribute each one, and find its sources and numbers.

    ``title`` defaults to the first line when the segmenter reads it as a headline.
    ``known_sources`` maps source names and aliases to type values (``"expert"``): a source it
    names takes that type before anything the rules say (``reader.core.known_sources``).
    """
    with _cyclic_gc_paused():
        doc = _analyze(text, title=title, byline=byline, published=published)
    if known_sources:
        sentences, sources = apply_known_sources(text, doc.sentences, doc.sources, known_sources)
        doc = replace(doc, sentences=sentences, sources=sources)
    return doc


def _outside_claims_unsourced(
    numbers: list[NumericClaim], attributions: Sequence[SentenceAttribution]
) -> list[NumericClaim]:
    """A number before the attributed clause of its sentence is the writer's, not the source's."""
    return [
        replace(n, source_id=None)
        if (start := attributions[n.sentence].claim_start) is not None and n.start < start
        else n
        for n in numbers
    ]


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while analysing.

    The analysis allocates hundreds of thousands of short-lived, acyclic objects
    (tokens, matches, mentions); reference counting frees them, and the collector's
    repeated passes over the growing heap found nothing but cost about a tenth of the
    time on a 1 MB article. It is switched back on (if it was on) however we leave.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze(text: str, *, title: str | None, byline: str | None, published: str | None) -> Document:
    units = segment(text)
    attributions, sources = attribute(text, units)
    sentences = tuple(
        Sentence(
            index=i,
            start=unit.start,
            end=unit.end,
            text=text[unit.start : unit.end],
            kind=unit.kind,
            paragraph=unit.paragraph,
            label=att.label,
            source_id=att.source_id,
            source_span=att.source_span,
            cue_span=att.cue_span,
            reason=att.reason,
        )
        for i, (unit, att) in enumerate(zip(units, attributions, strict=False))
    )
    numbers, dates = extract_quantities(text, units, [att.source_id for att in attributions])
    numbers = _outside_claims_unsourced(numbers, attributions)
    if title is None and sentences and sentences[0].kind is SentenceKind.HEADING:
        title = sentences[0].text
    return Document(
        text=text,
        title=title,
        sentences=sentences,
        sources=tuple(sources),
        numbers=tuple(numbers),
        dates=tuple(dates),
        byline=byline,
        published=published,
    )
