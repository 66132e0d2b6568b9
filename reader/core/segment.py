"""Sentence segmentation: text -> ordered units with exact offsets and a kind.

Every line with text is a paragraph (LF, CR LF, CR, U+2028 and the other line
breaks ``str.splitlines`` knows all end one), and no unit spans a line break.
Inside a line, NLTK's Punkt proposes sentence starts, with parameters built here
from plain files in ``reader/core/data/`` (no NLTK data needed):
``punkt_abbreviations.txt``, ``punkt_titles.txt``, ``punkt_sent_starters.txt``.

* Abbreviations ("Calif.", "Inc.", "a.m.", and any dotted letter run like "J.K.")
  do not end a sentence unless the next word is a frequent sentence starter: "in
  the U.S. The talks" splits, "the U.S. Capitol" does not. Titles ("Sen.", "Gen.")
  never end one. "No." is an abbreviation only before a number.
* A closing quote goes with the sentence it closes; an opening quote (``"``, ``“``,
  NYT's ``''``) with the sentence it opens, also after an abbreviation.
* No split before a lower-case word ('"Why?" he asked.'), inside a spaced ellipsis,
  after a three-dot ellipsis inside a quote, or before a closing "[Source]" tag.

Lines are typed:

* ``HEADING``: a Markdown heading, or a short line (<= 20 words) that does not end
  in sentence punctuation or run on (":", ",", "of"), e.g. "Ukraine forces
  isolated: army chief". It is one unit. The first unit of the text is a heading
  too when it has no final punctuation (a headline of any length, "Clinton hints at
  husband's job;"), unless it breaks off after a function word ("... in a").
* ``CAPTION``: a line ending in a photo credit "(Reuters/Jane Doe)", "Jane
  Doe/Getty Images", "Photo by Jane Doe", starting with "Photo:"/"Caption:", or
  shaped like a caption (present-tense "X speaks during ..." with a weekday date).
  It is one unit even with periods inside.
* a separator line without letters or digits ("-", "***", "* * *") is no unit at all:
  it says nothing, so it is no claim to count or visit (it still ends a paragraph).

Units never start or end with whitespace, and together cover every non-whitespace
character outside separator lines. No unit is longer than ``MAX_UNIT_CHARS``: longer lines go to Punkt in
windows of that size, cut after a sentence end if there is one, else at a space.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from reader.core.lexicon import sections, words
from reader.core.model import SentenceKind

MAX_UNIT_CHARS = 10_000
MAX_HEADING_WORDS = 20
# Non-whitespace runs longer than this (URLs, garbage) are hidden from Punkt,
# which is quadratic on long runs of punctuation without whitespace.
_MAX_TOKEN_CHARS = 256


# Punkt's orthographic-context flags (nltk.tokenize.punkt._ORTHO_*).
_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_LC = 1 << 5


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence-like unit of the text before attribution."""

    start: int
    end: int
    kind: SentenceKind
    paragraph: int


# Lines: anything between line breaks (the separators str.splitlines knows).
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_NON_SPACE = re.compile(r"\S")
_HAS_ALNUM = re.compile(r"[^\W_]")
_HAS_SENT_END = re.compile(r"[.!?]")
_WORD = re.compile(r"\S+")
# Whitespace other than " \t\n\r\v\f", listed (a positive class scans much faster than [^\S ...]).
_OTHER_SPACE = re.compile("[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_LONG_RUN = re.compile(rf"\S{{{_MAX_TOKEN_CHARS},}}")

# A line ending in sentence punctuation, perhaps inside closing quotes/brackets.
# A trailing bracketed tag after the punctuation still counts: "... said. [Reuters]".
_FINAL_PUNCT = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?:\s*\[[^\[\]]{1,40}\])?\s*$")
_LONG_WORD = re.compile(r"(?<!\S)[^\W\d_][^\s]{3,}")
# A line that runs on into the next one: not a heading. `_runs_on` decides it faster (tested equal).
_CONTINUES = re.compile(r"(?:[:;,]|(?<!\S)(?:a|an|the|and|or|of|to|with|by|that|but|as|at))\s*$")
_FIRST_WORD_LOWER = re.compile(r"\s*[\"'\u201c\u2018(]*[a-z][a-z'\u2019-]*\b(?![.\w])")
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S")

