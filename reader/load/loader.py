"""Read an article from a path or stdin: size limits, binary sniffing, decoding, format.

``load_article`` is the one way in for the app, ``reader analyze`` and
``reader batch``. Every problem with the input is raised as a ``ReaderError``
whose message starts with the path, so the command line can print it as is.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from reader.errors import ExitCode, ReaderError
from reader.load.decode import bom_encoding, bomless_utf16, declared_charset, decode, normalize_newlines
from reader.load.detect import binary_kind, detect_format, looks_like_url

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
STDIN_LABEL = "<stdin>"

# Share of control characters (other than tab, newline, form feed and ESC, which
# hostile-but-textual input may carry) above which decoded bytes are not prose.
_MAX_CONTROL_SHARE = 0.3
_TEXT_CONTROLS = frozenset("\t\n\f\v\x1b")


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """Decoded article text and what the loader learnt about it.

    ``text`` is what every analysis offset refers to: the file's text with
    newlines normalised, or the prose extracted from HTML or Markdown.
    ``published`` is a guess taken from page metadata.
    """

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    format: str = "text"  # text | markdown | html
    encoding: str = "utf-8"
    path: Path | None = None  # None for stdin and URLs
    url: str | None = None  # for a URL: where the article was read, after redirects
    redirects: tuple[str, ...] = ()  # for a URL: "FROM -> TO (STATUS)" for each redirect followed
    # What a reader should know about how the text was read, one line each: "only 600 characters
    # of text found; the page may need a browser", "dates disagree: ...". The command line prints
    # them on stderr.
    notes: tuple[str, ...] = ()

    @property
    def source_name(self) -> str:
        """A file name stem for outputs made from this article: the file's, or from the
        page title or URL (``ferry-fares-frozen``); ``stdin`` for standard input."""
        if self.path is not None:
            return self.path.stem
        if self.url is not None:
            from reader.load.fetch import name_for

            return name_for(self.url, self.title)
        return "stdin"


def human_size(size: int) -> str:
    """``20971520`` -> ``20 MB``; ``1536`` -> ``1.5 KB``."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if value.is_integer() else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _too_large(label: str, max_size: int, size: int | None = None) -> ReaderError:
    actual = f" ({human_size(size)})" if size is not None else ""
    return ReaderError(
        f"{label}: larger than the {human_size(max_size)} limit{actual}; raise it with --max-size",
        ExitCode.TOO_LARGE,
    )


def _read_bounded(stream: BinaryIO, label: str, max_size: int) -> bytes:
    """Read at most ``max_size`` bytes; one byte more means the input is too large."""
    chunks: list[bytes] = []
    remaining = max_size + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    if remaining <= 0:
        raise _too_large(label, max_size)
    return b"".join(chunks)


def _read_stdin(max_size: int) -> bytes:
    if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
        raise ReaderError(f"{STDIN_LABEL}: standard input is not available", ExitCode.NOT_FOUND)
    try:
        return _read_bounded(sys.stdin.buffer, STDIN_LABEL, max_size)
    except OSError as exc:
        raise ReaderError(f"{STDIN_LABEL}: cannot read ({exc.strerror or exc})", ExitCode.UNREADABLE) from None


def _read_file(path: Path, max_size: int) -> bytes:
    label = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReaderError(f"{label}: no such file", ExitCode.NOT_FOUND) from None
    except NotADirectoryError:
        raise ReaderError(f"{label}: no such file (a parent is not a folder)", ExitCode.NOT_FOUND) from None
    except PermissionError:
        raise ReaderError(f"{label}: permission denied", ExitCode.UNREADABLE) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise ReaderError(
            f"{label}: cannot open ({getattr(exc, 'strerror', None) or exc})", ExitCode.NOT_FOUND
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"{label}: is a folder, not a file", ExitCode.NOT_FOUND)
    # Check the size before reading anything; pipes and devices have no size
    # and are caught by the bounded read instead.
    if stat.S_ISREG(info.st_mode) and info.st_size > max_size:
        raise _too_large(label, max_size, info.st_size)
    try:
        with path.open("rb") as handle:
            return _read_bounded(handle, label, max_size)
    except PermissionError:
        raise ReaderError(f"{label}: permission denied", ExitCode.UNREADABLE) from None
    except OSError as exc:
        raise ReaderError(f"{label}: cannot read ({exc.strerror or exc})", ExitCode.UNREADABLE) from None


def _control_share(text: str) -> float:
    sample = text[:100000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ch < " " and ch not in _TEXT_CONTROLS) or ch == "\ufffd")
    return controls / len(sample)


