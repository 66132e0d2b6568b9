"""Bad input end to end: one line on stderr starting with "reader:", the right exit code, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from reader.core.segment import MAX_UNIT_CHARS
from reader.errors import ExitCode

ARTICLE = "Bus fares frozen\n\nThe transport authority froze bus fares for a year, its chairwoman said on Monday.\n"


def run(*args: str | Path, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], code: ExitCode, *needles: str) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader: ")
    assert result.returncode == code
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    assert_one_line_error(run("analyze", path), ExitCode.NOT_FOUND, str(path))


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", tmp_path), ExitCode.NOT_FOUND, str(tmp_path), "folder")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_or_whitespace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert_one_line_error(run("analyze", path), ExitCode.NO_TEXT, str(path), "no text")


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x00\x01\x02binary\x00" * 50, "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image"),
        (b"GIF89a" + bytes(64), "GIF image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(64), "WebP image"),
        (b"%PDF-1.7\n1 0 obj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(64), "zip"),
        (b"\x1f\x8b\x08\x00" + bytes(64), "gzip"),
    ],
)
def test_binary_inputs(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert_one_line_error(run("analyze", path), ExitCode.NOT_TEXT, str(path), "not a text article", kind)


def test_over_the_default_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 21 MB on paper, nothing to read if the size is checked first
        handle.truncate(21 * 1024 * 1024)
    assert_one_line_error(run("analyze", path), ExitCode.TOO_LARGE, str(path), "20 MB limit")


def test_max_size_lowers_and_raises_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE * 40, encoding="utf-8")
    assert_one_line_error(run("analyze", "--max-size", "1KB", path), ExitCode.TOO_LARGE, "1 KB limit")
    assert run("analyze", "--max-size", "1MB", path).returncode == ExitCode.OK


def test_stdin_over_the_limit() -> None:
    result = run("analyze", "--max-size", "1K", "-", stdin=ARTICLE.encode() * 100)
    assert_one_line_error(result, ExitCode.TOO_LARGE, "<stdin>")


def test_stdin_empty() -> None:
    assert_one_line_error(run("analyze", "-", stdin=b""), ExitCode.NO_TEXT, "<stdin>")


def test_a_megabyte_sentence_without_punctuation(tmp_path: Path) -> None:
    words = ["council", "river", "budget", "said", "report", "growth", "the", "market"]
    path = tmp_path / "long.txt"
    path.write_text(" ".join(words[i % 7] + words[i % 5] for i in range(100_000)), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    # the timeout only stops a hang; the speed is measured in benchmarks/bench_input.py
    result = run("analyze", path, timeout=300)
    assert result.returncode == ExitCode.OK, result.stderr
    doc = json.loads(result.stdout)
    sentences = doc["sentences"]
    assert all(doc["text"][s["start"] : s["end"]] == s["text"] for s in sentences)
    # cut into bounded pieces that follow each other to the end of the text
    assert all(s["end"] - s["start"] <= MAX_UNIT_CHARS for s in sentences)
    assert all(a["end"] <= b["start"] for a, b in pairwise(sentences))
    assert sentences[-1]["end"] == len(doc["text"].rstrip())


def test_broken_html_best_effort(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><p>The ferry left late, the captain said.<p>Passengers waited <b>two hours.<div>",
        encoding="utf-8",
    )
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK, result.stderr
    assert "two hours" in json.loads(result.stdout)["text"]


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><script>go()</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    assert_one_line_error(run("analyze", path), ExitCode.NO_TEXT, str(path), "no article text found")


def test_existing_output_is_left_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.json"
    original = b"\x00keep me exactly\r\n\xff"
    out.write_bytes(original)
    assert_one_line_error(run("analyze", source, "-o", out), ExitCode.OUTPUT_EXISTS, str(out), "--force")
    assert out.read_bytes() == original
    assert run("analyze", source, "-o", out, "--force").returncode == ExitCode.OK
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == ARTICLE
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_onto_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert_one_line_error(run("analyze", source, "-o", source, "--force"), ExitCode.OUTPUT_EXISTS)
    assert source.read_text(encoding="utf-8") == ARTICLE


HOSTILE = (
    "Mayor [bold red]resigns[/] today\n\n"
    "The mayor \x1b[31mresigned\x1b[0m on Friday, the council said.\x1b]0;owned title\x07 "
    "A clipboard grab \x1b]52;c;ZXZpbA==\x07 sits here.\u202e Reversed text\u202c and a C1 \x9b control.\x07\n"
)


def test_hostile_text_is_analysed_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK, result.stderr
    doc = json.loads(result.stdout)
    assert doc["text"] == HOSTILE
    assert all(HOSTILE[s["start"] : s["end"]] == s["text"] for s in doc["sentences"])


def test_hostile_text_is_neutralised_in_markdown(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = run("analyze", "--format", "markdown", path)
    assert result.returncode == ExitCode.OK, result.stderr
    markdown = result.stdout.decode("utf-8")
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in markdown
    assert "resigned" in markdown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_hostile_text_is_neutralised_on_a_terminal(tmp_path: Path) -> None:
    import pty

    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", str(path)],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO once the terminal is drained and closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    assert proc.returncode == ExitCode.OK, proc.stderr
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "resigned" in shown
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown


def test_undecodable_bytes_are_decoded_best_effort(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Zoë said the café reopened.".encode() + b" \xff\xfe\x80 " + b"Prices rose, officials said.\n")
    result = run("analyze", path)
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Zoë said the café reopened." in json.loads(result.stdout)["text"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads any file regardless of permissions",
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        assert_one_line_error(run("analyze", path), ExitCode.UNREADABLE, str(path), "permission denied")
    finally:
        path.chmod(0o600)


def test_a_path_with_a_newline_and_escape_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines\x1b[2J.txt"
    line = assert_one_line_error(run("analyze", path), ExitCode.NOT_FOUND, "no such file")
    assert "\x1b" not in line


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "no" / "such" / "out.json"
    assert_one_line_error(run("analyze", source, "-o", out), ExitCode.OUTPUT_FAILED, str(out))
    assert not out.parent.exists()
