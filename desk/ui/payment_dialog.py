"""The payment window: the amount to pay, each mode's fields, several modes together, *Encaisser* (F9)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.db.enums import PaymentMode
from desk.errors import DeskError
from desk.money import amount_text, format_cents, parse_euros
from desk.services.application import CounterPayment
from desk.services.counter import PaymentSetup
from desk.services.ids import FamilyId
from desk.services.lifecycle.payments import PaymentRecord
from desk.services.planning import GridRequest
from desk.services.tenders import DEFAULT_CASH_CEILING_CENTS, MODE_LABELS, Settlement, Tender, settle
from desk.ui.context import DeskContext
from desk.ui.receipt_dialog import ReceiptDialog
from desk.ui.tasks import BackgroundRunner
from reports import data

_log = logging.getLogger(__name__)
COUNTER_MODES = (PaymentMode.CASH, PaymentMode.CHEQUE, PaymentMode.CARD, PaymentMode.HOLIDAY_VOUCHER,
                 PaymentMode.CESU, PaymentMode.PAYFIP)


def _field_error(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setProperty("role", "fieldError")
    label.hide()
    return label


class _ModeForm(QWidget):
    """The fields of one mode; ``tender()`` reads them, or returns the French reason it cannot."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)

    def line(self, object_name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _text: self.changed.emit())
        return edit

    def is_empty(self) -> bool:
        return all(not edit.text().strip() for edit in self.findChildren(QLineEdit))

    def clear(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.clear()

    def tender(self, remaining: int) -> Tender | str:
        raise NotImplementedError

    def prefill(self, remaining: int, payer: str) -> None:
        """Shown for a new tender: what can be guessed is typed in already (nothing by default)."""

    @staticmethod
    def offer(edit: QLineEdit, text: str) -> None:
        """Type ``text`` in ``edit`` unless the agent typed something of their own there."""
        if not edit.text().strip() or edit.text() == edit.property("offered"):
            edit.setText(text)
            edit.setProperty("offered", text)

    def first_field(self) -> QWidget | None:
        """Where the cursor goes when the mode is chosen."""
        edits = self.findChildren(QLineEdit)
        return edits[0] if edits else None


class CashForm(_ModeForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tendered = self.line("cashTenderedEdit", "20,00")
        self.change_label = QLabel(self)
        self.change_label.setObjectName("changeLabel")
        self.form.addRow(self.tr("Amount handed over"), self.tendered)
        self.form.addRow(self.tr("Change to give back"), self.change_label)

    def tender(self, remaining: int) -> Tender | str:
        cents = parse_euros(self.tendered.text())
        if cents is None:
            return self.tr("Cash: type the amount handed over, for example 20,00.")
        return Tender.cash(cents)

    def prefill(self, remaining: int, payer: str) -> None:
        """The amount due, selected: Enter takes it as it is, typing ``20`` replaces it."""
        if remaining > 0:
            self.offer(self.tendered, amount_text(remaining))
        self.tendered.selectAll()


class ChequeForm(_ModeForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = self.line("chequeAmountEdit")
        self.number = self.line("chequeNumberEdit")
        self.bank = self.line("chequeBankEdit")
        self.drawer = self.line("chequeDrawerEdit")
        self.form.addRow(self.tr("Amount"), self.amount)
        self.form.addRow(self.tr("Cheque number"), self.number)
        self.form.addRow(self.tr("Bank"), self.bank)
        self.form.addRow(self.tr("Drawer"), self.drawer)

    def tender(self, remaining: int) -> Tender | str:
        cents = parse_euros(self.amount.text()) if self.amount.text().strip() else remaining
        if cents is None:
            return self.tr("Cheque: the amount is not readable.")
        return Tender.cheque(cents, self.number.text().strip(), self.bank.text().strip(), self.drawer.text().strip())

    def prefill(self, remaining: int, payer: str) -> None:
        """The rest to pay and the payer as drawer; the agent types the cheque's number and corrects the rest."""
        if remaining > 0:
            self.offer(self.amount, amount_text(remaining))
        if payer:
            self.offer(self.drawer, payer)

    def first_field(self) -> QWidget | None:
        return self.number


class CardForm(_ModeForm):
    """The card: typed from the terminal's ticket, or, with a terminal on the network, sent to it and read back."""

    terminal_requested = Signal()
    terminal_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = self.line("cardAmountEdit")
        self.authorisation = self.line("cardAuthorisationEdit")
        self.last4 = self.line("cardLast4Edit", "4242")
        self.last4.setMaxLength(4)
        self.form.addRow(self.tr("Amount"), self.amount)
        self.form.addRow(self.tr("Authorisation number (terminal)"), self.authorisation)
        self.form.addRow(self.tr("Last four digits of the card"), self.last4)
        self.terminal_button = QPushButton(self.tr("Send to the terminal (F8)"), self)
        self.terminal_button.setObjectName("sendToTerminalButton")
        self.terminal_button.setShortcut(QKeySequence("F8"))
        self.terminal_button.clicked.connect(self.terminal_requested)
        self.cancel_terminal_button = QPushButton(self.tr("Cancel on the terminal"), self)
        self.cancel_terminal_button.setObjectName("cancelTerminalButton")
        self.cancel_terminal_button.clicked.connect(self.terminal_cancelled)
        self.terminal_status = QLabel(self)
        self.terminal_status.setObjectName("terminalStatusLabel")
        self.terminal_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.terminal_button)
        row.addWidget(self.cancel_terminal_button)
        row.addStretch(1)
        self.form.addRow(row)
        self.form.addRow(self.terminal_status)
        self.use_terminal(False)

    def use_terminal(self, connected: bool) -> None:
        """With a terminal, the authorisation and the digits come from its answer, never from the keys."""
        self.connected = connected
        for widget in (self.terminal_button, self.cancel_terminal_button, self.terminal_status):
            widget.setVisible(connected)
        self.cancel_terminal_button.setEnabled(False)
        self.authorisation.setReadOnly(connected)
        self.last4.setReadOnly(connected)

    def waiting(self, amount_cents: int) -> None:
        for edit in (self.amount, self.authorisation, self.last4):
            edit.setReadOnly(True)
        self.terminal_button.setEnabled(False)
        self.cancel_terminal_button.setEnabled(True)
        self.terminal_status.setText(self.tr("%1 sent to the terminal: the family types its code…")
                                     .replace("%1", format_cents(amount_cents)))

    def answered(self, authorisation: str, last4: str, amount_cents: int) -> None:
        """The terminal's answer, kept as it came: the amount it debited cannot be changed any more."""
        self.amount.setText(amount_text(amount_cents))
        self.authorisation.setText(authorisation)
        self.last4.setText(last4)
        self.cancel_terminal_button.setEnabled(False)
        self.terminal_status.setText(self.tr("Card accepted: authorisation %1.").replace("%1", authorisation))

    def ready_again(self) -> None:
        """Its part added to the payment: the form is free for another card."""
        self.amount.setReadOnly(False)
        self.terminal_button.setEnabled(True)

    def not_answered(self, reason: str) -> None:
        self.amount.setReadOnly(False)
        self.authorisation.clear()
        self.last4.clear()
        self.terminal_button.setEnabled(True)
        self.cancel_terminal_button.setEnabled(False)
        self.terminal_status.setText(reason)

    def tender(self, remaining: int) -> Tender | str:
        cents = parse_euros(self.amount.text()) if self.amount.text().strip() else remaining
        if cents is None:
            return self.tr("Card: the amount is not readable.")
        if self.connected and not self.authorisation.text().strip():
            return self.tr("Card: send the amount to the terminal (F8); its answer fills the authorisation.")
        return Tender.card(cents, self.authorisation.text().strip(), self.last4.text().strip())

    def prefill(self, remaining: int, payer: str) -> None:
        if remaining > 0:
            self.offer(self.amount, amount_text(remaining))

    def first_field(self) -> QWidget | None:
        return self.terminal_button if self.connected else self.authorisation


class VoucherForm(_ModeForm):
    def __init__(self, mode: PaymentMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        prefix = "ancv" if mode is PaymentMode.HOLIDAY_VOUCHER else "cesu"
        self.count = QSpinBox(self)
        self.count.setObjectName(f"{prefix}CountSpin")
        self.count.setRange(0, 200)
        self.count.valueChanged.connect(lambda _value: self.changed.emit())
        self.value = self.line(f"{prefix}ValueEdit", "10,00")
        self.form.addRow(self.tr("Number of vouchers"), self.count)
        self.form.addRow(self.tr("Face value of one voucher"), self.value)

    def is_empty(self) -> bool:
        return self.count.value() == 0 and not self.value.text().strip()

    def clear(self) -> None:
        super().clear()
        self.count.setValue(0)

    def first_field(self) -> QWidget | None:
        return self.count

    def tender(self, remaining: int) -> Tender | str:
        value = parse_euros(self.value.text())
        if value is None or self.count.value() <= 0:
            return self.tr("Vouchers: give their number and the face value of one.")
        return Tender.vouchers(self.mode, self.count.value(), value)


class OnlineForm(_ModeForm):
    online_requested = Signal()

    def __init__(self, email: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.email = self.line("onlineEmailEdit")
        self.email.setText(email)
        explanation = QLabel(self.tr("The family pays on the public treasury's page (PayFiP). The bookings are "
                                     "confirmed when the bank answers."), self)
        explanation.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the online payment"), self)
        self.open_button.setObjectName("openGatewayButton")
        self.open_button.clicked.connect(self.online_requested.emit)
        self.form.addRow(explanation)
        self.form.addRow(self.tr("E-mail for the receipt"), self.email)
        self.form.addRow(self.open_button)

    def is_empty(self) -> bool:
        return True  # paid on the gateway's page, never combined here

    def first_field(self) -> QWidget | None:
        return self.open_button

    def tender(self, remaining: int) -> Tender | str:
        return self.tr("Online payment: open it with the button.")


class PaymentDialog(QDialog):
    """Collects the tenders until the amount is covered; nothing is recorded before *Encaisser*."""

    paid = Signal(object)  # PaymentRecord
    online_requested = Signal(int, str)  # family id, e-mail

    def __init__(self, context: DeskContext, runner: BackgroundRunner, family_id: FamilyId, to_pay_cents: int,
                 family_email: str, parent: QWidget | None = None,
                 cash_ceiling_cents: int = DEFAULT_CASH_CEILING_CENTS,
                 grid_after: Callable[[], tuple[GridRequest, int]] | None = None) -> None:
        """``to_pay_cents`` and ``family_email`` as the caller just read them; the payment checks the amount again.

        ``grid_after``, asked when the agent cashes in, gives the planning to read again with the payment, in its
        transaction, and that read's place in the planning's order: ``counter_payment`` and ``grid_ticket`` hold them.
        """
        super().__init__(parent)
        self.context = context
        self.payments = context.services.payments
        self.runner = runner
        self.paying = False
        self.family_id = family_id
        self.cash_ceiling_cents = cash_ceiling_cents
        self.added: list[Tender] = []
        self.record: PaymentRecord | None = None
        self.receipt: data.Receipt | None = None  # the ticket, read in the payment's transaction
        self.rendered: bytes | None = None  # and its PDF, in this desk's receipt format
        self.grid_after = grid_after
        self.counter_payment: CounterPayment | None = None  # the payment with the account and grid read after it
        self.grid_ticket = 0
        self.setup: PaymentSetup | None = None  # the cash desk's state and the payer, read as the window opens
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.resize(620, 560)
        self.to_pay = to_pay_cents
        self._build(family_email)
        self._prefill_current()
        self.refresh()
        self._read_setup()

    def _build(self, email: str) -> None:
        self.amount_label = QLabel(self.tr("To pay: %1").replace("%1", format_cents(self.to_pay)), self)
        self.amount_label.setObjectName("amountToPayLabel")
        self.amount_label.setProperty("role", "heading")
        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("remainingLabel")
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("paymentModeCombo")
        self.forms: dict[PaymentMode, _ModeForm] = {
            PaymentMode.CASH: CashForm(self), PaymentMode.CHEQUE: ChequeForm(self), PaymentMode.CARD: CardForm(self),
            PaymentMode.HOLIDAY_VOUCHER: VoucherForm(PaymentMode.HOLIDAY_VOUCHER, self),
            PaymentMode.CESU: VoucherForm(PaymentMode.CESU, self), PaymentMode.PAYFIP: OnlineForm(email, self),
        }
        self.stack = QStackedWidget(self)
        for mode in COUNTER_MODES:
            self.mode_combo.addItem(MODE_LABELS[mode], mode)
            self.stack.addWidget(self.forms[mode])
            self.forms[mode].changed.connect(self.refresh)
        self.forms[PaymentMode.PAYFIP].online_requested.connect(self._request_online)
        card = self.card_form
        card.use_terminal(self.context.devices.has_card_terminal)
        card.terminal_requested.connect(self.send_to_terminal)
        card.terminal_cancelled.connect(self.cancel_on_terminal)
        self.terminal_cancel: threading.Event | None = None  # set: the desk gives up waiting for the terminal
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.add_button = QPushButton(self.tr("Add this mode and pay the rest another way"), self)
        self.add_button.setObjectName("addTenderButton")
        self.add_button.clicked.connect(self.add_current)
        self.tenders_view = QListWidget(self)
        self.tenders_view.setObjectName("tendersView")
        self.tenders_view.setMaximumHeight(90)
        self.remove_button = QPushButton(self.tr("Remove the selected mode"), self)
        self.remove_button.setObjectName("removeTenderButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.excess_check = QCheckBox(self.tr("The vouchers exceed the amount: the excess becomes a credit"), self)
        self.excess_check.setObjectName("voucherExcessCheck")
        self.excess_check.toggled.connect(self.refresh)
        self.error_label = _field_error(self, "paymentErrorLabel")
        self.error_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Cash in (F9)"), self)
        self.confirm_button.setObjectName("confirmPaymentButton")
        self.confirm_button.setProperty("primary", True)
        self.confirm_button.setShortcut(QKeySequence("F9"))
        self.confirm_button.setDefault(True)  # Enter in the amount handed over cashes in
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("cancelPaymentButton")
        cancel.clicked.connect(self.reject)
        for button in (self.add_button, self.remove_button, cancel, self.forms[PaymentMode.PAYFIP].open_button):
            button.setAutoDefault(False)  # Enter stays with *Encaisser* whatever had the focus before
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button)
        mode_row = QFormLayout()
        mode_row.addRow(self.tr("Payment &mode"), self.mode_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.remaining_label)
        layout.addWidget(self.error_label)  # right under the status line the agent reads, never far below it
        layout.addLayout(mode_row)
        layout.addWidget(self.stack)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(self.tr("Modes already entered"), self))
        layout.addWidget(self.tenders_view)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.excess_check)
        layout.addLayout(buttons)

    # -- reading the tenders ---------------------------------------------------

    @property
    def card_form(self) -> CardForm:
        card = self.forms[PaymentMode.CARD]
        assert isinstance(card, CardForm)
        return card

    # -- the card terminal -------------------------------------------------------

    def send_to_terminal(self) -> None:
        """The amount goes to the terminal; the payment is recorded only with the authorisation it answers."""
        card = self.card_form
        if self.terminal_cancel is not None or self.paying or not card.connected:
            return
        remaining = self.to_pay - sum(tender.amount_cents for tender in self.added)
        cents = parse_euros(card.amount.text()) if card.amount.text().strip() else remaining
        if cents is None or cents <= 0:
            card.terminal_status.setText(self.tr("Card: the amount is not readable."))
            return
        self.terminal_cancel = threading.Event()
        card.waiting(cents)
        self.confirm_button.setEnabled(False)
        self.context.devices.request_card_payment(cents, self.terminal_cancel, self._card_accepted,
                                                  self._card_not_accepted)

    def cancel_on_terminal(self) -> None:
        if self.terminal_cancel is not None:
            self.terminal_cancel.set()

    def _card_accepted(self, result) -> None:
        self.terminal_cancel = None
        self.card_form.answered(result.authorisation, result.card_last_four, result.amount_cents)
        self.refresh()
        settlement, problems = self.settlement()
        if not problems and settlement.is_complete:
            self.confirm()  # accepted by the bank: recorded at once, with its authorisation
        else:
            self.add_current()  # the card pays its part; the rest another way
            self.card_form.ready_again()

    def _card_not_accepted(self, error: DeskError) -> None:
        self.terminal_cancel = None
        reason = f"{error.message} {error.hint}".strip()
        if getattr(error, "outcome_uncertain", False):
            reason += " " + self.tr("Read the terminal's ticket before sending the amount again.")
        self.card_form.not_answered(reason)
        self.refresh()

    def reject(self) -> None:
        self.cancel_on_terminal()  # the window closed while the terminal waits: the desk stops waiting
        super().reject()

    def current_mode(self) -> PaymentMode:
        return PaymentMode(self.mode_combo.currentData())  # Qt hands the enum back as its plain string

    def _current_tender(self, remaining: int) -> tuple[Tender | None, str | None]:
        form = self.forms[self.current_mode()]
        if form.is_empty():
            return None, None
        tender = form.tender(remaining)
        return (None, tender) if isinstance(tender, str) else (tender, None)

    def settlement(self) -> tuple[Settlement, list[str]]:
        """The tenders as they stand (the added ones and the current form), settled against the amount."""
        partial = settle(self.to_pay, self.added, cash_ceiling_cents=self.cash_ceiling_cents,
                         accept_voucher_excess=self.excess_check.isChecked())
        current, problem = self._current_tender(partial.remaining_cents)
        tenders = self.added + ([current] if current else [])
        result = settle(self.to_pay, tenders, cash_ceiling_cents=self.cash_ceiling_cents,
                        accept_voucher_excess=self.excess_check.isChecked())
        return result, ([problem] if problem else []) + list(result.errors)

    def counter_closed(self) -> bool:
        """The cash desk was closed when the window opened: nothing can be cashed in at the counter."""
        return self.setup is not None and not self.setup.cash_desk_open

    def refresh(self) -> None:
        result, problems = self.settlement()
        refused = self.setup.refused_modes if self.setup is not None else {}
        problems[:0] = [refused[tender.mode] for tender in self.added if tender.mode in refused]
        if self.current_mode() in refused:
            problems.insert(0, refused[self.current_mode()])
        if self.counter_closed() and self.current_mode() is not PaymentMode.PAYFIP:
            problems.insert(0, self.tr("The cash desk is closed: nothing can be cashed in at the counter. A cashier "
                                       "must open it (Cash desk menu); an online payment remains possible."))
        cash = self.forms[PaymentMode.CASH]
        assert isinstance(cash, CashForm)
        cash.change_label.setText(format_cents(result.change_cents))
        if result.remaining_cents:
            self.remaining_label.setText(self.tr("Still to pay: %1").replace("%1", format_cents(result.remaining_cents)))
        elif problems:  # never "covered" while something stops the payment: the reason is right below
            self.remaining_label.setText(self.tr("Not cashable as entered:"))
        else:
            self.remaining_label.setText(self.tr("The amount is covered."))
        self.remaining_label.setProperty("role", "fieldError" if problems and not result.remaining_cents else "")
        self.remaining_label.style().unpolish(self.remaining_label)
        self.remaining_label.style().polish(self.remaining_label)
        self.excess_check.setVisible(result.voucher_excess_cents > 0)
        self.error_label.setText("\n".join(dict.fromkeys(problems)))
        self.error_label.setVisible(bool(problems))
        self.confirm_button.setEnabled(result.is_complete and not problems and self.terminal_cancel is None)
        self.add_button.setEnabled(self.current_mode() is not PaymentMode.PAYFIP and self.terminal_cancel is None
                                   and not self.forms[self.current_mode()].is_empty())

    def add_current(self) -> None:
        partial = settle(self.to_pay, self.added, cash_ceiling_cents=self.cash_ceiling_cents)
        tender, problem = self._current_tender(partial.remaining_cents)
        if tender is None:
            self.error_label.setText(problem or self.tr("Fill in this mode first."))
            self.error_label.show()
            return
        self.added.append(tender)
        amount = tender.tendered_cents if tender.mode is PaymentMode.CASH else tender.amount_cents
        item = QListWidgetItem(f"{MODE_LABELS[tender.mode]} : {format_cents(amount or 0)}")
        self.tenders_view.addItem(item)
        self.forms[tender.mode].clear()
        self.refresh()

    def remove_selected(self) -> None:
        row = self.tenders_view.currentRow()
        if 0 <= row < len(self.added):
            self.added.pop(row)
            self.tenders_view.takeItem(row)
            self.refresh()

    def _mode_changed(self) -> None:
        self.stack.setCurrentWidget(self.forms[self.current_mode()])
        self._prefill_current()
        self.refresh()
        field = self.forms[self.current_mode()].first_field()
        if field is not None and self.isVisible():
            field.setFocus()

    def _prefill_current(self) -> None:
        """The mode's amount is the rest to pay (cash only within the ceiling), a cheque's drawer the payer."""
        mode = self.current_mode()
        remaining = settle(self.to_pay, self.added, cash_ceiling_cents=self.cash_ceiling_cents).remaining_cents
        if mode is PaymentMode.CASH and remaining > min(self.cash_ceiling_cents, DEFAULT_CASH_CEILING_CENTS):
            remaining = 0  # over the ceiling: the agent splits the payment, cash is typed by hand
        self.forms[mode].prefill(remaining, self.setup.payer_name if self.setup else "")

    def _read_setup(self) -> None:
        """Whether the cash desk is open and who pays, off the GUI thread, as soon as the window opens."""
        payments, family_id = self.payments, self.family_id
        self.runner.run(lambda: payments.setup(family_id), self._set_up,
                        lambda _error: None)  # nothing read: the payment itself says what is wrong

    def _set_up(self, setup: PaymentSetup) -> None:
        self.setup = setup
        self._refuse_modes(setup.refused_modes)
        if self.current_mode() is PaymentMode.CHEQUE:
            self._prefill_current()
        self.refresh()

    def _refuse_modes(self, refused: dict[PaymentMode, str]) -> None:
        """The modes the régie's act does not authorise can no longer be chosen; their tooltip says why."""
        model = self.mode_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.mode_combo.count()):
            mode = PaymentMode(self.mode_combo.itemData(row))
            item = model.item(row)
            item.setEnabled(mode not in refused)
            item.setToolTip(refused.get(mode, ""))
        if self.current_mode() in refused:
            allowed = [row for row in range(self.mode_combo.count()) if model.item(row).isEnabled()]
            if allowed:
                self.mode_combo.setCurrentIndex(allowed[0])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        field = self.forms[self.current_mode()].first_field()
        if field is not None:
            field.setFocus()  # the cursor in the amount handed over: the agent types 20, then Enter

    def _request_online(self) -> None:
        online = self.forms[PaymentMode.PAYFIP]
        assert isinstance(online, OnlineForm)
        self.online_requested.emit(self.family_id, online.email.text().strip())

    # -- recording ---------------------------------------------------------------

    def confirm(self) -> None:
        """*Encaisser*: the payment and its ticket in one unit of work, off the GUI thread.

        The button waits, disabled, until the database answers; a second press
        meanwhile does nothing. A refusal keeps every field as typed.
        """
        result, problems = self.settlement()
        if self.paying or problems or not result.is_complete or not self.confirm_button.isEnabled():
            return
        if result.large_change and not self._change_confirmed(result):
            return
        tenders = [line.tender for line in result.lines]
        payments, family_id = self.payments, self.family_id
        accept_excess, ceiling = self.excess_check.isChecked(), self.cash_ceiling_cents
        request, self.grid_ticket = self.grid_after() if self.grid_after is not None else (None, 0)
        receipt_format = self.context.settings.receipt_format

        def pay_and_render() -> tuple[CounterPayment, bytes | None]:
            paid = payments.pay(family_id, tenders, accept_voucher_excess=accept_excess, cash_ceiling_cents=ceiling,
                                grid=request)
            try:  # the ticket, off the GUI thread; the payment is recorded whatever happens to its rendering
                rendered = ReceiptDialog.render_ticket(paid.receipt, receipt_format)
            except Exception:  # the ticket window renders it again, and says what fails
                _log.exception("ticket %s not rendered with its payment", paid.receipt.code)
                rendered = None
            return paid, rendered

        self._set_paying(True)
        self.runner.run(pay_and_render, self._recorded, self._refused)

    def _change_confirmed(self, result: Settlement) -> bool:
        """Much change to give back is most often a slip of the keys: the agent confirms the sum handed over."""
        tendered = sum(line.tender.tendered_cents or 0 for line in result.lines if line.tender.mode is PaymentMode.CASH)
        question = (self.tr("The family handed over %1 for %2 to pay: give back %3 of change?")
                    .replace("%1", format_cents(tendered)).replace("%2", format_cents(self.to_pay))
                    .replace("%3", format_cents(result.change_cents)))
        if self.context.dialogs.confirm(self, self.tr("Much change to give back"), question):
            return True
        cash = self.forms[PaymentMode.CASH]
        assert isinstance(cash, CashForm)
        if self.current_mode() is PaymentMode.CASH:
            cash.tendered.setFocus()
            cash.tendered.selectAll()
        return False

    def _set_paying(self, paying: bool) -> None:
        self.paying = paying
        self.confirm_button.setText(self.tr("Cashing in…") if paying else self.tr("Cash in (F9)"))
        if paying:
            self.confirm_button.setEnabled(False)
        else:
            self.refresh()

    def _recorded(self, paid: tuple[CounterPayment, bytes | None]) -> None:
        self.counter_payment, self.rendered = paid
        self.record, self.receipt = self.counter_payment.record, self.counter_payment.receipt
        self.paying = False
        self.paid.emit(self.record)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_paying(False)
        if not isinstance(error, DeskError):
            raise error
        self.error_label.setText(error.message)
        self.error_label.show()
