"""Who a pronoun or a bare description means, from the sentence before or the sentence's own subject.

Two questions, each an ordered table of named rows:

* ``PREVIOUS_SUBJECT``: before a "he"/"she" resolves, which name in the sentence before (when
  that one quotes no one) should become the most recent person;
* ``DESCRIBED_SUBJECT``: which named subject a bare description ("the company") stands for,
  when nothing earlier fits it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from reader.core.attribution.article import Article, AuthoredWork
from reader.core.attribution.phrases import sentence_subject, through_name
from reader.core.attribution.result import Rule
from reader.core.attribution.tokens import Token, role_noun, span_of
from reader.core.attribution.words import TITLES_NOT_FOR, VERBS, WORK_NOUNS
from reader.core.lexicon import trie_pattern
from reader.core.mentions import WORK_SYNONYMS, _person_noun
from reader.core.model import SentenceKind
from reader.core.sources import DETERMINERS, TITLES, Entity, Mention, mention_names

# What a row of PREVIOUS_SUBJECT answers: the tokens of the name (first, last), None when the
# row does not apply (the next row is tried), False when it applies and finds no name.
_Answer = tuple[int, int] | Literal[False] | None


@dataclass(eq=False)
class _Previous:
    """The sentence before a pronoun's: its tokens, its subject, and the pronoun."""

    art: Article
    index: int  # the previous sentence's unit
    toks: list[Token]
    subject: tuple[int, int]
    pronoun: str

    @property
    def words(self) -> list[Token]:
        return self.toks[self.subject[0] : self.subject[1] + 1]

    def wrong_title(self) -> bool:
        """A title that tells the pronoun "no" ("Mrs. Clinton" is not a "he")."""
        return any(t.low in TITLES_NOT_FOR[self.pronoun] for t in self.words)


def _role_and_name(p: _Previous) -> _Answer:
    """'Privacy campaigner Max Weber, whose complaints …, welcomed the fine. "…," he told …':
    a full name with its lower-case role is a person, introduced right there."""
    words = p.words
    run = 0
    while run < len(words) and words[-1 - run].is_word and words[-1 - run].text[:1].isupper():
        run += 1
    if run >= 3 and _role_word(p, words[0]):
        run -= 1  # "Songwriter Guy Chambers, who …": a role that starts the sentence
    role = words[: len(words) - run]
    lower_case_role = any(t.text.islower() for t in role) and all(
        t.text.islower() or t is p.toks[0]
        for t in role  # the first word may be capitalised to start the sentence
    )
    # "MPC member Paul Tucker": whatever is before it, a role noun right before the name
    described = run >= 2 and bool(role) and (lower_case_role or _role_word(p, role[-1]))
    return p.subject if described and not p.wrong_title() else None


def _role_word(p: _Previous, tok: Token) -> bool:
    """A role noun ("member", "songwriter"), capitalised only if it starts the sentence."""
    if tok is p.toks[0]:
        tok = tok._replace(text=tok.text[:1].lower() + tok.text[1:])
    return role_noun(tok)


def _name_then_role(p: _Previous) -> _Answer:
    """'Ann Simpson, marketing manager at Snappy Snaps, believes …. "…," she said': a full name
    with a lower-case role set after it is a person, introduced right there."""
    words = p.words
    after = p.subject[1] + 1
    if (
        len(words) < 2
        or not all(t.is_word and t.text[:1].isupper() for t in words)
        or after + 1 >= len(p.toks)
        or p.toks[after].text != ","
        or p.wrong_title()
    ):
        return None
    appositive = []
    for tok in p.toks[after + 1 : after + 8]:
        if tok.text in {",", ".", ";"} or not tok.text[:1].islower():
            break
        appositive.append(tok)
    return p.subject if any(role_noun(t) for t in appositive) else None


def _titled_name(p: _Previous) -> _Answer:
    """'… after President Ana Ruiz met the envoys. She said …': when the subject is no name,
    the last titled name of the sentence."""
    if all(t.is_word and t.text[:1].isupper() and t.low not in DETERMINERS for t in p.words):
        return None
    return _last_titled_name(p.toks, p.pronoun) or False


