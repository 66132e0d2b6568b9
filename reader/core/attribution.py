"""Rule-based attribution: who, if anyone, each sentence of an article comes from.

Per sentence, the text outside quotation marks is searched for a cue (a
communication verb, "according to", a speech noun, a headline colon, a
transcript "NAME:"), and the cue's source noun phrase is found around it.
Quotations are tracked across the whole document (``quotes``), and every
sentence inside a quotation takes the speaker of the quotation. Mentions are
grouped into entities by ``sources`` and named and typed by ``source_types``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from reader.core.cues import (
    ACCORDING_RE,
    NOUN_CUE_RE,
    CUE_WORDS,
    POSSESSIVE_CUE_RE,
    REPORTEDLY_RE,
    verb_forms,
    weak_lemmas,
)
from reader.core.model import Label, SentenceKind, Source, Span
from reader.core.quotes import find_quotes
from reader.core.segment import Unit
from reader.core.source_types import describe_source
from reader.core.topic import article_topic
from reader.core.sources import (
    DETERMINERS, ORG_WORDS, PLURAL_WORDS, PRONOUNS, TITLES, Entity, EntityTracker, Mention, mention_names,
)
from reader.core.sources import fold_acronyms, fold_titled_descriptions

NO_CUE = "no attribution cue: the writer's own statement"


@dataclass(frozen=True, slots=True)
class SentenceAttribution:
    """What the attributor decided for one unit."""

    label: Label = Label.UNATTRIBUTED
    source_id: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    reason: str = NO_CUE
    # Where the attributed clause starts when the cue sits in a clause after the writer's own
    # ("Voltera to build a $2 billion plant as study questions savings"); None: the whole unit.
    claim_start: int | None = None


_UNATTRIBUTED = SentenceAttribution()

# A token: a word (with inner apostrophes, dots, hyphens), or one punctuation mark.
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Jr|Sr|St|Rev|Prof|Atty|Supt|Det|Gen|Maj|"
    "Inc|Corp|Co|Ltd|Mass|Calif|Fla|Wis|Ill|Mich|Penn|Ariz|Conn|Del|Ga|Ky|La|Md|Minn|Mo|Nev|Okla|Ore|Tenn|Va|Wash|Vt"
)
# The leading lower-case branch (the third one's own match for such words) and the (?=[A-Z])
# guard only save time: most words skip the other branches.
_TOKEN_RE = re.compile(
    r"[a-z][\w'’&-]*(?:\.(?=\w)[\w'’&-]*)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|(?=[A-Z])(?:(?:" + _ABBREVIATIONS + r")\.(?=\s)|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z]))"
    r"|\w[\w'’&-]*(?:\.(?=\w)[\w'’&-]*)?|--|[^\w\s]"
)
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "`", "„"})
_AUX = frozenset(
    """also has had have was is were are will would could can may might must shall should did does do
    later then previously repeatedly recently once publicly privately earlier just already further first
    again reportedly frequently often quickly simply openly flatly bluntly separately specifically
    explicitly initially still even never not n't has've been being subsequently similarly likewise
    yesterday today tonight last night now once since long however too didn't doesn't don't won't wouldn't couldn't
    hasn't haven't hadn't isn't wasn't aren't weren't can't cannot""".split()
)
_CONTRACTION_RE = re.compile(r"'(?:s|re|ve|d|ll|m)$")
_PASSIVE = frozenset("was were been being is are be get got gets".split())
_NP_STOP = frozenset(
    """that which who whom whose when where while because as if after before since than so but or nor
    to in on at with by from about into over under through during against without within upon amid
    among between like not also and yet though although unless until whether how what why
    is are was were be been being has have had do does did will would could can may might must shall
    should it there here he she they we i you him them us me far so now too only ago however
    came went made took gave got began became left put set ran won lost held kept met saw knew thought
    felt brought bought sent spent stood led paid wrote spoke broke chose drove fell grew rose struck sought
    fought taught caught meant built heard hit let seems seem appears appear""".split()
)
_NP_JOINERS = frozenset({"of", "for", "at", "&", "and"})
_SUBORDINATE_OPENERS = frozenset(
    """during after before in on at when while as since following despite although though with
    without amid speaking asked responding writing if because under by for from over""".split()
)
_COLON_RHS_MAX = 7
_SENTENCE_ADVERBS = frozenset("however but and so yet still meanwhile also instead then later now indeed".split())


class _Token(NamedTuple):
    """One token of a sentence, with its offsets and lower-cased form."""

    text: str  # with ’ written as ' (the token pattern treats both alike)
    start: int
    end: int
    low: str
    is_word: bool


@dataclass
class _Found:
    """A cue found in one sentence, and the source phrase it points to."""

    cue: tuple[int, int]
    cue_text: str
    source: tuple[int, int] | None
    how: str
    # a description of the same speaker next to it ("the mayor of Aveiro, Rui Tavares, said")
    described_as: tuple[int, int] | None = None
    claim_start: int | None = None  # see SentenceAttribution.claim_start
    work: tuple[int, int] | None = None  # the source's work the cue reports ("a study published by X")


_new_token = partial(tuple.__new__, _Token)
_low_of = itemgetter(3)  # _Token.low, read at C speed
_first_char = itemgetter(0)


# Acronyms spelled like function words; outside an all-capitals line they name organisations.
_ACRONYMS = frozenset({"WHO", "IS", "IT", "US", "AT"})


def _tokens(masked: str, start: int, end: int) -> list[_Token]:
    # Built column by column with C-level maps: a Python call per token costs more
    # than the token pattern itself on a long article.
    matches = list(_TOKEN_RE.finditer(masked, start, end))
    texts = list(map(re.Match.group, matches))
    if masked.find("’", start, end) >= 0:
        texts = [t.replace("’", "'") for t in texts]
    lows = list(map(str.lower, texts))
    if not _ACRONYMS.isdisjoint(texts) and not masked[start:end].isupper():
        # "WHO said", "IS claimed": an organisation, not the pronoun or verb it spells
        lows = [t if t in _ACRONYMS else low for t, low in zip(texts, lows)]
    columns = zip(
        texts, map(re.Match.start, matches), map(re.Match.end, matches),
        lows, map(str.isalnum, map(_first_char, texts)),
    )
    return list(map(_new_token, columns))


# Words in -ly that are nouns or adjectives, not adverbs: "His family said", "an ally said".
_LY_NOT_ADVERBS = frozenset(
    """family families ally allies assembly rally rallies supply supplies monopoly anomaly italy
    july reply replies elderly friendly lonely""".split()
)


def _adverb(low: str) -> bool:
    """Whether a lower-cased word reads as an -ly adverb ("later", no; "publicly", yes)."""
    return low.endswith("ly") and low not in _LY_NOT_ADVERBS


def _np_word(tok: _Token) -> bool:
    if not tok.is_word or tok.low in _NP_STOP:
        return False
    lemma = _VERBS.get(tok.low)
    # cue words that are also nouns ("secretary of state", "the press") can sit in a noun phrase
    return lemma is None or tok.text[:1].isupper() or (lemma in _NOUN_LIKE and tok.low in {lemma, lemma + "s"})


_ROLE_PREPOSITIONS = frozenset("with at from in on to".split())
_ROLE_HEADS = frozenset(
    """familiar close spokesman spokeswoman spokesperson official officials economist economists professor
    analyst analysts researcher researchers source sources director head member members chief leader
    leaders expert experts lawyer lawyers adviser advisers advisor aide aides scientist scientists
    historian strategist strategists pollster fellow dean chairman chairwoman president""".split()
)


def _np_backward(toks: list[_Token], i: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``i`` (inclusive), scanning left; token indices."""
    j = i
    while j >= 0 and j >= i - 12:
        tok = toks[j]
        if _np_word(tok):
            if tok.low in DETERMINERS and j < i and not (j > 0 and toks[j - 1].low in _NP_JOINERS) and not (
                j > 1 and toks[j - 1].low in _ROLE_PREPOSITIONS and toks[j - 2].low in _ROLE_HEADS
            ):
                j -= 1
                break
            j -= 1
            continue
        if tok.low in _NP_JOINERS and j > 0 and j < i and _np_word(toks[j - 1]) and tok.low != "and":
            j -= 1
            continue
        if tok.low == "and" and 0 < j < i and toks[j - 1].text[:1].isupper() and toks[j + 1].text[:1].isupper():
            j -= 1
            continue
        if tok.low in _ROLE_PREPOSITIONS and 0 < j < i and toks[j - 1].low in _ROLE_HEADS:
            j -= 1  # "a source familiar with the talks", "an economist at the college"
            continue
        if (
            tok.low == "in" and 0 < j < i and toks[j + 1].text[:1].isupper()
            and toks[j + 1].low.rstrip(".") not in _CALENDAR_WORDS and not toks[j + 1].low.endswith(("'s", "’s"))
            and (toks[j - 1].text.islower() or j == 1 and toks[0].text[1:].islower())  # "Residents in Houston"
            and _np_word(toks[j - 1]) and not toks[j - 1].low.endswith("ed")
        ):
            j -= 1  # "the ministry in Bucharest", "officials in Kyiv"
            continue
        break
    first = j + 1
    if first > i:
        return None
    while first <= i and toks[first].low in _NP_JOINERS:
        first += 1
    if i > first and toks[i].text.islower() and toks[i].low.endswith("ed"):
        i -= 1  # "a university poll released (last week) found"
    return (first, i) if first <= i else None


