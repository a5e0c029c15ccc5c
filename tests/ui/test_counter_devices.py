"""The counter's thermal printer and cash drawer, from the windows, over a real socket (the printer simulator)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from desk.db.enums import PaymentMode
from desk.devices.printer_simulator import PrinterSimulator
from desk.services.auth import log_in
from tests.ui.conftest import confirm_payment
from tests.ui.test_admin_screens import wait_for
from tests.ui.test_app import shot
from tests.ui.test_payment import book_guide_basket, choose_mode, payment_dialog


@pytest.fixture
def printer(window):
    """The desk's ticket printer is the simulator; the other tests keep the PDF path."""
    context = window.testing[0]
    with PrinterSimulator() as simulator:
        context.settings.ticket_printer = simulator.url
        context.settings.ticket_columns = 42
        context.settings.print_ticket_on_payment = True
        yield simulator
    context.settings.ticket_printer = ""
    context.settings.ticket_columns = 48
    context.settings.print_ticket_on_payment = True


def test_a_cash_payment_opens_the_drawer_and_prints_its_ticket_without_a_key(qtbot, window, printer):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText("20")
    confirm_payment(qtbot, dialog)
    drawer, ticket = printer.wait_for_jobs(2, timeout=10)
    assert len(drawer.drawer_pulses) == 1 and not drawer.text.strip()  # the drawer's own job, no paper, first
    receipt = window.family.receipt_dialog
    assert receipt.receipt.code in ticket.text and ticket.cuts == 1 and not ticket.drawer_pulses
    assert max(line.width for line in ticket.lines) <= 42
    qtbot.waitUntil(lambda: receipt.status_label.text() == "Ticket imprimé.", timeout=5000)
    receipt.findChild(QPushButton, "printReceiptButton").click()  # the family asks for another copy
    qtbot.waitUntil(lambda: len(printer.jobs) == 3, timeout=10_000)
    assert receipt.receipt.code in printer.jobs[2].text
    receipt.accept()


def test_a_desk_that_does_not_print_at_payment_prints_when_the_agent_asks(qtbot, window, printer):
    window.testing[0].settings.print_ticket_on_payment = False
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText("20")
    confirm_payment(qtbot, dialog)
    [drawer] = printer.wait_for_jobs(1, timeout=10)
    receipt = window.family.receipt_dialog
    qtbot.waitUntil(lambda: not window.testing[0].devices.runner.waiting, timeout=5000)  # nothing more queued
    assert len(printer.jobs) == 1 and drawer.drawer_pulses and receipt.status_label.text() == ""
    receipt.findChild(QPushButton, "printReceiptButton").click()
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=10_000)
    assert receipt.receipt.code in printer.jobs[1].text
    receipt.accept()


def test_a_card_payment_leaves_the_drawer_shut_and_a_printer_off_loses_nothing(qtbot, window, printer):
    context = window.testing[0]
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.CARD)
    dialog.findChild(QLineEdit, "cardAuthorisationEdit").setText("A1B2C3")
    dialog.findChild(QLineEdit, "cardLast4Edit").setText("4242")
    printer.switch_off()
    confirm_payment(qtbot, dialog)  # its ticket, printed at payment, finds the printer off
    receipt = window.family.receipt_dialog
    qtbot.waitUntil(lambda: any(kind == "error" for kind, *_ in context.dialogs.shown), timeout=10_000)
    [(_kind, _title, said)] = [shown for shown in context.dialogs.shown if shown[0] == "error"]
    assert "ne répond pas" in said and "est enregistré" in said
    assert printer.jobs == []  # no drawer for a card, and nothing printed while off
    printer.switch_on()
    receipt.findChild(QPushButton, "printReceiptButton").click()  # printed again once the printer is back
    [ticket] = printer.wait_for_jobs(1, timeout=10)
    assert receipt.receipt.code in ticket.text
    receipt.accept()


