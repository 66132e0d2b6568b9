"""Where the verb cue's source is: agents of passives, subjects before the verb, clause shapes that
put it elsewhere, and the details that refine the result (each an ordered table of named rows)."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.attribution.cues.candidate import Candidate
from reader.core.attribution.cues.reading import (
    FRACTIONS,
    SHARE_HEADS,
    in_time_clause,
    introduces_content,
    later_clause_start,
    one_in_five_ends_at,
    plural_subject_before,
    share_before_comma,
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
    np_backward,
    np_forward,
    sentence_subject,
    speaker_like,
    subject_before_relative_clause,
    trailing_appositive_name,
)
from reader.core.attribution.result import Found, How, Rule
from reader.core.attribution.tokens import (
    CONTRACTION_RE,
    adverb,
    span_of,
)
from reader.core.attribution.words import (
    AMBIGUOUS_PARTICIPLES,
    ING_PREPOSITIONS,
    INVERSION_LEMMAS,
    NEGATIONS,
    PASSIVE,
    PASSIVE_ADVERBS,
    PASSIVE_SPEECH,
    QUOTE_MARKS,
    ROLE_PREPOSITIONS,
    WORK_NOUNS,
)
from reader.core.sources import PRONOUNS

Span = tuple[int, int]


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


def _passive_auxiliary(c: Candidate) -> int | None:
    """The token of the passive's auxiliary ("was", "been"), past adverbs; None when the cue
    word is no participle after one."""
    toks, k = c.toks, c.k
    before_adverbs = k - 1
    while before_adverbs > 0 and (toks[before_adverbs].low in PASSIVE_ADVERBS or adverb(toks[before_adverbs].low)):
        before_adverbs -= 1
    if (
        c.tok.low.endswith(("ed", "en", "wn", "ld", "id", "cast"))  # "forecast", "broadcast"
        and k
        and toks[before_adverbs].low in PASSIVE
    ):
        return before_adverbs
    return None


def _passive(c: Candidate) -> Found | None:
    """'was told by X': the agent after "by" speaks. 'Sanders was asked …', 'he was accused
    of …': reported speech whose speaker the sentence does not name (its subject is the
    target, not the source); kept in case no other cue names one. Any other passive is no cue
    ("Ticket prices have not been announced")."""
    toks, k = c.toks, c.k
    before_adverbs = _passive_auxiliary(c)
    if before_adverbs is None:
        return None
    by = next((j for j in range(k + 1, min(len(toks), k + 4)) if toks[j].low == "by"), None)
    np = np_forward(toks, by + 1) if by is not None else None
    if np and toks[np[0]].text[:1].isdigit():
        np = None  # "forecast to fall by 2%": a measure, not an agent
    if np:
        return c.found(span_of(toks, np), How.PASSIVE, PASSIVE_BY)
    negated = any(t.low in NEGATIONS for t in toks[max(0, before_adverbs - 3) : k])
    if c.lemma in PASSIVE_SPEECH and k >= 2 and not negated and not in_time_clause(toks, before_adverbs, c.lemma):
        c.keep_sourceless(PASSIVE_UNNAMED)
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
    if description is not None and description[0] >= 2 and toks[description[0] - 1].low in ROLE_PREPOSITIONS:
        # "The BBC's correspondent in Jakarta, Rachel Harvey, said": the correspondent, not the place
        holder = np_backward(toks, description[0] - 2)
        description = (holder[0], description[1]) if holder is not None else description
    if description is not None:
        # "A resident who gave only her first name, Natalia, said": the resident
        relative = next(
            (
                j
                for j in range(description[0] - 1, -1, -1)
                if toks[j].low in {"who", "which", "that"} or toks[j].text == ","
            ),
            None,
        )
        if relative is not None and toks[relative].text != ",":
            description = np_backward(toks, relative - 1) if relative >= 1 else None
    c.described_as = span_of(toks, description) if description else None
    return True


_OBJECT_PRONOUNS = {"him", "them", "us", "me"}  # "those close to him say": no subject


def _pronoun(c: Candidate) -> bool:
    """'he said', 'they've said'."""
    if c.b >= 0 and CONTRACTION_RE.sub("", c.toks[c.b].low) in PRONOUNS and c.toks[c.b].low not in _OBJECT_PRONOUNS:
        c.np = (c.b, c.b)
        return True
    return False


def _relative_after_comma(c: Candidate) -> bool:
    """'X and Y, who say …': the phrase before the comma; 'Staunton, 49, who told …': the name
    before an age."""
    toks, b = c.toks, c.b
    if b >= 1 and toks[b].low in {"who", "which", "that"} and toks[b - 1].text == ",":
        np = np_backward(toks, b - 2) if b >= 2 else None
        if (
            np is not None
            and np[0] == np[1]
            and _is_age(toks[np[0]].text)
            and np[0] >= 2
            and toks[np[0] - 1].text == ","
        ):
            np = np_backward(toks, np[0] - 2)
        c.np = np
        return True
    return False


