"""Decoding: byte-order marks, UTF-8, Windows-1252, charset guesses, newlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.load import load_article
from reader.load.decode import decode, normalize_newlines

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("name", "encoding"), [("utf16le_bom.txt", "utf-16-le"), ("utf16be_bom.txt", "utf-16-be")])
def test_utf16_with_bom_decodes_and_drops_the_mark(name: str, encoding: str) -> None:
    article = load_article(FIXTURES / name)
    assert article.encoding == encoding
    assert article.text.startswith("Ferry crossings resume")
    assert "“We have checked every vessel,”" in article.text
    assert "\ufeff" not in article.text


def test_cp1252_smart_quotes_and_dashes_decode_to_the_right_characters() -> None:
    article = load_article(FIXTURES / "cp1252_quotes.txt")
    assert article.encoding == "cp1252"
    assert "“We have checked every vessel,”" in article.text
    assert " – " in article.text and " — " in article.text
    assert article.text.startswith("Café")
    assert not any("\x80" <= ch <= "\x9f" for ch in article.text)


def test_the_four_cp1252_punctuation_bytes() -> None:
    text, encoding = decode(b"He said \x93no\x94 \x96 then \x97 left.")
    assert (text, encoding) == ("He said “no” – then — left.", "cp1252")


def test_crlf_lone_cr_and_mixed_newlines_become_newlines() -> None:
    article = load_article(FIXTURES / "crlf_mixed.txt")
    assert "\r" not in article.text
    assert article.text.split("\n")[:5] == [
        "Council votes on budget",
        "",
        "The council approved the budget on Monday, the mayor said.",
        "",
        "Opposition members said the vote was rushed.",
    ]


def test_normalize_newlines() -> None:
    assert normalize_newlines("a\r\nb\rc\nd\r\n\re") == "a\nb\nc\nd\n\ne"


def test_utf8_bom_is_dropped() -> None:
    assert decode("\ufeffÉlan vital".encode("utf-8")) == ("Élan vital", "utf-8-sig")


def test_utf8_with_a_stray_byte_keeps_its_accents() -> None:
    text, encoding = decode("Zoë and Chloé met in Malmö.".encode() + b"\xff")
    assert text == "Zoë and Chloé met in Malmö.\ufffd"
    assert encoding.startswith("utf-8")


def test_another_script_is_not_forced_into_cp1252() -> None:
    original = "Городской совет утвердил бюджет на следующий год, сообщил мэр."
    text, encoding = decode(original.encode("cp1251"))
    assert text == original
    assert encoding != "cp1252"


def test_utf16_without_a_mark_is_recognised() -> None:
    text, encoding = decode("Plain words in a wide encoding.".encode("utf-16-le"))
    assert (text, encoding) == ("Plain words in a wide encoding.", "utf-16-le")


def test_latin1_bytes_undefined_in_cp1252_still_decode() -> None:
    text, _ = decode(b"Caf\xe9 \x81 cr\xe8me " * 3)
    assert "Caf" in text and "cr" in text
