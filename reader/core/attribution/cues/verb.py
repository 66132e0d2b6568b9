"""The verb cue: a communication verb and the noun phrase that speaks through it.

Every token that can be a cue verb is a ``Candidate``. Its rows run in this order:

1. ``VETOES``: readings that are no speech ("the reports", "has not said whether");
2. ``AGENTS``: passives that name their speaker after "by", or name none;
3. ``SUBJECTS``: where the subject before the verb is (an appositive name, a pronoun, a
   relative clause, the noun phrase right before it), the first row that applies;
4. ``LATE_VETOES``: a weak cue word ("point", "state") with no support around it;
5. ``CLAUSES``: a clause shape that puts the source elsewhere (a participle, an infinitive,
   a coordinated verb, an inversion, the sentence subject before an aside), first row that applies;
6. ``FINAL_VETOES``: no source found;
7. ``DETAILS``: where the claim starts, the work a source speaks through, a document's owner.

The first candidate that passes gives the sentence's cue; a passive with no named speaker is
kept in case no other candidate does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count

from reader.core.attribution.cues.reading import (
    after_closing_quote,
    ends_in_aside,
    in_time_clause,
    introduces_content,
    later_clause_start,
    makes_clear,
    negated_open_question,
    plausible_verb,
)
from reader.core.attribution.cues.works import (
    author_of_work,
    owner_of_document,
    reduced_passive,
    reduced_relative,
    work_after_cue,
)
from reader.core.attribution.phrases import (
    appositive_name,
    named_or_evidence,
    np_backward,
    np_forward,
    sentence_subject,
    skip_back,
    speaker_like,
    trailing_appositive_name,
)
from reader.core.attribution.result import Found, How, Rule
from reader.core.attribution.tokens import (
    CONTRACTION_RE,
    Token,
    adverb,
    is_title_case,
    low_of,
    span_of,
)
from reader.core.attribution.words import (
    AMBIGUOUS_PARTICIPLES,
    AUX,
    ING_PREPOSITIONS,
    INVERSION_LEMMAS,
    MAKE_FORMS,
    NEGATIONS,
    NOUN_LIKE,
    PASSIVE,
    PASSIVE_ADVERBS,
    PASSIVE_SPEECH,
    QUANTIFIERS,
    QUOTE_MARKS,
    VERB_OR_MAKE,
    VERBS,
    WEAK,
    WEAK_NAMED_OK,
    WORK_NOUNS,
)
from reader.core.sources import DETERMINERS, PRONOUNS

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

    A plain class with class-level defaults: one is made for every cue word of an article,
    and a generated dataclass ``__init__`` with sixteen fields costs more than its rows."""

    b: int = -1  # where the subject ends: the token before the verb, past adverbs and asides
    np: Span | None = None  # the source's tokens
    how: How = How.VERB
    described_as: Span | None = None  # a description of the source (offsets)
    work: Span | None = None  # the work the source speaks through (tokens)
    claim_start: int | None = None
    source_rule: str = ""  # the row that found ``np``
    details: tuple[str, ...] = ()  # the ids of detail rows that changed something

    def __init__(self, sentence: VerbSentence, k: int, lemma: str) -> None:
        toks = sentence.toks
        self.sentence = sentence
        self.toks = toks
        self.k = k  # the cue word's token
        self.tok = toks[k]
        self.lemma = lemma
        self.prev = toks[k - 1].low if k else ""  # the lower-cased token before it ("" at the start)
        self.nxt = toks[k + 1].low if k + 1 < len(toks) else ""  # the one after it ("" at the end)

    def add_detail(self, rule: str) -> None:
        self.details = (*self.details, rule)

    def found(self, source: Span | None, how: How, *rules: str, work: Span | None = None) -> Found:
        """The cue as found, with its source's offsets."""
        tok = self.tok
        return Found((tok.start, tok.end), tok.text, source, how, self.described_as, self.claim_start, work, rules)


def _candidate(sentence: VerbSentence, k: int) -> Candidate | None:
    toks = sentence.toks
    tok = toks[k]
    lemma = VERBS.get(tok.low)
    if lemma is None and tok.low in MAKE_FORMS and makes_clear(toks, k):
        lemma = "make clear"  # "made clear", "made it clear that"
    if lemma is None or not tok.is_word:
        return None
    return Candidate(sentence, k, lemma)


# -- 1. vetoes: True rejects the candidate ---------------------------------------------------


