"""Works and their authors: "a study published by X", "documents seen by the paper", "Mendes's statement"."""

from __future__ import annotations

from reader.core.attribution.phrases import np_backward, np_forward, skip_time_words
from reader.core.attribution.tokens import Token, np_word
from reader.core.attribution.words import (
    AUTHORING_LEMMAS,
    AUX,
    OWNED_DOCUMENTS,
    PARTICIPLE_ENDINGS,
    PASSIVE,
    WORK_NOUNS,
)
from reader.core.sources import PRONOUNS


def reduced_passive(toks: list[Token], k: int, lemma: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'a study published (last month) by the institute found …', 'figures reported by the
    authority': a participle right after a common noun, then "by" and its author. The author
    is the source; the noun phrase (the work) is recorded as a description of the author.
    (author, work) as token spans, or None."""
    if lemma not in AUTHORING_LEMMAS:
        return None
    work = _work_before(toks, k)
    author = author_of_work(toks, work) if work is not None else None
    if author is None:
        return None
    assert work is not None
    return author, work


def _noun_before_participle(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase that participle ``k`` modifies ("a survey released", "doctors
    interviewed"), as token indices; None when ``k`` is no participle after a common noun
    ("Trump responded")."""
    tok = toks[k]
    if k == 0 or not tok.text.islower() or not tok.low.endswith(PARTICIPLE_ENDINGS):
        return None
    prev = toks[k - 1]
    if not prev.text.islower() or prev.low in AUX or prev.low in PASSIVE or prev.low in PRONOUNS or not np_word(prev):
        return None
    noun = np_backward(toks, k - 1)
    return None if noun is None or toks[noun[0]].low in PRONOUNS else noun


def _work_before(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The work that participle ``k`` modifies ("a survey released"), or None."""
    noun = _noun_before_participle(toks, k)
    return noun if noun is not None and toks[noun[1]].low in WORK_NOUNS else None


def author_of_work(toks: list[Token], work: tuple[int, int]) -> tuple[int, int] | None:
    """'data compiled (last year) by the agency', 'the poll, released by the institute,': the
    author after a work and its participle."""
    k = work[1] + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if toks[work[1]].low not in WORK_NOUNS or k >= len(toks):
        return None
    tok = toks[k]
    if not tok.text.islower() or not tok.low.endswith(PARTICIPLE_ENDINGS):
        return None
    by = skip_time_words(toks, k + 1, 1, 4)
    if (
        by + 1 >= len(toks)
        or toks[by].low != "by"
        or not toks[by + 1].text[:1].isalpha()
        or toks[by + 1].low.endswith("ing")
    ):
        return None
    return np_forward(toks, by + 1)


def reduced_relative(toks: list[Token], np: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase that an agent ``np`` belongs to through a participle right before it:
    'a survey released last week by X found …' (a work: X speaks through it), 'doctors
    interviewed by the newspaper said …' (people: they speak, not the newspaper)."""
    by = np[0] - 1
    if by < 2 or toks[by].low != "by":
        return None
    return _noun_before_participle(toks, skip_time_words(toks, by - 1, -1, 4))


def work_after_cue(toks: list[Token], k: int) -> tuple[int, int] | None:
    """'researchers reported in a paper', 'said in a statement': the speaker's own work."""
    j = skip_time_words(toks, k + 1, 1, 3)
    if (
        j + 1 >= len(toks)
        or toks[j].low != "in"
        or toks[j + 1].low not in {"a", "an", "the", "its", "their", "his", "her"}
    ):
        return None
    for end in range(j + 2, min(len(toks), j + 5)):
        if toks[end].low in WORK_NOUNS:
            return (j + 1, end)
        if not toks[end].is_word:
            break
    return None


def owner_of_document(toks: list[Token], np: tuple[int, int]) -> tuple[int, int] | None:
    """'Mendes's statement', "the ministry's report": the span of the owner of a document that
    is the subject, or None."""
    if np[1] == np[0] or toks[np[1]].low not in OWNED_DOCUMENTS:
        return None
    for j in range(np[1] - 1, np[0] - 1, -1):
        if toks[j].text.endswith("'s") and len(toks[j].text) > 2:
            return toks[np[0]].start, toks[j].end - 2
        if toks[j].text.endswith("s'"):
            return toks[np[0]].start, toks[j].end - 1
    return None
