"""The words before a number: the tokens, the hedge, names and references, ages."""

from __future__ import annotations

import re

from reader.core.number_words import COMMON_CAPITALISED, HEDGE_SET, HEDGES, REFERENCE_NOUNS

# A token before a number and its offset in the unit.
Token = tuple[str, int]

_OPENING_PUNCTUATION = "([{\"“'‘—–-"
# The last word of every hedge of several words -> their lengths in words, longest first.
_HEDGE_LENGTHS: dict[str, tuple[int, ...]] = {
    last: tuple(sorted({len(h.split()) for h in HEDGES if " " in h and h.split()[-1] == last}, reverse=True))
    for last in {h.split()[-1] for h in HEDGES if " " in h}
}
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n\"“(—–―])[ \t]*(?:\d{1,3}[.)][ \t]*)?$")
# Before the second or later age of a list: "aged 41 and ", "ages 4, 7 and ".
_AGE_LIST_BEFORE = re.compile(
    r"\b(?i:aged|ages)\s+\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s*,)?\s+(?:and|or)\s+$|"
    r"\b(?i:aged|ages)\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,\s+$"
)
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['’-]?[A-Z]?[a-z]+)+|Jr\.|Sr\.")
_CALENDAR_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)"
)


def tokens_before(s: str, start: int, n: int) -> list[Token]:
    """The last ``n`` whitespace-separated tokens before ``start`` with their offsets, when a space precedes it.

    Only the 40 characters before ``start`` are read; a token the window cuts is left out.
    """
    if not start or not s[start - 1].isspace():
        return []
    lo = start - 40 if start > 40 else 0
    window = s[lo:start]
    tokens = window.rsplit(None, n)  # n + 1 parts at most: the first is then the rest of the window
    if len(tokens) > n or (tokens and lo and not s[lo - 1].isspace() and not window[0].isspace()):
        del tokens[0]
    end = len(window)
    i = len(tokens)
    found: list[Token] = [("", 0)] * i  # filled from the last token back
    while i:
        i -= 1
        token = tokens[i]
        end = window.rfind(token, 0, end)
        found[i] = (token, lo + end)
    return found


def token_before(s: str, start: int) -> Token | None:
    """The token right before ``start`` with its offset, or None: ``tokens_before(s, start, 1)``, written out.

    Every candidate reads it (the three tokens only for a hedge), so it skips the general loop;
    a property test checks it against ``tokens_before``.
    """
    if not start or not s[start - 1].isspace():
        return None
    lo = start - 40 if start > 40 else 0
    window = s[lo:start]
    tokens = window.rsplit(None, 1)
    if len(tokens) == 2:
        token = tokens[1]
    elif tokens and not (lo and not s[lo - 1].isspace() and not window[0].isspace()):
        token = tokens[0]
    else:
        return None  # no token, or only one that the window cuts
    return token, lo + window.rfind(token)


def hedge_before(s: str, start: int, word_before: Token | None) -> str | None:
    """The hedge ending right before ``start`` ("more than", "about"), lower-cased, or None.

    ``word_before`` is ``token_before(s, start)``. The longest hedge that fits the last three
    tokens wins (they are read only when the last one ends a hedge of several words); opening
    punctuation before its first word is dropped.
    """
    if word_before is None:
        return None
    last = word_before[0].lower()
    lengths = _HEDGE_LENGTHS.get(last)  # hedges of several words ending with this one
    if lengths:
        before = tokens_before(s, start, 3)
        for n in lengths:
            if len(before) >= n:
                candidate = " ".join([token for token, _ in before[-n:]]).lower().lstrip(_OPENING_PUNCTUATION)
                if candidate in HEDGE_SET:
                    return candidate
    last = last.lstrip(_OPENING_PUNCTUATION)
    return last if last in HEDGE_SET else None


def named_by_word_before(s: str, digits: str, word_before: Token, heading: bool) -> bool:
    """Does the word right before the digits make them a reference ("Article 5") or part of a name ("Boeing 747")?"""
    word, word_start = word_before
    if not word[0].isalpha() or not (word[-1].isalnum() or word[-1] == "."):
        return False  # no word right before, or punctuation ends it ("On Tuesday, 40 roads")
    low = word.lower()
    if low in REFERENCE_NOUNS:
        return True
    if heading or "," in digits or word.islower() or low in COMMON_CAPITALISED or len(digits) > 5:
        return False
    # the first word of a sentence, line or list item is capitalised for that reason alone
    return not _SENTENCE_OPENING.search(s, max(0, word_start - 8), word_start)


def is_listed_or_appositive_age(s: str, start: int, end: int, raw: str, last: str) -> bool:
    """Is the bare number ``raw`` at ``start:end`` an age after "aged 41 and" or after a name ("Sam Pritchard, 29,")?

    ``last``: the token right before it.
    """
    if len(raw) > 3 or not raw.isdigit() or not 0 < int(raw) <= 120:
        return False
    if last in ("and", "or") or (last[-1] == "," and last[:-1].isdigit()):
        return bool(_AGE_LIST_BEFORE.search(s, max(0, start - 60), start))
    return _is_appositive_age(s, start, end, last)


def _is_appositive_age(s: str, start: int, end: int, last: str) -> bool:
    """ "Sam Pritchard, 29," or "Maria Okafor, 46.": a name, a comma, one space, the number, a comma or a full stop."""
    after = s[end : end + 1]
    if after != "," and not (after == "." and s[end + 1 : end + 2] in ("", " ", "\n", "\t")):
        return False
    if last[-1] != "," or start < 2 or s[start - 2] != ",":  # the comma, then one space, then the number
        return False
    name = last[:-1]
    return (
        bool(_NAME_WORD.fullmatch(name))
        and name.lower() not in COMMON_CAPITALISED
        and not _CALENDAR_WORD.fullmatch(name)
    )
