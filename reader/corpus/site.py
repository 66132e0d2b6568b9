"""The site an HTML page belongs to, for grouping a corpus by outlet.

Read from the page's own markup: its canonical link, then ``og:url``, then the
``og:site_name``. Only the host is kept (``www.`` dropped), so every page of an
outlet falls in one group. None when the page names no site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_URL_XPATHS = (
    "//link[translate(@rel, 'CANONIAL', 'canonial')='canonical']/@href",
    "//meta[@property='og:url']/@content",
    "//meta[@name='twitter:url']/@content",
)
_NAME_XPATH = "//meta[@property='og:site_name']/@content"


def host_of(url: str) -> str | None:
    """``https://www.example.org/a/b`` -> ``example.org``; None for a relative or odd URL."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def site_of_html(html: str) -> str | None:
    """The host of the page's canonical URL (or ``og:url``), else its ``og:site_name``."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html[:2_000_000])
    except (lxml.etree.ParserError, ValueError):
        return None
    for xpath in _URL_XPATHS:
        for value in tree.xpath(xpath):
            host = host_of(str(value))
            if host:
                return host
    for value in tree.xpath(_NAME_XPATH):
        name = " ".join(str(value).split())
        if name:
            return name
    return None
