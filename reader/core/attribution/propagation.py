"""Passing speakers on: to every sentence of a quotation, through colons, from a headline role to the lead."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.core.attribution.result import Decision
from reader.core.attribution.words import HEADLINE_ROLES
from reader.core.model import SentenceKind
from reader.core.segment import Unit
from reader.core.sources import EntityTracker


def assign_quotes(
    units: Sequence[Unit],
    groups: list,
    decisions: list[Decision | None],
    quoted: list[bool],
    long_quote: list[bool],
    tracker: EntityTracker,
) -> None:
    """Pass the speaker of each quotation to every sentence inside it."""
    starts = [u.start for u in units]
    last_speaker: Decision | None = None
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
    speaker_of_group: dict[int, Decision] = {}
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
                carrier = Decision(last_speaker.entity, last_speaker.mention, last_speaker.cue, last_speaker.cue_text, "previous speaker")
            if carrier is not None:
                how = carrier.how if carrier.how.startswith("quote") else "quote"
                decisions[u] = Decision(carrier.entity, carrier.mention, carrier.cue, carrier.cue_text, how)
        if decisions[u] is not None and decisions[u].entity is not None:
            last_speaker = decisions[u]
            last_paragraph = units[u].paragraph


_LEAD_UNITS = 3


def headline_role_to_lead_speaker(
    units: Sequence[Unit], decisions: list[Decision | None], tracker: EntityTracker
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
        title_only = words[-1].lower() in HEADLINE_ROLES and all(w[1:].islower() and w[1:] for w in words) \
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


def continue_colons(text: str, units: Sequence[Unit], decisions: list[Decision | None]) -> None:
    """A transcript turn ("NAME: …") runs to the end of its paragraph; a sentence ending in a
    colon ("He added:") passes its speaker to the rest of its paragraph, or to the whole next
    paragraph when the colon ends its own."""
    carry: Decision | None = None
    carry_paragraph = -1
    for u, unit in enumerate(units):
        dec = decisions[u]
        if dec is None and carry is not None and unit.paragraph == carry_paragraph:
            decisions[u] = Decision(carry.entity, carry.mention, carry.cue, carry.cue_text, carry.how)
            continue
        if dec is None or dec.entity is None:
            if unit.paragraph != carry_paragraph:
                carry = None
            continue
        ends_with_colon = text[unit.start : unit.end].rstrip().endswith(":")
        if ends_with_colon:
            last_in_paragraph = u + 1 >= len(units) or units[u + 1].paragraph != unit.paragraph
            carry = Decision(dec.entity, dec.mention, dec.cue, dec.cue_text, "colon")
            carry_paragraph = unit.paragraph + 1 if last_in_paragraph else unit.paragraph
            if last_in_paragraph and u + 1 < len(units):
                carry_paragraph = units[u + 1].paragraph
        elif dec.how == "transcript":
            carry, carry_paragraph = dec, unit.paragraph
        else:
            carry = None