def decode_article(data: bytes, label: str, declared: str | None = None) -> tuple[str, str]:
    """Bytes -> ``(text, encoding)``, refusing binary data; newlines normalised.

    ``declared`` is the charset an HTTP header states; without one, an HTML ``<meta>``
    charset is used. Either comes before any guess (see ``decode``).
    """
    if not data:
        raise ReaderError(f"{label}: no text (the file is empty)", ExitCode.NO_TEXT)
    kind = binary_kind(data[:64])
    if kind is not None:
        raise ReaderError(f"{label}: not a text article ({kind})", ExitCode.NOT_TEXT)
    unicode_wide = bom_encoding(data) is not None or bomless_utf16(data) is not None
    if not unicode_wide and b"\x00" in data:
        raise ReaderError(f"{label}: not a text article (binary data: NUL bytes)", ExitCode.NOT_TEXT)
    text, encoding = decode(data, declared or declared_charset(data))
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise ReaderError(f"{label}: not a text article (binary data)", ExitCode.NOT_TEXT)
    return normalize_newlines(text), encoding


def parse_article(text: str, *, label: str, path: Path | None = None, encoding: str = "utf-8") -> LoadedArticle:
    """Decoded text -> LoadedArticle: detect the format and extract the prose."""
    if not text.strip():
        raise ReaderError(f"{label}: no text (only whitespace)", ExitCode.NO_TEXT)
    return _parse_as(text, detect_format(text, path), label=label, path=path, encoding=encoding)


def _parse_as(
    text: str, fmt: str, *, label: str, path: Path | None, encoding: str, url: str | None = None
) -> LoadedArticle:
    if fmt == "html":
        from reader.load.html import extract_html, needs_browser

        page = extract_html(text, url=url)
        if page is None or not page.text.strip():
            hint = "; the page may need a browser" if needs_browser(text) else ""
            raise ReaderError(f"{label}: no article text found in the HTML{hint}", ExitCode.NO_TEXT)
        return LoadedArticle(page.text, page.title, page.byline, page.published, fmt, encoding, path, notes=page.notes)
    if fmt == "markdown":
        from reader.load.markdown import markdown_to_text

        doc = markdown_to_text(text)
        if not doc.text.strip():
            raise ReaderError(f"{label}: no article text found in the Markdown", ExitCode.NO_TEXT)
        return LoadedArticle(doc.text, doc.title, doc.byline, doc.published, fmt, encoding, path)
    # Plain text is kept exactly (bar newlines): the segmenter finds the headline.
    return LoadedArticle(text, None, None, None, fmt, encoding, path)


def load_url(url: str, *, max_size: int = DEFAULT_MAX_SIZE) -> LoadedArticle:
    """Fetch ``url`` (http or https) and read it as a file of the type the server names.

    The text is never written anywhere. Raises ``ReaderError`` (message ``"<url>: <what>"``).
    """
    from reader.load.fetch import fetch

    page = fetch(url, max_size=max_size)
    text, encoding = decode_article(page.body, url, declared=page.charset)
    # The server's content type breaks ties as a file's extension does.
    suffix = {
        "text/html": ".html",
        "application/xhtml+xml": ".html",
        "text/markdown": ".md",
        "text/x-markdown": ".md",
    }.get(page.content_type, "")
    hint = Path("page" + suffix) if suffix else None
    if not text.strip():
        raise ReaderError(f"{url}: no text (the page is empty)", ExitCode.NO_TEXT)
    fmt = detect_format(text, hint)
    if page.content_type == "text/plain" and fmt == "html":
        fmt = "text"  # served as plain text: read as typed, markup and all
    article = _parse_as(text, fmt, label=url, path=None, encoding=encoding, url=page.url)
    return replace(article, url=page.url, redirects=page.redirects)


def load_article(source: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> LoadedArticle:
    """Load ``source`` (a path, ``-`` for stdin, or an http(s) URL) as article text.

    Raises ``ReaderError`` (message ``"<path>: <what>"``) for a missing or
    unreadable path, an input over ``max_size`` bytes, binary data, or no text.
    """
    if isinstance(source, str) and looks_like_url(source):
        return load_url(source, max_size=max_size)
    if str(source) == "-":
        label, path = STDIN_LABEL, None
        data = _read_stdin(max_size)
    else:
        path = Path(os.fspath(source))
        label = str(path)
        data = _read_file(path, max_size)
    text, encoding = decode_article(data, label)
    return parse_article(text, label=label, path=path, encoding=encoding)
