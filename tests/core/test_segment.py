"""The sentence segmenter: units, kinds, paragraphs, and the shapes news text has."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import SentenceKind
from reader.core.segment import MAX_UNIT_CHARS, Unit, segment


def texts(text: str) -> list[str]:
    return [text[u.start : u.end] for u in segment(text)]


def kinds(text: str) -> list[SentenceKind]:
    return [u.kind for u in segment(text)]


def _lines(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as (start, end), split as the segmenter splits them."""
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((at, at + len(line)))
        at += len(line)
    return out


def check_units(text: str, units: list[Unit]) -> None:
    """Ordered, non-overlapping, exact, stripped, non-empty; covering all non-whitespace of every
    line with a letter or digit (a separator line is no unit); a unit's paragraph is its line's
    place among the non-blank lines."""
    covered = [False] * len(text)
    previous_end = 0
    lines = _lines(text)
    for unit in units:
        assert previous_end <= unit.start < unit.end <= len(text)
        piece = text[unit.start : unit.end]
        assert piece == piece.strip() and piece
        assert not any(c in "\n\r\u2028\u2029" for c in piece)
        for i in range(unit.start, unit.end):
            covered[i] = True
        previous_end = unit.end
        start, end = lines[unit.paragraph]
        assert start <= unit.start and unit.end <= end
    for start, end in lines:
        if any(c.isalnum() for c in text[start:end]):
            assert all(covered[i] or text[i].isspace() for i in range(start, end))
        else:
            assert not any(covered[start:end])


# --- running text -------------------------------------------------------------


def test_plain_sentences_split_with_exact_offsets() -> None:
    text = "  The council met on Monday. It voted to close the bridge!  Was that wise?  "
    units = segment(text)
    check_units(text, units)
    assert texts(text) == [
        "The council met on Monday.",
        "It voted to close the bridge!",
        "Was that wise?",
    ]
    assert all(u.kind is SentenceKind.SENTENCE and u.paragraph == 0 for u in units)