def test_the_settings_check_the_printer_address_and_print_a_test_page(qtbot, window, printer):
    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(
        lambda s: log_in(s, context.clock, "admin", "admin")).actor())
    window.show_settings()
    dialog = window.settings_dialog
    wait_for(qtbot, dialog)
    address = dialog.findChild(QLineEdit, "settingsTicketPrinterEdit")
    assert address.text() == printer.url
    address.setText("lpt://imprimante")
    dialog.findChild(QPushButton, "settingsTestPageButton").click()
    assert "Adresse de l'imprimante de tickets" in dialog.findChild(QLabel, "settingsErrorLabel").text()
    address.setText(printer.url)
    columns = dialog.findChild(QComboBox, "settingsTicketColumnsCombo")
    columns.setCurrentIndex(columns.findData(48))
    dialog.findChild(QPushButton, "settingsTestPageButton").click()
    [page] = printer.wait_for_jobs(1, timeout=10)
    shot(dialog, "37-settings-devices")
    assert "€" in page.text and page.qr_codes and page.cuts == 1
    qtbot.waitUntil(lambda: "Page de test imprimée" in dialog.findChild(QLabel, "settingsErrorLabel").text(),
                    timeout=5000)
    at_payment = dialog.findChild(QCheckBox, "settingsPrintOnPaymentCheck")
    assert at_payment.isChecked()
    at_payment.setChecked(False)
    dialog.save()
    wait_for(qtbot, dialog)
    assert (context.settings.ticket_printer, context.settings.ticket_columns) == (printer.url, 48)
    assert context.settings.print_ticket_on_payment is False


def test_the_closing_count_starts_with_the_drawer_open_once(qtbot, window, printer):
    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(
        lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    window.show_cash_desk()
    dialog = window.cash_desk_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QLineEdit, "chequesCountedEdit") is not None, timeout=5000)
    [drawer] = printer.wait_for_jobs(1, timeout=10)
    assert len(drawer.drawer_pulses) == 1
    dialog.reload()  # the form read again: the drawer is already open
    qtbot.waitUntil(lambda: not window.database_runner.waiting, timeout=5000)
    assert len(printer.jobs) == 1
    dialog.reject()


@pytest.fixture
def terminal(window):
    """The desk's card terminal is the Caisse-AP simulator."""
    from desk.devices.terminal_simulator import TerminalSimulator

    context = window.testing[0]
    with TerminalSimulator(slow_delay=30) as simulator:
        context.settings.card_terminal = f"{simulator.host}:{simulator.port}"
        yield simulator
    context.settings.card_terminal = ""


def _card_by_terminal(qtbot, window):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.CARD)
    return dialog, dialog.card_form


def test_the_card_terminal_is_sent_the_amount_and_its_authorisation_is_recorded(qtbot, window, terminal):
    dialog, card = _card_by_terminal(qtbot, window)
    assert card.authorisation.isReadOnly() and card.terminal_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: getattr(window.family, "receipt_dialog", None) is not None, timeout=10_000)
    [request] = terminal.requests
    assert request.fields["CB"].lstrip("0") == "1400"  # exactly the amount due, in cents
    receipt = window.family.receipt_dialog.receipt
    [tender] = receipt.tenders
    assert tender.amount_cents == 1400 and tender.card_last4 and len(tender.card_last4) == 4
    assert tender.authorisation_number == card.authorisation.text() and tender.authorisation_number
    window.family.receipt_dialog.accept()


@pytest.mark.parametrize(("outcome", "said"), [("REFUSED", "refus"), ("CANCELLED", "annul"), ("HANG_UP", "")])
def test_a_terminal_that_says_no_records_nothing_and_says_why(qtbot, window, terminal, outcome, said):
    from desk.devices.terminal_simulator import Outcome

    dialog, card = _card_by_terminal(qtbot, window)
    terminal.next_outcome = Outcome[outcome]
    card.terminal_button.click()
    qtbot.waitUntil(lambda: card.terminal_button.isEnabled(), timeout=10_000)
    assert said in card.terminal_status.text().lower() and card.terminal_status.text()
    assert card.authorisation.text() == "" and not dialog.confirm_button.isEnabled()
    assert getattr(window.family, "receipt_dialog", None) is None
    dialog.reject()


def test_the_desk_cancels_a_terminal_that_waits_and_an_unreachable_one_is_said(qtbot, window, terminal):
    from desk.devices.terminal_simulator import Outcome

    context = window.testing[0]
    dialog, card = _card_by_terminal(qtbot, window)
    terminal.next_outcome = Outcome.SLOW
    card.terminal_button.click()
    qtbot.waitUntil(lambda: terminal.requests != [], timeout=5000)
    assert not dialog.confirm_button.isEnabled()
    shot(dialog, "36-payment-card-terminal-waiting")
    card.cancel_terminal_button.click()
    qtbot.waitUntil(lambda: card.terminal_button.isEnabled(), timeout=10_000)
    assert "annul" in card.terminal_status.text().lower() and card.authorisation.text() == ""
    terminal.stop()
    context.settings.card_terminal = "127.0.0.1:9"
    card.terminal_button.click()
    qtbot.waitUntil(lambda: card.terminal_button.isEnabled(), timeout=10_000)
    assert card.terminal_status.text() and card.authorisation.text() == ""
    assert getattr(window.family, "receipt_dialog", None) is None
    dialog.reject()