_CREDIT_WORDS = (
    r"AP|AFP|Reuters|Getty|Images?|Photos?|Photograph(?:s|er)?|Pool|EPA|EFE|Xinhua|TASS|"
    r"Sputnik|RIA|Novosti|Anadolu|Bloomberg|Shutterstock|Alamy|UPI|NurPhoto|SOPA|Courtesy|"
    r"Credit|File|Handout|Press\s+Service|Press\s+Office|Wikimedia|Screenshot|Screengrab|"
    r"via|Associated\s+Press|Agence|Sipa|ZUMA"
)
# "(Russian Presidential Press Service via AP)", "(Reuters/Jane Doe)", "(AP Photo)".
_CREDIT_AT_END = re.compile(
    rf"\((?=[^()]{{0,120}}\)\s*$)(?:[^()]*?\b(?:{_CREDIT_WORDS})\b|[^()\s/]+(?: [^()\s/]+)*/[^()]+)"
    r"[^()]*\)\s*$"
)
# An unbracketed credit closing the line: "... in Lyon. Jane Doe/Getty Images",
# "... on Monday. Photo by Jane Doe", "... Credit: Jane Doe for Reuters".
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?][\"'\u201d\u2019)]?\s)\s*"
    r"(?:(?:Photo(?:graph)?|Image|Credit)s?\s*(?:by\b|:)\s*[^.!?]{2,60}"
    rf"|[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){{0,3}}/\s?(?:{_CREDIT_WORDS})\b(?:\s[A-Z][\w.'-]*){{0,2}})"
    r"\.?\s*$"
)
_CAPTION_PREFIX = re.compile(
    r"\s*(?:Photo|Caption|Image|Picture|Pictured|Photograph)\s*:",
    re.IGNORECASE,
)
_CAPTION_SHAPE_VERB = re.compile(
    r"\b(?:speaks|attends|arrives|gestures|looks on|walks|waves|delivers|holds|listens|poses|"
    r"stands|sits|shakes hands|meets|talks|reacts|greets|leaves|visits|addresses|applauds|"
    r"smiles|points|prays|rides|inspects|chairs|is seen|are seen|gather|march|protest|wait)\b"
)
_CAPTION_SHAPE_DATE = re.compile(
    r",\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s*"
    r"(?:Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|"
    r"Sept?\.?|September|Oct\.?|October|Nov\.?|November|Dec\.?|December)\s+\d{1,2},\s*\d{4}"
)

# Checks at a Punkt split point; ``search(line, lo, cut)`` looks only at the left side.
_ELLIPSIS_END = re.compile(r"(?:\.\s?\.\s?\.|\u2026)\s*$")
_FOUR_DOTS_END = re.compile(r"(?:(?:\.\s?){4}|\u2026\s?\.|\.\s?\u2026)\s*$")
_NUMBER_ABBREV_END = re.compile(r"\b(?:No|Nos|Art|Vol|Fig|pp?)\.\s*$")
_FIRST_ALNUM = re.compile(r"[^\W_]")
# Sentence punctuation, closing quotes or brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+")
_DANGLING_OPENING_QUOTE = re.compile(r"\s(\u201c)\s*$")
_QUOTE_AFTER_END = re.compile(r"[.!?]\s+(''|[\"\u201c])(?=[^\W\d_a-z])")
# A quoted nickname between a first name and a surname: 'Gov. C.L. "Butch" Otter'.
_NICKNAME = re.compile(r"(?:''|[\"\u201c])[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?:''|[\"\u201d])\s+[A-Z]")
_TRAILING_TAG = re.compile(r"\[[^\[\]]{1,40}\]\s*$")
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]|''")

# A Punkt context whose first word is a plain word (2+ letters, lower case after the first)
# and a period, then another word, or then a straight quote or bracket that ends the context.
_PLAIN_WORD_END = re.compile(r"([A-Za-z][a-z]+)\.(?:(?=\s+\S)|[\"')]\Z)")


