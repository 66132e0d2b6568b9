"""The annotated summary of an analysis, as a Markdown report an editor can read and keep.

In order: the title and where it comes from (byline, published date, source, when and with
which version it was analysed); a short summary (sentences per class, the sources by type, the
numbers no one is named for); the class table, the sources, the numeric claims and the dates,
pointing at sentences by number; the article itself, with its subheadings as headings and every
sentence numbered and tagged with its class and source (a run of sentences from one source, a
multi-sentence quote, is one paragraph with one tag); then why each label was given.

With the reader's corrections (``reader.corrections``), the provenance block counts them, and
every corrected class, source, type and number says so, with what the analysis said.

The output is GitHub-flavoured Markdown that also reads well as plain text. Every piece of
article text is neutralised (no control characters or escape sequences) and escaped for the
place it lands in: no article can add a heading, a list, a link, an HTML tag or a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reader.core.model import Document, Label, NumericClaim, Sentence, SentenceKind, Source, SourceType
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.safe_text import neutralize

if TYPE_CHECKING:
    from reader.corrections.apply import Corrected

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
# What GitHub turns into a link by itself (its autolink extension): web addresses and e-mail
# addresses. Such a token is written as code, which no renderer links.
_AUTOLINK = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


# -- what counts --------------------------------------------------------------------


def is_separator(sentence: Sentence) -> bool:
    """A unit without a letter or digit: a lone "-", "***" or "* * *" line."""
    return not any(char.isalnum() for char in sentence.text)


def is_claim(sentence: Sentence) -> bool:
    """A running-text sentence with words in it: what the tally counts and claim keys visit
    (``Sentence.is_claim``; headings and captions are shown but are not claims)."""
    return sentence.is_claim


def claim_tally(doc: Document) -> dict[Label, int]:
    """How many claims (sentences, not headings, captions or separators) fall in each class."""
    counts = {label: 0 for label in Label}
    for sentence in doc.sentences:
        if is_claim(sentence):
            counts[sentence.label] += 1
    return counts


def sentence_numbers(doc: Document) -> list[int | None]:
    """Per unit, its number among the article's sentences (1, 2, …), or None for a heading,
    caption or separator: the numbers the summary, its tables and the app's panes point with."""
    numbers: list[int | None] = []
    count = 0
    for sentence in doc.sentences:
        if is_claim(sentence):
            count += 1
            numbers.append(count)
        else:
            numbers.append(None)
    return numbers


# -- escaping -----------------------------------------------------------------------


