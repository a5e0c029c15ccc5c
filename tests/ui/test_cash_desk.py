"""The régisseur closes the day's cash desk and gets the journal; an agent does not see the menu."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableView

from desk.services.auth import log_in
from tests.reports.conftest import pdf_text
from tests.ui.conftest import cell_index, click_cell, confirm_payment, settle
from tests.ui.test_app import shot


def wait_for(qtbot, dialog) -> None:
    """Until the dialog has its answers: its reads and writes run off the GUI thread."""
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=5000)


def test_an_agent_has_no_cash_desk_menu(window):
    assert not window.cash_desk_action.isVisible()
    assert not window.verify_journal_action.isVisible()
    assert not window.review_action.isVisible() and window.findChild(QLabel, "reviewStatusLabel").isHidden()


def test_the_regisseur_closes_the_day_with_a_difference(qtbot, window):
    context = window.testing[0]
    # An agent takes a cash payment first.
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    panel.modify_button.setChecked(True)
    click_cell(qtbot, panel, cell_index(panel.model, "Mercredi journée", date(2026, 12, 2)))
    panel.finish_button.click()
    settle(qtbot, panel)
    panel.checkout.findChild(QPushButton, "payButton").click()
    settle(qtbot, panel)  # the amount and e-mail are read off the GUI thread
    window.family.payment_dialog.findChild(QLineEdit, "cashTenderedEdit").setText("10")
    confirm_payment(qtbot, window.family.payment_dialog)
    window.family.receipt_dialog.accept()

    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    window.show_cash_desk()
    dialog = window.cash_desk_dialog
    assert dialog.objectName() == "cashDeskDialog"
    assert dialog.findChild(QLabel, "cashDeskStateLabel").text() == "Chargement…"  # opened before the answer
    wait_for(qtbot, dialog)  # shown at once, read off the GUI thread
    assert dialog.findChild(QLabel, "expectedCashLabel").text() == "160,00\u00a0€"  # 150 € float + 10 €
    payments = dialog.findChild(QTableView, "sessionPaymentsView")
    assert payments.model().rowCount() == 1
    rows = payments.verticalHeader().defaultSectionSize()
    assert payments.minimumHeight() >= 5 * rows and payments.height() >= 5 * rows  # not one and a half rows
    assert dialog.findChild(QLineEdit, "chequesCountedEdit").text() == ""  # counted by the régisseur, not offered
    payments.selectRow(0)
    dialog.findChild(QPushButton, "sessionReprintButton").click()
    qtbot.waitUntil(lambda: getattr(dialog, "receipt_dialog", None) is not None, timeout=5000)  # recorded first
    reprint = dialog.receipt_dialog
    assert reprint.receipt.amount_cents == 1000 and reprint.receipt.copy_number == 1
    assert reprint.findChild(QLabel, "receiptHeadingLabel").text().endswith("réimprimé : DUPLICATA n° 1")
    assert "DUPLICATA n° 1" in pdf_text(reprint.pdf())
    reprint.accept()
    dialog.findChild(QSpinBox, "count10000Spin").setValue(1)
    dialog.findChild(QSpinBox, "count5000Spin").setValue(1)
    dialog.findChild(QSpinBox, "count500Spin").setValue(1)
    dialog.findChild(QSpinBox, "count200Spin").setValue(2)
    assert dialog.findChild(QLabel, "cashDifferenceLabel").text() == "Écart : -1,00\u00a0€"
    shot(dialog, "18-cash-desk")
    asked = len(context.dialogs.shown)
    dialog.findChild(QPushButton, "closeCashDeskButton").click()
    assert "expliquez l'écart" in dialog.findChild(QLabel, "cashDeskErrorLabel").text()
    assert len(context.dialogs.shown) == asked  # refused before "Clôturer la caisse ?" is asked
    dialog.findChild(QPlainTextEdit, "closingCommentEdit").setPlainText("Pièce de 1 € égarée.")
    dialog.findChild(QPushButton, "closeCashDeskButton").click()
    assert not dialog.findChild(QPushButton, "closeCashDeskButton").isEnabled()  # one press, one closing
    qtbot.waitUntil(lambda: getattr(dialog, "journal_dialog", None) is not None, timeout=5000)
    journal = dialog.journal_dialog
    text = pdf_text(journal.pdf())
    for expected in ("Journal de caisse", "Écart de caisse −1,00 €", "Pièce de 1 € égarée.",
                     "Empreinte du journal : écriture n°", "Conservez cette page imprimée"):
        assert expected in text
    shot(journal, "19-cash-journal")
    assert dialog.findChild(QLabel, "cashDeskStateLabel").text() == "La caisse est fermée."
    assert dialog.findChild(QPushButton, "openCashDeskButton") is not None
    journal.accept()
    done = dialog.findChild(QLabel, "cashDeskDoneLabel")
    assert done.text().startswith("Caisse clôturée") and done.property("role") == "success"  # not in red
    qtbot.waitUntil(lambda: dialog.findChild(QSpinBox, "count10000Spin") is None)  # the closing form is gone
    assert not any(button.isVisible() for button in dialog.findChildren(QPushButton, "closeCashDeskButton"))

    # Opened again in the same window, from the keyboard: the float, then Enter.
    dialog.activateWindow()
    float_edit = dialog.findChild(QLineEdit, "cashFloatEdit")
    float_edit.setFocus()
    qtbot.keyClicks(float_edit, "150")
    questions = len(context.dialogs.shown)
    qtbot.keyClick(float_edit, Qt.Key.Key_Return)
    wait_for(qtbot, dialog)
    assert len(context.dialogs.shown) == questions  # no "Clôturer la caisse ?" from a form that is gone
    assert dialog.findChild(QLabel, "cashDeskStateLabel").text().startswith("Caisse ouverte depuis")
    qtbot.waitUntil(lambda: len(dialog.findChildren(QLabel, "expectedCashLabel")) == 1)  # one form, not two
    assert dialog.findChild(QLabel, "expectedCashLabel").text() == "150,00 €"
    dialog.findChild(QSpinBox, "count10000Spin").setValue(1)  # the new form's count works
    shot(dialog, "18b-cash-desk-reopened")
    dialog.accept()

    # What the régisseur copied from the printed journal proves, later, that the journal was not cut.
    anchor = re.search(r"Ligne à recopier : (\d+:[0-9a-f]{16})", text).group(1)
    window.verify_journal()  # this window was built for the agent: its Caisse menu stays hidden (see test_verify)
    verify = window.verify_dialog
    assert verify.isVisible()
    verify.findChild(QPlainTextEdit, "anchorsEdit").setPlainText(anchor)
    with qtbot.waitSignal(verify.verification_finished, timeout=20000):
        verify.findChild(QPushButton, "verifyButton").click()
    assert verify.findChild(QLabel, "verifySummaryLabel").text().startswith("Journal intègre")
    assert verify.result.ok and verify.result.head.sequence == int(anchor.split(":")[0])
    verify.accept()


def test_the_regisseur_refunds_part_of_a_credit_from_the_payments_tab(qtbot, window):
    from desk.db.enums import Role
    from desk.services.access import Actor
    from desk.services.lifecycle.credits import correct_account

    context = window.testing[0]
    family_id = window.family.file.id
    context.services.work.write(lambda s: correct_account(s, context.clock, family_id=family_id, amount_cents=-1500,
                                            label="Avoir de reprise", actor=Actor(None, Role.CASHIER, "reprise")))
    tab = window.family.payments
    window.family.open_family(family_id)
    settle(qtbot, window.family.planning)
    assert tab.refund_row.isHidden()  # an agent does not see it
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    window.family.open_family(family_id)
    settle(qtbot, window.family.planning)
    assert not tab.refund_row.isHidden()
    tab.findChild(QLineEdit, "refundAmountEdit").setText("20")
    tab.findChild(QPushButton, "refundCreditButton").click()
    settle(qtbot, window.family.planning)  # written off the GUI thread
    assert "n'a que 15,00" in tab.findChild(QLabel, "refundMessageLabel").text()
    tab.findChild(QLineEdit, "refundAmountEdit").setText("10")
    tab.findChild(QPushButton, "refundCreditButton").click()
    settle(qtbot, window.family.planning)
    assert "5,00" in tab.findChild(QLabel, "refundMessageLabel").text()
    assert tab.findChild(QLabel, "balanceLabel").text() == "Avoir : 5,00\u00a0€"
    # Refunded in cash (the means offered first): it came out of the till, and the closing expects less.
    window.show_cash_desk()
    till = window.cash_desk_dialog
    wait_for(qtbot, till)
    assert till.findChild(QLabel, "cashRefundsLabel").text() == "-10,00\u00a0€"
    assert till.findChild(QLabel, "expectedCashLabel").text() == "140,00\u00a0€"  # 150 € float − 10 €
    till.accept()


def test_the_demo_numbers_its_sessions_in_the_order_of_their_days(window):
    from desk.db.models import CashSession

    context = window.testing[0]
    sessions = context.services.work.read(lambda s: [(row.id, row.opened_at, row.closed_at) for row in
                                       s.query(CashSession).order_by(CashSession.id)])
    assert [opened for _id, opened, _closed in sessions] == sorted(opened for _id, opened, _closed in sessions)
    assert [number for number, _opened, _closed in sessions] == list(range(1, len(sessions) + 1))
    assert sessions[-1][2] is None and all(closed for _id, _opened, closed in sessions[:-1])  # today's follows
