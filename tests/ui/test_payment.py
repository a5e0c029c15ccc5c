"""Paying the guide's basket: cash with change, split modes, online (paid, refused then paid, expired)."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from desk.db.enums import PaymentMode
from desk.gateway.payfip import CARD_PAYS, CARD_REFUSED
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
    confirm = dialog.findChild(QPushButton, "confirmPaymentButton")
    assert not confirm.isEnabled()
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText("20")
    assert dialog.findChild(QLabel, "changeLabel").text() == "6,00\u00a0€"
    assert confirm.isEnabled()
    shot(dialog, "12-payment-cash")
    confirm_payment(qtbot, dialog)
    text = ticket_text(window)
    code = window.family.receipt_dialog.receipt.code
    assert code.startswith("2026-") and code in text
    assert "Noah" in text and "14,00 €" in text.replace("\u00a0", " ").replace("\u202f", " ")
    shot(window.family.receipt_dialog, "13-receipt")
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
    qtbot.waitUntil(lambda: not gateway.polling, timeout=5000)
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
    pay_card(qtbot, gateway, CARD_REFUSED)
    assert "refusé" in gateway.findChild(QLabel, "gatewayStatusLabel").text()
    shot(gateway, "16-gateway-refused")
    gateway.accept()
    assert noah_states(qtbot, window) == [CellState.PENDING.value] * 2
    window.family.planning.finish_button.click()
    settle(qtbot, window.family.planning)
    window.family.planning.checkout.findChild(QPushButton, "payButton").click()
    settle(qtbot, window.family.planning)  # the amount and e-mail are read off the GUI thread
    dialog = payment_dialog(window)
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
