"""Date and time mentions: listed apart from numeric claims, with exact offsets."""

from __future__ import annotations

import itertools
import re
import sys
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.dates import find_dates
from reader.core.model import SentenceKind
from reader.core.numbers import extract_quantities
from reader.core.segment import Unit


def dates(text: str) -> list[str]:
    return [text[a:b] for a, b in find_dates(text)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ceasefire began on March 12, 2025, after talks.", ["March 12, 2025"]),
        ("The ferry resumed service in August 2024.", ["August 2024"]),
        ("The vote was held in 2016.", ["2016"]),
        ("Ministers met on Wednesday.", ["Wednesday"]),
        ("The paper reported Saturday that the dam held.", ["Saturday"]),
        ("The envoy resigned last week.", ["last week"]),
        ("The shop opens at 10 a.m. daily.", ["10 a.m."]),
        ("The train left at 2:30 p.m. sharp.", ["2:30 p.m."]),
        ("The hearing is set for Sept. 26.", ["Sept. 26"]),
        ("Prices soared in the 1990s.", ["the 1990s"]),
        ("The mayor spoke yesterday.", ["yesterday"]),
        ("Rents rose this month.", ["this month"]),
        ("The flight lands at 14:00 GMT.", ["14:00 GMT"]),
        ("The treaty was signed on 12 March 2025.", ["12 March 2025"]),
        ("Records go back to the 19th century.", ["the 19th century"]),
        ("Output should recover by mid-2026.", ["mid-2026"]),
        ("The mine operated from 2014-2016.", ["2014-2016"]),
        ("The form is dated 2025-03-12.", ["2025-03-12"]),
        ("The plant closed three years ago.", ["three years ago"]),
        ("She left a year ago.", ["a year ago"]),
        ("The storm hit on Friday night.", ["Friday night"]),
        ("Talks resume next Monday.", ["next Monday"]),
        ("The crew returned at midnight.", ["midnight"]),
        ("Music from the '90s played.", ["'90s"]),
        ("Traffic eased earlier this week.", ["earlier this week"]),
    ],
)
def test_date_expressions(sentence: str, expected: list[str]) -> None:
    assert dates(sentence) == expected


def test_several_dates_in_one_sentence() -> None:
    text = "The rally on Wednesday, March 12, 2025 followed a march in August 2024."
    assert dates(text) == ["Wednesday", "March 12, 2025", "August 2024"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters will march to the square.",
        "Officials may announce more cuts.",
        "The 300 troops held the line.",
        "The fleet has 1,500 ships.",
        "The past five days were calm.",
        "He starred on Saturday Night Live.",
        "The budget grew 2024 percent in the game's inflated economy.",
        "More than 2000 people signed the petition.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert dates(sentence) == []


def test_extract_quantities_lists_dates_with_unit_index_and_exact_offsets() -> None:
    text = "Heavy rain fell.\nOn Tuesday, 40 roads closed before 9 a.m. in 2023."
    units = [Unit(0, 16, SentenceKind.SENTENCE, 0), Unit(17, len(text), SentenceKind.SENTENCE, 1)]
    claims, found = extract_quantities(text, units)
    assert [d.text for d in found] == ["Tuesday", "9 a.m.", "2023"]
    assert all(text[d.start : d.end] == d.text and d.sentence == 1 for d in found)
    assert [c.text for c in claims] == ["40 roads"]


def test_dates_never_overlap_claims() -> None:
    text = "By 5 p.m. on June 3, 2024, some 12 boats and 2,400 passengers had left."
    claims, found = extract_quantities(text, [Unit(0, len(text), SentenceKind.SENTENCE, 0)])
    assert [c.text for c in claims] == ["12 boats", "2,400 passengers"]
    assert all(c.end <= d.start or d.end <= c.start for c in claims for d in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-:/'apmMJSODFNTWayuchrtenilgsdwk\n")), max_size=100))
def test_property_spans_sorted_exact_and_disjoint(text: str) -> None:
    spans = find_dates(text)
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


def test_alternative_counts_before_ago() -> None:
    assert dates("It happened 40 or 50 years ago, she said.") == ["40 or 50 years ago"]


def test_capitalised_period_words_are_names_not_dates() -> None:
    assert "Last Week" not in " ".join(dates("She appeared on Last Week Tonight again."))


def test_capitalised_relative_words_inside_names_are_not_dates() -> None:
    assert dates("He writes a column for USA TODAY.") == []
    assert dates("Today the ferry sailed. “Yesterday was calm,” she said.") == ["Today", "Yesterday"]


_DATE_WORDS = [
    "the 1990s",
    "The 19th century",
    "'90s",
    "’00s",
    "mid-2020",
    "Early 2020",
    "noon",
    "midnight",
    "Last Monday",
    "this Friday morning",
    "Yesterday",
    "TODAY",
    "Earlier this week",
    "later in the year",
    "same month",
    "three years ago",
    "A few days ago",
    "an hour ago",
    "Several months earlier",
    "nine or ten days ago",
    "20 or 30 years ago",
    "July",
    "in May",
    "since March",
    "early May",
    "March 3",
    "Sept. 26, 2024",
    "3 March",
    "the 5th of May",
    "2025",
    "2019-20",
    "10 a.m.",
    "14:00 GMT",
    "5 o'clock",
    "12/03/2025",
    "2025-03-12",
    "dozens",
    "hundreds",
    "Eleven",
    "Sunday",
    "1200 GMT",
    "0930 UTC",
    "2300 EST",
    "7 p.m.",
    "1850s",
    "1999",
    "9 o'clock",
    "05.06.2021",
    "3rd century",
    "in 1845",
    "40 or 50 years ago",
    "0 a.m.",
]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(_DATE_WORDS), st.sampled_from([" ", "", ". ", "\n", ", "])), max_size=12))
def test_branches_tried_by_first_character_find_what_the_whole_pattern_finds(parts: list[tuple[str, str]]) -> None:
    """Each start tries only the branches that can open with its character: same dates as trying them all."""
    from reader.core import dates as module

    text = "".join(word + gap for word, gap in parts)
    fast = find_dates(text)
    with patch.object(module, "_DATE_AT", {}):  # every start tries the whole alternation
        assert find_dates(text) == fast


_AGO_PIECES = [
    "12",
    "3",
    "0",
    "٣",
    " ",
    "  ",
    "\n",
    "or",
    "to",
    "-",
    "–",
    "a dozen",
    "two",
    "years",
    "day",
    "ago",
    "later",
    "Earlier",
    "x",
    ".",
    ",",
]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive quantifiers arrived in Python 3.11")
@settings(max_examples=400)
@given(st.lists(st.sampled_from(_AGO_PIECES), max_size=10))
def test_the_digit_count_before_ago_matches_as_the_possessive_form_did(parts: list[str]) -> None:
    """The "N years ago" branch opens with a plain \\d+ (3.10 has no \\d++): it matches the same strings."""
    from reader.core import dates as module

    branch = next(b.pattern for b in module._BRANCHES if b.id == "ago.digits")
    assert branch.startswith(r"(?i:\b\d+(?:")
    plain = re.compile(branch)
    possessive = re.compile(branch.replace(r"\b\d+(?:", r"\b\d++(?:", 1))
    text = "".join(parts)
    for pos in range(len(text)):
        a, b = plain.match(text, pos), possessive.match(text, pos)
        assert (a and a.span()) == (b and b.span())
