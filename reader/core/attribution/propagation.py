"""Passing speakers on, after every sentence's own cue is read: the passes of ``PASSES``, in order.

* ``quotes``: every sentence inside a quotation takes the quotation's speaker (``QUOTE_SPEAKER``
  says where that speaker is found), or the speaker of the turn before it inside the quotation;
* ``colons``: a transcript turn ("NAME: …") runs to the end of its paragraph, and "He added:"
  passes its speaker on;
* ``headline_roles``: "…: army chief" in a headline is the lead's named speaker with that role;
* ``marks_alone``: a stray quote mark or dash on its own says nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from reader.core.attribution.article import Article
from reader.core.attribution.result import Decision, How, Rule
from reader.core.attribution.tokens import ALNUM_RE
from reader.core.attribution.words import HEADLINE_ROLES
from reader.core.model import SentenceKind
from reader.core.sources import Entity

# the ids a passed-on decision records
QUOTE_TURN = "quote.turn"
QUOTE_PREVIOUS_SPEAKER = "quote.previous_speaker"
COLON_CONTINUES = "colon.continues"
COLON_TRANSCRIPT_TURN = "colon.transcript_turn"
HEADLINE_LEAD_SPEAKER = "headline.lead_speaker"


def _quote_members(art: Article) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Which quotation each unit belongs to (units mostly quoted or holding a long quote), and
    the units of each quotation, in order."""
    units = art.units
    starts = [u.start for u in units]
    group_of_unit: dict[int, int] = {}
    for g_index, group in enumerate(art.groups):
        first = max(0, bisect.bisect_right(starts, group.start) - 1)
        for u in range(first, len(units)):
            if units[u].start >= group.end:
                break
            if units[u].end > group.start and (art.quoted[u] or art.long_quote[u]):
                group_of_unit.setdefault(u, g_index)
    members: dict[int, list[int]] = {}
    for u, g in group_of_unit.items():
        members.setdefault(g, []).append(u)
    for us in members.values():
        us.sort()
    return group_of_unit, members


def _speaker_inside(art: Article, us: list[int]) -> Decision | None:
    """A sentence of the quotation names its speaker ('"…," she said. "…"')."""
    return next((d for u in us if (d := art.decisions[u]) is not None and d.entity), None)


def _signature_after(art: Article, us: list[int]) -> Decision | None:
    """'"…" ― Name': a signature right after the quotation."""
    after = us[-1] + 1
    dec = art.decisions[after] if after < len(art.units) else None
    return dec if dec is not None and dec.how is How.SIGNATURE else None


def _speaker_before(art: Article, us: list[int]) -> Decision | None:
    """'She said: "…"': the sentence right before the quotation names a speaker."""
    before = us[0] - 1
    dec = art.decisions[before] if before >= 0 else None
    return dec if dec is not None and dec.entity and dec.how is not How.SIGNATURE else None


def _speaker_after(art: Article, us: list[int]) -> Decision | None:
    """The sentence right after the quotation, in its paragraph, is attributed."""
    after = us[-1] + 1
    if (
        after < len(art.units)
        and art.decisions[after] is not None
        and art.units[after].paragraph == art.units[us[-1]].paragraph
    ):
        return art.decisions[after]
    return None


QUOTE_SPEAKER: tuple[Rule[Callable[[Article, list[int]], Decision | None]], ...] = (
    Rule("quote.speaker_inside", _speaker_inside),
    Rule("quote.signature_after", _signature_after),
    Rule("quote.speaker_before", _speaker_before),
    Rule("quote.speaker_after", _speaker_after),
)


def _quotation_speaker(art: Article, us: list[int]) -> tuple[Decision, str] | None:
    for rule in QUOTE_SPEAKER:
        carrier = rule.run(art, us)
        if carrier is not None:
            return carrier, rule.id
    return None


def _turn_before(art: Article, u: int, members: list[int]) -> Decision | None:
    """The nearest speaker inside the same quotation before unit ``u`` (a change of turn in
    a transcript). ``members`` is sorted: only the units before ``u`` are looked at."""
    decisions = art.decisions
    for i in range(bisect.bisect_left(members, u) - 1, -1, -1):
        dec = decisions[members[i]]
        if dec is not None and dec.entity:
            return dec
    return None


def assign_quotes(art: Article) -> None:
    """Pass the speaker of each quotation to every sentence inside it: the turn before it in
    the quotation, else the quotation's own speaker, else (for a quoted sentence) the last
    speaker, if recent."""
    decisions, units = art.decisions, art.units
    group_of_unit, members = _quote_members(art)
    speaker_of_group = {g: found for g, us in members.items() if (found := _quotation_speaker(art, us))}
    last_speaker: Decision | None = None
    last_paragraph = -10
    for u in range(len(units)):
        g = group_of_unit.get(u)
        if decisions[u] is None and g is not None:
            turn = _turn_before(art, u, members[g])
            carrier = (turn, QUOTE_TURN) if turn is not None else speaker_of_group.get(g)
            recent = units[u].paragraph - last_paragraph <= 4
            if carrier is None and (art.quoted[u] or art.long_quote[u]) and last_speaker is not None and recent:
                carrier = last_speaker, QUOTE_PREVIOUS_SPEAKER
            if carrier is not None:
                decisions[u] = carrier[0].passed(How.QUOTE, carrier[1])
        dec = decisions[u]
        if dec is not None and dec.entity is not None:
            last_speaker = dec
            last_paragraph = units[u].paragraph