def test_empty_and_blank_text_give_no_units() -> None:
    assert segment("") == []
    assert segment(" \n\t\n  ") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill passed as No. 1 on the agenda after a short debate.",
        "Prices rose 5.5 percent over the year, the bureau reported.",
        "The city borrowed $1.2 billion to rebuild its tunnels.",
        "The vote is set for 8 p.m. Tuesday at the town hall.",
        "Crowds lined the streets to see John F. Kennedy arrive in Dallas.",
        "A new novel by J.K. Rowling went on sale in London.",
        'She said, "We waited... and waited, and nobody came."',
        "Details are posted at https://example.org/news/2024/01/report.html for readers.",
        "Questions can be sent to press.office@example.com before noon.",
        "Mr. Lee met Dr. Ortiz and Gen. Mark Davis at the base.",
        "Sen. Tim Walz and Rep. Ann Kuster (D-N.H.) spoke first.",
        "The firm, Acme Corp., hired workers in Sacramento, Calif., last year.",
        "He flew to Washington, D.C., on Monday with officials from the U.N. agency.",
        "Troops from the U.S. Army arrived at dawn.",
        "The suit names Smith vs. Jones, a case from Jan. 5 of that year.",
        'Critics ask, "Why now?" and the mayor has no answer.',
        "The index, the S.&P. 500, fell by 2 percent.",
        "Officials cited the F.B.I. report in their reply.",
    ],
)
def test_no_split_inside_a_sentence(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_us_at_the_end_of_a_sentence_before_a_capitalised_starter_splits() -> None:
    text = "The envoy returned to the U.S. The talks resume next week."
    assert texts(text) == ["The envoy returned to the U.S.", "The talks resume next week."]
    text = "Exports to the U.K. fell sharply. They rose again in May."
    assert texts(text) == ["Exports to the U.K. fell sharply.", "They rose again in May."]


def test_us_before_a_name_does_not_split() -> None:
    text = "The meeting in the U.S. Capitol ran late."
    assert texts(text) == [text]


def test_initial_at_the_end_of_a_sentence_splits_before_a_common_starter() -> None:
    text = "They settled on Plan B. It failed within a week."
    assert texts(text) == ["They settled on Plan B.", "It failed within a week."]


def test_initial_before_a_question_mark_in_the_next_word_does_not_split() -> None:
    text = '"Why did he endorse Harry S. Truman?" the host asked. Nobody knew.'
    assert texts(text) == ['"Why did he endorse Harry S. Truman?" the host asked.', "Nobody knew."]


def test_titles_never_end_a_sentence() -> None:
    text = "The order came from Gen. Walker. The troops left."
    assert texts(text) == ["The order came from Gen. Walker.", "The troops left."]


def test_question_inside_a_quote_followed_by_lower_case_stays_one_sentence() -> None:
    text = '"Is it over?" she asked. The room went quiet.'
    assert texts(text) == ['"Is it over?" she asked.', "The room went quiet."]


def test_ellipsis_inside_a_quote_does_not_split_but_one_outside_can() -> None:
    text = '"We tried . . . We really did," the coach said.'
    assert texts(text) == [text]
    text = "The crowd waited... The doors finally opened."
    assert texts(text) == ["The crowd waited...", "The doors finally opened."]


# --- quotes ---------------------------------------------------------------------


def test_closing_straight_quote_belongs_to_the_sentence_it_closes() -> None:
    text = '"The work goes on. It will not stop." The minister left the stage.'
    assert texts(text) == [
        '"The work goes on.',
        'It will not stop."',
        "The minister left the stage.",
    ]


def test_curly_quotes_attach_to_their_sentences() -> None:
    text = "“Nothing has changed.” She repeated it twice. ‘Quiet,’ he said."
    assert texts(text) == [
        "“Nothing has changed.”",
        "She repeated it twice.",
        "‘Quiet,’ he said.",
    ]


def test_nyt_double_apostrophes_open_and_close_the_right_sentence() -> None:
    text = "''It is a new day,'' the mayor said. ''We start now.'' ''And we finish soon.''"
    assert texts(text) == [
        "''It is a new day,'' the mayor said.",
        "''We start now.''",
        "''And we finish soon.''",
    ]


def test_quote_closed_after_a_sentence_then_a_new_quote() -> None:
    text = 'He said: "Enough." "Really?" asked a voice.'
    units = texts(text)
    assert units[0] == 'He said: "Enough."'
    assert units[1].startswith('"Really?"')


# --- paragraphs -----------------------------------------------------------------


def test_a_single_newline_ends_a_paragraph_and_a_unit() -> None:
    text = "The ferry left at noon and\nit reached the island late.\n\nA storm followed."
    units = segment(text)
    check_units(text, units)
    assert texts(text) == [
        "The ferry left at noon and",
        "it reached the island late.",
        "A storm followed.",
    ]
    assert [u.paragraph for u in units] == [0, 1, 2]


def test_windows_line_endings_and_unicode_separators_end_paragraphs() -> None:
    text = "First line here.\r\nSecond line here.\u2028Third line here."
    units = segment(text)
    check_units(text, units)
    assert [u.paragraph for u in units] == [0, 1, 2]


def test_paragraph_index_counts_lines_with_text_only() -> None:
    text = "One. Two.\n   \n\nThree."
    assert [u.paragraph for u in segment(text)] == [0, 0, 1]


# --- headings, captions, separators --------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Flood waters recede across the valley",
        "12,000 homes still without power",
        "Port strike ends after six days: union leader",
        '"We will rebuild": mayor vows after fire',
        "U.S. and Canada sign new water deal",
    ],
)
def test_short_line_without_final_punctuation_is_a_heading(line: str) -> None:
    text = f"{line}\nThe report was released on Friday."
    assert kinds(text) == [SentenceKind.HEADING, SentenceKind.SENTENCE]
    assert texts(text)[0] == line


