"""A small thread pool whose results come back on the GUI thread.

Device I/O and HTTP never run on the GUI thread. :class:`Workers` runs a callable on a pool
thread and delivers its result (or exception) to a callback through a queued Qt signal, so
the callback runs on the thread that owns the :class:`Workers` object (the GUI thread).
:meth:`Workers.post` marshals any callable to that thread; :meth:`Workers.call` does the same
and waits for the answer with a timeout (for the control API's server threads).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class GuiCallTimeout(TimeoutError):
    """The GUI thread did not run a marshalled call within the timeout."""


class Workers(QObject):
    """Runs blocking work on a pool and hands results back on the owner's (GUI) thread."""

    _deliver = Signal(object)

    def __init__(self, max_workers: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="kiosk-worker")
        self._deliver.connect(self._run_on_owner)
        self._closed = False

    @Slot(object)
    def _run_on_owner(self, thunk: Callable[[], None]) -> None:
        if self._closed:
            return
        try:
            thunk()
        except Exception:
            log.exception("GUI-thread callback failed")

    def post(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread: soon from another thread (returns at once), at once
        when called on the GUI thread itself. So :meth:`submit`'s ``done`` runs inside
        ``submit`` when the work finished before its callback was attached: code that keeps
        the returned future must not assume ``done`` has not run yet."""
        if not self._closed:
            self._deliver.emit(fn)

    def call(self, fn: Callable[[], T], timeout_s: float = 5.0) -> T:
        """Run ``fn`` on the GUI thread and return its result; raises what it raised.

        From the GUI thread itself ``fn`` runs directly. Raises :class:`GuiCallTimeout` when the
        GUI thread does not get to it within ``timeout_s``.
        """
        if QThread.currentThread() is self.thread():
            return fn()
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn())
            except Exception as error:
                future.set_exception(error)

        self.post(run)
        try:
            return future.result(timeout=timeout_s)
        except FutureTimeout:
            future.cancel()
            raise GuiCallTimeout(f"GUI thread busy for more than {timeout_s} s") from None

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``work`` on a pool thread; then ``done(result)`` or ``failed(error)`` on the GUI
        thread. An error without ``failed`` is logged."""

        def finished(future: Future[T]) -> None:
            if future.cancelled():  # dropped by shutdown(): nobody is waiting for it
                return
            error = future.exception()
            if error is None:
                result = future.result()
                self.post(lambda: done(result))
            elif failed is not None:
                self.post(lambda: failed(error))
            else:
                log.error("worker failed: %r", error)

        future = self._pool.submit(work)
        future.add_done_callback(finished)
        return future

    def shutdown(self) -> None:
        """Stop accepting work, drop undelivered results, let running work finish unseen."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

