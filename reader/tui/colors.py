"""Readable colours: WCAG contrast, and a foreground nudged until it reads on its background.

The tints of the sentence classes come from ``reader.tcss`` (so a theme can restyle them);
whatever the theme, the text drawn on a tint is moved towards black or white until it
reaches the WCAG AA ratio for body text (4.5:1), in colour and in the greys of ``NO_COLOR``.
ANSI colours are left alone: their real
values belong to the terminal's palette, so nothing can be computed from them.
"""

from __future__ import annotations

from textual.color import Color

AA_TEXT = 4.5
"""WCAG 2 level AA contrast for normal text."""

_BLACK = Color(0, 0, 0)
_WHITE = Color(255, 255, 255)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour (0 black .. 1 white)."""
    r, g, b = color.rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_ansi(color: Color | None) -> bool:
    """An ANSI palette colour (or the terminal's default): its real value is unknown."""
    return color is not None and color.ansi is not None


def readable(foreground: Color, background: Color, ratio: float = AA_TEXT) -> Color:
    """``foreground``, or the closest blend of it towards black or white that reads at ``ratio``."""
    if is_ansi(foreground) or is_ansi(background):
        return foreground
    foreground = (background + foreground) if foreground.a < 1 else foreground
    if _reads(foreground, background, ratio):
        return foreground
    # Towards whichever extreme reads better on this background (in colour and in greys);
    # black or white always reaches 4.5:1 in colour (the worst background gives 4.58:1).
    target = max((_BLACK, _WHITE), key=lambda extreme: _worst(extreme, background))
    for step in range(1, 21):
        candidate = foreground.blend(target, step / 20)
        if _reads(candidate, background, ratio):
            return candidate
    return target


def _worst(foreground: Color, background: Color) -> float:
    return min(contrast(foreground, background), contrast(foreground.monochrome, background.monochrome))


def _reads(foreground: Color, background: Color, ratio: float) -> bool:
    """Readable in colour and in the greys Textual draws with ``NO_COLOR`` (its ``Monochrome`` filter)."""
    return _worst(foreground, background) >= ratio
