"""The Markdown exporter, on documents built by hand (independent of the classifier)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from reader.core.model import (
    DateMention,
    Document,
    Label,
    NumericClaim,
    Sentence,
    SentenceKind,
    Source,
    SourceType,
    Span,
)
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.export.markdown import (
    Provenance,
    escape_cell,
    escape_inline,
    escape_line_start,
    format_value,
)
from reader.export.markdown import to_markdown as _to_markdown

FIXED = Provenance(source="news/budget.txt", analysed_on=date(2026, 3, 5), version="9.9")


def to_markdown(doc: Document, provenance: Provenance = FIXED) -> str:
    """The exporter with a fixed date and version, so the output does not change with the day."""
    return _to_markdown(doc, provenance=provenance)


def make_document(
    paragraphs: list[list[tuple[str, Label, str | None, SentenceKind]]],
    *,
    sources: tuple[Source, ...] = (),
    numbers: tuple[NumericClaim, ...] = (),
    dates: tuple[DateMention, ...] = (),
    title: str | None = "A test article",
    byline: str | None = None,
    published: str | None = None,
) -> Document:
    """A Document whose text is the paragraphs joined, one paragraph a line, offsets exact."""
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        for s, (sentence_text, label, source_id, kind) in enumerate(paragraph):
            if s:
                text_parts.append(" ")
                offset += 1
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=offset,
                    end=offset + len(sentence_text),
                    text=sentence_text,
                    kind=kind,
                    paragraph=p,
                    label=label,
                    source_id=source_id,
                )
            )
            text_parts.append(sentence_text)
            offset += len(sentence_text)
        text_parts.append("\n")
        offset += 1
    return Document(
        text="".join(text_parts),
        title=title,
        sentences=tuple(sentences),
        sources=sources,
        numbers=numbers,
        dates=dates,
        byline=byline,
        published=published,
    )


PLAIN = SentenceKind.SENTENCE
MINISTER = Source(
    id="s1",
    name="Ines Moreau",
    type=SourceType.OFFICIAL,
    role="finance minister",
    mentions=(Span(0, 5),),
    sentences=(0, 1),
)
PAPER = Source(
    id="s2",
    name="The Harbour Times",
    type=SourceType.MEDIA,
    role="newspaper",
    mentions=(Span(60, 77),),
    sentences=(2,),
)


def sample_document() -> Document:
    doc = make_document(
        [
            [("Budget passes: minister", Label.OFFICIAL, "s1", SentenceKind.HEADING)],
            [
                (
                    "The budget grows by 1,200 square kilometers of parks, Moreau said.",
                    Label.OFFICIAL,
                    "s1",
                    PLAIN,
                ),
                ("The Harbour Times reported 40% support.", Label.THIRD_PARTY, "s2", PLAIN),
            ],
            [("The vote came on Tuesday.", Label.UNATTRIBUTED, None, PLAIN)],
        ],
        sources=(MINISTER, PAPER),
        byline="Sam Okafor",
        published="2026-03-04",
    )
    text = doc.text
    km = text.index("1,200 square kilometers")
    pct = text.index("40%")
    tuesday = text.index("Tuesday")
    numbers = (
        NumericClaim(km, km + 23, "1,200 square kilometers", 1200, "square kilometers", "more than", 1, "s1"),
        NumericClaim(km, km + 23, "463 square miles", 463, "square miles", None, 1, "s1", converts=0),
        NumericClaim(pct, pct + 3, "40%", 40, "percent", None, 2, "s2"),
    )
    dates = (DateMention(tuesday, tuesday + 7, "Tuesday", 3),)
    return Document(
        text=doc.text,
        title=doc.title,
        sentences=doc.sentences,
        sources=doc.sources,
        numbers=numbers,
        dates=dates,
        byline=doc.byline,
        published=doc.published,
    )


def split_cells(row: str) -> list[str]:
    """The cells of a GFM table row: split on pipes not escaped by a backslash."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row[1:-1])]


def line_of(markdown: str, needle: str) -> str:
    matches = [line for line in markdown.splitlines() if needle in line]
    assert len(matches) == 1, (needle, matches)
    return matches[0]


