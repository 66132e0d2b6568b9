"""HTML and Markdown inputs from issue 13 that crashed, took minutes, or lost text silently."""

from __future__ import annotations

import pytest

from reader.load import html as html_module
from reader.load.html import extract_html
from reader.load.loader import parse_article
from reader.load.markdown import markdown_to_text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><div>&#27;<script>x()</script>The ferry left late.</div><p>The council said so.</p></body></html>",
        "<html><body><p>The ferry left late &#27;<script>x()</script> the captain said.</p></body></html>",
        "<html><body><p>The ferry left.</p>&#x1B;<nav>menu</nav> The captain said.</body></html>",
        "<html><body><p>Late &#0; &#xD800; &#99999999; &#x110000 ferry, the captain said.</p></body></html>",
    ],
)
def test_control_character_references_before_dropped_tags_do_not_crash(page: str) -> None:
    article = parse_article(page, label="page.html")
    assert "ferry" in article.text
    assert "\x1b" not in article.text and "\x00" not in article.text


def test_a_legitimate_character_reference_is_kept() -> None:
    page = "<html><body><p>Fares rose &#8212; again &#x2014; the mayor said &#38; left.</p></body></html>"
    article = extract_html(page)
    assert article is not None
    assert "rose — again — the mayor said & left." in article.text


def test_the_parsers_never_see_a_tag_with_100k_attributes(monkeypatch) -> None:
    """Both parsers are quadratic in a tag's attribute count (135 s for this page)."""
    seen: list[str] = []
    import lxml.html
    import trafilatura

    def capture_trafilatura(html: str, **_: object) -> None:
        seen.append(html)
        return None

    real_fromstring = lxml.html.document_fromstring

    def capture_lxml(html: str, *args: object, **kwargs: object):
        seen.append(html)
        return real_fromstring(html[:0] + "<html><body><p>stub</p></body></html>")

    monkeypatch.setattr(trafilatura, "bare_extraction", capture_trafilatura)
    monkeypatch.setattr(lxml.html, "document_fromstring", capture_lxml)
    attributes = " ".join(f'a{i}="v"' for i in range(100_000))
    extract_html(f"<html><body><p {attributes}>The council said the budget passed.</p></body></html>")
    # trafilatura, the lxml fallback, and the look for signs that scripts draw the page (little text)
    assert len(seen) == 3
    for html in seen:
        assert html.count('="v"') <= html_module._MAX_ATTRIBUTES
        assert "The council said the budget passed." in html


def test_a_tag_with_many_attributes_still_yields_its_text() -> None:
    attributes = " ".join(f'data-x{i}="v"' for i in range(5_000))
    body = "The council said the budget passed on Monday."
    page = f"<html><body><article><p {attributes}>{body}</p></article></body></html>"
    article = extract_html(page)
    assert article is not None and "The council said the budget passed on Monday." in article.text


def test_a_long_tag_with_few_attributes_is_left_alone() -> None:
    props = "x" * 50_000
    page = f'<html><body><div class="story" data-props="{props}"><p>The mayor said so.</p></div></body></html>'
    assert html_module.sanitize_html(page) == page


@pytest.mark.parametrize("depth", [12, 25, 60])
def test_deep_lists_keep_every_item(depth: int) -> None:
    source = "".join("  " * i + f"- item number {i}\n" for i in range(depth))
    text = markdown_to_text(source).text
    assert [f"item number {i}" in text for i in range(depth)] == [True] * depth


@pytest.mark.parametrize("depth", [20, 40, 3000])
def test_deep_quotes_keep_their_text(depth: int) -> None:
    text = markdown_to_text(">" * depth + " The minister said the deal was done.\n").text
    assert text == "The minister said the deal was done."


def test_nesting_deeper_than_the_parser_can_recurse_is_read_flat() -> None:
    source = "".join("  " * i + f"- point {i}\n" for i in range(3000))
    text = markdown_to_text(source).text
    assert text.count("point ") == 3000
