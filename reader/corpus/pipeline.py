"""Chunks of articles through an engine, with a bounded window, retries, and results in input order.

The client cuts the articles into chunks (``chunks``), keeps at most ``window``
chunks between the oldest one not yet delivered and the newest one submitted, and
hands back each chunk's results in input order (``run``). So the client holds at
most ``window`` chunks of results, however many articles there are.

A chunk whose task is lost (its worker died: Dask's ``KilledWorker``, a broken
process pool) is split into single articles, and these go to a quarantine lane
that has one task in flight at a time: an article that kills its worker then takes
down no other retried article with it. An article lost again on each of its
``SINGLE_ATTEMPTS`` retries is reported failed. Every article ends with a result: done, failed with the
loader's or analyser's message, or failed as lost.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.corpus.work import ArticleResult, WorkItem

CHUNK_ARTICLES = 16  # at most this many articles per task
CHUNK_BYTES = 4 * 1024 * 1024  # and, when bytes are shipped, about this many bytes
SINGLE_ATTEMPTS = 2  # retries, one at a time, of an article whose worker died
WINDOW_PER_WORKER = 4  # chunks in the window per worker thread


class Engine(Protocol):
    """Runs ``reader.corpus.work.analyse_chunk`` somewhere."""

    workers: int

    def submit(self, items: list[WorkItem]) -> Any:
        """Start a task for ``items``; returns a handle."""

    def next_done(self) -> tuple[Any, list[ArticleResult] | None, BaseException | None]:
        """Wait for any started task: ``(handle, results, None)`` or ``(handle, None, error)``."""

    def close(self) -> None: ...


def chunk_size(pending: int, workers: int) -> int:
    """Articles per chunk: up to ``CHUNK_ARTICLES``, fewer so that every worker gets some work."""
    return max(1, min(CHUNK_ARTICLES, math.ceil(pending / (WINDOW_PER_WORKER * max(workers, 1)))))


def chunks(
    items: Iterable[WorkItem], size: int, weigh: Callable[[WorkItem], int] | None = None
) -> Iterator[list[WorkItem]]:
    """``items`` in order, cut every ``size`` articles (or past ``CHUNK_BYTES``, by ``weigh``)."""
    chunk: list[WorkItem] = []
    weight = 0
    for item in items:
        item_weight = weigh(item) if weigh is not None else 0
        if chunk and (len(chunk) >= size or weight + item_weight > CHUNK_BYTES):
            yield chunk
            chunk, weight = [], 0
        chunk.append(item)
        weight += item_weight
    if chunk:
        yield chunk


@dataclass(slots=True)
class _Slot:
    """One chunk of the input order, until all its articles have results."""

    items: list[WorkItem]
    results: dict[int, ArticleResult] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return len(self.results) == len(self.items)


@dataclass(frozen=True, slots=True)
class _Task:
    ordinal: int
    items: list[WorkItem]
    suspect: bool = False  # in the quarantine lane: it was on a worker that died
    attempt: int = 0  # its retry in the quarantine lane (1, 2, ...)


def _lost(item: WorkItem, error: BaseException | None, retries: int) -> ArticleResult:
    cause = type(error).__name__ if error is not None else "no result"
    again = "retry" if retries == 1 else f"{retries} retries"
    return ArticleResult(
        item.index, "failed", f"{item.label}: lost: the worker analysing it died ({cause}), and on {again}"
    )


class _Run:
    """The state of one ``run``: the window's slots, the tasks in flight, the quarantine lane."""

    def __init__(self, engine: Engine, source: Iterator[list[WorkItem]], window: int) -> None:
        self.engine = engine
        self.source = source
        self.window = max(1, window)
        self.slots: dict[int, _Slot] = {}
        self.tasks: dict[Any, _Task] = {}
        self.suspects: deque[_Task] = deque()
        self.next_ordinal = 0  # the next chunk to take from the source
        self.deliver_ordinal = 0  # the oldest chunk not yet delivered
        self.exhausted = False

    def submit(self, task: _Task) -> None:
        self.tasks[self.engine.submit(task.items)] = task

    def fill(self) -> None:
        """Take chunks from the source while the window has room; start one suspect if none runs."""
        while not self.exhausted and self.next_ordinal < self.deliver_ordinal + self.window:
            items = next(self.source, None)
            if items is None:
                self.exhausted = True
                break
            self.slots[self.next_ordinal] = _Slot(items)
            self.submit(_Task(self.next_ordinal, items))
            self.next_ordinal += 1
        if self.suspects and not any(task.suspect for task in self.tasks.values()):
            self.submit(self.suspects.popleft())

    def ready(self) -> Iterator[list[ArticleResult]]:
        while self.deliver_ordinal in self.slots and self.slots[self.deliver_ordinal].complete:
            slot = self.slots.pop(self.deliver_ordinal)
            self.deliver_ordinal += 1
            yield [slot.results[item.index] for item in slot.items]

    @property
    def finished(self) -> bool:
        return self.exhausted and not self.slots

    def wait(self) -> None:
        handle, results, error = self.engine.next_done()
        task = self.tasks.pop(handle)
        slot = self.slots[task.ordinal]
        if results is not None:
            for result in results:
                slot.results[result.index] = result
        elif len(task.items) > 1:
            # One of them may be what killed the worker: each goes alone through the quarantine lane.
            self.suspects.extend(_Task(task.ordinal, [item], True, 1) for item in task.items)
        elif task.attempt < SINGLE_ATTEMPTS:
            self.suspects.append(_Task(task.ordinal, task.items, True, task.attempt + 1))
        else:
            slot.results[task.items[0].index] = _lost(task.items[0], error, task.attempt)


def run(engine: Engine, chunk_iter: Iterable[list[WorkItem]], window: int) -> Iterator[list[ArticleResult]]:
    """Each chunk's results, in input order, as soon as it and every chunk before it are complete."""
    state = _Run(engine, iter(chunk_iter), window)
    while True:
        state.fill()
        yield from state.ready()
        if state.finished:
            return
        if state.tasks:
            state.wait()