def _role_noun(tok: _Token) -> bool:
    """A lower-case noun naming what a person does ("campaigner", "activist", "analyst")."""
    low = tok.low
    return tok.text.islower() and (low in _ROLE_HEADS or (
        low.endswith(("er", "or", "ist", "ian")) and low not in _VERBS and len(low) > 4
    ))


# Lower-case words inside names: "Pieter de Vries", "Ursula von der Leyen".
_NAME_PARTICLES = frozenset("de van von der den da del della di du dos das la le ter ten bin ibn al".split())


def _role_then_name(toks: list[_Token], j: int) -> bool:
    """'(Tamas Varga of) oil broker PVM': up to three lower-case role words, then a name."""
    k = j
    while k < len(toks) and k < j + 3 and toks[k].text.islower() and _np_word(toks[k]) \
            and not toks[k].low.endswith("ed"):
        k += 1
    return j < k < len(toks) and toks[k].text[:1].isupper() and toks[k].is_word


def _name_goes_on(toks: list[_Token], j: int) -> bool:
    """Whether a capitalised name word follows at ``j``, after any more particles."""
    while j < len(toks) and toks[j].low in _NAME_PARTICLES and toks[j].text.islower():
        j += 1
    return j < len(toks) and toks[j].text[:1].isupper()


# "documents seen by the paper", "a letter written by …": participles that end a noun phrase
_IRREGULAR_PARTICIPLES = frozenset("seen written given taken shown known drawn made held sent kept".split())


def _np_forward(toks: list[_Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, scanning right; token indices."""
    if i >= len(toks):
        return None
    if toks[i].low in PRONOUNS:
        return (i, i)
    j = i
    seen_name = False
    affiliation = -1  # inside "of oil broker PVM": lower-case role words before a name
    while j < len(toks) and j < i + 12:
        tok = toks[j]
        if seen_name and j > i and toks[j - 1].low in _NP_JOINERS and tok.text.islower() and _role_then_name(toks, j):
            affiliation = j + 3
        lowercase_after_name = (
            seen_name and tok.text.islower() and tok.low not in _NP_JOINERS and tok.low not in _ROLE_HEADS
            and tok.low not in TITLES and tok.low not in _EVIDENCE_NOUNS  # "a Marist poll"
            and not (tok.low in _NAME_PARTICLES and _name_goes_on(toks, j + 1))
            and j > affiliation  # "Tamas Varga of oil broker PVM"
        )
        verb_like = j > i and tok.text.islower() and (tok.low.endswith("ed") or tok.low in _IRREGULAR_PARTICIPLES)
        if (
            _np_word(tok)
            and not lowercase_after_name
            and not verb_like
            and not (j > i and tok.low in DETERMINERS and toks[j - 1].low not in _NP_JOINERS)
        ):
            # "Privacy campaigner Max Weber": a capital on the first word may only start the sentence
            sentence_start_role = j == 0 and j + 1 < len(toks) and _role_noun(toks[j + 1])
            seen_name = seen_name or (tok.text[:1].isupper() and tok.low not in DETERMINERS and not sentence_start_role)
            j += 1
            continue
        if (
            tok.low in _NP_JOINERS - {"and"}
            and j + 1 < len(toks)
            and j > i
            and (toks[j + 1].low in DETERMINERS or toks[j + 1].text[:1].isupper() or _role_then_name(toks, j + 1))
        ):
            j += 1
            continue
        if tok.low == "and" and seen_name and j + 1 < len(toks) and toks[j - 1].text[:1].isupper() \
                and toks[j + 1].text[:1].isupper():
            j += 1  # "the Centre for Disease Prevention and Control"
            continue
        break
    last = j - 1
    while last >= i and toks[last].low in _NP_JOINERS:
        last -= 1
    return (i, last) if last >= i else None


def _subject(toks: list[_Token]) -> tuple[int, int] | None:
    """The subject of a sentence: its first noun phrase after any opening clause."""
    i = 0
    while i < len(toks) and (not toks[i].is_word or toks[i].low in _SENTENCE_ADVERBS):
        i += 1
    if i < len(toks) and toks[i].low in _SUBORDINATE_OPENERS:
        comma = next((k for k in range(i, len(toks)) if toks[k].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    return _np_forward(toks, i)


_VERBS: dict[str, str] = {}
_WEAK: frozenset[str] = frozenset()


_CANDIDATES: frozenset[str] = frozenset()
_VERB_OR_MAKE: frozenset[str] = frozenset()
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def _load_lexicon() -> None:
    global _VERBS, _WEAK, _CANDIDATES, _VERB_OR_MAKE
    if not _VERBS:
        _VERBS = verb_forms()
        _WEAK = weak_lemmas()
        _CANDIDATES = frozenset(_VERBS) | CUE_WORDS
        _VERB_OR_MAKE = frozenset(_VERBS) | _MAKE_FORMS


def _span_of(toks: list[_Token], np: tuple[int, int]) -> tuple[int, int]:
    return toks[np[0]].start, toks[np[1]].end


def _after_closing_quote(toks: list[_Token], k: int) -> bool:
    """True when token ``k`` is right after a closing quote ('…," he said')."""
    back = k - 1
    while back >= 0 and toks[back].low in _AUX:
        back -= 1
    for _ in range(3):
        if back < 0:
            return False
        if toks[back].text in _QUOTE_MARKS:
            return True
        if toks[back].is_word:
            back -= 1
            if back >= 0 and toks[back].text in _QUOTE_MARKS:
                return True
            # allow a short subject between the quote and the verb
            continue
        back -= 1
    return False


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier
    morning afternoon evening night week weekend month year hours days weeks months years minutes""".split()
)
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_TIME_MODIFIERS = frozenset(
    "on last this next early late earlier later a few several two three hours days weeks the that by in".split()
)
_ASIDES = frozenset("however meanwhile though too also instead moreover nonetheless nevertheless then".split())
_CLOSE_TO_OPEN = {")": "(", "]": "[", "—": "—", "–": "–", "--": "--"}


def _skip_back(toks: list[_Token], b: int) -> int:
    """Step left over adverbs, auxiliaries and one parenthetical or dash-enclosed aside."""
    while b >= 0:
        tok = toks[b]
        if tok.low in _AUX or (_adverb(tok.low) and tok.text.islower()):
            b -= 1
        elif tok.low in _TIME_WORDS and b > 0:
            # "the senator on Tuesday said", "Trump a few days later told"
            b -= 1
            while b >= 0 and toks[b].low in _TIME_MODIFIERS:
                b -= 1
        elif tok.text == "," and b >= 2 and toks[b - 1].low in _ASIDES and toks[b - 2].text == ",":
            b -= 3
        elif tok.text in _CLOSE_TO_OPEN and b > 0:
            opener = _CLOSE_TO_OPEN[tok.text]
            j = next((j for j in range(b - 1, max(-1, b - 25), -1) if toks[j].text == opener), None)
            if j is None or j == 0:
                return b
            b = j - 1
            if opener in {"—", "–", "--"}:
                return b
        else:
            return b
    return b


# Cue lemmas that are also common nouns ("attacks", "comments", "questions"): their
# bare and -s forms need a clear subject right before them to read as verbs.
_PASSIVE_ADVERBS = frozenset("first also not never already just still since long once again widely".split())
_NOUN_LIKE = frozenset(
    """claim comment note tweet post reply answer remark report attack question call show promise vow
    pledge demand quote email order praise boast protest estimate forecast whisper shout joke repeat blast
    signal hint label brand counter push press brief object rail point read state address text
    message interview statement speech defend rip slam appeal rule""".split()
)
# Verbs whose infinitive ("came on the show to talk about") nearly always reports speech.
_INFINITIVE_SPEECH = frozenset(
    """say talk speak tell discuss comment explain announce testify respond reply describe deny confirm
    warn argue insist mention acknowledge admit urge predict criticize criticise praise endorse blame
    thank apologize apologise declare""".split()
)
_PASSIVE_SPEECH = frozenset(
    "ask tell accuse quote describe call criticize criticise urge warn announce reveal confirm".split()
)
_ING_PREPOSITIONS = frozenset("by after before while when in without of for since upon from through".split())
_PLURAL_QUANTITIES = frozenset(
    "percent half majority most many some few others people both all who several dozens hundreds thousands "
    "millions majorities minority plurality".split()
)
_SUBJECT_PRONOUNS = frozenset("i we they you he she it who whom that which".split())
_BASE_OK_BEFORE = frozenset(
    "i we they you will would could can may might must should did do does not n't didn't don't doesn't won't "
    "wouldn't couldn't".split()
)


def _evidence_subject(toks: list[_Token], k: int, plural_only: bool = False) -> bool:
    """True when the words before ``k`` (back to a clause break) hold an evidence or source noun:
    "a USA TODAY analysis of newly filed reports shows"."""
    for j in range(k - 1, max(-1, k - 13), -1):
        tok = toks[j]
        if not tok.is_word or tok.low in {"that", "which", "who", "and", "but"} or tok.low in _VERBS and j != k - 1:
            return False
        if tok.low in _EVIDENCE_NOUNS or tok.low in _DOCUMENT_NOUNS or tok.low in PLURAL_WORDS:
            return not plural_only or tok.low.endswith("s")
    return False


_DOCUMENT_NOUNS = frozenset(
    """average averages slide slides chart charts transcript transcripts graph map table model models
    projection projections footage video videos photo photos image images letter letters memo memos
    email emails document ruling indictment complaint lawsuit filing affidavit testimony tweet tweets
    website site page book article story column editorial release""".split()
)


def _plausible_verb(toks: list[_Token], k: int, lemma: str) -> bool:
    """Rule out noun readings of ambiguous cue words and bare forms with no subject."""
    word = toks[k].low
    if k == 0:
        return False
    if _adverb(toks[k - 1].low) or toks[k - 1].text == ",":
        back = _skip_back(toks, k - 1)  # "Some Democrats, however, question …"
        if back < 0:
            return False
        prev = toks[back]
        if prev.text == "," and (lemma in _NOUN_LIKE or word == lemma):
            # "The Tax Policy Center, a nonpartisan think tank, estimates …": the subject
            # before the appositive (only these forms need it: a noun or a bare verb)
            subject = _subject(toks)
            if subject is not None and subject[1] + 1 < back and toks[subject[1] + 1].text == ",":
                prev = toks[subject[1]]
    else:
        prev = toks[k - 1]
    if _evidence_subject(toks, k, plural_only=word == lemma):
        return True
    j = k - 1
    while j >= 0 and (toks[j].low in _AUX or _adverb(toks[j].low)):
        if toks[j].low in _BASE_OK_BEFORE:
            return True  # "did not immediately respond", "will also discuss"
        j -= 1
    if (word == lemma or word.endswith("s")) and prev.low.endswith("'s") and prev.low[:-2] not in PRONOUNS:
        return False  # "the editor's note", "Trump's claims": a noun after a possessive
    is_base = word == lemma
    is_s = word != lemma and word.endswith("s") and not word.endswith("ss")
    if not (is_base or is_s):
        return True
    if prev.low in _BASE_OK_BEFORE or prev.low in _SUBJECT_PRONOUNS or prev.low in _AUX:
        return True
    if is_base and prev.low == "to" and lemma in _INFINITIVE_SPEECH:
        return True
    if is_base:
        # "officials say", "polls show", "9 percent say", "Mr. Grassley and Mr. Leahy say"
        if not prev.is_word:
            return False
        if prev.low.endswith("s") or prev.low in _PLURAL_QUANTITIES or prev.text[:1].isdigit():
            return True
        return prev.low not in _VERBS and prev.text[:1].isupper() and lemma not in _NOUN_LIKE
    if lemma in _NOUN_LIKE:
        # "Trump attacks" (verb) versus "recent attacks" (noun) and "42 Russian attacks" (noun)
        before = toks[k - 2] if k >= 2 and prev is toks[k - 1] else None
        if before is not None and (before.text[:1].isdigit() or before.low in DETERMINERS - {"that"}):
            return False
        return prev.is_word and (prev.text[:1].isupper() or prev.low in _SUBJECT_NOUNS)
    return True


_SUBJECT_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official report study poll survey statement campaign group
    agency company source ministry department government administration committee newspaper paper
    magazine website network analysis document memo letter filing complaint lawsuit ad video
    candidate president governor senator mayor leader director chairman secretary minister
    author writer analyst expert researcher professor economist lawyer attorney judge court
    police witness resident voter official""".split()
)


_WEAK_NAMED_OK = frozenset({"report", "question", "find", "show", "post"})
_EVIDENCE_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports analysis data review research audit
    investigation records documents figures statistics panel memo filing filings numbers results
    tally count estimate estimates census""".split()
)