def _escape_text(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&", text)


def _code(text: str) -> str:
    """``text`` as a code span: shown as typed, never a link."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_inline(text: str) -> str:
    """Article text made inert inside a Markdown line: one line, no active markup, no link."""
    text = _WHITESPACE_RUN.sub(" ", neutralize(text)).strip()
    parts = []
    at = 0
    for match in _AUTOLINK.finditer(text):
        parts.append(_escape_text(text[at : match.start()]))
        parts.append(_code(match.group()))
        at = match.end()
    parts.append(_escape_text(text[at:]))
    return escape_line_start("".join(parts))


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


# -- values -------------------------------------------------------------------------


def format_value(value: float) -> str:
    """A number as a reader writes it: ``1,100``, ``2.5``, ``1,100,000``."""
    if abs(value - round(value)) < 1e-6:
        return f"{round(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def value_text(claim: NumericClaim) -> str:
    """The normalised value, or ``low–high`` for a range: ``2,300,000,000``, ``15–20``."""
    if claim.high is None:
        return format_value(claim.value)
    return f"{format_value(claim.value)}–{format_value(claim.high)}"


# -- blocks -------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _where(numbers: list[int | None], doc: Document, index: int) -> str:
    """How a table points at a unit: its sentence number, or what it is."""
    number = numbers[index] if 0 <= index < len(numbers) else None
    if number is not None:
        return str(number)
    return doc.sentences[index].kind.value if 0 <= index < len(doc.sentences) else EMPTY_CELL


@dataclass(frozen=True)
class Provenance:
    """Where an analysis comes from, for the top of the report."""

    source: str | None = None  # the file or address the article was read from
    analysed_on: date | None = None  # today when None
    version: str | None = None  # reader's own when None


def _corrections_fact(corrected: Corrected | None) -> tuple[str, str] | None:
    """``Corrections: 3 by the reader (`story.txt.reader.json`)``, or None when there are none."""
    if corrected is None or not (corrected.applied or corrected.unanchored):
        return None
    text = f"{_plural(corrected.count, 'correction')} by the reader"
    if corrected.file is not None:
        text += f" ({_code(neutralize(corrected.file.name).replace(chr(10), ' '))})"
    if corrected.unanchored:
        text += f"; {_plural(len(corrected.unanchored), 'other')} no longer found in the text, not applied"
    return "Corrections", text


def _title_block(doc: Document, provenance: Provenance, corrected: Corrected | None = None) -> list[str]:
    from reader import __version__

    title = doc.title if doc.title and doc.title.strip() else UNTITLED
    lines = ["# " + escape_inline(title), ""]
    facts = []
    if doc.byline and doc.byline.strip():
        byline = escape_inline(doc.byline)
        facts.append(("By", byline[3:] if byline.lower().startswith("by ") else byline))
    if doc.published and doc.published.strip():
        facts.append(("Published", escape_inline(doc.published) + " (as the page gives it)"))
    if provenance.source:
        facts.append(("Source", _code(neutralize(provenance.source).replace("\n", " "))))
    analysed_on = provenance.analysed_on or date.today()
    facts.append(("Analysed", f"{analysed_on.isoformat()} with reader {provenance.version or __version__}"))
    corrections = _corrections_fact(corrected)
    if corrections is not None:
        facts.append(corrections)
    return lines + [f"{name}: {value}  " for name, value in facts[:-1]] + [f"{facts[-1][0]}: {facts[-1][1]}"]


_SOURCE_NOUNS = {
    SourceType.OFFICIAL: ("official source", "official sources"),
    SourceType.MEDIA: ("outlet", "outlets"),
    SourceType.EXPERT: ("expert", "experts"),
    SourceType.ANONYMOUS: ("anonymous source", "anonymous sources"),
    SourceType.OTHER: ("other source", "other sources"),
}


def _summary_block(doc: Document, numbers: list[int | None]) -> list[str]:
    tally = claim_tally(doc)
    total = sum(tally.values())
    shares = ", ".join(
        f"{MARKERS[label]} {tally[label]} {LABEL_NAMES[label]}"
        + (f" ({100 * tally[label] / total:.0f}%)" if total else "")
        for label in Label
    )
    by_type = [
        _plural(count, *_SOURCE_NOUNS[kind])
        for kind in SourceType
        if (count := sum(1 for src in doc.sources if src.type is kind))
    ]
    unsourced = [n for n in doc.numbers if n.source_id is None and n.converts is None]
    lines = [
        "## Summary",
        "",
        f"- **{_plural(total, 'sentence')}**: {shares}.",
        f"- **{_plural(len(doc.sources), 'source')}**" + (f": {', '.join(by_type)}." if by_type else "."),
    ]
    if unsourced:
        shown = "; ".join(f"{escape_inline(n.text)} ({_where_text(numbers, doc, n.sentence)})" for n in unsourced[:10])
        more = f"; and {len(unsourced) - 10} more" if len(unsourced) > 10 else ""
        lines.append(f"- **{_plural(len(unsourced), 'numeric claim')} no one is named for**: {shown}{more}.")
    else:
        lines.append("- **Every numeric claim has a named source.**" if doc.numbers else "- **No numeric claims.**")
    return lines


def _where_text(numbers: list[int | None], doc: Document, index: int) -> str:
    where = _where(numbers, doc, index)
    return f"sentence {where}" if where.isdigit() else f"in a {where}"


def _tally_block(doc: Document) -> list[str]:
    tally = claim_tally(doc)
    total = sum(tally.values())
    rows = []
    for label in Label:
        share = f"{100 * tally[label] / total:.0f}%" if total else EMPTY_CELL
        rows.append((f"{MARKERS[label]} {LABEL_NAMES[label]}", str(tally[label]), share))
    rows.append(("total", str(total), "100%" if total else EMPTY_CELL))
    table = _table(("Class", "Sentences", "Share"), rows, ("---", "---:", "---:"))
    return ["## Sentences by class", "", "Headings and captions are shown below but not counted.", "", *table]


def _source_cells(src: Source, corrected: Corrected | None) -> tuple[str, str]:
    """The name and type cells of a source, saying what the reader corrected."""
    name, kind = escape_cell(src.name), src.type.value
    note = corrected.sources.get(src.id) if corrected is not None else None
    if note is None:
        return name, kind
    if note.name != src.name:
        name += f" (corrected; the analysis said {escape_inline(note.name)})"
    if note.merged:
        name += f" (merged with {', '.join(escape_inline(n) for n in note.merged)})"
    if note.type is not src.type:
        kind += f" (corrected; was {note.type.value})"
    return name, kind


def _sources_block(doc: Document, numbers: list[int | None], corrected: Corrected | None = None) -> list[str]:
    lines = ["## Sources", ""]
    if not doc.sources:
        return [*lines, "No sources found."]
    cells = {src.id: _source_cells(src, corrected) for src in doc.sources}
    rows = [
        (
            f"{MARKERS[src.label]} {cells[src.id][0]}",
            cells[src.id][1],
            escape_cell(src.role),
            ", ".join(_where(numbers, doc, i) for i in sorted(src.sentences)) or EMPTY_CELL,
        )
        for src in doc.sources
    ]
    header = ("Source", "Type", "Role", "Sentences")
    return lines + _table(header, rows, ("---", "---", "---", "---"))


def _claim_cell(claim: NumericClaim, numbers: Sequence[NumericClaim]) -> str:
    cell = escape_cell(claim.text)
    if claim.converts is not None and 0 <= claim.converts < len(numbers):
        original = escape_inline(numbers[claim.converts].text)
        cell = f"= {cell} (conversion of {original})"
    return cell


def _numbers_block(doc: Document, numbers: list[int | None], corrected: Corrected | None = None) -> list[str]:
    lines = ["## Numeric claims", ""]
    if not doc.numbers:
        return [*lines, "No numeric claims found."]
    rows = []
    for k, claim in enumerate(doc.numbers):
        source = doc.source(claim.source_id)
        said = escape_cell(source.name) if source else "unattributed"
        if corrected is not None and k in corrected.numbers:
            said += " (corrected)"
        rows.append(
            (
                _claim_cell(claim, doc.numbers),
                value_text(claim),
                escape_cell(claim.unit),
                escape_cell(claim.hedge),
                said,
                _where(numbers, doc, claim.sentence),
            )
        )
    return lines + _table(
        ("Claim", "Value", "Unit", "Hedge", "Source", "Sentence"), rows, ("---", "---:", "---", "---", "---", "---:")
    )


def _dates_block(doc: Document, numbers: list[int | None]) -> list[str]:
    lines = ["## Dates", ""]
    if not doc.dates:
        return [*lines, "No dates found."]
    return lines + [f"- {escape_inline(d.text)} ({_where_text(numbers, doc, d.sentence)})" for d in doc.dates]


def sentence_tag(doc: Document, sentence: Sentence, corrected: Corrected | None = None) -> str:
    """The class and source of a sentence, as the annotated text tags it: ``official · Ines Moreau``;
    corrected by the reader: ``official (corrected; was third party) · Ines Moreau``."""
    parts = [LABEL_NAMES[sentence.label] + _corrected_note(sentence, corrected)]
    source = doc.source(sentence.source_id)
    if source is not None:
        parts.append(escape_inline(source.name))
    return " · ".join(parts)


def _corrected_note(sentence: Sentence, corrected: Corrected | None) -> str:
    """`` (corrected; was third party)`` for a sentence the reader corrected, else ``""``."""
    note = corrected.sentences.get(sentence.index) if corrected is not None else None
    if note is None:
        return ""
    if note.label is sentence.label:
        was = f"source was {escape_inline(note.source_name)}" if note.source_name else "had no source"
        return f" (corrected; {was})"
    return f" (corrected; was {LABEL_NAMES[note.label]})"


def _runs(doc: Document, numbers: list[int | None], corrected: Corrected | None = None) -> list[list[Sentence]]:
    """The units in order, a run of consecutive sentences of one paragraph from one source together
    (a multi-sentence quote is one run), as long as they are all corrected alike; every other unit alone."""
    notes = corrected.sentences if corrected is not None else {}
    runs: list[list[Sentence]] = []
    for sentence in doc.sentences:
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and sentence.attributed
            and numbers[sentence.index] is not None
            and numbers[previous.index] is not None
            and previous.paragraph == sentence.paragraph
            and previous.label is sentence.label
            and previous.source_id == sentence.source_id
            and notes.get(previous.index) == notes.get(sentence.index)
        ):
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


def _span_of(numbers: list[int | None], run: list[Sentence]) -> str:
    first, last = numbers[run[0].index], numbers[run[-1].index]
    return str(first) if first == last else f"{first}–{last}"


def _annotated_block(doc: Document, numbers: list[int | None], corrected: Corrected | None = None) -> list[str]:
    legend = " · ".join(f"{MARKERS[label]} {LABEL_NAMES[label]}" for label in Label)
    lines = ["## The article, sentence by sentence", "", legend]
    paragraph: int | None = None
    for run in _runs(doc, numbers, corrected):
        first = run[0]
        text = " ".join(escape_inline(s.text) for s in run)
        if first.kind is SentenceKind.HEADING:
            marker = f" {MARKERS[first.label]}" if first.attributed else ""
            lines += ["", f"### {text}{marker}"]
            paragraph = None
            continue
        if first.kind is SentenceKind.CAPTION:
            lines += ["", f"*Caption:* {text}"]
            paragraph = None
            continue
        if numbers[first.index] is None:  # a separator line
            lines += ["", "---"]
            paragraph = None
            continue
        line = f"{MARKERS[first.label]} **{_span_of(numbers, run)}** *{sentence_tag(doc, first, corrected)}*: {text}"
        if first.paragraph != paragraph:
            paragraph = first.paragraph
            lines += ["", line]
        else:
            lines[-1] += "  "  # a hard line break: one run per line within the paragraph
            lines.append(line)
    return lines


def _reasons_block(doc: Document, numbers: list[int | None], corrected: Corrected | None = None) -> list[str]:
    rows = [
        (
            _span_of(numbers, run) if numbers[run[0].index] is not None else run[0].kind.value,
            f"{MARKERS[run[0].label]} {LABEL_NAMES[run[0].label]}{_corrected_note(run[0], corrected)}",
            escape_cell(run[0].reason),
        )
        for run in _runs(doc, numbers, corrected)
        if numbers[run[0].index] is not None or run[0].attributed
    ]
    if not rows:
        return ["## Why each label", "", "Nothing to label."]
    return ["## Why each label", "", *_table(("Sentence", "Class", "Why"), rows, ("---:", "---", "---"))]


def to_markdown(doc: Document, *, provenance: Provenance | None = None, corrected: Corrected | None = None) -> str:
    """The analysis of ``doc`` as a Markdown report a reader can keep; ``corrected``: the reader's
    corrections ``doc`` carries (``doc`` is ``corrected.document``)."""
    provenance = provenance or Provenance()
    numbers = sentence_numbers(doc)
    blocks = [
        _title_block(doc, provenance, corrected),
        _summary_block(doc, numbers),
        _tally_block(doc),
        _sources_block(doc, numbers, corrected),
        _numbers_block(doc, numbers, corrected),
        _dates_block(doc, numbers),
        _annotated_block(doc, numbers, corrected),
        _reasons_block(doc, numbers, corrected),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
