"""HTML -> the article's prose, title, byline and date.

trafilatura finds the main text and leaves navigation, ads, scripts and
footers out. When it finds nothing (it sometimes drops short pages), the
paragraphs and headings are read with lxml instead. Both are imported only
when HTML is actually seen: they are slow to import.

Data tables are kept, one line per row (``reader.load.tables``). What the extractors say
about the page is then checked: a byline that is navigation is no byline
(``reader.load.bylines``), a date in the title or URL that contradicts the metadata is
reported (``reader.load.page_dates``), and so is a page whose article scripts draw
(``reader.load.thin_pages``). Reports are ``HtmlArticle.notes``, one line each.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from reader.load.bylines import clean_byline
from reader.load.page_dates import DATE_META, canonical_url, check_published, may_disagree, metadata_date
from reader.load.tables import rows_to_lines, table_lines
from reader.load.thin_pages import THIN_TEXT, script_built, thin_page_note

_SPACES = re.compile(r"\s+")
_SHORT_TEXT = 200  # characters: below this, trafilatura's result is cross-checked
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Character references to what XML forbids ("&#27;"): lxml decodes them into the tree,
# then refuses the text when a node is dropped (a ValueError on "&#27;<script>").
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# A start tag long enough to hold many attributes: libxml2 and trafilatura take time
# quadratic in a tag's attribute count (100,000 attributes: minutes), so only the
# first _MAX_ATTRIBUTES are kept. Real pages have a few dozen.
_LONG_TAG = re.compile(r"<([A-Za-z][^\s<>/]{0,64})([^<>]{2000,})>")
_ATTRIBUTE = re.compile(r"""[^\s=<>/"']{1,200}(?:\s*=\s*(?:"[^"]{0,20000}"|'[^']{0,20000}'|[^\s<>"']{0,20000}))?""")
_MAX_ATTRIBUTES = 256
_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption"}
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The extracted prose of an HTML page; ``published`` is a guess, see ``extract_html``."""

    text: str
    title: str | None
    byline: str | None
    published: str | None
    extractor: str
    url: str | None = None  # the page's own address (canonical or og:url), if it states one
    notes: tuple[str, ...] = ()  # what a reader should know about the extraction, one line each


