"""Corpora: ``reader batch --engine dask``, the Parquet tables and ``reader report``.

Everything here is reached from two small hooks: ``reader batch`` hands a run to
``reader.corpus.run`` when it asks for the Dask engine or Parquet output, and
``reader report`` calls ``reader.corpus.report.cli``. Dask, distributed and pyarrow
are the optional ``dask`` extra: they are imported only by the modules that need
them, and ``require`` turns a missing one into one line that names the extra.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from reader.errors import ExitCode, ReaderError

EXTRA = "dask"
INSTALL_HINT = f"pip install 'reader-claims[{EXTRA}]'"


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` or raise a one-line ``ReaderError`` naming the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ReaderError(
            f"{feature} needs the optional '{EXTRA}' extra ({module} is not installed): {INSTALL_HINT}",
            ExitCode.USAGE,
        ) from None
