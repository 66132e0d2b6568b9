"""The terminal the app runs on: is it still there. No textual here."""

from __future__ import annotations

import sys
import termios

LOST_TERMINAL = 129
"""Exit status when the terminal went away: 128 + SIGHUP, as shells report a hang-up."""


def terminal_alive() -> bool:
    """Whether the terminal on standard input still answers (a hung-up one fails ``tcgetattr``)."""
    stdin = sys.__stdin__
    if stdin is None:
        return False
    try:
        termios.tcgetattr(stdin.fileno())
    except (termios.error, OSError, ValueError, AttributeError):
        return False
    return True
