"""Format detection and binary sniffing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.load.detect import binary_kind, detect_format


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "zip"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_kinds_are_named(head: bytes, kind: str) -> None:
    assert kind in (binary_kind(head) or "")


@pytest.mark.parametrize("head", [b"The mayor said", b"BZh is not bzip2 here", b"GIF prices rose", b"<html>"])
def test_text_is_not_binary(head: bytes) -> None:
    assert binary_kind(head) is None


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Hi.</p></body></html>",
        "  <html lang='en'><p>Hello there.</p></html>",
        "<div><p>One.</p><p>Two.</p><p>Three.</p></div>",
        "<body>The river flooded the lower town overnight.</body>",
    ],
)
def test_html_by_content(text: str) -> None:
    assert detect_format(text, Path("article.txt")) == "html"


def test_markdown_by_content() -> None:
    text = "# Budget passes\n\nThe council **approved** the plan, [the mayor said](https://example.org).\n"
    assert detect_format(text, Path("article.txt")) == "markdown"


def test_markdown_by_extension() -> None:
    assert detect_format("Just a sentence.", Path("notes.md")) == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        "Budget passes\nThe council approved the plan, the mayor said.\n-\nA photo caption here.\n",
        "The score was 3 * 4 in the [bold red]first[/] half.\n",
        "# 1 seed advances\nThe top seed won easily.\n",
        "Prices rose <5% in May, and >3% in June.\n",
    ],
)
def test_plain_text_stays_plain(text: str) -> None:
    assert detect_format(text, Path("article.txt")) == "text"


def test_html_extension_with_markup() -> None:
    assert detect_format("<b>Rates</b> rose.", Path("page.html")) == "html"


@pytest.mark.parametrize("unit", ["[a", "[a](b", "**a", "*a ", "_a ", "<p", "#"])
def test_hostile_repetition_is_plain_text(unit: str) -> None:
    """A long run of half-open markup is no Markdown or HTML (its speed: benchmarks/bench_input.py)."""
    assert detect_format(unit * 200_000, Path("article.txt")) == "text"