def _named_or_evidence(toks: list[_Token], np: tuple[int, int]) -> bool:
    head = toks[np[1]]
    if head.low in _EVIDENCE_NOUNS or (head.text[:1].isupper() and head.low not in PRONOUNS):
        return True
    # "The survey of 1,120 likely voters found …": the head comes before "of"
    of = next((j for j in range(np[0] + 1, np[1]) if toks[j].low == "of"), None)
    return of is not None and toks[of - 1].low in _EVIDENCE_NOUNS


def _title_case(toks: list[_Token]) -> bool:
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _speaker_like(toks: list[_Token], np: tuple[int, int]) -> bool:
    """Could this noun phrase speak? A name, a pronoun, or a person, group or source noun."""
    head = toks[np[1]]
    if _CONTRACTION_RE.sub("", head.low) in PRONOUNS:
        return True
    if head.text[:1].isupper() and head.low not in DETERMINERS:
        return True
    if head.low in _SUBJECT_NOUNS or head.low in _EVIDENCE_NOUNS or head.low in _DOCUMENT_NOUNS:
        return True
    return head.low.endswith(("ers", "ists", "ians", "ants", "ents", "als", "ors", "ees", "people", "men", "women", "ics"))


_AMBIGUOUS_PARTICIPLES = frozenset(
    "show claim add report find predict post press push".split()
)


def _introduces_content(toks: list[_Token], k: int) -> bool:
    """True when a quote, colon or "that" follows the cue within two tokens."""
    return any(t.low == "that" or t.text in _QUOTE_MARKS or t.text == ":" for t in toks[k + 1 : k + 4])


_MAKE_FORMS = frozenset("make makes made making".split())


def _makes_clear(toks: list[_Token], k: int) -> bool:
    following = [t.low for t in toks[k + 1 : k + 3]]
    return following[:1] == ["clear"] or following == ["it", "clear"]


def _appositive_name(toks: list[_Token], b: int) -> tuple[int, int] | None:
    """The name in "the mayor of Aveiro, Rui Tavares, said": a capitalised run between commas."""
    if b < 2 or toks[b].text != ",":
        return None
    np = _np_backward(toks, b - 1)
    if np is None or np[0] == 0 or toks[np[0] - 1].text != ",":
        return None
    words = toks[np[0] : np[1] + 1]
    if all(t.text[:1].isupper() for t in words) and toks[np[0]].low not in DETERMINERS:
        return np
    return None


def _trailing_appositive_name(toks: list[_Token], np: tuple[int, int]) -> tuple[int, int] | None:
    """In 'said the chief executive, Ana Ribeiro.', the name after the description."""
    comma = np[1] + 1
    if comma + 1 >= len(toks) or toks[comma].text != "," or not toks[comma + 1].text[:1].isupper():
        return None
    end = comma + 1
    while end + 1 < len(toks) and toks[end + 1].text[:1].isupper() and toks[end + 1].is_word:
        end += 1
    if end + 1 < len(toks) and toks[end + 1].is_word:
        return None  # the sentence goes on: not a closing apposition
    return (comma + 1, end)


_INVERSION_LEMMAS = frozenset(
    "say tell add write ask explain note recall continue insist argue reply respond answer declare warn conclude".split()
)


_NEGATIONS = frozenset("not n't never didn't doesn't don't won't wouldn't hasn't haven't hadn't".split())
_OPEN_QUESTION = frozenset("whether if when how why what who".split())


# "X did not respond to a request for comment", "X declined to comment": a non-response
# puts no claim in anyone's mouth.
_NO_COMMENT = re.compile(
    r"(?:\b(?:declined|declines|refused|refuses)\s+to\s+comment\b"
    r"|(?:\bnot|n't|\bnever)\s+(?:\w+ly\s+)?(?:respond|reply|return|answer)\w*\b[^.;]{0,60}\bcomment"
    r"|\bcould\s+not\s+be\s+reached\s+for\s+comment\b)"
    r"(?:\s+(?:on|about)\b[^.,;:]{0,60})?"  # "… on the report": what was not commented on
)


def _negated_open_question(toks: list[_Token], k: int) -> bool:
    """'X has not said whether …': a cue that reports nothing. (Other negated cues, "did not
    mention", "did not respond to a request for comment", still report a speech event: news
    annotation counts them, so they stay attributed.)"""
    j, negated = k - 1, False
    while j >= 0 and (toks[j].low in _AUX or _adverb(toks[j].low)):
        negated = negated or toks[j].low in _NEGATIONS
        j -= 1
    return negated and k + 1 < len(toks) and toks[k + 1].low in _OPEN_QUESTION


_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ld", "id", "nd")
# Verbs whose participle names a work and its author: "figures published by", "a poll cited by".
_AUTHORING_LEMMAS = frozenset(
    "publish report announce post cite reveal disclose write quote tweet find estimate predict project".split()
)
# What may sit between the participle and "by": "published last month by", "released jointly by".
_BEFORE_AUTHOR = frozenset({"last", "this", "earlier", "on"}) | _TIME_WORDS | _CALENDAR_WORDS


