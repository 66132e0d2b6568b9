"""How a cue word reads in its sentence: a verb or a noun, after a quote, before content, in a time clause."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from reader.core.attribution.phrases import np_backward, sentence_subject, skip_back, subject_before_relative_clause
from reader.core.attribution.result import Rule
from reader.core.attribution.tokens import Token, adverb
from reader.core.attribution.words import (
    ATTRIBUTIVE_AS,
    AUX,
    BASE_OK_BEFORE,
    BEFORE_AUTHOR,
    CLOSE_TO_OPEN,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    INFINITIVE_SPEECH,
    LATER_CLAUSE,
    NEGATIONS,
    NOUN_LIKE,
    NUMBER_WORDS,
    OPEN_QUESTION,
    PLURAL_QUANTITIES,
    QUOTE_MARKS,
    SUBJECT_NOUNS,
    SUBJECT_PRONOUNS,
    TIME_CONJUNCTIONS,
    VERBS,
)
from reader.core.sources import DETERMINERS, PLURAL_WORDS, PRONOUNS


def after_closing_quote(toks: list[Token], k: int) -> bool:
    """True when token ``k`` is right after a closing quote ('…," he said')."""
    back = k - 1
    while back >= 0 and toks[back].low in AUX:
        back -= 1
    for _ in range(3):
        if back < 0:
            return False
        if toks[back].text in QUOTE_MARKS:
            return True
        if toks[back].is_word:
            back -= 1
            if back >= 0 and toks[back].text in QUOTE_MARKS:
                return True
            # allow a short subject between the quote and the verb
            continue
        back -= 1
    return False


_EVIDENCE_HEADS = EVIDENCE_NOUNS | DOCUMENT_NOUNS | PLURAL_WORDS  # evidence, documents, groups


def _evidence_subject(toks: list[Token], k: int, plural_only: bool = False) -> bool:
    """True when the words before ``k`` (back to a clause break) hold an evidence or source noun:
    "a USA TODAY analysis of newly filed reports shows"."""
    for j in range(k - 1, max(-1, k - 13), -1):
        tok = toks[j]
        if not tok.is_word or tok.low in {"that", "which", "who", "and", "but"} or (tok.low in VERBS and j != k - 1):
            return False
        if tok.low in _EVIDENCE_HEADS:
            return not plural_only or tok.low.endswith("s")
    return False


class _Reading(NamedTuple):
    """A cue word at ``k`` and the word its subject ends with (``prev``)."""

    toks: list[Token]
    k: int
    lemma: str
    word: str  # the cue word, lower-cased
    prev: Token
    is_base: bool  # the bare form: "say"
    is_s: bool  # the -s form: "says" (not "press")


def _word_before(toks: list[Token], k: int, lemma: str) -> Token | None:
    """The word the cue's subject ends with: past adverbs and an aside ("Some Democrats,
    however, question …"); past an appositive ("The Tax Policy Center, a nonpartisan think
    tank, estimates …", only for a noun-like or bare form); None when there is none."""
    if not (adverb(toks[k - 1].low) or toks[k - 1].text == "," or toks[k - 1].text in CLOSE_TO_OPEN):
        return toks[k - 1]
    if share_before_comma(toks, k - 1):
        return toks[k - 2]  # "Just over a quarter, 26 percent, say"
    back = skip_back(toks, k - 1)
    if back < 0:
        return None
    prev = toks[back]
    if prev.text == "," and (lemma in NOUN_LIKE or toks[k].low == lemma):
        subject = sentence_subject(toks)
        if subject is not None and subject[1] + 1 < back and toks[subject[1] + 1].text == ",":
            prev = toks[subject[1]]
    return prev


def _evidence(r: _Reading) -> bool | None:
    """'a USA TODAY analysis of newly filed reports shows'."""
    return True if _evidence_subject(r.toks, r.k, plural_only=r.is_base) else None


def _after_auxiliary(r: _Reading) -> bool | None:
    """'did not immediately respond', 'will also discuss'."""
    j = r.k - 1
    while j >= 0 and (r.toks[j].low in AUX or adverb(r.toks[j].low)):
        if r.toks[j].low in BASE_OK_BEFORE:
            return True
        j -= 1
    return None


def _after_possessive(r: _Reading) -> bool | None:
    """'the editor's note', "Trump's claims": a noun after a possessive."""
    low = r.prev.low
    if (r.is_base or r.word.endswith("s")) and low.endswith("'s") and low[:-2] not in PRONOUNS:
        return False
    return None


