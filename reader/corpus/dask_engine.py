"""``reader batch --engine dask``: the chunks run as tasks on a Dask cluster.

Without ``--scheduler``, a ``LocalCluster`` of ``--workers`` single-threaded worker
processes on this machine (no dashboard); with it, the client joins that cluster.
Tasks are ``reader.corpus.work.analyse_chunk`` on a chunk of paths (or bytes), so the
workers need reader installed (``pip install 'reader-claims[dask]'``) and, for paths, the
same files at the same absolute paths. Results come back to the client, which
writes every output: a worker that dies leaves no file, and Dask's ``KilledWorker``
sends the chunk back to the pipeline to be retried article by article (our LocalCluster
fails such a task at the first death; an existing cluster keeps its own
``distributed.scheduler.allowed-failures``).
"""

from __future__ import annotations

import logging
import os
import uuid
from typing import Any

from reader.analysis import Knowledge
from reader.corpus import require
from reader.corpus.work import ArticleResult, WorkItem, analyse_chunk
from reader.errors import ExitCode, ReaderError

CONNECT_TIMEOUT = "20s"
WORKER_WAIT_SECONDS = 60
_QUIET = ("distributed", "tornado", "bokeh")


def _quiet_logs() -> None:
    # The scheduler and nannies of a LocalCluster live in this process; their warnings
    # (a worker restarted, a task marked failed) would interleave with the progress. What
    # matters is reported per article at the end of the run.
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.CRITICAL)


class DaskEngine:
    """A ``distributed.Client`` (and the ``LocalCluster`` it started, if any)."""

    def __init__(
        self, fmt: str, max_size: int, *, scheduler: str | None, workers: int | None, knowledge: Knowledge | None = None
    ) -> None:
        require("dask", "--engine dask")
        distributed = require("distributed", "--engine dask")
        _quiet_logs()
        self.fmt = fmt
        self.max_size = max_size
        self.knowledge = knowledge
        self.cluster: Any = None
        self.client: Any = None
        self.token = uuid.uuid4().hex[:12]
        self.count = 0
        try:
            if scheduler is None:
                self.cluster = distributed.LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # a free port: no clash with another cluster (no dashboard without bokeh)
                    silence_logs=logging.CRITICAL,
                    # A task whose worker dies fails at once, and the pipeline retries its
                    # articles one by one: Dask's own retries would rerun a poison chunk whole.
                    scheduler_kwargs={"allowed_failures": 0},
                )
                self.client = distributed.Client(self.cluster, set_as_default=False)
            else:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
                self._wait_for_workers(scheduler, workers or 1)
        except ReaderError:
            self.close()
            raise
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            where = scheduler or "a LocalCluster"
            raise ReaderError(
                f"{where}: cannot start the Dask client ({type(exc).__name__}: {exc})", ExitCode.NOT_FOUND
            ) from None
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.done = distributed.as_completed(loop=self.client.loop)

    def _wait_for_workers(self, scheduler: str, count: int) -> None:
        try:
            self.client.wait_for_workers(count, timeout=WORKER_WAIT_SECONDS)
        except (TimeoutError, OSError):
            have = len(self.client.nthreads())
            raise ReaderError(
                f"{scheduler}: {have} of {count} Dask worker(s) joined within {WORKER_WAIT_SECONDS}s",
                ExitCode.NOT_FOUND,
            ) from None

    def submit(self, items: list[WorkItem]) -> Any:
        self.count += 1
        future = self.client.submit(
            analyse_chunk,
            items,
            self.fmt,
            self.max_size,
            self.knowledge,
            key=f"reader-chunk-{self.token}-{self.count}",
            pure=False,
        )
        self.done.add(future)
        return future

    def next_done(self) -> tuple[Any, list[ArticleResult] | None, BaseException | None]:
        future = next(self.done)
        try:
            if future.status == "finished":
                return future, future.result(), None
            return future, None, future.exception()
        except Exception as exc:  # noqa: BLE001 - the result could not be fetched (worker gone): retry it
            return future, None, exc
        finally:
            future.release()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
