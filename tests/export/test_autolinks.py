"""Bare URLs and e-mail addresses in article text stay text in the Markdown summary (issue 13).

Rendered with cmark-gfm, GitHub's own renderer, with its autolink extension: before this,
every address in an article became a live link in the summary.
"""

from __future__ import annotations

import re

import cmarkgfm

from reader.core.analyze import analyze
from reader.export.markdown import escape_inline, to_markdown

ARTICLE = (
    "Phishing wave hits council\n\n"
    "The council said residents got mail from help@evil.example and jane.doe+x@evil-mail.example.\n"
    "The messages linked to https://evil.example/login?next=1 and HTTP://EVIL.example, the police said.\n"
    "Others pointed to www.evil.example or ftp://evil.example/file, according to the council.\n"
    "A reply to mailto:bob@evil.example also failed, officials said.\n"
)


def _hrefs(markdown: str) -> list[str]:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return re.findall(r'href="([^"]*)"', html)


def test_the_summary_has_no_link_to_any_address_in_the_article() -> None:
    markdown = to_markdown(analyze(ARTICLE, title="Phishing wave"))
    assert [href for href in _hrefs(markdown) if "evil" in href] == []


def test_the_rendered_text_still_reads_as_the_article() -> None:
    html = cmarkgfm.github_flavored_markdown_to_html(escape_inline(ARTICLE))
    text = re.sub(r"<[^>]+>", "", html).replace("\u2060", "")  # what a reader sees
    assert "https://evil.example/login?next=1" in text
    assert "help@evil.example" in text
    assert "www.evil.example" in text


def test_text_without_addresses_is_unchanged() -> None:
    line = "At 10:30 a.m. the @council account said: rates rise 5% (see p. 4)."
    assert "`" not in escape_inline(line) and "\\:" not in escape_inline(line)
    html = cmarkgfm.github_flavored_markdown_to_html(escape_inline(line))
    assert re.sub(r"<[^>]+>", "", html).strip() == line
