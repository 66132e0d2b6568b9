"""The one timer the benchmark scripts share."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeats`` timed runs, in seconds of this process's CPU time.

    CPU time, not wall time: on a shared machine other processes would otherwise
    slow one side of a ratio more than the other. The clock stops when ``run``
    returns: freeing its result (a whole Document, ~0.1 s on 1 MB) is the caller's
    business, done whenever it lets the result go, and is not part of the work timed.
    """
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
        del result
    return best
