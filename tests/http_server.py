"""A local HTTP server for the URL tests: loopback only, started and stopped by the test.

Every route is a shape a real server can answer with: redirects, a slow answer, a huge
body, a wrong content type, gzip, an error status, and pages whose charset is declared
only in the header or only in the page.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = (
    "<!doctype html><html><head><title>Ferry fares frozen</title></head><body><article>"
    "<h1>Ferry fares frozen</h1>"
    "<p>The harbour authority froze ferry fares for a year, its chairwoman said on Monday.</p>"
    "<p>Fares rose by 4 percent last year, according to the authority's annual report.</p>"
    "</article></body></html>"
)
CZECH = "Ministr řekl, že rozpočet prošel. Opozice tvrdí, že schodek poroste."
LATIN2_HEADER_PAGE = f"<html><body><p>{CZECH}</p></body></html>".encode("iso-8859-2")
LATIN2_META_PAGE = (
    f'<html><head><meta charset="iso-8859-2"><title>Rozpočet</title></head><body><p>{CZECH}</p></body></html>'
).encode("iso-8859-2")
LATIN2_HTTP_EQUIV_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'
    f"</head><body><p>{CZECH}</p></body></html>"
).encode("iso-8859-2")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        route = self.path.split("?")[0]
        if route == "/article.html":
            self._send(200, ARTICLE_HTML.encode())
        elif route == "/article.txt":
            self._send(
                200,
                b"Ferry fares frozen\n\nThe authority froze fares, its chairwoman said.\n",
                "text/plain; charset=utf-8",
            )
        elif route == "/redirect":
            self._send(302, b"", None, {"Location": "/moved"})
        elif route == "/moved":
            self._send(301, b"", None, {"Location": "/article.html"})
        elif route == "/loop":
            self._send(302, b"", None, {"Location": "/loop"})
        elif route == "/to-ftp":
            self._send(302, b"", None, {"Location": "ftp://127.0.0.1/file.txt"})
        elif route == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE_HTML.encode())
        elif route == "/huge-declared":
            self._send(200, b"", headers={"Content-Length": str(30 * 1024 * 1024)})
        elif route == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")
            except OSError:
                pass  # the client stopped reading
        elif route == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif route == "/gzip":
            self._send(200, gzip.compress(ARTICLE_HTML.encode()), headers={"Content-Encoding": "gzip"})
        elif route == "/gzip-bomb":
            self._send(200, gzip.compress(b"<p>" + b" " * (8 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
        elif route == "/latin2-header":
            self._send(200, LATIN2_HEADER_PAGE, "text/html; charset=iso-8859-2")
        elif route == "/latin2-meta":
            self._send(200, LATIN2_META_PAGE, "text/html")
        elif route == "/latin2-http-equiv":
            self._send(200, LATIN2_HTTP_EQUIV_PAGE, "text/html")
        elif route == "/escape-title":
            self._send(200, ARTICLE_HTML.replace("Ferry fares frozen</title>", "\x1b]0;PWNED\x07</title>").encode())
        else:
            self._send(404, b"<h1>Not found</h1>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    user_agents: list[str]


@contextmanager
def serve() -> Iterator[tuple[str, list[str]]]:
    """``(base URL, User-Agent headers seen)`` of a server on 127.0.0.1 for the ``with`` block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.user_agents = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.user_agents
    finally:
        server.shutdown()
        server.server_close()
