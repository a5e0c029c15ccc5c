"""The desk's ear for other desks: database changes as a Qt signal on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.db.change_feed import DataChange, watch_changes
from desk.db.engine import Database

# How long closing a window waits for the watcher's thread; it ends on its own if slower.
STOP_WAIT_S = 0.5


class DataChangeNotifier(QObject):
    """Emits ``data_changed(DataChange)`` for each change committed by any desk, and
    ``connection_changed(bool)`` when the desk stops or starts hearing the server again.

    The watcher calls ``emit`` from its own thread; the notifier lives on the
    GUI thread, so Qt queues the signal there and receivers may touch widgets.
    """

    data_changed = Signal(object)
    connection_changed = Signal(bool)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataChangeNotifier")
        self._watcher = watch_changes(database, self._heard, self._status)
        watcher = self._watcher  # not self: the C++ side is gone when destroyed fires
        self.destroyed.connect(lambda _object=None: watcher.stop(timeout=STOP_WAIT_S))

    def _heard(self, change: DataChange) -> None:
        self.data_changed.emit(change)

    def _status(self, listening: bool) -> None:
        self.connection_changed.emit(listening)

    @property
    def listening(self) -> bool:
        return self._watcher.listening.is_set()

    def stop(self) -> None:
        """Nothing is emitted after this; the watcher's thread ends on its own within a moment."""
        self._watcher.stop(timeout=STOP_WAIT_S)
