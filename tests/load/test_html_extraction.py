"""HTML: the article's prose and metadata, without boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ExitCode, ReaderError
from reader.load import html as html_module
from reader.load import load_article
from reader.load.html import extract_html

FIXTURES = Path(__file__).parent / "fixtures"


def test_article_text_without_nav_scripts_ads_or_footer() -> None:
    article = load_article(FIXTURES / "page.html")
    assert article.format == "html"
    assert "40-turbine wind farm" in article.text
    assert "Fishermen worried" in article.text.split("\n")  # the subheading is its own line
    for noise in (
        "Advertisement",
        "tracking-code",
        "Sport",
        "Privacy",
        "Celebrity chef",
        "float: right",
    ):
        assert noise not in article.text


def test_paragraphs_are_lines_separated_by_blank_lines() -> None:
    text = load_article(FIXTURES / "page.html").text
    blocks = text.split("\n\n")
    assert all(block and "\n" not in block for block in blocks)
    assert blocks[1].startswith("The energy ministry approved")


def test_metadata_from_the_page() -> None:
    article = load_article(FIXTURES / "page.html")
    assert article.title == "Wind farm approved off the northern coast"
    assert article.byline == "Tomas Berg"
    assert article.published is not None and article.published.startswith("2025-05-14")


def test_a_copyright_footer_is_not_taken_as_the_date() -> None:
    page = (
        "<html><head><title>Dam repairs finish early</title></head><body><article>"
        "<p>Repairs to the river dam finished two weeks early, the water authority said on Friday.</p>"
        "<p>Engineers replaced four sluice gates and strengthened the spillway over the summer.</p>"
        "</article><footer>© 2009 River Gazette</footer></body></html>"
    )
    page_result = extract_html(page)
    assert page_result is not None
    assert page_result.published is None


def test_broken_html_best_effort() -> None:
    article = load_article(FIXTURES / "broken.html")
    assert "called off Friday's strike" in article.text
    assert "relieved" in article.text
    assert "unfinished(" not in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Menu</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>",
        "<!doctype html><html><body></body></html>",
        "<html><head><style>p { color: red }</style></head></html>",
    ],
)
def test_html_with_no_article_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReaderError, match="no article text found") as info:
        load_article(path)
    assert info.value.exit_code is ExitCode.NO_TEXT


def test_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "_with_trafilatura", lambda html: None)
    page = (
        "<html><head><title>Short notice</title><meta name='author' content='Ines Duarte'></head><body>"
        "<nav><p>Skip to content</p></nav><h1>Pool closes</h1>"
        "<p>The public pool closes for a week, the council said.</p>"
        "<script>ads()</script><blockquote><p>We regret the disruption.</p></blockquote></body></html>"
    )
    result = extract_html(page)
    assert result is not None and result.extractor == "lxml"
    assert (
        result.text
        == "Pool closes\n\nThe public pool closes for a week, the council said.\n\nWe regret the disruption."
    )
    assert (result.title, result.byline) == ("Short notice", "Ines Duarte")


def test_a_short_page_is_not_lost() -> None:
    result = extract_html("<html><body><p>The bridge reopened on Monday, the council said.</p></body></html>")
    assert result is not None
    assert result.text == "The bridge reopened on Monday, the council said."


def test_xml_declaration_does_not_break_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "_with_trafilatura", lambda html: None)
    result = extract_html(
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Rain is expected on Sunday.</p></body></html>'
    )
    assert result is not None and result.text == "Rain is expected on Sunday."
