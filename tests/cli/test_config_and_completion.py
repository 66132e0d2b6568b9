"""CLI habits (issue 13): the per-user config file and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.config import THEMES, default_path, load_config
from reader.errors import ExitCode, ReaderError
from tests.cli.test_bad_input import assert_one_line_error, run

STORY = (
    "Night buses expand\n\nThe city council voted on Tuesday to add four night bus routes, "
    "the transport committee said.\n"
)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a config file and have the reader use it (as READER_CONFIG)."""
    monkeypatch.delenv("READER_NO_CONFIG")

    def write(text: str | bytes, name: str = "config.toml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("READER_CONFIG", str(path))
        return path

    return write


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# --- the config file ----------------------------------------------------------------------


def test_the_config_file_gives_the_defaults(config, story: Path) -> None:
    config('# my defaults\nformat = "markdown"\nmax_size = "100"\n')
    result = run("analyze", story)
    assert_one_line_error(result, ExitCode.TOO_LARGE, str(story), "100 bytes")
    config('format = "markdown"\nmax_size = 20000\n')
    result = run("analyze", story)
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout.decode().startswith("# ")  # the Markdown summary, not JSON


def test_options_typed_win_over_the_file(config, story: Path) -> None:
    config('format = "markdown"\nmax_size = "100"\n')
    result = run("analyze", story, "--format", "json", "--max-size", "1MB")
    assert result.returncode == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["schema"] == "reader.analysis/1"


@pytest.mark.parametrize("how", ["flag", "flag-in-batch", "env"])
def test_the_file_can_be_ignored(config, story: Path, tmp_path: Path, monkeypatch, how: str) -> None:
    config('format = "markdown"\nmax_size = "100"\n')
    if how == "env":
        monkeypatch.setenv("READER_NO_CONFIG", "1")
    if how == "flag-in-batch":
        result = run("batch", story, "-o", tmp_path / "out", "--no-config")
        assert result.returncode == ExitCode.OK, result.stderr
        assert [p.suffix for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")] == [".json"]
        return
    result = run("--no-config", "analyze", story) if how == "flag" else run("analyze", story)
    assert result.returncode == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["schema"] == "reader.analysis/1"


def test_the_format_applies_to_batch_too(config, story: Path, tmp_path: Path) -> None:
    config('format = "markdown"\n')
    result = run("batch", story, "-o", tmp_path / "out")
    assert result.returncode == ExitCode.OK, result.stderr
    assert [p.suffix for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")] == [".md"]


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('theme = "nord"\n\nformat = "pdf"\n', 3, "format: 'pdf' is not one of json, markdown"),
        ('format = "json"\ncolour = "red"\n', 2, "unknown setting 'colour' (settings: format, max_size, theme)"),
        ('theme = "nord"\nformat = markdown\n', 2, "not valid TOML"),
        ('max_size = "huge"\n', 1, "max_size: not a size: 'huge'"),
        ("\n\nmax_size = true\n", 3, "max_size: must be a size"),
        ("max_size = -5\n", 1, "max_size: the size must be positive"),
        ("theme = 3\n", 1, "theme: must be a theme name in quotes, not a number"),
        ('format = "json"\n[analyze]\nformat = "markdown"\n', 2, "unknown setting 'analyze'"),
        (b'format = "json"\n# caf\xe9\n', 2, "not UTF-8"),
    ],
)
def test_a_bad_config_file_is_one_line_naming_the_line(config, story: Path, text, line: int, needle: str) -> None:
    path = config(text)
    message = assert_one_line_error(run("analyze", story), ExitCode.USAGE, f"{path}:{line}: ", needle)
    assert message.startswith(f"reader: {path}:{line}: ")


def test_a_config_file_named_by_the_environment_must_exist(monkeypatch, tmp_path: Path, story: Path) -> None:
    monkeypatch.delenv("READER_NO_CONFIG")
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "missing.toml"))
    assert_one_line_error(run("analyze", story), ExitCode.NOT_FOUND, "missing.toml", "no such config file")


def test_an_escape_in_the_config_path_is_not_written_raw(config, story: Path) -> None:
    config('format = "pdf"\n', name="c\x1b]0;PWNED\x07.toml")
    result = run("analyze", story)
    assert result.returncode == ExitCode.USAGE
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr


