"""Markdown: clean prose, headings as their own lines, metadata from front matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.load import load_article
from reader.load.markdown import markdown_to_text

FIXTURES = Path(__file__).parent / "fixtures"


def test_markdown_article_becomes_clean_prose() -> None:
    article = load_article(FIXTURES / "article.md")
    assert article.format == "markdown"
    lines = [line for line in article.text.split("\n") if line]
    assert lines[0] == "Library extends opening hours"
    assert "What changes" in lines
    assert (
        "The city library will stay open until nine in the evening from July, "
        "the culture department said in a statement."
    ) in lines
    for noise in (
        "*",
        "#",
        "](",
        "![",
        "https://",
        "<!--",
        "editor:",
        "layout:",
        "```",
        "> ",
        "- Weekday",
        "title:",
    ):
        assert noise not in article.text, noise
    assert "Weekday hours grow by two hours." in lines


def test_front_matter_gives_title_byline_date() -> None:
    article = load_article(FIXTURES / "article.md")
    assert (article.title, article.byline, article.published) == (
        "Library extends opening hours",
        "Priya Natarajan",
        "2025-06-02",
    )


def test_title_is_the_first_heading_without_front_matter() -> None:
    doc = markdown_to_text("Intro line.\n\n## Storm warning *issued*\n\nWinds will reach 90 km/h.\n\n# Later heading\n")
    assert doc.title == "Storm warning issued"
    assert doc.text == "Intro line.\n\nStorm warning issued\n\nWinds will reach 90 km/h.\n\nLater heading"


def test_paragraph_soft_breaks_join_into_one_line() -> None:
    doc = markdown_to_text("The port reopened\non Monday, officials\nsaid.\n\nShips queued.\n")
    assert doc.text == "The port reopened on Monday, officials said.\n\nShips queued."


def test_indented_paragraph_is_prose_not_code() -> None:
    doc = markdown_to_text("# Note\n\n    An indented paragraph stays.\n")
    assert "An indented paragraph stays." in doc.text


def test_underscore_emphasis_and_inline_code_text_are_kept() -> None:
    doc = markdown_to_text("The _new_ rule applies to `route 9`, __the agency__ said.\n")
    assert doc.text == "The new rule applies to route 9, the agency said."


def test_reference_links_keep_their_text() -> None:
    doc = markdown_to_text("The [annual report][r] was published, the agency said.\n\n[r]: https://example.org\n")
    assert doc.text == "The annual report was published, the agency said."


def test_a_huge_paragraph_is_kept_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The inline parser (slow on long runs of brackets) never sees the huge paragraph, only the
    heading; its speed is measured in benchmarks/bench_input.py."""
    inline_lengths: list[int] = []
    parse_inline = MarkdownIt.parseInline

    def spy(self: MarkdownIt, src: str, env: dict | None = None) -> list:
        inline_lengths.append(len(src))
        return parse_inline(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parseInline", spy)
    doc = markdown_to_text("# Heading\n\n" + "[a" * 100_000)
    assert doc.text == "Heading\n\n" + "[a" * 100_000
    assert inline_lengths == [len("Heading")]


def test_front_matter_with_lists_and_nested_keys() -> None:
    source = (
        "---\ntitle: Budget: the final vote\ntags:\n  - council\n  - money\nseo:\n  description: x\n"
        "author: Lena Fischer\n---\n\nThe council passed the budget.\n"
    )
    doc = markdown_to_text(source)
    assert (doc.title, doc.byline) == ("Budget: the final vote", "Lena Fischer")
    assert doc.text == "The council passed the budget."
