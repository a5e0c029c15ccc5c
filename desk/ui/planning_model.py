"""The planning grid as a Qt table model: one column per day, one row per activity title or unit.

Cells carry plain data under custom roles (``CellRole``); the delegate decides
how they look. In edit mode, the open cells the agent may change for the
child being edited are checkable: setting their check state asks for the
booking to be toggled (``toggle_requested``), which the planning panel
performs off the GUI thread; the cell shows it is busy until the answer comes.
A new grid of the same shape replaces the old one cell by cell: only the cells
that differ emit ``dataChanged``, so the view keeps the agent's cell and
repaints little.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desk.db.enums import UnitKind
from desk.money import format_cents
from desk.services.booking_rules import Blocker
from desk.services.planning import CellState, ChildSlot, PlanningCell, PlanningGrid
from desk.ui.texts import places_left_text

ModelIndex = QModelIndex | QPersistentModelIndex
WEEKDAY_LETTERS = ("Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di")
TODAY_BACKGROUND = QColor("#fff3c4")


class CellRole(IntEnum):
    IS_TITLE = Qt.ItemDataRole.UserRole + 1
    IS_OPEN = Qt.ItemDataRole.UserRole + 2
    PLACES_LEFT = Qt.ItemDataRole.UserRole + 3
    CAPACITY = Qt.ItemDataRole.UserRole + 4
    PRICE = Qt.ItemDataRole.UserRole + 5
    SLOTS = Qt.ItemDataRole.UserRole + 6  # tuple[ChildSlot, ...]
    OPEN_DAY_ID = Qt.ItemDataRole.UserRole + 7
    DAY = Qt.ItemDataRole.UserRole + 8
    EDITED_SLOT = Qt.ItemDataRole.UserRole + 9  # the ChildSlot of the child being edited, if any
    IS_TODAY = Qt.ItemDataRole.UserRole + 10
    LOOK = Qt.ItemDataRole.UserRole + 11  # everything the delegate paints, in one call (CellLook)
    IS_BUSY = Qt.ItemDataRole.UserRole + 12  # a change of this cell is on its way to the database


@dataclass(frozen=True)
class CellLook:
    is_title: bool
    title: str
    is_open: bool
    is_today: bool
    places_left: int
    slots: tuple[ChildSlot, ...]
    checkable: bool
    checked: bool
    busy: bool = False
    closed_to_agent: bool = False  # gone by, or (in edit mode) not to be changed now: painted as closed


STATE_NAMES = {
    CellState.PENDING: "en attente de paiement",
    CellState.CONFIRMED: "réglée",
    CellState.PENDING_CANCELLATION: "annulation en attente",
}


# What closes a day to any booking (painted closed); a paid day or one its exclusion blocks stays open-looking.
CLOSED_TO_BOOKING = frozenset({Blocker.CLOSED, Blocker.PAST, Blocker.DEADLINE, Blocker.FULL})


@dataclass(frozen=True)
class _Row:
    title: str
    unit_name: str | None  # None for an activity's title row
    cells: tuple[PlanningCell, ...]
    kind: UnitKind | None = None


class PlanningModel(QAbstractTableModel):
    toggle_requested = Signal(int, int, bool)  # child id, open day id, whether the agent checks (or unchecks) it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: PlanningGrid | None = None
        self.today: date | None = None
        self.editing_child_id: int | None = None
        self._rows: list[_Row] = []
        self._names: dict[int, str] = {}
        self._busy: Counter[int] = Counter()  # open day id → changes on their way

    # -- loading -------------------------------------------------------------

    def set_grid(self, grid: PlanningGrid, today: date) -> bool:
        """Show ``grid``: cell by cell when only cells changed, else by a reset (True)."""
        rows = _rows_of(grid)
        names = {child.id: child.first_name for child in grid.children}
        if self.grid is not None and (self.today, self.grid.days, self._names, _shape(self._rows)) == (
                today, grid.days, names, _shape(rows)):
            before, self._rows, self.grid = self._rows, rows, grid
            for number, (old, new) in enumerate(zip(before, rows, strict=True)):
                for column, (old_cell, new_cell) in enumerate(zip(old.cells, new.cells, strict=True)):
                    if old_cell != new_cell:
                        self.dataChanged.emit(self.index(number, column), self.index(number, column))
            return False
        self.beginResetModel()
        self.grid, self.today, self._names, self._rows = grid, today, names, rows
        self.endResetModel()
        return True

    def set_busy(self, open_day_id: int, busy: bool) -> None:
        """Mark the cell of ``open_day_id`` as waiting for the database (counted: presses may queue)."""
        self._busy[open_day_id] += 1 if busy else -1
        if self._busy[open_day_id] <= 0:
            del self._busy[open_day_id]
        index = self.index_of(open_day_id)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def index_of(self, open_day_id: int) -> QModelIndex:
        for number, row in enumerate(self._rows):
            for column, cell in enumerate(row.cells):
                if cell.open_day_id == open_day_id:
                    return self.index(number, column)
        return QModelIndex()

    def set_editing_child(self, child_id: int | None) -> None:
        """Enter (a child id) or leave (None) edit mode; only the flags and check states change."""
        if child_id == self.editing_child_id:
            return
        self.editing_child_id = child_id
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- where the keyboard goes ---------------------------------------------

    def first_bookable(self) -> QModelIndex:
        """The earliest cell (then the first row) the edited child can book now; invalid if none is shown."""
        best: tuple[int, int] | None = None
        for number, row in enumerate(self._rows):
            for column, cell in enumerate(row.cells):
                slot = self._edited_slot(cell)
                if slot is not None and slot.can_change and slot.state is CellState.NONE \
                        and (best is None or (column, number) < (best[1], best[0])):
                    best = (number, column)
        return self.index(*best) if best else QModelIndex()

    def next_open(self, index: ModelIndex, step: int) -> QModelIndex:
        """The next open day of the row in the direction ``step`` (±1); invalid at the period's edge."""
        if not index.isValid() or not self._rows[index.row()].cells:
            return QModelIndex()
        cells, column = self._rows[index.row()].cells, index.column() + step
        while 0 <= column < len(cells):
            if cells[column].is_open:
                return self.index(index.row(), column)
            column += step
        return QModelIndex()

    def open_at_edge(self, row: int, step: int) -> QModelIndex:
        """The row's first open day (``step`` 1) or its last (``step`` -1); invalid if it has none."""
        if not 0 <= row < len(self._rows):
            return QModelIndex()
        cells = self._rows[row].cells
        columns = range(len(cells)) if step > 0 else range(len(cells) - 1, -1, -1)
        column = next((number for number in columns if cells[number].is_open), None)
        return self.index(row, column) if column is not None else QModelIndex()

    def unit_row(self, row: int) -> int | None:
        """``row`` if it is a unit's, else the first unit row below (an activity's title row is never a cursor)."""
        for number in range(max(row, 0), len(self._rows)):
            if self._rows[number].cells:
                return number
        return None

    def row_of_kind(self, near: int, kind: UnitKind) -> int | None:
        """In the activity of row ``near``, the row of the unit of ``kind`` (matin, après-midi, journée)."""
        if not 0 <= near < len(self._rows):
            return None
        title = self._rows[near].title
        return next((number for number, row in enumerate(self._rows)
                     if row.title == title and row.cells and row.kind is kind), None)

    # -- shape ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            return self._day_header(section, role)
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.unit_name or ""  # the activity's name is painted across its title row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        if role == CellRole.IS_TITLE:
            return row.unit_name is None
        if role == Qt.ItemDataRole.FontRole and row.unit_name is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _day_header(self, section: int, role: int):
        if self.grid is None or not 0 <= section < len(self.grid.days):
            return None
        day = self.grid.days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{WEEKDAY_LETTERS[day.weekday()]}\n{day.day}"
        if role == Qt.ItemDataRole.UserRole:
            return day
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{day:%d/%m/%Y}"
        if role == Qt.ItemDataRole.BackgroundRole and day == self.today:
            return QBrush(TODAY_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # -- cells ---------------------------------------------------------------

    def _cell(self, index: ModelIndex) -> tuple[_Row, PlanningCell | None] | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < self.columnCount():
            return None
        row = self._rows[index.row()]
        return row, (row.cells[index.column()] if row.cells else None)

    def _edited_slot(self, cell: PlanningCell | None) -> ChildSlot | None:
        if cell is None or self.editing_child_id is None:
            return None
        return next((slot for slot in cell.slots if slot.child_id == self.editing_child_id), None)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        found = self._cell(index)
        if found is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        slot = self._edited_slot(found[1])
        if slot is not None and slot.can_change:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        found = self._cell(index)
        if found is None:
            return None
        row, cell = found
        if role == CellRole.LOOK:
            return self._look(index, row, cell)
        if role == CellRole.IS_TITLE:
            return cell is None
        if role == Qt.ItemDataRole.DisplayRole and cell is None:
            return row.title if index.column() == 0 else None
        if role == CellRole.DAY and self.grid is not None:
            return self.grid.days[index.column()]
        if role == CellRole.IS_TODAY and self.grid is not None:
            return self.grid.days[index.column()] == self.today
        if cell is None:
            return None
        if role == CellRole.IS_BUSY:
            return cell.open_day_id in self._busy
        slot = self._edited_slot(cell)
        if role == Qt.ItemDataRole.CheckStateRole:
            if slot is None:
                return None
            booked = slot.state in (CellState.PENDING, CellState.CONFIRMED)
            return Qt.CheckState.Checked if booked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(row, cell).replace("\n", ", ")
        return {
            CellRole.IS_OPEN: cell.is_open,
            CellRole.PLACES_LEFT: cell.places_left,
            CellRole.CAPACITY: cell.capacity,
            CellRole.PRICE: cell.price_cents,
            CellRole.SLOTS: cell.slots,
            CellRole.OPEN_DAY_ID: cell.open_day_id,
            CellRole.EDITED_SLOT: slot,
        }.get(role)

    def _look(self, index: ModelIndex, row: _Row, cell: PlanningCell | None) -> CellLook:
        day = self.grid.days[index.column()] if self.grid is not None else None
        if cell is None:
            return CellLook(True, row.title if index.column() == 0 else "", False, False, 0, (), False, False)
        slot = self._edited_slot(cell)
        checkable = slot is not None and slot.can_change
        checked = slot is not None and slot.state in (CellState.PENDING, CellState.CONFIRMED)
        gone = day is not None and self.today is not None and day < self.today
        closed = slot is not None and not checkable and slot.blocker in CLOSED_TO_BOOKING
        return CellLook(False, "", cell.is_open, day == self.today, cell.places_left, cell.slots, checkable, checked,
                        cell.open_day_id in self._busy, closed_to_agent=gone or closed)

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        found = self._cell(index)
        assert found is not None and found[1] is not None and self.editing_child_id is not None
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
        self.toggle_requested.emit(self.editing_child_id, found[1].open_day_id, checked)
        return True

    def _tooltip(self, row: _Row, cell: PlanningCell) -> str:
        lines = [f"{row.unit_name} — {_weekday(cell.day)} {cell.day:%d/%m/%Y}"]
        if not cell.is_open:
            return "\n".join(lines + [QCoreApplication.translate("PlanningModel", "Closed that day.")])
        lines.append(places_left_text(cell.places_left, cell.capacity))
        lines.append(QCoreApplication.translate("PlanningModel", "Price for this family: %1").replace("%1", format_cents(cell.price_cents)))
        for slot in cell.slots:
            name = self._names.get(slot.child_id, "")
            state = STATE_NAMES.get(slot.state, QCoreApplication.translate("PlanningModel", "not booked"))
            text = f"{name} : {state}"
            if slot.state is not CellState.NONE:
                text += f" ({format_cents(slot.price_cents)})"
            if not slot.can_change and slot.reason:
                text += f" — {slot.reason}"
            lines.append(text)
        return "\n".join(lines)


def _rows_of(grid: PlanningGrid) -> list[_Row]:
    rows = []
    for block in grid.blocks:
        rows.append(_Row(block.activity_name, None, ()))
        rows += [_Row(block.activity_name, row.unit_name, row.cells, row.kind) for row in block.rows]
    return rows


def _shape(rows: list[_Row]) -> list[tuple[str, str | None]]:
    return [(row.title, row.unit_name) for row in rows]


def _weekday(day: date) -> str:
    return ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")[day.weekday()]
