"""The options ``reader batch`` gains for corpora, and the test that sends a run here.

Kept apart from ``reader/batch.py`` so that its hooks stay three lines: ``add_engine_options``
in its parser, ``PARQUET`` among its formats, and ``handled_here`` before it runs anything.
"""

from __future__ import annotations

import argparse

from reader.options import whole_number

LOCAL = "local"
DASK = "dask"
ENGINES = (LOCAL, DASK)
PARQUET = "parquet"  # the output kind: a folder of Parquet datasets (sentences, sources, numbers)
PATHS = "paths"
BYTES = "bytes"


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """``--engine``, ``--scheduler``, ``--workers`` and ``--ship`` (see README, "Batch")."""
    group = parser.add_argument_group("engine (Dask: pip install 'reader-claims[dask]')")
    group.add_argument(
        "--engine",
        choices=ENGINES,
        default=LOCAL,
        help="local: this machine's process pool (--jobs); dask: a Dask cluster (default local)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask scheduler (tcp://host:8786); without it, a LocalCluster on this machine",
    )
    group.add_argument(
        "--workers",
        type=whole_number(1),
        metavar="N",
        help="LocalCluster worker processes (default: the CPU count); with --scheduler, wait for N workers",
    )
    group.add_argument(
        "--ship",
        choices=(PATHS, BYTES),
        default=PATHS,
        help="send workers the file paths (a shared file system) or the files' bytes (default paths)",
    )


def handled_here(args: argparse.Namespace) -> bool:
    """True when the run belongs to ``reader.corpus.run``: the Dask engine, Parquet, or their options."""
    return (
        args.engine != LOCAL
        or args.format == PARQUET
        or args.scheduler is not None
        or args.workers is not None
        or args.ship != PATHS
    )
