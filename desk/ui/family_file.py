"""The family file in the centre of the window: its header and its four tabs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.db.enums import RefundMeans
from desk.errors import DeskError
from desk.money import format_cents, parse_euros
from desk.services.account import FamilyAccount, PaymentSummary
from desk.services.application import OpenedFile, PaymentStart
from desk.services.enrolment import CategoryOption, EnrolmentView
from desk.services.families import FamilyFile
from desk.services.ids import ChildId, FamilyId
from desk.services.lifecycle.online import OnlineStatus
from desk.services.lifecycle.payments import PaymentRecord
from desk.ui.context import DeskContext
from desk.ui.counter_devices import opens_the_drawer
from desk.ui.dialogs import present
from desk.ui.enrolment_dialog import EnrolmentDialog
from desk.ui.family_form import FamilyForm
from desk.ui.gateway_window import GatewayWindow
from desk.ui.payment_dialog import PaymentDialog
from desk.ui.planning_panel import PlanningPanel
from desk.ui.receipt_dialog import ReceiptDialog
from desk.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table
from desk.ui.resources import icon
from desk.ui.statement_dialog import StatementDialog
from desk.ui.steady_tabs import SteadyTabWidget
from desk.ui.symbols import symbol_icon
from desk.ui.tasks import BackgroundRunner
from desk.ui.texts import balance_text, child_with_age


@dataclass(frozen=True)
class EnrolmentLine:
    """An activity line as the enrolments tab lists it."""

    child_first_name: str
    symbol_index: int
    enrolment: EnrolmentView


class EnrolmentsTab(QWidget):
    enrolled = Signal()

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.file: FamilyFile | None = None
        self.setObjectName("enrolmentsTab")
        self.model: RecordTableModel[EnrolmentLine] = RecordTableModel([
            Column(self.tr("Child"), lambda line: line.child_first_name, decoration=lambda line: symbol_icon(line.symbol_index)),
            Column(self.tr("Category"), lambda line: line.enrolment.category_name),
            Column(self.tr("Type of activity"), lambda line: line.enrolment.type_label),
            Column(self.tr("Activity"), lambda line: line.enrolment.activity_name),
            Column(self.tr("Period"), lambda line: f"{line.enrolment.start_date:%d/%m/%Y} – {line.enrolment.end_date:%d/%m/%Y}",
                   sort_key=lambda line: line.enrolment.start_date),
        ], self)
        self.view = record_table(self, "enrolmentsView", self.model)
        self.new_button = QPushButton(icon("enrol"), self.tr("&New activity line (Ctrl+I)"), self)
        self.new_button.setObjectName("newEnrolmentButton")
        self.new_button.clicked.connect(self.new_enrolment)
        self.empty_label = QLabel(self.tr("No activity line yet: create one to book days on the planning."), self)
        self.empty_label.setProperty("role", "subtle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def show_file(self, file: FamilyFile, found: dict[int, list[EnrolmentView]] | None = None) -> None:
        """The file's activity lines: as read with the file, or read again off the GUI thread (after an enrolment)."""
        self.file = file
        self.new_button.setEnabled(bool(file.children))
        if found is not None:
            self._show_lines(file, found)
            return
        families, child_ids = self.context.services.families, [ChildId(child.id) for child in file.children]
        self.runner.run(lambda: families.enrolments(child_ids),
                        lambda read: self._show_lines(file, read) if self._still_shows(file) else None,
                        lambda _error: None)

    def _still_shows(self, file: FamilyFile) -> bool:
        return self.file is not None and self.file.id == file.id

    def _show_lines(self, file: FamilyFile, found: dict[int, list[EnrolmentView]]) -> None:
        lines = [EnrolmentLine(child.first_name, child.symbol_index, enrolment)
                 for child in file.children for enrolment in found.get(child.id, [])]
        self.model.set_records(lines)
        self.empty_label.setVisible(not lines)

    def new_enrolment(self) -> None:
        """What each child can be enrolled in is read off the GUI thread, then the dialog opens on it."""
        if self.file is None or not self.file.children:
            return
        current = self.view.currentIndex()
        child_id = current.data(RECORD_ROLE).enrolment.child_id if current.isValid() else None
        file, families = self.file, self.context.services.families
        child_ids = [ChildId(child.id) for child in file.children]

        def opened(options: dict[int, list[CategoryOption]]) -> None:
            if self._still_shows(file):
                self.dialog = EnrolmentDialog(self.context, self.runner, file.children, options, child_id, self)
                self.dialog.accepted.connect(self._enrolled)
                present(self.dialog)

        def failed(error: Exception) -> None:
            if not isinstance(error, DeskError):
                raise error
            self.context.dialogs.error(self, self.tr("New activity line"), error.message, error.hint)

        self.runner.run(lambda: families.enrolment_options(child_ids), opened, failed)

    def _enrolled(self) -> None:
        if self.file is not None:
            self.show_file(self.file)
        self.enrolled.emit()


