"""*Terminer les modifications*: the recap of the basket before payment, as on the portal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.money import format_cents
from desk.services.ids import FamilyId
from desk.services.lifecycle.baskets import BasketView
from desk.ui.context import DeskContext
from desk.ui.pdf_view import print_pdf
from desk.ui.record_model import Column, RecordTableModel
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text


def _reason(error: Exception) -> tuple[str, str]:
    """A refusal's message and hint; anything else, the French words of ``failure_text``."""
    return (error.message, error.hint) if isinstance(error, DeskError) else (failure_text(error), "")


@dataclass(frozen=True)
class RecapRow:
    date: str
    element: str
    pricing: str
    cost: str


class CheckoutDialog(QDialog):
    """Date | Élément | Tarification | Coût, the balance, *À payer*, and the portal's three buttons."""

    pay_requested = Signal(int)  # family id
    basket_cleared = Signal()

    def __init__(self, context: DeskContext, runner: BackgroundRunner, family_id: FamilyId, parent: QWidget | None = None,
                 *, view: BasketView | None = None) -> None:
        """``view``: the basket as the caller just read it; without it, it is read here."""
        super().__init__(parent)
        self.context = context
        self.planning = context.services.planning
        self.runner = runner
        self.view: BasketView | None = None
        self.family_id = family_id
        self.setObjectName("checkoutDialog")
        self.setWindowTitle(self.tr("Changes to confirm"))
        self.resize(760, 420)
        intro = QLabel(self.tr("The changes are recorded once paid (« Pay »). « Clear all » erases them and frees their places."), self)
        intro.setWordWrap(True)
        self.model: RecordTableModel[RecapRow] = RecordTableModel([
            Column(self.tr("Date"), lambda row: row.date),
            Column(self.tr("Item"), lambda row: row.element),
            Column(self.tr("Pricing"), lambda row: row.pricing),
            Column(self.tr("Cost"), lambda row: row.cost, align_right=True),
        ], self)
        self.table = QTableView(self)
        self.table.setObjectName("checkoutTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("checkoutBalanceLabel")
        self.amount_due_label = QLabel(self)
        self.amount_due_label.setObjectName("amountDueLabel")
        self.amount_due_label.setProperty("role", "heading")
        self.clear_all_button = QPushButton(self.tr("Clear all"), self)
        self.clear_all_button.setObjectName("clearAllButton")
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setObjectName("backButton")
        self.pay_button = QPushButton(self.tr("Pay"), self)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setProperty("primary", True)
        self.pay_button.setDefault(True)
        self.print_recap_button = QPushButton(self.tr("Print the recap"), self)
        self.print_recap_button.setObjectName("printRecapButton")
        self.print_recap_button.clicked.connect(self.print_recap)
        self.printed_recap: bytes | None = None
        self.status_label = QLabel(self)
        self.status_label.setObjectName("checkoutStatusLabel")
        self.status_label.setProperty("role", "subtle")
        self.clear_all_button.clicked.connect(self.clear_all)
        self.back_button.clicked.connect(self.reject)
        self.pay_button.clicked.connect(lambda: self.pay_requested.emit(self.family_id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_all_button)
        buttons.addWidget(self.print_recap_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.amount_due_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        if view is None:
            self.reload()
        else:
            self.show_basket(view)

    def reload(self) -> None:
        """The basket read again off the GUI thread; the buttons wait meanwhile."""
        planning, family_id = self.planning, self.family_id
        for button in (self.pay_button, self.clear_all_button, self.print_recap_button):
            button.setEnabled(False)
        self.amount_due_label.setText(loading_text())
        self.runner.run(lambda: planning.basket(family_id), self.show_basket,
                        lambda error: self._failed(self.tr("Changes to confirm"), error))

    def show_basket(self, view: BasketView) -> None:
        self.view = view
        self.model.set_records([RecapRow(*row) for row in view.recap_rows()])
        self.balance_label.setText(view.balance_text())
        self.amount_due_label.setText(self.tr("To pay: %1").replace("%1", format_cents(view.to_pay_cents)))
        self.pay_button.setEnabled(not view.is_empty)
        self.clear_all_button.setEnabled(not view.is_empty)
        self.print_recap_button.setEnabled(not view.is_empty)

    def print_recap(self) -> None:
        """For a family that wants the recap on paper before paying: the printer chosen, the recap is read and
        drawn off the GUI thread, then printed. ``printed_recap`` keeps the last PDF sent."""
        if not self.print_recap_button.isEnabled():
            return  # being printed
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.context.dialogs.choose_printer(self, printer):
            return
        planning, family_id = self.planning, self.family_id

        def work() -> bytes:
            from reports.recap import recap_a4  # see reports.load_renderers

            return recap_a4(planning.recap(family_id))

        self.print_recap_button.setEnabled(False)
        self.status_label.setText(self.tr("Preparing the recap…"))
        self.runner.run(work, lambda pdf: self._print(printer, pdf), self._not_printed)

    def _print(self, printer: QPrinter, pdf: bytes) -> None:
        self.print_recap_button.setEnabled(self.view is not None and not self.view.is_empty)
        self.printed_recap = pdf
        try:
            print_pdf(pdf, printer)
        except OSError:
            self.status_label.setText(self.tr("The printer could not be reached."))
            return
        self.status_label.setText(self.tr("Recap sent to the printer."))

    def _not_printed(self, error: Exception) -> None:
        self.print_recap_button.setEnabled(self.view is not None and not self.view.is_empty)
        self.status_label.clear()
        self._failed(self.tr("Print the recap"), error)

    def _failed(self, title: str, error: Exception) -> None:
        if self.view is not None:
            self.show_basket(self.view)  # as it was
        else:
            self.amount_due_label.clear()
        self.context.dialogs.error(self, title, *_reason(error))

    def clear_all(self) -> None:
        question = self.tr("Erase every change of this basket and free the places it holds?")
        if not self.context.dialogs.confirm(self, self.tr("Clear all"), question, destructive=True):
            return
        planning, family_id = self.planning, self.family_id
        self.clear_all_button.setEnabled(False)
        self.pay_button.setEnabled(False)
        self.runner.run(lambda: planning.clear_basket(family_id),
                        self._cleared, self._not_cleared)

    def _cleared(self, view: BasketView) -> None:
        self.show_basket(view)
        self.basket_cleared.emit()
        if view.is_empty:
            self.reject()  # nothing left to recap: back to the planning

    def _not_cleared(self, error: Exception) -> None:
        self._failed(self.tr("Clear all"), error)  # the buttons as they were: nothing was cleared
