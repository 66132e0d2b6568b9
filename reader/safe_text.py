"""Keep article text inert: no escape sequences or control characters reach a terminal."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

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


# Characters with no width of their own, or that join to the character before (zero-width spaces and
# joiners, soft hyphens, variation selectors, skin-tone modifiers, tags, fillers). Terminals disagree
# about the cells of text holding them: one that counts code points gives an emoji ZWJ sequence six
# cells, one that counts graphemes (as Rich does) two, and the borders drawn after it move. The app
# never writes them; the text itself keeps them.
_ZERO_WIDTH = re.compile(
    "[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\U0001f3fb-\U0001f3ff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
ZERO_WIDTH_MARK = "\u200b"
"""What ``visible_same_length`` puts in their place: one character, so offsets stay; ``visible`` drops it."""


def visible(text: str) -> str:
    """``text`` as the app shows it: ``neutralize``, and the zero-width characters left out."""
    return _ZERO_WIDTH.sub("", neutralize(text))


def visible_same_length(text: str) -> str:
    """``neutralize_same_length``, and every zero-width character made ``ZERO_WIDTH_MARK``: the article's
    display text, one character for one. Each piece of it goes through ``visible`` as it is drawn."""
    return _ZERO_WIDTH.sub(ZERO_WIDTH_MARK, neutralize_same_length(text))


def write_stdout(text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces) to stdout; on a terminal, with controls neutralised.

    A closed or failing stdout (``>&-``, ``>/dev/full``) raises ``ReaderError``; a
    closed pipe raises ``BrokenPipeError``, which the command line treats as the end.
    """
    from reader.errors import ExitCode, ReaderError

    stream = sys.stdout
    if stream is None:
        raise ReaderError("<stdout>: standard output is closed", ExitCode.OUTPUT_FAILED)
    try:
        terminal = stream.isatty()
        for piece in [text] if isinstance(text, str) else text:
            stream.write(neutralize(piece) if terminal else piece)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        silence_stdout()
        reason = getattr(exc, "strerror", None) or "standard output is closed"
        raise ReaderError(f"<stdout>: cannot write ({reason})", ExitCode.OUTPUT_FAILED) from None


def silence_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
