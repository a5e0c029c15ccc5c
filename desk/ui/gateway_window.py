"""The simulated DGFIP payment page, as the portal guide shows it, and the desk's wait for its result."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
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
from desk.gateway import card_page
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
    """Préparation du paiement → Bienvenue… → the card page → the bank's wait → the result.

    The family pays on PayFiP's own page, opened in the system's browser; with
    the demo's simulator, this window may also fill that page for it, over
    HTTP. Either way the outcome is what the web service answers when the desk
    asks, every few seconds, never what a page says.
    """

    payment_finished = Signal(object)  # OnlineStatus
    back_to_payment = Signal(int)  # family id: the card was refused or the payment abandoned, the basket awaits

    def __init__(self, context: DeskContext, runner: BackgroundRunner, family_id: int, email: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.context = context
        self.payments = context.services.payments
        self.simulator = self.payments.simulator
        self.family_id = family_id
        self.start: OnlineStart | None = None
        self.status: OnlineStatus | None = None
        self.sending = False  # the card form is on its way to the page
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
        help_label = QLabel(self._help_text(), self)
        help_label.setObjectName("gatewayHelpLabel")
        help_label.setProperty("role", "subtle")
        help_label.setWordWrap(True)
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

    def _help_text(self) -> str:
        if self.simulator is None:
            return self.tr("The family pays on the public treasury's page, in the browser; this window follows the "
                           "payment and shows the ticket once the bank has paid.")
        from desk.payfip_simulator.store import TEST_CARDS  # the demo's help only: not the payment's path

        return self.tr("PayFiP simulator. Test cards (any future expiry, any 3-digit code):") + "\n" + "\n".join(
            f"  {number} — {meaning}" for number, meaning in TEST_CARDS.items())

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        self.card_choice_button = QPushButton(self.tr("Pay by bank card"), page)
        self.card_choice_button.setObjectName("gatewayCardButton")
        self.card_choice_button.setProperty("primary", True)
        self.card_choice_button.clicked.connect(self.show_card_form)
        self.card_choice_button.setVisible(self.simulator is not None)
        self.browser_button = QPushButton(self.tr("Open the payment page in the browser"), page)
        self.browser_button.setObjectName("gatewayBrowserButton")
        self.browser_button.setProperty("primary", self.simulator is None)
        self.browser_button.clicked.connect(self.open_in_browser)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.setObjectName("gatewayChoiceCancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.abandon)
        row = QHBoxLayout(page)
        row.addWidget(QLabel(self.tr("Choice of the payment method"), page), 1)
        row.addWidget(self.browser_button)
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
        first = self.card_choice_button if self.simulator is not None else self.browser_button
        first.setDefault(True)
        first.setFocus()
        self.tick()
        self.tick_timer.start()
        self.poll_timer.start()

    def _not_prepared(self, error: Exception) -> None:
        self.polling = False
        if not isinstance(error, DeskError):
            raise error
        self._finish_with(error.message)

    def open_in_browser(self) -> None:
        """The service's own page, in the system's browser: the family pays there as on the portal."""
        if self.start is not None:
            QDesktopServices.openUrl(QUrl(self.payments.card_page_url(self.start.idop)))
            self.status_label.setText(self.tr("The payment page is open in the browser. This window follows the "
                                              "payment and shows the ticket once the bank has paid."))

    def validate_card(self) -> None:
        """Send the card form to the simulator's page off the GUI thread; the outcome is then asked of the service."""
        if self.start is None or self.simulator is None or self.sending:
            return
        endpoint, idop = self.simulator, self.start.idop
        number, month, year = self.card_number_edit.text(), int(self.expiry_month.currentText()), int(
            self.expiry_year.currentText())
        cvv = self.cvv_edit.text()
        self.cvv_edit.clear()  # never kept on screen longer than needed
        self.sending = True
        self.validate_button.setEnabled(False)
        self.runner.run(lambda: card_page.pay_by_card(endpoint, idop, number, month, year, cvv), self._card_sent,
                        self._page_failed)

    def _card_sent(self, answer: card_page.PageAnswer) -> None:
        self.sending = False
        self.validate_button.setEnabled(True)
        if answer.error:
            self.card_error.setText(answer.error)
            self.cvv_edit.setFocus()
            return
        self.card_number_edit.clear()
        self.card_error.clear()
        self.pages.setCurrentIndex(2)
        if answer.state == "bank_wait":
            self.status_label.setText(self.tr("Waiting for your bank's answer… This may take a few minutes."))
        self.poll()

    def _page_failed(self, error: Exception) -> None:
        self.sending = False
        self.validate_button.setEnabled(True)
        if not isinstance(error, OSError):
            raise error
        self.card_error.setText(self.tr("The payment page does not answer: try again in a moment."))

    def abandon(self) -> None:
        """*Annuler*: on the simulator's page the family gives up; on the DGFIP's, the desk stops following and
        the operation lapses after its 15 minutes (the desk still asks about it until then)."""
        if self.start is None or self.simulator is None:
            self.reject()
            return
        endpoint, idop = self.simulator, self.start.idop
        self.runner.run(lambda: card_page.cancel(endpoint, idop), lambda _answer: self.poll(), self._page_failed)

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
