"""Naming and typing of sources: phrases written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import SourceType
from reader.core.source_types import SourceDescription, describe_source, split_role_and_name


def describe(*mentions: str, contexts: list[str] | None = None) -> SourceDescription:
    return describe_source(list(mentions), contexts if contexts is not None else list(mentions))


@pytest.mark.parametrize(
    ("phrase", "role", "name"),
    [
        ("CIA Director Jane Roe", "CIA Director", "Jane Roe"),
        (
            "Ruritanian Chief of the General Staff Pavel Orlenko",
            "Ruritanian Chief of the General Staff",
            "Pavel Orlenko",
        ),
        ("John Smith, a spokesman for the ministry,", "spokesman for the ministry", "John Smith"),
        ("Sen. Maria Lopez (D-Ore.)", "Sen.", "Maria Lopez"),
        ("The Telegraph newspaper", "newspaper", "The Telegraph"),
        ("Mr. Okafor", None, "Okafor"),
        ("An unidentified Ruritanian soldier", None, "unidentified Ruritanian soldier"),
        ("the economist Ana Ruiz", "economist", "Ana Ruiz"),
        ("Dana Whitfield of the Riverside Gazette", "Riverside Gazette", "Dana Whitfield"),
        ("Senator Ruth Olsen of Vermont", "Senator", "Ruth Olsen"),
        ("the Bank of Ireland", None, "Bank of Ireland"),
        ("the Ministry of Defence", None, "Ministry of Defence"),
        ("the Gomez administration", None, "Gomez administration"),
        ("Kim Reyes, 41, a nurse from Tucson", "nurse from Tucson", "Kim Reyes"),
        ("aides to Gov. Tom Reyes", None, "aides to Gov. Tom Reyes"),
        ("Harper and Lee", None, "Harper and Lee"),
        ("the mayor's son, Daniel", "mayor's son", "Daniel"),
        ("Defense Ministry's", None, "Defense Ministry"),
        ("a letter from CIA Director Jo Park", "CIA Director", "Jo Park"),
        ("Lee and Park", None, "Lee and Park"),
        ("the Harbor Research Center", None, "Harbor Research Center"),
    ],
)
def test_split_role_and_name(phrase: str, role: str | None, name: str) -> None:
    assert split_role_and_name(phrase) == (role, name)


@pytest.mark.parametrize(
    "mentions",
    [
        ["Defense Minister Hana Kowalski", "Kowalski", "she"],
        ["a spokeswoman for the campaign"],
        ["The city's police department"],
        ["federal and state officials"],
        ["Gov. Tom Reyes", "Reyes"],
        ["the Interior Ministry"],
        ["Acme Corp. chief executive Lin Park", "Park"],
        ["Republican nominee Carla Benton", "Benton"],
        ["a court filing"],
        ["the state news agency"],
    ],
)
def test_official(mentions: list[str]) -> None:
    assert describe(*mentions).type is SourceType.OFFICIAL


@pytest.mark.parametrize(
    "mentions",
    [
        ["The Telegraph newspaper", "the publication"],
        ["reporter Sam Oduya", "Oduya"],
        ["the Daily Herald"],
        ["Metro News"],
        ["Greta Hall, a columnist for the paper,"],
        ["the debate moderator"],
    ],
)
def test_media(mentions: list[str]) -> None:
    assert describe(*mentions).type is SourceType.MEDIA


@pytest.mark.parametrize(
    "mentions",
    [
        ["An unidentified Ruritanian soldier"],
        ["one of the president's advisers"],
        ["a person familiar with the talks"],
        ["sources"],
        ["a senior defense official"],
        ["people close to the chairman"],
    ],
)
def test_anonymous(mentions: list[str]) -> None:
    assert describe(*mentions).type is SourceType.ANONYMOUS


def test_nameless_source_keeps_its_description() -> None:
    desc = describe("An unidentified Ruritanian soldier")
    assert (desc.name, desc.role) == ("unidentified Ruritanian soldier", "Ruritanian soldier")


def test_anonymity_clause_in_context() -> None:
    sentence = "An official, speaking on condition of anonymity, said talks had stalled."
    assert describe_source(["An official"], [sentence]).type is SourceType.ANONYMOUS


@pytest.mark.parametrize(
    "mentions",
    [
        ["Priya Natarajan, a professor of economics at Lakeside University,"],
        ["a study published last month"],
        ["analysts"],
        ["researchers at the Hillcrest Institute"],
        ["Tom Baker, a former White House aide,"],
    ],
)
def test_expert(mentions: list[str]) -> None:
    assert describe(*mentions).type is SourceType.EXPERT


@pytest.mark.parametrize(
    "mentions",
    [
        ["a witness"],
        ["local residents"],
        ["some voters"],
        ["Leon Ibarra, a carpenter from Dayton,"],
        ["a recent poll"],
    ],
)
def test_other(mentions: list[str]) -> None:
    assert describe(*mentions).type is SourceType.OTHER


def test_third_party_types_map_to_third_party_label() -> None:
    for mentions in (["a witness"], ["reporter Sam Oduya"], ["sources"], ["analysts"]):
        assert describe(*mentions).type.label.value == "third_party"
    assert describe("Gov. Tom Reyes").type.label.value == "official"


def test_age_marks_an_ordinary_person() -> None:
    sentence = '"We lost everything," said Ruth Adler, 67, who has lived on the street for decades.'
    assert describe_source(["Ruth Adler"], [sentence]).type is SourceType.OTHER


def test_appositive_in_context_gives_role_and_type() -> None:
    sentence = '"Prices will keep rising," said Omar Haddad, an analyst at a research firm in Boston.'
    desc = describe_source(["Omar Haddad", "Haddad"], [sentence, "Haddad added more."])
    assert desc.name == "Omar Haddad"
    assert desc.role is not None and desc.role.startswith("analyst")
    assert desc.type is SourceType.EXPERT


def test_role_written_before_the_name_in_context() -> None:
    sentence = '"The numbers are grim," said radio host Vic Amato on Monday.'
    desc = describe_source(["Vic Amato"], [sentence])
    assert desc.role == "radio host"
    assert desc.type is SourceType.MEDIA


def test_roles_of_another_person_are_ignored() -> None:
    # A noisy resolver merged someone else's appositive into the mentions.
    mentions = ["Gov. Tom Reyes", "Reyes", "Joan Pike, a pollster"]
    desc = describe_source(mentions, mentions)
    assert desc.name == "Tom Reyes"
    assert desc.type is SourceType.OFFICIAL


def test_a_bare_name_that_reports_is_media() -> None:
    contexts = ["Keller reported on Tuesday that the plant had closed.", '"It is over," Keller wrote.']
    assert describe_source(["Keller", "Keller"], contexts).type is SourceType.MEDIA
    # a stated office still wins over the verb
    contexts = ["Mayor Ruth Keller reported a surplus.", "Keller said so."]
    assert describe_source(["Mayor Ruth Keller", "Keller"], contexts).type is SourceType.OFFICIAL


def test_transcript_speaker_in_capitals_is_matched_to_its_outlet() -> None:
    mentions = ["HOLLIS", "Hollis"]
    contexts = ["HOLLIS: Is the plan dead?", "Metro TV's Dana Hollis pressed the senator on the plan."]
    desc = describe_source(mentions, contexts)
    assert desc.name == "Hollis"
    assert desc.type is SourceType.MEDIA


def test_relative_clauses_that_describe_a_job_are_roles() -> None:
    desc = describe("Ron Tate, who hosts a morning radio show,")
    assert (desc.role, desc.type) == ("hosts a morning radio show", SourceType.MEDIA)
    assert describe("Ana Ruiz, who teaches law at Lakeside University,").type is SourceType.EXPERT
    assert describe("Lu Chen, who was battling the flu,").role is None


def test_a_bare_name_writing_in_an_outlet_is_media() -> None:
    contexts = ["Marsh wrote in the Evening Ledger that the vote was close.", "Marsh said so."]
    assert describe_source(["Marsh", "Marsh"], contexts).type is SourceType.MEDIA
    contexts = ["Marsh wrote on Twitter that the vote was close.", "Marsh said so."]
    assert describe_source(["Marsh", "Marsh"], contexts).type is SourceType.OFFICIAL


def test_talking_to_media_is_not_media() -> None:
    sentence = "Mayor Lena Ortiz told CNN that the bridge would reopen."
    desc = describe_source(["Mayor Lena Ortiz"], [sentence])
    assert desc.type is SourceType.OFFICIAL


def test_fullest_name_and_most_complete_role() -> None:
    mentions = [
        "Ruritanian chief of staff Pavel Orlenko",
        "Ruritanian Chief of the General Staff Pavel Orlenko",
        "Orlenko",
        "he",
    ]
    desc = describe(*mentions)
    assert desc.name == "Pavel Orlenko"
    assert desc.role == "Ruritanian Chief of the General Staff"
    assert desc.type is SourceType.OFFICIAL


def test_outlet_keeps_its_article() -> None:
    desc = describe("The Telegraph newspaper", "the publication")
    assert (desc.name, desc.role, desc.type) == ("The Telegraph", "newspaper", SourceType.MEDIA)
    assert describe("the Evening Chronicle").name == "The Evening Chronicle"


def test_former_official_as_commentator_is_third_party() -> None:
    desc = describe("former Secretary of State Ellen Marsh, now a commentator", "Marsh")
    assert desc.type.label.value == "third_party"


def test_a_lay_word_counts_only_as_the_head_of_a_role() -> None:
    assert describe("Rita Vance, a senior executive at the parent company,").type is SourceType.OFFICIAL
    assert describe("Sam Ortiz, one of the mayor's most vocal critics,").type is SourceType.OTHER
    assert describe("Ida Moss, a 20-year factory worker,").type is SourceType.OTHER


def test_former_elected_official_stays_a_political_actor() -> None:
    assert describe("Hal Brooks, the former governor of the state,").type is SourceType.OFFICIAL
    assert describe("Jo Park, a former aide to the governor,").type is SourceType.EXPERT


def test_staff_attached_to_a_principal_is_official() -> None:
    assert describe("Nina Cole, a senior adviser to the governor,").type is SourceType.OFFICIAL
    assert describe("an adviser").type is SourceType.ANONYMOUS


def test_named_person_with_no_role_defaults_to_official() -> None:
    desc = describe("Harold Finch", "Finch")
    assert desc.type is SourceType.OFFICIAL
    assert "default" in desc.reason


@pytest.mark.parametrize(
    "mentions",
    [
        ["he"],
        ["I"],
        [],
        ["Gov. Tom Reyes"],
        ["a witness"],
        ["The Telegraph newspaper"],
        ["sources"],
        ["Harold Finch"],
        ["a study"],
        ["the Interior Ministry"],
    ],
)
def test_every_description_has_a_name_and_reason(mentions: list[str]) -> None:
    desc = describe(*mentions)
    assert desc.reason.strip()
    assert desc.name.strip()


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        (["Ukrainian military spokesman Oleksandr Ivanenko"], SourceType.OFFICIAL),
        (["Russia's Defence Ministry"], SourceType.OFFICIAL),
        (["TASS, the Russian state news agency,"], SourceType.OFFICIAL),
        (["two people familiar with the matter"], SourceType.ANONYMOUS),
        (["Maria Koval, a 34-year-old teacher in Kharkiv,"], SourceType.OTHER),
        (["Tesla chief executive Elon Musk", "Musk"], SourceType.OFFICIAL),
        (["Jane Doe, an analyst at a brokerage,"], SourceType.EXPERT),
        (["Bloomberg News"], SourceType.MEDIA),
        (["Dr. Ana Ruiz, an epidemiologist at the University of Lagos"], SourceType.EXPERT),
        (["a study published in a medical journal"], SourceType.EXPERT),
        (["the United Steel Workers union"], SourceType.OFFICIAL),
        (["the Harbor Research Center"], SourceType.EXPERT),
        (["the Daily Ledger"], SourceType.MEDIA),
        (["@quietriver88"], SourceType.OTHER),
        (["Forty-two percent"], SourceType.OTHER),
        (["Republican Dana Holt", "Holt"], SourceType.OFFICIAL),
        (["Tom Reed, a rancher running for the county seat,"], SourceType.OFFICIAL),
        (["the Budget Review Office"], SourceType.OFFICIAL),
    ],
)
def test_war_business_and_science_reporting(mentions: list[str], expected: SourceType) -> None:
    assert describe(*mentions).type is expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=5), st.lists(st.text(max_size=200), max_size=5))
def test_any_text_gets_a_description(mentions: list[str], contexts: list[str]) -> None:
    desc = describe_source(mentions, contexts)
    assert desc.name.strip() and desc.reason.strip()
    assert isinstance(desc.type, SourceType)
    role, name = split_role_and_name(" ".join(mentions))
    assert isinstance(name, str) and (role is None or role.strip())


@pytest.mark.parametrize(
    ("phrase", "role", "name"),
    [
        ("The chief of police of Westford, Ines Marlow", "chief of police of Westford", "Ines Marlow"),
        ("The governor of Tarn, Oskar Lind", "governor of Tarn", "Oskar Lind"),
        ("A census of 2,400 households", None, "census of 2,400 households"),
    ],
)
def test_office_of_a_place_and_numbers_in_names(phrase: str, role: str | None, name: str) -> None:
    assert split_role_and_name(phrase) == (role, name)


def test_the_person_not_the_place_names_an_office_holder() -> None:
    desc = describe(
        "The governor of Tarn",
        "Oskar Lind",
        contexts=["The governor of Tarn, Oskar Lind, said roads would reopen."] * 2,
    )
    assert desc.name == "Oskar Lind"
    assert desc.type is SourceType.OFFICIAL


def test_a_description_before_the_name_types_the_person() -> None:
    context = "A soil scientist at Hallam Polytechnic, Tove Brandt, said the harvest would be late."
    desc = describe("Tove Brandt", contexts=[context])
    assert desc.type is SourceType.EXPERT
    assert desc.role == "soil scientist at Hallam Polytechnic"


@pytest.mark.parametrize("description", ["the state-owned operator", "the regional utility", "the airline"])
def test_a_company_described_by_its_trade_is_official(description: str) -> None:
    context = f"Northway Ferries, {description}, said sailings would resume on Monday."
    desc = describe(f"Northway Ferries, {description},", contexts=[context])
    assert desc.type is SourceType.OFFICIAL


def test_repeated_mentions_are_read_once_and_give_the_same_answer() -> None:
    context = "Senator Ada Quill said the vote would be close."
    once = describe("Senator Ada Quill", contexts=[context])
    many = describe_source(["Senator Ada Quill"] + ["Quill"] * 500, [context] + ["Quill said more."] * 500)
    assert (many.name, many.type) == (once.name, once.type)


def test_a_party_pollster_is_no_campaign_staff() -> None:
    desc = describe("Republican pollster Nora Vance")
    assert desc.type is not SourceType.OFFICIAL
    assert describe("Lee campaign pollster Nora Vance").type is SourceType.OFFICIAL


def test_an_age_alone_does_not_make_an_ordinary_person() -> None:
    aged_only = describe("Walter Brandt", contexts=["Walter Brandt, 71, said the plan was sound."])
    assert aged_only.type is SourceType.OFFICIAL  # the default for bare names
    vox_pop = describe("Walter Brandt", contexts=["Walter Brandt, 71, a retired welder, said the plan was sound."])
    assert vox_pop.type is SourceType.OTHER


def test_a_transcript_speaker_who_asks_the_questions_is_a_host() -> None:
    turns = [
        "BRANDT: Senator, welcome back to the programme.",
        "BRANDT: Will the bridge be finished by May?",
        "BRANDT: But, Senator, I have to ask you about the budget.",
    ]
    host = describe_source(["BRANDT"] * 3, turns)
    assert host.type is SourceType.MEDIA
    answers = ["OKORO: The bridge will open in May.", "OKORO: We found the money for it."]
    guest = describe_source(["OKORO"] * 2, answers)
    assert guest.type is SourceType.OFFICIAL


def test_a_named_person_who_asked_is_an_interviewer() -> None:
    desc = describe("Ilse Marten", contexts=["Ilse Marten asked whether the mine would close."])
    assert desc.type is SourceType.MEDIA
    assert describe("Ilse Marten", contexts=["Ilse Marten asked for patience."]).type is SourceType.OFFICIAL


def test_who_led_an_organisation_is_a_former_office_holder() -> None:
    desc = describe("Rolf Amsel", contexts=['"Act now," said Rolf Amsel, who helmed the RLP in the 1990s.'])
    assert desc.type is SourceType.EXPERT


def test_a_role_after_a_capitalised_modifier_types_the_person() -> None:
    desc = describe("Ines Kato", contexts=['"It is close," said Ines Kato, House editor for the Harlow Report.'])
    assert desc.type is SourceType.MEDIA
    assert desc.role == "House editor for the Harlow Report"


def test_a_person_known_only_by_one_name_is_an_ordinary_person() -> None:
    contexts = ['"We drove all night," Rosalind said.', '"It was worth it," she said.']
    assert describe_source(["Rosalind", "she"], contexts).type is SourceType.OTHER
    full = describe_source(["Rosalind Achterberg", "Achterberg", "she"], ["Rosalind Achterberg spoke.", *contexts])
    assert full.type is SourceType.OFFICIAL  # named in full with no role: the default


def test_a_public_attorney_holds_office_a_family_attorney_does_not() -> None:
    assert describe("County Attorney Ruth Ivers").type is SourceType.OFFICIAL
    assert describe("Ruth Ivers, an attorney for the family,").type is SourceType.OTHER


def test_a_bare_count_as_source_is_a_share_of_people_polled() -> None:
    assert describe("38", contexts=["Of the 90 nurses asked, 38 said they would strike."]).type is SourceType.OTHER


@pytest.mark.parametrize("phrase", ["one questioner", "a series of online postings", "the book"])
def test_askers_postings_and_books_are_third_parties(phrase: str) -> None:
    assert describe(phrase).type is not SourceType.OFFICIAL


def test_a_format_a_person_appears_in_makes_no_outlet_of_them() -> None:
    context = "In a Harbor Radio interview Ola Brink declared that the port would stay open."
    assert describe("Ola Brink", contexts=[context]).type is not SourceType.MEDIA
    desk = "Ola Brink, the state's largest newspaper, reported the closure."
    assert describe("Ola Brink", contexts=[desk]).type is SourceType.MEDIA


def test_a_titled_person_of_a_lower_case_institution() -> None:
    assert split_role_and_name("Judge Elena Sato of the district court") == (
        "Judge of the district court",
        "Elena Sato",
    )
    assert split_role_and_name("Sen. Ann Lee of Ohio") == ("Sen.", "Ann Lee")  # a place is no institution


def test_a_plural_head_is_typed_by_itself_not_by_whom_it_represents() -> None:
    desc = describe("Trade unions representing the port's 3,000 dockers")
    assert desc.name == "Trade unions"
    assert desc.type is SourceType.OFFICIAL


def test_capitals_spelling_a_pronoun_are_an_organisation_not_a_pronoun() -> None:
    desc = describe_source(["WHO", "WHO"], ["Cases doubled, WHO said.", "WHO warned of more."])
    assert desc.name == "WHO"


def test_a_country_reporting_its_own_counts_is_no_outlet() -> None:
    counts = "Moldova reported roughly 900 new cases last week."
    assert describe("Moldova", contexts=[counts]).type is not SourceType.MEDIA
    scoop = "Nils Aberg reported that the minister would resign."
    assert describe("Nils Aberg", contexts=[scoop]).type is SourceType.MEDIA


def test_a_role_ends_where_a_relative_clause_begins() -> None:
    desc = describe("Dr. Ilse Varga, a virologist at the Tallinn institute who was not involved in the trial,")
    assert desc.role == "virologist at the Tallinn institute"


def test_a_thousands_separator_does_not_end_an_appositive() -> None:
    desc = describe("@HarbourWatch, an advocacy account with 40,000 followers,")
    assert desc.role == "advocacy account with 40,000 followers"


def test_a_description_written_before_the_name_is_its_role() -> None:
    context = "The utility's chief engineer, Rosa Keel, said the lines held."
    desc = describe_source(["The utility's chief engineer", "Rosa Keel"], [context, context])
    assert desc.name == "Rosa Keel"
    assert desc.role == "utility's chief engineer"


def test_people_in_a_place_are_named_as_a_group() -> None:
    assert split_role_and_name("Residents in Galveston") == (None, "Residents in Galveston")


def test_a_body_named_with_and_keeps_its_whole_name() -> None:
    assert split_role_and_name("the Department of Health and Human Services") == (
        None,
        "Department of Health and Human Services",
    )
    assert split_role_and_name("Ann Lee and Bo Park") == (None, "Ann Lee and Bo Park")


def test_an_honorific_before_the_name_is_not_part_of_the_role() -> None:
    assert split_role_and_name("lead author Dr. Mei Tanaka") == ("lead author", "Mei Tanaka")


def test_people_who_were_briefed_are_anonymous() -> None:
    context = "The talks stalled, according to three people who were briefed on them."
    assert describe_source(["three people"], [context]).type is SourceType.ANONYMOUS


def test_the_verb_after_a_name_and_comma_is_no_appositive() -> None:
    context = "The head of the harbour, Ada Lind, spoke to our reporter about the plans."
    desc = describe_source(["Ada Lind"], [context])
    assert desc.type is not SourceType.MEDIA
    assert desc.role is None or "reporter" not in desc.role


def test_an_appositive_read_in_context_keeps_a_thousands_separator() -> None:
    context = "@HarbourWatch, an advocacy account with 40,000 followers, posted that it was overdue."
    assert describe_source(["@HarbourWatch"], [context]).role == "advocacy account with 40,000 followers"


@pytest.mark.parametrize("quotes", [("“", "”"), ('"', '"')])
def test_a_role_in_scare_quotes_before_the_name_counts(quotes):
    opening, closing = quotes
    context = f"The Ledger sent its {opening}senior features reporter{closing} Mara Lindqvist to the county fair."
    desc = describe_source(["Mara Lindqvist", "Lindqvist"], [context, "Lindqvist reports that crowds were thin."])
    assert desc.type is SourceType.MEDIA
    assert desc.role == "senior features reporter"


def test_a_name_that_fact_checks_is_a_fact_checker():
    contexts = [
        "After the debate Claimwatch did a fact-check on the governor's figures.",
        "Claimwatch then ruled that the figure was wrong.",
    ]
    desc = describe_source(["Claimwatch", "Claimwatch"], contexts)
    assert desc.type is SourceType.MEDIA
    # a name with no such context keeps the default
    assert describe_source(["Claimwatch"], ["Claimwatch then ruled that the figure was wrong."]).type is not (
        SourceType.MEDIA
    )


def test_a_name_written_with_an_outlet_kind_after_it_is_an_outlet():
    contexts = [
        "A test run by Brewmark Home magazine compared forty kettles.",
        "According to Brewmark Home, steel kettles boiled fastest.",
    ]
    desc = describe_source(["Brewmark Home", "Brewmark Home"], contexts)
    assert desc.type is SourceType.MEDIA
    assert "magazine" in desc.reason
    # the same name with no kind after it keeps the default
    assert describe_source(["Brewmark Home"], contexts[1:]).type is not SourceType.MEDIA


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # the claim after an opening "according to X," is no appositive
        ("According to Brewmark Home, the cheapest kettle boiled fastest.", None),
        # an appositive closed by a comma still is
        ("According to Ada Ruiz, the county treasurer, the fund is empty.", "county treasurer"),
        # and so is one that ends a sentence-final "according to"
        ("The fund is empty, according to Ada Ruiz, an economist at Fenwick Bank.", "economist at Fenwick Bank"),
    ],
)
def test_according_to_a_name_then_the_claim(sentence, role):
    name = "Brewmark Home" if "Brewmark" in sentence else "Ada Ruiz"
    assert describe_source([name], [sentence]).role == role


def test_an_audit_office_is_a_watchdog_but_an_audit_committee_is_parliament():
    office = describe_source(
        ["the Regional Audit Office"], ["The Regional Audit Office said the bridge cost too much."]
    )
    assert office.type is SourceType.EXPERT
    committee = describe_source(
        ["the Harbour Audit Committee"], ["The Harbour Audit Committee said the plan was weak."]
    )
    assert committee.type is SourceType.OFFICIAL


@pytest.mark.parametrize(
    ("mention", "official"),
    [
        ("ex-Home Secretary Dara Quinn", False),  # a former minister commenting
        ("former Transport Minister Dara Quinn", False),
        ("Former Ohio Gov. Dara Quinn", True),  # former elected executives stay political actors
        ("ex-President Dara Quinn", True),
        ("Former Sen. Dara Quinn", True),
    ],
)
def test_a_former_office_written_before_the_name(mention, official):
    desc = describe_source([mention, "Quinn"], [f"{mention} said the budget was a mistake.", "Quinn said so."])
    assert (desc.type is SourceType.OFFICIAL) is official, desc.reason


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("The Conservatives", SourceType.OFFICIAL),  # the party, written with its capital
        ("conservatives", SourceType.OTHER),  # people of that view
        ("Conservatives", SourceType.OTHER),  # a capital that may only start the sentence
    ],
)
def test_a_party_written_with_its_capital_is_not_people_of_that_view(mention: str, expected: SourceType) -> None:
    assert describe(mention, contexts=[f"{mention} said taxes would rise."]).type is expected
