"""The threads the app's workers run on: daemons that nobody waits for when the app ends. No textual here.

Textual runs a thread worker (``@work(thread=True)``) on the event loop's default executor, a
``ThreadPoolExecutor``. ``asyncio.run`` joins that pool when the app's loop closes, and Python joins
it again at exit, so ``q`` or Ctrl-C on a large article left the terminal waiting for whatever a
worker was still computing in this process (the plain text's index, the tables of a finished
analysis, an analysis with no child process), and a second Ctrl-C broke into that join with a
traceback from ``threading``. Once the app is leaving, nothing needs those results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class DaemonThreads(ThreadPoolExecutor):
    """An executor that runs each call on a daemon thread of its own and never waits for one.

    A ``ThreadPoolExecutor`` by type only (asyncio's ``set_default_executor`` takes no other): none
    of its pool is used. ``shutdown`` returns at once; the process ends without joining the threads.
    """

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to whoever awaits the future
                future.set_exception(exc)
            else:
                future.set_result(result)

        threading.Thread(target=run, name=f"reader-worker-{getattr(fn, '__name__', 'call')}", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for or stop: the threads are daemons."""
