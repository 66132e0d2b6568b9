"""A verb cue candidate: one cue word of a sentence and what the rows of ``verb`` found about it."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.attribution.cues.reading import (
    makes_clear,
)
from reader.core.attribution.result import Found, How
from reader.core.attribution.tokens import (
    Token,
    is_title_case,
)
from reader.core.attribution.words import (
    MAKE_FORMS,
    VERBS,
)

Span = tuple[int, int]


@dataclass(eq=False, slots=True)
class VerbSentence:
    """What the candidates of one sentence share."""

    toks: list[Token]
    heading: bool  # a headline: "Two charged after fire" drops its "are"
    sourceless: Found | None = None  # the first passive that names no speaker
    _title_case: bool | None = None

    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = is_title_case(self.toks)
        return self._title_case


class Candidate:
    """One cue word and what the rows have found about it so far.

    A plain class with ``__slots__``: one is made for every cue word of an article, and a
    generated dataclass ``__init__`` (or an instance dict) costs more than its rows."""

    __slots__ = (
        "b", "claim_start", "described_as", "details", "how", "k", "lemma", "np", "nxt", "prev",
        "rejected_by", "sentence", "source_rule", "tok", "toks", "work",
    )  # fmt: skip

    def __init__(self, sentence: VerbSentence, k: int, lemma: str) -> None:
        toks = sentence.toks
        self.sentence = sentence
        self.toks = toks
        self.k = k  # the cue word's token
        self.tok = toks[k]
        self.lemma = lemma
        self.prev = toks[k - 1].low if k else ""  # the lower-cased token before it ("" at the start)
        self.nxt = toks[k + 1].low if k + 1 < len(toks) else ""  # the one after it ("" at the end)
        self.b = -1  # where the subject ends: the token before the verb, past adverbs and asides
        self.np: Span | None = None  # the source's tokens
        self.how = How.VERB
        self.described_as: Span | None = None  # a description of the source (offsets)
        self.work: Span | None = None  # the work the source speaks through (tokens)
        self.claim_start: int | None = None
        self.source_rule = ""  # the row that found ``np``
        self.details: tuple[str, ...] = ()  # the ids of detail rows that changed something
        self.rejected_by = ""  # the row that rejected the candidate, if one did

    def add_detail(self, rule: str) -> None:
        self.details = (*self.details, rule)

    def keep_sourceless(self, rule: str) -> None:
        """Keep this cue as the sentence's sourceless report ("it was alleged"), in case no
        candidate names a speaker; the first such cue of the sentence stays."""
        if self.sentence.sourceless is None:
            self.sentence.sourceless = self.found(None, How.UNNAMED_SPEAKER, rule)

    def found(self, source: Span | None, how: How, *rules: str, work: Span | None = None) -> Found:
        """The cue as found, with its source's offsets."""
        tok = self.tok
        return Found(
            (tok.start, tok.end),
            tok.text,
            source,
            how,
            self.described_as,
            self.claim_start,
            work,
            rules,
        )


def make_candidate(sentence: VerbSentence, k: int) -> Candidate | None:
    toks = sentence.toks
    tok = toks[k]
    lemma = VERBS.get(tok.low)
    if lemma is None and tok.low in MAKE_FORMS and makes_clear(toks, k):
        lemma = "make clear"  # "made clear", "made it clear that"
    if lemma is None or not tok.is_word:
        return None
    return Candidate(sentence, k, lemma)
