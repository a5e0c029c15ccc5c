"""*Régie* (régisseur, Ctrl+Shift+V): the books of the régie towards the bank and the comptable public.

Four tabs: the cheques to remit to the bank (by the next working day) and the slips already made; the card and
online takings of each day, to match against the bank statements; the versement of the takings to the comptable
public, with the régie's balances and what stops a versement; the month's takings per activity and per mode, for
the ordonnateur's titre de recette (CSV and PDF).

Every read and write goes through ``context.services.books`` on the runner handed in (the main window's serial one,
which writes money), never on the GUI thread; the documents are drawn there too, then shown in the document window
(print, save as PDF). What the services refuse is said, in French, in the tab where it was asked, and what was
typed or ticked stays as it was.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.errors import DeskError
from desk.money import format_cents
from desk.services.application import TakingsReport, VersementPreview
from desk.services.regie_books import HeldCheque, RegieBalances
from desk.ui.context import DeskContext
from desk.ui.dialogs import present
from desk.ui.document_dialog import DocumentDialog
from desk.ui.record_model import RECORD_ROLE, Column, ModelIndex, RecordTableModel, record_table
from desk.ui.review_dialog import ALERT_INK
from desk.ui.tasks import BackgroundRunner
from desk.ui.verify_dialog import set_role
from desk.ui.waiting import failure_text, loading_text
from reports import data

_log = logging.getLogger(__name__)

Remittance = tuple[int, str, datetime, int, int]  # id, code, made at, cheques, total (RegieBooks.remittances)
ChequeFacts = data.HeldCheque  # as the slip prints it (the model's ``data`` hides the module in its body)
PastVersement = tuple[int, str, date, date, int]  # id, code, first day, last day, total (RegieBooks.versements)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


def _date_edit(parent: QWidget, object_name: str, display: str = "dd/MM/yyyy") -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display)
    return edit


def _set_date(edit: QDateEdit, day: date) -> None:
    """Set without announcing it: the tab asks once for what the new dates show."""
    edit.blockSignals(True)
    edit.setDate(_qdate(day))
    edit.blockSignals(False)


def _document_reason(error: Exception) -> str:
    """Why a document could not be drawn: the service's French words, or the renderer's own (logged)."""
    if isinstance(error, DeskError):
        return failure_text(error)
    _log.error("régie document not drawn", exc_info=error)
    return str(error)[:200] or type(error).__name__


def _fit_table(view: QTableView, rows: int) -> None:
    """Tall enough for ``rows`` rows and its header, whatever the window's height."""
    header = view.horizontalHeader().sizeHint().height()
    view.setMinimumHeight(header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth())


# -- the cheques held ----------------------------------------------------------------------------------------


class ChequeRole(enum.IntEnum):
    PAYMENT_LINE_ID = Qt.ItemDataRole.UserRole + 30
    AMOUNT_CENTS = Qt.ItemDataRole.UserRole + 31
    LATE = Qt.ItemDataRole.UserRole + 32  # held beyond the next working day after it came
    CHEQUE = Qt.ItemDataRole.UserRole + 33  # the reports.data.HeldCheque
    CHOSEN = Qt.ItemDataRole.UserRole + 34  # ticked for the next remittance


class HeldChequesModel(QAbstractTableModel):
    """The cheques received and not remitted, one per row, ticked in the first column for the next slip.

    The ticks are kept by payment line across a reload: a cheque still held stays ticked, one gone is dropped.
    """

    choice_changed = Signal()

    RECEIPT, RECEIVED, DRAWER, BANK, NUMBER, AMOUNT, STATE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cheques: list[HeldCheque] = []
        self._chosen: set[int] = set()
        self._headers = [self.tr("Receipt"), self.tr("Received"), self.tr("Drawer"), self.tr("Bank"),
                         self.tr("Cheque number"), self.tr("Amount"), self.tr("State")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cheques)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.RECEIPT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _valid(self, index: ModelIndex) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._cheques) and 0 <= index.column() < len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        held = self._cheques[index.row()]
        cheque = held.cheque
        if role == ChequeRole.PAYMENT_LINE_ID:
            return held.payment_line_id
        if role == ChequeRole.AMOUNT_CENTS:
            return cheque.amount_cents
        if role == ChequeRole.LATE:
            return cheque.late
        if role == ChequeRole.CHEQUE:
            return cheque
        if role == ChequeRole.CHOSEN:
            return held.payment_line_id in self._chosen
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, cheque)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.RECEIPT:
            return Qt.CheckState.Checked if held.payment_line_id in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cheque.late:
            return QBrush(QColor(ALERT_INK))
        if role == Qt.ItemDataRole.FontRole and cheque.late and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if cheque.late:
                return self.tr("Held beyond the next working day after it was received: remit it to the bank now.")
            return self._text(column, cheque)
        return None

    def _text(self, column: int, cheque: ChequeFacts) -> str:
        if column == self.RECEIPT:
            return cheque.receipt_code
        if column == self.RECEIVED:
            return f"{cheque.received_at.astimezone(PARIS):%d/%m/%Y %H:%M}"
        if column == self.DRAWER:
            return cheque.drawer
        if column == self.BANK:
            return cheque.bank
        if column == self.NUMBER:
            return cheque.number
        if column == self.AMOUNT:
            return format_cents(cheque.amount_cents)
        return self.tr("Late") if cheque.late else self.tr("To remit")

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self._valid(index) or index.column() != self.RECEIPT:
            return False
        line_id = self._cheques[index.row()].payment_line_id
        if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True):
            self._chosen.add(line_id)
        else:
            self._chosen.discard(line_id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.STATE),
                              [Qt.ItemDataRole.CheckStateRole, ChequeRole.CHOSEN])
        self.choice_changed.emit()
        return True

    def set_cheques(self, cheques: Sequence[HeldCheque]) -> None:
        self.beginResetModel()
        self._cheques = list(cheques)
        self._chosen &= {held.payment_line_id for held in self._cheques}
        self.endResetModel()
        self.choice_changed.emit()

    def choose_all(self, chosen: bool) -> None:
        self._chosen = {held.payment_line_id for held in self._cheques} if chosen else set()
        if self._cheques:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cheques) - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.CheckStateRole, ChequeRole.CHOSEN])
        self.choice_changed.emit()

    def chosen(self) -> list[HeldCheque]:
        """The cheques ticked, in the order of the list."""
        return [held for held in self._cheques if held.payment_line_id in self._chosen]

    def cheques(self) -> list[HeldCheque]:
        return list(self._cheques)