def _introduced_name(p: _Previous) -> _Answer:
    """'Marsh has kept her distance. "…," she said.': a name the article introduced earlier,
    as the subject of the sentence before."""
    if p.wrong_title():
        return False
    after = p.toks[p.subject[1] + 1] if p.subject[1] + 1 < len(p.toks) else None
    if after is None or not (after.text in {",", "("} or after.text[:1].islower()):
        return False  # a subject goes on with an aside or its verb: "Marsh, who …", "Marsh has …"
    if p.art.text.find(p.words[-1].text, 0, p.art.units[p.index].start) < 0:
        return False  # not a name the article has introduced
    return p.subject


PREVIOUS_SUBJECT: tuple[Rule[Callable[[_Previous], _Answer]], ...] = (
    Rule("antecedent.role_and_name", _role_and_name),
    Rule("antecedent.name_then_role", _name_then_role),
    Rule("antecedent.titled_name", _titled_name),
    Rule("antecedent.introduced_name", _introduced_name),
)


def touch_previous_subject(art: Article, index: int, pronoun: str) -> str | None:
    """Make the name that a pronoun in unit ``index`` means the most recent person, when the
    sentence before (in the same paragraph) quotes no one; the id of the row that found it."""
    units = art.units
    previous = units[index - 1]
    if previous.paragraph != units[index].paragraph or previous.kind is not SentenceKind.SENTENCE:
        return None
    toks = art.tokens[index - 1]
    subject = sentence_subject(toks)
    if subject is None:
        return None
    p = _Previous(art, index - 1, toks, subject, pronoun)
    for rule in PREVIOUS_SUBJECT:
        name = rule.run(p)
        if name is None:
            continue
        if name is False:
            return None
        start, end = toks[name[0]].start, toks[name[1]].end
        art.tracker.add(Mention(start, end, art.text[start:end], index - 1, speaking=False))
        return rule.id
    return None


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


def _own_subject(art: Article, index: int, mention: Mention, head: str) -> Entity | None:
    """'Voltera Energy will build a plant, the company said': the named subject of the
    description's own sentence."""
    return _named_subject_of(art, index, mention, before=mention.start)


def _subject_before(art: Article, index: int, mention: Mention, head: str) -> Entity | None:
    """'The Data Commission fined X. The regulator said …': the named organisation that is the
    subject of the sentence before, when that one quotes no one."""
    if index == 0 or art.decisions[index - 1] is not None:
        return None
    previous = art.units[index - 1]
    if previous.kind is not SentenceKind.SENTENCE or mention_names("the " + head)[2] not in {
        "org",
        "media",
    }:
        return None
    return _named_subject_of(art, index - 1, mention, before=previous.end, kinds={"org", "media"})


def _recent_person(art: Article, index: int, mention: Mention, head: str) -> Entity | None:
    """'Duncan Bannatyne … The businessman, whose latest venture is a casino, said': a person
    described by what they do, right after a named person no other description fits."""
    if not _person_noun(head):
        return None
    entity = art.tracker.most_recent({"person"})
    if entity is None or not entity.named or not entity.mentions:
        return None
    if index - entity.mentions[-1].sentence > _RECENT_PERSON_UNITS:
        return None
    if head in TITLES and not _untitled_subject_just_before(art, index, entity):
        return None  # "the minister" may be anyone holding the office
    art.tracker.describe(entity, mention)
    return entity


_RECENT_PERSON_UNITS = 3


def _untitled_subject_just_before(art: Article, index: int, entity: Entity) -> bool:
    """'Jack Straw has attacked the ruling. The foreign secretary said …': a title describes the
    person named as the subject of the sentence right before, when no mention of theirs has a
    title yet (a person only mentioned there may be anyone: "… Clinton's rival. The mayor said")."""
    last = entity.mentions[-1]
    if last.sentence != index - 1 or mention_names(last.text)[0] is None:
        return False  # named right before, not by a pronoun that may be someone else's
    if any(word.lower() in TITLES for m in entity.mentions for word in m.text.split()):
        return False
    toks = art.tokens[index - 1]
    subject = sentence_subject(toks)
    if subject is None or toks[subject[1]].low.endswith(("'s", "’s")):
        return False  # "Clinton's husband, Bill, …": the subject is someone else
    start, end = span_of(toks, subject)
    return last.start <= start and end <= last.end  # the name is the whole subject


