"""The simulated DGFIP payment page, as the portal guide shows it, and the desk's wait for its result."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.errors import DeskError
from desk.gateway.payfip import TEST_CARDS, CardFormError, PageState
from desk.money import format_cents
from desk.services.ids import FamilyId
from desk.services.lifecycle.online import (
    OnlineOutcome,
    OnlineStart,
    OnlineStatus,
)
from desk.ui.context import DeskContext
from desk.ui.tasks import BackgroundRunner

POLL_MS = 2000
TICK_MS = 1000


class GatewayWindow(QDialog):
    """Préparation du paiement → Bienvenue… → the card form → the bank's wait → the result."""

    payment_finished = Signal(object)  # OnlineStatus
    back_to_payment = Signal(int)  # family id: the card was refused or the payment abandoned, the basket awaits

    def __init__(self, context: DeskContext, runner: BackgroundRunner, family_id: int, email: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.context = context
        self.payments = context.services.payments
        self.family_id = family_id
        self.start: OnlineStart | None = None
        self.status: OnlineStatus | None = None
        self.setObjectName("gatewayWindow")
        self.setWindowTitle(self.tr("Secure payment of the public treasury (DGFIP)"))
        self.resize(560, 520)
        self._build()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.status_label.setText(self.tr("Preparing the payment… Please wait a few seconds."))
        QTimer.singleShot(0, lambda: self.prepare(email))

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        banner = QLabel(self.tr("Welcome to the DGFIP payment solution"), self)
        banner.setProperty("role", "heading")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("gatewayStatusLabel")
        self.status_label.setWordWrap(True)
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("gatewayCountdownLabel")
        self.countdown_label.setProperty("role", "subtle")
        self.debt_reference = QLabel(self)
        self.debt_reference.setObjectName("gatewayDebtReferenceLabel")
        self.debt_amount = QLabel(self)
        self.debt_amount.setObjectName("gatewayAmountLabel")
        self.debt_email = QLabel(self)
        debt = QFormLayout()
        debt.addRow(self.tr("Debt reference:"), self.debt_reference)
        debt.addRow(self.tr("Amount:"), self.debt_amount)
        debt.addRow(self.tr("E-mail address:"), self.debt_email)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._card_page())
        self.pages.addWidget(QWidget(self))  # waiting or finished: the status says it
        help_label = QLabel(self.tr("Test cards (any future expiry, any 3-digit code):") + "\n" + "\n".join(
            f"  {number} — {meaning}" for number, meaning in TEST_CARDS.items()), self)
        help_label.setObjectName("gatewayHelpLabel")
        help_label.setProperty("role", "subtle")
        self.close_button = QPushButton(self.tr("Back to the desk"), self)
        self.close_button.setObjectName("gatewayCloseButton")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(QLabel(self.tr("Information about the debt"), self))
        layout.addLayout(debt)
        layout.addWidget(self.pages)
        layout.addWidget(self.status_label)
        layout.addWidget(self.countdown_label)
        layout.addStretch(1)
        layout.addWidget(help_label)
        layout.addWidget(self.close_button)

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        self.card_choice_button = QPushButton(self.tr("Pay by bank card"), page)
        self.card_choice_button.setObjectName("gatewayCardButton")
        self.card_choice_button.setProperty("primary", True)
        self.card_choice_button.clicked.connect(self.show_card_form)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.setObjectName("gatewayChoiceCancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.abandon)
        row = QHBoxLayout(page)
        row.addWidget(QLabel(self.tr("Choice of the payment method"), page), 1)
        row.addWidget(self.card_choice_button)
        row.addWidget(cancel)
        return page

    def _card_page(self) -> QWidget:
        page = QWidget(self)
        self.card_number_edit = QLineEdit(page)
        self.card_number_edit.setObjectName("cardNumberEdit")
        self.card_number_edit.setPlaceholderText("4970 1000 0000 0006")
        self.expiry_month = QComboBox(page)
        self.expiry_month.setObjectName("cardExpiryMonthCombo")
        self.expiry_month.addItems([f"{month:02d}" for month in range(1, 13)])
        self.expiry_year = QComboBox(page)
        self.expiry_year.setObjectName("cardExpiryYearCombo")
        now = self.context.clock.now().astimezone(PARIS)  # the desk's clock, not the wall's
        self.expiry_year.addItems([str(year) for year in range(now.year, now.year + 11)])
        self.expiry_month.setCurrentIndex(now.month - 1)  # a card valid another year: a future month, never past
        self.expiry_year.setCurrentIndex(1)
        self.cvv_edit = QLineEdit(page)
        self.cvv_edit.setObjectName("cardCvvEdit")
        self.cvv_edit.setMaxLength(3)
        self.cvv_edit.setEchoMode(QLineEdit.EchoMode.Password)  # Enter in it validates: VALIDER is the default
        self.card_error = QLabel(page)
        self.card_error.setObjectName("gatewayCardErrorLabel")
        self.card_error.setProperty("role", "fieldError")
        self.validate_button = QPushButton(self.tr("VALIDATE"), page)
        self.validate_button.setObjectName("gatewayValidateButton")
        self.validate_button.setProperty("primary", True)
        self.validate_button.clicked.connect(self.validate_card)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.setObjectName("gatewayCancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.abandon)
        expiry = QHBoxLayout()
        expiry.addWidget(QLabel(self.tr("month"), page))
        expiry.addWidget(self.expiry_month)
        expiry.addWidget(QLabel(self.tr("year"), page))
        expiry.addWidget(self.expiry_year)
        expiry.addStretch(1)
        form = QFormLayout(page)
        form.addRow(self.tr("Card number:"), self.card_number_edit)
        form.addRow(self.tr("Expires at the end of:"), expiry)
        form.addRow(self.tr("Card security code:"), self.cvv_edit)
        form.addRow(self.card_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.validate_button)
        form.addRow(buttons)
        return page

    def show_card_form(self) -> None:
        self.pages.setCurrentIndex(1)
        self.validate_button.setDefault(True)  # Enter in any field of the card form validates
        self.card_number_edit.setFocus()

    # -- the operation -------------------------------------------------------

    def prepare(self, email: str) -> None:
        """Open the operation (basket locked, debt reference, gateway's idop) off the GUI thread."""
        payments, family_id = self.payments, FamilyId(self.family_id)
        self.polling = True
        self.runner.run(lambda: payments.start_online(family_id, email or None), self._prepared, self._not_prepared)

    def _prepared(self, start: OnlineStart) -> None:
        self.polling = False
        self.start = start
        self.debt_reference.setText(self.start.refdet)
        self.debt_amount.setText(format_cents(self.start.amount_cents))
        self.debt_email.setText(self.start.email)
        self.status_label.setText("")
        self.pages.setCurrentIndex(0)
        self.card_choice_button.setDefault(True)
        self.card_choice_button.setFocus()
        self.tick()
        self.tick_timer.start()
        self.poll_timer.start()

    def _not_prepared(self, error: Exception) -> None:
        self.polling = False
        if not isinstance(error, DeskError):
            raise error
        self._finish_with(error.message)

    def validate_card(self) -> None:
        assert self.start is not None
        try:
            state = self.payments.gateway.pay_by_card(
                self.start.idop, self.card_number_edit.text(), int(self.expiry_month.currentText()),
                int(self.expiry_year.currentText()), self.cvv_edit.text())
        except CardFormError as problem:
            self.card_error.setText(str(problem))
            self.cvv_edit.setFocus()
            return
        finally:
            self.cvv_edit.clear()  # never kept on screen longer than needed
        self.card_number_edit.clear()
        self.card_error.clear()
        self.pages.setCurrentIndex(2)
        if state is PageState.BANK_WAIT:
            self.status_label.setText(self.tr("Waiting for your bank's answer… This may take a few minutes."))
        self.poll()

    def abandon(self) -> None:
        if self.start is not None:
            self.payments.gateway.abandon(self.start.idop)
        self.poll()

    def poll(self) -> None:
        """Ask the gateway, through the desk's service and off the GUI thread, what became of the payment."""
        if self.start is None or self.status is not None or self.polling:
            return
        payments, online_payment_id = self.payments, self.start.online_payment_id
        self.polling = True
        self.runner.run(lambda: payments.check_online(online_payment_id), self._answered, self._not_answered)

    def _answered(self, status: OnlineStatus) -> None:
        self.polling = False
        if status.outcome is not OnlineOutcome.PENDING and self.status is None:
            self.status = status
            self._finish_with(status.message)
            self.payment_finished.emit(status)
            if status.outcome is OnlineOutcome.PAID:
                self.accept()  # the ticket follows: the page does not stay open behind it

    def _not_answered(self, error: Exception) -> None:
        self.polling = False
        if not isinstance(error, DeskError):
            raise error
        self.status_label.setText(error.message)

    def tick(self) -> None:
        if self.start is None:
            return
        left = max(0, int((self.start.expires_at - self.context.clock.now()).total_seconds()))
        self.countdown_label.setText(self.tr("Time left to pay: %1").replace("%1", f"{left // 60:02d}:{left % 60:02d}"))
        if left == 0:
            self.poll()

    def _finish_with(self, message: str) -> None:
        self.tick_timer.stop()
        self.poll_timer.stop()
        self.pages.setCurrentIndex(2)
        self.status_label.setText(message)
        self.countdown_label.clear()
        if self.status is not None and self.status.outcome in (OnlineOutcome.REFUSED, OnlineOutcome.ABANDONED):
            self.close_button.setText(self.tr("Back to the payment"))
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def done(self, result: int) -> None:
        """Closed after a refused card or an abandoned payment: the agent is back on the payment window."""
        again = self.isHidden()
        super().done(result)
        if not again and self.status is not None and self.status.outcome in (OnlineOutcome.REFUSED,
                                                                              OnlineOutcome.ABANDONED):
            self.back_to_payment.emit(self.family_id)

    def expires_at(self) -> datetime | None:
        return self.start.expires_at if self.start else None