class PaymentsTab(QWidget):
    refunded = Signal()

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.reprinting = False
        self.setObjectName("paymentsTab")
        self.model: RecordTableModel[PaymentSummary] = RecordTableModel([
            Column(self.tr("Date"), lambda p: f"{p.paid_at.astimezone(PARIS):%d/%m/%Y %H:%M}", sort_key=lambda p: p.paid_at),
            Column(self.tr("Receipt"), lambda p: p.receipt_code),
            Column(self.tr("Amount"), lambda p: format_cents(p.amount_cents), sort_key=lambda p: p.amount_cents, align_right=True),
            Column(self.tr("Paid by"), lambda p: p.modes),
        ], self)
        self.view = record_table(self, "paymentsView", self.model)
        self.view.doubleClicked.connect(lambda _index: self.reprint())
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("balanceLabel")
        self.balance_label.setProperty("role", "heading")
        self.reprint_button = QPushButton(icon("receipt"), self.tr("&Reprint the ticket (Ctrl+R)"), self)
        self.reprint_button.setObjectName("reprintReceiptButton")
        self.reprint_button.clicked.connect(self.reprint)
        self.statement_button = QPushButton(self.tr("Account &statement… (Ctrl+E)"), self)
        self.statement_button.setObjectName("accountStatementButton")
        self.statement_button.clicked.connect(self.show_statement)
        top = QHBoxLayout()
        top.addWidget(self.balance_label, 1)
        top.addWidget(self.statement_button)
        top.addWidget(self.reprint_button)
        self.refund_amount_edit = QLineEdit(self)
        self.refund_amount_edit.setObjectName("refundAmountEdit")
        self.refund_amount_edit.setPlaceholderText("10,00")
        self.refund_means_combo = QComboBox(self)
        self.refund_means_combo.setObjectName("refundMeansCombo")
        for label, means in ((self.tr("cash"), RefundMeans.CASH), (self.tr("bank transfer"), RefundMeans.TRANSFER),
                             (self.tr("cheque"), RefundMeans.CHEQUE)):
            self.refund_means_combo.addItem(label, means)
        self.refund_button = QPushButton(self.tr("Refund this much of the credit"), self)
        self.refund_button.setObjectName("refundCreditButton")
        self.refund_button.clicked.connect(self.refund)
        self.refund_message = QLabel(self)
        self.refund_message.setObjectName("refundMessageLabel")
        self.refund_row = QWidget(self)
        refund = QHBoxLayout(self.refund_row)
        refund.setContentsMargins(0, 0, 0, 0)
        refund.addWidget(QLabel(self.tr("Credit refund (régisseur):"), self.refund_row))
        refund.addWidget(self.refund_amount_edit)
        refund.addWidget(self.refund_means_combo)
        refund.addWidget(self.refund_button)
        refund.addWidget(self.refund_message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refund_row)

    def show_account(self, account: FamilyAccount) -> None:
        self.account = account
        cashier = self.context.actor is not None and self.context.actor.is_cashier
        self.refund_row.setVisible(cashier and account.balance_cents < 0)  # the service refuses agents anyway
        self.model.set_records(account.payments)
        self.balance_label.setText(balance_text(account.balance_cents))
        self.reprint_button.setEnabled(bool(account.payments))
        if account.payments:
            self.view.selectRow(0)

    def refund(self) -> None:
        """A régisseur pays back part of the credit: written off the GUI thread, the account read back with it."""
        cents = parse_euros(self.refund_amount_edit.text())
        if cents is None:
            self.refund_message.setText(self.tr("Type the amount to refund, for example 10,00."))
            return
        if not self.refund_button.isEnabled():
            return  # being written
        family_id, means = FamilyId(self.account.family_id), RefundMeans(self.refund_means_combo.currentData())
        families = self.context.services.families
        self.refund_button.setEnabled(False)
        self.runner.run(lambda: families.refund(family_id, cents, means), self._refunded, self._not_refunded)

    def _refunded(self, done: tuple[int, FamilyAccount]) -> None:
        left, account = done
        self.refund_button.setEnabled(True)
        self.refund_amount_edit.clear()
        self.show_account(account)
        self.refund_message.setText(self.tr("Refunded; credit left: %1").replace("%1", format_cents(left)))
        self.refunded.emit()

    def _not_refunded(self, error: Exception) -> None:
        self.refund_button.setEnabled(True)
        if not isinstance(error, DeskError):
            raise error
        self.refund_message.setText(error.message)

    def show_statement(self) -> None:
        self.statement_dialog = StatementDialog(self.context, self.account.family_id, self, runner=self.runner)
        present(self.statement_dialog)

    def reprint(self) -> None:
        """The selected ticket again; the latest one when none is selected (Ctrl+R from another tab)."""
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if not index.isValid():
            return
        if self.reprinting:
            return  # the copy asked a moment ago is being recorded: one press, one copy
        self.reprinting = True
        ReceiptDialog.reprint(self.context, self.runner, index.data(RECORD_ROLE).payment_id, self,
                              lambda dialog: setattr(self, "receipt_dialog", dialog),
                              finished=lambda: setattr(self, "reprinting", False))