def test_markdown_heading_is_a_heading_even_with_periods() -> None:
    text = "## Mr. Diaz goes to Ottawa. Again.\nHe arrived today."
    assert texts(text)[0] == "## Mr. Diaz goes to Ottawa. Again."
    assert kinds(text) == [SentenceKind.HEADING, SentenceKind.SENTENCE]


@pytest.mark.parametrize(
    "line",
    [
        "The statement read:",
        "the river kept rising as crews worked through the night",
        "He listed the names of the people who had been evacuated from the three towns in the "
        "north of the province after the dam failed",
        "The vote was close.",
        "Will the ceasefire hold?",
    ],
)
def test_not_a_heading(line: str) -> None:
    # after the first line: the first unit has a rule of its own (next test)
    assert SentenceKind.HEADING not in kinds(f"The dam held.\n{line}")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("The statement read:", True),
        ("the river kept rising as crews worked through the night", True),
        ("Clinton hints at husband's job;", True),
        (
            "He listed the names of the people who had been evacuated from the three towns in the "
            "north of the province after the dam failed",
            True,
        ),
        ("The vote was close.", False),
        ("Will the ceasefire hold?", False),
        ('"We will rebuild."', False),
        ("***", False),
        ("Lawmakers, who have debated the measure for months, approved it in a", False),
    ],
)
def test_first_line_without_final_punctuation_is_a_heading(line: str, heading: bool) -> None:
    """segment alone decides: attribution reads the same kind the Document shows."""
    assert (kinds(f"{line}\nThe dam held.")[0] is SentenceKind.HEADING) is heading


@pytest.mark.parametrize(
    "line",
    [
        "A firefighter sprays water on a burning warehouse in Lyon. (Photo: AP)",
        "Rescue teams search the rubble near the market. (Getty Images)",
        "The harbour at dawn, seen from the old fort (Reuters/Ana Silva)",
        "Villagers carry supplies across the river (Regional Press Service via AP)",
        "Photo: Voters queue outside a school in Leeds. Turnout was high.",
        "Caption: The new bridge opens to traffic.",
        "Dock workers unload grain at the port of Odesa. Ana Ruiz/Getty Images",
        "Students rally outside the ministry on Friday. Photo by Tom Weller",
        "Prime Minister Jane Roe speaks during a news conference in Rome, Italy, Tuesday, June 4, 2024.",
    ],
)
def test_caption_line_is_one_caption_unit(line: str) -> None:
    text = f"{line}\nThe ministry said repairs would take a month."
    assert kinds(text) == [SentenceKind.CAPTION, SentenceKind.SENTENCE]
    assert texts(text)[0] == line


@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened on Monday (two weeks late). Traffic was light.",
        "The bridge reopened on Monday (two weeks late)",
        "Support stood at 40 percent in a City Herald/Reuters poll this week.",
        "She took the photo by the lake.",
        "Leaders meet in Oslo on Monday, June 3, 2024, to discuss fishing quotas.",
    ],
)
def test_running_text_is_not_a_caption(text: str) -> None:
    assert SentenceKind.CAPTION not in kinds(text)


@pytest.mark.parametrize("separator", ["-", "—", "***", "* * *", "___"])
def test_a_separator_line_is_no_unit_but_ends_a_paragraph(separator: str) -> None:
    text = f"The talks ended.\n{separator}\nA new round begins in May."
    assert texts(text) == ["The talks ended.", "A new round begins in May."]
    units = segment(text)
    assert units[1].paragraph == units[0].paragraph + 2  # the separator's line still counts