def _skip_time_words(toks: list[_Token], j: int, step: int, most: int) -> int:
    """From token ``j``, step (+1 or -1) over at most ``most`` time words and -ly adverbs
    ("published last month by", "released jointly by"); the index reached. Never index 0."""
    for _ in range(most):
        if not 0 < j < len(toks) or not (toks[j].low in _BEFORE_AUTHOR or _adverb(toks[j].low)):
            break
        j += step
    return j


def _reduced_passive(toks: list[_Token], k: int, lemma: str) -> _Found | None:
    """'a study published (last month) by the institute found …', 'figures reported by the
    authority': a participle right after a common noun, then "by" and its author. The author
    is the source; the noun phrase (the work) is recorded as a description of the author."""
    if lemma not in _AUTHORING_LEMMAS:
        return None
    work = _work_before(toks, k)
    author = _author_of_work(toks, work) if work is not None else None
    if author is None:
        return None
    tok = toks[k]
    return _Found((tok.start, tok.end), tok.text, _span_of(toks, author), "by", work=_span_of(toks, work))


# What a source produces and others cite: the head noun of "a survey released by X".
_WORK_NOUNS = frozenset(
    """study studies report reports survey surveys poll polls figures data statistics numbers analysis
    research paper papers review audit assessment estimate estimates findings document documents memo
    letter statement article book biography interview affidavit filing records census index forecast
    forecasts projections results model note brief investigation""".split()
)


def _noun_before_participle(toks: list[_Token], k: int) -> tuple[int, int] | None:
    """The noun phrase that participle ``k`` modifies ("a survey released", "doctors
    interviewed"), as token indices; None when ``k`` is no participle after a common noun
    ("Trump responded")."""
    tok = toks[k]
    if k == 0 or not tok.text.islower() or not tok.low.endswith(_PARTICIPLE_ENDINGS):
        return None
    prev = toks[k - 1]
    if not prev.text.islower() or prev.low in _AUX or prev.low in _PASSIVE or prev.low in PRONOUNS or not _np_word(prev):
        return None
    noun = _np_backward(toks, k - 1)
    return None if noun is None or toks[noun[0]].low in PRONOUNS else noun


def _work_before(toks: list[_Token], k: int) -> tuple[int, int] | None:
    """The work that participle ``k`` modifies ("a survey released"), or None."""
    noun = _noun_before_participle(toks, k)
    return noun if noun is not None and toks[noun[1]].low in _WORK_NOUNS else None


def _author_of_work(toks: list[_Token], work: tuple[int, int]) -> tuple[int, int] | None:
    """'data compiled (last year) by the agency', 'the poll, released by the institute,': the
    author after a work and its participle."""
    k = work[1] + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if toks[work[1]].low not in _WORK_NOUNS or k >= len(toks):
        return None
    tok = toks[k]
    if not tok.text.islower() or not tok.low.endswith(_PARTICIPLE_ENDINGS):
        return None
    by = _skip_time_words(toks, k + 1, 1, 4)
    if by + 1 >= len(toks) or toks[by].low != "by" or not toks[by + 1].text[:1].isalpha() or toks[by + 1].low.endswith("ing"):
        return None
    return _np_forward(toks, by + 1)