def _xml_safe_reference(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    forbidden = (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)
    return " " if forbidden or code > 0x10FFFF else match.group(0)


def _cap_attributes(match: re.Match[str]) -> str:
    kept: list[str] = []
    for number, attribute in enumerate(_ATTRIBUTE.finditer(match.group(2))):
        if number == _MAX_ATTRIBUTES:
            return f"<{match.group(1)} {' '.join(kept)}>"
        kept.append(attribute.group())
    return match.group(0)


def sanitize_html(html: str) -> str:
    """``html`` as the parsers can take it: forbidden character references blanked, and
    tags with more than ``_MAX_ATTRIBUTES`` attributes cut to their first ones."""
    if "&#" in html:
        html = _CHAR_REFERENCE.sub(_xml_safe_reference, html)
    return _LONG_TAG.sub(_cap_attributes, html)


def _quiet_libraries() -> None:
    # trafilatura and its helpers log warnings about odd pages; with no handler
    # configured, Python would print them to stderr next to our one-line errors.
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False


def _paragraphs(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _with_trafilatura(html: str) -> HtmlArticle | None:
    import trafilatura

    _quiet_libraries()
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,  # kept as rows: see reader.load.tables
            include_images=False,
            # Only dates stated in the page's markup: the extensive search also
            # reads copyright footers and URLs, which are rarely the article's date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input; fall back to lxml
        return None
    if result is None or isinstance(result, dict):  # a dict only with as_dict=True
        return None
    text = _paragraphs(rows_to_lines(result.text or ""))
    if not text:
        return None
    return HtmlArticle(
        text, _clean(result.title), _clean(result.author), _clean(result.date), "trafilatura", _clean(result.url)
    )


def _meta(tree, names: tuple[str, ...]) -> str | None:  # tree: lxml.html.HtmlElement
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for node in tree.xpath(f"//meta[@{attr}=$value]", value=name):
                content = _clean(node.get("content"))
                if content:
                    return content
    return None


def _parse(html: str):  # -> lxml.html.HtmlElement | None
    import lxml.etree
    import lxml.html

    # lxml refuses str input that still declares a byte encoding, and text
    # nodes with characters XML forbids (C0 controls) when it edits the tree.
    html = _XML_FORBIDDEN.sub(" ", _XML_DECLARATION.sub("", html, count=1))
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _table_rows(table) -> list[list[str]]:  # table: an lxml <table>
    return [[cell.text_content() for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]


def _blocks(tree) -> list[str]:  # tree: lxml.html.HtmlElement, boilerplate dropped
    """Paragraphs, headings, quotes and captions in page order, and data tables one row a line."""
    blocks: list[str] = []
    tables_read: set = set()
    for node in tree.iter(*_BLOCK_TAGS, "table"):
        # A <p> inside a <blockquote>, or a cell of a table read as rows, is read once.
        if any(ancestor.tag in _BLOCK_TAGS or ancestor in tables_read for ancestor in node.iterancestors()):
            continue
        if node.tag == "table":
            rows = table_lines(_table_rows(node))
            if rows:  # a data table; a layout or one-column table is read by its paragraphs
                tables_read.add(node)
                blocks.extend(rows)
            continue
        text = _clean(node.text_content())
        if text:
            blocks.append(text)
    return blocks


def _with_lxml(html: str) -> HtmlArticle | None:
    tree = _parse(html)
    if tree is None:
        return None
    try:
        for node in tree.xpath("|".join(f"//{tag}" for tag in _BOILERPLATE_TAGS)):
            node.drop_tree()
    except ValueError:  # lxml refusing text it decoded itself; sanitize_html should prevent it
        return None
    blocks = _blocks(tree)
    if not blocks:
        body = tree.find("body")
        if body is not None:
            blocks = [line for line in (_clean(x) for x in body.text_content().splitlines()) if line]
    if not blocks:
        return None
    title_node = tree.find(".//title")
    title = _clean(title_node.text_content()) if title_node is not None else None
    if title is None:
        h1 = tree.find(".//h1")
        title = _clean(h1.text_content()) if h1 is not None else None
    return HtmlArticle(
        "\n\n".join(blocks), title, _meta(tree, _AUTHOR_META), _meta(tree, DATE_META), "lxml", canonical_url(tree)
    )


def _extract(html: str) -> HtmlArticle | None:
    primary = _with_trafilatura(html)
    if primary is not None and len(primary.text) >= _SHORT_TEXT:
        return primary
    # Short or no result: trafilatura sometimes drops short articles, and on a
    # page without one it may return a navigation link. Check with lxml, which
    # has already dropped navigation, headers and footers.
    fallback = _with_lxml(html)
    if fallback is None or primary is None:
        return fallback
    best = primary if len(primary.text) >= len(fallback.text) else fallback
    return HtmlArticle(
        best.text,
        primary.title or fallback.title,
        primary.byline or fallback.byline,
        primary.published or fallback.published,
        best.extractor,
        primary.url or fallback.url,
    )


def _checked(page: HtmlArticle, html: str, url: str | None) -> HtmlArticle:
    """``page`` with its byline cleaned, its date checked and notes on what a reader should know.

    The page is parsed again only when it has little text, for the signs of a page scripts draw.
    """
    page = replace(page, byline=clean_byline(page.byline))
    notes = list(page.notes)
    address = page.url or url
    if may_disagree(address, page.title):
        published, date_notes = check_published(page.published, metadata_date(html), address, page.title)
        page = replace(page, published=published)
        notes.extend(date_notes)
    if len(page.text) < THIN_TEXT:
        tree = _parse(html)
        note = thin_page_note(tree, len(page.text)) if tree is not None else None
        if note is not None:
            notes.append(note)
    return replace(page, notes=tuple(notes))


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle | None:
    """The main article of ``html``, or None when the page has no article text.

    ``published`` comes from the page's metadata and is a guess: pages carry
    several dates (updated, copyright, related stories). ``url`` is where the page was
    read from, if from the web (its date is checked when the page names no address).
    """
    html = sanitize_html(html)
    page = _extract(html)
    return None if page is None else _checked(page, html, url)


def needs_browser(html: str) -> bool:
    """Whether scripts build ``html``'s page (see ``reader.load.thin_pages``): for a page with no text."""
    tree = _parse(sanitize_html(html))
    return tree is not None and script_built(tree, 0) is not None