class FamilyFileWidget(QWidget):
    """One family: header, *Dossier*, *Inscriptions*, *Planning*, *Paiements*."""

    family_saved = Signal(int)
    payment_recorded = Signal(int)
    family_opened = Signal(int)  # the file asked by open_family is on screen
    family_open_failed = Signal(object)  # the error that kept it from opening

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.file: FamilyFile | None = None
        self.setObjectName("familyFile")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("familyTitleLabel")
        self.title_label.setProperty("role", "heading")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("familySummaryLabel")
        self.summary_label.setProperty("role", "subtle")
        self.tabs = SteadyTabWidget(self)
        self.tabs.setObjectName("familyTabs")
        self.form = FamilyForm(context, runner, self)
        self.form.setObjectName("dossierTab")
        self.enrolments = EnrolmentsTab(context, runner, self)
        self.planning = PlanningPanel(context, runner, self)
        self.planning.setObjectName("planningTab")
        self.planning.basket_changed.connect(self.refresh_header)
        self.planning.pay_requested.connect(self.start_payment)
        self.enrolments.enrolled.connect(self.planning.reload)
        self.payments = PaymentsTab(context, runner, self)
        self.payments.refunded.connect(self.refresh_header)
        self.payments.refunded.connect(self.planning.reload)  # the footer's balance
        self.tabs.addTab(self.form, self.tr("&Dossier"))
        self.tabs.addTab(self.enrolments, self.tr("&Enrolments"))
        self.tabs.addTab(self.planning, self.tr("P&lanning"))
        self.tabs.addTab(self.payments, self.tr("Pa&yments"))
        self._family_shortcuts()
        self.form.family_saved.connect(self._saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)

    def _family_shortcuts(self) -> None:
        """The family's actions from whichever tab, or the search pane, has the focus (a button's own shortcut
        works only on its tab); the family file hidden (home page), they do nothing."""
        for sequence, action in (("Ctrl+I", self.enrolments.new_enrolment), ("Ctrl+E", self.payments.show_statement),
                                 ("Ctrl+R", self.payments.reprint)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(action)

    _account_asked = 0
    _wanted_family_id: int | None = None  # the family last asked for; None while a new file is typed

    def open_family(self, family_id: int) -> None:
        """Read the file and its month in one unit of work, off the GUI thread; then its payments and activity lines.

        What is on screen comes first (five statements, then the grid painted);
        the file's form and activity lines on the event loop's next turn, its
        payments in the background. ``family_opened`` says when the file is on screen;
        ``family_open_failed`` why not. A header refresh still on its way is superseded.
        """
        self._account_asked += 1
        self._wanted_family_id = family_id
        asked = self._account_asked
        request, ticket = self.planning.expect_family(family_id)
        families = self.context.services.families

        def opened(found: OpenedFile) -> None:
            if asked == self._account_asked:
                self._show(found, ticket)
                # the hidden tabs on the event loop's next turn, once the grid is painted: one long stall of
                # the window becomes two short ones
                QTimer.singleShot(0, self, lambda: finish(found))

        def finish(found: OpenedFile) -> None:  # (the header's refresh asked meanwhile: ``asked`` is past)
            if self.file is not None and self.file.id == found.file.id:
                self._show_hidden_tabs(found.file)
                if self._wanted_family_id == family_id:
                    self.family_opened.emit(family_id)

        def failed(error: Exception) -> None:
            if asked == self._account_asked:
                self.family_open_failed.emit(error)

        self.runner.run(lambda: families.open(FamilyId(family_id), request), opened, failed)

    def new_family(self) -> None:
        self._wanted_family_id = None
        self.file = None
        self.title_label.setText(self.tr("New family"))
        self.summary_label.setText(self.tr("Fill in the file, then save (Ctrl+S)."))
        self.form.load(None)
        for index in (1, 2, 3):
            self.tabs.setTabEnabled(index, False)
        self.tabs.setCurrentWidget(self.form)

    def _show(self, found: OpenedFile, ticket: int) -> None:
        file = found.file
        opened_anew = self.file is None or self.file.id != file.id
        self.file = file
        self.title_label.setText(f"{file.name} — {file.dossier_number}")
        self._show_summary(file, file.balance_cents)
        for index in (1, 2, 3):
            self.tabs.setTabEnabled(index, True)
        self.planning.show_grid(found.grid, ticket)
        self.refresh_header()
        if opened_anew:  # the counter's work is on the planning; a stray key must not rename the family
            self.tabs.setCurrentWidget(self.planning)
            self.planning.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_hidden_tabs(self, file: FamilyFile) -> None:
        """The file's form and activity lines (the payments follow ``refresh_header``)."""
        self.form.load(file)
        self.enrolments.show_file(file)

    def refresh_header(self) -> None:
        """The balance and the payments again, off the GUI thread (another desk paid, a refund, the sweep)."""
        if self.file is None:
            return
        family_id, families = FamilyId(self.file.id), self.context.services.families
        self._account_asked += 1
        asked = self._account_asked

        def shown(account: FamilyAccount) -> None:
            if asked == self._account_asked:  # else a newer read (or the file reopened) already showed it
                self.payments.show_account(account)
                self._show_summary(self.file, account.balance_cents)

        # A failure is already told by the tab that changed; the header catches up on the next change.
        self.runner.run(lambda: families.account(family_id), shown, lambda _error: None)

    def _show_summary(self, file: FamilyFile, balance_cents: int) -> None:
        children = ", ".join(child_with_age(c.first_name, c.age) for c in file.children)
        parts = (children, file.phone or "", balance_text(balance_cents))
        self.summary_label.setText(" · ".join(part for part in parts if part))

    # -- paying ----------------------------------------------------------------

    def start_payment(self, family_id: int) -> None:
        """*Payer*: the payment window, then the ticket; online, the gateway's page instead."""
        checkout = getattr(self.planning, "checkout", None)
        if checkout is not None and checkout.isVisible():
            checkout.accept()
        payments = self.context.services.payments
        self.runner.run(lambda: payments.start(FamilyId(family_id)), lambda start: self._open_payment(family_id, start),
                        self._payment_not_opened)

    def _open_payment(self, family_id: int, start: PaymentStart) -> None:
        self.payment_dialog = PaymentDialog(self.context, self.runner, FamilyId(family_id), start.to_pay_cents,
                                            start.email, self,
                                            cash_ceiling_cents=self.context.settings.cash_ceiling_cents,
                                            grid_after=lambda: self.planning.expect_family(family_id))
        self.payment_dialog.paid.connect(self._paid)
        self.payment_dialog.online_requested.connect(self._pay_online)
        present(self.payment_dialog)

    def _payment_not_opened(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.context.dialogs.error(self, self.tr("Payment"), error.message, error.hint)

    def _paid(self, record: PaymentRecord) -> None:
        paid = self.payment_dialog.counter_payment
        if paid is not None and paid.grid is not None and self.file is not None \
                and self.file.id == paid.account.family_id:
            self._account_asked += 1  # a header refresh still on its way is older
            self.payments.show_account(paid.account)
            self._show_summary(self.file, paid.account.balance_cents)
            self.planning.show_grid(paid.grid, self.payment_dialog.grid_ticket)
        else:
            self.open_family(self.payment_dialog.family_id)
        receipt = self.payment_dialog.receipt
        if receipt is not None and opens_the_drawer(receipt):
            self.context.devices.open_drawer(self._drawer_not_opened)
        self.receipt_dialog = ReceiptDialog(self.context, record.payment_id, self, receipt=receipt,
                                            rendered=self.payment_dialog.rendered, just_paid=True)
        present(self.receipt_dialog)
        self.payment_recorded.emit(record.payment_id)

    def _drawer_not_opened(self, reason: str) -> None:
        self.context.dialogs.error(self, self.tr("Cash drawer"), reason,
                                   self.tr("The payment is recorded: open the drawer with its key."))

    def _pay_online(self, family_id: int, email: str) -> None:
        self.payment_dialog.reject()
        self.gateway_window = GatewayWindow(self.context, self.runner, family_id, email, self)
        self.gateway_window.payment_finished.connect(self._online_finished)
        self.gateway_window.finished.connect(lambda _result: self.planning.reload())
        self.gateway_window.back_to_payment.connect(self.start_payment)  # refused or abandoned: the payment again
        present(self.gateway_window)

    def _online_finished(self, status: OnlineStatus) -> None:
        if self.file is not None:
            self.open_family(self.file.id)
        if status.receipt is not None:
            self.receipt_dialog = ReceiptDialog(self.context, status.receipt.payment_id, self, runner=self.runner,
                                                just_paid=True)
            present(self.receipt_dialog)
            self.payment_recorded.emit(status.receipt.payment_id)

    def pending_changes(self) -> int:
        """How many bookings and cancellations wait in the open family's basket, as the grid last read them
        (a click, a reload or another desk's change keeps it current; no database work on the GUI thread)."""
        if self.file is None or self.planning.grid is None or self.planning.grid.family_id != self.file.id:
            return 0
        return self.planning.grid.basket_items

    def _saved(self, file: FamilyFile) -> None:
        if self._wanted_family_id not in (None, file.id):
            return  # the agent opened another family while this one was being written: stay there
        self.file = file  # as saved; the account, activity lines and grid follow
        self.open_family(file.id)
        self.family_saved.emit(file.id)

    def focus_first_field(self) -> None:
        self.tabs.setCurrentWidget(self.form)
        self.form.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