def test_legend_has_one_marker_and_name_per_class() -> None:
    assert set(MARKERS) == set(Label) == set(LABEL_NAMES)
    assert len(set(MARKERS.values())) == len(Label)


def test_sections_come_in_order() -> None:
    md = to_markdown(sample_document())
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# A test article",
        "## Summary",
        "## Sentences by class",
        "## Sources",
        "## Numeric claims",
        "## Dates",
        "## The article, sentence by sentence",
        "### Budget passes: minister ●",  # the subheading, as a heading
        "## Why each label",
    ]
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_provenance_at_the_top() -> None:
    md = to_markdown(sample_document())
    assert md.splitlines()[:6] == [
        "# A test article",
        "",
        "By: Sam Okafor  ",
        "Published: 2026-03-04 (as the page gives it)  ",
        "Source: `news/budget.txt`  ",
        "Analysed: 2026-03-05 with reader 9.9",
    ]


def test_provenance_defaults_to_today_and_this_version() -> None:
    from reader import __version__

    doc = make_document([[("Just one line.", Label.UNATTRIBUTED, None, PLAIN)]], title=None)
    md = _to_markdown(doc)
    analysed = f"Analysed: {date.today().isoformat()} with reader {__version__}"
    assert md.splitlines()[:3] == ["# Untitled article", "", analysed]


def test_summary_first_counts_sentences_sources_by_type_and_unsourced_numbers() -> None:
    doc = sample_document()
    anonymous = Source("s3", "a source close to the talks", SourceType.ANONYMOUS, None, (), ())
    unsourced = NumericClaim(
        doc.text.index("Tuesday"), doc.text.index("Tuesday") + 7, "3 votes", 3, "votes", None, 3, None
    )
    md = to_markdown(replace(doc, sources=(*doc.sources, anonymous), numbers=(*doc.numbers, unsourced)))
    summary = md.split("## Summary\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert summary == [
        "- **3 sentences**: ● 1 official (33%), ◆ 1 third party (33%), ○ 1 unattributed (33%).",
        "- **3 sources**: 1 official source, 1 outlet, 1 anonymous source.",
        "- **1 numeric claim no one is named for**: 3 votes (sentence 3).",
    ]


def test_tally_counts_each_class_over_sentences_only() -> None:
    md = to_markdown(sample_document())  # its official heading is shown, not counted
    assert line_of(md, "| ● official | 1 |") == "| ● official | 1 | 33% |"
    assert line_of(md, "| ◆ third party | 1 |") == "| ◆ third party | 1 | 33% |"
    assert line_of(md, "| ○ unattributed | 1 |") == "| ○ unattributed | 1 | 33% |"
    assert line_of(md, "| total |") == "| total | 3 | 100% |"


def test_captions_and_separators_are_not_counted() -> None:
    doc = make_document(
        [
            [("Rain all week.", Label.UNATTRIBUTED, None, PLAIN)],
            [("-", Label.UNATTRIBUTED, None, PLAIN)],
            [("Boats in port (Photo: staff)", Label.UNATTRIBUTED, None, SentenceKind.CAPTION)],
        ]
    )
    md = to_markdown(doc)
    assert line_of(md, "| ○ unattributed | 1 |") == "| ○ unattributed | 1 | 100% |"


def test_sources_table_rows() -> None:
    md = to_markdown(sample_document())
    minister = "| ● Ines Moreau | official | finance minister | heading, 1 |"
    paper = "| ◆ The Harbour Times | media | newspaper | 2 |"
    assert line_of(md, "| ● Ines Moreau |") == minister
    assert line_of(md, "| ◆ The Harbour Times |") == paper


def test_numbers_table_shows_hedges_sources_and_conversions() -> None:
    md = to_markdown(sample_document())
    assert line_of(md, "| 1,200 square") == (
        "| 1,200 square kilometers | 1,200 | square kilometers | more than | Ines Moreau | 1 |"
    )
    assert line_of(md, "463 square miles") == (
        "| = 463 square miles (conversion of 1,200 square kilometers) | 463 | square miles | — | Ines Moreau | 1 |"
    )
    assert line_of(md, "| 40% |") == "| 40% | 40 | percent | — | The Harbour Times | 2 |"


