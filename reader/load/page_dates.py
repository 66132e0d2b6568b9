"""A page's date, checked: a date in its title or URL that contradicts its metadata is reported.

The date extractor (htmldate, through trafilatura) takes a date in the URL before the page's
metadata, and says nothing when they disagree. ``check_published`` compares the three a page
can carry:

* the metadata: ``<meta>`` publication dates (``article:published_time`` ...) and
  ``datePublished`` in JSON-LD, as the page states them;
* the URL (the page's canonical or ``og:url`` address, else the one it was read from):
  ``/2019/07/30/``, ``/2019/7/3/``, ``/2019-07-30-slug``, or a month, ``/2019/06/``;
* the title: ``2020-01-19``, ``19.01.2020``, ``January 19, 2020``, ``Jan. 19 2020``,
  ``19 January 2020``.

Two dates agree when they are at most a day apart (a page published late in the evening in
one time zone carries the next day's date in UTC). When the URL or the title disagrees with
the metadata, the metadata's date is the published date and a note says what disagreed;
without metadata, the extractor's date stands and a title that disagrees with it is noted.
"""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NAME = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SLACK = timedelta(days=1)

# Dates in a URL's path: /2019/07/30/, /2019/7/3/, /2019-07-30-slug, /20190730/; a month: /2019/06/.
_URL_DATES = (
    re.compile(r"/" + _YEAR + r"[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/_.-]|$)"),
    re.compile(r"/" + _YEAR + r"(?P<month>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|$)"),
    re.compile(r"/" + _YEAR + r"/(?P<month>[01]?\d)(?=/|$)"),
)
# Dates in a title: ISO, day.month.year, "January 19, 2020", "19 January 2020".
_TITLE_DATES = (
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\." + _YEAR + r"(?!\d)"),
    re.compile(r"\b" + _MONTH_NAME + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
)
_ISO_START = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)")
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dcterms.date",
)
_META_TAG = re.compile(r"<meta\b[^<>]{0,4000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]{1,100})\s*=\s*(?:"([^"]{0,1000})"|'([^']{0,1000})'|([^\s"'<>]{1,1000}))""")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


@dataclass(frozen=True, slots=True)
class Stated:
    """A date a page states: the days it may mean (one day, or a month) and where it was found."""

    first: date
    last: date
    where: str  # "URL" or "title"

    def agrees(self, day: date) -> bool:
        return self.first - _SLACK <= day <= self.last + _SLACK

    def shown(self) -> str:
        return self.first.isoformat() if self.first == self.last else self.first.strftime("%Y-%m")


def _stated(match: re.Match[str], where: str) -> Stated | None:
    fields = match.groupdict()
    year = int(fields["year"])
    month = _MONTHS[fields["month_name"].lower()] if fields.get("month_name") else int(fields["month"])
    if not 1 <= month <= 12:
        return None
    if fields.get("day") is None:
        last_day = calendar.monthrange(year, month)[1]
        return Stated(date(year, month, 1), date(year, month, last_day), where)
    try:
        day = date(year, month, int(fields["day"]))
    except ValueError:
        return None
    return Stated(day, day, where)


def url_date(url: str | None) -> Stated | None:
    """The date in ``url``'s path, if it has one."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url[:2000], flags=re.IGNORECASE).split("?", 1)[0]
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match is not None:
            return _stated(match, "URL")
    return None


def title_date(title: str | None) -> Stated | None:
    """A full date written in ``title``, if it has one."""
    if not title:
        return None
    for pattern in _TITLE_DATES:
        match = pattern.search(title[:500])
        if match is not None:
            return _stated(match, "title")
    return None


def iso_day(value: str | None) -> date | None:
    """The day an ISO date or timestamp (``2020-01-10``, ``2013-07-19T17:08:44+00:00``) names."""
    match = _ISO_START.match(value or "")
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(tag):
        value = match.group(2) if match.group(2) is not None else match.group(3) or match.group(4) or ""
        found.setdefault(match.group(1).lower(), html.unescape(value).strip())
    return found


def metadata_date(page: str) -> str | None:
    """The publication date the page's ``<meta>`` tags or JSON-LD state, as written.

    Read with patterns, not a parser: most news addresses carry a date, so this runs on most
    pages, and a second parse of a large page would cost more than the scan.
    """
    stated: dict[str, str] = {}
    for tag in _META_TAG.findall(page):
        attributes = _attributes(tag)
        content = attributes.get("content", "")
        for attr in ("property", "name", "itemprop"):
            name = attributes.get(attr)
            if name in DATE_META and iso_day(content) is not None:
                stated.setdefault(name, content)
    for name in DATE_META:
        if name in stated:
            return stated[name]
    for match in _JSON_LD_DATE.finditer(page):
        if iso_day(match.group(1)) is not None:
            return match.group(1)
    return None


def canonical_url(tree) -> str | None:  # tree: lxml.html.HtmlElement
    """The page's own address: ``<link rel="canonical">`` or ``og:url``."""
    for href in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if href.strip():
            return str(href).strip()
    return None


def may_disagree(url: str | None, title: str | None) -> bool:
    """Whether the URL or the title states a date at all (the cheap test before parsing the page)."""
    return url_date(url) is not None or title_date(title) is not None


def check_published(
    published: str | None, metadata: str | None, url: str | None, title: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """The published date to show and the notes to give: see the module's docstring.

    ``published`` is the extractor's date, ``metadata`` the metadata's (``metadata_date``).
    """
    reference = iso_day(metadata)
    if reference is not None:
        against, checked = "the page's metadata", (url_date(url), title_date(title))
    else:
        reference, against, checked = iso_day(published), "the page's date", (title_date(title), None)
    if reference is None:
        return published, ()
    notes = [
        f"the {stated.where} says {stated.shown()}, {against} {reference.isoformat()}"
        for stated in checked
        if stated is not None and not stated.agrees(reference)
    ]
    if not notes:
        return published, ()
    chosen = published if iso_day(published) == reference else reference.isoformat()
    return chosen, (f"dates disagree: {'; '.join(notes)} (published: {chosen})",)
