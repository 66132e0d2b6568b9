"""Bytes -> text: byte-order marks, UTF-8, then a charset guess; newlines normalised."""

from __future__ import annotations

import codecs
import re

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Windows-1252 puts curly quotes, dashes and the euro sign where Latin-1 has
# invisible C1 controls; a guess that yields C1 controls is almost always wrong.
_C1 = frozenset(chr(c) for c in range(0x80, 0xA0))


def normalize_newlines(text: str) -> str:
    """CRLF, lone CR and mixed line ends -> ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding announced by a byte-order mark, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like mostly-ASCII UTF-16 without a mark."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


# <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=...">,
# searched in the first bytes of an HTML document as browsers do (ASCII-compatible only).
_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_SNIFF_BYTES = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document's ``<meta>`` declares, if Python knows it."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return known_codec(match.group(1).decode("ascii")) if match else None


def known_codec(name: str | None) -> str | None:
    """``name`` if it names a text codec Python has (UTF-16/32 need a mark, so not those)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    if codec.name.startswith(("utf-16", "utf-32")) or not getattr(codec, "_is_text_encoding", True):
        return None
    return codec.name


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` best effort; returns ``(text, encoding used)``. Never raises.

    ``declared`` is a charset the source states (an HTTP header, an HTML ``<meta>``):
    after a byte-order mark and valid UTF-8 with non-ASCII text, it comes before any
    guess. Newlines are not normalised here; see ``normalize_newlines``.
    """
    announced = bom_encoding(data)
    if announced is not None:
        name, skip = announced
        body = data[skip:]
        try:
            return body.decode(name), name
        except UnicodeDecodeError:
            return body.decode(name, errors="replace"), f"{name} (invalid bytes replaced)"
    utf16 = bomless_utf16(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    try:
        text = data.decode("utf-8")
        if declared is None or not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    codec = known_codec(declared)
    if codec is not None:
        try:
            return data.decode(codec), f"{codec} (declared)"
        except UnicodeDecodeError:
            pass
    loose = data.decode("utf-8", errors="replace")
    replaced = loose.count("\ufffd")
    valid_multibyte = sum(1 for ch in loose if ord(ch) > 0x7F and ch != "\ufffd")
    if valid_multibyte and valid_multibyte * 10 >= replaced:
        # UTF-8 with some stray bytes: a single-byte guess would garble every
        # accented letter to fix a handful of bytes. Text in a single-byte code
        # page almost never forms a valid multi-byte sequence by chance.
        return loose, "utf-8 (invalid bytes replaced)"
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    return data.decode("cp1252", errors="replace"), "cp1252 (invalid bytes replaced)"


def _western(data: bytes) -> str | None:
    """The Windows-1252 reading of ``data`` if it decodes and reads like Western text.

    Charset guessers misread short Western texts (a few curly quotes) as exotic
    code pages. Text in another script read as cp1252 is mostly accented
    letters in a row, which real Western text never is.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 0x7F)
    if letters and accented > 0.3 * len(letters):
        return None
    return text


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    name = best.encoding
    text = str(best)
    if _C1.intersection(text):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return text, name