def continue_colons(art: Article) -> None:
    """A transcript turn ("NAME: …") runs to the end of its paragraph; a sentence ending in a
    colon ("He added:") passes its speaker to the rest of its paragraph, or to the whole next
    paragraph when the colon ends its own."""
    text, units, decisions = art.text, art.units, art.decisions
    carry: tuple[Decision, How, str] | None = None
    carry_paragraph = -1
    for u, unit in enumerate(units):
        dec = decisions[u]
        if dec is None and carry is not None and unit.paragraph == carry_paragraph:
            decisions[u] = carry[0].passed(carry[1], carry[2])
            continue
        if dec is None or dec.entity is None:
            if unit.paragraph != carry_paragraph:
                carry = None
            continue
        if text[unit.start : unit.end].rstrip().endswith(":"):
            last_in_paragraph = u + 1 >= len(units) or units[u + 1].paragraph != unit.paragraph
            carry = dec, How.COLON, COLON_CONTINUES
            carry_paragraph = unit.paragraph + 1 if last_in_paragraph else unit.paragraph
            if last_in_paragraph and u + 1 < len(units):
                carry_paragraph = units[u + 1].paragraph
        elif dec.how is How.TRANSCRIPT:
            carry, carry_paragraph = (dec, How.TRANSCRIPT, COLON_TRANSCRIPT_TURN), unit.paragraph
        else:
            carry = None


_LEAD_UNITS = 3


def _headline_role(art: Article, u: int, dec: Decision) -> str | None:
    """The role a headline names as its speaker ("Mayor: …", "…, governor says"), or None when
    the speaker is a name or an organisation written with capitals."""
    if dec.entity is None or dec.entity.named or dec.mention is None:
        return None
    if dec.how is not How.HEADLINE_COLON and art.units[u].kind is not SentenceKind.HEADING:
        return None
    words = dec.mention.text.split()
    # "Mayor: …", "Port chief: …" in a headline: a role, capitalised only to start it
    title_only = (
        words[-1].lower() in HEADLINE_ROLES
        and all(w[1:].islower() and w[1:] for w in words)
        and all(w.islower() for w in words[1:])
    )
    if any(c.isupper() for c in dec.mention.text) and not title_only:
        return None  # a name, or an organisation written with capitals: its own source
    return words[-1].lower()


def _lead_speaker(art: Article, u: int, role: str, colon: bool) -> Entity | None:
    """The first named speaker of the few sentences after headline ``u`` that its role fits:
    a person ("…: army chief", "…, governor says" then "regional governor Oleh Kiper said"),
    or an outlet for a report ("…, report says" then "the Kommersant newspaper reported")."""
    work = not colon and role in {"report", "reports"}
    kind = "media" if work else "person"
    later = (d.entity for d in art.decisions[u + 1 : u + 1 + _LEAD_UNITS] if d is not None)
    lead = next((e for e in later if e is not None and e.named and e.kind == kind), None)
    if lead is None:
        return None
    if not colon and not work and not any(role in m.text.lower().split() for m in lead.mentions):
        return None
    return lead


def headline_role_to_lead_speaker(art: Article) -> None:
    """'Troops hold the bridge: army chief' names a role; the article's lead then names the
    person ('General Ana Costa said ...'): the headline's speaker is the first named speaker
    of the next few sentences."""
    for u, dec in enumerate(art.decisions):
        if dec is None or dec.entity is None or dec.entity.named:
            continue  # (the first test of _headline_role, here: most decisions stop at it)
        role = _headline_role(art, u, dec)
        if dec is None or role is None or dec.mention is None:
            continue
        lead = _lead_speaker(art, u, role, dec.how is How.HEADLINE_COLON)
        if lead is not None:
            art.tracker.describe(lead, dec.mention)
            dec.entity = lead
            dec.rules = (*dec.rules, HEADLINE_LEAD_SPEAKER)


def drop_marks_alone(art: Article) -> None:
    """A stray quote mark or dash on its own says nothing."""
    for u, unit in enumerate(art.units):
        if art.decisions[u] is not None and not ALNUM_RE.search(art.text, unit.start, unit.end):
            art.decisions[u] = None


PASSES: tuple[Rule[Callable[[Article], None]], ...] = (
    Rule("pass.quotes", assign_quotes),
    Rule("pass.colons", continue_colons),
    Rule("pass.headline_roles", headline_role_to_lead_speaker),
    Rule("pass.marks_alone", drop_marks_alone),
)