def test_the_file_lives_in_the_users_config_folder(monkeypatch, tmp_path: Path, story: Path) -> None:
    monkeypatch.delenv("READER_NO_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "xdg" / "reader" / "config.toml"
    assert load_config().values == {}  # no file: the built-in defaults
    default_path().parent.mkdir(parents=True)
    default_path().write_text('format = "markdown"\n', encoding="utf-8")
    assert load_config().values == {"format": "markdown"}
    result = run("analyze", story)
    assert result.returncode == ExitCode.OK and result.stdout.decode().startswith("# ")


def test_help_shows_the_files_format_as_the_default(config) -> None:
    config('format = "markdown"\n')
    for command in ("analyze", "batch"):
        text = " ".join(run(command, "--help").stdout.decode().split())
        assert "(default markdown)" in text and "--no-config" in text, command
    assert "(default json)" in " ".join(run("--no-config", "analyze", "--help").stdout.decode().split())


def test_tests_never_read_the_users_own_file(monkeypatch) -> None:
    monkeypatch.delenv("READER_NO_CONFIG")
    assert str(default_path()).startswith(os.environ["XDG_CONFIG_HOME"])  # tests/conftest.py's tmp folder
    assert not default_path().exists() and load_config().values == {}


# --- the theme ----------------------------------------------------------------------------


def test_the_theme_list_is_textuals() -> None:
    from textual.theme import BUILTIN_THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)


def _theme_the_app_gets(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> str | None:
    import reader.tui.app

    seen: list[str | None] = []
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(reader.tui.app, "run_app", lambda *a, **k: seen.append(os.environ.get("TEXTUAL_THEME")) or 0)
    assert cli.main(argv) == 0
    return seen[0]


def test_the_theme_comes_from_the_file_and_the_option_wins(config, story: Path, monkeypatch) -> None:
    config('theme = "nord"\n')
    assert _theme_the_app_gets(monkeypatch, [str(story)]) == "nord"
    assert _theme_the_app_gets(monkeypatch, [str(story), "--theme", "dracula"]) == "dracula"
    assert _theme_the_app_gets(monkeypatch, ["sample", "kursk"]) == "nord"
    assert _theme_the_app_gets(monkeypatch, ["--no-config", str(story)]) is None


def test_textual_starts_in_the_theme_it_is_given() -> None:
    code = (
        "from reader.load import LoadedArticle; from reader.tui.reader_app import ReaderApp; "
        "print(ReaderApp(article=LoadedArticle('The council voted.')).theme)"
    )
    env = {**os.environ, "TEXTUAL_THEME": "nord"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=True)
    assert result.stdout.decode().strip() == "nord"


def test_an_unknown_theme_is_one_line(config, story: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(ReaderError, match=r"^--theme: no theme 'neon' \(themes: ansi-dark") as info:
        cli._run_app([str(story), "--theme", "neon"])
    assert info.value.exit_code is ExitCode.USAGE
    path = config('format = "json"\ntheme = "neon"\n')
    from reader.config import activate

    activate(load_config())
    with pytest.raises(ReaderError, match=rf"^{path}:2: theme: no theme 'neon'"):
        cli._run_app([str(story)])


# --- shell completion ---------------------------------------------------------------------


def complete(line: str, tmp_path: Path, cwd: Path | None = None) -> list[str]:
    """What ``reader`` answers the shell (argcomplete's protocol) for ``line``, cursor at its end."""
    out = tmp_path / "completions"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        "_ARGCOMPLETE_IFS": "\n",
    }
    subprocess.run([sys.executable, "-m", "reader"], env=env, cwd=cwd, capture_output=True, timeout=60, check=True)
    return sorted(word.strip() for word in out.read_text(encoding="utf-8").split("\n") if word.strip())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("reader ana", ["analyze"]),
        ("reader :kur", [":kursk_offensive"]),
        ("reader analyze --fo", ["--force", "--format"]),
        ("reader analyze --format ", ["json", "markdown"]),
        ("reader analyze :wa", [":warehouse_fire", ":water_rates"]),
        ("reader batch --engine ", ["dask", "local"]),
        ("reader sample kur", ["kursk_offensive"]),
        ("reader --theme no", ["nord"]),
        ("reader --print-completion ", ["bash", "fish", "zsh"]),
    ],
)
def test_completion_of_commands_options_and_samples(tmp_path: Path, line: str, expected: list[str]) -> None:
    assert complete(line, tmp_path) == expected


def test_completion_of_files(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text("<p>x</p>", encoding="utf-8")
    assert complete("reader sto", tmp_path, cwd=tmp_path) == ["story.html"]
    assert complete("reader analyze sto", tmp_path, cwd=tmp_path) == ["story.html"]


def test_print_completion_gives_code_bash_can_load() -> None:
    result = run("--print-completion", "bash")
    assert result.returncode == ExitCode.OK and result.stderr == b""
    loaded = subprocess.run(
        ["bash", "-c", 'eval "$(cat)"; complete -p reader'], input=result.stdout, capture_output=True, timeout=60
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.decode().strip().endswith(" reader")
    assert "_python_argcomplete" in loaded.stdout.decode()


def test_print_completion_for_zsh() -> None:
    result = run("--print-completion", "zsh")
    assert result.returncode == ExitCode.OK
    assert result.stdout.decode().startswith("#compdef reader")
    assert_one_line_error(run("--print-completion", "tcsh"), ExitCode.USAGE, "--print-completion")
