"""Fetching an article from an http(s) URL, with the standard library only.

A timeout on every network wait and on the whole download, the same size limit as
files (``--max-size``, checked against Content-Length first, then while reading, and
again after gzip decompression), redirects followed (at most ``MAX_REDIRECTS``, http
and https only) and recorded, a User-Agent naming reader, and the content type and
charset of the response honoured. Every failure is a ``ReaderError`` that names the
URL, with an exit code per kind: host not found, connection failed, timeout, HTTP
status, not HTML or text, too large.
"""

from __future__ import annotations

import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message

from reader import __version__
from reader.errors import ExitCode, ReaderError

USER_AGENT = f"reader/{__version__} (news attribution reader; +https://pypi.org/project/reader-claims/)"
DEFAULT_TIMEOUT = 20.0  # seconds, for each network wait and for the whole download
MAX_REDIRECTS = 10
# Content types read as articles; anything else (images, PDF, JSON, binaries) is refused.
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a response and what the server said about it."""

    url: str  # after redirects
    body: bytes
    content_type: str  # the media type, lower case, without parameters ("" if none)
    charset: str | None  # from the Content-Type header
    redirects: tuple[str, ...] = ()  # "FROM -> TO (STATUS)", in order


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, at most MAX_REDIRECTS, and record each hop."""

    max_redirections = MAX_REDIRECTS

    def __init__(self) -> None:
        self.hops: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise ReaderError(
                f"{req.full_url}: redirected to a {scheme or 'relative'} URL, not http(s): {newurl}",
                ExitCode.HTTP_ERROR,
            )
        self.hops.append(f"{req.full_url} -> {newurl} ({code})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _network_error(url: str, reason: object) -> ReaderError:
    if isinstance(reason, ReaderError):
        return reason
    if isinstance(reason, socket.gaierror):
        return ReaderError(f"{url}: host not found ({reason.strerror or reason})", ExitCode.HOST_NOT_FOUND)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return ReaderError(f"{url}: timed out", ExitCode.TIMEOUT)
    if isinstance(reason, ConnectionRefusedError):
        return ReaderError(f"{url}: connection refused", ExitCode.CONNECTION_FAILED)
    if isinstance(reason, ssl.SSLError):
        return ReaderError(f"{url}: TLS failed ({reason.reason or reason})", ExitCode.CONNECTION_FAILED)
    if isinstance(reason, OSError):
        return ReaderError(f"{url}: connection failed ({reason.strerror or reason})", ExitCode.CONNECTION_FAILED)
    return ReaderError(f"{url}: connection failed ({reason})", ExitCode.CONNECTION_FAILED)


def _too_large(url: str, max_size: int, size: int | None = None) -> ReaderError:
    from reader.load.loader import human_size

    actual = f" ({human_size(size)})" if size is not None else ""
    return ReaderError(
        f"{url}: larger than the {human_size(max_size)} limit{actual}; raise it with --max-size",
        ExitCode.TOO_LARGE,
    )


def _read_body(response, url: str, max_size: int, deadline: float) -> bytes:  # response: http.client.HTTPResponse
    length = response.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_size:
        raise _too_large(url, max_size, int(length))
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise ReaderError(f"{url}: timed out (the download took too long)", ExitCode.TIMEOUT)
        chunk = response.read1(1 << 16) if hasattr(response, "read1") else response.read(1 << 16)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_size:
            raise _too_large(url, max_size)
        chunks.append(chunk)


def _gunzip(data: bytes, url: str, max_size: int) -> bytes:
    """Decompress a gzip or deflate body, never past ``max_size`` bytes (a zip bomb stops there)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
    try:
        out = inflater.decompress(data, max_size + 1)
    except zlib.error as exc:
        raise ReaderError(f"{url}: the compressed body is corrupt ({exc})", ExitCode.NOT_TEXT) from None
    if len(out) > max_size:
        raise _too_large(url, max_size)
    return out


def _content_type(headers: Message) -> tuple[str, str | None]:
    media = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""
    charset = headers.get_content_charset()
    return media, charset


def fetch(url: str, *, max_size: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET ``url``; raises ``ReaderError`` (the message starts with the URL) on any failure."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ReaderError(f"{url}: only http and https URLs can be read", ExitCode.USAGE)
    if not parts.hostname:
        raise ReaderError(f"{url}: no host in the URL", ExitCode.USAGE)
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            body = _read_body(response, url, max_size, deadline)
            final = response.geturl()
            headers = response.headers
    except ReaderError:
        raise
    except urllib.error.HTTPError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else ""
        raise ReaderError(f"{url}: HTTP {exc.code} {reason}".rstrip(), ExitCode.HTTP_ERROR) from None
    except urllib.error.URLError as exc:
        raise _network_error(url, exc.reason) from None
    except (OSError, http_client_errors()) as exc:
        raise _network_error(url, exc) from None
    except ValueError as exc:  # a malformed URL
        raise ReaderError(f"{url}: not a valid URL ({exc})", ExitCode.USAGE) from None
    if (headers.get("Content-Encoding") or "").strip().lower() in ("gzip", "x-gzip", "deflate"):
        body = _gunzip(body, url, max_size)
    media, charset = _content_type(headers)
    if media and media not in _TEXT_TYPES:
        raise ReaderError(f"{url}: not an HTML or text page ({media})", ExitCode.NOT_TEXT)
    return Fetched(final, body, media, charset, tuple(redirects.hops))


def http_client_errors() -> type[Exception]:
    """The base of http.client's protocol errors (a server that breaks off a response)."""
    import http.client

    return http.client.HTTPException


def name_for(url: str, title: str | None = None) -> str:
    """A file name stem for what was read from ``url``: from the page title, else the URL.

    ``"Ferry fares frozen"`` -> ``ferry-fares-frozen``; ``https://news.example/a/b.html``
    -> ``news.example-a-b``. Only letters, digits, ``.``, ``-`` and ``_``; at most 80.
    """
    for source in (title, None):
        if source is None or not source.strip():
            parts = urllib.parse.urlsplit(url)
            path = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", parts.path)  # ".html", ".php", ".txt"
            source = f"{parts.hostname or 'page'} {path}"
        stem = re.sub(r"[^\w.]+", "-", source.strip().lower(), flags=re.ASCII).strip("-._")[:80].rstrip("-._")
        if stem:
            return stem
    return "page"
