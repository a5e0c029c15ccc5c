"""Guards against a Qt binding release that would crash the counter in the middle of the day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_a_model_returning_none_does_not_leak_references_to_none(qapp):
    """PySide6 6.12.0 dropped a reference to None at each such call: a grid painted a few
    thousand times then killed the application ('deallocating None')."""
    model = _NoneModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.DisplayRole)
    assert sys.getrefcount(None) >= before - 50