def _is_age(word: str) -> bool:
    return word.isdigit() and 0 < int(word) < 120


def _relative(c: Candidate) -> bool:
    """'voters who say …': the phrase before "who", if it could speak."""
    toks, b = c.toks, c.b
    if b >= 1 and toks[b].low in {"who", "that"}:
        np = np_backward(toks, b - 1)
        c.np = np if np is not None and speaker_like(toks, np) else None
        return True
    return False


def _subject(c: Candidate) -> bool:
    """'Mayor Lena Ortiz said': the noun phrase right before the verb; 'Those close to him
    say': from the sentence's subject through the object pronoun."""
    if c.tok.low == c.lemma and c.b == c.k - 1:
        plural = plural_subject_before(c.toks, c.k)
        if plural is not None:
            c.np = plural
            return True
    c.np = np_backward(c.toks, c.b) if c.b >= 0 and c.toks[c.b].low not in _OBJECT_PRONOUNS else None
    return True


_GROUP_QUANTIFIERS = {"most", "many", "some", "several", "all", "few", "both", "half", "none", "majority", "minority"}


def _quantified_group(c: Candidate) -> bool:
    """'Most of them said', 'a majority of us say': the part of a group that speaks."""
    toks, b = c.toks, c.b
    if b >= 2 and toks[b].low in {"them", "us"} and toks[b - 1].low == "of" and toks[b - 2].low in _GROUP_QUANTIFIERS:
        first = b - 3 if b >= 3 and toks[b - 3].low in {"a", "the"} else b - 2
        c.np = (first, b)
        return True
    return False


def _share_of_those_asked(c: Candidate) -> bool:
    """'42% say', 'one in five say', 'about two-thirds, 67 percent, say': the share of those
    asked that answers."""
    toks, b = c.toks, c.b
    if share_before_comma(toks, b):
        c.np = (b - 2, b - 1)
        return True
    if b >= 1 and toks[b].text == "%" and toks[b - 1].text[:1].isdigit():
        c.np = (b - 1, b)
        return True
    if b >= 1 and toks[b].low in FRACTIONS and toks[b - 1].low in {"a", "one"}:
        c.np = (b - 1, b)  # "a third say"
        return True
    near_in = b >= 2 and any(t.low == "in" for t in toks[max(0, b - 4) : b])  # (cheap: most have none)
    np = np_backward(toks, b) if near_in and toks[b].is_word else None
    if np is not None and np[0] >= 2 and toks[np[0] - 1].low == "in" and toks[np[0] - 2].low in SHARE_HEADS:
        c.np = (np[0] - 2, np[1])  # "majorities in all five (states) say"
        return True
    if one_in_five_ends_at(toks, b):
        c.np = (b - 2, b)
        return True
    return False


def _before_relative_clause(c: Candidate) -> bool:
    """'Friends of Mr. Clinton's who have seen him recently say …': the speakers the clause describes."""
    np = subject_before_relative_clause(c.toks, c.k, c.lemma)
    if np is None:
        return False
    c.np = np
    return True


SUBJECTS: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.appositive", _appositive),
    Rule("verb.before_relative_clause", _before_relative_clause),
    Rule("verb.quantified_group", _quantified_group),
    Rule("verb.share_of_those_asked", _share_of_those_asked),
    Rule("verb.pronoun", _pronoun),
    Rule("verb.relative_after_comma", _relative_after_comma),
    Rule("verb.relative", _relative),
    Rule("verb.subject", _subject),
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
    if not (
        c.tok.low.endswith("ing")
        and (
            b < 0 or toks[b].text == "," or (k > 0 and toks[k - 1].low not in PASSIVE and np is not None and np[0] > 0)
        )
    ):
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


_AS_SAYING = {"saying", "telling", "writing", "stating", "adding", "warning"}


def _quoted_as_saying(c: Candidate) -> bool:
    """'AP quoted prosecutor Y as saying …': Y speaks; the outlet only relays."""
    if c.lemma != "quote" or c.how is not How.VERB:
        return False
    toks = c.toks
    quoted = np_forward(toks, c.k + 1)
    if quoted is None or quoted[1] + 2 >= len(toks):
        return False
    if toks[quoted[1] + 1].low != "as" or toks[quoted[1] + 2].low not in _AS_SAYING:
        return False
    c.np = quoted
    return True


DETAILS: tuple[Rule[Callable[[Candidate], bool]], ...] = (
    Rule("verb.quoted_as_saying", _quoted_as_saying),
    Rule("verb.later_clause", _later_clause),
    Rule("verb.reduced_relative", _reduced_relative),
    Rule("verb.people_interviewed", _people_interviewed),
)
DOCUMENT_OWNER = "verb.document_owner"
OWN_WORK = "verb.own_work"


def result(c: Candidate) -> Found:
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
