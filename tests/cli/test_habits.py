"""Finding the samples and the command-line habits of issue 13: near-miss commands, exit codes in --help."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from reader.errors import ExitCode
from reader.samples import find_sample, sample_paths
from tests.cli.test_bad_input import assert_one_line_error, run


def test_the_samples_are_a_folder_on_disk() -> None:
    folder = files("reader.samples")
    assert isinstance(folder, Path) and folder.is_dir()
    names = [p.name for p in sample_paths()]
    assert "kursk_offensive.txt" in names and "transit_strike.html" in names
    assert "__init__.py" not in names


def test_samples_are_found_by_name_stem_or_unique_prefix() -> None:
    assert find_sample("kursk_offensive.txt") == find_sample("kursk_offensive") == find_sample("kursk")
    assert find_sample("KURSK") is not None
    assert find_sample("nothing-like-it") is None
    assert find_sample("") is None  # every sample starts with "": not unique


def test_reader_samples_lists_them_by_title() -> None:
    result = run("--samples")
    assert result.returncode == ExitCode.OK
    out = result.stdout.decode()
    assert ":kursk_offensive" in out and "Kursk region" in out
    assert len([line for line in out.splitlines() if line.startswith("  :")]) == len(sample_paths())


def test_a_sample_by_colon_name_in_analyze() -> None:
    result = run("analyze", ":kursk")
    assert result.returncode == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["text"].startswith("Ukraine controls")


def test_an_unknown_sample() -> None:
    assert_one_line_error(run("analyze", ":atlantis"), ExitCode.NOT_FOUND, ":atlantis", "reader --samples")


def test_a_near_miss_command_is_named(tmp_path: Path) -> None:
    assert_one_line_error(run("analyse", "x.txt"), ExitCode.USAGE, "did you mean 'reader analyze'")
    assert_one_line_error(run("evalute", "c.jsonl"), ExitCode.USAGE, "did you mean 'reader evaluate'")
    assert_one_line_error(run("bacth", "news/"), ExitCode.USAGE, "did you mean 'reader batch'")


def test_a_file_named_like_a_near_miss_is_still_opened_as_a_file(tmp_path: Path) -> None:
    import os

    (tmp_path / "analyse").write_bytes(b"")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("analyse")
    finally:
        os.chdir(old)
    assert_one_line_error(result, ExitCode.NO_TEXT, "analyse")  # read (and found empty), not refused


def test_help_lists_exit_codes_and_describes_formats() -> None:
    top = run("--help").stdout.decode()
    assert "exit codes:" in top
    for code in ExitCode:
        assert f"  {int(code):>3}  " in top
    analyze = run("analyze", "--help").stdout.decode()
    assert "markdown: a summary" in analyze and "exit codes:" in analyze