def test_seed_like_article_shapes() -> None:
    text = (
        "Harbour cranes idle as dock strike spreads: port authority\n"
        "The port authority says two more terminals closed overnight.\n"
        "-\n"
        "A crane operator walks past idle containers at the port of Santos, Brazil, "
        "Monday, May 6, 2024 (Regional Press Office via AP)\n"
        '"The strike will continue. We have no offer on the table," the union leader said.\n'
        "Exports drop sharply\n"
        "Shipments fell 14% in April, the ministry reported.\n"
    )
    units = segment(text)
    check_units(text, units)
    assert [(text[u.start : u.end][:22], u.kind, u.paragraph) for u in units] == [
        ("Harbour cranes idle as", SentenceKind.HEADING, 0),
        ("The port authority say", SentenceKind.SENTENCE, 1),
        ("A crane operator walks", SentenceKind.CAPTION, 3),  # the "-" line (2) is no unit
        ('"The strike will conti', SentenceKind.SENTENCE, 4),
        ("We have no offer on th", SentenceKind.SENTENCE, 4),
        ("Exports drop sharply", SentenceKind.HEADING, 5),
        ("Shipments fell 14% in ", SentenceKind.SENTENCE, 6),
    ]


# --- size (speed: benchmarks/bench_segment.py) -------------------------------------------------------------


def test_huge_line_without_punctuation_is_chunked() -> None:
    text = "word " * 200_000
    units = segment(text)
    check_units(text, units)
    assert max(u.end - u.start for u in units) <= MAX_UNIT_CHARS


def test_huge_run_without_whitespace_is_chunked() -> None:
    text = "ab.!?" * 200_000
    units = segment(text)
    check_units(text, units)
    assert max(u.end - u.start for u in units) <= MAX_UNIT_CHARS