def test_dates_list() -> None:
    md = to_markdown(sample_document())
    assert line_of(md, "- Tuesday") == "- Tuesday (sentence 3)"  # numbered among sentences, not headings


def annotated(md: str) -> list[str]:
    return md.split("## The article, sentence by sentence\n", 1)[1].split("\n\n## ", 1)[0].splitlines()


def test_annotated_text_numbers_each_sentence_with_class_and_source() -> None:
    assert annotated(to_markdown(sample_document())) == [
        "",
        "● official · ◆ third party · ○ unattributed",
        "",
        "### Budget passes: minister ●",
        "",
        "● **1** *official · Ines Moreau*: The budget grows by 1,200 square kilometers of parks, Moreau said.  ",
        "◆ **2** *third party · The Harbour Times*: The Harbour Times reported 40% support.",
        "",
        "○ **3** *unattributed*: The vote came on Tuesday.",
    ]


def test_a_multi_sentence_quote_is_one_paragraph_with_one_label() -> None:
    quote = [
        ('"We will build it.', Label.OFFICIAL, "s1", PLAIN),
        ("It will be ready by June.", Label.OFFICIAL, "s1", PLAIN),
        ('Nothing will stop us," Moreau said.', Label.OFFICIAL, "s1", PLAIN),
        ("Critics disagreed.", Label.UNATTRIBUTED, None, PLAIN),
    ]
    md = to_markdown(make_document([quote], sources=(MINISTER,)))
    assert annotated(md)[3:] == [
        '● **1–3** *official · Ines Moreau*: "We will build it. It will be ready by June. '
        'Nothing will stop us," Moreau said.  ',
        "○ **4** *unattributed*: Critics disagreed.",
    ]
    assert line_of(md, "| 1–3 |") == "| 1–3 | ● official | no attribution cue: the writer's own statement |"


def test_captions_and_separators_are_shown_but_not_numbered() -> None:
    doc = make_document(
        [
            [("Rain all week.", Label.UNATTRIBUTED, None, PLAIN)],
            [("***", Label.UNATTRIBUTED, None, PLAIN)],
            [("Boats in port (Photo: staff)", Label.UNATTRIBUTED, None, SentenceKind.CAPTION)],
            [("More rain.", Label.UNATTRIBUTED, None, PLAIN)],
        ]
    )
    assert annotated(to_markdown(doc))[3:] == [
        "○ **1** *unattributed*: Rain all week.",
        "",
        "---",
        "",
        "*Caption:* Boats in port (Photo: staff)",
        "",
        "○ **2** *unattributed*: More rain.",
    ]


def test_every_label_has_its_reason() -> None:
    doc = sample_document()
    sentences = tuple(replace(s, reason=f"reason {s.index} | with a pipe") for s in doc.sentences)
    md = to_markdown(replace(doc, sentences=sentences))
    reasons = md.split("## Why each label\n\n", 1)[1].splitlines()
    assert reasons == [
        "| Sentence | Class | Why |",
        "|---:|---|---|",
        "| heading | ● official | reason 0 \\| with a pipe |",
        "| 1 | ● official | reason 1 \\| with a pipe |",
        "| 2 | ◆ third party | reason 2 \\| with a pipe |",
        "| 3 | ○ unattributed | reason 3 \\| with a pipe |",
    ]


@pytest.mark.parametrize(
    ("raw", "rendered"),
    [
        ("Rates rose *sharply* today.", r"Rates rose \*sharply\* today."),
        ("The file_name_here stays.", r"The file\_name\_here stays."),
        ("Run `rm` now.", r"Run \`rm\` now."),
        ("A <b>bold</b> tag.", r"A \<b\>bold\</b\> tag."),
        ("See [1] and [note](x).", r"See \[1\] and \[note\](x)."),
        ("Left | right.", r"Left \| right."),
        ("A back\\slash.", r"A back\\slash."),
        ("Strike ~~this~~ out.", r"Strike \~\~this\~\~ out."),
        ("Fish &amp; chips &#35; AT&T.", r"Fish \&amp; chips \&#35; AT&T."),
        ("Ranked #1 in the poll.", "Ranked #1 in the poll."),
        ("From $48 billion to $2 billion.", r"From \$48 billion to \$2 billion."),
    ],
)
def test_inline_escaping_in_the_annotated_line(raw: str, rendered: str) -> None:
    doc = make_document([[(raw, Label.UNATTRIBUTED, None, PLAIN)]])
    line = line_of(to_markdown(doc), "○ **1** *unattributed*:")
    assert line == f"○ **1** *unattributed*: {rendered}"