class _Punkt(PunktSentenceTokenizer):
    """Punkt, deciding each candidate break on the candidate token alone.

    Punkt checks a candidate with the context "word. next-word" and NLTK's
    ``text_contains_sentbreak`` says yes when *any* token there breaks, so
    "George W. Bush?" was split after "W." because of the "?". Here the candidate is
    the last token that can end a sentence in the context's first word, and only it
    decides.
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        # Most contexts are "word. Next" or 'word."': when the word is no abbreviation
        # and no collocation is known, Punkt's two passes can only call it a break (it
        # is no initial, number or ellipsis); skip building their tokens.
        plain = _PLAIN_WORD_END.match(text)
        if (
            plain is not None
            and not self._params.collocations
            and plain.group(1).lower() not in self._params.abbrev_types
        ):
            return True
        # The context is one line: tokenize its first word and the rest apart, so the
        # first word's tokens are known without a second pass.
        head = _WORD.match(text)
        head_end = head.end() if head else len(text)
        words = self._lang_vars.word_tokenize(text[:head_end])
        in_head = len(words)
        words += self._lang_vars.word_tokenize(text[head_end:])
        tokens = list(self._annotate_tokens(self._Token(w) for w in words))
        for i in range(in_head - 1, -1, -1):
            token = tokens[i]
            if token.sentbreak or token.abbr or token.ellipsis or token.period_final:
                return bool(token.sentbreak) and i + 1 < len(tokens)
        return False


class _Abbreviations(set):
    """Punkt's abbreviation set, plus every dotted run of single letters ("j.k", "s.&p")."""

    _DOTTED = re.compile(r"(?:[^\W\d_]\.&?)+[^\W\d_]")

    def __contains__(self, word: object) -> bool:
        return super().__contains__(word) or (isinstance(word, str) and self._DOTTED.fullmatch(word) is not None)


def _read_words(name: str) -> list[str]:
    """The entries of a shipped data file: one per line, ``#`` starts a comment."""
    return list(sections(name)["main"])


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    """A Punkt tokenizer built from the shipped parameters only."""
    return build_punkt(_read_words("punkt_abbreviations.txt"), _read_words("punkt_sent_starters.txt"))