def test_long_paragraph_is_cut_after_a_sentence_when_over_the_limit() -> None:
    sentence = "The committee heard evidence from witnesses for many hours on end. "
    text = sentence * (3 * MAX_UNIT_CHARS // len(sentence))
    units = segment(text)
    check_units(text, units)
    assert all(text[u.start : u.end] == sentence.strip() for u in units)


# --- properties -----------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "The minister said",
        "it rained",
        "U.S.",
        "Mr.",
        "Gen.",
        "No.",
        "5.5",
        "p.m.",
        "J.K.",
        "e.g.",
        "...",
        ". . .",
        "…",
        ".",
        "!",
        "?",
        '"',
        "''",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "(AP)",
        "(Photo: Reuters)",
        "Photo:",
        "#",
        "-",
        "—",
        "***",
        ",",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "  ",
        "\t",
        "\u2028",
        "The",
        "they",
        "In",
        "https://x.org/a.b",
        "a@b.co",
        "Calif.",
        "Inc.",
        "1,000",
        "$1.2",
        "Monday, May 6, 2024",
        "speaks during",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_well_formed_units(text: str) -> None:
    check_units(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map(" ".join))
def test_sentence_like_text_gives_well_formed_units(text: str) -> None:
    check_units(text, segment(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_glued_fragments_give_well_formed_units(text: str) -> None:
    check_units(text, segment(text))


# --- shapes found while measuring on news text -----------------------------------


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    assert texts("The answer was no. Negotiators left the room.") == [
        "The answer was no.",
        "Negotiators left the room.",
    ]
    text = "The bill is ranked No. 3 on the list."
    assert texts(text) == [text]


def test_straight_quote_opening_after_an_abbreviation_starts_a_sentence() -> None:
    text = 'said Ana Ruiz of Tampa, Fla. "We want the road fixed."'
    assert texts(text) == ["said Ana Ruiz of Tampa, Fla.", '"We want the road fixed."']


def test_quoted_nickname_after_initials_is_not_a_sentence_start() -> None:
    text = 'The rally was opened by Gov. J.D. "Buddy" Carr of the state.'
    assert texts(text) == [text]


def test_no_break_space_before_the_period_word_still_splits() -> None:
    text = "The aide\u00a0left early. \u201cNot now,\u201d she said."
    assert texts(text) == ["The aide\u00a0left early.", "\u201cNot now,\u201d she said."]


def test_four_dots_end_a_sentence_inside_a_quote() -> None:
    text = '"We are not done. . . . The work goes on," she said.'
    assert texts(text) == ['"We are not done. . . .', 'The work goes on," she said.']


def test_title_case_headline_with_an_abbreviation_is_one_heading() -> None:
    text = "Talks With The U.S. And Japan Stall\nNegotiators left Geneva."
    assert kinds(text) == [SentenceKind.HEADING, SentenceKind.SENTENCE]
    assert texts(text)[0] == "Talks With The U.S. And Japan Stall"


def test_source_tag_after_the_last_sentence_stays_with_it() -> None:
    text = "Turnout hit a record in the state. Will it last? [Metro Daily]"
    assert texts(text) == ["Turnout hit a record in the state.", "Will it last? [Metro Daily]"]
    assert SentenceKind.HEADING not in kinds(text)


def test_hard_wrapped_line_ending_in_a_function_word_is_not_a_heading() -> None:
    text = "Lawmakers, who have debated the measure for months, approved it in a\nvote late Monday."
    assert kinds(text) == [SentenceKind.SENTENCE, SentenceKind.SENTENCE]


def test_dense_run_of_periods_completes() -> None:
    text = "a. " * 100_000
    units = segment(text)
    check_units(text, units)


def test_spaced_curly_opening_quote_goes_with_the_sentence_it_opens() -> None:
    text = "\u201cWe lost,\u201d the coach said. \u201c We will be back.\u201d"
    assert texts(text) == ["\u201cWe lost,\u201d the coach said.", "\u201c We will be back.\u201d"]


def test_plain_word_shortcut_decides_every_context_as_punkts_passes_do() -> None:
    """The "word. Next" shortcut gives Punkt's own answer (an unrelated collocation disables it)."""
    from reader.core.segment import _punkt

    fast = _punkt()
    full = copy.deepcopy(fast)
    full._params.collocations = {("zzqx", "qxzz")}
    words = "said. Said. year. etc. Etc. inc. Jan. St. no. a. U.S. ok. ends! mid-sept.".split()
    marks = ('"', "'", ")", "”")
    words += [w + mark for w in ("said.", "Smith.", "Gov.", "Co.") for mark in marks]
    nexts = ["The", "the", "“The", "12", "(AP)", "--", "Smith", "'Well", "said"]
    for word in words:
        assert fast.text_contains_sentbreak(word) == full.text_contains_sentbreak(word), word
        for nxt in nexts:
            for space in (" ", "  ", "\t"):
                context = word + space + nxt
                expected = full.text_contains_sentbreak(context)
                assert fast.text_contains_sentbreak(context) == expected, context
    assert fast.text_contains_sentbreak("said. The") and not fast.text_contains_sentbreak("said.")
    assert texts("He left on time. Markets fell etc. The index lost a point.") == [
        "He left on time.",
        "Markets fell etc.",
        "The index lost a point.",
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "an", "The", "the", "and", "of", "data", ",", ":", ";", " ", "\t", "\u00a0", "x."]),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=40),
)
def test_run_on_check_agrees_with_its_pattern(pieces: list[str], start: int) -> None:
    from reader.core.segment import _CONTINUES, _runs_on

    line = "".join(pieces)
    start = min(start, len(line))
    assert _runs_on(line, start) == bool(_CONTINUES.search(line, start))


def test_credit_tail_needs_a_slash_or_a_credit_word() -> None:
    from reader.core.segment import _CREDIT_TAIL, _may_hold_credit_tail

    lines = [
        "Crowds gather in Lyon. Jane Doe/Getty Images",
        "Boats at dawn. Photo by Ana Lima",
        "A calm day.",
    ]
    for line in lines:
        found = _CREDIT_TAIL.search(line) is not None
        assert not found or _may_hold_credit_tail(line, 0)
    assert kinds("Crowds gather in Lyon. Jane Doe/Getty Images") == [SentenceKind.CAPTION]
    assert not _may_hold_credit_tail("A calm day.", 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB\"“”'()!?.,:;-\u00a0\t1")), max_size=60))
def test_a_line_whose_only_sentence_end_is_last_has_no_cut_to_skip(line: str) -> None:
    from reader.core.segment import _one_final_sentence_end, _punkt_starts, _quoted_starts

    if line.strip() and _one_final_sentence_end(line):
        assert _punkt_starts(line, 0, len(line)) == [] and _quoted_starts(line, 0, len(line)) == []
