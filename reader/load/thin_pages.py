"""Pages whose HTML holds almost no article: the article is drawn by JavaScript in a browser.

Read without a browser, such a page gives a header, a menu and an author bio, and analysing
that would say nothing true about the article. When the text found is shorter than
``THIN_TEXT`` characters and the markup shows that scripts build the page (a row of
``SIGNS``), the loader adds a note, "only 600 characters of text found; the page may need a
browser", which the command line prints on stderr and the app can show. A short page with
none of these signs (a brief announcement) gets no note. (An article given only as JSON-LD
``articleBody`` needs no note: trafilatura reads it.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

THIN_TEXT = 1000  # characters of article text
_MOUNT_TEXT = 100  # characters: an app's mount point with less than this is empty
_STATE_SCRIPT = 20_000  # characters of inline script, and ...
_STATE_RATIO = 20  # ... this many times the text found: the page carries its data for a script
_MOUNT_XPATH = (
    "//*[@id='root' or @id='app' or @id='__next' or @id='__nuxt' or @id='___gatsby' or @id='svelte'"
    " or @id='app-root' or @data-reactroot or @ng-version or @ng-app or @data-v-app] | //app-root"
)
_ASKS_FOR_JAVASCRIPT = re.compile(
    r"(?:enable|turn\s+on|activate|allow)\s+javascript|javascript\s+(?:is\s+)?(?:disabled|required|needed|off)"
    r"|(?:requires?|needs?)\s+javascript",
    re.IGNORECASE,
)


class Sign(NamedTuple):
    """One sign that scripts build the page: ``test(tree, text_length)``."""

    id: str
    test: Callable[..., bool]


def _empty_mount_point(tree, text_length: int) -> bool:
    return any(len(node.text_content().strip()) < _MOUNT_TEXT for node in tree.xpath(_MOUNT_XPATH))


def _asks_for_javascript(tree, text_length: int) -> bool:
    for node in tree.xpath("//noscript"):
        said = node.text_content()
        if _ASKS_FOR_JAVASCRIPT.search(said) and "comment" not in said.lower():
            return True
    return False


def _inline_scripts(tree) -> list[str]:
    return [node.text_content() for node in tree.xpath("//script[not(@src)]")]


def _state_in_scripts(tree, text_length: int) -> bool:
    size = sum(len(script) for script in _inline_scripts(tree))
    return size >= _STATE_SCRIPT and size >= _STATE_RATIO * max(text_length, 1)


SIGNS: tuple[Sign, ...] = (
    Sign("mount.empty", _empty_mount_point),  # <div id="root"></div>, <app-root>, data-reactroot
    Sign("noscript.asks", _asks_for_javascript),  # <noscript>Please enable JavaScript</noscript>
    Sign("scripts.state", _state_in_scripts),  # the article as data for a script (__NEXT_DATA__ ...)
)


def script_built(tree, text_length: int) -> str | None:  # tree: lxml.html.HtmlElement
    """The id of the first sign that scripts build the page, or None."""
    for sign in SIGNS:
        if sign.test(tree, text_length):
            return sign.id
    return None


def thin_page_note(tree, text_length: int) -> str | None:
    """The note for a page with little text that scripts build, or None."""
    if text_length >= THIN_TEXT or script_built(tree, text_length) is None:
        return None
    return f"only {text_length} characters of text found; the page may need a browser"