def build_punkt(abbreviations: list[str], starters: list[str], *, dotted_runs: bool = True) -> PunktSentenceTokenizer:
    """A Punkt tokenizer that knows these abbreviations and sentence starters (lower case).

    With ``dotted_runs`` every dotted run of single letters counts as an abbreviation too.
    """
    params = PunktParameters()
    params.abbrev_types = _Abbreviations(abbreviations) if dotted_runs else set(abbreviations)
    params.sent_starters = set(starters)
    for word in starters:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return _Punkt(params)


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern[str]:
    """Matches a piece of text that ends with an abbreviated title ("Sen.", "Gen.")."""
    titles = sorted(_read_words("punkt_titles.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?<![\w.])(?:{alternatives})\.\s*$", re.IGNORECASE)


def segment(text: str) -> list[Unit]:
    """Split ``text`` into units with exact offsets, one paragraph per line of text."""
    units: list[Unit] = []
    paragraph = 0
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        if not _NON_SPACE.search(line):
            continue
        if not _HAS_ALNUM.search(line):
            paragraph += 1  # a separator: no unit, but the paragraphs around it stay apart
            continue
        offset = line_match.start()
        kind, cuts = _split_line(line)
        for start, end in _chunk(line, _pieces(line, cuts)):
            units.append(Unit(offset + start, offset + end, kind, paragraph))
        paragraph += 1
    if units and units[0].kind is SentenceKind.SENTENCE and _first_line_headline(text, units[0]):
        first = units[0]
        units[0] = Unit(first.start, first.end, SentenceKind.HEADING, first.paragraph)
    return units


def _first_line_headline(text: str, unit: Unit) -> bool:
    """The first unit reads as a headline when it has letters or digits and no final
    punctuation, at any length ("Clinton hints at husband's job;", "The statement read:"),
    unless it breaks off after a function word, as hard-wrapped text does ("... approved it in a")."""
    body = text[unit.start : unit.end].rstrip()
    if body[-1] in ".!?\"”’'" or _HAS_ALNUM.search(body) is None:
        return False
    return body.rsplit(None, 1)[-1] not in _RUN_ON_WORDS


def _split_line(line: str) -> tuple[SentenceKind, list[int]]:
    """The kind of the line's units and the offsets where a new unit starts (after 0)."""
    if _MARKDOWN_HEADING.match(line):
        return SentenceKind.HEADING, []
    if _is_caption(line):
        return SentenceKind.CAPTION, []
    if not _HAS_SENT_END.search(line):
        kind = SentenceKind.HEADING if _heading_shape(line) else SentenceKind.SENTENCE
        return kind, []
    if _heading_shape(line) and _title_case(line):
        return SentenceKind.HEADING, []  # Punkt would split "From The U.S. And Iran"
    cuts = _sentence_starts(line)
    if not cuts and _heading_shape(line):
        return SentenceKind.HEADING, []
    return SentenceKind.SENTENCE, cuts


def _is_caption(line: str) -> bool:
    # The credit patterns are anchored at the line end: search only its last characters.
    tail = max(0, len(line) - 200)
    if (
        _CAPTION_PREFIX.match(line)
        or _CREDIT_AT_END.search(line, max(0, len(line) - 130))
        or (_may_hold_credit_tail(line, tail) and _CREDIT_TAIL.search(line, tail))
    ):
        return True
    return bool(_CAPTION_SHAPE_DATE.search(line) and _CAPTION_SHAPE_VERB.search(line))


def _may_hold_credit_tail(line: str, start: int) -> bool:
    """Whether ``line[start:]`` holds what a ``_CREDIT_TAIL`` match needs: "/" or a credit word."""
    return any(line.find(needle, start) >= 0 for needle in ("/", "Photo", "Image", "Credit"))


def _heading_shape(line: str) -> bool:
    """A short line that ends without sentence punctuation and does not run on."""
    tail = max(0, len(line) - 80)
    if _FINAL_PUNCT.search(line, tail) or _runs_on(line, tail):
        return False
    if _FIRST_WORD_LOWER.match(line):
        return False
    # counting stops at the first word over the limit: a long line is not read to its end
    return next(itertools.islice(_WORD.finditer(line), MAX_HEADING_WORDS, None), None) is None


_RUN_ON_WORDS = words("grammar_words.txt", "run_on_words")


def _runs_on(line: str, start: int) -> bool:
    """What ``_CONTINUES.search(line, start)`` says, without trying every position."""
    body = line.rstrip()
    if not body:
        return False
    if body[-1] in ":;,":
        return len(body) - 1 >= start
    last = body.rsplit(None, 1)[-1]
    return last in _RUN_ON_WORDS and len(body) - len(last) >= start


def _title_case(line: str) -> bool:
    """Most longer words capitalised, as in "Talks Collapse As Unions Walk Out"."""
    long_words = _LONG_WORD.findall(line)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 2 and capitalised >= 0.8 * len(long_words)


def _sentence_starts(line: str) -> list[int]:
    """Offsets in ``line`` where a sentence starts (after 0): Punkt's, minus vetoed ones."""
    if len(line) <= MAX_UNIT_CHARS and _one_final_sentence_end(line):
        return []  # one sentence: Punkt and the quote rule both need text after a "." "?" "!"
    title_end = _title_end()
    kept: list[int] = []
    previous = 0
    for window_start, window_end in _windows(line):
        if window_start:
            kept.append(window_start)
            previous = window_start
        candidates = _punkt_starts(line, window_start, window_end)
        candidates += _quoted_starts(line, window_start, window_end)
        for cut in sorted(set(candidates)):
            if cut > previous and _keeps_split(line, previous, cut, title_end):
                # Punkt hands a spaced opening quote 'said. “ You' to the sentence before.
                dangling = _DANGLING_OPENING_QUOTE.search(line, max(previous, cut - 8), cut)
                if dangling and dangling.start(1) > previous:
                    cut = dangling.start(1)
                kept.append(cut)
                previous = cut
    return kept


def _one_final_sentence_end(line: str) -> bool:
    """Whether the line's only "." "?" or "!" is its last non-space character."""
    return line.count(".") + line.count("?") + line.count("!") == 1 and line.rstrip()[-1] in ".?!"


def _windows(line: str) -> list[tuple[int, int]]:
    """Line ranges of at most MAX_UNIT_CHARS for Punkt, ending after a sentence if possible.

    Punkt slows down sharply on very long lines with many candidate breaks.
    """
    windows: list[tuple[int, int]] = []
    start = 0
    while len(line) - start > MAX_UNIT_CHARS:
        limit = start + MAX_UNIT_CHARS
        ends = [m.end() for m in _CANDIDATE.finditer(line, start + 1, limit)]
        cut = ends[-1] if ends else max(line.rfind(" ", start + 1, limit), start + 1)
        if cut <= start + 1:
            cut = limit
        windows.append((start, cut))
        next_text = _NON_SPACE.search(line, cut)
        if next_text is None:
            return windows
        start = next_text.start()
    windows.append((start, len(line)))
    return windows


def _punkt_starts(line: str, start: int, end: int) -> list[int]:
    """Sentence starts Punkt proposes inside ``line[start:end]``, after its first one."""
    window = _punkt_input(line[start:end])
    if len(window) > 2_000 and len(_CANDIDATE.findall(window)) * 12 > len(window):
        # Not prose ("a. a. a. ..."): Punkt's cost is per candidate, so split plainly.
        return [start + m.end() for m in _CANDIDATE.finditer(window) if m.end() < len(window)]
    try:
        spans = list(_punkt().span_tokenize(window))
    except TimeoutError:  # NLTK's guard against pathological regex input: no split here
        return []
    return [start + s for s, _ in spans[1:] if 0 < s < len(window)]


def _quoted_starts(line: str, start: int, end: int) -> list[int]:
    """Opening quotes after sentence punctuation that start a capitalised sentence.

    Punkt reads a straight quote after an abbreviation as punctuation, not as the
    start of a sentence: 'said Sen. Ray Lowe, R-S.C. "I get that."'.
    """
    starts = []
    for match in _QUOTE_AFTER_END.finditer(line, start, end):
        cut = match.start(1)
        if _NICKNAME.match(line, cut):
            continue
        if match.group(1) == "\u201c" or not _inside_quote(line, cut):
            starts.append(cut)
    return starts


def _keeps_split(line: str, previous: int, cut: int, title_end: re.Pattern[str]) -> bool:
    """False for a Punkt split that news text does not have."""
    lo = max(previous, cut - 16)
    if title_end.search(line, lo, cut):
        return False
    if line[cut] in ".\u2026":
        return False  # inside a spaced ellipsis ". . ."
    if _TRAILING_TAG.match(line, cut):
        return False  # a source tag closing the line: "... right? [Vice]"
    first_word = _FIRST_ALNUM.search(line, cut, cut + 8)
    if first_word and first_word.group().islower():
        # '"Why?" he asked.', 'etc. and', '. . . to': a sentence does not start in lower case.
        return False
    if line[cut].isdigit() and _NUMBER_ABBREV_END.search(line, lo, cut):
        return False
    # an ellipsis inside a quotation goes on; ". . . ." ends the sentence
    return not (
        _ELLIPSIS_END.search(line, lo, cut) and not _FOUR_DOTS_END.search(line, lo, cut) and _inside_quote(line, cut)
    )


def _inside_quote(line: str, cut: int) -> bool:
    """Whether an odd number of double quote marks opens before ``cut`` on this line.

    The marks of the line are found once (``_quote_mark_ends``) and counted by bisection,
    so a long line with many candidate splits costs one scan, not one per candidate.
    """
    return bisect_right(_quote_mark_ends(line), cut) % 2 == 1


@lru_cache(maxsize=4)
def _quote_mark_ends(line: str) -> list[int]:
    """Where each quote mark of ``line`` ends, in order.

    The marks counted before ``cut`` are those that end at or before it: the scan up to
    ``cut`` alone finds the same marks, bar a ``''`` that straddles ``cut``, which it
    cannot match and which ends after ``cut`` here.
    """
    return [match.end() for match in _QUOTE_MARKS.finditer(line)]


def _punkt_input(line: str) -> str:
    """``line`` as Punkt should see it, same length so offsets stay exact.

    Punkt finds words with ``string.whitespace``, so other spaces (no-break space)
    become plain spaces; the inside of very long non-whitespace runs is masked.
    """
    if _OTHER_SPACE.search(line):
        line = _OTHER_SPACE.sub(" ", line)
    if len(line) < _MAX_TOKEN_CHARS or not _LONG_RUN.search(line):
        return line
    return _LONG_RUN.sub(lambda m: "x" * (len(m.group()) - 2) + m.group()[-2:], line)


def _pieces(line: str, cuts: list[int]) -> list[tuple[int, int]]:
    """The non-empty stripped pieces of ``line`` between the cut offsets."""
    pieces: list[tuple[int, int]] = []
    bounds = [0, *cuts, len(line)]
    for start, end in itertools.pairwise(bounds):
        piece = line[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            pieces.append((start + lead, start + lead + len(stripped)))
    return pieces


def _chunk(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces no longer than MAX_UNIT_CHARS, cut at the last space before the limit."""
    if all(end - start <= MAX_UNIT_CHARS for start, end in pieces):
        return pieces
    chunked: list[tuple[int, int]] = []
    for start, end in pieces:
        while end - start > MAX_UNIT_CHARS:
            window = line[start : start + MAX_UNIT_CHARS + 1]
            cut = max(window.rfind(" "), window.rfind("\t"))
            if cut <= 0:
                cut = MAX_UNIT_CHARS
            chunked.append((start, start + len(window[:cut].rstrip())))
            next_text = _NON_SPACE.search(line, start + cut, end)
            assert next_text is not None  # a piece ends on non-whitespace
            start = next_text.start()
        chunked.append((start, end))
    return chunked
