"""What the loader notices about a page reaches the user: one warning line on stderr, exit 0."""

from __future__ import annotations

import json
from pathlib import Path

from reader.errors import ExitCode
from tests.cli.test_bad_input import run
from tests.load.test_pages_as_they_are import BIO, SHELL_SIGNS, canonical, meta_date, page


def test_a_page_drawn_by_javascript_is_analysed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text(page(BIO, outside=SHELL_SIGNS["an empty mount point"]), encoding="utf-8")
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK
    text = json.loads(result.stdout)["text"]
    assert result.stderr.decode().splitlines() == [
        f"reader: warning: {path}: only {len(text)} characters of text found; the page may need a browser"
    ]


def test_the_summary_printed_to_a_pipe_has_the_warning_too(tmp_path: Path) -> None:
    path = tmp_path / "dated.html"
    head = meta_date("2021-03-02") + canonical("https://paper.example/2021/05/17/night-buses/")
    path.write_text(page(head=head), encoding="utf-8")
    result = run(path)  # stdout is a pipe: the Markdown summary, no app
    assert result.returncode == ExitCode.OK
    assert "Published: 2021-03-02" in result.stdout.decode()
    assert result.stderr.decode().splitlines() == [
        f"reader: warning: {path}: dates disagree: the URL says 2021-05-17, the page's metadata 2021-03-02"
        " (published: 2021-03-02)"
    ]


def test_a_page_with_nothing_to_warn_about_prints_nothing_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page(head=meta_date("2021-03-02")), encoding="utf-8")
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK
    assert result.stderr == b""


def test_an_escape_in_the_file_name_is_not_written_raw(tmp_path: Path) -> None:
    path = tmp_path / "shell\x1b]0;PWNED\x07.html"
    path.write_text(page(BIO, outside=SHELL_SIGNS["an empty mount point"]), encoding="utf-8")
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr
    assert b"may need a browser" in result.stderr
