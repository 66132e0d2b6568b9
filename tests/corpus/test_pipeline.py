"""The pipeline on a fake engine: input order whatever the completion order, a bounded window,
lost chunks retried article by article one at a time, an article lost on every try reported."""

from __future__ import annotations

import random
from typing import Any

import pytest

from reader.corpus import pipeline
from reader.corpus.work import ArticleResult, WorkItem


def items(n: int, poison: frozenset[int] = frozenset()) -> list[WorkItem]:
    return [WorkItem(i, f"{'poison' if i in poison else 'ok'}-{i}.txt", f"/in/{i}.txt", f"{i}.txt") for i in range(n)]


class WorkerDied(Exception):
    """Stands for Dask's KilledWorker."""


class FakeEngine:
    """Finishes tasks in a shuffled order; a task holding a poison article dies, and so does, once,
    every task started while it ran (as a worker's other tasks die with it)."""

    def __init__(self, seed: int, workers: int = 2) -> None:
        self.workers = workers
        self.random = random.Random(seed)
        self.running: dict[int, list[WorkItem]] = {}
        self.count = 0
        self.most_running = 0
        self.most_suspects = 0
        self.submitted: list[list[int]] = []

    def submit(self, batch: list[WorkItem]) -> int:
        self.count += 1
        self.running[self.count] = batch
        self.submitted.append([item.index for item in batch])
        self.most_running = max(self.most_running, len(self.running))
        return self.count

    def next_done(self) -> tuple[Any, list[ArticleResult] | None, BaseException | None]:
        handle = self.random.choice(sorted(self.running))
        batch = self.running.pop(handle)
        if any(item.label.startswith("poison") for item in batch):
            return handle, None, WorkerDied()
        return handle, [ArticleResult(item.index, "done", item.label) for item in batch], None

    def close(self) -> None:
        pass


@pytest.mark.parametrize("seed", range(5))
def test_results_come_in_input_order_within_the_window(seed: int) -> None:
    delivered: list[int] = []

    class Bounded(FakeEngine):
        def submit(self, batch: list[WorkItem]) -> int:
            # the client holds at most 4 chunks of 3: nothing is sent 12 articles past the oldest undelivered one
            assert batch[0].index < len(delivered) + 4 * 3
            return super().submit(batch)

    engine = Bounded(seed)
    for results in pipeline.run(engine, pipeline.chunks(items(100), 3), window=4):
        delivered += [r.index for r in results]
        assert all(r.status == "done" for r in results)
    assert delivered == list(range(100))
    assert engine.most_running <= 4
    assert sorted(i for batch in engine.submitted for i in batch) == list(range(100))  # each article once


def test_a_lost_chunk_is_retried_article_by_article_and_a_poison_article_reported() -> None:
    engine = FakeEngine(seed=1)
    results = [r for batch in pipeline.run(engine, pipeline.chunks(items(20, frozenset({7})), 4), 3) for r in batch]
    assert [r.index for r in results] == list(range(20))
    assert [r.index for r in results if r.status == "done"] == [i for i in range(20) if i != 7]
    assert results[7].message == "poison-7.txt: lost: the worker analysing it died (WorkerDied), and on 2 retries"
    singles = [batch for batch in engine.submitted if len(batch) == 1]
    assert sorted(map(tuple, singles)) == [(4,), (5,), (6,), (7,), (7,)]  # chunk-mates once, it on both retries


def test_retried_articles_run_one_at_a_time() -> None:
    class Watching(FakeEngine):
        def submit(self, batch: list[WorkItem]) -> int:
            handle = super().submit(batch)
            suspects = [b for b in self.running.values() if len(b) == 1]
            self.most_suspects = max(self.most_suspects, len(suspects))
            return handle

    engine = Watching(seed=3)
    chunked = pipeline.chunks(items(40, frozenset({2, 13, 29})), 5)
    results = [r for batch in pipeline.run(engine, chunked, 4) for r in batch]
    assert [r.status for r in results].count("failed") == 3
    assert engine.most_suspects == 1


def test_chunks_are_bounded_by_count_and_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_BYTES", 10)
    sized = [WorkItem(i, f"{i}", f"{i}", f"{i}", b"x" * 4) for i in range(7)]
    assert [len(c) for c in pipeline.chunks(sized, 5, lambda item: len(item.data or b""))] == [2, 2, 2, 1]
    assert [len(c) for c in pipeline.chunks(sized, 3)] == [3, 3, 1]
    assert pipeline.chunk_size(12, 2) == 2 and pipeline.chunk_size(10_000, 2) == pipeline.CHUNK_ARTICLES
