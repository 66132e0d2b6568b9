"""The sources file: the shape the README documents, one-line errors naming the line, and remembering."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import SourceType
from reader.corrections.sources_file import (
    KnownSource,
    SourcesFileError,
    known_sources,
    load_sources_file,
    mapping,
    parse_sources,
    remember,
    toml_string,
    user_sources_path,
)
from reader.errors import ExitCode, ReaderError

ISSUE_EXAMPLE = """\
[[source]]
name = "Valery Gerasimov"
aliases = ["Gerasimov", "Russian chief of staff"]
type = "expert"          # official | media | anonymous | expert | other
"""


def test_the_documented_shape() -> None:
    assert parse_sources(ISSUE_EXAMPLE) == [
        KnownSource("Valery Gerasimov", ("Gerasimov", "Russian chief of staff"), SourceType.EXPERT, 1)
    ]
    assert mapping(parse_sources(ISSUE_EXAMPLE)) == {
        "Valery Gerasimov": "expert",
        "Gerasimov": "expert",
        "Russian chief of staff": "expert",
    }


def test_later_entries_win() -> None:
    text = ISSUE_EXAMPLE + '\n[[source]]\nname = "Gerasimov"\ntype = "official"\n'
    assert mapping(parse_sources(text))["Gerasimov"] == "official"


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('[[source]]\nname = "A"\ntype = "journalist"\n', 3, "type 'journalist' is not one of official, media"),
        ('[[source]]\nname = "A"\n', 1, "source 'A': needs a type"),
        ('[[source]]\ntype = "media"\n', 1, "source #1: needs a name"),
        ('[[source]]\nname = ""\ntype = "media"\n', 2, "needs a name"),
        ('[[source]]\nname = "A"\naliases = "B"\ntype = "media"\n', 3, "aliases must be a list"),
        ('[[source]]\nname = "A"\nkind = "media"\ntype = "media"\n', 3, "unknown key 'kind'"),
        (
            '# mine\n\n[[source]]\nname = "A"\ntype = "media"\n\n[[source]]\nname = "B"\ntype = media\n',
            9,
            "not valid TOML: invalid value",
        ),
        ('source = "x"\n', 1, "'source' must be [[source]] tables"),
        ('[[sources]]\nname = "A"\n', 1, "unknown key 'sources'"),
    ],
)
def test_a_bad_file_is_one_line_naming_the_line(text: str, line: int, says: str) -> None:
    with pytest.raises(SourcesFileError) as caught:
        parse_sources(text, "mine.toml")
    message = str(caught.value)
    assert message.startswith(f"mine.toml:{line}: "), message
    assert says in message and "\n" not in message
    assert caught.value.exit_code == ExitCode.USAGE


def test_files_and_the_users_own(tmp_path: Path) -> None:
    assert known_sources() == {}  # no file of one's own: nothing
    own = user_sources_path()
    own.parent.mkdir(parents=True)
    own.write_text('[[source]]\nname = "Lena Ortiz"\ntype = "media"\n', encoding="utf-8")
    shared = tmp_path / "newsroom.toml"
    shared.write_text('[[source]]\nname = "Lena Ortiz"\naliases = ["Ortiz"]\ntype = "expert"\n', encoding="utf-8")
    assert known_sources() == {"Lena Ortiz": "media"}
    assert known_sources([shared]) == {"Lena Ortiz": "expert", "Ortiz": "expert"}  # the shared file is read after
    assert known_sources([shared], user=False) == {"Lena Ortiz": "expert", "Ortiz": "expert"}
    assert known_sources(user=False) == {}
    with pytest.raises(ReaderError, match="no such sources file") as caught:
        known_sources([tmp_path / "missing.toml"])
    assert caught.value.exit_code == ExitCode.NOT_FOUND
    (tmp_path / "latin1.toml").write_bytes(b"# caf\xe9\n")
    with pytest.raises(SourcesFileError, match=r"latin1\.toml:1: not UTF-8"):
        load_sources_file(tmp_path / "latin1.toml")


def test_remember_adds_then_updates_in_place_keeping_comments(tmp_path: Path) -> None:
    file = tmp_path / "cfg" / "sources.toml"
    said = remember(file, "Lena  Ortiz", SourceType.EXPERT)
    assert said == f"{file}: Lena Ortiz added as expert"
    assert mapping(load_sources_file(file)) == {"Lena Ortiz": "expert"}
    file.write_text(
        file.read_text(encoding="utf-8") + '# my note\n[[source]]\nname = "Ana"\n'
        'aliases = ["the mayor"]\ntype = "official"   # checked\n',
        encoding="utf-8",
    )
    said = remember(file, "The Mayor", SourceType.MEDIA)  # an alias, written another way
    assert said.endswith(": Ana is now media")
    text = file.read_text(encoding="utf-8")
    assert 'type = "media"   # checked' in text and "# my note" in text and text.startswith("# reader's sources")
    assert mapping(load_sources_file(file))["the mayor"] == "media"


def test_remember_never_rewrites_a_file_it_cannot_read(tmp_path: Path) -> None:
    file = tmp_path / "sources.toml"
    file.write_text("[[source]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(SourcesFileError, match=r"sources.toml:1: not valid TOML"):
        remember(file, "Lena Ortiz", SourceType.EXPERT)
    assert file.read_text(encoding="utf-8") == "[[source]\nname = 'x'\n"


@pytest.mark.parametrize("name", ['Quote " and \\ back', "tab\there", "bell\x07 and del\x7f", "é — “curly”"])
def test_names_are_written_as_toml_reads_them(tmp_path: Path, name: str) -> None:
    assert parse_sources(f'[[source]]\nname = {toml_string(name)}\ntype = "other"\n')[0].name == " ".join(name.split())


def test_the_readme_example_loads_and_its_error_is_what_reader_says(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Corrections and the sources file", 1)[1]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    assert [(e.name, e.type) for e in parse_sources(block)] == [("Valery Gerasimov", SourceType.OFFICIAL)]
    documented = " ".join(section.split("`team.toml:", 1)[1].split("`", 1)[0].split())
    team = tmp_path / "team.toml"
    team.write_text(
        '# shared by the desk\n[[source]]\nname = "Lena Ortiz"\ntype = "official"\n'
        '[[source]]\nname = "Ortiz"\ntype = "press"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourcesFileError) as caught:
        load_sources_file(team)
    assert caught.value.message == f"{team}:{documented}"