_WORK_BEFORE = re.compile(
    rf"\b(?P<work>{trie_pattern(WORK_NOUNS)})\s+(?:(?:carried out|conducted|published|commissioned|released|"
    r"produced|compiled|done)\s+)?$"
)
_AUTHOR = re.compile(
    r"(?:the\s+)?(?P<author>(?:[A-Z]\.|[A-Z][\w&'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w&'’-]*|of|for|and|&))*"
    r"(?:\s+(?:magazine|newspaper|website))?)"
)


def _authored_works(text: str) -> list[AuthoredWork]:
    """Every work named with its author, in order. Found from each "by"/"from" (a search in C),
    looking back for the work: a regex alternation tried at every word costs far more."""
    found: list[AuthoredWork] = []
    for marker in (" by ", " from "):
        at = text.find(marker)
        while at >= 0:
            work = _WORK_BEFORE.search(text, max(0, at - 48), at + 1)
            author = _AUTHOR.match(text, at + len(marker)) if work is not None else None
            if work is not None and author is not None:
                found.append(AuthoredWork(work.group("work").lower(), author.span("author")))
            at = text.find(marker, at + 1)
    found.sort(key=lambda w: w.author)
    return found


def _last_authored_work(art: Article, before: int) -> AuthoredWork | None:
    """The last work named with its author whose author ends before offset ``before``."""
    if art.authored_works is None:  # found once per article: a long one may ask many times
        art.authored_works = _authored_works(art.text)
    works = art.authored_works
    k = bisect.bisect_right([w.author[1] for w in works], before) if works else 0
    return works[k - 1] if k else None


def _authored_work_before(art: Article, index: int, mention: Mention, head: str) -> Entity | None:
    """'A survey carried out by PC Pro magazine looked at … The tests found …': a bare work is
    the last work the article names with its author, and speaks for that author."""
    if head not in WORK_NOUNS:
        return None
    same = {head, *WORK_SYNONYMS.get(head, ())}
    found = _last_authored_work(art, art.units[index].start)
    if found is None or found.work not in same:
        return None
    start, end = found.author
    entity = art.tracker.add(Mention(start, end, art.text[start:end], mention.sentence, speaking=False))
    if entity is not None:
        art.tracker.describe(entity, mention)
    return entity


DESCRIBED_SUBJECT: tuple[Rule[Callable[[Article, int, Mention, str], Entity | None]], ...] = (
    Rule("antecedent.own_subject", _own_subject),
    Rule("antecedent.subject_before", _subject_before),
    Rule("antecedent.recent_person", _recent_person),
    Rule("antecedent.authored_work_before", _authored_work_before),
)


def named_subject_for_description(art: Article, index: int, mention: Mention) -> tuple[Entity, str] | None:
    """The named subject that a bare description ("the company") in unit ``index`` stands for,
    when nothing earlier fits it, and the id of the row that found it."""
    m = _BARE_DESCRIPTION_RE.fullmatch(mention.text.strip())
    if m is None or art.tracker.has_head(m.group(1)):
        return None
    for rule in DESCRIBED_SUBJECT:
        entity = rule.run(art, index, mention, m.group(1))
        if entity is not None:
            return entity, rule.id
    return None


def _named_subject_of(
    art: Article, index: int, mention: Mention, *, before: int, kinds: set[str] | None = None
) -> Entity | None:
    """The named subject of unit ``index`` (ending before offset ``before``), described by ``mention``."""
    toks = art.tokens[index]
    subject = sentence_subject(toks)
    if subject is not None:
        subject = (subject[0], through_name(toks, subject[1]))
    capitalised = [t for t in toks[subject[0] : subject[1] + 1] if t.text[:1].isupper()] if subject else []
    if (
        subject is None
        or toks[subject[1]].end > before
        or not toks[subject[1]].text[:1].isupper()
        or (len(capitalised) < 2 and subject[0] == 0)  # a capital only because it starts the sentence
        or toks[subject[0]].low in VERBS
        or toks[subject[0]].low in {"according", "citing"}
    ):
        return None
    start, end = span_of(toks, subject)
    if kinds is not None and mention_names(art.text[start:end])[2] not in kinds:
        return None  # "The regulator said" after a sentence whose subject is a person
    entity = art.tracker.add(Mention(start, end, art.text[start:end], mention.sentence, speaking=False))
    if entity is not None:
        art.tracker.describe(entity, mention)
    return entity
