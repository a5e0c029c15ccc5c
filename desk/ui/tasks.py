"""Run database work off the GUI thread and get the result back on it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Task(QRunnable):
    def __init__(self, task_id: int, work: Callable[[], Any], runner: BackgroundRunner) -> None:
        super().__init__()
        self.task_id = task_id
        self.job = work
        self.runner = runner

    def run(self) -> None:
        try:
            result = self.job()
        except Exception as error:  # handed to the GUI thread, which decides what to say
            self.runner.task_failed.emit(self.task_id, error)
        else:
            self.runner.task_finished.emit(self.task_id, result)


class BackgroundRunner(QObject):
    """Runs callables on its own thread pool; callbacks run on this object's thread.

    With one thread, work runs in the order it was given: the family file's
    reads and writes go through such a runner, so a reload asked after a click
    sees what the click did, and two presses are applied one after the other.

    The worker emits the runner's signals; since the runner lives on the GUI
    thread, Qt queues them there, so callbacks may touch widgets.
    """

    task_finished = Signal(int, object)
    task_failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._closed = False
        self.task_finished.connect(self._deliver_result)
        self.task_failed.connect(self._deliver_error)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        if self._closed:
            return  # its window is gone: a late callback asks for nothing more
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self.pool.start(_Task(task_id, work, self))

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(task_id)
        on_done(result)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, error: Exception) -> None:
        _, on_error = self._callbacks.pop(task_id)
        on_error(error)

    @property
    def waiting(self) -> int:
        """How many tasks are queued or running whose result has not been delivered yet."""
        return len(self._callbacks)

    def shut_down(self, msecs: int = 5000) -> bool:
        """Take no more work, and wait for what runs: the window that owns this runner is closing."""
        self._closed = True
        return self.pool.waitForDone(msecs)

    def wait_for_done(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
