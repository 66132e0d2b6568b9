"""A page's byline, as a reader would take it: navigation text and section names are not bylines.

Extractors take the author from the markup, and pages put links and labels there: "View all
posts by Jane Doe" (a link to the author's archive), "Letters" (the section), "By Staff" (no
one). ``clean_byline`` reads each author of a byline (trafilatura joins several with "; ")
through two tables of rules, in order:

* ``NAVIGATION``: link text around a name; the name is kept ("View all posts by Jane Doe"
  -> "Jane Doe");
* ``NOT_A_BYLINE``: what names no author (a section, a placeholder, a web address); dropped.

A byline left with no author is None.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SPACES = re.compile(r"\s+")
_AUTHORS_SEPARATOR = "; "


class NavigationRule(NamedTuple):
    """Link text that wraps an author's name; ``pattern``'s group ``name`` is the name."""

    id: str
    pattern: re.Pattern[str]


class NotAByline(NamedTuple):
    """A byline (or one author of it) that names no one."""

    id: str
    pattern: re.Pattern[str]


NAVIGATION: tuple[NavigationRule, ...] = (
    # "View all posts by Jane Doe", "All articles by Jane Doe", "See more stories by Jane Doe"
    NavigationRule(
        "nav.posts_by",
        re.compile(
            r"(?:(?:view|see|browse|read|show)\s+)?(?:(?:all|more)\s+)?(?:the\s+)?"
            r"(?:posts|articles|stories|entries|columns|contributions)\s+(?:written\s+)?by\s+(?P<name>.+)",
            re.IGNORECASE,
        ),
    ),
)

_PLACEHOLDERS = (
    # sections and page furniture
    r"letters?(?:\s+to\s+the\s+editors?)?|readers?'?\s+letters|opinion|editorials?|comments?|news|home|menu"
    r"|subscribe|share|follow(?:\s+us)?|sign\s+in|log\s+in|more|read\s+more|about(?:\s+us)?|contact(?:\s+us)?"
    # no one in particular
    r"|(?:the\s+)?staff(?:\s+(?:writers?|reporters?|reports?|and\s+wire\s+reports?))?"
    r"|admin(?:istrator)?|editors?|guest(?:\s+(?:author|post|contributor|writer))?|contributors?|anonymous"
    r"|unknown|author|none|null|n/a"
)

NOT_A_BYLINE: tuple[NotAByline, ...] = (
    # "Letters", "By Staff", "Staff Writer", "admin", "Opinion"
    NotAByline("not.placeholder", re.compile(rf"(?:by\s+)?(?:{_PLACEHOLDERS})\s*[.:]?", re.IGNORECASE)),
    # a web or e-mail address, or a bare handle
    NotAByline("not.address", re.compile(r"(?:https?://|www\.)\S*|\S+@\S+\.\S+|@\w+", re.IGNORECASE)),
    # nothing a name is made of
    NotAByline("not.no_letters", re.compile(r"[\W\d_]*")),
)


def _author(part: str) -> str | None:
    part = _SPACES.sub(" ", part).strip()
    for rule in NAVIGATION:
        match = rule.pattern.fullmatch(part)
        if match is not None:
            part = match.group("name").strip()
            break
    if any(rule.pattern.fullmatch(part) for rule in NOT_A_BYLINE):
        return None
    return part


def clean_byline(byline: str | None) -> str | None:
    """``byline`` without navigation text and section names; None when no author is left."""
    if byline is None:
        return None
    authors = [author for author in (_author(part) for part in byline.split(";")) if author]
    unique = list(dict.fromkeys(authors))
    return _AUTHORS_SEPARATOR.join(unique) or None
