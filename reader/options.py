"""Command-line options shared by ``reader``, ``reader analyze`` and ``reader batch``."""

from __future__ import annotations

import argparse

from reader.load import DEFAULT_MAX_SIZE

_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}


def parse_size(value: str) -> int:
    """Parse a size such as ``20MB``, ``512k`` or ``1000000``."""
    raw = value.strip().upper()
    number = raw.rstrip("KMGB")
    suffix = raw[len(number) :]
    try:
        size = int(float(number) * _UNITS[suffix])
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20MB)") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """The ``--max-size`` option: the largest input accepted."""
    parser.add_argument(
        "--max-size", type=parse_size, default=DEFAULT_MAX_SIZE, help="largest input accepted (default 20MB)"
    )
