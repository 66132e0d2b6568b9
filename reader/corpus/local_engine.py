"""The local engines for a corpus run: in this process (``--jobs 1``) or a process pool.

``reader batch --engine local`` keeps ``reader.batch``'s own loop for the export
formats and JSON Lines; these engines serve ``--format parquet`` on this machine, with
the same chunks, window and retries as the Dask engine.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from reader.analysis import Knowledge
from reader.corpus.work import ArticleResult, WorkItem, analyse_chunk


class InlineEngine:
    """Analyses each chunk when it is submitted, in this process."""

    workers = 1

    def __init__(self, fmt: str, max_size: int, knowledge: Knowledge | None = None) -> None:
        self.fmt = fmt
        self.max_size = max_size
        self.knowledge = knowledge
        self.done: deque[tuple[int, list[ArticleResult]]] = deque()
        self.count = 0

    def submit(self, items: list[WorkItem]) -> int:
        self.count += 1
        self.done.append((self.count, analyse_chunk(items, self.fmt, self.max_size, self.knowledge)))
        return self.count

    def next_done(self) -> tuple[Any, list[ArticleResult] | None, BaseException | None]:
        handle, results = self.done.popleft()
        return handle, results, None

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of ``workers`` processes (forked where the platform can, as ``reader.batch`` does)."""

    def __init__(self, fmt: str, max_size: int, workers: int, knowledge: Knowledge | None = None) -> None:
        self.fmt = fmt
        self.max_size = max_size
        self.knowledge = knowledge
        self.workers = workers
        self.pending: set[Future[list[ArticleResult]]] = set()
        self.pool = self._pool()

    def _pool(self) -> ProcessPoolExecutor:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context(method))

    def submit(self, items: list[WorkItem]) -> Future[list[ArticleResult]]:
        try:
            future = self.pool.submit(analyse_chunk, items, self.fmt, self.max_size, self.knowledge)
        except BrokenProcessPool:  # a worker died earlier: the pipeline resubmits into a new pool
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._pool()
            future = self.pool.submit(analyse_chunk, items, self.fmt, self.max_size, self.knowledge)
        self.pending.add(future)
        return future

    def next_done(self) -> tuple[Any, list[ArticleResult] | None, BaseException | None]:
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        future = next(iter(done))
        self.pending.discard(future)
        error = future.exception()
        return future, (None if error is not None else future.result()), error

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
