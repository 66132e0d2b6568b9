"""Typing sources outside political news: sport, the arts, the law, the article's topic.

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest

from reader.core.analyze import analyze
from reader.core.model import Label, SourceType
from reader.core.source_types import describe_source
from reader.core.topic import article_topic


def _source(doc, name_part: str):
    return next(s for s in doc.sources if name_part in s.name)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Harbourside coach Dara Quinn", SourceType.OFFICIAL),  # coaches speak for their team
        ("Harbourside boss Dara Quinn", SourceType.OFFICIAL),
        ("Harbourside striker Dara Quinn", SourceType.OTHER),  # players speak for themselves
        ("Harbourside forward Dara Quinn", SourceType.OTHER),
        ("songwriter Dara Quinn", SourceType.OTHER),
        ("Solicitor Dara Quinn", SourceType.OTHER),  # counsel for a private party
        ("Solicitor General Dara Quinn", SourceType.OFFICIAL),  # the longer title wins
    ],
)
def test_sport_arts_and_law_roles(mention, expected):
    assert (
        describe_source([mention, "Quinn"], [f"{mention} said the plan was sound.", "Quinn said so."]).type is expected
    )


def test_a_relative_clause_about_the_employer_is_no_evidence_about_the_person():
    doc = analyze(
        "Leaks are common, said Ines Varga, European boss of Fileguard, which commissioned the research.\n"
        "Often, said Ms Varga, nobody notices."
    )
    varga = _source(doc, "Varga")
    assert varga.type is SourceType.OFFICIAL
    assert "research" not in varga.type_reason


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("The club won the match with a late goal. The striker scored twice and the coach praised the squad.", "sport"),
        ("The film earned an Oscar nomination. The band released an album and the actress began a tour.", "arts"),
        ("The minister told parliament the government would call an election after the vote on the bill.", "politics"),
        ("The weather was mild and the roads were quiet.", None),
    ],
)
def test_article_topic(text, section):
    assert article_topic(text).section == section


_SPORT_STORY = (
    "Rovers keep title hopes alive\n"
    "Rovers beat Harbourside 2-0 in the league on Saturday to stay top of the table.\n"
    '"We knew the match would be hard," said Tomas Reyna, who scored both goals.\n'
    '"The squad never stopped running," Reyna said.\n'
    "The club face Ashford in the cup next week."
)
_POLITICS_STORY = (
    "Minister defends budget\n"
    "The government will cut the deficit, the finance minister told parliament on Monday.\n"
    '"We will not raise taxes before the election," said Tomas Reyna.\n'
    "The opposition party called the policy reckless ahead of the vote."
)


def test_a_person_with_no_role_in_a_sport_story_is_a_third_party():
    reyna = _source(analyze(_SPORT_STORY), "Reyna")
    assert reyna.type is SourceType.OTHER
    assert "default" in reyna.type_reason and "sport" in reyna.type_reason


def test_a_person_with_no_role_in_political_news_keeps_the_official_default():
    doc = analyze(_POLITICS_STORY)
    reyna = _source(doc, "Reyna")
    assert reyna.type is SourceType.OFFICIAL
    assert any(s.label is Label.OFFICIAL and s.source_id == reyna.id for s in doc.sentences)


def test_a_club_named_in_a_sport_story_is_not_a_person():
    doc = analyze(
        "Rovers sign keeper\n"
        "Ashford United said on Friday that the keeper had signed a new contract with the club.\n"
        "The squad returns to training after the match on Saturday, and the league season resumes."
    )
    assert _source(doc, "Ashford").type is SourceType.OFFICIAL


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Harbourside captain Dara Quinn", SourceType.OTHER),  # a team's captain plays
        ("Captain Dara Quinn", SourceType.OFFICIAL),  # a rank, written with a capital
        ("Dara Quinn, counsel for the tenants,", SourceType.OTHER),
        ("Dara Quinn, the company's general counsel,", SourceType.OFFICIAL),
        ("Dara Quinn, chief tester at Fileguard,", SourceType.EXPERT),
        ("security lab Fileguard", SourceType.EXPERT),
        ("investment bank Morrow Hale", SourceType.EXPERT),
    ],
)
def test_roles_that_test_rate_or_plead_for_others(mention, expected):
    assert describe_source([mention], [f"{mention} said the figures were wrong."]).type is expected


def test_a_surname_that_is_a_lexicon_word_is_no_role():
    doc = analyze(
        "Printers tested\n"
        "Dara Tester said the cheapest printer was also the slowest.\n"
        '"Nobody should buy it," she said.'
    )
    tester = _source(doc, "Tester")
    assert "tester" not in tester.type_reason


def test_a_party_member_with_no_role_is_official_unless_a_role_says_otherwise():
    flynn = describe_source(["Labour's Ada Flynn"], ["Labour's Ada Flynn said the pair had been told off."])
    assert flynn.type is SourceType.OFFICIAL and "party" in flynn.reason
    actor = describe_source(
        ["Labour's Ada Flynn", "Flynn"],
        ["Labour's Ada Flynn said the pair had been told off.", "Flynn, an actress, said she agreed."],
    )
    assert actor.type is SourceType.OTHER


def test_a_person_who_sings_with_no_role_is_an_artist_even_in_political_news():
    doc = analyze(
        "Singer backs senator\n"
        "The senator's campaign released a video on Monday before the election.\n"
        "In the clip, Ada Mbeki sings to the senator.\n"
        '"We need change," Mbeki said.'
    )
    mbeki = _source(doc, "Mbeki")
    assert mbeki.type is SourceType.OTHER
    assert "sings" in mbeki.type_reason


def test_a_person_who_played_a_part_is_an_actor_but_played_alone_is_no_evidence():
    clause = describe_source(
        ["Dara Quinn", "Quinn"],
        ["Dara Quinn, who played the butler, said a new series was likely.", "Quinn added that she would return."],
    )
    assert clause.type is SourceType.OTHER and "played" in clause.reason
    golf = describe_source(
        ["Dara Quinn", "Quinn"],
        ["Dara Quinn played golf on Sunday, aides said.", "Quinn said the budget would pass."],
    )
    assert golf.type is SourceType.OFFICIAL


def test_only_a_pronoun_in_an_arts_story_is_typed_as_a_person_without_a_role():
    doc = analyze(
        "Film earns three Oscar nominations\n"
        "The film will lead the studio's hopes at the Oscars after the actress and the director were nominated.\n"
        '"I can\'t believe what has happened this morning," she said.\n'
        "The band will play at the ceremony, and the album of the soundtrack is out on Friday."
    )
    speaker = next(s for s in doc.sources if s.name == "unidentified speaker")
    assert speaker.type is SourceType.OTHER and "arts" in speaker.type_reason
    politics = analyze(
        "Minister defends budget\n"
        "The government will cut the deficit before the election, the party said on Monday.\n"
        '"We will not raise taxes," she said.'
    )
    assert all(s.type is not SourceType.OTHER for s in politics.sources)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        (["Dr Mei Tanaka", "Tanaka"], SourceType.EXPERT),  # a physician or scholar with no office
        (["Dr. Mei Tanaka", "Tanaka"], SourceType.EXPERT),
        (["Republican presidential front-runner Mei Tanaka", "Dr. Mei Tanaka"], SourceType.OFFICIAL),
        (["Health Secretary Dr Mei Tanaka", "Tanaka"], SourceType.OFFICIAL),  # an office outranks the title
    ],
)
def test_a_doctor_with_no_office_is_an_expert(mentions, expected):
    contexts = [f"{m} said the drug was safe." for m in mentions]
    assert describe_source(mentions, contexts).type is expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Some major tech firms", SourceType.OTHER),  # a part of an industry
        ("Many companies", SourceType.OTHER),
        ("Some officials", SourceType.OFFICIAL),  # a group of officials still speaks as officials
    ],
)
def test_a_quantified_group_of_firms_is_a_partial_group(mention, expected):
    assert describe_source([mention], [f"{mention} say the patent rules are needed."]).type is expected


def test_a_surname_that_is_a_body_word_still_names_a_person_after_a_role():
    chambers = describe_source(["Songwriter Guy Chambers"], ["Songwriter Guy Chambers said the lessons would help."])
    assert (chambers.name, chambers.role, chambers.type) == ("Guy Chambers", "Songwriter", SourceType.OTHER)
    assert describe_source(["the Acme Group"], ["the Acme Group said so."]).name == "Acme Group"


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("Labour MP Lord Carlile", "Lord Carlile", "Labour MP"),  # a peer is named with the title
        ("Dame Ann Lee", "Dame Ann Lee", None),
        ("the Lord Chancellor", "Lord Chancellor", None),  # an office, not a peer's name
    ],
)
def test_peers_are_named_with_their_title(mention, name, role):
    described = describe_source([mention], [f"{mention} said the law would change."])
    assert (described.name, described.role) == (name, role)


def test_a_peer_keeps_the_office_written_before_the_title():
    carlile = describe_source(["Labour MP Lord Carlile"], ["Labour MP Lord Carlile said the law would change."])
    assert carlile.type is SourceType.OFFICIAL and "'mp'" in carlile.reason


def test_a_person_of_a_two_word_firm_with_no_office_is_no_official():
    doc = analyze("There are no dollar buyers now, said Morrow Hale's Dara Quinn.")
    assert _source(doc, "Quinn").type is SourceType.OTHER


@pytest.mark.parametrize(
    ("mention", "expected", "reason"),
    [
        ("Jurors in Virginia", SourceType.OFFICIAL, "jurors"),  # a court's jury, not a poll share
        ("One in five", SourceType.OTHER, "polled"),
        ("Lord Nicholls of Birkenhead", SourceType.OFFICIAL, "default"),  # a peer's title, no affiliation
    ],
)
def test_shares_juries_and_peers(mention, expected, reason):
    described = describe_source([mention], [f"{mention} said the rules were clear."])
    assert described.type is expected and reason in described.reason


def test_a_description_joined_to_a_named_person_is_their_role():
    doc = analyze(
        "Donor attacks feud\n"
        "Dara Quinn attacked the government over its response to the floods.\n"
        "Mr Quinn has previously given the party money.\n"
        "The businessman, whose latest venture is a casino, also voiced concern about the violence.\n"
        '"We can do more," he said.'
    )
    quinn = _source(doc, "Quinn")
    assert quinn.type is SourceType.OTHER and "businessman" in quinn.type_reason
    assert all(s.source_id == quinn.id for s in doc.sentences[3:])


def test_a_person_of_a_firm_who_says_we_speaks_for_it():
    for_firm = analyze('"The book hit number one in our chart within a day," said Morrow Hale\'s Dara Quinn.')
    assert _source(for_firm, "Quinn").type is SourceType.OFFICIAL
    assert "'we'" in _source(for_firm, "Quinn").type_reason
    analyst = analyze('"There are no dollar buyers now," said Morrow Hale\'s Dara Quinn.')
    assert _source(analyst, "Quinn").type is SourceType.OTHER


def test_role_words_ending_in_of_the_belong_to_the_organisation_after_them():
    doc = analyze(
        "In a meeting with the editorial board of the Harbour Courier Quinn said the alliance was too costly.\n"
        '"We cannot afford it," Quinn said.'
    )
    assert _source(doc, "Quinn").type is not SourceType.MEDIA


def test_a_name_before_a_comma_is_someone_else():
    doc = analyze("At a dinner with celebrity Ann Lee, Quinn called the plan a disgrace.")
    quinn = _source(doc, "Quinn")
    assert quinn.role != "celebrity" and quinn.type is SourceType.OFFICIAL


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "However, one of the so-called Harbour Three, Liam Doyle - who was wrongly jailed - said the "
            "families were delighted.",
            "Liam Doyle",
            SourceType.OTHER,
        ),
        ("One of the senators who voted no, Ann Lee, said the bill was rushed.", "Ann Lee", SourceType.OFFICIAL),
    ],
)
def test_one_of_a_group_named_before_the_person(text, name, expected):
    assert _source(analyze(text), name).type is expected


def test_the_part_an_ordinary_person_plays_said_with_was_the():
    text = (
        "Police arrested Nora Byrne and her two sons in 1975. Mrs Byrne was the neighbour who had kept the "
        "letters. She said the police never asked her about them."
    )
    assert _source(analyze(text), "Byrne").type is SourceType.OTHER
    # "is a <role>" says what someone is besides the part they play: no evidence
    text = "Mark Ruiz said the harbour plan would pass. Ruiz is a businessman who made his money in shipping."
    assert _source(analyze(text), "Ruiz").type is SourceType.OFFICIAL