def _inside_name(c: Candidate) -> bool:
    """'The Island Post': a capitalised cue word after a capitalised word, unless the whole
    sentence is written in title case."""
    return c.k > 0 and c.tok.text[:1].isupper() and c.toks[c.k - 1].text[:1].isupper() \
        and not c.sentence.title_case()


def _quantifier_subject(c: Candidate) -> bool:
    """'Many say', 'Some argue': a quantifier standing alone as the subject."""
    return (
        c.prev in QUANTIFIERS and c.tok.low == c.lemma and c.lemma not in NOUN_LIKE
        and (c.k == 1 or not c.toks[c.k - 2].is_word or c.toks[c.k - 2].low in {"and", "but", "while", "yet"})
    )


def _noun_after_determiner(c: Candidate) -> bool:
    """'the reports', 'a claim': a noun after a determiner."""
    low = c.tok.low
    return c.prev in DETERMINERS and (low == c.lemma or low.endswith("s")) and not _quantifier_subject(c)


def _plural_after_preposition(c: Candidate) -> bool:
    """'of statements', 'to claims': a plural noun after a preposition."""
    return c.prev in {"of", "to", "by", "with", "for"} and c.tok.low.endswith("s")


def _not_a_verb(c: Candidate) -> bool:
    """A noun reading or a bare form with no subject ("recent attacks", "the editor's note");
    a colon right after it still reads as a cue ('A statement from the hospital read: "…"')."""
    return not plausible_verb(c.toks, c.k, c.lemma) and not (
        c.lemma == "read" and c.nxt == ":" and c.k > 0 and c.toks[c.k - 1].is_word
    )


def _open_question(c: Candidate) -> bool:
    """'has not said whether she will sign it': a cue that reports nothing."""
    return negated_open_question(c.toks, c.k)


def _headline_passive(c: Candidate) -> bool:
    """Headlines drop "is/are": "Two charged after fire" is passive, no one speaks."""
    return c.sentence.heading and c.tok.low.endswith("ed") and c.k > 0 and c.toks[c.k - 1].low not in AUX


def _anonymity(c: Candidate) -> bool:
    """'who asked not to be named': a condition of anonymity, not a claim."""
    return c.nxt == "not" and c.lemma in {"ask", "request"}


VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.inside_name", _inside_name),
    Rule("verb.noun_after_determiner", _noun_after_determiner),
    Rule("verb.plural_after_preposition", _plural_after_preposition),
    Rule("verb.not_a_verb", _not_a_verb),
    Rule("verb.open_question", _open_question),
    Rule("verb.headline_passive", _headline_passive),
    Rule("verb.anonymity", _anonymity),
)


# -- 2. agents: a Found decides, DROP rejects the candidate, None goes on ---------------------

DROP = Found((-1, -1), "", None, How.VERB)  # a sentinel: "no cue here", checked by identity
REDUCED_PASSIVE = "verb.reduced_passive"
PASSIVE_BY = "verb.passive"
PASSIVE_UNNAMED = "verb.passive_unnamed"


def _reduced_passive(c: Candidate) -> Found | None:
    """'a study published (last month) by the institute found …': the author speaks through
    the work."""
    found = reduced_passive(c.toks, c.k, c.lemma)
    if found is None:
        return None
    author, work = found
    return c.found(span_of(c.toks, author), How.BY, REDUCED_PASSIVE, work=span_of(c.toks, work))


def _passive(c: Candidate) -> Found | None:
    """'was told by X': the agent after "by" speaks. 'Sanders was asked …', 'he was accused
    of …': reported speech whose speaker the sentence does not name (its subject is the
    target, not the source); kept in case no other cue names one. Any other passive is no cue
    ("Ticket prices have not been announced")."""
    toks, k, tok = c.toks, c.k, c.tok
    before_adverbs = k - 1
    while before_adverbs > 0 and (toks[before_adverbs].low in PASSIVE_ADVERBS or adverb(toks[before_adverbs].low)):
        before_adverbs -= 1
    if not (tok.low.endswith(("ed", "en", "wn", "ld", "id")) and k and toks[before_adverbs].low in PASSIVE):
        return None
    by = next((j for j in range(k + 1, min(len(toks), k + 4)) if toks[j].low == "by"), None)
    np = np_forward(toks, by + 1) if by is not None else None
    if np:
        return c.found(span_of(toks, np), How.PASSIVE, PASSIVE_BY)
    negated = any(t.low in NEGATIONS for t in toks[max(0, before_adverbs - 3) : k])
    if c.lemma in PASSIVE_SPEECH and k >= 2 and not negated and not in_time_clause(toks, before_adverbs, c.lemma):
        c.sentence.sourceless = c.sentence.sourceless or c.found(None, How.UNNAMED_SPEAKER, PASSIVE_UNNAMED)
    return DROP


