"""Paying the guide's basket: cash with change, split modes, online (paid, refused then paid, expired)."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from desk.db.enums import PaymentMode
from desk.payfip_simulator.store import CARD_PAYS, CARD_REFUSED
from desk.services.planning import CellState
from desk.ui.planning_model import CellRole
from tests.ui.conftest import cell_index, click_cell, confirm_payment, places, settle
from tests.ui.test_app import shot

DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)


def book_guide_basket(qtbot, window) -> None:
    """Noah: a journée on 2 December and a morning on 9 December (14,00 €), then *Payer*."""
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    panel.modify_button.setChecked(True)
    for unit, day in (("Mercredi journée", DEC_2), ("Mercredi matin", DEC_9)):
        click_cell(qtbot, panel, cell_index(panel.model, unit, day))
    panel.finish_button.click()
    settle(qtbot, panel)
    panel.checkout.findChild(QPushButton, "payButton").click()
    settle(qtbot, panel)  # the amount and e-mail are read off the GUI thread


def payment_dialog(window):
    dialog = window.family.payment_dialog
    assert dialog.objectName() == "paymentDialog" and dialog.isVisible()
    return dialog


def choose_mode(dialog, mode: PaymentMode) -> None:
    combo = dialog.findChild(QComboBox, "paymentModeCombo")
    combo.setCurrentIndex(combo.findData(mode))


def ticket_text(window) -> str:
    receipt = window.family.receipt_dialog
    assert receipt.objectName() == "receiptDialog"
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(receipt.pdf())).pages)


def noah_states(qtbot, window) -> list[str]:
    settle(qtbot, window.family.planning)
    model = window.family.planning.model
    return [cell_index(model, unit, day).data(CellRole.SLOTS)[0].state.value
            for unit, day in (("Mercredi journée", DEC_2), ("Mercredi matin", DEC_9))]


def test_cash_with_change_then_the_ticket(qtbot, window, tmp_path):
    context = window.testing[0]
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    assert dialog.findChild(QLabel, "amountToPayLabel").text() == "À payer : 14,00\u00a0€"
    # Cash chosen, the amount due typed in and selected, the cursor on it, Enter cashes in: "20", Return.
    tendered = dialog.findChild(QLineEdit, "cashTenderedEdit")
    assert dialog.current_mode() is PaymentMode.CASH
    assert tendered.text() == "14,00" and tendered.selectedText() == "14,00"
    assert dialog.focusWidget() is tendered
    confirm = dialog.findChild(QPushButton, "confirmPaymentButton")
    assert confirm.isDefault() and confirm.isEnabled()
    qtbot.keyClicks(tendered, "20")
    assert tendered.text() == "20"
    assert dialog.findChild(QLabel, "changeLabel").text() == "6,00\u00a0€"
    assert confirm.isEnabled()
    shot(dialog, "12-payment-cash")
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.family, "receipt_dialog", None) is not None, timeout=5000)
    text = ticket_text(window)
    code = window.family.receipt_dialog.receipt.code
    assert code.startswith("2026-") and code in text
    assert "Noah" in text and "14,00 €" in text.replace("\u00a0", " ").replace("\u202f", " ")
    shot(window.family.receipt_dialog, "13-receipt")
    receipt = window.family.receipt_dialog
    receipt.findChild(QComboBox, "receiptFormatCombo").setCurrentIndex(1)  # the A4 page, in the ticket's window
    preview = receipt.preview
    page = preview.findChildren(QLabel, "pdfPage0")[-1]  # the A4 page (the ticket's goes later)
    qtbot.waitUntil(lambda: page.pixmap().width() <= preview.viewport().width(), timeout=3000)
    assert preview.horizontalScrollBar().maximum() == 0  # the whole width shows, nothing cut on the right
    shot(receipt, "13b-receipt-a4")
    receipt.findChild(QComboBox, "receiptFormatCombo").setCurrentIndex(0)
    context.dialogs.save_to = tmp_path / "ticket.pdf"
    window.family.receipt_dialog.findChild(QPushButton, "saveReceiptButton").click()
    assert PdfReader(tmp_path / "ticket.pdf").pages[0].extract_text()
    context.dialogs.print_to = tmp_path / "printed.pdf"
    window.family.receipt_dialog.findChild(QPushButton, "printReceiptButton").click()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    assert noah_states(qtbot, window) == [CellState.CONFIRMED.value] * 2
    window.family.receipt_dialog.accept()


def test_holiday_vouchers_and_cash_together(qtbot, window):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.HOLIDAY_VOUCHER)
    dialog.findChild(QSpinBox, "ancvCountSpin").setValue(1)
    dialog.findChild(QLineEdit, "ancvValueEdit").setText("10")
    dialog.findChild(QPushButton, "addTenderButton").click()
    assert dialog.findChild(QLabel, "remainingLabel").text() == "Reste à payer : 4,00\u00a0€"
    choose_mode(dialog, PaymentMode.CASH)
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText("5")
    assert dialog.findChild(QLabel, "changeLabel").text() == "1,00\u00a0€"
    shot(dialog, "14-payment-split")
    confirm_payment(qtbot, dialog)
    assert window.family.receipt_dialog.receipt.amount_cents == 1400
    assert "Chèques vacances" in ticket_text(window)


def test_wrong_input_is_named_and_nothing_is_cashed(qtbot, window):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.CARD)
    dialog.findChild(QLineEdit, "cardLast4Edit").setText("12")
    error = dialog.findChild(QLabel, "paymentErrorLabel")
    assert error.isVisible() and "4 derniers chiffres" in error.text()
    assert not dialog.findChild(QPushButton, "confirmPaymentButton").isEnabled()
    dialog.reject()
    assert noah_states(qtbot, window) == [CellState.PENDING.value] * 2


def open_gateway(qtbot, window):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.PAYFIP)
    dialog.findChild(QPushButton, "openGatewayButton").click()
    gateway = window.family.gateway_window
    qtbot.waitUntil(lambda: gateway.start is not None, timeout=3000)
    assert gateway.objectName() == "gatewayWindow"
    return gateway


def pay_card(qtbot, gateway, number: str) -> None:
    gateway.findChild(QPushButton, "gatewayCardButton").click()
    gateway.findChild(QLineEdit, "cardNumberEdit").setText(number)
    gateway.findChild(QComboBox, "cardExpiryYearCombo").setCurrentIndex(2)
    gateway.findChild(QLineEdit, "cardCvvEdit").setText("123")
    gateway.findChild(QPushButton, "gatewayValidateButton").click()
    answered(qtbot, gateway)


def answered(qtbot, gateway) -> None:
    """The desk asks the gateway off the GUI thread: wait for its answer (and what follows it on screen)."""
    qtbot.waitUntil(lambda: not gateway.sending and not gateway.polling, timeout=5000)
    settle(qtbot, gateway.parent().planning)


def test_online_with_a_paying_card(qtbot, window):
    gateway = open_gateway(qtbot, window)
    assert gateway.findChild(QLabel, "gatewayAmountLabel").text() == "14,00\u00a0€"
    assert gateway.findChild(QLabel, "gatewayCountdownLabel").text() == "Temps restant pour payer : 15:00"
    shot(gateway, "15-gateway")
    pay_card(qtbot, gateway, CARD_PAYS)
    assert "accepté" in gateway.findChild(QLabel, "gatewayStatusLabel").text()
    assert "PayFiP" in ticket_text(window) or gateway.start.refdet in ticket_text(window)
    assert noah_states(qtbot, window) == [CellState.CONFIRMED.value] * 2


def test_a_refused_card_then_a_paying_one(qtbot, window):
    gateway = open_gateway(qtbot, window)
    first_payment = window.family.payment_dialog
    pay_card(qtbot, gateway, CARD_REFUSED)
    assert "refusé" in gateway.findChild(QLabel, "gatewayStatusLabel").text()
    back = gateway.findChild(QPushButton, "gatewayCloseButton")
    assert back.text() == "Retour au paiement" and back.isDefault()
    shot(gateway, "16-gateway-refused")
    qtbot.keyClick(back, Qt.Key.Key_Return)  # back on the payment, not on the planning
    qtbot.waitUntil(lambda: window.family.payment_dialog is not first_payment
                    and window.family.payment_dialog.isVisible(), timeout=5000)
    assert not gateway.isVisible()
    assert noah_states(qtbot, window) == [CellState.PENDING.value] * 2
    dialog = payment_dialog(window)
    assert dialog.findChild(QLabel, "amountToPayLabel").text() == "À payer : 14,00\u00a0€"
    choose_mode(dialog, PaymentMode.PAYFIP)
    dialog.findChild(QPushButton, "openGatewayButton").click()
    second = window.family.gateway_window
    qtbot.waitUntil(lambda: second.start is not None, timeout=3000)
    pay_card(qtbot, second, CARD_PAYS)
    assert noah_states(qtbot, window) == [CellState.CONFIRMED.value] * 2


def test_an_abandoned_operation_left_to_expire_gives_the_places_back(qtbot, window):
    context = window.testing[0]
    before = places(context, "Mercredi journée", DEC_2)
    gateway = open_gateway(qtbot, window)
    assert places(context, "Mercredi journée", DEC_2) == before + 1
    context.clock.advance(timedelta(minutes=15))
    gateway.tick()
    answered(qtbot, gateway)
    status = gateway.findChild(QLabel, "gatewayStatusLabel").text()
    assert "15 minutes" in status and "à partir de 10:45" in status
    shot(gateway, "17-gateway-expired")
    assert places(context, "Mercredi journée", DEC_2) == before
    gateway.accept()
    assert noah_states(qtbot, window) == [CellState.NONE.value] * 2


def _payment_window(qtbot, window, to_pay_cents: int):
    """A payment window as *Payer* opens it, for an amount of our choosing, its set-up read."""
    from desk.ui.payment_dialog import PaymentDialog

    family = window.family
    dialog = PaymentDialog(family.context, family.runner, family.file.id, to_pay_cents, "", family)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=5000)
    return dialog


def test_an_error_is_told_by_the_status_line_never_covered(qtbot, window):
    """500 € of cash for 330 €: the ceiling stops it, and the line the agent reads says so, not "covered"."""
    dialog = _payment_window(qtbot, window, 33_000)
    tendered = dialog.findChild(QLineEdit, "cashTenderedEdit")
    assert tendered.text() == ""  # over the cash ceiling: nothing offered in cash
    status = dialog.findChild(QLabel, "remainingLabel")
    error = dialog.findChild(QLabel, "paymentErrorLabel")
    layout = dialog.layout()
    assert layout.indexOf(error) == layout.indexOf(status) + 1  # right under it, not at the bottom
    tendered.setText("500")  # more than a till takes: not counted, and said right there
    assert status.text() == "Reste à payer : 330,00\u00a0€" and error.isVisible() and "500,00" in error.text()
    tendered.setText("350")  # covers the amount, but 330 € of cash is over the ceiling
    assert "couvert" not in status.text() and status.text() == "Encaissement impossible en l'état :"
    assert error.isVisible() and "limitées à 300,00" in error.text()
    assert not dialog.findChild(QPushButton, "confirmPaymentButton").isEnabled()
    shot(dialog, "12c-payment-ceiling")
    tendered.setText("300")
    assert status.text() == "Reste à payer : 30,00\u00a0€" and not error.isVisible()
    dialog.reject()


def test_far_too_much_cash_is_refused_or_confirmed(qtbot, window):
    context = window.testing[0]
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    tendered = dialog.findChild(QLineEdit, "cashTenderedEdit")
    error = dialog.findChild(QLabel, "paymentErrorLabel")
    tendered.setText("500")  # 500 € for 14 €: not possible, and said where the agent looks
    assert error.isVisible() and "500,00" in error.text()
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    assert not dialog.paying and dialog.isVisible()
    tendered.setText("100")  # possible, but 86 € of change: the agent confirms the note first
    context.dialogs.confirm_answer = False
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    kind, title, question = context.dialogs.shown[-1]
    assert kind == "confirm" and title == "Beaucoup de monnaie à rendre"
    assert "100,00" in question and "14,00" in question and "86,00" in question
    assert not dialog.paying and dialog.isVisible() and tendered.selectedText() == "100"
    context.dialogs.confirm_answer = True
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.family, "receipt_dialog", None) is not None, timeout=5000)
    assert window.family.receipt_dialog.receipt.amount_cents == 1400
    window.family.receipt_dialog.accept()


def test_a_cheque_comes_filled_with_the_rest_and_the_payer(qtbot, window):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=5000)
    choose_mode(dialog, PaymentMode.HOLIDAY_VOUCHER)
    dialog.findChild(QSpinBox, "ancvCountSpin").setValue(1)
    dialog.findChild(QLineEdit, "ancvValueEdit").setText("10")
    dialog.findChild(QPushButton, "addTenderButton").click()
    choose_mode(dialog, PaymentMode.CHEQUE)
    assert dialog.findChild(QLineEdit, "chequeAmountEdit").text() == "4,00"  # the rest, not the whole
    drawer = dialog.findChild(QLineEdit, "chequeDrawerEdit").text()
    assert drawer and drawer == dialog.setup.payer_name and "DURAND" in drawer.upper()
    number = dialog.findChild(QLineEdit, "chequeNumberEdit")
    assert dialog.focusWidget() is number  # what only the cheque tells
    number.setText("1234567")
    shot(dialog, "14b-payment-cheque")
    confirm_payment(qtbot, dialog)
    assert window.family.receipt_dialog.receipt.amount_cents == 1400
    window.family.receipt_dialog.accept()


def test_a_closed_cash_desk_is_said_as_the_window_opens(qtbot, window):
    from desk.services.auth import log_in
    from desk.services.cash_desk import close_cash_desk, notes_and_coins, open_session, session_figures

    context = window.testing[0]
    cashier = context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor()

    def close(session):
        figures = session_figures(session, open_session(session).id)
        close_cash_desk(session, context.clock, actor=cashier, counts=notes_and_coins(figures.expected_cash_cents),
                        cheques_counted_cents=figures.cheques_cents)

    context.services.work.write(close)
    dialog = _payment_window(qtbot, window, 1400)  # nothing typed yet
    error = dialog.findChild(QLabel, "paymentErrorLabel")
    assert error.isVisible() and error.text().startswith("La caisse est fermée")
    assert not dialog.findChild(QPushButton, "confirmPaymentButton").isEnabled()
    choose_mode(dialog, PaymentMode.PAYFIP)  # online stays possible
    assert not error.isVisible()
    dialog.reject()


def test_the_dgfip_page_from_the_keyboard_then_closed_for_the_ticket(qtbot, window):
    gateway = open_gateway(qtbot, window)
    now = window.testing[0].clock.now()
    month = int(gateway.findChild(QComboBox, "cardExpiryMonthCombo").currentText())
    year = int(gateway.findChild(QComboBox, "cardExpiryYearCombo").currentText())
    assert (year, month) > (now.year, now.month)  # a valid card's expiry, from the desk's clock
    gateway.findChild(QPushButton, "gatewayCardButton").click()
    number = gateway.findChild(QLineEdit, "cardNumberEdit")
    assert gateway.focusWidget() is number
    qtbot.keyClicks(number, CARD_PAYS)
    cvv = gateway.findChild(QLineEdit, "cardCvvEdit")
    qtbot.keyClicks(cvv, "123")
    qtbot.keyClick(cvv, Qt.Key.Key_Return)  # Enter in the security code validates
    answered(qtbot, gateway)
    assert gateway.status.outcome.value == "paid"
    assert not gateway.isVisible()  # closed: the ticket is not behind it
    assert window.family.receipt_dialog.isVisible()
    window.family.receipt_dialog.accept()


def test_the_focus_on_validate_shows(qtbot, window):
    gateway = open_gateway(qtbot, window)
    gateway.findChild(QPushButton, "gatewayCardButton").click()
    validate = gateway.findChild(QPushButton, "gatewayValidateButton")
    gateway.activateWindow()
    qtbot.waitUntil(gateway.isActiveWindow, timeout=3000)
    gateway.findChild(QLineEdit, "cardCvvEdit").setFocus()
    qtbot.waitUntil(lambda: not validate.hasFocus())
    without = validate.grab().toImage()
    validate.setFocus()
    qtbot.waitUntil(validate.hasFocus)
    shot(gateway, "15b-gateway-validate-focused")
    assert validate.grab().toImage() != without  # the focus is drawn, not only held
    gateway.abandon()
    answered(qtbot, gateway)
    gateway.reject()