@pytest.mark.parametrize(
    ("raw", "rendered"),
    [
        ("# Not a heading", r"\# Not a heading"),
        ("## Nor this", r"\## Nor this"),
        ("> Not a quote", r"\> Not a quote"),
        ("- Not a list", r"\- Not a list"),
        ("+ Not a list", r"\+ Not a list"),
        ("* Not a list", r"\* Not a list"),
        ("1. Not a list", r"1\. Not a list"),
        ("12) Not a list", r"12\) Not a list"),
        ("===", r"\==="),
        ("---", r"\---"),
        ("--", r"\--"),
        ("- - -", r"\- - -"),
        ("```python", r"\`\`\`python"),
        ("3.5 million people", "3.5 million people"),
        ("-5 degrees", "-5 degrees"),
    ],
)
def test_line_start_never_becomes_a_block(raw: str, rendered: str) -> None:
    assert escape_inline(raw) == rendered
    # Where article text starts a line: the title and the dates list.
    doc = make_document([[("x.", Label.UNATTRIBUTED, None, PLAIN)]], title=raw)
    assert to_markdown(doc).splitlines()[0] == f"# {rendered}"


def test_escape_line_start_alone() -> None:
    assert escape_line_start("> quoted") == r"\> quoted"
    assert escape_line_start("plain") == "plain"


def test_table_row_with_pipes_keeps_its_cells() -> None:
    odd = Source(
        id="s9",
        name="Pipe | Works",
        type=SourceType.OTHER,
        role="a | b\nc",
        mentions=(),
        sentences=(0,),
    )
    doc = make_document([[("Pipe | Works said so.", Label.THIRD_PARTY, "s9", PLAIN)]], sources=(odd,))
    row = line_of(to_markdown(doc), "Pipe \\| Works |")
    assert split_cells(row) == ["◆ Pipe \\| Works", "other", "a \\| b c", "1"]


def test_cells_never_hold_newlines_and_empty_cells_show_a_dash() -> None:
    assert escape_cell("two\nlines") == "two lines"
    assert escape_cell(None) == "—"
    assert escape_cell("  ") == "—"


def test_sentence_with_newline_stays_on_one_line() -> None:
    doc = make_document([[("Line one\n# line two.", Label.UNATTRIBUTED, None, PLAIN)]])
    assert line_of(to_markdown(doc), "Line one") == "○ **1** *unattributed*: Line one # line two."


def test_control_characters_are_neutralised() -> None:
    nasty = "Alert\x1b[31m red\x07 and \u202eevil\x00."
    doc = make_document(
        [[(nasty, Label.UNATTRIBUTED, None, PLAIN)]],
        title="Title\x1b]0;owned\x07",
        byline="Eve\x1b[2J",
    )
    md = to_markdown(doc)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", md)
    assert md.splitlines()[0] == "# Title␛\\]0;owned␇"
    assert "By: Eve␛\\[2J" in md
    expected = "○ **1** *unattributed*: Alert␛\\[31m red␇ and \\<U+202E\\>evil␀."
    assert line_of(md, "○ **1**") == expected


def test_empty_sections_say_so() -> None:
    doc = make_document([[("Nothing here.", Label.UNATTRIBUTED, None, PLAIN)]])
    md = to_markdown(doc)
    for message in ("No sources found.", "No numeric claims found.", "No dates found."):
        assert message in md.splitlines()


