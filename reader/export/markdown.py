"""A Markdown summary of an analysis: tally, sources, numbers, dates and the annotated text.

The output is GitHub-flavoured Markdown that also reads well as plain text. Every
piece of article text is neutralised (no control characters or escape sequences)
and escaped for the place it lands in, so no article can break the layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.core.model import Document, Label, NumericClaim, Sentence, SentenceKind
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.safe_text import neutralize

UNTITLED = "Untitled article"
EMPTY_CELL = "—"

# Characters that can start emphasis, code, links, HTML, tables, strikethrough or
# (on GitHub) math anywhere in a line: "$48 billion ... $2 billion" would render as
# a formula. Other punctuation is left alone so the text stays readable.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
# "&amp;", "&#35;": entity references would render as the character they name.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What turns the start of a line into a heading, quote, list, code fence or rule.
# A lone run of "=" or "-" is a setext underline or a thematic break.
_BLOCK_START = re.compile(r"^(#|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-=]+\s*$|`{3}|~{3})")
_WHITESPACE_RUN = re.compile(r"\s+")


def is_claim(sentence: Sentence) -> bool:
    """A running-text sentence with words in it: what the tally counts and claim keys visit.

    Headings and captions are shown but are not claims; a separator line ("-", "***") is no
    claim either (until the core stops emitting separators as units, it arrives as a sentence).
    """
    return sentence.kind is SentenceKind.SENTENCE and not is_separator(sentence)


def is_separator(sentence: Sentence) -> bool:
    """A unit without a letter or digit: a lone "-", "***" or "* * *" line."""
    return not any(char.isalnum() for char in sentence.text)


def claim_tally(doc: Document) -> dict[Label, int]:
    """How many claims (sentences, not headings, captions or separators) fall in each class."""
    counts = {label: 0 for label in Label}
    for sentence in doc.sentences:
        if is_claim(sentence):
            counts[sentence.label] += 1
    return counts


def escape_inline(text: str) -> str:
    """Article text made inert inside a Markdown line: one line, no active markup."""
    text = _WHITESPACE_RUN.sub(" ", neutralize(text)).strip()
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return escape_line_start(text)


def escape_line_start(text: str) -> str:
    """Escape what would make ``text`` a heading, quote, list or fence at the start of a line."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    token = match.group(1)
    if token[0].isdigit():
        # "1." -> "1\.": the number stays, the list marker goes.
        return token[:-1] + "\\" + text[len(token) - 1 :]
    return "\\" + text


def escape_cell(text: str | None) -> str:
    """Article text made safe inside a table cell (``|`` and newlines included)."""
    if text is None or not text.strip():
        return EMPTY_CELL
    return escape_inline(text)


def format_value(value: float) -> str:
    """A number as a reader writes it: ``1,100``, ``2.5``, ``1,100,000``."""
    if abs(value - round(value)) < 1e-6:
        return f"{round(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _title_block(doc: Document) -> list[str]:
    title = doc.title if doc.title and doc.title.strip() else UNTITLED
    lines = ["# " + escape_inline(title)]
    facts = []
    if doc.byline and doc.byline.strip():
        byline = escape_inline(doc.byline)
        facts.append(byline if byline.lower().startswith("by ") else "By " + byline)
    if doc.published and doc.published.strip():
        facts.append("Published " + escape_inline(doc.published))
    if facts:
        lines += ["", " · ".join(facts)]
    return lines


def _tally_block(doc: Document) -> list[str]:
    tally = claim_tally(doc)
    total = sum(tally.values())
    rows = []
    for label in Label:
        share = f"{100 * tally[label] / total:.0f}%" if total else EMPTY_CELL
        rows.append((f"{MARKERS[label]} {LABEL_NAMES[label]}", str(tally[label]), share))
    rows.append(("total", str(total), "100%" if total else EMPTY_CELL))
    table = _table(("Class", "Sentences", "Share"), rows, ("---", "---:", "---:"))
    return ["## Sentences by class", "", *table]


def _sources_block(doc: Document) -> list[str]:
    lines = ["## Sources", ""]
    if not doc.sources:
        return lines + ["No sources found."]
    rows = [
        (
            f"{MARKERS[src.label]} {escape_cell(src.name)}",
            src.type.value,
            escape_cell(src.role),
            str(len(src.sentences)),
        )
        for src in doc.sources
    ]
    header = ("Source", "Type", "Role", "Sentences")
    return lines + _table(header, rows, ("---", "---", "---", "---:"))


def _claim_cell(claim: NumericClaim, numbers: Sequence[NumericClaim]) -> str:
    cell = escape_cell(claim.text)
    if claim.converts is not None and 0 <= claim.converts < len(numbers):
        original = escape_inline(numbers[claim.converts].text)
        cell = f"= {cell} (conversion of {original})"
    return cell


def value_text(claim: NumericClaim) -> str:
    """The normalised value, or ``low–high`` for a range: ``2,300,000,000``, ``15–20``."""
    if claim.high is None:
        return format_value(claim.value)
    return f"{format_value(claim.value)}–{format_value(claim.high)}"


def _numbers_block(doc: Document) -> list[str]:
    lines = ["## Numeric claims", ""]
    if not doc.numbers:
        return lines + ["No numeric claims found."]
    rows = []
    for claim in doc.numbers:
        source = doc.source(claim.source_id)
        rows.append(
            (
                _claim_cell(claim, doc.numbers),
                value_text(claim),
                escape_cell(claim.unit),
                escape_cell(claim.hedge),
                escape_cell(source.name) if source else "unattributed",
            )
        )
    return lines + _table(
        ("Claim", "Value", "Unit", "Hedge", "Source"), rows, ("---", "---:", "---", "---", "---")
    )


def _dates_block(doc: Document) -> list[str]:
    lines = ["## Dates", ""]
    if not doc.dates:
        return lines + ["No dates found."]
    return lines + [f"- {escape_inline(d.text)} (sentence {d.sentence + 1})" for d in doc.dates]


def sentence_tag(doc: Document, sentence: Sentence) -> str:
    """The bracketed tag before a sentence: class, then source, then kind if not running text."""
    parts = [LABEL_NAMES[sentence.label]]
    source = doc.source(sentence.source_id)
    if source is not None:
        parts.append(escape_inline(source.name))
    if sentence.kind is not SentenceKind.SENTENCE:
        parts.append(sentence.kind.value)
    # Plain brackets are safe: article text never reaches the output unescaped,
    # so no link reference definition can turn the tag into a link.
    return f"{MARKERS[sentence.label]} **[{' · '.join(parts)}]**"


def _annotated_block(doc: Document) -> list[str]:
    legend = " · ".join(f"{MARKERS[label]} {LABEL_NAMES[label]}" for label in Label)
    lines = ["## Annotated text", "", legend]
    paragraph: int | None = None
    for sentence in doc.sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            lines.append("")
        else:
            # Two trailing spaces: a hard line break, one sentence per line.
            lines[-1] += "  "
        lines.append(f"{sentence_tag(doc, sentence)} {escape_inline(sentence.text)}")
    return lines


def to_markdown(doc: Document) -> str:
    """The analysis of ``doc`` as a Markdown document a reader can keep."""
    blocks = [
        _title_block(doc),
        _tally_block(doc),
        _sources_block(doc),
        _numbers_block(doc),
        _dates_block(doc),
        _annotated_block(doc),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