def _unambiguous_form(r: _Reading) -> bool | None:
    """'said', 'saying': only the bare and -s forms can be nouns."""
    return True if not (r.is_base or r.is_s) else None


def _after_subject_word(r: _Reading) -> bool | None:
    """'they say', 'who claims', 'will report'."""
    low = r.prev.low
    return True if low in BASE_OK_BEFORE or low in SUBJECT_PRONOUNS or low in AUX else None


def _infinitive(r: _Reading) -> bool | None:
    """'to talk', 'to comment': an infinitive of a verb that nearly always reports speech."""
    return True if r.is_base and r.prev.low == "to" and r.lemma in INFINITIVE_SPEECH else None


def _bare_after_relative_clause(r: _Reading) -> bool | None:
    """'Supporters who have heard from the campaign say': a bare verb after a "who" clause."""
    return True if r.is_base and subject_before_relative_clause(r.toks, r.k, r.lemma) is not None else None


def _bare_after_plural(r: _Reading) -> bool | None:
    """'officials say', 'polls show', '9 percent say', 'Mr. Grassley and Mr. Leahy say'."""
    if not r.is_base:
        return None
    if _plural_subject_head(r.toks, r.prev):
        return True  # "Proponents of the bill, however, say"
    prev = r.prev
    if prev.low in PLURAL_QUANTITIES or (prev.low in FRACTIONS and r.lemma == "say") or _one_in_five(r):
        return True  # "42% say", "a third say", "one in five say"
    if not prev.is_word:
        return False
    if prev.low.endswith("s") or prev.text[:1].isdigit():
        return True
    return prev.low not in VERBS and prev.text[:1].isupper() and r.lemma not in NOUN_LIKE


FRACTIONS = frozenset({"third", "quarter", "fifth", "half"})
SHARE_HEADS = frozenset({"majority", "majorities", "most", "many", "half", "minority", "plurality"})


def share_before_comma(toks: list[Token], comma: int) -> bool:
    """'…, 26 percent, say': a share in digits set off by commas, the second one at ``comma``."""
    return (
        comma >= 2
        and toks[comma].text == ","
        and toks[comma - 1].low in {"percent", "%"}
        and toks[comma - 2].text[:1].isdigit()
    )


def one_in_five_ends_at(toks: list[Token], last: int) -> bool:
    """'one in five', 'six in 10': a share of those asked whose last number is at ``last``."""
    return last >= 2 and toks[last - 1].low == "in" and number_token(toks[last]) and number_token(toks[last - 2])


def _one_in_five(r: _Reading) -> bool:
    """'one in five say', 'majorities in all five states say': a share of those asked."""
    toks, k = r.toks, r.k
    if one_in_five_ends_at(toks, k - 1):
        return True
    for j in range(k - 2, max(k - 6, 0), -1):
        if not toks[j].is_word:
            return False
        if toks[j].low == "in":
            return toks[j - 1].low in SHARE_HEADS
    return False


def number_token(tok: Token) -> bool:
    """A number, in digits or in words."""
    return tok.text[:1].isdigit() or tok.low in NUMBER_WORDS


def _plural_subject_head(toks: list[Token], prev: Token) -> bool:
    """Whether the sentence opens with a plural head and an "of" phrase that ends at ``prev``
    ("Proponents of the new bill, however, say")."""
    end = next((j for j in range(min(len(toks), 12)) if toks[j] is prev), None)
    if end is None or end < 2 or toks[1].low != "of":
        return False
    if any(not t.is_word or t.low in AUX for t in toks[: end + 1]):
        return False
    head = toks[0].low
    return (head.endswith("s") and not head.endswith("ss")) or head in PLURAL_QUANTITIES


_PLURAL_HEADS = {"those", "people", "many", "some", "others", "few", "most", "several"}
_RELATIVES = {"who", "which", "that", "whose", "whom"}


def plural_subject_before(toks: list[Token], k: int) -> tuple[int, int] | None:
    """'Those close to him say', 'Political observers in Virginia and around the country say':
    the span of a plural subject that opens the sentence, followed only by the words of what it
    is about, right before the bare verb at ``k``; else None."""
    if k > 12 or k < 2:
        return None
    before = toks[:k]
    if any(
        not t.is_word
        or t.low in AUX
        or t.low in _RELATIVES
        or (t.low in VERBS and not (j and before[j - 1].low in DETERMINERS))  # "the state" is a noun
        for j, t in enumerate(before)
    ):
        return None
    head_end = next((j for j, t in enumerate(before) if t.low in _SUBJECT_LINKS), k)
    return (0, k - 1) if any(_plural(t.low) for t in before[:head_end]) else None


