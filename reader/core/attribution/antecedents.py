"""Who a pronoun or a bare description means, from the sentence before or the sentence's own subject."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.attribution.phrases import sentence_subject, through_name
from reader.core.attribution.tokens import Token, span_of, tokens
from reader.core.attribution.words import TITLES_NOT_FOR, VERBS
from reader.core.model import SentenceKind
from reader.core.segment import Unit
from reader.core.sources import DETERMINERS, TITLES, Entity, EntityTracker, Mention, mention_names


def touch_previous_subject(
    text: str, masked: str, units: Sequence[Unit], index: int, pronoun: str, tracker: EntityTracker
) -> None:
    """'Marsh has kept her distance. "…," she said.': a name introduced earlier that is the
    subject of the sentence before a pronoun's (in the same paragraph) is who the pronoun
    means, even though that sentence quotes no one: make it the most recent person."""
    previous = units[index - 1]
    if previous.paragraph != units[index].paragraph or previous.kind is not SentenceKind.SENTENCE:
        return
    toks = tokens(masked, previous.start, previous.end)
    subject = sentence_subject(toks)
    if subject is None:
        return
    words = toks[subject[0] : subject[1] + 1]
    run = 0
    while run < len(words) and words[-1 - run].is_word and words[-1 - run].text[:1].isupper():
        run += 1
    role = words[: len(words) - run]
    described = run >= 2 and any(t.text.islower() for t in role) and all(
        t.text.islower() or t is toks[0] for t in role  # the first word may be capitalised to start the sentence
    )
    if described and not any(t.low in TITLES_NOT_FOR[pronoun] for t in words):
        # "Privacy campaigner Max Weber, whose complaints …, welcomed the fine. '…,' he told …":
        # a full name with its role is a person, introduced right there
        start, end = words[0].start, words[-1].end
        tracker.add(Mention(start, end, text[start:end], index - 1, speaking=False))
        return
    if not all(t.is_word and t.text[:1].isupper() and t.low not in DETERMINERS for t in words):
        titled = _last_titled_name(toks, pronoun)
        if titled is not None:  # "… after President Ana Ruiz met the envoys. She said …"
            start, end = toks[titled[0]].start, toks[titled[1]].end
            tracker.add(Mention(start, end, text[start:end], index - 1, speaking=False))
        return
    if any(t.low in TITLES_NOT_FOR[pronoun] for t in words):
        return
    after = toks[subject[1] + 1] if subject[1] + 1 < len(toks) else None
    if after is None or not (after.text in {",", "("} or after.text[:1].islower()):
        return  # a subject goes on with an aside or its verb: "Marsh, who …", "Marsh has …"
    last = words[-1].text
    if text.find(last, 0, previous.start) < 0:
        return  # not a name the article has introduced
    start, end = words[0].start, words[-1].end
    tracker.add(Mention(start, end, text[start:end], index - 1, speaking=False))


def _last_titled_name(toks: list[Token], pronoun: str) -> tuple[int, int] | None:
    """The last 'President Volodymyr Zelensky' of a sentence: a capitalised title, then at
    least two capitalised words; token indices, or None."""
    found = None
    k = 0
    while k < len(toks):
        if toks[k].text[:1].isupper() and toks[k].low in TITLES and toks[k].low not in TITLES_NOT_FOR[pronoun]:
            j = k + 1
            while j < len(toks) and toks[j].text[:1].isupper() and toks[j].is_word:
                j += 1
            names = [t for t in toks[k + 1 : j] if t.low not in TITLES]
            if len(names) >= 2:
                found = (k, j - 1)
            k = j
        else:
            k += 1
    return found


# lower case: "the Securities Commission" is a name, not a description of the subject
_BARE_DESCRIPTION_RE = re.compile(r"[Tt]he\s+(?:[a-z-]+\s+)?([a-z]+)$")


def named_subject_for_description(
    text: str, masked: str, unit: Unit, mention: Mention, tracker: EntityTracker, previous: Unit | None = None
) -> Entity | None:
    """'Voltera Energy will build a plant, the company said': "the company" is the named
    subject of its own sentence when nothing earlier fits the description; or of the sentence
    before, when that one quotes no one ("The Data Commission fined X. The regulator said …")."""
    m = _BARE_DESCRIPTION_RE.fullmatch(mention.text.strip())
    if m is None or tracker.has_head(m.group(1)):
        return None
    entity = _named_subject_of(text, masked, unit, mention, tracker, before=mention.start)
    if entity is None and previous is not None and previous.kind is SentenceKind.SENTENCE \
            and mention_names("the " + m.group(1))[2] in {"org", "media"}:
        entity = _named_subject_of(text, masked, previous, mention, tracker, before=previous.end,
                                   kinds={"org", "media"})
    return entity


def _named_subject_of(
    text: str, masked: str, unit: Unit, mention: Mention, tracker: EntityTracker, *, before: int,
    kinds: set[str] | None = None,
) -> Entity | None:
    """The named subject of ``unit`` (ending before offset ``before``), described by ``mention``."""
    toks = tokens(masked, unit.start, unit.end)
    subject = sentence_subject(toks)
    if subject is not None:
        subject = (subject[0], through_name(toks, subject[1]))
    capitalised = [t for t in toks[subject[0] : subject[1] + 1] if t.text[:1].isupper()] if subject else []
    if (
        subject is None
        or toks[subject[1]].end > before
        or not toks[subject[1]].text[:1].isupper()
        or len(capitalised) < 2 and subject[0] == 0  # a capital only because it starts the sentence
        or toks[subject[0]].low in VERBS
        or toks[subject[0]].low in {"according", "citing"}
    ):
        return None
    start, end = span_of(toks, subject)
    if kinds is not None and mention_names(text[start:end])[2] not in kinds:
        return None  # "The regulator said" after a sentence whose subject is a person
    entity = tracker.add(Mention(start, end, text[start:end], mention.sentence, speaking=False))
    if entity is not None:
        tracker.describe(entity, mention)
    return entity
