"""Code the Dask tests install in worker processes, to kill one while it analyses a chosen article.

Importable by the workers (they inherit the test process's ``sys.path``). Both hooks wrap
``reader.corpus.work.analyse_item``, which ``analyse_chunk`` looks up at each call (passing on
the run's ``Knowledge``: the sources mapping and whether to apply corrections).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin


def stall_once(target: str, marker: str) -> int:
    """Make the first worker to reach ``target`` write its pid to ``marker`` and wait to be killed.

    Run on every worker with ``client.run``; a worker started later (the nanny's
    replacement for a killed one) is not patched, and a second attempt at ``target``
    finds the claim taken and runs normally. Returns the worker's pid.
    """
    import reader.corpus.work as work

    original = work.analyse_item

    def stalling(item, fmt, max_size, *knowledge):  # type: ignore[no-untyped-def]
        if item.label.endswith(target):
            try:
                claim = os.open(marker + ".claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return original(item, fmt, max_size, *knowledge)
            os.close(claim)
            Path(marker + ".tmp").write_text(str(os.getpid()), encoding="utf-8")
            os.replace(marker + ".tmp", marker)
            while True:  # until the test kills this process
                time.sleep(1)
        return original(item, fmt, max_size, *knowledge)

    work.analyse_item = stalling
    return os.getpid()


class KillOn(WorkerPlugin):
    """On every worker, present and future: the process kills itself when it reaches ``target``."""

    name = "reader-test-kill-on"

    def __init__(self, target: str) -> None:
        self.target = target

    def setup(self, worker) -> None:  # type: ignore[no-untyped-def]
        import reader.corpus.work as work

        original = work.analyse_item
        target = self.target

        def dying(item, fmt, max_size, *knowledge):  # type: ignore[no-untyped-def]
            if item.label.endswith(target):
                os.kill(os.getpid(), signal.SIGKILL)
            return original(item, fmt, max_size, *knowledge)

        work.analyse_item = dying
