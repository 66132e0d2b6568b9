"""Noun phrases on the tokens: scanning back and forward, the sentence subject, appositives, asides."""

from __future__ import annotations

from reader.core.attribution.tokens import CONTRACTION_RE, Token, adverb, np_word, role_noun
from reader.core.attribution.words import (
    ASIDES,
    AUX,
    BEFORE_AUTHOR,
    CALENDAR_WORDS,
    CLOSE_TO_OPEN,
    DASHES,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    FLOATING_QUANTIFIERS,
    IRREGULAR_PARTICIPLES,
    NAME_PARTICLES,
    NP_JOINERS,
    POST_NOMINALS,
    ROLE_HEADS,
    ROLE_PREPOSITIONS,
    SENTENCE_ADVERBS,
    SUBJECT_NOUNS,
    SUBORDINATE_OPENERS,
    TIME_MODIFIERS,
    TIME_WORDS,
    VERBS,
)
from reader.core.sources import DETERMINERS, PRONOUNS, TITLES


def _determiner_opens(toks: list[Token], i: int, j: int) -> bool:
    """A determiner at ``j`` opens the phrase (scanning stops after it), unless "of", "for",
    "and" or "a source familiar with" come right before it."""
    return (
        toks[j].low in DETERMINERS
        and j < i
        and not (j > 0 and toks[j - 1].low in NP_JOINERS)
        and not (j > 1 and toks[j - 1].low in ROLE_PREPOSITIONS and toks[j - 2].low in ROLE_HEADS)
    )


def _back_joiner(toks: list[Token], i: int, j: int) -> bool:
    """'the Bank of England', 'head of research': "of", "for", "at", "&" between words."""
    tok = toks[j]
    return tok.low in NP_JOINERS and 0 < j < i and np_word(toks[j - 1]) and tok.low != "and"


def _back_and_names(toks: list[Token], i: int, j: int) -> bool:
    """'Mr. Grassley and Mr. Leahy': "and" between capitalised words."""
    return toks[j].low == "and" and 0 < j < i and toks[j - 1].text[:1].isupper() and toks[j + 1].text[:1].isupper()


def _back_role_preposition(toks: list[Token], i: int, j: int) -> bool:
    """'a source familiar with the talks', 'an economist at the college'."""
    return toks[j].low in ROLE_PREPOSITIONS and 0 < j < i and toks[j - 1].low in ROLE_HEADS


def _back_and_in_role_object(toks: list[Token], i: int, j: int) -> bool:
    """'experts on North Korea and nuclear arms': "and" inside what a role noun is about."""
    if not (toks[j].low == "and" and 0 < j < i):
        return False
    for k in range(j - 1, max(j - 5, 0), -1):
        if toks[k].low in ROLE_PREPOSITIONS and toks[k - 1].low in ROLE_HEADS:
            return True
        if not np_word(toks[k]):
            return False
    return False


def _back_in_place(toks: list[Token], i: int, j: int) -> bool:
    """'the ministry in Bucharest', 'officials in Kyiv', 'Residents in Houston'."""
    if not (toks[j].low == "in" and 0 < j < i):
        return False
    place, before = toks[j + 1], toks[j - 1]
    return (
        place.text[:1].isupper()
        and place.low.rstrip(".") not in CALENDAR_WORDS
        and not place.low.endswith(("'s", "’s"))
        and (before.text.islower() or (j == 1 and toks[0].text[1:].islower()))
        and np_word(before)
        and not before.low.endswith("ed")
    )


# What may link the words of a noun phrase, scanning left: (id, test of token j).
BACK_LINKS = (
    ("np.joiner", _back_joiner),
    ("np.and_names", _back_and_names),
    ("np.role_preposition", _back_role_preposition),
    ("np.in_place", _back_in_place),
    ("np.and_in_role_object", _back_and_in_role_object),
)
_BACK_LINK_TESTS = tuple(test for _, test in BACK_LINKS)
# every link test needs its token to be one of these words: a quick look before the table
_LINK_WORDS = NP_JOINERS | ROLE_PREPOSITIONS | {"and", "in"}


