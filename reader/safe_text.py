"""Keep article text inert: no escape sequences or control characters reach a terminal."""

from __future__ import annotations

import re
import sys

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidi
# embedding/override/isolate characters that can reorder what a reader sees.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def neutralize(text: str) -> str:
    """Replace control characters and bidi overrides with visible stand-ins.

    Tab and newline are kept. The length of the text may change; use
    ``neutralize_char`` where offsets must be preserved.
    """
    return _UNSAFE.sub(lambda m: _visible(m.group()), text)


def neutralize_line(text: str) -> str:
    """Like ``neutralize``, and newlines too: for one-line messages that quote a path or text."""
    return neutralize(text).replace("\n", "\u2424").replace("\t", " ")


def neutralize_same_length(text: str) -> str:
    """Like ``neutralize`` but one character for one, so offsets stay valid.

    Controls become their control picture; C1 controls and bidi characters become
    the replacement mark U+FFFD.
    """
    return _UNSAFE.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text)


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout; on a terminal, with controls neutralised."""
    if sys.stdout.isatty():
        text = neutralize(text)
    sys.stdout.write(text)
    sys.stdout.flush()
