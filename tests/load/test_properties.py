"""Properties: loading and analysing anything raises only ReaderError, and offsets are exact."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analyze import analyze
from reader.core.model import Document
from reader.errors import ReaderError
from reader.load import load_article

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "police",
        "reported",
        "“quoted”",
        "3.5%",
        "€12m",
        "on",
        "Monday",
        "—",
        "according",
        "to",
        "a",
        "study",
        "Dr.",
        "U.S.",
        "x\x1b[31m",
        "\u202e",
        "[bold]",
        "\t",
        "…",
    ]
)
PROSE = st.lists(st.lists(WORDS, min_size=1, max_size=25).map(" ".join), min_size=1, max_size=6).map(
    lambda ps: ".\n\n".join(ps) + "."
)
TAGS = st.sampled_from(
    [
        "p",
        "div",
        "h1",
        "h2",
        "span",
        "b",
        "script",
        "style",
        "nav",
        "article",
        "li",
        "blockquote",
        "footer",
    ]
)


def _html_node(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(TAGS, st.lists(children, max_size=4)).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>")


HTML_BODY = st.recursive(PROSE | st.text(max_size=40), _html_node, max_leaves=12)
HTML = st.tuples(st.booleans(), HTML_BODY, st.booleans()).map(
    lambda t: (
        ("<!DOCTYPE html><html><head><title>T</title></head><body>" if t[0] else "<html><body>")
        + t[1]
        + ("</body></html>" if t[2] else "")
    )
)

MARKDOWN_BLOCK = st.one_of(
    PROSE,
    PROSE.map(lambda p: "# " + p.split("\n")[0]),
    PROSE.map(lambda p: f"*{p.split(chr(10))[0]}* and **[a link](https://example.org)**"),
    PROSE.map(lambda p: "\n".join("- " + line for line in p.split("\n") if line)),
    PROSE.map(lambda p: "\n".join("> " + line for line in p.split("\n"))),
    st.text(max_size=40).map(lambda t: f"```\n{t}\n```"),
    st.text(max_size=40).map(lambda t: f"<!-- {t} -->"),
    st.text(max_size=60),
)
MARKDOWN = st.lists(MARKDOWN_BLOCK, min_size=1, max_size=6).map("\n\n".join)


def _assert_exact(doc: Document) -> None:
    text = doc.text
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        for span in (s.source_span, s.cue_span):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
    for src in doc.sources:
        for m in src.mentions:
            assert 0 <= m.start <= m.end <= len(text)
    for n in doc.numbers:
        assert text[n.start : n.end] == n.text
    for d in doc.dates:
        assert text[d.start : d.end] == d.text


def _load_and_analyze(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except ReaderError:
            return
    assert article.text.strip()
    _assert_exact(analyze(article.text, title=article.title, byline=article.byline, published=article.published))


@SETTINGS
@given(st.text(max_size=400), st.sampled_from([".txt", ".md", ".html", ""]))
def test_any_unicode_text(text: str, suffix: str) -> None:
    _load_and_analyze(text.encode("utf-8", "surrogatepass"), suffix)


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html"]))
def test_any_bytes(data: bytes, suffix: str) -> None:
    _load_and_analyze(data, suffix)


@SETTINGS
@given(
    PROSE,
    st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_prose_in_any_encoding_and_newline(prose: str, encoding: str, newline: str) -> None:
    _load_and_analyze(prose.replace("\n", newline).encode(encoding, "replace"), ".txt")


@SETTINGS
@given(HTML)
def test_generated_html(page: str) -> None:
    _load_and_analyze(page.encode("utf-8", "surrogatepass"), ".html")


@SETTINGS
@given(MARKDOWN)
def test_generated_markdown(source: str) -> None:
    _load_and_analyze(source.encode("utf-8", "surrogatepass"), ".md")


@SETTINGS
@given(st.text(max_size=400))
def test_analyze_any_text_directly(text: str) -> None:
    _assert_exact(analyze(text))