@pytest.mark.parametrize(
    ("value", "text"),
    [(1100, "1,100"), (2.5, "2.5"), (1.1 * 1_000_000, "1,100,000"), (0.125, "0.125"), (-3, "-3")],
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text


def test_a_range_shows_both_ends() -> None:
    doc = sample_document()
    pos = doc.text.index("40%")
    ranged = NumericClaim(pos, pos + 3, "between 40 and 45%", 40, "percent", None, 2, "s2", high=45)
    md = to_markdown(replace(doc, numbers=(ranged,)))
    expected = "| between 40 and 45% | 40–45 | percent | — | The Harbour Times | 2 |"
    assert line_of(md, "between 40") == expected


def _render(md: str) -> tuple[list, str]:
    """Tokens and HTML as CommonMark with GitHub's tables and strikethrough."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return parser.parse(md), parser.render(md)


def test_hostile_article_renders_to_the_intended_structure() -> None:
    """Parsed as CommonMark + GFM tables: only the exporter's own markup comes out."""
    hostile = [
        "# Breaking: *all* [links](http://x) and `code` <b>here</b>.",
        "> A quote | with a pipe ~~gone~~ and $5 to $6.",
        "- 1. nested _list_ &amp; more <script>alert(1)</script>.",
        "Mail me@example.com or see www.example.com and https://example.org/a_b*c.",
    ]
    source = Source("s1", "Bad | Name *x*", SourceType.MEDIA, "role [x]", (), (0, 1, 2, 3))
    doc = make_document(
        [[(text, Label.THIRD_PARTY, "s1", PLAIN) for text in hostile]],
        sources=(source,),
        title="<script>alert(1)</script> # Title",
        byline="*Eve*",
    )
    tokens, html = _render(to_markdown(doc))
    types = [t.type for t in tokens]
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h1"] + ["h2"] * 7
    assert types.count("table_open") == 3  # classes, sources, reasons
    cells_per_row = []
    for t in types:
        if t == "tr_open":
            cells_per_row.append(0)
        elif t in ("th_open", "td_open"):
            cells_per_row[-1] += 1
    assert cells_per_row == [3] * 5 + [4] * 2 + [3] * 2
    assert "blockquote_open" not in types and "ordered_list_open" not in types
    assert types.count("bullet_list_open") == 1  # the summary's own list
    inline = [child for t in tokens if t.type == "inline" for child in t.children or ()]
    allowed = {"text", "strong_open", "strong_close", "em_open", "em_close", "hardbreak", "softbreak", "code_inline"}
    assert {child.type for child in inline} <= allowed
    assert "<a " not in html and "<script" not in html and "<b>" not in html
    # Addresses GitHub would link by itself are code, never links.
    codes = [child.content for child in inline if child.type == "code_inline"]
    assert {"me@example.com", "www.example.com", "https://example.org/a_b*c."} <= set(codes)


def test_the_report_renders_as_html_with_every_sentence_numbered() -> None:
    doc = sample_document()
    _, html = _render(to_markdown(doc))
    assert "<h3>Budget passes: minister ●</h3>" in html
    for number in (1, 2, 3):
        assert f"<strong>{number}</strong>" in html
    assert html.count("<table>") == 4  # classes, sources, numbers, reasons


SAMPLES = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "sample_articles").iterdir()
    if p.suffix in {".txt", ".md", ".html"}
)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_exports_to_well_formed_markdown(sample: Path) -> None:
    """Whatever the classifier decides: one title, the sections, every sentence numbered once."""
    from reader.core.analyze import analyze
    from reader.export.markdown import is_claim
    from reader.load import load_article

    article = load_article(sample)
    doc = analyze(article.text, title=article.title, byline=article.byline, published=article.published)
    md = to_markdown(doc)
    tokens, html = _render(md)
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings[0] == "h1" and headings.count("h1") == 1 and headings.count("h2") == 7
    assert headings.count("h3") == sum(s.kind is SentenceKind.HEADING for s in doc.sentences)
    assert "<a " not in html
    numbered = re.findall(r"^[●◆○] \*\*(\d+)(?:–(\d+))?\*\* ", "\n".join(annotated(md)), re.M)
    seen = []
    for first, last in numbered:
        seen += list(range(int(first), int(last or first) + 1))
    assert seen == list(range(1, sum(is_claim(s) for s in doc.sentences) + 1))