AGENTS: tuple[Rule[Callable[[Candidate], Found | None]], ...] = (
    Rule(REDUCED_PASSIVE, _reduced_passive),
    Rule(PASSIVE_BY, _passive),
)


# -- 3. subjects: True when the row applies (its np may still be None) -----------------------


def _appositive(c: Candidate) -> bool:
    """'the mayor of Aveiro, Rui Tavares, said': the name between commas speaks; the
    description before it ("a resident who gave only her first name") describes it."""
    toks = c.toks
    appositive = appositive_name(toks, c.b)
    if appositive is None:
        return False
    c.np = appositive
    description = np_backward(toks, appositive[0] - 2) if appositive[0] >= 2 else None
    if description is not None:
        # "A resident who gave only her first name, Natalia, said": the resident
        relative = next((j for j in range(description[0] - 1, -1, -1)
                         if toks[j].low in {"who", "which", "that"} or toks[j].text == ","), None)
        if relative is not None and toks[relative].text != ",":
            description = np_backward(toks, relative - 1) if relative >= 1 else None
    c.described_as = span_of(toks, description) if description else None
    return True


def _pronoun(c: Candidate) -> bool:
    """'he said', 'they've said'."""
    if c.b >= 0 and CONTRACTION_RE.sub("", c.toks[c.b].low) in PRONOUNS:
        c.np = (c.b, c.b)
        return True
    return False


def _relative_after_comma(c: Candidate) -> bool:
    """'X and Y, who say …': the phrase before the comma."""
    toks, b = c.toks, c.b
    if b >= 1 and toks[b].low in {"who", "which", "that"} and toks[b - 1].text == ",":
        c.np = np_backward(toks, b - 2) if b >= 2 else None
        return True
    return False


def _relative(c: Candidate) -> bool:
    """'voters who say …': the phrase before "who", if it could speak."""
    toks, b = c.toks, c.b
    if b >= 1 and toks[b].low in {"who", "that"}:
        np = np_backward(toks, b - 1)
        c.np = np if np is not None and speaker_like(toks, np) else None
        return True
    return False


def _subject(c: Candidate) -> bool:
    """'Mayor Lena Ortiz said': the noun phrase right before the verb."""
    c.np = np_backward(c.toks, c.b) if c.b >= 0 else None
    return True


SUBJECTS: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.appositive", _appositive),
    Rule("verb.pronoun", _pronoun),
    Rule("verb.relative_after_comma", _relative_after_comma),
    Rule("verb.relative", _relative),
    Rule("verb.subject", _subject),
)


# -- 4. late vetoes --------------------------------------------------------------------------


def _tail(c: Candidate) -> bool:
    """The cue ends the sentence after a comma: '…, the minister said (on Monday)'."""
    toks, k, np = c.toks, c.k, c.np
    return (len(toks) - k <= 10 or ends_in_aside(toks, k)) and np is not None and np[0] > 0 \
        and toks[np[0] - 1].text in {",", "—", "–", "--"}


def _weak_unsupported(c: Candidate) -> bool:
    """A word that is usually not speech ("point", "state", "report") counts only in a strong
    position: "pointed out", after a quote, at the end, before a colon or "that", or with a
    named or evidence subject for the few that allow it."""
    lemma, nxt = c.lemma, c.nxt
    return c.lemma in WEAK and not (
        (lemma == "point" and nxt == "out")  # "pointed out" is speech, "pointed to" rarely
        or after_closing_quote(c.toks, c.k)
        or _tail(c)
        or nxt == ":"
        or any(t.low == "that" for t in c.toks[c.k + 1 : c.k + 5])
        or (lemma in WEAK_NAMED_OK and c.np is not None and named_or_evidence(c.toks, c.np))
    )


LATE_VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.weak_unsupported", _weak_unsupported),
)


# -- 5. clauses: None when the row does not apply, else whether the candidate stays ----------

PARTICIPLE = "verb.participle"
WITH_PARTICIPLE = "verb.with_participle"
TRAILING_APPOSITIVE = "verb.trailing_appositive"
WORK_AUTHOR = "verb.work_author"
SUBJECT_DESCRIBED = "verb.subject_described"


def _from_sentence_subject(c: Candidate, how: How, rule: str) -> None:
    c.np, c.how, c.source_rule = sentence_subject(c.toks), how, rule