def _bare_after_plural_subject(r: _Reading) -> bool | None:
    """A bare verb after a plural subject and what it is about (``plural_subject_before``)."""
    if not r.is_base or r.lemma in NOUN_LIKE:
        return None
    return True if plural_subject_before(r.toks, r.k) is not None else None


_SUBJECT_LINKS = {"of", "in", "to", "at", "on", "from", "around", "across", "close", "near", "with", "for"}


def _plural(low: str) -> bool:
    return low in _PLURAL_HEADS or low in PLURAL_WORDS  # not any -s word: "Dawson wins squad recall"


_CLAUSE_ENDS = frozenset({".", ";", ")", "?", "!"})
_PREPOSITIONS = frozenset({"during", "in", "on", "of", "for", "with", "by", "from", "to", "at", "after", "before"})
_PLURAL_VERBS = frozenset({"are", "were", "have", "tend", "do", "can", "could", "will", "would", "may", "might"})


def _plural_noun_ending_a_phrase(r: _Reading) -> bool | None:
    """'during FaceTime calls.', 'video calls tend to …': an -s form that ends a clause or is
    followed by a plural verb is a plural noun, not a verb with its object."""
    if not (r.is_s and r.lemma in NOUN_LIKE):
        return None
    nxt = r.toks[r.k + 1] if r.k + 1 < len(r.toks) else None
    if nxt is not None and nxt.low in _PLURAL_VERBS:
        return False
    # "during FaceTime calls." ends a prepositional phrase; "…, The Wall Street Journal reports." is a verb
    before = r.toks[r.k - 2] if r.k >= 2 else None
    after_preposition = before is not None and (before.low in _PREPOSITIONS or r.prev.text.islower())
    return False if (nxt is None or nxt.text in _CLAUSE_ENDS) and after_preposition else None


def _noun_like_before_a_verb(r: _Reading) -> bool | None:
    """'The Demos report looked at …', 'the Paris attack would …', 'Clinton emails released': a
    noun-like cue word after a name and right before a verb of its own ("was", an -ed form) is
    the head of a noun phrase, not a verb ("he claims has been" and "vows not to" stay verbs)."""
    if r.lemma not in NOUN_LIKE or not (r.is_base or r.is_s) or r.k + 1 >= len(r.toks):
        return None
    if not r.toks[r.k - 1].text[:1].isupper():
        return None
    nxt = r.toks[r.k + 1]
    if (
        nxt.text.islower()
        and nxt.low != "not"
        and (nxt.low in AUX or (nxt.low.endswith("ed") and nxt.low not in VERBS))
    ):
        return False
    return None


def _noun_like_before_that(r: _Reading) -> bool | None:
    """'South Korea's top car maker estimates that …': a cue word between a noun and "that" is
    a verb taking its content ("the estimates that" is a noun and its relative clause)."""
    if r.lemma not in NOUN_LIKE or r.k + 1 >= len(r.toks) or r.toks[r.k + 1].low != "that":
        return None
    if r.k + 2 < len(r.toks) and r.toks[r.k + 2].low in AUX:
        return None  # "estimates that were published": a relative clause
    prev = r.prev
    return True if prev.is_word and prev.low not in DETERMINERS and not prev.low.endswith(("'s", "’s")) else None


def _noun_like_after_name(r: _Reading) -> bool | None:
    """'Trump attacks' (verb) versus 'recent attacks' (noun) and '42 Russian attacks' (noun)."""
    if r.lemma not in NOUN_LIKE:
        return None
    toks, k, prev = r.toks, r.k, r.prev
    before = toks[k - 2] if k >= 2 and prev is toks[k - 1] else None
    if before is not None and (before.text[:1].isdigit() or before.low in DETERMINERS - {"that"}):
        return False
    return prev.is_word and (prev.text[:1].isupper() or prev.low in SUBJECT_NOUNS)


