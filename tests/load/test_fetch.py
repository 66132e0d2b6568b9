"""Reading articles from URLs, against a local server (tests/http_server.py): never the internet."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator

import pytest

from reader.errors import ExitCode, ReaderError
from reader.load import load_article
from reader.load.fetch import USER_AGENT, fetch, name_for
from tests.cli.test_bad_input import assert_one_line_error, run
from tests.http_server import CZECH, serve


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    with serve() as running:
        yield running


def _error(exc_info: pytest.ExceptionInfo[ReaderError], code: ExitCode, *needles: str) -> None:
    assert exc_info.value.exit_code is code
    for needle in needles:
        assert needle in str(exc_info.value)


def test_an_html_page_is_read_and_extracted(server) -> None:
    base, agents = server
    article = load_article(f"{base}/article.html")
    assert "froze ferry fares for a year" in article.text
    assert article.title == "Ferry fares frozen"
    assert article.format == "html" and article.path is None
    assert article.url == f"{base}/article.html"
    assert agents[-1] == USER_AGENT and USER_AGENT.startswith("reader/")


def test_plain_text_is_read_as_text(server) -> None:
    article = load_article(f"{server[0]}/article.txt")
    assert article.format == "text" and article.text.startswith("Ferry fares frozen\n")


def test_redirects_are_followed_and_recorded(server) -> None:
    base, _ = server
    article = load_article(f"{base}/redirect")
    assert article.url == f"{base}/article.html"
    assert article.redirects == (f"{base}/redirect -> {base}/moved (302)", f"{base}/moved -> {base}/article.html (301)")


def test_a_redirect_loop_is_an_http_error(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/loop")
    _error(info, ExitCode.HTTP_ERROR, "/loop")


def test_a_redirect_away_from_http_is_refused(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/to-ftp")
    _error(info, ExitCode.HTTP_ERROR, "ftp://")


def test_a_slow_server_times_out(server) -> None:
    with pytest.raises(ReaderError) as info:
        fetch(f"{server[0]}/slow", max_size=1 << 20, timeout=0.5)
    _error(info, ExitCode.TIMEOUT, "/slow", "timed out")


def test_a_declared_huge_body_is_refused_before_reading(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/huge-declared")
    _error(info, ExitCode.TOO_LARGE, "20 MB limit", "30 MB")


def test_a_streamed_body_stops_at_the_limit(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/huge-streamed", max_size=100_000)
    _error(info, ExitCode.TOO_LARGE, "limit")


def test_a_wrong_content_type_is_refused(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/image.png")
    _error(info, ExitCode.NOT_TEXT, "image/png")


def test_a_gzip_body_is_decompressed(server) -> None:
    assert "froze ferry fares" in load_article(f"{server[0]}/gzip").text


def test_a_gzip_bomb_stops_at_the_limit(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/gzip-bomb", max_size=1 << 20)
    _error(info, ExitCode.TOO_LARGE)


def test_a_404_is_an_http_error(server) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(f"{server[0]}/missing.html")
    _error(info, ExitCode.HTTP_ERROR, "HTTP 404")


@pytest.mark.parametrize("route", ["/latin2-header", "/latin2-meta", "/latin2-http-equiv"])
def test_a_declared_charset_is_honoured(server, route: str) -> None:
    article = load_article(f"{server[0]}{route}")
    assert CZECH in article.text
    assert article.encoding.startswith("iso8859-2")


def test_a_file_with_a_meta_charset_is_decoded_with_it(tmp_path) -> None:
    from tests.http_server import LATIN2_META_PAGE

    path = tmp_path / "page.html"
    path.write_bytes(LATIN2_META_PAGE)
    assert CZECH in load_article(path).text


def test_a_refused_connection(tmp_path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ReaderError) as info:
        load_article(f"http://127.0.0.1:{port}/a.html")
    _error(info, ExitCode.CONNECTION_FAILED, "refused")


def test_a_host_that_does_not_resolve(monkeypatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(ReaderError) as info:
        load_article("http://news.invalid/a.html")
    _error(info, ExitCode.HOST_NOT_FOUND, "news.invalid", "host not found")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "http:///nohost"])
def test_only_http_urls_with_a_host(url: str) -> None:
    with pytest.raises(ReaderError) as info:
        load_article(url)
    _error(info, ExitCode.USAGE, url)


def test_names_for_outputs() -> None:
    assert name_for("https://news.example/a/b.html", "Ferry fares frozen!") == "ferry-fares-frozen"
    assert name_for("https://news.example/world/2024/ferry.html") == "news.example-world-2024-ferry"
    hostile = name_for("https://news.example/", "\x1b]0;x\x07 ../../etc/passwd")
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", hostile) and "/" not in hostile
    assert name_for("https://news.example/", "..") == "news.example"
    assert len(name_for("https://news.example/", "word " * 100)) <= 80


# -- the command line ------------------------------------------------------------------


def test_reader_analyze_url_end_to_end(server) -> None:
    base, _ = server
    result = run("analyze", f"{base}/redirect")
    assert result.returncode == ExitCode.OK, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == "Ferry fares frozen"
    assert f"{base}/redirect -> {base}/moved (302)" in result.stderr.decode()


def test_reader_analyze_url_errors_are_one_line(server) -> None:
    base, _ = server
    assert_one_line_error(run("analyze", f"{base}/nothing"), ExitCode.HTTP_ERROR, f"{base}/nothing", "404")
    assert_one_line_error(run("analyze", f"{base}/image.png"), ExitCode.NOT_TEXT, "image/png")


def test_the_double_slash_survives(server) -> None:
    """It used to be read as a path: 'https:/example.com/a.html: no such file'."""
    result = run("analyze", "https://127.0.0.1:1/a.html")
    line = assert_one_line_error(result, ExitCode.CONNECTION_FAILED)
    assert "https://127.0.0.1:1/a.html" in line


def test_batch_reads_urls_and_a_url_file(server, tmp_path) -> None:
    base, _ = server
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# morning list\n{base}/article.txt\n\n{base}/missing.html\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", f"{base}/gzip", "--urls", urls, "-o", out)
    assert result.returncode == ExitCode.FAILURE  # the 404 is listed; the others are written
    stderr = result.stderr.decode()
    assert f"reader: {base}/missing.html: HTTP 404" in stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir() if p.name != ".reader-batch") == [
        "127.0.0.1-article.json",
        "127.0.0.1-gzip.json",
    ]
    assert json.loads((out / "127.0.0.1-gzip.json").read_text(encoding="utf-8"))["title"] == "Ferry fares frozen"
    again = run("batch", f"{base}/gzip", "-o", out)  # fetched before: skipped unless --force
    assert again.returncode == ExitCode.OK and "0 done, 1 skipped" in again.stdout.decode()


def test_batch_jsonl_lines_of_urls_name_the_url_and_its_host(server, tmp_path) -> None:
    base, _ = server
    out = tmp_path / "all.jsonl"
    result = run("batch", f"{base}/article.html", "-o", out, "--format", "jsonl")
    assert result.returncode == ExitCode.OK, result.stderr
    [line] = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    assert (line["article_id"], line["folder"], line["site"]) == (f"{base}/article.html", None, "127.0.0.1")
    assert line["title"] == "Ferry fares frozen"


def test_batch_url_file_with_a_line_that_is_not_a_url(tmp_path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:1/a\nnot a url\n", encoding="utf-8")
    assert_one_line_error(run("batch", "--urls", urls, "-o", tmp_path / "o"), ExitCode.USAGE, "line 2")
