"""Markdown -> clean prose: one line per heading and paragraph, blank lines between.

Parsed with markdown-it (CommonMark), so emphasis, links, images, list and
quote markers, code fences and HTML comments are understood, not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# YAML front matter: a first "key: value" line, then keys, indented lines, list
# items or blank lines, up to the closing "---". Only top-level keys are read.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n([\w-]+:.*\n(?:(?:[\w-]+:.*|[ \t]+.*|-[ \t].*|[ \t]*)\n){0,200}?)---[ \t]*(?:\n|\Z)"
)
_SPACES = re.compile(r"[ \t]+")
_MAX_INLINE = 50_000  # characters in one paragraph or heading
# markdown-it drops, without a word, every block nested deeper than its maxNesting (20
# in the CommonMark preset: a list 10 deep, a quote 20 deep). Ours is far deeper; past
# what its recursion can parse, the block markers are stripped and the text parsed flat.
_MAX_NESTING = 10_000
_BLOCK_MARKERS = re.compile(r"^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class MarkdownArticle:
    """The prose of a Markdown document and the metadata found in it."""

    text: str
    title: str | None
    byline: str | None
    published: str | None


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """Split simple ``key: value`` YAML front matter from the body."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if not line or line[0] in " \t-":
            continue
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, source[match.end() :]


def _inline_text(children: list) -> str:  # list[markdown_it.token.Token]
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # image, html_inline and the *_open/*_close markers add nothing to the prose.
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def markdown_to_text(source: str) -> MarkdownArticle:
    """Extract the prose of ``source``; the title is the front matter's or the first heading."""
    from markdown_it import MarkdownIt

    fields, body = _front_matter(source)
    # Indented "code" blocks are disabled: in articles, indentation is layout, not code.
    options = {"maxNesting": _MAX_NESTING}
    parser = MarkdownIt("commonmark", options).disable("code").enable("table")
    # Blocks first, inline markup per block after: a block too long to be prose
    # (hostile input) is kept as plain text, since inline parsing of a long run
    # of brackets or asterisks takes markdown-it far longer than the analysis.
    blocks_only = MarkdownIt("commonmark", options).disable("code").enable("table").disable("inline")
    env: dict = {}
    try:
        tokens = blocks_only.parse(body, env)
    except RecursionError:
        env = {}
        tokens = blocks_only.parse(_BLOCK_MARKERS.sub("", body), env)
    blocks: list[str] = []
    first_heading: str | None = None
    in_heading = False
    row: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            if any(row):
                blocks.append("; ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            if len(token.content) > _MAX_INLINE:
                text = _SPACES.sub(" ", token.content.replace("\n", " ")).strip()
            else:
                children = parser.parseInline(token.content, env)[0].children
                text = _inline_text(children or [])
            if row is not None:
                row.append(text)
            elif text:
                if in_heading and first_heading is None:
                    first_heading = text.replace("\n", " ")
                blocks.append(text)
        # fence, html_block (comments included) and hr are left out.
    return MarkdownArticle(
        text="\n\n".join(blocks),
        title=fields.get("title") or first_heading,
        byline=fields.get("author") or fields.get("byline") or None,
        published=fields.get("date") or fields.get("published") or None,
    )