def _reduced_relative(toks: list[_Token], np: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase that an agent ``np`` belongs to through a participle right before it:
    'a survey released last week by X found …' (a work: X speaks through it), 'doctors
    interviewed by the newspaper said …' (people: they speak, not the newspaper)."""
    by = np[0] - 1
    if by < 2 or toks[by].low != "by":
        return None
    return _noun_before_participle(toks, _skip_time_words(toks, by - 1, -1, 4))


_TIME_CONJUNCTIONS = frozenset("when after before until once as".split())


def _in_time_clause(toks: list[_Token], aux: int, lemma: str) -> bool:
    """'… cheered when the result was announced': a passive that dates an event, in a clause
    opened by a time conjunction, reports no one's words. ('When voters were asked …, 53
    percent chose X' still reports answers: people asked are speakers.)"""
    subject = _np_backward(toks, aux - 1) if aux >= 1 else None
    if subject is not None and lemma == "ask":
        return False
    opener = subject[0] - 1 if subject is not None else aux - 1
    return opener >= 1 and toks[opener].low in _TIME_CONJUNCTIONS


# Conjunctions that open a clause of its own after the writer's main clause.
_LATER_CLAUSE = frozenset("as while whereas but although though because since after when amid".split())
# "…, as the minister said": an "as" that attributes the whole sentence, not a clause of its own.
_ATTRIBUTIVE_AS = frozenset(
    "say report note tell write predict expect warn explain mention describe announce state claim confirm".split()
)


def _later_clause_start(toks: list[_Token], np: tuple[int, int], k: int, lemma: str) -> int | None:
    """Where the cue's clause starts, when it follows a main clause of the writer's and the cue
    introduces content of its own ("… plant as study questions cost savings"); else None."""
    opener = np[0] - 1
    if opener < 2 or toks[opener].low not in _LATER_CLAUSE:
        return None
    if toks[opener].low != "as":
        return toks[opener].start  # "Shares fell 4% after Musk posted …": the 4% is the writer's
    # "as" may attribute the whole sentence ("…, as the minister said on Friday")
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if lemma in _ATTRIBUTIVE_AS and (nxt is None or nxt.low not in {"that", "of", "about"}):
        return None
    if nxt is None or not nxt.text[:1].isalpha() or nxt.low in _BEFORE_AUTHOR or nxt.low in {"by", "in", "to"}:
        return None
    return toks[opener].start


_QUANTIFIERS = frozenset("many some most several few both all".split())


def _ends_in_aside(toks: list[_Token], k: int) -> bool:
    """'…, the newspaper reported on Monday, citing two sources': after the cue, at most a few
    words of time or place, then a participle or 'according to' clause that ends the sentence."""
    comma = next((j for j in range(k + 1, min(len(toks), k + 6)) if toks[j].text == ","), None)
    return comma is not None and comma + 1 < len(toks) and (
        toks[comma + 1].low.endswith("ing") or toks[comma + 1].low == "according"
    )


def _find_verb_cue(toks: list[_Token], *, heading: bool = False) -> _Found | None:
    title_case: bool | None = None
    sourceless: _Found | None = None
    # only the tokens that can be a cue: most are not
    for k in compress(count(), map(_VERB_OR_MAKE.__contains__, map(_low_of, toks))):
        tok = toks[k]
        lemma = _VERBS.get(tok.low)
        if lemma is None and tok.low in _MAKE_FORMS and _makes_clear(toks, k):
            lemma = "make clear"  # "made clear", "made it clear that"
        if lemma is None or not tok.is_word:
            continue
        if k > 0 and tok.text[:1].isupper() and toks[k - 1].text[:1].isupper():
            if title_case is None:
                title_case = _title_case(toks)
            if not title_case:
                continue  # part of a name ("The Island Post")
        prev = toks[k - 1].low if k else ""
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        # "Many say", "Some argue": a quantifier standing alone as the subject
        quantifier_subject = (
            prev in _QUANTIFIERS and tok.low == lemma and lemma not in _NOUN_LIKE
            and (k == 1 or not toks[k - 2].is_word or toks[k - 2].low in {"and", "but", "while", "yet"})
        )
        if (prev in DETERMINERS and (tok.low == lemma or tok.low.endswith("s")) and not quantifier_subject) or (
            prev in {"of", "to", "by", "with", "for"} and tok.low.endswith("s")
        ):
            continue  # a noun ("the reports", "of statements") or an infinitive
        if not _plausible_verb(toks, k, lemma) and not (lemma == "read" and nxt == ":" and k > 0 and toks[k - 1].is_word):
            continue  # (a colon right after it: 'A statement from the hospital read: "…"')
        if _negated_open_question(toks, k):
            continue  # "has not said whether she will sign it"
        if heading and tok.low.endswith("ed") and k > 0 and toks[k - 1].low not in _AUX:
            continue  # headlines drop "is/are": "Two charged after fire" is passive, no one speaks
        if nxt == "not" and lemma in {"ask", "request"}:
            continue  # "who asked not to be named": a condition of anonymity, not a claim
        authored = _reduced_passive(toks, k, lemma)
        if authored is not None:
            return authored
        before_adverbs = k - 1
        while before_adverbs > 0 and (toks[before_adverbs].low in _PASSIVE_ADVERBS or _adverb(toks[before_adverbs].low)):
            before_adverbs -= 1
        if tok.low.endswith(("ed", "en", "wn", "ld", "id")) and k and toks[before_adverbs].low in _PASSIVE:
            by = next((j for j in range(k + 1, min(len(toks), k + 4)) if toks[j].low == "by"), None)
            np = _np_forward(toks, by + 1) if by is not None else None
            if np:
                return _Found((tok.start, tok.end), tok.text, _span_of(toks, np), "passive")
            negated = any(t.low in _NEGATIONS for t in toks[max(0, before_adverbs - 3) : k])
            if lemma in _PASSIVE_SPEECH and k >= 2 and not negated and not _in_time_clause(toks, before_adverbs, lemma):
                # ("Ticket prices have not been announced" reports nothing)
                # "Sanders was asked …", "he was accused of …": reported speech whose speaker
                # the sentence does not name (the subject is its target, not its source)
                sourceless = sourceless or _Found((tok.start, tok.end), tok.text, None, "unnamed speaker")
            continue
        # the subject, skipping adverbs, auxiliaries and a parenthesis ("Sen. X (D-Mass.) said")
        b = _skip_back(toks, k - 1)
        appositive = _appositive_name(toks, b)
        described_as = None
        if appositive is not None:
            np = appositive
            description = _np_backward(toks, appositive[0] - 2) if appositive[0] >= 2 else None
            if description is not None:
                # "A resident who gave only her first name, Natalia, said": the resident
                relative = next((j for j in range(description[0] - 1, -1, -1)
                                 if toks[j].low in {"who", "which", "that"} or toks[j].text == ","), None)
                if relative is not None and toks[relative].text != ",":
                    description = _np_backward(toks, relative - 1) if relative >= 1 else None
            described_as = _span_of(toks, description) if description else None
        elif b >= 0 and _CONTRACTION_RE.sub("", toks[b].low) in PRONOUNS:
            np = (b, b)
        elif b >= 1 and toks[b].low in {"who", "which", "that"} and toks[b - 1].text == ",":
            np = _np_backward(toks, b - 2) if b >= 2 else None  # "X and Y, who say …"
        elif b >= 1 and toks[b].low in {"who", "that"}:
            np = _np_backward(toks, b - 1)  # "voters who say …"
            if np is not None and not _speaker_like(toks, np):
                np = None
        else:
            np = _np_backward(toks, b) if b >= 0 else None
        if np is not None and toks[np[0]].low in {"who", "which"}:
            np = None
        tail = (len(toks) - k <= 10 or _ends_in_aside(toks, k)) and np is not None and np[0] > 0 \
            and toks[np[0] - 1].text in {",", "—", "–", "--"}
        after_quote = _after_closing_quote(toks, k)
        if lemma in _WEAK and not (
            (lemma == "point" and nxt == "out")  # "pointed out" is speech, "pointed to" rarely
            or after_quote
            or tail
            or nxt == ":"
            or any(t.low == "that" for t in toks[k + 1 : k + 5])
            or (lemma in _WEAK_NAMED_OK and np is not None and _named_or_evidence(toks, np))
        ):
            continue
        how = "verb"
        work: tuple[int, int] | None = None
        if tok.low.endswith("ing") and prev in _ING_PREPOSITIONS:
            # "… by saying", "after announcing …": the subject of the sentence speaks
            np, how = _subject(toks), "participle"
            if np is None or (np[0] <= k <= np[1]):
                continue
        elif tok.low.endswith("ing") and (b < 0 or toks[b].text == "," or (k > 0 and toks[k - 1].low not in _PASSIVE and np is not None and np[0] > 0)):
            if lemma in _AMBIGUOUS_PARTICIPLES and not _introduces_content(toks, k):
                continue  # "claiming victory", "adding five delegates", "a poor showing"
            if np is not None and np[0] > 0 and toks[np[0] - 1].low == "with":
                how = "participle"  # "…, with analysts at X saying …": the analysts speak
            else:
                np, how = _subject(toks), "participle"
            if np is None or np[0] >= k:
                continue
        elif np is None and b >= 0 and toks[b].low == "to":
            np, how = _subject(toks), "infinitive"
            if np is None or np[0] >= k:
                continue
        elif np is None and b >= 0 and toks[b].low in {"and", "but"}:
            np, how = _subject(toks), "coordinated"
        elif np is None and b >= 0 and (toks[b].text in _QUOTE_MARKS or toks[b].text == ","):
            # Inversion ('"…," said the spokesman.') or a subject before a relative clause
            # or apposition ("X, who visited …, said").
            inverted = _np_forward(toks, k + 1) if lemma in _INVERSION_LEMMAS or toks[b].text in _QUOTE_MARKS else None
            if inverted is not None and (
                toks[b].text in _QUOTE_MARKS or inverted[1] + 1 >= len(toks) or not toks[inverted[1] + 1].is_word
            ):
                np, how = inverted, "inverted"
                named = _trailing_appositive_name(toks, inverted)
                if named is not None:  # 'said the company's chief executive, Ana Ribeiro.'
                    described_as, np = _span_of(toks, inverted), named
            elif toks[b].text == ",":
                np, how = _subject(toks), "subject"
                author = _author_of_work(toks, np) if np is not None else None
                if author is not None:  # "The poll, released on Wednesday by the institute, showed"
                    np, work = author, np
                # "Riverside Transit, the city-owned operator, called …"
                elif np is not None and np[1] + 1 < b and toks[np[1] + 1].text == ",":
                    description = _np_backward(toks, b - 1)
                    # an appositive starts right after the comma; "X, who was not involved in
                    # the report, said" ends a relative clause, which describes nothing
                    if description is not None and description[0] == np[1] + 2:
                        described_as = _span_of(toks, description)
        if np is None or np[0] > k and how not in {"inverted", "participle"}:
            continue
        claim_start = _later_clause_start(toks, np, k, lemma) if how == "verb" else None
        if how == "verb" and described_as is None:
            work = _reduced_relative(toks, np)
        if work is not None and toks[work[1]].low not in _WORK_NOUNS:
            np, work = work, None  # "doctors interviewed by the paper said": the doctors speak
        source = _span_of(toks, np)
        owner = _owner_of_document(toks, np)
        if owner is not None:  # "Mendes's statement accused …": Mendes speaks through it
            source, work = owner, np
        elif work is None:
            work = _work_after_cue(toks, k)  # "… reported in a paper published on Wednesday"
        return _Found(
            (tok.start, tok.end), tok.text, source, how, described_as, claim_start,
            _span_of(toks, work) if work else None,
        )
    return sourceless


def _work_after_cue(toks: list[_Token], k: int) -> tuple[int, int] | None:
    """'researchers reported in a paper', 'said in a statement': the speaker's own work."""
    j = _skip_time_words(toks, k + 1, 1, 3)
    if j + 1 >= len(toks) or toks[j].low != "in" or toks[j + 1].low not in {"a", "an", "the", "its", "their", "his", "her"}:
        return None
    for end in range(j + 2, min(len(toks), j + 5)):
        if toks[end].low in _WORK_NOUNS:
            return (j + 1, end)
        if not toks[end].is_word:
            break
    return None


_OWNED_DOCUMENTS = _WORK_NOUNS | frozenset(
    "tweet tweets post posts email emails speech remarks release lawsuit complaint ruling decision order".split()
)


def _owner_of_document(toks: list[_Token], np: tuple[int, int]) -> tuple[int, int] | None:
    """'Mendes's statement', "the ministry's report": the span of the owner of a document that
    is the subject, or None."""
    if np[1] == np[0] or toks[np[1]].low not in _OWNED_DOCUMENTS:
        return None
    for j in range(np[1] - 1, np[0] - 1, -1):
        if toks[j].text.endswith("'s") and len(toks[j].text) > 2:
            return toks[np[0]].start, toks[j].end - 2
        if toks[j].text.endswith("s'"):
            return toks[np[0]].start, toks[j].end - 1
    return None


def _find_phrase_cue(masked: str, toks: list[_Token], start: int, end: int) -> _Found | None:
    m = ACCORDING_RE.search(masked, start, end)
    if m:
        i = next((k for k, t in enumerate(toks) if t.start >= m.end()), None)
        np = _np_forward(toks, i) if i is not None else None
        if np:
            author = _author_of_work(toks, np)
            if author is None and toks[np[0]].low in {"its", "their"} and toks[np[1]].low in _WORK_NOUNS:
                subject = _subject(toks)  # "The port handled …, according to its annual report"
                if subject is not None and toks[subject[1]].end <= m.start() and toks[subject[0]].low not in PRONOUNS:
                    author = subject
            if author is not None:  # "according to data compiled by the agency"
                return _Found((m.start(), m.end()), m.group(), _span_of(toks, author), "according",
                              work=_span_of(toks, np))
            return _Found((m.start(), m.end()), m.group(), _span_of(toks, np), "according")
    # the possessive needs an apostrophe: most sentences have none, and the pattern is slow
    has_apostrophe = masked.find("'", start, end) >= 0 or masked.find("’", start, end) >= 0
    m = POSSESSIVE_CUE_RE.search(masked, start, end) if has_apostrophe else None
    if m and m.group(1).split()[-1].lower() not in {"it", "that", "there", "here", "what", "who", "let"}:
        return _Found((m.start(2), m.end(2)), m.group(2), (m.start(1), m.end(1)), "possessive")
    m = NOUN_CUE_RE.search(masked, start, end)
    if m:
        subject = _subject(toks)
        if subject is not None:
            return _Found((m.start(), m.end()), m.group(), _span_of(toks, subject), "noun")
    return None


_TRANSCRIPT_RE = re.compile(r"[\"“'‘`]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+\S")
_NOT_SPEAKERS = frozenset(
    """the latest update note editor's editors' exclusive breaking clarification correction analysis
    opinion commentary photos photo video watch read related live transcript warning editor
    source sources disclosure remember answer question result results bottom line total pledged
    superdelegates delegates votes vote score tally winner loser""".split()
)
_ALPHA_WORD_RE = re.compile(r"[A-Za-z]{2,}")
_HEADLINE_SPEAKER_RE = re.compile(
    r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]+(?:on|to|at|in|about|for|after)[ \t][^:\n]{1,60}:[ \t]"
)
_HEADLINE_COLON_RE = re.compile(r":[ \t]+([^:]+?)[ \t]*$")
# "Port chief: …", "Army spokesman: …": a role of up to four words before a headline's colon
_HEADLINE_ROLE_RE = re.compile(r"[\"“'‘]*((?:[\w.'’-]+[ \t]+){0,3}[\w.'’-]+):[ \t]+\S")
_HEADLINE_ROLES = TITLES | frozenset(
    """chief boss head spokesman spokeswoman spokesperson official officials minister ministers envoy
    expert experts analyst analysts economist economists police army military ministry government
    regulator union unions investigators prosecutors lawyers lawyer doctors scientists researchers""".split()
) - DETERMINERS - {"of", "for", "the", "first", "former", "acting", "interim", "press"}