def _participle_after_preposition(c: Candidate) -> bool | None:
    """'… by saying', 'after announcing …': the subject of the sentence speaks."""
    if not (c.tok.low.endswith("ing") and c.prev in ING_PREPOSITIONS):
        return None
    _from_sentence_subject(c, How.PARTICIPLE, "verb.participle_after_preposition")
    return c.np is not None and not (c.np[0] <= c.k <= c.np[1])


def _participle(c: Candidate) -> bool | None:
    """'…, saying …': the subject of the sentence speaks; '…, with analysts at X saying …':
    the phrase after "with" does. Not "claiming victory", "adding five delegates" (the
    ambiguous participles need content after them)."""
    toks, k, b, np = c.toks, c.k, c.b, c.np
    if not (c.tok.low.endswith("ing") and (
        b < 0 or toks[b].text == "," or (k > 0 and toks[k - 1].low not in PASSIVE and np is not None and np[0] > 0)
    )):
        return None
    if c.lemma in AMBIGUOUS_PARTICIPLES and not introduces_content(toks, k):
        return False
    if np is not None and np[0] > 0 and toks[np[0] - 1].low == "with":
        c.how, c.source_rule = How.PARTICIPLE, WITH_PARTICIPLE
    else:
        _from_sentence_subject(c, How.PARTICIPLE, PARTICIPLE)
    return c.np is not None and c.np[0] < k


def _infinitive(c: Candidate) -> bool | None:
    """'came on the show to talk about': the subject of the sentence speaks."""
    if not (c.np is None and c.b >= 0 and c.toks[c.b].low == "to"):
        return None
    _from_sentence_subject(c, How.INFINITIVE, "verb.infinitive")
    return c.np is not None and c.np[0] < c.k


def _coordinated(c: Candidate) -> bool | None:
    """'X arrived and said': the subject of the sentence speaks."""
    if not (c.np is None and c.b >= 0 and c.toks[c.b].low in {"and", "but"}):
        return None
    _from_sentence_subject(c, How.COORDINATED, "verb.coordinated")
    return True


def _inverted(c: Candidate) -> bool | None:
    """'"…," said the spokesman.', '…, said the company's chief executive, Ana Ribeiro.'"""
    toks, b = c.toks, c.b
    if not (c.np is None and b >= 0 and (toks[b].text in QUOTE_MARKS or toks[b].text == ",")):
        return None
    quote = toks[b].text in QUOTE_MARKS
    inverted = np_forward(toks, c.k + 1) if c.lemma in INVERSION_LEMMAS or quote else None
    if inverted is None or not (quote or inverted[1] + 1 >= len(toks) or not toks[inverted[1] + 1].is_word):
        return None
    c.np, c.how, c.source_rule = inverted, How.INVERTED, "verb.inverted"
    named = trailing_appositive_name(toks, inverted)
    if named is not None:
        c.described_as, c.np = span_of(toks, inverted), named
        c.add_detail(TRAILING_APPOSITIVE)
    return True


def _subject_before_aside(c: Candidate) -> bool | None:
    """'X, who visited …, said', 'Riverside Transit, the city-owned operator, called …': the
    sentence's subject before a relative clause or an apposition; 'The poll, released on
    Wednesday by the institute, showed': the work's author."""
    toks, b = c.toks, c.b
    if not (c.np is None and b >= 0 and toks[b].text == ","):
        return None
    _from_sentence_subject(c, How.SUBJECT, "verb.subject_before_aside")
    np = c.np
    author = author_of_work(toks, np) if np is not None else None
    if author is not None:
        c.np, c.work = author, np
        c.add_detail(WORK_AUTHOR)
    elif np is not None and np[1] + 1 < b and toks[np[1] + 1].text == ",":
        description = np_backward(toks, b - 1)
        # an appositive starts right after the comma; "X, who was not involved in the report,
        # said" ends a relative clause, which describes nothing
        if description is not None and description[0] == np[1] + 2:
            c.described_as = span_of(toks, description)
            c.add_detail(SUBJECT_DESCRIBED)
    return True


CLAUSES: tuple[Rule[Callable[[Candidate], bool | None]], ...] = (
    Rule("verb.participle_after_preposition", _participle_after_preposition),
    Rule(PARTICIPLE, _participle),
    Rule("verb.infinitive", _infinitive),
    Rule("verb.coordinated", _coordinated),
    Rule("verb.inverted", _inverted),
    Rule("verb.subject_before_aside", _subject_before_aside),
)
# ids a clause row records besides its own
CLAUSE_DETAILS = (WITH_PARTICIPLE, TRAILING_APPOSITIVE, WORK_AUTHOR, SUBJECT_DESCRIBED)


