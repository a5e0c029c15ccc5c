"""The planning grid's view, for hands on the keyboard.

Left and Right go from open day to open day of the row (past the period's
edge, the panel turns to the next or previous period); Up and Down from unit
to unit, over the activities' title rows. Space checks the cell under the
cursor; **M**, **A** and **J** book the *matin*, *après-midi* or *journée* of
the cursor's day without walking to its row. A key on a cell that cannot be
changed says why instead of doing nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from desk.db.enums import UnitKind
from desk.ui.planning_model import CellRole, PlanningModel

UNIT_KEYS = {Qt.Key.Key_M: UnitKind.MORNING, Qt.Key.Key_A: UnitKind.AFTERNOON, Qt.Key.Key_J: UnitKind.FULL_DAY}
Action = QAbstractItemView.CursorAction


class PlanningView(QTableView):
    edge_reached = Signal(int, int)  # the row, and -1 or +1: the cursor went past the period's first or last open day
    unit_key_pressed = Signal(QModelIndex, object)  # the cursor's cell, the UnitKind to book that day
    refused_key_pressed = Signal(QModelIndex)  # Space on a cell the edited child cannot change now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def planning(self) -> PlanningModel:
        model = self.model()
        assert isinstance(model, PlanningModel)
        return model

    def moveCursor(self, action: Action, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        model = self.planning()
        if not current.isValid():
            return super().moveCursor(action, modifiers)
        if action in (Action.MoveLeft, Action.MoveRight):
            step = -1 if action is Action.MoveLeft else 1
            found = model.next_open(current, step)
            if not found.isValid():
                self.edge_reached.emit(current.row(), step)
                return current
            return found
        if action in (Action.MoveUp, Action.MoveDown):
            moved = super().moveCursor(action, modifiers)
            if moved.isValid() and moved.data(CellRole.IS_TITLE):
                step = -1 if action is Action.MoveUp else 1
                row = moved.row() + step
                if not 0 <= row < model.rowCount():
                    return current
                moved = model.index(row, current.column())
            return moved
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        plain = not (event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier))
        if plain and event.key() in UNIT_KEYS and current.isValid():
            self.unit_key_pressed.emit(current, UNIT_KEYS[Qt.Key(event.key())])
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and current.isValid() \
                and not current.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self.refused_key_pressed.emit(current)
            return
        super().keyPressEvent(event)

    def place_cursor(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Put the cursor (and the selection frame) on ``index`` and show it."""
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index)
