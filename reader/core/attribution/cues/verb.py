"""The verb cue: a communication verb and the noun phrase that speaks through it."""

from __future__ import annotations

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
from reader.core.attribution.result import Found
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


def find_verb_cue(toks: list[Token], *, heading: bool = False) -> Found | None:
    title_case: bool | None = None
    sourceless: Found | None = None
    # only the tokens that can be a cue: most are not
    for k in compress(count(), map(VERB_OR_MAKE.__contains__, map(low_of, toks))):
        tok = toks[k]
        lemma = VERBS.get(tok.low)
        if lemma is None and tok.low in MAKE_FORMS and makes_clear(toks, k):
            lemma = "make clear"  # "made clear", "made it clear that"
        if lemma is None or not tok.is_word:
            continue
        if k > 0 and tok.text[:1].isupper() and toks[k - 1].text[:1].isupper():
            if title_case is None:
                title_case = is_title_case(toks)
            if not title_case:
                continue  # part of a name ("The Island Post")
        prev = toks[k - 1].low if k else ""
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        # "Many say", "Some argue": a quantifier standing alone as the subject
        quantifier_subject = (
            prev in QUANTIFIERS and tok.low == lemma and lemma not in NOUN_LIKE
            and (k == 1 or not toks[k - 2].is_word or toks[k - 2].low in {"and", "but", "while", "yet"})
        )
        if (prev in DETERMINERS and (tok.low == lemma or tok.low.endswith("s")) and not quantifier_subject) or (
            prev in {"of", "to", "by", "with", "for"} and tok.low.endswith("s")
        ):
            continue  # a noun ("the reports", "of statements") or an infinitive
        if not plausible_verb(toks, k, lemma) and not (lemma == "read" and nxt == ":" and k > 0 and toks[k - 1].is_word):
            continue  # (a colon right after it: 'A statement from the hospital read: "…"')
        if negated_open_question(toks, k):
            continue  # "has not said whether she will sign it"
        if heading and tok.low.endswith("ed") and k > 0 and toks[k - 1].low not in AUX:
            continue  # headlines drop "is/are": "Two charged after fire" is passive, no one speaks
        if nxt == "not" and lemma in {"ask", "request"}:
            continue  # "who asked not to be named": a condition of anonymity, not a claim
        authored = reduced_passive(toks, k, lemma)
        if authored is not None:
            return authored
        before_adverbs = k - 1
        while before_adverbs > 0 and (toks[before_adverbs].low in PASSIVE_ADVERBS or adverb(toks[before_adverbs].low)):
            before_adverbs -= 1
        if tok.low.endswith(("ed", "en", "wn", "ld", "id")) and k and toks[before_adverbs].low in PASSIVE:
            by = next((j for j in range(k + 1, min(len(toks), k + 4)) if toks[j].low == "by"), None)
            np = np_forward(toks, by + 1) if by is not None else None
            if np:
                return Found((tok.start, tok.end), tok.text, span_of(toks, np), "passive")
            negated = any(t.low in NEGATIONS for t in toks[max(0, before_adverbs - 3) : k])
            if lemma in PASSIVE_SPEECH and k >= 2 and not negated and not in_time_clause(toks, before_adverbs, lemma):
                # ("Ticket prices have not been announced" reports nothing)
                # "Sanders was asked …", "he was accused of …": reported speech whose speaker
                # the sentence does not name (the subject is its target, not its source)
                sourceless = sourceless or Found((tok.start, tok.end), tok.text, None, "unnamed speaker")
            continue
        # the subject, skipping adverbs, auxiliaries and a parenthesis ("Sen. X (D-Mass.) said")
        b = skip_back(toks, k - 1)
        appositive = appositive_name(toks, b)
        described_as = None
        if appositive is not None:
            np = appositive
            description = np_backward(toks, appositive[0] - 2) if appositive[0] >= 2 else None
            if description is not None:
                # "A resident who gave only her first name, Natalia, said": the resident
                relative = next((j for j in range(description[0] - 1, -1, -1)
                                 if toks[j].low in {"who", "which", "that"} or toks[j].text == ","), None)
                if relative is not None and toks[relative].text != ",":
                    description = np_backward(toks, relative - 1) if relative >= 1 else None
            described_as = span_of(toks, description) if description else None
        elif b >= 0 and CONTRACTION_RE.sub("", toks[b].low) in PRONOUNS:
            np = (b, b)
        elif b >= 1 and toks[b].low in {"who", "which", "that"} and toks[b - 1].text == ",":
            np = np_backward(toks, b - 2) if b >= 2 else None  # "X and Y, who say …"
        elif b >= 1 and toks[b].low in {"who", "that"}:
            np = np_backward(toks, b - 1)  # "voters who say …"
            if np is not None and not speaker_like(toks, np):
                np = None
        else:
            np = np_backward(toks, b) if b >= 0 else None
        if np is not None and toks[np[0]].low in {"who", "which"}:
            np = None
        tail = (len(toks) - k <= 10 or ends_in_aside(toks, k)) and np is not None and np[0] > 0 \
            and toks[np[0] - 1].text in {",", "—", "–", "--"}
        after_quote = after_closing_quote(toks, k)
        if lemma in WEAK and not (
            (lemma == "point" and nxt == "out")  # "pointed out" is speech, "pointed to" rarely
            or after_quote
            or tail
            or nxt == ":"
            or any(t.low == "that" for t in toks[k + 1 : k + 5])
            or (lemma in WEAK_NAMED_OK and np is not None and named_or_evidence(toks, np))
        ):
            continue
        how = "verb"
        work: tuple[int, int] | None = None
        if tok.low.endswith("ing") and prev in ING_PREPOSITIONS:
            # "… by saying", "after announcing …": the subject of the sentence speaks
            np, how = sentence_subject(toks), "participle"
            if np is None or (np[0] <= k <= np[1]):
                continue
        elif tok.low.endswith("ing") and (b < 0 or toks[b].text == "," or (k > 0 and toks[k - 1].low not in PASSIVE and np is not None and np[0] > 0)):
            if lemma in AMBIGUOUS_PARTICIPLES and not introduces_content(toks, k):
                continue  # "claiming victory", "adding five delegates", "a poor showing"
            if np is not None and np[0] > 0 and toks[np[0] - 1].low == "with":
                how = "participle"  # "…, with analysts at X saying …": the analysts speak
            else:
                np, how = sentence_subject(toks), "participle"
            if np is None or np[0] >= k:
                continue
        elif np is None and b >= 0 and toks[b].low == "to":
            np, how = sentence_subject(toks), "infinitive"
            if np is None or np[0] >= k:
                continue
        elif np is None and b >= 0 and toks[b].low in {"and", "but"}:
            np, how = sentence_subject(toks), "coordinated"
        elif np is None and b >= 0 and (toks[b].text in QUOTE_MARKS or toks[b].text == ","):
            # Inversion ('"…," said the spokesman.') or a subject before a relative clause
            # or apposition ("X, who visited …, said").
            inverted = np_forward(toks, k + 1) if lemma in INVERSION_LEMMAS or toks[b].text in QUOTE_MARKS else None
            if inverted is not None and (
                toks[b].text in QUOTE_MARKS or inverted[1] + 1 >= len(toks) or not toks[inverted[1] + 1].is_word
            ):
                np, how = inverted, "inverted"
                named = trailing_appositive_name(toks, inverted)
                if named is not None:  # 'said the company's chief executive, Ana Ribeiro.'
                    described_as, np = span_of(toks, inverted), named
            elif toks[b].text == ",":
                np, how = sentence_subject(toks), "subject"
                author = author_of_work(toks, np) if np is not None else None
                if author is not None:  # "The poll, released on Wednesday by the institute, showed"
                    np, work = author, np
                # "Riverside Transit, the city-owned operator, called …"
                elif np is not None and np[1] + 1 < b and toks[np[1] + 1].text == ",":
                    description = np_backward(toks, b - 1)
                    # an appositive starts right after the comma; "X, who was not involved in
                    # the report, said" ends a relative clause, which describes nothing
                    if description is not None and description[0] == np[1] + 2:
                        described_as = span_of(toks, description)
        if np is None or np[0] > k and how not in {"inverted", "participle"}:
            continue
        claim_start = later_clause_start(toks, np, k, lemma) if how == "verb" else None
        if how == "verb" and described_as is None:
            work = reduced_relative(toks, np)
        if work is not None and toks[work[1]].low not in WORK_NOUNS:
            np, work = work, None  # "doctors interviewed by the paper said": the doctors speak
        source = span_of(toks, np)
        owner = owner_of_document(toks, np)
        if owner is not None:  # "Mendes's statement accused …": Mendes speaks through it
            source, work = owner, np
        elif work is None:
            work = work_after_cue(toks, k)  # "… reported in a paper published on Wednesday"
        return Found(
            (tok.start, tok.end), tok.text, source, how, described_as, claim_start,
            span_of(toks, work) if work else None,
        )
    return sourceless