def _all_capitals(name: str) -> bool:
    """'CASTELEIN', 'JOHN SMITH': how transcripts write speakers."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


# A signature after a quotation: '"…" ― Name', or a line of its own: '— Name (@handle) date'.
_SIGNATURE_RE = re.compile(
    r"(?:[\"”’'][ \t]*|^[ \t]*)[―—–]{1,2}[ \t]*"
    r"([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|da|van|von|del|la)){0,4})"
    r"(?:[ \t]*\(@\w+\))?[^\n\w]{0,3}(?:[A-Z][a-z]+ \d{1,2}, \d{4})?[^\n\w]{0,12}$"
)


_SIGNATURE_DASH_RE = re.compile(r"[―—–]")


def _find_signature_cue(text: str, unit: Unit) -> _Found | None:
    if not _SIGNATURE_DASH_RE.search(text, unit.start, unit.end):
        return None
    body = text[unit.start : unit.end]
    m = _SIGNATURE_RE.search(body.strip())
    if m is None:
        return None
    offset = unit.start + (len(body) - len(body.lstrip()))
    m_start, name_start, name_end = m.start() + offset, m.start(1) + offset, m.end(1) + offset
    dash = text.find("―", m_start, name_start)
    for mark in "—–":
        if dash < 0:
            dash = text.find(mark, m_start, name_start)
    return _Found((dash, dash + 1), text[dash], (name_start, name_end), "signature")


def _find_colon_cue(text: str, unit: Unit, toks: list[_Token]) -> _Found | None:
    m = _TRANSCRIPT_RE.match(text, unit.start, unit.end)
    if (
        m
        and not any(w.lower().replace("’", "'") in _NOT_SPEAKERS for w in m.group(1).split())
        # "CASTELEIN: No." — a speaker written in capitals may answer in one word
        and len(_ALPHA_WORD_RE.findall(text, m.end(1) + 1, unit.end)) >= (1 if _all_capitals(m.group(1)) else 2)
    ):
        colon = m.end(1)
        return _Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "transcript")
    if unit.kind is SentenceKind.HEADING:
        m = _HEADLINE_SPEAKER_RE.match(text, unit.start, unit.end)
        if m and not any(w.lower() in _NOT_SPEAKERS for w in m.group(1).split()):
            colon = m.end()-1
            return _Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "headline colon")
        m = _HEADLINE_ROLE_RE.match(text, unit.start, unit.end)
        if m and m.group(1).split()[-1].lower() in _HEADLINE_ROLES:
            colon = m.end(1)  # "Port chief: automation will not cost jobs"
            return _Found((colon, colon + 1), ":", (m.start(1), m.end(1)), "headline colon")
        m = _HEADLINE_COLON_RE.search(text, unit.start, unit.end)
        if m and m.start(1) > unit.start:
            rhs = [t for t in toks if t.start >= m.start(1)]
            words = [t for t in rhs if t.is_word]
            # a source after the colon is a name or a role, never a clause ("… will not cost jobs")
            if words and len(words) <= _COLON_RHS_MAX and not any(t.low in _VERBS or t.low in _AUX for t in words):
                if rhs[0].is_word and rhs[-1].is_word:
                    return _Found((m.start(), m.start() + 1), ":", (rhs[0].start, rhs[-1].end), "headline colon")
    return None


def find_cue(text: str, masked: str, unit: Unit) -> _Found | None:
    """The attribution cue of one unit, from its text outside quotations."""
    _load_lexicon()
    chunk = masked[unit.start : unit.end]
    # Most sentences hold no cue word at all: a cheap look before tokenising.
    signature = _find_signature_cue(text, unit)
    if signature is not None:
        return signature
    if text.find(":", unit.start, unit.end) < 0 and _CANDIDATES.isdisjoint(_LOWER_WORD_RE.findall(chunk.lower())):
        return None
    toks = _tokens(masked, unit.start, unit.end)
    if not toks:
        return None
    # a headline, not a first line that leads into what follows ("The chairwoman added:")
    headline = unit.kind is SentenceKind.HEADING and not text[unit.start : unit.end].rstrip().endswith(":")
    found = _find_colon_cue(text, unit, toks) or _find_verb_cue(toks, heading=headline)
    if found is None or found.source is None:
        # a cue that names its source ("according to …") beats one that does not
        found = _find_phrase_cue(masked, toks, unit.start, unit.end) or found
    elif found.how == "verb" and found.work is None and masked.find("ccording", found.cue[1], unit.end) >= 0:
        # "Romania reported 12,000 cases, according to data compiled by the agency": the
        # writer names where the figure comes from
        phrase = _find_phrase_cue(masked, toks, unit.start, unit.end)
        if phrase is not None and phrase.cue_text.lower().startswith("according") and phrase.cue[0] > found.cue[0]:
            found = phrase
    return found


def _looks_like_heading(text: str, unit: Unit, index: int) -> bool:
    """A first line without final punctuation reads as a headline even if not marked so."""
    if index != 0:
        return False
    body = text[unit.start : unit.end].rstrip()
    return bool(body) and body[-1] not in ".!?\"”’'"


_ALNUM_RE = re.compile(r"[^\W_]")


class _QuoteIndex:
    """Quoted regions in text order, for fast per-sentence lookups."""

    def __init__(self, text: str, groups: list) -> None:
        self.text = text
        self.regions = [(r.start, r.end) for g in groups for r in g.regions]
        self.regions.sort()
        self.starts = [r[0] for r in self.regions]

    def share(self, start: int, end: int) -> tuple[float, int]:
        """(share of the letters and digits of [start, end) inside quotes, spaces inside quotes)."""
        inside = spaces = 0
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        while i < len(self.regions) and self.regions[i][0] < end:
            r_start, r_end = max(self.regions[i][0], start), min(self.regions[i][1], end)
            if r_start < r_end:
                inside += len(_ALNUM_RE.findall(self.text, r_start, r_end))
                spaces += self.text.count(" ", r_start, r_end)
            i += 1
        if not inside:
            return 0.0, spaces  # most sentences: no need to count their letters
        return inside / len(_ALNUM_RE.findall(self.text, start, end)), spaces

    def touched(self, units: Sequence[Unit]) -> set[int]:
        """Indices of the units that overlap a quoted region (most units overlap none)."""
        starts = [u.start for u in units]
        found: set[int] = set()
        for r_start, r_end in self.regions:
            i = max(0, bisect.bisect_right(starts, r_start) - 1)
            while i < len(units) and units[i].start < r_end:
                if units[i].end > r_start:
                    found.add(i)
                i += 1
        return found

    def masked(self) -> str:
        """The text with every quoted character blanked (same length, quote marks kept)."""
        pieces, pos = [], 0
        for r_start, r_end in self.regions:
            if r_start < pos:
                continue
            pieces.append(self.text[pos:r_start])
            pieces.append(" " * (r_end - r_start))
            pos = r_end
        pieces.append(self.text[pos:])
        return "".join(pieces)


@dataclass
class _Decision:
    entity: Entity | None
    mention: Mention | None
    cue: tuple[int, int] | None
    cue_text: str
    how: str
    third_party_without_source: bool = False
    claim_start: int | None = None


# Set phrases built on speech words that report no one's words.
_IDIOM_PHRASES = (
    "all told", "needless to say", "so to speak", "that said", "that being said", "having said that",
    "truth be told", "to tell the truth", "suffice it to say", "to say the least", "it goes without saying",
    "according to",  # only before a plan or a custom: see _ACCORDING_TO_PLAN
)
_ACCORDING_TO_PLAN = re.compile(r"according to (?:the )?(?:plan|schedule|script|tradition|custom|form)\b")


def _blank_idioms(masked: str) -> str:
    """``masked`` with every idiom blanked (same length), so no cue is read inside one.

    Plain substring search, not one big case-insensitive pattern: on a long text the
    pattern would try its alternatives at every position.
    """
    lowered = masked.lower()
    if len(lowered) != len(masked):  # a character lower-cases to two: offsets would drift
        return masked
    spans = []
    for phrase in _IDIOM_PHRASES:
        at = lowered.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if phrase == "according to":
                plan = _ACCORDING_TO_PLAN.match(lowered, at)
                end = plan.end() if plan else -1
            if end > 0 and (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                spans.append((at, end))
            end = max(end, at + 1)
            at = lowered.find(phrase, end)
    at = lowered.find("comment")
    while at >= 0:  # the few places a non-response can be
        window = max(0, at - 100)
        for m in _NO_COMMENT.finditer(lowered, window, at + 80):
            if m.end() >= at:
                spans.append(m.span())
        at = lowered.find("comment", at + 7)
    if not spans:
        return masked
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        pieces += [masked[pos:start], " " * (end - start)]
        pos = end
    pieces.append(masked[pos:])
    return "".join(pieces)


def attribute(text: str, units: Sequence[Unit]) -> tuple[list[SentenceAttribution], list[Source]]:
    """Decide, for every unit, its label, source and cue; return the sources found."""
    _load_lexicon()
    groups = find_quotes(text)
    quote_index = _QuoteIndex(text, groups)
    masked = _blank_idioms(quote_index.masked())
    tracker = EntityTracker()
    decisions: list[_Decision | None] = [None] * len(units)
    quoted: list[bool] = []
    long_quote: list[bool] = []

    touched = quote_index.touched(units)
    for index, unit in enumerate(units):
        share, words_inside = quote_index.share(unit.start, unit.end) if index in touched else (0.0, 0)
        quoted.append(share >= 0.5 and words_inside >= 1)
        long_quote.append(words_inside >= 4)
        if unit.kind is SentenceKind.CAPTION:
            continue
        if unit.kind is not SentenceKind.HEADING and _looks_like_heading(text, unit, index):
            unit = Unit(unit.start, unit.end, SentenceKind.HEADING, unit.paragraph)
        found = find_cue(text, masked, unit) if _ALNUM_RE.search(text, unit.start, unit.end) else None
        if found is None:
            if REPORTEDLY_RE.search(masked, unit.start, unit.end):
                m = REPORTEDLY_RE.search(masked, unit.start, unit.end)
                assert m is not None
                decisions[index] = _Decision(None, None, (m.start(), m.end()), m.group(), "hedge", True)
            continue
        if found.source is None:
            decisions[index] = _Decision(None, None, found.cue, found.cue_text, found.how, True)
            continue
        source_text = text[found.source[0] : found.source[1]]
        mention = Mention(found.source[0], found.source[1], source_text, index) if found.source else None
        if source_text.lower() in _PERSONAL_PRONOUNS and index and decisions[index - 1] is None:
            _touch_previous_subject(text, masked, units, index, source_text.lower(), tracker)
        previous = units[index - 1] if index and decisions[index - 1] is None else None
        entity = _named_subject_for_description(text, masked, unit, mention, tracker, previous) if mention else None
        if entity is None and mention is not None:
            entity = tracker.add(mention)
        if entity is None:
            continue
        if found.described_as is not None:
            d_start, d_end = found.described_as
            tracker.describe(entity, Mention(d_start, d_end, text[d_start:d_end], index, speaking=False))
        if found.work is not None:
            w_start, w_end = found.work
            tracker.describe(entity, Mention(w_start, w_end, text[w_start:w_end], index, speaking=False, document=True))
        decisions[index] = _Decision(entity, mention, found.cue, found.cue_text, found.how, claim_start=found.claim_start)

    _assign_quotes(units, groups, decisions, quoted, long_quote, tracker)
    _continue_colons(text, units, decisions)
    _headline_role_to_lead_speaker(units, decisions, tracker)
    for u, unit in enumerate(units):
        if decisions[u] is not None and not _ALNUM_RE.search(text, unit.start, unit.end):
            decisions[u] = None  # a stray quote mark or dash on its own says nothing
    return _finish(text, units, decisions, tracker)


def _assign_quotes(
    units: Sequence[Unit],
    groups: list,
    decisions: list[_Decision | None],
    quoted: list[bool],
    long_quote: list[bool],
    tracker: EntityTracker,
) -> None:
    """Pass the speaker of each quotation to every sentence inside it."""
    starts = [u.start for u in units]
    last_speaker: _Decision | None = None
    last_paragraph = -10
    group_of_unit: dict[int, int] = {}
    for g_index, group in enumerate(groups):
        first = max(0, bisect.bisect_right(starts, group.start) - 1)
        for u in range(first, len(units)):
            if units[u].start >= group.end:
                break
            if units[u].end > group.start and (quoted[u] or long_quote[u]):
                group_of_unit.setdefault(u, g_index)
    members: dict[int, list[int]] = {}
    for u, g in group_of_unit.items():
        members.setdefault(g, []).append(u)
    speaker_of_group: dict[int, _Decision] = {}
    for g, us in members.items():
        us.sort()
        carrier = next((decisions[u] for u in us if decisions[u] is not None and decisions[u].entity), None)
        after = us[-1] + 1
        if carrier is None and after < len(units) and decisions[after] is not None and decisions[after].how == "signature":
            carrier = decisions[after]  # '"…" ― Name'
        if carrier is None:
            before = us[0] - 1
            if before >= 0 and decisions[before] is not None and decisions[before].entity and decisions[before].how != "signature":
                carrier = decisions[before]
        if carrier is None:
            if after < len(units) and decisions[after] is not None and units[after].paragraph == units[us[-1]].paragraph:
                carrier = decisions[after]
        if carrier is not None:
            speaker_of_group[g] = carrier
    for u in range(len(units)):
        dec = decisions[u]
        g = group_of_unit.get(u)
        if dec is None and g is not None:
            # the nearest speaker inside the same quotation before this sentence (a change
            # of turn in a transcript), else the quotation's own speaker
            carrier = next(
                (decisions[v] for v in reversed(members[g]) if v < u and decisions[v] is not None and decisions[v].entity),
                None,
            ) or speaker_of_group.get(g)
            if carrier is None and (quoted[u] or long_quote[u]) and last_speaker is not None and units[u].paragraph - last_paragraph <= 4:
                carrier = _Decision(last_speaker.entity, last_speaker.mention, last_speaker.cue, last_speaker.cue_text, "previous speaker")
            if carrier is not None:
                how = carrier.how if carrier.how.startswith("quote") else "quote"
                decisions[u] = _Decision(carrier.entity, carrier.mention, carrier.cue, carrier.cue_text, how)
        if decisions[u] is not None and decisions[u].entity is not None:
            last_speaker = decisions[u]
            last_paragraph = units[u].paragraph


_LEAD_UNITS = 3


def _headline_role_to_lead_speaker(
    units: Sequence[Unit], decisions: list[_Decision | None], tracker: EntityTracker
) -> None:
    """'Troops hold the bridge: army chief' names a role; the article's lead then names the
    person ('General Ana Costa said ...'): the headline's speaker is the first named speaker
    of the next few sentences."""
    for u, dec in enumerate(decisions):
        if dec is None or dec.entity is None or dec.entity.named:
            continue
        colon = dec.how == "headline colon"
        if not colon and units[u].kind is not SentenceKind.HEADING:
            continue
        if dec.mention is None:
            continue
        words = dec.mention.text.split()
        # "Mayor: …", "Port chief: …" in a headline: a role, capitalised only to start it
        title_only = words[-1].lower() in _HEADLINE_ROLES and all(w[1:].islower() and w[1:] for w in words) \
            and all(w.islower() for w in words[1:])
        if any(c.isupper() for c in dec.mention.text) and not title_only:
            continue  # a name, or an organisation written with capitals: its own source
        role = words[-1].lower()
        # "…, report says" then "the Kommersant newspaper reported": an outlet's report
        work = not colon and role in {"report", "reports"}
        lead = next(
            (
                later
                for later in decisions[u + 1 : u + 1 + _LEAD_UNITS]
                if later is not None and later.entity is not None and later.entity.named
                and later.entity.kind == ("media" if work else "person")
            ),
            None,
        )
        if lead is None or lead.entity is None:
            continue
        if not colon and not work and not any(role in m.text.lower().split() for m in lead.entity.mentions):
            continue  # "…, governor says" then "regional governor Oleh Kiper said": the same role
        tracker.describe(lead.entity, dec.mention)
        dec.entity = lead.entity


_PERSONAL_PRONOUNS = frozenset({"he", "she"})
# Titles that tell a pronoun "no": "Mrs. Clinton" is not a "he".
_TITLES_NOT_FOR = {"he": frozenset("mrs mrs. ms ms. miss madam lady".split()), "she": frozenset("mr mr. sir lord".split())}


def _touch_previous_subject(
    text: str, masked: str, units: Sequence[Unit], index: int, pronoun: str, tracker: EntityTracker
) -> None:
    """'Marsh has kept her distance. "…," she said.': a name introduced earlier that is the
    subject of the sentence before a pronoun's (in the same paragraph) is who the pronoun
    means, even though that sentence quotes no one: make it the most recent person."""
    previous = units[index - 1]
    if previous.paragraph != units[index].paragraph or previous.kind is not SentenceKind.SENTENCE:
        return
    toks = _tokens(masked, previous.start, previous.end)
    subject = _subject(toks)
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
    if described and not any(t.low in _TITLES_NOT_FOR[pronoun] for t in words):
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
    if any(t.low in _TITLES_NOT_FOR[pronoun] for t in words):
        return
    after = toks[subject[1] + 1] if subject[1] + 1 < len(toks) else None
    if after is None or not (after.text in {",", "("} or after.text[:1].islower()):
        return  # a subject goes on with an aside or its verb: "Marsh, who …", "Marsh has …"
    last = words[-1].text
    if text.find(last, 0, previous.start) < 0:
        return  # not a name the article has introduced
    start, end = words[0].start, words[-1].end
    tracker.add(Mention(start, end, text[start:end], index - 1, speaking=False))


def _last_titled_name(toks: list[_Token], pronoun: str) -> tuple[int, int] | None:
    """The last 'President Volodymyr Zelensky' of a sentence: a capitalised title, then at
    least two capitalised words; token indices, or None."""
    found = None
    k = 0
    while k < len(toks):
        if toks[k].text[:1].isupper() and toks[k].low in TITLES and toks[k].low not in _TITLES_NOT_FOR[pronoun]:
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


def _named_subject_for_description(
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
    toks = _tokens(masked, unit.start, unit.end)
    subject = _subject(toks)
    if subject is not None:
        subject = (subject[0], _through_name(toks, subject[1]))
    capitalised = [t for t in toks[subject[0] : subject[1] + 1] if t.text[:1].isupper()] if subject else []
    if (
        subject is None
        or toks[subject[1]].end > before
        or not toks[subject[1]].text[:1].isupper()
        or len(capitalised) < 2 and subject[0] == 0  # a capital only because it starts the sentence
        or toks[subject[0]].low in _VERBS
        or toks[subject[0]].low in {"according", "citing"}
    ):
        return None
    start, end = _span_of(toks, subject)
    if kinds is not None and mention_names(text[start:end])[2] not in kinds:
        return None  # "The regulator said" after a sentence whose subject is a person
    entity = tracker.add(Mention(start, end, text[start:end], mention.sentence, speaking=False))
    if entity is not None:
        tracker.describe(entity, mention)
    return entity


def _through_name(toks: list[_Token], end: int) -> int:
    """Extend a subject ending at ``end`` through role words and the name after them:
    "Battery maker" + "Voltera Energy" (at most two lower-case words, no verb)."""
    k = end + 1
    lower = 0
    while (
        k < len(toks) and toks[k].is_word and toks[k].text[:1].islower() and lower < 2 and toks[k].low not in _VERBS
        and not toks[k].low.endswith("ed")  # "the Commission fined Meridian": a verb, not a role
    ):
        k += 1
        lower += 1
    if not lower or k >= len(toks) or not toks[k].text[:1].isupper():
        return end
    while k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
        k += 1
    return k


def _continue_colons(text: str, units: Sequence[Unit], decisions: list[_Decision | None]) -> None:
    """A transcript turn ("NAME: …") runs to the end of its paragraph; a sentence ending in a
    colon ("He added:") passes its speaker to the rest of its paragraph, or to the whole next
    paragraph when the colon ends its own."""
    carry: _Decision | None = None
    carry_paragraph = -1
    for u, unit in enumerate(units):
        dec = decisions[u]
        if dec is None and carry is not None and unit.paragraph == carry_paragraph:
            decisions[u] = _Decision(carry.entity, carry.mention, carry.cue, carry.cue_text, carry.how)
            continue
        if dec is None or dec.entity is None:
            if unit.paragraph != carry_paragraph:
                carry = None
            continue
        ends_with_colon = text[unit.start : unit.end].rstrip().endswith(":")
        if ends_with_colon:
            last_in_paragraph = u + 1 >= len(units) or units[u + 1].paragraph != unit.paragraph
            carry = _Decision(dec.entity, dec.mention, dec.cue, dec.cue_text, "colon")
            carry_paragraph = unit.paragraph + 1 if last_in_paragraph else unit.paragraph
            if last_in_paragraph and u + 1 < len(units):
                carry_paragraph = units[u + 1].paragraph
        elif dec.how == "transcript":
            carry, carry_paragraph = dec, unit.paragraph
        else:
            carry = None


def _finish(
    text: str, units: Sequence[Unit], decisions: list[_Decision | None], tracker: EntityTracker
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
    _add_name_mentions(text, units, speaking)
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
    topic = article_topic(text)
    sources: list[Source] = []
    described: dict[int, tuple[Source, str]] = {}
    for n, entity in enumerate(speaking, 1):
        mentions = sorted((m for m in entity.mentions if not m.document), key=lambda m: m.start)
        contexts = [text[units[m.sentence].start : units[m.sentence].end] if 0 <= m.sentence < len(units) else "" for m in mentions]
        desc = describe_source([m.text for m in mentions], contexts, topic=topic, person=entity.kind == "person")
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
            out.append(_UNATTRIBUTED)  # frozen: one shared instance, not thousands of equal ones
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


_ROLE_WORDS_BEFORE_NAMES = (
    "host|anchor|moderator|pollster|analyst|commentator|columnist|correspondent|reporter|strategist|"
    "adviser|advisor|aide|spokesman|spokeswoman|spokesperson|former|longtime|chairman|chairwoman|chief|"
    "director|secretary|senator|governor|mayor|president|candidate|nominee|economist|professor|expert|"
    "lawyer|attorney|executive|founder|editor|writer|author|activist|leader|member|official|minister|"
    "general|judge|representative|actor|singer|comedian|star|voter|resident|supporter|critic|hopeful"
)
_NAME_BEFORE_RE = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*|of|the|" + _ROLE_WORDS_BEFORE_NAMES + r")[ \t]+)*$"
)


_CAPITALISED_WORD_RE = re.compile(r"\b[A-Z][\w&-]*")

_NAME_RUN_CHAR_RE = re.compile(r"[\w&-]")


def _capitalised_words_among(text: str, keys: Iterable[str]) -> Iterator[re.Match[str]]:
    """The matches of ``_CAPITALISED_WORD_RE.finditer(text)`` whose word, lower-cased, is a key.

    Rather than matching every capitalised word of a long text, look for the few keys in
    the lower-cased text and keep the places where that scan would have started a match.
    """
    keys = {key for key in keys if key}
    lowered = text.lower()
    if len(lowered) != len(text):  # a character lower-cases to two: offsets would drift
        yield from (m for m in _CAPITALISED_WORD_RE.finditer(text) if m.group().lower() in keys)
        return
    positions: set[int] = set()
    for key in keys:
        at = lowered.find(key)
        while at >= 0:
            positions.add(at)
            at = lowered.find(key, at + 1)
    for at in sorted(positions):
        m = _CAPITALISED_WORD_RE.match(text, at)
        if m is None or m.group().lower() not in keys:
            continue
        run_start = at
        while run_start > 0 and _NAME_RUN_CHAR_RE.match(text, run_start - 1):
            run_start -= 1
        # the scan's match covers its whole run of word characters: only its first one counts
        first = _CAPITALISED_WORD_RE.search(text, run_start, at + 1)
        if first is not None and first.start() == at:
            yield m


class _Coverage:
    """The offsets covered by some mentions (as they were when built), for membership tests."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions if m.start < m.end)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of any span starting at or before each start
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


