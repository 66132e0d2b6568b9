"""What is this input? Binary kinds by magic number, then text formats by content."""

from __future__ import annotations

import re
from pathlib import Path

# (prefix, kind); checked on the first bytes of the input.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.{0,500}?-->\s*){0,5}"  # declaration, comments
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(?:p|/p|br|div|/div|body|span|a\s|h[1-6]|/h[1-6]|li|article|section|meta|script)[\s>/]",
    re.IGNORECASE,
)

_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# Bounded repeats keep every pattern linear on hostile input (a line of "[[[[...").
_MD_LINK = re.compile(r"!?\[[^\]\n]{1,300}\]\([^)\s]{1,500}(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])\*\*[^*\s][^*\n]{0,300}\*\*"
    r"|(?<![\w_])__[^_\s][^_\n]{0,300}__"
    r"|(?<![\w*])\*[^*\s][^*\n]{0,300}\*(?![\w*])"
)
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_MD_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?\S", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[\w-]+:.*\n)+---[ \t]*\n")


_URL = re.compile(r"(?i)^[a-z][a-z0-9+.-]{0,31}://")


def looks_like_url(source: str) -> bool:
    """True for ``scheme://...`` (any scheme; only http and https are fetched)."""
    return _URL.match(source) is not None


def binary_kind(head: bytes) -> str | None:
    """Name the kind of binary data ``head`` starts with, or None if it may be text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic == b"BZh" and head[4:10] != b"1AY&SY":
                continue
            return kind
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "a video or image (ISO media)"
    return None


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes open an HTML document (doctype, html or head tag)."""
    return _HTML_START.match(head) is not None


def html_tag_density(text: str) -> bool:
    """True when ``text`` has enough HTML block tags to be markup rather than prose."""
    sample = text[:20000]
    tags = len(_HTML_TAG.findall(sample))
    return tags >= 3 and tags * 40 >= len(sample) / 10


def markdown_score(text: str) -> int:
    """How Markdown-like ``text`` is: points for headings, links, emphasis, fences, lists."""
    sample = text[:50000]
    score = 3 * min(len(_MD_HEADING.findall(sample)), 3)
    score += 2 * min(len(_MD_LINK.findall(sample)), 3)
    score += 2 * min(len(_MD_FENCE.findall(sample)), 2)
    score += min(len(_MD_EMPHASIS.findall(sample)), 3)
    score += min(len(_MD_LIST.findall(sample)), 2)
    score += min(len(_MD_QUOTE.findall(sample)), 2)
    if _FRONT_MATTER.match(sample):
        score += 3
    return score


def detect_format(text: str, path: Path | None = None) -> str:
    """``html``, ``markdown`` or ``text``; the content decides, the extension breaks ties."""
    suffix = path.suffix.lower() if path is not None else ""
    if looks_like_html(text[:2048].encode("utf-8", "replace")) or html_tag_density(text):
        return "html"
    if suffix in HTML_EXTENSIONS and "<" in text and ">" in text:
        return "html"
    if suffix in MARKDOWN_EXTENSIONS:
        return "markdown"
    # One heading or one link alone can happen in plain text; two signals cannot.
    return "markdown" if markdown_score(text) >= 4 else "text"
