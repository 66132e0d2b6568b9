"""Numeric claims: values, units, hedges, ranges, conversions and the things that are not claims."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analyze import analyze
from reader.core.model import NumericClaim, SentenceKind
from reader.core.numbers import extract_quantities
from reader.core.segment import Unit, segment

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def claims(text: str, kind: SentenceKind = SentenceKind.SENTENCE) -> list[NumericClaim]:
    found, _ = extract_quantities(text, [Unit(0, len(text), kind, 0)])
    return found


def one(text: str) -> NumericClaim:
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


def summary(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(c.text, c.value, c.unit, c.hedge) for c in claims(text)]


# --- digits, separators, decimals -------------------------------------------------


def test_thousands_separator_and_counted_noun() -> None:
    assert summary("The river flooded 1,100 homes in the valley.") == [("1,100 homes", 1100, "homes", None)]


def test_decimal_value() -> None:
    c = one("The quake measured 3.5 on the scale, officials said.")
    assert (c.text, c.value, c.unit) == ("3.5", 3.5, None)


def test_large_separated_count_keeps_head_noun_only() -> None:
    c = one("Roughly 67,000 Norwegian anglers took part.")
    assert (c.text, c.value, c.unit, c.hedge) == ("67,000 Norwegian anglers", 67000, "anglers", "roughly")


# --- percentages --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Turnout reached 86% on the island.", "86%"),
        ("Turnout reached 12 percent on the island.", "12 percent"),
        ("Turnout reached 12 per cent on the island.", "12 per cent"),
        ("Turnout reached 12 pct on the island.", "12 pct"),
    ],
)
def test_percent_spellings(sentence: str, text: str) -> None:
    c = one(sentence)
    assert c.text == text
    assert c.unit == "percent"


def test_percentage_points_are_their_own_unit() -> None:
    assert one("Her lead grew by 4 percentage points.").unit == "percentage points"


# --- money --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("The bridge will cost $4.5 billion to build.", "$4.5 billion", 4_500_000_000, "USD"),
        ("The club paid €20m for the striker.", "€20m", 20_000_000, "EUR"),
        ("The council borrowed £3bn last spring.", "£3bn", 3_000_000_000, "GBP"),
        ("The fine came to 20 million euros.", "20 million euros", 20_000_000, "EUR"),
        ("A ticket costs $12 at the door.", "$12", 12, "USD"),
        ("The grant was worth $250k over two years.", "$250k", 250_000, "USD"),
        ("Donors gave $1.1 million to the shelter.", "$1.1 million", 1_100_000, "USD"),
    ],
)
def test_money(sentence: str, text: str, value: float, unit: str) -> None:
    c = claims(sentence)[0]
    assert (c.text, c.value, c.unit) == (text, value, unit)


def test_scale_words_without_money() -> None:
    c = one("About 2.3 million viewers watched the final.")
    assert (c.value, c.unit, c.hedge) == (2_300_000, "viewers", "about")


def test_m_after_a_plain_number_is_not_million() -> None:
    assert all(c.value != 100_000_000 for c in claims("She ran the 100m in under ten seconds."))


# --- ranges ---------------------------------------------------------------------------


def test_between_and_range_is_one_claim_with_high() -> None:
    c = one("Between 10 and 20 people gathered outside the court.")
    assert (c.text, c.value, c.high, c.unit) == ("Between 10 and 20 people", 10, 20, "people")


def test_hyphen_percent_range() -> None:
    c = one("Prices rose 10-20% over the winter.")
    assert (c.text, c.value, c.high, c.unit) == ("10-20%", 10, 20, "percent")


def test_to_range_with_percent() -> None:
    c = one("Analysts expect growth of 10 to 15 percent next year.")
    assert (c.value, c.high, c.unit) == (10, 15, "percent")


def test_scale_of_the_high_end_applies_to_the_low_end() -> None:
    c = one("The repairs will cost $10-20 million.")
    assert (c.value, c.high, c.unit) == (10_000_000, 20_000_000, "USD")


def test_from_to_is_a_change_not_a_range() -> None:
    found = claims("The rate climbed from 3 to 5 percent.")
    assert all(c.high is None for c in found)
    assert [c.value for c in found] == [3, 5]


def test_score_is_not_a_range() -> None:
    assert all(c.high is None for c in claims("The home side won 3-2 after extra time."))


# --- number words ---------------------------------------------------------------------


def test_number_word_with_unit() -> None:
    assert summary("The talks lasted five days.") == [("five days", 5, "days", None)]


def test_count_of_people_after_the() -> None:
    assert summary("The two leaders shook hands.") == [("two leaders", 2, "leaders", None)]


def test_compound_number_words() -> None:
    c = one("Twenty-five sailors reached the shore.")
    assert (c.value, c.unit) == (25, "sailors")


def test_a_dozen() -> None:
    assert one("A dozen reporters waited at the gate.").value == 12


def test_vague_plural_counts_are_lower_bounds() -> None:
    c = one("Hundreds of volunteers cleared the beach.")
    assert (c.text, c.value, c.unit, c.hedge) == ("Hundreds of volunteers", 200, "volunteers", "at least")
    assert one("Tens of thousands of fans sang along.").value == 20_000


def test_fraction_words() -> None:
    c = one("Three-quarters of the orchards were lost.")
    assert (c.value, c.unit) == (0.75, "fraction")


def test_one_in_ratios() -> None:
    c = one("About four in 10 drivers ignored the sign.")
    assert (c.value, c.unit, c.hedge) == (0.4, "fraction of drivers", "about")


@pytest.mark.parametrize(
    "sentence",
    [
        "It was one of the hardest winters on record.",
        "No one answered the door.",
        "Someone left the lights on.",
        "She picked the red one, not the blue.",
        "The two met again in the spring.",
        "The first and third runners fell.",
        "He finished 21st in the race.",
        "Half the village turned out.",
    ],
)
def test_number_words_that_are_not_claims(sentence: str) -> None:
    assert claims(sentence) == []


# --- units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("Troops took 259 square kilometers of farmland.", "square kilometers"),
        ("The army freed 430 Danish service members yesterday.", "service members"),
        ("Officials warned that 10,000 Swedish army members were exposed.", "army members"),
        ("The lake covers 424 square miles.", "square miles"),
        ("Rebels seized 24 settlements in the north.", "settlements"),
        ("Some 300 highly trained units arrived.", "trained units"),
        ("A 60 second advert ran twice.", "seconds"),
        ("They signed a 10-year lease.", "years"),
    ],
)
def test_unit_is_the_short_counted_noun(sentence: str, unit: str) -> None:
    assert claims(sentence)[0].unit == unit


def test_age_is_a_claim_in_years_old() -> None:
    c = one("A 45-year-old man was arrested.")
    assert (c.text, c.value, c.unit) == ("45-year-old", 45, "years old")


def test_plus_suffix_is_a_hedge() -> None:
    c = one("The strike lasted five-plus months.")
    assert (c.value, c.unit, c.hedge) == (5, "months", "more than")


# --- hedges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hedge",
    [
        "more than",
        "over",
        "around",
        "about",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "up to",
        "at least",
        "fewer than",
        "less than",
        "some",
        "an estimated",
        "as many as",
        "at most",
        "under",
        "just over",
        "close to",
    ],
)
def test_hedges(hedge: str) -> None:
    c = one(f"Rangers counted {hedge} 300 wolves in the park.")
    assert (c.text, c.value, c.hedge) == ("300 wolves", 300, hedge)


def test_hedge_is_lower_cased_and_spaces_normalised() -> None:
    assert one("More  than 40 ships docked.").hedge == "more than"


def test_hedge_before_currency() -> None:
    c = one("The firm lost more than $2 billion.")
    assert (c.text, c.hedge) == ("$2 billion", "more than")


# --- conversions ------------------------------------------------------------------------------


def test_parenthesised_conversion_links_to_its_quantity() -> None:
    found = claims("The fire burned over 1,100 square kilometers (424 square miles) of forest.")
    assert [c.text for c in found] == ["1,100 square kilometers", "424 square miles"]
    assert found[0].converts is None
    assert found[1].converts == 0
    assert found[1].hedge == "over"


def test_money_conversion() -> None:
    found = claims("A coffee costs $5 (€4.60) at the station.")
    assert [(c.value, c.unit, c.converts) for c in found] == [(5, "USD", None), (4.6, "EUR", 0)]


def test_conversion_index_counts_across_sentences() -> None:
    text = "Crews found 3 boats. The storm covered 200 kilometers (124 miles)."
    units = [Unit(0, 20, SentenceKind.SENTENCE, 0), Unit(21, len(text), SentenceKind.SENTENCE, 0)]
    found, _ = extract_quantities(text, units)
    assert [c.converts for c in found] == [None, None, 1]
    assert [c.sentence for c in found] == [0, 1, 1]


def test_same_unit_in_parentheses_is_not_a_conversion() -> None:
    found = claims("Sales rose 8 percent (up from 5 percent) this year.")
    assert all(c.converts is None for c in found)


# --- dates are not claims ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The ceasefire began on March 12, 2025.",
        "The ferry resumed service in August 2024.",
        "The vote was held in 2016.",
        "The meeting starts at 10 a.m. sharp.",
        "Doors open at 2:30 p.m. on Sept. 26.",
        "The band was famous in the 1990s.",
        "The 2024 budget was approved.",
        "Five years ago the plant closed.",
    ],
)
def test_dates_are_not_claims(sentence: str) -> None:
    assert claims(sentence) == []


def test_years_and_counts_side_by_side() -> None:
    assert summary("In 2019, 40 families moved to the town.") == [("40 families", 40, "families", None)]


def test_hedged_four_digit_count_is_not_a_year() -> None:
    assert summary("More than 2000 people signed the petition.") == [("2000 people", 2000, "people", "more than")]


# --- other non-claims -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Call 555-0134 for tickets.",
        "Dial +44 20 7946 0958 to reach the desk.",
        "The update to version 3.5 fixed the bug.",
        "Release 2.14.1 shipped on time.",
        "He lives at 221 Baker Street in the city.",
        "The song reached No. 1 quickly.",
        "She wore jersey #9 all season.",
        "The file is case 4471 in the archive.",
        "Patients with COVID-19 were moved.",
        "The G7 summit ended.",
        "An F-16 and an Su-34 flew past.",
        "Under Article 5 the allies must respond.",
        "The Security Council passed Resolution 2334 unanimously.",
        "See page 12 for details.",
        "Visit https://example.org/2024/05/report-88 for more.",
        "The post was tagged #2024vote by the team.",
        "Attacks on 9/11 changed air travel.",
        "The record id 1449075600 was logged.",
    ],
)
def test_non_claims(sentence: str) -> None:
    assert claims(sentence) == []


def test_numbered_list_markers_are_not_claims() -> None:
    text = "Steps:\n1. Pack 3 bags.\n2) Lock the door."
    found, _ = extract_quantities(text, [Unit(0, len(text), SentenceKind.SENTENCE, 0)])
    assert [c.text for c in found] == ["3 bags"]


def test_heading_is_processed_like_a_sentence() -> None:
    c = claims("8,000 Miners Face Layoffs", SentenceKind.HEADING)[0]
    assert (c.text, c.value) == ("8,000 Miners", 8000)
    assert claims("8,000 miners face layoffs", SentenceKind.HEADING)[0].unit == "miners"


# --- the contract ---------------------------------------------------------------------------------


def test_offsets_are_exact_in_the_whole_text_and_sentence_is_the_unit_index() -> None:
    text = "Intro line.\nOfficials counted 48 wells and $3 million in damage."
    units = [Unit(0, 11, SentenceKind.HEADING, 0), Unit(12, len(text), SentenceKind.SENTENCE, 1)]
    found, _ = extract_quantities(text, units)
    assert [c.text for c in found] == ["48 wells", "$3 million"]
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.sentence == 1
        assert c.source_id is None


def test_source_ids_given_per_unit_become_each_claims_source() -> None:
    text = "The agency said 12 bridges closed. Locals counted 3 boats and 40 cars."
    units = [Unit(0, 34, SentenceKind.SENTENCE, 0), Unit(35, len(text), SentenceKind.SENTENCE, 0)]
    found, _ = extract_quantities(text, units, ["s1", None])
    assert [(c.text, c.source_id) for c in found] == [("12 bridges", "s1"), ("3 boats", None), ("40 cars", None)]
    found, _ = extract_quantities(text, units, [None, "s2"])
    assert [c.source_id for c in found] == [None, "s2", "s2"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$%€()abcdeimnorstuwyADJMS\n'\"/:")), max_size=120))
def test_property_never_raises_offsets_exact_sorted_non_overlapping(text: str) -> None:
    units = [Unit(0, len(text), SentenceKind.SENTENCE, 0)] if text else []
    found, dates = extract_quantities(text, units)
    previous_end = 0
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.start >= previous_end
        assert c.end > c.start
        previous_end = c.end
    for d in dates:
        assert text[d.start : d.end] == d.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_arbitrary_unicode(text: str) -> None:
    units = [Unit(0, len(text), SentenceKind.SENTENCE, 0)] if text else []
    found, dates = extract_quantities(text, units)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[x.start : x.end] == x.text for x in [*found, *dates])


# --- the seed article -------------------------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="shared seed article not present")
def test_seed_article_numbers_match_the_gold(tmp_path: Path) -> None:
    seed = SHARED / "seed"
    article = next(seed.glob("*.txt"))
    gold = json.loads(article.with_suffix(".gold.json").read_text(encoding="utf-8"))
    from reader.core.analyze import analyze

    doc = analyze(article.read_text(encoding="utf-8"))
    text = doc.text
    for want in gold["numbers"]:
        pos = text.index(want["text"])
        hits = [n for n in doc.numbers if n.start < pos + len(want["text"]) and n.end > pos]
        assert hits, want["text"]
        assert hits[0].value == want["value"]
        assert hits[0].hedge in {want["hedge"], *want.get("accept_hedge", [])}
        assert want["unit"].startswith(hits[0].unit)
    assert not [n.text for n in doc.numbers if any(y in n.text for y in ("2024", "2025"))]


def test_bare_number_shares_the_percent_of_its_partner() -> None:
    found = claims("The incumbent won 61 to 39 percent.")
    assert [(c.text, c.unit) for c in found] == [("61", "percent"), ("39 percent", "percent")]


def test_comparative_modifier_is_dropped_from_the_unit() -> None:
    assert one("Nine hundred fewer nurses were hired.").unit == "nurses"


def test_news_density_text_is_extracted_in_full() -> None:
    """A long text of repeated news paragraphs: every repetition yields the same claims.

    (Speed is measured by ``benchmarks/bench_analysis.py``, not asserted here.)"""
    paragraph = (
        "The port handled 1,200 ships last year, up 8% from 2023. On Monday, about 40 dockers "
        "struck for two days, and the operator said losses reached $3.5 million.\n"
        "Residents along the quay complained about the noise of lorries at night.\n"
    )
    found, _ = extract_quantities(paragraph, segment(paragraph))
    once = [(c.text, c.value, c.unit) for c in found]
    assert ("$3.5 million", 3_500_000, "USD") in once
    text = paragraph * 300
    found, _ = extract_quantities(text, segment(text))
    assert [(c.text, c.value, c.unit) for c in found] == once * 300


def test_capitalised_prefix_adjectives_are_not_the_unit() -> None:
    assert one("Hundreds of anti-Brexit marchers filled the square.").unit == "marchers"


def test_bare_ranks_in_parentheses_are_not_claims() -> None:
    assert claims("Last week's rank is in brackets: Lopez (3.) and Chen (5).") == []


def test_vulgar_fraction_after_digits() -> None:
    c = one("The crossing took 3 ½ hours.")
    assert (c.value, c.unit) == (3.5, "hours")


def test_markup_is_not_read_for_claims() -> None:
    assert claims('<post id="20931" stamp="1449075600"> reads the feed.') == []


def test_number_word_times_dozen() -> None:
    c = one("She climbed two dozen steps.")
    assert (c.value, c.unit) == (24, "steps")


def test_comma_or_restatement_is_a_conversion() -> None:
    found = claims("The pipeline runs 200 kilometers, or about 124 miles, to the coast.")
    assert [(c.text, c.hedge, c.converts) for c in found] == [
        ("200 kilometers", None, None),
        ("124 miles", "about", 0),
    ]


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("The navy took 12 Chilean fishermen captive.", "12 Chilean fishermen", "fishermen captive"),
        ("At least 7 hikers were rescued overnight.", "7 hikers", "hikers rescued"),
        ("Officials said 30 residents had been displaced.", "30 residents", "residents displaced"),
    ],
)
def test_unit_keeps_what_happened_to_the_group(sentence: str, text: str, unit: str) -> None:
    c = one(sentence)
    assert (c.text, c.unit) == (text, unit)


def test_age_after_age_word() -> None:
    c = one("A run for office at age 78 seems unlikely.")
    assert (c.text, c.value, c.unit) == ("78", 78, "years old")


def test_hyphenated_adjectives_are_not_counts() -> None:
    assert claims("It is a two-pronged plan and a one-sided deal.") == []


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Nearly eight of 10 parents agreed.", 0.8, "fraction of parents"),
        ("About one of every nine workers is a contractor.", 0.1111, "fraction of workers"),
        ("Three out of four tenants stayed.", 0.75, "fraction of tenants"),
    ],
)
def test_share_of_a_group(sentence: str, value: float, unit: str) -> None:
    c = one(sentence)
    assert (c.value, c.unit) == (value, unit)


def test_part_of_a_larger_count_keeps_both_numbers() -> None:
    assert [c.value for c in claims("Rebels held 12 of the 20 villages.")] == [12, 20]


@pytest.mark.parametrize(
    "text",
    [
        "The screen was wiped \x1b[2J before the vote.",
        "Turnout was \x1b[1;31mhigh\x1b[0m in the north.",
        "The window title \x1b]0;Tally 48\x07 stayed put.",
        "A title with a string terminator \x1b]2;Draft 7\x1b\\ stayed put.",
        "A raw CSI \x9b12m coloured the line.",
    ],
)
def test_no_claim_from_inside_terminal_control_sequences(text: str) -> None:
    assert claims(text) == []


def test_claims_next_to_control_sequences_are_kept() -> None:
    assert summary("Sales rose \x1b[32m12 percent\x1b[0m last year.") == [("12 percent", 12, "percent", None)]


def test_unterminated_title_sequence_stops_at_the_line_end() -> None:
    found, _ = extract_quantities("\x1b]0;Title 5\nThe fund lost 40 percent.", [Unit(12, 37, SentenceKind.SENTENCE, 1)])
    assert [c.text for c in found] == ["40 percent"]


# --- a possessive after the counted noun ----------------------------------------------


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("The drivers worked long shifts for eight hours' pay.", "eight hours", 8, "hours"),
        ("The drivers worked long shifts for eight hours’ pay.", "eight hours", 8, "hours"),
        ("Tenants must give three weeks' notice before leaving.", "three weeks", 3, "weeks"),
        ("The post asks for ten years’ experience in logistics.", "ten years", 10, "years"),
        ("He was fined 40 days' wages by the board.", "40 days", 40, "days"),
        ("The ferry is 12 miles’ sail from the harbour.", "12 miles", 12, "miles"),
        ("The bank held 1 month's rent as a deposit.", "1 month", 1, "month"),
        ("The bank held 1 month’s rent as a deposit.", "1 month", 1, "month"),
    ],
)
def test_plural_noun_before_a_possessive_is_the_counted_noun(sentence: str, text: str, value: float, unit: str) -> None:
    c = one(sentence)
    assert (c.text, c.value, c.unit) == (text, value, unit)


def test_possessive_noun_is_the_unit_not_the_noun_it_owns() -> None:
    assert summary("The two unions’ leaders met on Friday.") == [("two unions", 2, "unions", None)]


def test_years_before_a_possessive_is_not_an_age() -> None:
    c = one("She served 20 years' old-fashioned duty.")
    assert (c.text, c.unit) == ("20 years", "years")


# --- where quantities and dates may start -------------------------------------------------


def _plain_triggers(text: str) -> tuple[list[int], list[int]]:
    """The trigger positions from one plain pattern per kind, as find_triggers documents them."""
    import re

    from reader.core.number_words import CURRENCY_CODES
    from reader.core.triggers import _KEYWORD, ASCII_LOWER, DATE_KEYWORDS

    low = text.lower()
    if len(low) != len(text):
        low = text.translate(ASCII_LOWER)
    digits = [m.start() for m in re.finditer(r"[0-9](?<![\w.,][0-9])", text)]
    words = [(m.start(), m.group() in DATE_KEYWORDS) for m in _KEYWORD.finditer(low)]
    currencies = []
    for m in re.finditer(r"[$€£¥₹₽₴]", text):
        prefix = re.search(r"(?:US|NZ|HK|C|A)$", text[max(0, m.start() - 2) : m.start()])
        currencies.append(m.start() - (len(prefix.group()) if prefix else 0))
    codes = [
        m.start()
        for m in re.finditer("(?:" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z])", text)
        if not (m.start() and text[m.start() - 1].isalpha())
    ]
    capitals = [
        m.start()
        for m in re.finditer(
            r"[ADFJMNOSTW](?<![A-Za-z][A-Z])(?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at)", text
        )
    ]
    decades = [m.start() for m in re.finditer(r"['’][0-9]0s", text)]
    date_words = [p for p, is_date in words if is_date]
    number_words = [p for p, is_date in words if not is_date]
    return (
        sorted(set(digits + date_words + number_words + capitals + decades)),
        sorted(set(digits + number_words + currencies + codes)),
    )


_TRIGGER_PIECES = [
    "one ",
    "Two",
    "a dozen",
    "'90s",
    "’00s",
    "x0s",
    "1990s",
    "ago",
    "today",
    "2",
    "3.5",
    ",7",
    "é",
    "İ",
    "_two",
    "two_",
    " ",
    "\n",
    "-",
    "sixty",
    "tens",
    "attend",
    "$",
    "US$",
    "C$",
    "€",
    "USD",
    "xUSD",
    "éUSD",
    "JPY",
    "March",
    "AMarch",
    "Mon",
    "aMon",
    "Jan",
    "hundreds",
]


@settings(max_examples=300)
@given(parts=st.lists(st.sampled_from(_TRIGGER_PIECES), max_size=15))
def test_triggers_from_the_fast_scans_match_plain_patterns(parts: list[str]) -> None:
    from reader.core.triggers import find_triggers

    text = "".join(parts)
    found = find_triggers(text)
    assert (found.dates, found.numbers) == _plain_triggers(text)


# --- ages after a name or "aged", currency words, counts of a larger group, "half of" ---------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The lifeguard, Tom Ellery, 31, had worked the beach for years.", "31", 31),
        ("Officers later arrested Maria Okafor, 46.", "46", 46),
        ("Ms. O'Dowd, 72, of Carlisle, still swims daily.", "72", 72),
        ("Kevin Marsh Jr., 19, was released on bail.", "19", 19),
    ],
)
def test_age_in_an_appositive_after_a_name(sentence: str, text: str, value: int) -> None:
    c = one(sentence)
    assert (c.text, c.value, c.unit) == (text, value, "years old")


def test_ages_listed_after_aged_or_ages() -> None:
    assert [(c.text, c.unit) for c in claims("The sisters, aged 12 and 15, were unhurt.")] == [
        ("12", "years old"),
        ("15", "years old"),
    ]
    assert [(c.value, c.unit) for c in claims("The boys, ages 8, 11 and 13, were rescued.")] == [
        (8, "years old"),
        (11, "years old"),
        (13, "years old"),
    ]
    c = one("Adults ages 30 to 45 were surveyed.")
    assert (c.value, c.high, c.unit) == (30, 45, "years old")


@pytest.mark.parametrize(
    "sentence",
    [
        "Drivers took Route 29, which was closed at noon.",
        "They stayed on Platform 9.",
        "The grid lost 4, then 7 and 12, over the week.",
        "On Friday, 40, not 50, buses ran.",
        "It was 12, he said.",
    ],
)
def test_bare_numbers_after_a_comma_are_not_ages(sentence: str) -> None:
    assert all(c.unit != "years old" for c in claims(sentence))


def test_a_count_after_a_year_is_not_an_age() -> None:
    assert summary("In 2019, 29 people drowned in the lake.") == [("29 people", 29, "people", None)]


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("The council approved a plan worth 20 million lei.", "20 million lei", "RON"),
        ("Warsaw set aside 3.5 billion zlotys for the works.", "3.5 billion zlotys", "PLN"),
        ("The fine was 800,000 forints.", "800,000 forints", "HUF"),
        ("Fares rose to 45 kronor.", "45 kronor", "SEK"),
        ("Lagos spent 12 billion naira on roads.", "12 billion naira", "NGN"),
        ("The ticket costs 250 baht.", "250 baht", "THB"),
        ("Seoul pledged 20 million won in aid.", "20 million won", "KRW"),
        ("The club paid 5 billion reais for the stadium.", "5 billion reais", "BRL"),
        ("Wages rose to 163 pesos a day.", "163 pesos", "MXN"),
        ("The tax is 30 Canadian dollars a tonne.", "30 Canadian dollars", "CAD"),
        ("Copenhagen gave 2 million Danish kroner.", "2 million Danish kroner", "DKK"),
        ("Imports cost 9 billion Kenyan shillings.", "9 billion Kenyan shillings", "KES"),
    ],
)
def test_currency_words_after_a_number(sentence: str, text: str, unit: str) -> None:
    c = one(sentence)
    assert (c.text, c.unit) == (text, unit)


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("Of those standing, 3 won.", None),
        ("Labour won 3 seats in the east.", "seats"),
        ("She listed 20 real problems with the bill.", "real problems"),
        ("He greeted 300 Rand supporters.", "supporters"),
        ("The estate sold for 20 shillings in 1790.", "shillings"),
    ],
)
def test_currency_words_that_are_ordinary_words(sentence: str, unit: str | None) -> None:
    assert [c.unit for c in claims(sentence) if c.value != 1790] == [unit]


@pytest.mark.parametrize(
    "sentence, first",
    [
        ("Air defences shot down 23 of the 31 drones launched overnight.", ("23", 23, "drones")),
        ("Two of the four engines failed on take-off.", ("Two", 2, "engines")),
        ("The party held 12 of its 40 council seats.", ("12", 12, "council seats")),
        ("Only 3 of the 12,000 workers went on strike.", ("3", 3, "workers")),
    ],
)
def test_count_borrows_the_noun_of_the_larger_group(sentence: str, first: tuple[str, int, str]) -> None:
    found = claims(sentence)
    assert len(found) == 2
    assert (found[0].text, found[0].value, found[0].unit) == first
    assert found[1].unit == first[2]


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Police said 40 of the 30 were later released.", "40"),  # the part cannot outnumber the whole
        ("He starred in 4 of the 2016 releases.", "4"),  # a year, not a whole
    ],
)
def test_count_does_not_borrow_from_an_impossible_whole(sentence: str, text: str) -> None:
    assert [c.unit for c in claims(sentence) if c.text == text] == [None]


def test_one_of_the_group_is_still_not_a_claim() -> None:
    assert [c.text for c in claims("She was one of the 10 finalists.")] == ["10 finalists"]


def test_share_of_n_without_the_is_still_a_fraction() -> None:
    c = one("About eight of 10 renters agreed.")
    assert (c.value, c.unit) == (0.8, "fraction of renters")


@pytest.mark.parametrize(
    "sentence, hedge",
    [
        ("Nearly half of voters backed the plan.", "nearly"),
        ("More than half of the staff quit.", "more than"),
        ("Just over half of adults own a bike.", "just over"),
    ],
)
def test_hedged_half_of_a_group(sentence: str, hedge: str) -> None:
    c = one(sentence)
    assert (c.text, c.value, c.unit, c.hedge) == ("half", 0.5, "fraction", hedge)


@pytest.mark.parametrize(
    "sentence",
    [
        "Half of the village turned out.",
        "In the first half of the year, sales fell.",
        "The other half of the team stayed home.",
    ],
)
def test_half_of_without_a_hedge_is_not_a_claim(sentence: str) -> None:
    assert claims(sentence) == []


def test_a_change_and_the_level_it_reached_are_two_amounts_not_a_range() -> None:
    doc = analyze("Brent crude climbed $2.65 to $84.10 a barrel.")
    assert [(n.value, n.high) for n in doc.numbers] == [(2.65, None), (84.10, None)]


def test_a_four_digit_clock_time_with_a_zone_is_a_time() -> None:
    doc = analyze("Brent traded at $84.10 by 1200 GMT.")
    assert [n.text for n in doc.numbers] == ["$84.10"]
    assert [d.text for d in doc.dates] == ["1200 GMT"]


# --- the words before a number ----------------------------------------------------------------------------

_BEFORE_PIECES = ["more", "than", "about", " ", "  ", "\n", "(", "“", "no", "as", "many", "between", "x" * 30, "é", ","]


@settings(max_examples=400)
@given(parts=st.lists(st.sampled_from(_BEFORE_PIECES), max_size=14))
def test_the_token_before_is_the_last_of_the_tokens_before(parts: list[str]) -> None:
    """token_before reads one token (the claim rules' common case); it is the last of the three tokens_before reads."""
    from reader.core.numbers.before import token_before, tokens_before

    s = "".join(parts) + " 5"
    start = len(s) - 1
    last = tokens_before(s, start, 3)[-1:]
    assert [token_before(s, start)] == (last or [None])
