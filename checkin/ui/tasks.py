# SPDX-License-Identifier: MIT
"""Background work for views, after anki's `CollectionOp`: run a plain function off the GUI thread,
get `success`/`failure`/`progress` back on the GUI thread.

Two lanes, as in anki and picard: a single-thread *writer* lane for anything that writes the local
database (scans, voids, walk-ins, imports: in order, never two SQLite writers racing), and a
general pool for reads and slow work that does not write (exports, PDFs, decoding files).
Views never run SQL themselves; they call services through here.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")

ProgressFn = Callable[[int, int], None]

log = logging.getLogger(__name__)


def _for_live_widgets(callback: Callable[..., Any]) -> Callable[..., None]:
    """The callback, dropped quietly if what it touches was deleted while the task ran.

    A result may land after its window closed (a language switch rebuilds the views, a test ends,
    the volunteer leaves door mode). Qt then raises RuntimeError for the deleted C++ object from
    inside the event loop. That answer has nobody left to show it to, so it is dropped here once for
    every task instead of each view guarding each callback; any other error still propagates.
    """

    def call(*args: Any) -> None:
        try:
            callback(*args)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            log.debug("a background result arrived for a closed view and was dropped: %s", exc)

    return call


class CancelledError(Exception):
    """Raised inside a task by `Task.check_cancelled()` when the user pressed Cancel."""


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)
    finished = Signal()


class Task(QRunnable, Generic[T]):
    """One unit of background work. `fn` receives this task, to report progress or check cancel.

    `fn` runs on a pool thread and must never touch widgets; the callbacks run on the GUI thread
    (queued signal connections from the pool thread to objects living on the GUI thread).
    """

    def __init__(self, fn: Callable[[Task[T]], T]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self._cancel = threading.Event()
        self.signals = _Signals()

    def success(self, callback: Callable[[T], Any]) -> Task[T]:
        self.signals.succeeded.connect(_for_live_widgets(callback))
        return self

    def failure(self, callback: Callable[[BaseException, str], Any]) -> Task[T]:
        self.signals.failed.connect(_for_live_widgets(callback))
        return self

    def on_progress(self, callback: Callable[[int, int], Any]) -> Task[T]:
        self.signals.progressed.connect(_for_live_widgets(callback))
        return self

    def finally_(self, callback: Callable[[], Any]) -> Task[T]:
        self.signals.finished.connect(_for_live_widgets(callback))
        return self

    # -- called from the worker thread
    def progress(self, done: int, total: int) -> None:
        self.signals.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise CancelledError()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn(self)
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskManager(QObject):
    """Owns the two lanes; one per application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[Task[Any]] = set()

    def run_write(self, fn: Callable[[Task[T]], T]) -> Task[T]:
        """Queue database-writing work on the single writer thread (in order)."""
        return self._start(self.writer, fn)

    def run(self, fn: Callable[[Task[T]], T]) -> Task[T]:
        """Run read-only or slow non-writing work on the general pool."""
        return self._start(self.pool, fn)

    def _start(self, pool: QThreadPool, fn: Callable[[Task[T]], T]) -> Task[T]:
        task: Task[T] = Task(fn)
        self._running.add(task)
        task.signals.finished.connect(lambda: self._running.discard(task))
        # Callers attach .success/.failure right after this returns; the pool start is deferred to
        # the event loop so no signal can fire before they are connected.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: pool.start(task))
        return task

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until both lanes are idle (shutdown and tests)."""
        return self.writer.waitForDone(msecs) and self.pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
