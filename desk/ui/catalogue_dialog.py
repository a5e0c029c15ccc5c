"""The administrator's catalogue screen: prices per bracket, capacities and open days of an activity."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.money import format_cents, parse_euros
from desk.services.application import Catalogue
from desk.services.catalogue import ActivitySheet
from desk.ui.context import DeskContext
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text

WEEKDAY_NAMES = ("Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di")


class CatalogueDialog(QDialog):
    """Opens at once on *Chargement…*; every read and change runs off the GUI thread, the screen waiting meanwhile."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.catalogue = context.services.catalogue
        self.runner = runner
        self.sheet: ActivitySheet | None = None
        self._loading = False
        self._asked = 0
        self.setObjectName("catalogueDialog")
        self.setWindowTitle(self.tr("Activity catalogue"))
        self.resize(900, 640)
        self.activity_combo = QComboBox(self)
        self.activity_combo.setObjectName("catalogueActivityCombo")
        self.activity_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.prices = QTableWidget(self)
        self.prices.setObjectName("pricesTable")
        self.prices.itemChanged.connect(self._price_edited)
        self.prices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("catalogueUnitCombo")
        self.capacity_spin = QSpinBox(self)
        self.capacity_spin.setObjectName("capacitySpin")
        self.capacity_spin.setRange(1, 10_000)
        self.apply_capacity_button = apply_capacity = QPushButton(self.tr("Apply this capacity to the unit's days"),
                                                                  self)
        apply_capacity.setObjectName("applyCapacityButton")
        apply_capacity.clicked.connect(self.apply_capacity)
        self.days = QListWidget(self)
        self.days.setObjectName("openDaysList")
        self.close_day_button = close_button = QPushButton(self.tr("Close the selected day"), self)
        close_button.setObjectName("closeDayButton")
        close_button.clicked.connect(self.close_selected_day)
        self.first_edit, self.last_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.first_edit.setObjectName("openFromEdit")
        self.last_edit.setObjectName("openUntilEdit")
        self.weekday_checks = [QCheckBox(name, self) for name in WEEKDAY_NAMES]
        self.holiday_check = QCheckBox(self.tr("Open during school holidays (holiday centre)"), self)
        self.holiday_check.setObjectName("duringHolidaysCheck")
        self.open_days_button = open_button = QPushButton(self.tr("Open these days"), self)
        open_button.setObjectName("openDaysButton")
        open_button.clicked.connect(self.open_new_days)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("catalogueMessageLabel")
        self.message_label.setWordWrap(True)

        capacity_row = QHBoxLayout()
        capacity_row.addWidget(QLabel(self.tr("Unit"), self))
        capacity_row.addWidget(self.unit_combo, 1)
        capacity_row.addWidget(QLabel(self.tr("Places per day"), self))
        capacity_row.addWidget(self.capacity_spin)
        capacity_row.addWidget(apply_capacity)
        opening = QHBoxLayout()
        opening.addWidget(QLabel(self.tr("From"), self))
        opening.addWidget(self.first_edit)
        opening.addWidget(QLabel(self.tr("to"), self))
        opening.addWidget(self.last_edit)
        for check in self.weekday_checks:
            opening.addWidget(check)
        opening.addWidget(open_button)
        days_box = QGroupBox(self.tr("Open days of the unit"), self)
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.days, 1)
        days_layout.addWidget(close_button, 0, Qt.AlignmentFlag.AlignRight)
        days_layout.addLayout(opening)
        days_layout.addWidget(self.holiday_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.activity_combo)
        layout.addWidget(QLabel(self.tr("Prices per quotient bracket (double-click to change)"), self))
        layout.addWidget(self.prices)
        layout.addLayout(capacity_row)
        layout.addWidget(days_box, 1)
        layout.addWidget(self.message_label)
        self.unit_combo.currentIndexChanged.connect(lambda _index: self._show_days())
        self._editors = (self.activity_combo, self.prices, self.unit_combo, self.capacity_spin, apply_capacity,
                         self.days, close_button, self.first_edit, self.last_edit, *self.weekday_checks,
                         self.holiday_check, open_button)
        self._set_busy(loading_text())
        self._asked += 1
        asked = self._asked
        self.runner.run(self.catalogue.first_sheet, lambda found: self._names_read(asked, *found),
                        lambda error: self._not_read(asked, error))

    # -- showing -------------------------------------------------------------

    def _set_busy(self, text: str) -> None:
        """The screen waits for the database: nothing can be changed twice, the status line says why."""
        for widget in self._editors:
            widget.setEnabled(False)
        self.message_label.setText(text)

    def _set_ready(self) -> None:
        for widget in self._editors:
            widget.setEnabled(True)

    def _names_read(self, asked: int, names: list[tuple[int, str]], sheet: ActivitySheet | None) -> None:
        self.activity_combo.blockSignals(True)
        for activity_id, name in names:
            self.activity_combo.addItem(name, activity_id)
        self.activity_combo.blockSignals(False)
        self._sheet_read(asked, sheet, "")

    def _not_read(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self._set_ready()
            self.message_label.setText(failure_text(error))

    def reload(self, done: str = "") -> None:
        """The chosen activity's sheet, read off the GUI thread; ``done``: what to say once it shows."""
        activity_id = self.activity_combo.currentData()
        if activity_id is None:
            return
        catalogue = self.catalogue
        self._asked += 1
        asked = self._asked
        self._set_busy(loading_text())
        self.runner.run(lambda: catalogue.sheet(activity_id),
                        lambda sheet: self._sheet_read(asked, sheet, done), lambda error: self._not_read(asked, error))

    def _sheet_read(self, asked: int, sheet: ActivitySheet | None, done: str) -> None:
        if asked != self._asked:
            return  # another activity was chosen meanwhile: its sheet follows
        self._set_ready()
        self.message_label.setText(done)
        if sheet is None:
            return
        self.show_sheet(sheet)

    def show_sheet(self, sheet: ActivitySheet) -> None:
        self.sheet = sheet
        self._loading = True
        units = self.sheet.units
        brackets = units[0].prices if units else ()
        self.prices.setRowCount(len(units))
        self.prices.setColumnCount(len(brackets))
        self.prices.setHorizontalHeaderLabels([label for _id, label, _price in brackets])
        self.prices.setVerticalHeaderLabels([unit.unit_name for unit in units])
        for row, unit in enumerate(units):
            for column, (bracket_id, _label, price) in enumerate(unit.prices):
                item = QTableWidgetItem("" if price is None else format_cents(price))
                item.setData(Qt.ItemDataRole.UserRole, (unit.unit_id, bracket_id))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.prices.setItem(row, column, item)
        current_unit = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(unit.unit_name, unit.unit_id)
        if current_unit is not None and self.unit_combo.findData(current_unit) >= 0:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(current_unit))
        self.unit_combo.blockSignals(False)
        self.first_edit.setDate(QDate(self.sheet.start_date))
        self.last_edit.setDate(QDate(self.sheet.end_date))
        self._loading = False
        self._show_days()

    def _show_days(self) -> None:
        if self.sheet is None:
            return
        unit_id = self.unit_combo.currentData()
        unit = next((u for u in self.sheet.units if u.unit_id == unit_id), None)
        if unit is not None and unit.capacity:
            self.capacity_spin.setValue(unit.capacity)
        self.days.clear()
        for line in (d for d in self.sheet.open_days if d.unit_id == unit_id):
            item = QListWidgetItem(self.tr("%1 — %2 places, %3 taken").replace("%1", f"{WEEKDAY_NAMES[line.day.weekday()]} "
                                   f"{line.day:%d/%m/%Y}").replace("%2", str(line.capacity)).replace("%3", str(line.places_taken)))
            item.setData(Qt.ItemDataRole.UserRole, line.open_day_id)
            self.days.addItem(item)

    # -- editing -------------------------------------------------------------

    def _run(self, action: Callable[[Catalogue, int], ActivitySheet], done: str) -> None:
        """Write ``action`` on the chosen activity (it reads the sheet again in the same transaction); a refusal
        says why, the sheet shown again as the database has it."""
        activity_id, catalogue = self.activity_combo.currentData(), self.catalogue
        self._asked += 1
        asked = self._asked
        self._set_busy(self.tr("Saving…"))
        self.runner.run(lambda: action(catalogue, activity_id), lambda sheet: self._sheet_read(asked, sheet, done),
                        lambda error: self._not_saved(asked, error))

    def _not_saved(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.reload(failure_text(error))  # the sheet as the database has it, not as it was typed

    def _price_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        unit_id, bracket_id = item.data(Qt.ItemDataRole.UserRole)
        cents = parse_euros(item.text())
        if cents is None:
            self.reload(self.tr("Type a price, for example 4,00."))  # the price as it was
            return
        self._run(lambda catalogue, activity_id: catalogue.set_price(activity_id, unit_id, bracket_id, cents),
                  self.tr("Price saved: new bookings pay it."))

    def apply_capacity(self) -> None:
        unit_id, capacity = self.unit_combo.currentData(), self.capacity_spin.value()
        self._run(lambda catalogue, activity_id: catalogue.set_capacity(activity_id, unit_id, capacity),
                  self.tr("Capacity saved (days already fuller keep room for their bookings)."))

    def close_selected_day(self) -> None:
        item = self.days.currentItem()
        if item is None:
            return
        open_day_id = item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda catalogue, activity_id: catalogue.close_day(activity_id, open_day_id),
                  self.tr("Day closed."))

    def open_new_days(self) -> None:
        weekdays = {index for index, check in enumerate(self.weekday_checks) if check.isChecked()}
        if not weekdays:
            self.message_label.setText(self.tr("Tick the weekdays to open."))
            return
        unit_id, capacity = self.unit_combo.currentData(), self.capacity_spin.value()
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        skip = not self.holiday_check.isChecked()
        self._run(lambda catalogue, activity_id: catalogue.open_days(activity_id, unit_id, first, last, weekdays,
                                                                     capacity, skip),
                  self.tr("Days opened."))
