"""Opening and closing the cash desk (régisseur): the float, the day's figures, the count, the journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.money import format_cents, parse_euros
from desk.services.account import PaymentSummary
from desk.services.application import CashDeskState
from desk.services.cash_desk import (
    DENOMINATIONS,
    ClosingReport,
    SessionFigures,
    count_problem,
)
from desk.services.tenders import MODE_LABELS
from desk.ui.context import DeskContext
from desk.ui.dialogs import present
from desk.ui.document_dialog import DocumentDialog
from desk.ui.receipt_dialog import ReceiptDialog
from desk.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text


def denomination_label(cents: int) -> str:
    return f"{cents // 100} €" if cents >= 100 else f"{cents} c"


class CashDeskDialog(QDialog):
    """*Caisse*: opens the desk with its float, or closes it with the count."""

    cash_desk_changed = Signal()

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.reprinting = False
        self.figures: SessionFigures | None = None
        self.setObjectName("cashDeskDialog")
        self.setWindowTitle(self.tr("Cash desk"))
        self.resize(680, 720)
        self.heading = QLabel(self)
        self.heading.setObjectName("cashDeskStateLabel")
        self.heading.setProperty("role", "heading")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("cashDeskErrorLabel")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("cashDeskDoneLabel")
        self.done_label.setProperty("role", "success")
        self.done_label.setWordWrap(True)
        self.page: QWidget | None = None
        close = QPushButton(self.tr("Close"), self)  # what has the keys while the form is being read
        close.setObjectName("closeCashDeskDialogButton")
        close.setAutoDefault(False)  # Enter in the float opens the desk, never closes the window
        close.clicked.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.done_label)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        close.setFocus()
        self.reload()

    drawer_opened = False

    def reload(self) -> None:
        """Read the desk's state off the GUI thread, then show the opening or the closing form."""
        self.heading.setText(loading_text())
        self.error_label.clear()
        if self.page is not None:
            self.page.setEnabled(False)  # what is shown waits for the answer
        self.runner.run(self.context.services.regie.cash_desk, self.show_state, self._not_read)

    def _not_read(self, error: Exception) -> None:
        self.heading.setText(self.tr("The cash desk could not be read."))
        self.error_label.setText(failure_text(error))
        if self.page is not None:
            self.page.setEnabled(True)

    def show_state(self, state: CashDeskState) -> None:
        """Show the opening or the closing form, on a page of its own that replaces the previous one whole.

        Nothing of the previous form survives (a closing's count, its button), so
        Enter in the float can only open the desk.
        """
        self.error_label.clear()
        if self.page is not None:
            self.page.hide()
            self.page.deleteLater()
        self.page = QWidget(self)
        self.page.setObjectName("cashDeskPage")
        self.body = QVBoxLayout(self.page)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.count_spins: dict[int, QSpinBox] = {}
        self.figures = state.figures
        self._show_warnings(state.warnings)
        if state.figures is None:
            self._build_opening()
        else:
            self._build_closing(state.figures, state.payments)
            if not self.drawer_opened:  # the count starts with the drawer open; once, whatever reloads the form
                self.drawer_opened = True
                self.context.devices.open_drawer(self._drawer_not_opened)
        self.layout_.insertWidget(1, self.page, 1)

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """The régie's warnings, at opening and at closing: cheques held too long, cash over the act's maximum."""
        if not warnings:
            return
        label = QLabel("\n".join(warnings), self.page)
        label.setObjectName("regieWarningsLabel")
        label.setProperty("role", "fieldError")
        label.setWordWrap(True)
        self.body.addWidget(label)

    # -- opening -------------------------------------------------------------

    def _drawer_not_opened(self, reason: str) -> None:
        self.context.dialogs.error(self, self.tr("Cash drawer"), reason, self.tr("Open the drawer with its key."))

    def _build_opening(self) -> None:
        self.heading.setText(self.tr("The cash desk is closed."))
        box = QGroupBox(self.tr("Open the cash desk"), self.page)
        form = QFormLayout(box)
        self.float_edit = QLineEdit(box)
        self.float_edit.setObjectName("cashFloatEdit")
        self.float_edit.setPlaceholderText("150,00")
        self.open_button = QPushButton(self.tr("Open the cash desk"), box)
        self.open_button.setObjectName("openCashDeskButton")
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.open_desk)
        self.open_button.setDefault(True)  # Enter in the float opens the desk
        form.addRow(self.tr("Float counted in the till"), self.float_edit)
        form.addRow(self.open_button)
        self.body.addWidget(box)
        self.body.addStretch(1)
        self.float_edit.setFocus()

    def open_desk(self) -> None:
        if not self.open_button.isEnabled():
            return  # being opened: one press, one session
        cents = parse_euros(self.float_edit.text())
        if cents is None:
            self.error_label.setText(self.tr("Type the float, for example 150,00."))
            return
        regie = self.context.services.regie
        self._set_working(self.open_button, self.float_edit, text=self.tr("Opening the cash desk…"))
        self.runner.run(lambda: regie.open_cash_desk(cents), self._opened,
                        lambda error: self._refused(error, self.open_button, self.float_edit))

    def _opened(self, state: CashDeskState) -> None:
        self.cash_desk_changed.emit()
        self.done_label.clear()
        self.show_state(state)

    def _set_working(self, *widgets: QWidget, text: str) -> None:
        for widget in widgets:
            widget.setEnabled(False)
        self.error_label.clear()
        self.done_label.setText(text)

    def _refused(self, error: Exception, *widgets: QWidget) -> None:
        """The form as it was, and why: nothing was recorded."""
        for widget in widgets:
            widget.setEnabled(True)
        self.done_label.clear()
        self.error_label.setText(failure_text(error))

    # -- closing -------------------------------------------------------------

    def _build_closing(self, figures: SessionFigures, paid: tuple[PaymentSummary, ...]) -> None:
        opened = figures.opened_at.astimezone(PARIS)
        self.heading.setText(self.tr("Cash desk open since %1").replace("%1", f"{opened:%d/%m/%Y %H:%M}"))
        day = QGroupBox(self.tr("The session"), self.page)
        summary = QFormLayout(day)
        summary.addRow(self.tr("Float"), QLabel(format_cents(figures.opening_float_cents)))
        summary.addRow(self.tr("Payments"), QLabel(str(figures.payments)))
        for mode, cents in sorted(figures.by_mode.items(), key=lambda pair: pair[0].value):
            summary.addRow(MODE_LABELS[mode], QLabel(format_cents(cents)))
        if figures.cash_refunds_cents:
            refunds = QLabel(format_cents(-figures.cash_refunds_cents))
            refunds.setObjectName("cashRefundsLabel")
            summary.addRow(self.tr("Credits refunded in cash"), refunds)
        expected = QLabel(format_cents(figures.expected_cash_cents))
        expected.setObjectName("expectedCashLabel")
        summary.addRow(self.tr("Cash expected in the till"), expected)
        count = QGroupBox(self.tr("Count the cash"), self.page)
        grid = QGridLayout(count)
        for index, denomination in enumerate(DENOMINATIONS):
            spin = QSpinBox(count)
            spin.setObjectName(f"count{denomination}Spin")
            spin.setRange(0, 9999)
            spin.valueChanged.connect(self._show_counted)
            self.count_spins[denomination] = spin
            row, column = divmod(index, 3)
            grid.addWidget(QLabel(denomination_label(denomination)), row, column * 2)
            grid.addWidget(spin, row, column * 2 + 1)
        self.counted_label = QLabel(count)
        self.counted_label.setObjectName("countedCashLabel")
        self.difference_label = QLabel(count)
        self.difference_label.setObjectName("cashDifferenceLabel")
        grid.addWidget(self.counted_label, 5, 0, 1, 3)
        grid.addWidget(self.difference_label, 5, 3, 1, 3)
        self.cheques_edit = QLineEdit(self.page)
        self.cheques_edit.setObjectName("chequesCountedEdit")
        self.cheques_edit.setPlaceholderText(self.tr("total of the cheques counted"))  # counted, never offered
        self.comment_edit = QPlainTextEdit(self.page)
        self.comment_edit.setObjectName("closingCommentEdit")
        self.comment_edit.setPlaceholderText(self.tr("Explain any difference"))
        self.comment_edit.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Cheques counted"), self.cheques_edit)
        form.addRow(self.tr("Comment"), self.comment_edit)
        self.close_button = QPushButton(self.tr("Close the cash desk and print the journal"), self.page)
        self.close_button.setObjectName("closeCashDeskButton")
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.close_desk)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        payments = QGroupBox(self.tr("Payments of the session"), self.page)
        column = QVBoxLayout(payments)
        self.payments_model: RecordTableModel[PaymentSummary] = RecordTableModel([
            Column(self.tr("Time"), lambda p: f"{p.paid_at.astimezone(PARIS):%H:%M}"),
            Column(self.tr("Receipt"), lambda p: p.receipt_code),
            Column(self.tr("Amount"), lambda p: format_cents(p.amount_cents), align_right=True),
            Column(self.tr("Paid by"), lambda p: p.modes),
        ], payments)
        self.payments_view = record_table(payments, "sessionPaymentsView", self.payments_model)
        header = self.payments_view.horizontalHeader().sizeHint().height()
        rows = self.payments_view.verticalHeader().defaultSectionSize()
        self.payments_view.setMinimumHeight(header + 5 * rows + 2 * self.payments_view.frameWidth())  # five rows
        self.payments_model.set_records(list(paid))
        reprint = QPushButton(self.tr("Reprint the selected ticket"), payments)
        reprint.setObjectName("sessionReprintButton")
        reprint.clicked.connect(self.reprint_selected)
        column.addWidget(self.payments_view)
        column.addWidget(reprint, 0, Qt.AlignmentFlag.AlignRight)
        self.body.addWidget(day)
        self.body.addWidget(payments, 1)
        self.body.addWidget(count)
        self.body.addLayout(form)
        self.body.addLayout(buttons)
        self._show_counted()

    def reprint_selected(self) -> None:
        index = self.payments_view.currentIndex()
        if index.isValid():
            if self.reprinting:
                return  # one press, one copy
            self.reprinting = True
            ReceiptDialog.reprint(self.context, self.runner, index.data(RECORD_ROLE).payment_id, self,
                                  lambda dialog: setattr(self, "receipt_dialog", dialog),
                                  finished=lambda: setattr(self, "reprinting", False))

    def counts(self) -> dict[int, int]:
        return {denomination: spin.value() for denomination, spin in self.count_spins.items() if spin.value()}

    def _show_counted(self) -> None:
        if self.figures is None:
            return
        counted = sum(d * n for d, n in self.counts().items())
        difference = counted - self.figures.expected_cash_cents
        self.counted_label.setText(self.tr("Counted: %1").replace("%1", format_cents(counted)))
        self.difference_label.setText(self.tr("Difference: %1").replace("%1", format_cents(difference)))

    def close_desk(self) -> None:
        """Everything the count can be refused for is said before "Clôturer ?" is asked."""
        if self.figures is None or not self.close_button.isEnabled():
            return  # being closed: one press, one closing
        typed = self.cheques_edit.text().strip()
        if not typed and self.figures.cheques_cents:
            self.error_label.setText(self.tr("Count the cheques and type their total (0 if there are none)."))
            self.cheques_edit.setFocus()
            return
        cheques = parse_euros(typed or "0")
        if cheques is None:
            self.error_label.setText(self.tr("Type the total of the cheques, for example 45,00."))
            self.cheques_edit.setFocus()
            return
        counted = sum(denomination * number for denomination, number in self.counts().items())
        problem = count_problem(self.figures, counted, cheques, self.comment_edit.toPlainText())
        if problem:
            self.error_label.setText(problem)
            self.comment_edit.setFocus()
            return
        question = self.tr("Close the cash desk? Nothing can be cashed in this session afterwards.")
        if not self.context.dialogs.confirm(self, self.tr("Close the cash desk"), question):
            return
        regie, counts, comment = self.context.services.regie, self.counts(), self.comment_edit.toPlainText()
        session_id = self.figures.cash_session_id
        self._set_working(self.close_button, text=self.tr("Closing the cash desk…"))
        self.runner.run(lambda: regie.close_cash_desk(counts, cheques, comment), lambda done: self._closed(session_id, *done),
                        lambda error: self._refused(error, self.close_button))

    def _closed(self, session_id: int, report: ClosingReport, state: CashDeskState) -> None:
        self.cash_desk_changed.emit()
        self.show_state(state)
        self.done_label.setText(report.summary())
        regie = self.context.services.regie

        def journal() -> bytes:
            from reports.cash_journal import cash_journal_a4  # see reports.load_renderers

            return cash_journal_a4(regie.cash_journal(session_id))

        self.runner.run(journal, lambda pdf: self._show_journal(session_id, pdf), self._journal_not_made)

    def _show_journal(self, session_id: int, pdf: bytes) -> None:
        self.journal_dialog = DocumentDialog(self.context, self.tr("Cash-desk journal"),
                                             f"journal-de-caisse-{session_id}.pdf", self, pdf=pdf, a4=True)
        self.journal_dialog.setObjectName("cashJournalDialog")
        self.journal_dialog.render()
        present(self.journal_dialog)

    def _journal_not_made(self, error: Exception) -> None:
        """The closing is recorded: only its paper is missing, which the agent can ask for again later."""
        self.context.dialogs.error(self, self.tr("Cash-desk journal"),
                                   self.tr("The cash desk is closed, but its journal could not be made."),
                                   failure_text(error))