# -- 6. final vetoes -------------------------------------------------------------------------


def _no_source(c: Candidate) -> bool:
    """No source phrase, or one after the verb where only an inversion or a participle may
    put it."""
    return c.np is None or c.np[0] > c.k and c.how not in {How.INVERTED, How.PARTICIPLE}


FINAL_VETOES: tuple[Rule[Callable[[Candidate], bool]], ...] = (Rule("verb.no_source", _no_source),)


# -- 7. details: each row may refine the result, in order, and says whether it did -----------


def _later_clause(c: Candidate) -> bool:
    """'Voltera to build a plant as study questions savings': the claim starts at "as"."""
    if c.how is not How.VERB:
        return False
    assert c.np is not None
    c.claim_start = later_clause_start(c.toks, c.np, c.k, c.lemma)
    return c.claim_start is not None


def _reduced_relative(c: Candidate) -> bool:
    """'a survey released last week by X found': X speaks through the work."""
    if c.how is not How.VERB or c.described_as is not None:
        return False
    assert c.np is not None
    c.work = reduced_relative(c.toks, c.np)
    return c.work is not None


def _people_interviewed(c: Candidate) -> bool:
    """'doctors interviewed by the paper said': the doctors speak, not the paper."""
    if c.work is None or c.toks[c.work[1]].low in WORK_NOUNS:
        return False
    c.np, c.work = c.work, None
    return True


DETAILS: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.later_clause", _later_clause),
    Rule("verb.reduced_relative", _reduced_relative),
    Rule("verb.people_interviewed", _people_interviewed),
)
DOCUMENT_OWNER = "verb.document_owner"
OWN_WORK = "verb.own_work"


def _result(c: Candidate) -> Found:
    """The cue and its source: "Mendes's statement accused …" is Mendes's ("verb.document_owner");
    "… reported in a paper published on Wednesday" names the speaker's own work ("verb.own_work")."""
    assert c.np is not None
    source = span_of(c.toks, c.np)
    owner = owner_of_document(c.toks, c.np)
    if owner is not None:
        source, c.work = owner, c.np
        c.add_detail(DOCUMENT_OWNER)
    elif c.work is None:
        c.work = work_after_cue(c.toks, c.k)
        if c.work is not None:
            c.add_detail(OWN_WORK)
    work = span_of(c.toks, c.work) if c.work else None
    return c.found(source, c.how, c.source_rule, *c.details, work=work)


# the functions of the tables, for the loop below (read once per candidate)
_VETOES = tuple(rule.run for rule in VETOES)
_AGENTS = tuple(rule.run for rule in AGENTS)
_LATE_VETOES = tuple(rule.run for rule in LATE_VETOES)
_CLAUSES = tuple(rule.run for rule in CLAUSES)
_FINAL_VETOES = tuple(rule.run for rule in FINAL_VETOES)
_SUBJECTS = tuple(SUBJECTS)
_DETAILS = tuple(DETAILS)


def _read(c: Candidate) -> Found | None:
    """The cue found at candidate ``c``, or None."""
    for veto in _VETOES:
        if veto(c):
            return None
    for agent in _AGENTS:
        found = agent(c)
        if found is not None:
            return None if found is DROP else found
    c.b = skip_back(c.toks, c.k - 1)
    for rule_id, subject in _SUBJECTS:
        if subject(c):
            c.source_rule = rule_id
            break
    if c.np is not None and c.toks[c.np[0]].low in {"who", "which"}:
        c.np = None
    for veto in _LATE_VETOES:
        if veto(c):
            return None
    for clause in _CLAUSES:
        stays = clause(c)
        if stays is not None:
            if not stays:
                return None
            break
    for veto in _FINAL_VETOES:
        if veto(c):
            return None
    for rule_id, detail in _DETAILS:
        if detail(c):
            c.add_detail(rule_id)
    return _result(c)


def find_verb_cue(toks: list[Token], *, heading: bool = False) -> Found | None:
    """The first verb cue of a sentence, else a passive with no named speaker, else None."""
    sentence = VerbSentence(toks, heading)
    # only the tokens that can be a cue: most are not
    for k in compress(count(), map(VERB_OR_MAKE.__contains__, map(low_of, toks))):
        c = _candidate(sentence, k)
        found = _read(c) if c is not None else None
        if found is not None:
            return found
    return sentence.sourceless
