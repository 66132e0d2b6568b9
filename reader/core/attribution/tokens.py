"""The token model: one sentence of the quote-masked text as a list of tokens, and small token tests."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from operator import itemgetter
from typing import NamedTuple

from reader.core.attribution.words import (
    ACRONYMS,
    LY_NOT_ADVERBS,
    NOUN_LIKE,
    NP_STOP,
    ROLE_HEADS,
    VERBS,
)
from reader.core.lexicon import sections, trie_pattern
from reader.core.segment import Unit

# A token: a word (with inner apostrophes, dots, hyphens), or one punctuation mark.
# (A trie, not a plain alternation: at most one abbreviation can stand right before its dot, so
# the two match alike, and the trie is tried in one step at each capitalised word.)
_ABBREVIATIONS = trie_pattern(w.capitalize() for w in sections("grammar_words.txt")["token_abbreviations"])


# The leading lower-case branch (the third one's own match for such words) and the (?=[A-Z])
# guard only save time: most words skip the other branches.
_TOKEN_RE = re.compile(
    r"[a-z][\w'’&-]*(?:\.(?=\w)[\w'’&-]*)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|(?=[A-Z])(?:(?:" + _ABBREVIATIONS + r")\.(?=\s)|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z]))"
    r"|\w[\w'’&-]*(?:\.(?=\w)[\w'’&-]*)?|--|[^\w\s]"
)


CONTRACTION_RE = re.compile(r"'(?:s|re|ve|d|ll|m)$")


class Token(NamedTuple):
    """One token of a sentence, with its offsets and lower-cased form."""

    text: str  # with ’ written as ' (the token pattern treats both alike)
    start: int
    end: int
    low: str
    is_word: bool  # a word or number, not a punctuation mark


_new_token = partial(tuple.__new__, Token)


low_of = itemgetter(3)  # Token.low, read at C speed


_first_char = itemgetter(0)


def tokens(masked: str, start: int, end: int) -> list[Token]:
    """The tokens of ``masked[start:end]`` (one unit: the token pattern's lookaheads must not
    see past its end, so a unit is always tokenised on its own)."""
    # Built column by column with C-level maps: a Python call per token costs more
    # than the token pattern itself on a long article.
    matches = list(_TOKEN_RE.finditer(masked, start, end))
    texts = list(map(re.Match.group, matches))
    if masked.find("’", start, end) >= 0:
        texts = [t.replace("’", "'") for t in texts]
    lows = list(map(str.lower, texts))
    if not ACRONYMS.isdisjoint(texts) and not masked[start:end].isupper():
        # "WHO said", "IS claimed": an organisation, not the pronoun or verb it spells
        lows = [t if t in ACRONYMS else low for t, low in zip(texts, lows, strict=False)]
    columns = zip(
        texts,
        map(re.Match.start, matches),
        map(re.Match.end, matches),
        lows,
        map(str.isalnum, map(_first_char, texts)),
        strict=False,
    )
    return list(map(_new_token, columns))


class TokenTable:
    """The tokens of every unit of the quote-masked text, shared by every pass: row ``i`` is
    unit ``i`` (a token does not repeat its unit: a sixth column costs a tenth more time).

    Each unit is tokenised once, on first use: most units hold no cue word and are never
    tokenised at all."""

    __slots__ = ("_rows", "masked", "units")

    def __init__(self, masked: str, units: Sequence[Unit]) -> None:
        self.masked = masked
        self.units = units
        self._rows: dict[int, list[Token]] = {}

    def forget(self, index: int) -> None:
        """Drop the row of unit ``index`` once no pass will read it again (the per-unit passes
        read a unit and the one before it): the table stays small on a long article."""
        self._rows.pop(index, None)

    def __getitem__(self, index: int) -> list[Token]:
        row = self._rows.get(index)
        if row is None:
            unit = self.units[index]
            row = self._rows[index] = tokens(self.masked, unit.start, unit.end)
        return row


def adverb(low: str) -> bool:
    """Whether a lower-cased word reads as an -ly adverb ("later", no; "publicly", yes)."""
    return low.endswith("ly") and low not in LY_NOT_ADVERBS


def np_word(tok: Token) -> bool:
    if not tok.is_word or tok.low in NP_STOP:
        return False
    lemma = VERBS.get(tok.low)
    # cue words that are also nouns ("secretary of state", "the press") can sit in a noun phrase
    return lemma is None or tok.text[:1].isupper() or (lemma in NOUN_LIKE and tok.low in {lemma, lemma + "s"})


def token_at(toks: list[Token], offset: int) -> int | None:
    """The index of the first token that starts at or after ``offset``, or None."""
    return next((k for k, t in enumerate(toks) if t.start >= offset), None)


def span_of(toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
    return toks[np[0]].start, toks[np[1]].end


ALNUM_RE = re.compile(r"[^\W_]")


def is_title_case(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def role_noun(tok: Token) -> bool:
    """A lower-case noun naming what a person does ("campaigner", "activist", "analyst")."""
    low = tok.low
    return tok.text.islower() and (
        low in ROLE_HEADS or (low.endswith(("er", "or", "ist", "ian")) and low not in VERBS and len(low) > 4)
    )