# How a cue word reads, in order: True a verb, False a noun or no subject, None no say.
READINGS: tuple[Rule[Callable[[_Reading], bool | None]], ...] = (
    Rule("reading.plural_noun_ending_a_phrase", _plural_noun_ending_a_phrase),
    Rule("reading.noun_like_before_a_verb", _noun_like_before_a_verb),
    Rule("reading.evidence_subject", _evidence),
    Rule("reading.after_auxiliary", _after_auxiliary),
    Rule("reading.after_possessive", _after_possessive),
    Rule("reading.unambiguous_form", _unambiguous_form),
    Rule("reading.after_subject_word", _after_subject_word),
    Rule("reading.infinitive", _infinitive),
    Rule("reading.bare_after_plural_subject", _bare_after_plural_subject),
    Rule("reading.bare_after_relative_clause", _bare_after_relative_clause),
    Rule("reading.bare_after_plural", _bare_after_plural),
    Rule("reading.noun_like_before_that", _noun_like_before_that),
    Rule("reading.noun_like_after_name", _noun_like_after_name),
)
_READINGS = tuple(rule.run for rule in READINGS)


def plausible_verb(toks: list[Token], k: int, lemma: str) -> bool:
    """Rule out noun readings of ambiguous cue words and bare forms with no subject."""
    if k == 0:
        return False
    prev = _word_before(toks, k, lemma)
    if prev is None:
        return False
    word = toks[k].low
    is_base = word == lemma
    if not is_base and not word.endswith("s"):
        # "said", "told", "saying": no row before ``unambiguous_form`` can say otherwise (each
        # needs a bare or -s form, or answers True), so the table need not run
        return True
    r = _Reading(
        toks,
        k,
        lemma,
        word,
        prev,
        is_base,
        not is_base and word.endswith("s") and not word.endswith("ss"),
    )
    for reading in _READINGS:
        verdict = reading(r)
        if verdict is not None:
            return verdict
    return True


def introduces_content(toks: list[Token], k: int) -> bool:
    """True when a quote, colon or "that" follows the cue within two tokens."""
    return any(t.low == "that" or t.text in QUOTE_MARKS or t.text == ":" for t in toks[k + 1 : k + 4])


def makes_clear(toks: list[Token], k: int) -> bool:
    following = [t.low for t in toks[k + 1 : k + 3]]
    return following[:1] == ["clear"] or following == ["it", "clear"]


def negated_open_question(toks: list[Token], k: int) -> bool:
    """'X has not said whether …': a cue that reports nothing. (Other negated cues, "did not
    mention", "did not respond to a request for comment", still report a speech event: news
    annotation counts them, so they stay attributed.)"""
    j, negated = k - 1, False
    while j >= 0 and (toks[j].low in AUX or adverb(toks[j].low)):
        negated = negated or toks[j].low in NEGATIONS
        j -= 1
    return negated and k + 1 < len(toks) and toks[k + 1].low in OPEN_QUESTION


def in_time_clause(toks: list[Token], aux: int, lemma: str) -> bool:
    """'… cheered when the result was announced': a passive that dates an event, in a clause
    opened by a time conjunction, reports no one's words. ('When voters were asked …, 53
    percent chose X' still reports answers: people asked are speakers.)"""
    subject = np_backward(toks, aux - 1) if aux >= 1 else None
    if subject is not None and lemma == "ask":
        return False
    opener = subject[0] - 1 if subject is not None else aux - 1
    return opener >= 1 and toks[opener].low in TIME_CONJUNCTIONS


def later_clause_start(toks: list[Token], np: tuple[int, int], k: int, lemma: str) -> int | None:
    """Where the cue's clause starts, when it follows a main clause of the writer's and the cue
    introduces content of its own ("… plant as study questions cost savings"); else None."""
    opener = np[0] - 1
    if opener < 2 or toks[opener].low not in LATER_CLAUSE:
        return None
    if toks[opener].low != "as":
        return toks[opener].start  # "Shares fell 4% after Musk posted …": the 4% is the writer's
    # "as" may attribute the whole sentence ("…, as the minister said on Friday")
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if lemma in ATTRIBUTIVE_AS and (nxt is None or nxt.low not in {"that", "of", "about"}):
        return None
    if nxt is None or not nxt.text[:1].isalpha() or nxt.low in BEFORE_AUTHOR or nxt.low in {"by", "in", "to"}:
        return None
    return toks[opener].start


def ends_in_aside(toks: list[Token], k: int) -> bool:
    """'…, the newspaper reported on Monday, citing two sources': after the cue, at most a few
    words of time or place, then a participle or 'according to' clause that ends the sentence."""
    comma = next((j for j in range(k + 1, min(len(toks), k + 6)) if toks[j].text == ","), None)
    return (
        comma is not None
        and comma + 1 < len(toks)
        and (toks[comma + 1].low.endswith("ing") or toks[comma + 1].low == "according")
    )