_OF_HEADS = ORG_WORDS | TITLES | {"bank", "university", "institute", "college", "school", "city", "state"}


def _drop_leading_owner(text: str, start: int, name_start: int) -> int:
    """Where a name's run of words really starts: without "of"/"the" at its front, and without
    "Shares of" / "Residents of" ("Shares of Orvane Holdings"), keeping "Bank of", "Minister of"."""
    while True:
        words = text[start:name_start]
        if words.lower().startswith(("of ", "the ")):
            start = text.index(" ", start) + 1
            continue
        first, _, rest = words.partition(" ")
        if rest.lower().startswith("of ") and first.lower() not in _OF_HEADS:
            start += len(first) + 1
            continue
        return start


def _add_name_mentions(text: str, units: Sequence[Unit], entities: list[Entity]) -> None:
    """Add every other occurrence of a named entity's last name (with the words naming it)."""
    by_key: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.named:
            by_key.setdefault(entity.key, []).append(entity)
    if not by_key:
        return
    starts = [u.start for u in units]
    covered_by: dict[int, _Coverage] = {}
    for m in _capitalised_words_among(text, by_key.keys()):
        word = m.group()
        candidates = by_key.get(word.lower())
        if not candidates:
            continue
        if len(candidates) != 1:
            continue
        entity = candidates[0]
        covered = covered_by.get(id(entity))
        if covered is None:
            covered = covered_by[id(entity)] = _Coverage(entity.mentions)
        if covered.covers(m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = _NAME_BEFORE_RE.search(text, max(line_start, m.start() - 60), m.start())
        start = before.start() if before else m.start()
        start = _drop_leading_owner(text, start, m.start())
        sentence = max(0, bisect.bisect_right(starts, m.start()) - 1)
        _, names, _ = mention_names(text[start : m.end()])
        if not (names <= entity.names or entity.names <= names):
            continue  # "Bill Clinton" is not "Hillary Clinton"
        entity.mentions.append(Mention(start, m.end(), text[start : m.end()], sentence, speaking=False))
