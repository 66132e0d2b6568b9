"""Pages as they are (issue 13): data tables kept, pages drawn by JavaScript named, navigation
that is no byline, dates in the title or URL that contradict the metadata reported.

Every page here is written for the test, in the shapes real pages have.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.analysis import analyze_article
from reader.errors import ExitCode, ReaderError
from reader.load import html as html_module
from reader.load import load_article
from reader.load.bylines import clean_byline
from reader.load.html import extract_html
from reader.load.page_dates import check_published, title_date, url_date
from reader.load.tables import rows_to_lines

PROSE = (
    "<p>The city council voted on Tuesday to expand the night bus network to four new routes, "
    "the transport committee said in a statement after the meeting.</p>"
    "<p>Ridership on the existing night lines rose by a third last year, according to figures "
    "published by the transit agency, and drivers have asked for more staff on late shifts.</p>"
    "<p>Work on the new stops will start in the spring and should be finished by the autumn, "
    "the committee's chair told reporters, adding that the budget had already been approved.</p>"
)


def page(body: str = PROSE, *, head: str = "", title: str = "Night buses expand", outside: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        f"<header><a href='/'>Home</a></header><article><h1>{title}</h1>{body}</article>{outside}</body></html>"
    )


def load(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return load_article(path)


# --- data tables -------------------------------------------------------------------------

BENCHMARK = (
    "<p>We timed three parsers on the same files; the table gives the speed of each.</p>"
    "<table><thead><tr><th>file</th><th>quickparse</th><th>easyparse</th></tr></thead><tbody>"
    "<tr><td>builds</td><td>2.3 GB/s</td><td>0.098 GB/s</td></tr>"
    "<tr><td>events</td><td>2.5 GB/s</td><td>0.093 GB/s</td></tr>"
    "<tr><td>archive</td><td>3.3 GB/s</td><td>0.091 GB/s</td></tr>"
    "</tbody></table>"
    "<p>So the quick parser is about twenty times faster than the easy one on every file we tried.</p>"
)


def test_a_data_table_reaches_the_analysis_one_row_a_line(tmp_path: Path) -> None:
    article = load(tmp_path, page(PROSE + BENCHMARK))
    lines = article.text.split("\n\n")
    assert "file; quickparse; easyparse" in lines
    assert "archive; 3.3 GB/s; 0.091 GB/s" in lines
    assert lines.index("builds; 2.3 GB/s; 0.098 GB/s") < lines.index("archive; 3.3 GB/s; 0.091 GB/s")
    # The prose around the table stays where it was.
    assert lines.index("archive; 3.3 GB/s; 0.091 GB/s") < next(
        i for i, line in enumerate(lines) if line.startswith("So the quick parser")
    )
    numbers = {(n.text, n.value, n.unit) for n in analyze_article(article).numbers}
    assert ("0.091 GB/s", 0.091, "GB/s") in numbers
    assert ("3.3 GB/s", 3.3, "GB/s") in numbers


def test_table_rows_keep_empty_cells_out_and_a_bar_inside_a_cell() -> None:
    rows = "Before.\n| name | score \\| points | \n|---|---|\n| Alba | 1,200 | \n|  | 3.5% | \nAfter."
    assert rows_to_lines(rows) == "Before.\nname; score | points\nAlba; 1,200\n3.5%\nAfter."


def test_a_one_column_navigation_table_is_left_out_and_a_layout_table_is_read_as_prose() -> None:
    navigation = "| Topics | \n|---|\n| Transport | \n| Housing | "
    assert rows_to_lines(f"Story.\n{navigation}\nEnd.") == "Story.\nEnd."
    long_cell = "The council voted. " * 20
    assert rows_to_lines(f"| {long_cell} | Home News | ") == f"{long_cell.strip()}\nHome News"


def test_a_short_page_read_by_lxml_keeps_its_table_too() -> None:
    short = (
        "<html><body><p>Turnout by district:</p><table><tr><th>District</th><th>Turnout</th></tr>"
        "<tr><td><p>North</p></td><td>61%</td></tr><tr><td>South</td><td>48%</td></tr></table></body></html>"
    )
    result = html_module._with_lxml(short)
    assert result is not None
    assert result.text.split("\n\n") == ["Turnout by district:", "District; Turnout", "North; 61%", "South; 48%"]


# --- pages drawn by JavaScript --------------------------------------------------------------

BIO = (
    "<div class='author-bio'><h3>Ana Ruiz</h3><p>Ana Ruiz covers transport and city hall. "
    "She joined the paper in 2015 after ten years at a regional radio station.</p></div>"
)
SHELL_SIGNS = {
    "an empty mount point": "<div id='root'></div><script src='/static/app.4f2a.js'></script>",
    "a noscript asking for JavaScript": "<noscript>You need to enable JavaScript to run this app.</noscript>",
    "the article as data for a script": (
        '<script id=\'__NEXT_DATA__\' type=\'application/json\'>{"props": {"story": "'
        + "The council voted to expand the night buses. " * 600
        + '"}}</script>'
    ),
}


@pytest.mark.parametrize("sign", SHELL_SIGNS)
def test_a_page_drawn_by_javascript_says_it_may_need_a_browser(tmp_path: Path, sign: str) -> None:
    shell = page(BIO, title="Night buses expand | City Paper", outside=SHELL_SIGNS[sign])
    article = load(tmp_path, shell)
    assert len(article.text) < 1000
    assert article.notes == (f"only {len(article.text)} characters of text found; the page may need a browser",)


def test_a_short_page_without_those_signs_has_no_note(tmp_path: Path) -> None:
    short = page(
        "<p>Version 2.1 of the city's open data portal is out today.</p><p>Thanks to all who tested it.</p>",
        outside="<script>var tracking = 1;</script><noscript>Please enable JavaScript to view the comments.</noscript>",
    )
    assert load(tmp_path, short).notes == ()


def test_a_long_article_inside_an_app_mount_point_has_no_note(tmp_path: Path) -> None:
    server_rendered = page(f"<div id='app'>{PROSE * 3}</div>", outside="<script src='/app.js'></script>")
    assert load(tmp_path, server_rendered).notes == ()


def test_a_page_with_no_text_at_all_that_scripts_draw_says_so(tmp_path: Path) -> None:
    empty_shell = "<!doctype html><html><head><title>City Paper</title></head><body><div id='root'></div></body></html>"
    with pytest.raises(ReaderError, match=r"no article text found in the HTML; the page may need a browser") as info:
        load(tmp_path, empty_shell)
    assert info.value.exit_code is ExitCode.NO_TEXT


# --- bylines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("View all posts by Ana Ruiz", "Ana Ruiz"),
        ("View all posts by Ana Ruiz ", "Ana Ruiz"),
        ("See all articles by Ana Ruiz", "Ana Ruiz"),
        ("More stories by Ana Ruiz; Ana Ruiz", "Ana Ruiz"),
        ("Letters", None),
        ("Letters To The Editor", None),
        ("By Staff", None),
        ("Staff Writer", None),
        ("admin", None),
        ("https://news.example/author/ana", None),
        ("Ana Ruiz; Letters", "Ana Ruiz"),
        ("Ana Ruiz", "Ana Ruiz"),
        ("The Editorial Board", "The Editorial Board"),
        ("City Paper News Desk", "City Paper News Desk"),
        ("Lettersmith Jones", "Lettersmith Jones"),
        (None, None),
    ],
)
def test_navigation_is_not_a_byline(given: str | None, kept: str | None) -> None:
    assert clean_byline(given) == kept


def test_an_author_bio_link_gives_the_name_not_the_link_text(tmp_path: Path) -> None:
    bio = (
        "<div class='author-info'><h2>Published by</h2><h3>Ana Ruiz</h3><p class='author-bio'>Transport "
        "reporter. <a class='author-link' href='/author/ana/' rel='author'>View all posts by Ana Ruiz </a></p></div>"
    )
    assert load(tmp_path, page(PROSE + bio)).byline == "Ana Ruiz"


@pytest.mark.parametrize(
    ("head", "before"),
    [
        ('<meta name="author" content="Staff Writer">', ""),
        ("", '<p class="byline">By Staff</p>'),
        ("", '<div class="author"><a href="/opinion/letters/">Letters</a></div>'),
    ],
)
def test_a_section_name_is_no_byline(tmp_path: Path, head: str, before: str) -> None:
    assert load(tmp_path, page(before + PROSE, head=head)).byline is None


# --- dates --------------------------------------------------------------------------------


def meta_date(value: str) -> str:
    return f'<meta property="article:published_time" content="{value}">'


def canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def test_a_url_date_that_contradicts_the_metadata_is_reported_not_taken(tmp_path: Path) -> None:
    head = meta_date("2021-03-02T09:15:00+00:00") + canonical("https://paper.example/2021/05/17/night-buses/")
    article = load(tmp_path, page(head=head))
    assert article.published == "2021-03-02"
    assert article.notes == (
        "dates disagree: the URL says 2021-05-17, the page's metadata 2021-03-02 (published: 2021-03-02)",
    )


def test_a_title_date_that_contradicts_the_metadata_is_reported(tmp_path: Path) -> None:
    article = load(tmp_path, page(head=meta_date("2021-03-02"), title="Night buses expand | 14.09.2020"))
    assert article.published == "2021-03-02"
    assert article.notes == (
        "dates disagree: the title says 2020-09-14, the page's metadata 2021-03-02 (published: 2021-03-02)",
    )


@pytest.mark.parametrize(
    ("metadata", "url", "title"),
    [
        # late in the evening west of Greenwich: the next day in UTC
        ("2021-03-03T04:30:00+00:00", "https://paper.example/2021/03/02/night-buses/", "Night buses expand"),
        ("2021-03-02", "https://paper.example/2021/03/night-buses/", "Night buses expand"),
        ("2021-03-02", "https://paper.example/news/night-buses-2021/", "Night buses expand, March 2, 2021"),
    ],
)
def test_dates_that_agree_give_no_note(tmp_path: Path, metadata: str, url: str, title: str) -> None:
    article = load(tmp_path, page(head=meta_date(metadata) + canonical(url), title=title))
    assert article.notes == ()
    assert article.published is not None and article.published.startswith("2021-03-0")


def test_dates_in_urls_and_titles() -> None:
    assert url_date("https://a.example/2019/7/3/123/slug").first.isoformat() == "2019-07-03"  # type: ignore[union-attr]
    assert url_date("https://a.example/2019-03-29-leader/").first.isoformat() == "2019-03-29"  # type: ignore[union-attr]
    month = url_date("https://a.example/2019/06/polo/")
    assert month is not None and (month.first.isoformat(), month.last.isoformat()) == ("2019-06-01", "2019-06-30")
    assert url_date("https://a.example/2019/13/45/x") is None
    assert url_date("https://a.example/story/146774/") is None
    assert url_date("https://a.example/x?d=2019/07/03") is None
    assert title_date("Letters | Jan. 16, 2023").first.isoformat() == "2023-01-16"  # type: ignore[union-attr]
    assert title_date("Berlin | DW | 19.01.2020").first.isoformat() == "2020-01-19"  # type: ignore[union-attr]
    assert title_date("Emissions dipped in 2019") is None
    assert title_date("31 February 2020 never was") is None


def test_without_metadata_a_title_that_contradicts_the_page_date_is_reported() -> None:
    published, notes = check_published("2019-07-03", None, None, "Review of the year, 5 December 2018")
    assert published == "2019-07-03"
    assert notes == ("dates disagree: the title says 2018-12-05, the page's date 2019-07-03 (published: 2019-07-03)",)


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = page(head=meta_date("2020-02-01T08:00:00Z")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def local_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_address_a_page_was_read_from_is_checked_when_it_names_none(local_site: str) -> None:
    article = load_article(f"{local_site}/news/2019/11/05/night-buses.html")
    assert article.published == "2020-02-01"
    assert article.notes == (
        "dates disagree: the URL says 2019-11-05, the page's metadata 2020-02-01 (published: 2020-02-01)",
    )


def test_extract_html_without_a_page_address_checks_no_url() -> None:
    result = extract_html(page(head=meta_date("2020-02-01")))
    assert result is not None and result.notes == () and result.url is None
