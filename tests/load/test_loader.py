"""load_article: paths, stdin, limits and refusals, all as ReaderError."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from reader.errors import ExitCode, ReaderError
from reader.load import DEFAULT_MAX_SIZE, load_article
from reader.load.loader import human_size

ARTICLE = "Harbour fees rise\n\nThe port authority raised fees by 3 percent, a spokesman said.\n"


def _error(source: str | Path, **kwargs: int) -> ReaderError:
    with pytest.raises(ReaderError) as info:
        load_article(source, **kwargs)
    return info.value


def test_default_limit_is_20_mb() -> None:
    assert DEFAULT_MAX_SIZE == 20 * 1024 * 1024
    assert human_size(DEFAULT_MAX_SIZE) == "20 MB"


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("  " + ARTICLE + "\n\n", encoding="utf-8")
    article = load_article(path)
    assert article.text == "  " + ARTICLE + "\n\n"
    assert (article.format, article.encoding, article.path, article.title) == (
        "text",
        "utf-8",
        path,
        None,
    )


def test_missing_path_and_folder(tmp_path: Path) -> None:
    missing = _error(tmp_path / "nope.txt")
    assert missing.exit_code is ExitCode.NOT_FOUND and str(tmp_path / "nope.txt") in str(missing)
    folder = _error(tmp_path)
    assert folder.exit_code is ExitCode.NOT_FOUND and str(folder).startswith(str(tmp_path))


@pytest.mark.parametrize(
    ("content", "what"),
    [(b"", "empty"), (b" \n\t\r\n  \n", "whitespace"), ("\ufeff".encode() + b"\n ", "whitespace")],
)
def test_no_text(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    error = _error(path)
    assert error.exit_code is ExitCode.NO_TEXT and what in str(error)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"abc\x00def\x00ghi", "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "PNG"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_binary_is_not_text(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    error = _error(path)
    assert error.exit_code is ExitCode.NOT_TEXT and kind in str(error) and str(error).startswith(str(path))


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_read)
    error = _error(path, max_size=1000)
    assert error.exit_code is ExitCode.TOO_LARGE
    assert "1000 bytes limit" in str(error) and "--max-size" in str(error)


def test_a_larger_limit_accepts_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")
    assert len(load_article(path, max_size=2000).text) == 1500


def test_stdin_is_read_with_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    error = _error("-", max_size=100)
    assert error.exit_code is ExitCode.TOO_LARGE and str(error).startswith("<stdin>:")


def test_stdin_detects_the_format(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"<html><body><p>The museum reopens on Friday after a long renovation, its director said.</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    article = load_article("-")
    assert (article.format, article.path) == ("html", None)
    assert article.text == "The museum reopens on Friday after a long renovation, its director said."


def test_unreadable_file_names_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    error = _error(path)
    assert error.exit_code is ExitCode.UNREADABLE and str(error) == f"{path}: permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_read_with_a_bound(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(ARTICLE.encode()))
    writer.start()
    try:
        assert load_article(fifo).text == ARTICLE
    finally:
        writer.join()


def test_hostile_text_is_kept_as_given(tmp_path: Path) -> None:
    hostile = "The [bold red]mayor[/] said \x1b[31mno\x1b[0m.\x1b]0;pwned\x07 Text \u202eesrever\u202c ends.\x85\n"
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    article = load_article(path)
    assert article.text == hostile
    assert article.format == "text"


def test_neutralize_line_keeps_messages_on_one_line() -> None:
    from reader.safe_text import neutralize_line

    assert neutralize_line("a\nb\tc\x1b[31m\u202e") == "a\u2424b c\u241b[31m<U+202E>"