class HeldChequesView(QTableView):
    """Space ticks or unticks the cheque of the current row, whichever column the cursor is on."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and not event.modifiers() and current.isValid():
            tick = current.siblingAtColumn(HeldChequesModel.RECEIPT)
            chosen = tick.data(ChequeRole.CHOSEN)
            self.model().setData(tick, Qt.CheckState.Unchecked if chosen else Qt.CheckState.Checked,
                                 Qt.ItemDataRole.CheckStateRole)
            return
        super().keyPressEvent(event)


# -- the tabs --------------------------------------------------------------------------------------------------


class _Tab(QWidget):
    """One page of the régie window: its reads on the dialog's runner, its own status line."""

    def __init__(self, dialog: RegieDialog, object_name: str) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.context = dialog.context
        self.books = dialog.context.services.books
        self.runner = dialog.runner
        self.setObjectName(object_name)
        self.status_label = QLabel(self)
        self.status_label.setObjectName(object_name.removesuffix("Tab") + "StatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.status_label, "subtle")

    def say(self, text: str, role: str = "subtle") -> None:
        self.status_label.setText(text)
        set_role(self.status_label, role)

    def refused(self, error: Exception) -> None:
        """The service's French words; nothing typed or ticked is lost."""
        self.say(failure_text(error), "fieldError")

    def load(self) -> None:
        raise NotImplementedError


class ChequesTab(_Tab):
    """*Chèques à remettre*: tick the cheques handed to the bank, make the slip; the slips made, to print again."""

    def __init__(self, dialog: RegieDialog) -> None:
        super().__init__(dialog, "chequesTab")
        self.remitting = False
        self.loaded = False
        hint = QLabel(self.tr("The cheques received at the counter and not yet handed to the bank. Remit them by "
                              "the next working day: those held longer are in red. Space ticks the cheque of the "
                              "current row."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        self.model = HeldChequesModel(self)
        self.model.choice_changed.connect(self._show_choice)
        self.view = HeldChequesView(self)
        self.view.setObjectName("heldChequesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(HeldChequesModel.BANK, QHeaderView.ResizeMode.Stretch)
        _fit_table(self.view, 5)
        self.choose_all_button = QPushButton(self.tr("Tick &all"), self)
        self.choose_all_button.setObjectName("chooseAllChequesButton")
        self.choose_all_button.clicked.connect(lambda: self.model.choose_all(True))
        self.choose_none_button = QPushButton(self.tr("&Untick all"), self)
        self.choose_none_button.setObjectName("chooseNoChequeButton")
        self.choose_none_button.clicked.connect(lambda: self.model.choose_all(False))
        for button in (self.choose_all_button, self.choose_none_button):
            button.setAutoDefault(False)  # Enter on a form never ticks nor remits by surprise
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("chosenChequesLabel")
        self.remit_button = QPushButton(self.tr("&Remit the chosen cheques (Ctrl+Enter)"), self)
        self.remit_button.setObjectName("remitChequesButton")
        self.remit_button.setProperty("primary", True)
        self.remit_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.remit_button.setAutoDefault(False)
        self.remit_button.clicked.connect(self.remit)
        choice = QHBoxLayout()
        choice.addWidget(self.choose_all_button)
        choice.addWidget(self.choose_none_button)
        choice.addWidget(self.chosen_label, 1)
        choice.addWidget(self.remit_button)
        slips = QGroupBox(self.tr("Remittance slips made"), self)
        slips.setObjectName("remittancesBox")
        self.slips_model: RecordTableModel[Remittance] = RecordTableModel([
            Column(self.tr("Slip"), lambda r: r[1]),
            Column(self.tr("Made on"), lambda r: f"{r[2].astimezone(PARIS):%d/%m/%Y %H:%M}", sort_key=lambda r: r[2]),
            Column(self.tr("Cheques"), lambda r: str(r[3]), sort_key=lambda r: r[3], align_right=True),
            Column(self.tr("Total"), lambda r: format_cents(r[4]), sort_key=lambda r: r[4], align_right=True),
        ], slips)
        self.slips_view = record_table(slips, "remittancesView", self.slips_model)
        self.slips_view.horizontalHeader().setStretchLastSection(False)
        self.slips_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.slips_view.doubleClicked.connect(lambda _index: self.reprint())
        _fit_table(self.slips_view, 3)
        self.reprint_button = QPushButton(self.tr("Print the selected slip again (Ctrl+R)"), slips)
        self.reprint_button.setObjectName("reprintRemittanceButton")
        self.reprint_button.setShortcut(QKeySequence("Ctrl+R"))
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        column = QVBoxLayout(slips)
        column.addWidget(self.slips_view)
        column.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 3)
        layout.addLayout(choice)
        layout.addWidget(self.status_label)
        layout.addWidget(slips, 2)
        self._show_choice()

    def load(self) -> None:
        if not self.loaded:
            self.say(loading_text())
        books = self.books
        self.runner.run(lambda: (books.held_cheques(), books.remittances()), self._read, self.refused)

    def _read(self, found: tuple[list[HeldCheque], list[Remittance]]) -> None:
        held, slips = found
        if not self.loaded:
            self.say("")
        self.loaded = True
        self.model.set_cheques(held)
        self.slips_model.set_records(slips)
        if not held and not self.status_label.text():
            self.say(self.tr("No cheque waits to be remitted."))

    def _show_choice(self) -> None:
        chosen = self.model.chosen()
        total = sum(held.cheque.amount_cents for held in chosen)
        self.chosen_label.setText(self.tr("%n cheque(s) ticked: %1", "", len(chosen)).replace("%1", format_cents(total)))
        self.remit_button.setEnabled(bool(chosen) and not self.remitting)
        self.choose_all_button.setEnabled(bool(self.model.rowCount()))
        self.choose_none_button.setEnabled(bool(chosen))

    def remit(self) -> None:
        chosen = self.model.chosen()
        if self.remitting or not chosen:
            return  # being recorded: one press, one slip
        total = sum(held.cheque.amount_cents for held in chosen)
        question = self.tr("Remit %n cheque(s), %1 in all, to the bank? The slip is numbered and recorded: it cannot "
                           "be undone.", "", len(chosen)).replace("%1", format_cents(total))
        if not self.context.dialogs.confirm(self, self.tr("Remit the cheques"), question):
            return
        ids = [held.payment_line_id for held in chosen]
        books = self.books
        self.remitting = True
        self._show_choice()
        self.say(self.tr("Recording the remittance…"))
        self.runner.run(lambda: books.remit(ids), self._remitted, self._not_remitted)

    def _remitted(self, slip: data.ChequeRemittance) -> None:
        self.remitting = False
        self.say(self.tr("Slip %1 recorded: %n cheque(s), %2. Hand them to the bank with the printed slip.", "",
                         slip.count).replace("%1", slip.number).replace("%2", format_cents(slip.total_cents)),
                 "success")
        self.dialog.cheques_remitted.emit(slip)
        self.load()

        def render() -> bytes:
            from reports.regie import remittance_slip_a4  # see reports.load_renderers

            return remittance_slip_a4(slip)

        self.dialog.show_document(render, self.tr("Cheque remittance slip %1").replace("%1", slip.number),
                                  f"bordereau-remise-{slip.number}.pdf", "remittanceSlipDialog",
                                  self.tr("The remittance is recorded, but its slip could not be drawn: print it "
                                          "again from the list of slips."))

    def _not_remitted(self, error: Exception) -> None:
        """Nothing was recorded: the ticks stay, and the list is read again (a cheque may have gone meanwhile)."""
        self.remitting = False
        self.refused(error)
        self._show_choice()
        self.load()

    def reprint(self) -> None:
        index = self.slips_view.currentIndex()
        if not index.isValid():
            self.say(self.tr("Choose a slip in the list first."), "fieldError")
            return
        remittance_id, code = index.data(RECORD_ROLE)[:2]
        books = self.books

        def render() -> bytes:
            from reports.regie import remittance_slip_a4  # see reports.load_renderers

            return remittance_slip_a4(books.remittance(remittance_id))

        self.dialog.show_document(render, self.tr("Cheque remittance slip %1").replace("%1", code),
                                  f"bordereau-remise-{code}.pdf", "remittanceSlipDialog",
                                  self.tr("The slip could not be drawn."))


class TakingsTab(_Tab):
    """*Carte et en ligne*: per day and mode, the card-terminal and PayFiP takings with their references."""

    def __init__(self, dialog: RegieDialog) -> None:
        super().__init__(dialog, "takingsTab")
        self.report: TakingsReport | None = None
        self._asked = 0
        today = self.context.today()
        self.first_edit = _date_edit(self, "takingsFirstEdit")
        self.last_edit = _date_edit(self, "takingsLastEdit")
        _set_date(self.first_edit, today.replace(day=1))
        _set_date(self.last_edit, today)
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(lambda _day: self.load())
        self.print_button = QPushButton(self.tr("&Print the takings (Ctrl+P)"), self)
        self.print_button.setObjectName("printTakingsButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setAutoDefault(False)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_takings)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From"), self))
        period.addWidget(self.first_edit)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.last_edit)
        period.addStretch(1)
        period.addWidget(self.print_button)
        hint = QLabel(self.tr("Each day's card-terminal and online (PayFiP) takings, to match against the bank "
                              "statements. Choose a day to see its payments: the reference is the card's "
                              "authorisation number, or PayFiP's debt reference / operation id."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        self.days_model: RecordTableModel[data.DayTakings] = RecordTableModel([
            Column(self.tr("Day"), lambda d: f"{d.day:%d/%m/%Y}", sort_key=lambda d: d.day),
            Column(self.tr("Mode"), lambda d: d.mode_label),
            Column(self.tr("Payments"), lambda d: str(d.count), sort_key=lambda d: d.count, align_right=True),
            Column(self.tr("Total"), lambda d: format_cents(d.total_cents), sort_key=lambda d: d.total_cents,
                   align_right=True),
        ], self)
        self.days_view = record_table(self, "takingsDaysView", self.days_model)
        self.days_view.horizontalHeader().setStretchLastSection(False)
        self.days_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.days_view.selectionModel().currentRowChanged.connect(self._day_chosen)
        self.detail_model: RecordTableModel[data.ElectronicTaking] = RecordTableModel([
            Column(self.tr("Time"), lambda t: f"{t.at.astimezone(PARIS):%H:%M}", sort_key=lambda t: t.at),
            Column(self.tr("Receipt"), lambda t: t.receipt_code),
            Column(self.tr("Amount"), lambda t: format_cents(t.amount_cents), sort_key=lambda t: t.amount_cents,
                   align_right=True),
            Column(self.tr("Reference"), lambda t: t.reference),
        ], self)
        self.detail_view = record_table(self, "takingsDetailView", self.detail_model)
        for view in (self.days_view, self.detail_view):
            _fit_table(view, 6)
        tables = QHBoxLayout()
        tables.addWidget(self.days_view, 1)
        tables.addWidget(self.detail_view, 1)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("takingsTotalsLabel")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(hint)
        layout.addLayout(tables, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.status_label)

    def period(self) -> tuple[date, date]:
        return _day(self.first_edit), _day(self.last_edit)

    def load(self) -> None:
        first, last = self.period()
        self._asked += 1
        asked = self._asked
        self.print_button.setEnabled(False)
        if last < first:
            self.report = None
            self.days_model.set_records([])
            self.detail_model.set_records([])
            self.totals_label.clear()
            self.say(self.tr("The first day comes after the last: choose the period again."), "fieldError")
            return
        self.say(loading_text())
        books = self.books
        self.runner.run(lambda: books.electronic_takings(first, last), lambda report: self._read(asked, report),
                        lambda error: self._not_read(asked, error))

    def _read(self, asked: int, report: TakingsReport) -> None:
        if asked != self._asked:
            return  # another period was chosen meanwhile: its answer follows
        self.report = report
        self.say("" if report.days else self.tr("No card or online payment over this period."))
        self.days_model.set_records(report.days)
        self.detail_model.set_records([])
        if report.days:
            self.days_view.selectRow(0)
        totals: dict[str, tuple[int, int]] = {}
        for day in report.days:
            count, cents = totals.get(day.mode_label, (0, 0))
            totals[day.mode_label] = (count + day.count, cents + day.total_cents)
        lines = [self.tr("%1: %n payment(s), %2", "", count).replace("%1", label).replace("%2", format_cents(cents))
                 for label, (count, cents) in totals.items()]
        everything = sum(day.total_cents for day in report.days)
        lines.append(self.tr("Total of the period: %1").replace("%1", format_cents(everything)))
        self.totals_label.setText(" · ".join(lines))
        self.print_button.setEnabled(True)

    def _not_read(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.report = None
            self.refused(error)

    def _day_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = current.data(RECORD_ROLE) if current.isValid() else None
        self.detail_model.set_records(day.takings if day is not None else [])

    def print_takings(self) -> None:
        report = self.report
        if report is None:
            return

        def render() -> bytes:
            from reports.regie import day_takings_a4  # see reports.load_renderers

            return day_takings_a4(report.days, report.regie, report.act, report.first, report.last, report.printed_at)

        self.dialog.show_document(render, self.tr("Card and online takings"),
                                  f"recettes-carte-en-ligne-{report.first:%Y%m%d}-{report.last:%Y%m%d}.pdf",
                                  "takingsDocumentDialog", self.tr("The takings could not be drawn."))


class VersementTab(_Tab):
    """*Versement*: the régie's balances, the period to pay over with what stops it, the versements made."""

    def __init__(self, dialog: RegieDialog) -> None:
        super().__init__(dialog, "versementTab")
        self.preview: VersementPreview | None = None
        self.previewed_period: tuple[date, date] | None = None
        self.period_chosen = False  # the dates follow the books until the first answer, then the régisseur
        self.paying = False
        self._asked = 0
        balances = QGroupBox(self.tr("The régie's balances"), self)
        balances.setObjectName("balancesBox")
        self.to_pay_over_label = self._figure("toPayOverLabel")
        self.paid_over_label = self._figure("paidOverLabel")
        self.float_label = self._figure("floatLabel")
        self.cash_held_label = self._figure("cashHeldLabel")
        self.cheques_held_label = self._figure("chequesHeldLabel")
        figures = QFormLayout()
        figures.addRow(self.tr("To pay over"), self.to_pay_over_label)
        figures.addRow(self.tr("Paid over this year"), self.paid_over_label)
        figures.addRow(self.tr("Float (acte constitutif)"), self.float_label)
        figures.addRow(self.tr("Cash held"), self.cash_held_label)
        figures.addRow(self.tr("Cheques held"), self.cheques_held_label)
        self.warnings_label = QLabel(balances)
        self.warnings_label.setObjectName("booksWarningsLabel")
        self.warnings_label.setProperty("role", "fieldError")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.hide()
        box = QVBoxLayout(balances)
        box.addLayout(figures)
        box.addWidget(self.warnings_label)
        box.addStretch(1)

        past = QGroupBox(self.tr("Versements made"), self)
        past.setObjectName("versementsBox")
        self.versements_model: RecordTableModel[PastVersement] = RecordTableModel([
            Column(self.tr("Versement"), lambda v: v[1]),
            Column(self.tr("Days"), lambda v: f"{v[2]:%d/%m/%Y} – {v[3]:%d/%m/%Y}", sort_key=lambda v: v[2]),
            Column(self.tr("Total"), lambda v: format_cents(v[4]), sort_key=lambda v: v[4], align_right=True),
        ], past)
        self.versements_view = record_table(past, "versementsView", self.versements_model)
        self.versements_view.horizontalHeader().setStretchLastSection(False)
        self.versements_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.versements_view.doubleClicked.connect(lambda _index: self.reprint())
        _fit_table(self.versements_view, 4)
        self.reprint_button = QPushButton(self.tr("Print the selected versement again (Ctrl+R)"), past)
        self.reprint_button.setObjectName("reprintVersementButton")
        self.reprint_button.setShortcut(QKeySequence("Ctrl+R"))
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        past_column = QVBoxLayout(past)
        past_column.addWidget(self.versements_view)
        past_column.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignRight)

        versement = QGroupBox(self.tr("Pay over to the comptable public"), self)
        versement.setObjectName("versementBox")
        self.first_edit = _date_edit(versement, "versementFirstEdit")
        self.last_edit = _date_edit(versement, "versementLastEdit")
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(self._dates_typed)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Days from"), versement))
        period.addWidget(self.first_edit)
        period.addWidget(QLabel(self.tr("to"), versement))
        period.addWidget(self.last_edit)
        period.addStretch(1)
        self.modes_model: RecordTableModel[data.ModeTotal] = RecordTableModel([
            Column(self.tr("Payment mode"), lambda m: m.label),
            Column(self.tr("Payments"), lambda m: str(m.count), sort_key=lambda m: m.count, align_right=True),
            Column(self.tr("Amount"), lambda m: format_cents(m.amount_cents), sort_key=lambda m: m.amount_cents,
                   align_right=True),
        ], versement)
        self.modes_view = record_table(versement, "versementModesView", self.modes_model)
        self.modes_view.horizontalHeader().setStretchLastSection(False)
        self.modes_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        _fit_table(self.modes_view, 5)
        self.receipts_label = self._figure("versementReceiptsLabel")
        self.total_label = self._figure("versementTotalLabel")
        self.journal_label = self._figure("versementJournalLabel")
        self.refunds_label = self._figure("versementRefundsLabel")
        totals = QFormLayout()
        totals.addRow(self.tr("Receipts"), self.receipts_label)
        totals.addRow(self.tr("Total to pay over"), self.total_label)
        totals.addRow(self.tr("Payment journal"), self.journal_label)
        totals.addRow(self.tr("Credits refunded in cash"), self.refunds_label)
        self.problems_label = QLabel(versement)
        self.problems_label.setObjectName("versementProblemsLabel")
        self.problems_label.setProperty("role", "fieldError")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pay_over_button = QPushButton(self.tr("Record the versement (Ctrl+Enter)"), versement)
        self.pay_over_button.setObjectName("payOverButton")
        self.pay_over_button.setProperty("primary", True)
        self.pay_over_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.pay_over_button.setAutoDefault(False)
        self.pay_over_button.setEnabled(False)
        self.pay_over_button.clicked.connect(self.pay_over)
        right = QVBoxLayout(versement)
        right.addLayout(period)
        right.addWidget(self.modes_view, 1)
        right.addLayout(totals)
        right.addWidget(self.problems_label)
        right.addWidget(self.pay_over_button, 0, Qt.AlignmentFlag.AlignRight)

        left = QVBoxLayout()
        left.addWidget(balances)
        left.addWidget(past, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(versement, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status_label)

    def _figure(self, object_name: str) -> QLabel:
        label = QLabel("…", self)
        label.setObjectName(object_name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def period(self) -> tuple[date, date]:
        return _day(self.first_edit), _day(self.last_edit)

    def load(self) -> None:
        """The balances, where the next versement starts, the versements made; then the period's preview."""
        books = self.books
        self.runner.run(lambda: (books.balances(), books.next_versement_start(), books.versements()), self._read,
                        self.refused)

    def _read(self, found: tuple[RegieBalances, date | None, list[PastVersement]]) -> None:
        balances, start, past = found
        self.show_balances(balances)
        self.versements_model.set_records(past)
        if not self.period_chosen:
            yesterday = self.context.today() - timedelta(days=1)
            _set_date(self.first_edit, start if start is not None else yesterday)
            _set_date(self.last_edit, yesterday)
            self.period_chosen = True
        self.ask_preview()

    def show_balances(self, balances: RegieBalances) -> None:
        self.to_pay_over_label.setText(format_cents(balances.to_pay_over_cents))
        self.paid_over_label.setText(format_cents(balances.paid_over_cents))
        self.float_label.setText(format_cents(balances.float_cents))
        held = format_cents(balances.cash_held_cents)
        self.cash_held_label.setText(self.tr("%1 (at most %2)").replace("%1", held)
                                     .replace("%2", format_cents(balances.max_cash_cents))
                                     if balances.max_cash_cents else held)
        self.cheques_held_label.setText(self.tr("%n cheque(s), of which %1 late", "", balances.held_cheques)
                                        .replace("%1", str(balances.late_cheques)))
        warnings = balances.warnings()
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _dates_typed(self) -> None:
        self.period_chosen = True
        self.ask_preview()

    def ask_preview(self) -> None:
        """What a versement of the dates shown would pay over, and what stops it; the latest dates asked win."""
        first, last = self.period()
        self._asked += 1
        asked = self._asked
        self.preview = None
        self.pay_over_button.setEnabled(False)  # the button records what the preview shows, nothing else
        self.problems_label.setText(loading_text())
        books = self.books
        self.runner.run(lambda: books.versement_preview(first, last),
                        lambda preview: self._previewed(asked, (first, last), preview),
                        lambda error: self._not_previewed(asked, error))

    def _previewed(self, asked: int, period: tuple[date, date], preview: VersementPreview) -> None:
        if asked != self._asked:
            return  # other dates were chosen meanwhile: their answer follows
        self.preview, self.previewed_period = preview, period
        versement = preview.versement
        self.modes_model.set_records(versement.modes)
        self.receipts_label.setText(versement.receipts.text())
        self.total_label.setText(format_cents(versement.total_cents))
        self.journal_label.setText(format_cents(versement.journal_total_cents))
        self.refunds_label.setText(format_cents(versement.cash_refunded_cents))
        self.problems_label.setText("\n".join(f"• {problem}" for problem in preview.problems))
        self.problems_label.setVisible(bool(preview.problems))
        self.pay_over_button.setEnabled(not preview.problems and not self.paying)

    def _not_previewed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.problems_label.setText(failure_text(error))
            self.problems_label.show()

    def pay_over(self) -> None:
        preview, period = self.preview, self.previewed_period
        if self.paying or preview is None or preview.problems or period != self.period():
            return  # being recorded, or what is shown is not what would be recorded
        first, last = period
        question = self.tr("Pay over the takings of %1 to %2, %3 in all, to the comptable public? The versement is "
                           "numbered and recorded: it cannot be undone.").replace("%1", f"{first:%d/%m/%Y}") \
            .replace("%2", f"{last:%d/%m/%Y}").replace("%3", format_cents(preview.versement.total_cents))
        if not self.context.dialogs.confirm(self, self.tr("Pay over to the comptable"), question):
            return
        books = self.books
        self.paying = True
        self.pay_over_button.setEnabled(False)
        self.say(self.tr("Recording the versement…"))
        self.runner.run(lambda: books.pay_over(first, last), self._paid_over, self._not_paid_over)

    def _paid_over(self, versement: data.Versement) -> None:
        self.paying = False
        self.say(self.tr("Versement %1 recorded: %2. Hand the printed versement to the comptable with the takings.")
                 .replace("%1", versement.number or "").replace("%2", format_cents(versement.total_cents)), "success")
        self.dialog.versement_recorded.emit(versement)
        self.period_chosen = False  # the next versement starts after this one
        self.load()

        def render() -> bytes:
            from reports.regie import versement_a4  # see reports.load_renderers

            return versement_a4(versement)

        self.dialog.show_document(render, self.tr("Versement %1").replace("%1", versement.number or ""),
                                  f"versement-{versement.number}.pdf", "versementDocumentDialog",
                                  self.tr("The versement is recorded, but its document could not be drawn: print it "
                                          "again from the list of versements."))

    def _not_paid_over(self, error: Exception) -> None:
        """Nothing was recorded: the dates stay, and what stops the versement is read again."""
        self.paying = False
        self.refused(error)
        self.ask_preview()

    def reprint(self) -> None:
        index = self.versements_view.currentIndex()
        if not index.isValid():
            self.say(self.tr("Choose a versement in the list first."), "fieldError")
            return
        versement_id, code = index.data(RECORD_ROLE)[:2]
        books = self.books

        def render() -> bytes:
            from reports.regie import versement_a4  # see reports.load_renderers

            return versement_a4(books.versement(versement_id))

        self.dialog.show_document(render, self.tr("Versement %1").replace("%1", code), f"versement-{code}.pdf",
                                  "versementDocumentDialog", self.tr("The versement could not be drawn."))


class MonthTab(_Tab):
    """*Recettes du mois*: per activity and per mode, for the titre de recette; saved as CSV or PDF."""

    def __init__(self, dialog: RegieDialog) -> None:
        super().__init__(dialog, "monthTab")
        self.justification: data.MonthJustification | None = None
        self._asked = 0
        self.month_edit = _date_edit(self, "monthEdit", "MM/yyyy")
        self.month_edit.setCurrentSection(QDateEdit.Section.MonthSection)
        _set_date(self.month_edit, self.context.today().replace(day=1))
        self.month_edit.dateChanged.connect(lambda _day: self.load())
        self.csv_button = QPushButton(self.tr("Save as CSV… (Ctrl+Shift+S)"), self)
        self.csv_button.setObjectName("saveMonthCsvButton")
        self.csv_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.pdf_button = QPushButton(self.tr("Save as PDF… (Ctrl+S)"), self)
        self.pdf_button.setObjectName("saveMonthPdfButton")
        self.pdf_button.setShortcut(QKeySequence.StandardKey.Save)
        for button, kind in ((self.csv_button, "csv"), (self.pdf_button, "pdf")):
            button.setAutoDefault(False)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, kind=kind: self.save(kind))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month_edit)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        hint = QLabel(self.tr("The takings of the month, per activity and per payment mode, for the ordonnateur to "
                              "issue the titre de recette."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        self.activities_model: RecordTableModel[data.ActivityTakings] = RecordTableModel(
            self._counted_columns(self.tr("Activity")), self)
        self.modes_model: RecordTableModel[data.ModeTotal] = RecordTableModel(
            self._counted_columns(self.tr("Payment mode")), self)
        self.activities_view = record_table(self, "monthActivitiesView", self.activities_model)
        self.modes_view = record_table(self, "monthModesView", self.modes_model)
        tables = QGridLayout()
        tables.addWidget(QLabel(self.tr("Per activity"), self), 0, 0)
        tables.addWidget(QLabel(self.tr("Per payment mode"), self), 0, 1)
        for column, view in enumerate((self.activities_view, self.modes_view)):
            view.horizontalHeader().setStretchLastSection(False)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            _fit_table(view, 6)
            tables.addWidget(view, 1, column)
            tables.setColumnStretch(column, 1)
        tables.setRowStretch(1, 1)
        self.receipts_label = self._figure("monthReceiptsLabel")
        self.total_label = self._figure("monthTotalLabel")
        self.journal_label = self._figure("monthJournalLabel")
        self.refunds_label = self._figure("monthRefundsLabel")
        self.versements_label = self._figure("monthVersementsLabel")
        figures = QFormLayout()
        figures.addRow(self.tr("Receipts"), self.receipts_label)
        figures.addRow(self.tr("Total of the month"), self.total_label)
        figures.addRow(self.tr("Payment journal"), self.journal_label)
        figures.addRow(self.tr("Credits refunded in cash"), self.refunds_label)
        figures.addRow(self.tr("Versements"), self.versements_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(tables, 1)
        layout.addLayout(figures)
        layout.addWidget(self.status_label)

    def _counted_columns(self, first: str) -> list[Column]:
        return [
            Column(first, lambda line: line.label),
            Column(self.tr("Count"), lambda line: str(line.count), sort_key=lambda line: line.count, align_right=True),
            Column(self.tr("Amount"), lambda line: format_cents(line.amount_cents),
                   sort_key=lambda line: line.amount_cents, align_right=True),
        ]

    def _figure(self, object_name: str) -> QLabel:
        label = QLabel("…", self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def month(self) -> date:
        return _day(self.month_edit).replace(day=1)

    def load(self) -> None:
        month = self.month()
        self._asked += 1
        asked = self._asked
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        self.say(loading_text())
        books = self.books
        self.runner.run(lambda: books.month(month), lambda found: self._read(asked, found),
                        lambda error: self._not_read(asked, error))

    def _read(self, asked: int, justification: data.MonthJustification) -> None:
        if asked != self._asked:
            return  # another month was chosen meanwhile: its answer follows
        self.justification = justification
        self.activities_model.set_records(justification.by_activity)
        self.modes_model.set_records(justification.by_mode)
        mode_total = sum(line.amount_cents for line in justification.by_mode)
        self.receipts_label.setText(justification.receipts.text())
        total = format_cents(justification.total_cents)
        if mode_total != justification.total_cents:
            total = self.tr("%1 per activity, %2 per payment mode: they differ").replace("%1", total) \
                .replace("%2", format_cents(mode_total))
        self.total_label.setText(total)
        self.journal_label.setText(format_cents(justification.journal_total_cents))
        self.refunds_label.setText(format_cents(justification.refunds_cents))
        self.versements_label.setText(", ".join(justification.versements)
                                      or self.tr("No versement covers this month yet."))
        self.say("" if justification.receipts.count else self.tr("No payment this month."))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)

    def _not_read(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.justification = None
            self.refused(error)

    def save(self, kind: str) -> None:
        """Ask where, then draw and write the file off the GUI thread."""
        justification = self.justification
        if justification is None:
            return
        if kind == "csv":
            title, file_filter = self.tr("Save the month's takings as CSV"), self.tr("CSV (*.csv)")
        else:
            title, file_filter = self.tr("Save the month's takings as PDF"), self.tr("PDF (*.pdf)")
        suggested = str(Path.home() / f"etat-recettes-{justification.month:%Y-%m}.{kind}")
        name = self.context.dialogs.save_file_name(self, title, suggested, file_filter)
        if not name:
            return

        def produce() -> str:
            from reports.regie import month_justification_a4, month_justification_csv  # see reports.load_renderers

            content = month_justification_csv(justification) if kind == "csv" \
                else month_justification_a4(justification)
            Path(name).write_bytes(content)
            return name

        self.say(self.tr("Saving…"))
        self.runner.run(produce, self._saved, lambda error: self._not_saved(title, error))

    def _saved(self, name: str) -> None:
        self.say(self.tr("Saved: %1").replace("%1", name), "success")
        self.dialog.file_saved.emit(name)

    def _not_saved(self, title: str, error: Exception) -> None:
        reason = error.strerror or str(error) if isinstance(error, OSError) else _document_reason(error)
        self.say(self.tr("The file could not be written: %1").replace("%1", reason), "fieldError")
        self.context.dialogs.error(self, title, self.tr("The file could not be written."), reason)


# -- the window ---------------------------------------------------------------------------------------------


class RegieDialog(QDialog):
    """The régisseur's books: each tab reads what it shows when it comes forward (F5 reads it again)."""

    cheques_remitted = Signal(object)  # the slip (reports.data.ChequeRemittance) just recorded
    versement_recorded = Signal(object)  # the reports.data.Versement just recorded
    document_opened = Signal(object)  # the DocumentDialog showing a slip, a versement, the takings
    file_saved = Signal(str)  # the path of the month's CSV or PDF written

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        """``runner``: the one that writes money (the main window's serial one)."""
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.document_dialog: DocumentDialog | None = None
        self.setObjectName("regieDialog")
        self.setWindowTitle(self.tr("Régie books"))
        self.resize(1000, 700)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("regieTabs")
        self.cheques = ChequesTab(self)
        self.takings = TakingsTab(self)
        self.versement = VersementTab(self)
        self.month = MonthTab(self)
        self.tabs.addTab(self.cheques, self.tr("&Cheques to remit"))
        self.tabs.addTab(self.takings, self.tr("Card and &online"))
        self.tabs.addTab(self.versement, self.tr("Pay o&ver"))
        self.tabs.addTab(self.month, self.tr("&Month's takings"))
        refresh = QPushButton(self.tr("Refresh (F5)"), self)
        refresh.setObjectName("refreshRegieButton")
        refresh.setShortcut(QKeySequence("F5"))
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.refresh)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeRegieButton")
        close.setAutoDefault(False)  # Enter in a date never closes the window
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        self.refresh()
        self.cheques.view.setFocus()

    def current_tab(self) -> _Tab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, _Tab)
        return tab

    def refresh(self) -> None:
        """Read the tab shown again: other desks cash in, remit and pay over meanwhile."""
        self.current_tab().load()

    def show_document(self, render: Callable[[], bytes], title: str, file_name: str, object_name: str,
                      failure: str) -> None:
        """Draw the document off the GUI thread, then show it with *Imprimer* and *Enregistrer en PDF*."""
        self.runner.run(render, lambda pdf: self._document_drawn(pdf, title, file_name, object_name),
                        lambda error: self.context.dialogs.error(self, title, failure, _document_reason(error)))

    def _document_drawn(self, pdf: bytes, title: str, file_name: str, object_name: str) -> None:
        dialog = DocumentDialog(self.context, title, file_name, self, pdf=pdf, a4=True)
        dialog.setObjectName(object_name)
        dialog.render()
        self.document_dialog = dialog
        present(dialog)
        self.document_opened.emit(dialog)