def _links_back(toks: list[Token], i: int, j: int) -> bool:
    return toks[j].low in _LINK_WORDS and any(test(toks, i, j) for test in _BACK_LINK_TESTS)


# Occasions a speaker speaks at, written right before the name when a comma is left out.
_OCCASIONS = {
    "interview",
    "interviews",
    "meeting",
    "speech",
    "debate",
    "rally",
    "appearance",
    "conference",
    "session",
    "hearing",
    "statement",
    "broadcast",
    "podcast",
    "town-hall",
}


def np_backward(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``i`` (inclusive), scanning left; token indices."""
    j = i
    while j >= 0 and j >= i - 12:
        tok = toks[j]
        if j < i and tok.low in _OCCASIONS and toks[j + 1].text[:1].isupper():
            break  # "In a Bloomberg interview Trump declared": the occasion ends before the name
        if np_word(tok):
            j -= 1
            if tok.low in DETERMINERS and _determiner_opens(toks, i, j + 1):
                break
        elif _links_back(toks, i, j):
            j -= 1
        else:
            break
    first = j + 1
    if first > i:
        return None
    while first <= i and toks[first].low in NP_JOINERS:
        first += 1
    if first == 0 and adverb(toks[0].low) and len(toks) > 1 and toks[1].low.endswith("ed"):
        first = 1  # "Eventually recalled by the Reich, …": an adverb opening a participle clause
    if i > first and toks[i].text.islower() and toks[i].low.endswith("ed"):
        i -= 1  # "a university poll released (last week) found"
    first = _past_a_glued_headline(toks, first, i)
    return (first, i) if first <= i else None


def _past_a_glued_headline(toks: list[Token], first: int, last: int) -> int:
    """Where a phrase starts once the end of a headline glued to the first sentence is left out:
    '(Call for Kenteris to be) cleared Kostas Kenteris' lawyer', '(… on detainees -) Straw Jack
    Straw': a participle that ends a passive ("to be cleared") before a name, or a surname written
    once more before the full name, cannot start it ("a retired Air Force general" can)."""
    passive_end = first >= 1 and toks[first - 1].low in {"be", "been", "being", "is", "was", "are", "were"}
    participle = toks[first].text.islower() and toks[first].low.endswith("ed")
    if last - first >= 1 and passive_end and participle and toks[first + 1].text[:1].isupper():
        return first + 1
    name_run = all(t.text[:1].isupper() for t in toks[first : last + 1])
    if last - first >= 2 and name_run and toks[first].text == toks[last].text:
        return first + 1
    return first


def _role_then_name(toks: list[Token], j: int) -> bool:
    """'(Tamas Varga of) oil broker PVM': up to three lower-case role words, then a name."""
    k = j
    while (
        k < len(toks) and k < j + 3 and toks[k].text.islower() and np_word(toks[k]) and not toks[k].low.endswith("ed")
    ):
        k += 1
    return j < k < len(toks) and toks[k].text[:1].isupper() and toks[k].is_word


def _name_goes_on(toks: list[Token], j: int) -> bool:
    """Whether a capitalised name word follows at ``j``, after any more particles."""
    while j < len(toks) and toks[j].low in NAME_PARTICLES and toks[j].text.islower():
        j += 1
    return j < len(toks) and toks[j].text[:1].isupper()


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


class _Forward:
    """The state of a scan right from token ``i``: whether a name has started, and where an
    affiliation's role words ("of oil broker PVM") end."""

    __slots__ = ("affiliation", "i", "seen_name", "toks")

    def __init__(self, toks: list[Token], i: int) -> None:
        self.toks, self.i = toks, i
        self.seen_name = False
        self.affiliation = -1

    def lowercase_after_name(self, j: int) -> bool:
        """A lower-case word after a name ends the phrase ("Mendes said"), except joiners,
        roles, titles, evidence nouns ("a Marist poll"), particles ("de Vries") and the role
        words of an affiliation ("Tamas Varga of oil broker PVM")."""
        tok = self.toks[j]
        return (
            self.seen_name
            and tok.text.islower()
            and tok.low not in NP_JOINERS
            and tok.low not in ROLE_HEADS
            and tok.low not in TITLES
            and tok.low not in EVIDENCE_NOUNS
            and not (tok.low in NAME_PARTICLES and _name_goes_on(self.toks, j + 1))
            and not (role_noun(tok) and j + 1 < len(self.toks) and self.toks[j + 1].text[:1].isupper())
            and j > self.affiliation
        )

    def word_goes_on(self, j: int) -> bool:
        """Token ``j`` is a word of the phrase (not a participle, not a second determiner)."""
        toks, i, tok = self.toks, self.i, self.toks[j]
        verb_like = j > i and tok.text.islower() and (tok.low.endswith("ed") or tok.low in IRREGULAR_PARTICIPLES)
        in_name = self.seen_name and j > i and tok.is_word and tok.text[:1].isupper() and toks[j - 1].text[:1].isupper()
        return (
            (np_word(tok) or in_name)  # "Stuart Rose", "Theresa May": a stop word inside a name
            and not (self.seen_name and self.lowercase_after_name(j))
            and not verb_like
            and not (j > i and tok.low in DETERMINERS and toks[j - 1].low not in NP_JOINERS)
            and not (self.seen_name and j > i and tok.low in _WEEKDAYS)  # "said Mendes Monday"
        )

    def take_word(self, j: int) -> None:
        """Has a name started with token ``j``? (Called until one has.)"""
        toks, tok = self.toks, self.toks[j]
        # "Privacy campaigner Max Weber": a capital on the first word may only start the sentence
        sentence_start_role = j == 0 and j + 1 < len(toks) and role_noun(toks[j + 1])
        self.seen_name = self.seen_name or (
            tok.text[:1].isupper() and tok.low not in DETERMINERS and not sentence_start_role
        )

    def joiner(self, j: int) -> bool:
        """'the Bank of England', 'Tamas Varga of oil broker PVM': a joiner before a determiner,
        a capital or role words and a name."""
        toks = self.toks
        return (
            toks[j].low in _JOINERS_NOT_AND
            and j + 1 < len(toks)
            and j > self.i
            and (toks[j + 1].low in DETERMINERS or toks[j + 1].text[:1].isupper() or _role_then_name(toks, j + 1))
        )

    def and_names(self, j: int) -> bool:
        """'the Centre for Disease Prevention and Control': "and" inside a name."""
        toks = self.toks
        return (
            toks[j].low == "and"
            and self.seen_name
            and j + 1 < len(toks)
            and toks[j - 1].text[:1].isupper()
            and toks[j + 1].text[:1].isupper()
        )


_JOINERS_NOT_AND = NP_JOINERS - {"and"}


def np_forward(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, scanning right; token indices."""
    if i >= len(toks):
        return None
    if toks[i].low in PRONOUNS or CONTRACTION_RE.sub("", toks[i].low) in PRONOUNS:
        return (i, i)  # "he", "I'm", "we've"
    scan = _Forward(toks, i)
    j = i
    while j < len(toks) and j < i + 12:
        if (
            scan.seen_name
            and j > i
            and toks[j - 1].low in NP_JOINERS
            and toks[j].text.islower()
            and _role_then_name(toks, j)
        ):
            scan.affiliation = j + 3
        if scan.word_goes_on(j):
            if not scan.seen_name:
                scan.take_word(j)
        elif not (scan.joiner(j) or scan.and_names(j)):
            break
        j += 1
    last = j - 1
    while last >= i and toks[last].low in NP_JOINERS:
        last -= 1
    return (i, last) if last >= i else None


def _opening_adverb(toks: list[Token], i: int) -> bool:
    """'Separately, …', 'Thus, …', 'Soon, though, …': an adverb set off by a comma before the subject."""
    return i + 1 < len(toks) and toks[i + 1].text == "," and (adverb(toks[i].low) or toks[i].low in ASIDES)


def sentence_subject(toks: list[Token]) -> tuple[int, int] | None:
    """The subject of a sentence: its first noun phrase after any opening clause."""
    i = 0
    while i < len(toks) and (not toks[i].is_word or toks[i].low in SENTENCE_ADVERBS or _opening_adverb(toks, i)):
        i += 1
    if i < len(toks) and toks[i].low in SUBORDINATE_OPENERS:
        comma = next((k for k in range(i, len(toks)) if toks[k].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    return np_forward(toks, i)


def _skip_aside(toks: list[Token], b: int) -> tuple[int, bool]:
    """Step left over the parenthesis or dash-enclosed aside that token ``b`` closes:
    (where to go on, whether to stop there)."""
    opener = CLOSE_TO_OPEN[toks[b].text]
    j = next((j for j in range(b - 1, max(-1, b - 25), -1) if toks[j].text == opener), None)
    if j is None or j == 0:
        return b, True
    return j - 1, opener in DASHES


# "the minutes showed", "its papers said": a time word after these is a noun, no time adverbial
_NOUN_DETERMINERS = {"the", "its", "their", "his", "her"}


def skip_back(toks: list[Token], b: int) -> int:
    """Step left over adverbs, auxiliaries, time words ("the senator on Tuesday said", "Trump
    a few days later told"), ", however," and one parenthetical or dash-enclosed aside."""
    while b >= 0:
        tok = toks[b]
        if tok.low in AUX or (adverb(tok.low) and tok.text.islower()):
            b -= 1
        elif tok.low in TIME_WORDS and b > 0 and toks[b - 1].low not in _NOUN_DETERMINERS:
            b -= 1
            while b >= 0 and toks[b].low in TIME_MODIFIERS:
                b -= 1
        elif tok.text == "," and b >= 2 and toks[b - 1].low in ASIDES and toks[b - 2].text == ",":
            b -= 3
        elif tok.low in POST_NOMINALS and tok.text[:1].isupper() and b >= 2 and toks[b - 1].text == ",":
            b -= 2  # "Richard Mawrey, QC told"
        elif tok.low in FLOATING_QUANTIFIERS and b >= 1 and (toks[b - 1].low in AUX or toks[b - 1].low in PRONOUNS):
            b -= 1  # "have both said", "they all told"
        elif tok.text in CLOSE_TO_OPEN and b > 0:
            b, stop = _skip_aside(toks, b)
            if stop:
                return b
        else:
            return b
    return b


def appositive_name(toks: list[Token], b: int) -> tuple[int, int] | None:
    """The name in "the mayor of Aveiro, Rui Tavares, said": a capitalised run between commas."""
    if b < 2 or toks[b].text != ",":
        return None
    np = np_backward(toks, b - 1)
    if np is None or np[0] == 0 or toks[np[0] - 1].text != ",":
        return None
    words = toks[np[0] : np[1] + 1]
    if (
        all(t.text[:1].isupper() for t in words)
        and toks[np[0]].low not in DETERMINERS
        and not _second_place_part(toks, np[0] - 1)
    ):
        return np
    return None


def _second_place_part(toks: list[Token], comma: int) -> bool:
    """'a salesman from Sumter, South Carolina, says': after a place brought in by a
    preposition, the name between the commas is the rest of the place ("City, State")."""
    place = np_backward(toks, comma - 1) if comma >= 1 else None
    return (
        place is not None
        and place[0] >= 1
        and toks[place[0] - 1].low in {"from", "of"}
        and all(t.text[:1].isupper() for t in toks[place[0] : place[1] + 1])
    )


def trailing_appositive_name(toks: list[Token], np: tuple[int, int]) -> tuple[int, int] | None:
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


def through_name(toks: list[Token], end: int) -> int:
    """Extend a subject ending at ``end`` through role words and the name after them:
    "Battery maker" + "Voltera Energy" (at most two lower-case words, no verb)."""
    k = end + 1
    lower = 0
    while (
        k < len(toks)
        and toks[k].is_word
        and toks[k].text[:1].islower()
        and lower < 2
        and toks[k].low not in VERBS
        and not toks[k].low.endswith("ed")  # "the Commission fined Meridian": a verb, not a role
    ):
        k += 1
        lower += 1
    if not lower or k >= len(toks) or not toks[k].text[:1].isupper():
        return end
    while k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
        k += 1
    return k


def speaker_like(toks: list[Token], np: tuple[int, int]) -> bool:
    """Could this noun phrase speak? A name, a pronoun, or a person, group or source noun."""
    head = toks[np[1]]
    if CONTRACTION_RE.sub("", head.low) in PRONOUNS:
        return True
    if head.text[:1].isupper() and head.low not in DETERMINERS:
        return True
    if head.low in SUBJECT_NOUNS or head.low in EVIDENCE_NOUNS or head.low in DOCUMENT_NOUNS:
        return True
    return head.low.endswith(
        (
            "ers",
            "ists",
            "ians",
            "ants",
            "ents",
            "als",
            "ors",
            "ees",
            "people",
            "men",
            "women",
            "ics",
        )
    )


def named_or_evidence(toks: list[Token], np: tuple[int, int]) -> bool:
    head = toks[np[1]]
    if head.low in EVIDENCE_NOUNS or (head.text[:1].isupper() and head.low not in PRONOUNS):
        return True
    # "The survey of 1,120 likely voters found …": the head comes before "of"
    of = next((j for j in range(np[0] + 1, np[1]) if toks[j].low == "of"), None)
    return of is not None and toks[of - 1].low in EVIDENCE_NOUNS


def skip_time_words(toks: list[Token], j: int, step: int, most: int) -> int:
    """From token ``j``, step (+1 or -1) over at most ``most`` time words and -ly adverbs
    ("published last month by", "released jointly by"); the index reached. Never index 0."""
    for _ in range(most):
        if not 0 < j < len(toks) or not (toks[j].low in BEFORE_AUTHOR or adverb(toks[j].low)):
            break
        j += step
    return j


# "who has refused to endorse", "who will say": the verb belongs to the clause
_NOT_A_MAIN_VERB_AFTER = frozenset(
    {"to", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might"}
    | {"should", "must", "do", "does", "did", "not"}
)


def subject_before_relative_clause(toks: list[Token], k: int, lemma: str) -> tuple[int, int] | None:
    """'Supporters who have heard from the campaign say …': the noun phrase before a "who"
    clause that runs, without punctuation, up to the bare verb at ``k`` (a plural subject's: "who
    has refused to endorse" is the clause's own verb); it must be able to speak."""
    if k < 2 or not toks[k - 1].is_word or toks[k - 1].low in _NOT_A_MAIN_VERB_AFTER or toks[k].low != lemma:
        return None  # ("voters who say": the relative clause is the cue's own, verb.relative)
    for j in range(k - 2, max(k - 14, 0), -1):
        tok = toks[j]
        if not tok.is_word:
            return None
        if tok.low == "who":
            if j < 1 or not toks[j - 1].is_word:
                return None
            np = np_backward(toks, j - 1) or (j - 1, j - 1)  # ("Mr. Clinton's" reads as no phrase alone)
            if np[0] >= 2 and toks[np[0] - 1].low == "of" and np_word(toks[np[0] - 2]):
                np = (np_backward(toks, np[0] - 2) or np)[0], np[1]  # "Friends of Mr. Clinton's who …"
            return np if speaker_like(toks, (np[0], _head_before_of(toks, np))) else None
    return None


def _head_before_of(toks: list[Token], np: tuple[int, int]) -> int:
    return next((j - 1 for j in range(np[0] + 1, np[1] + 1) if toks[j].low == "of"), np[1])
