"""The régisseur closes the day's cash desk and gets the journal; an agent does not see the menu."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableView

from desk.services.auth import log_in
from tests.ui.conftest import cell_index
from tests.ui.test_app import shot


def test_an_agent_has_no_cash_desk_menu(window):
    assert not window.cash_desk_action.isVisible()
    assert not window.verify_journal_action.isVisible()


def test_the_regisseur_closes_the_day_with_a_difference(qtbot, window):
    context = window.testing[0]
    # An agent takes a cash payment first.
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    panel.modify_button.setChecked(True)
    panel.model.setData(cell_index(panel.model, "Mercredi journée", date(2026, 12, 2)), Qt.CheckState.Checked,
                        Qt.ItemDataRole.CheckStateRole)
    panel.finish_button.click()
    panel.checkout.findChild(QPushButton, "payButton").click()
    window.family.payment_dialog.findChild(QLineEdit, "cashTenderedEdit").setText("10")
    window.family.payment_dialog.findChild(QPushButton, "confirmPaymentButton").click()
    window.family.receipt_dialog.accept()

    context.actor = context.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor()
    window.show_cash_desk()
    dialog = window.cash_desk_dialog
    assert dialog.objectName() == "cashDeskDialog"
    assert dialog.findChild(QLabel, "expectedCashLabel").text() == "160,00\u00a0€"  # 150 € float + 10 €
    payments = dialog.findChild(QTableView, "sessionPaymentsView")
    assert payments.model().rowCount() == 1
    payments.selectRow(0)
    dialog.findChild(QPushButton, "sessionReprintButton").click()
    assert dialog.receipt_dialog.receipt.amount_cents == 1000
    dialog.receipt_dialog.accept()
    dialog.findChild(QSpinBox, "count10000Spin").setValue(1)
    dialog.findChild(QSpinBox, "count5000Spin").setValue(1)
    dialog.findChild(QSpinBox, "count500Spin").setValue(1)
    dialog.findChild(QSpinBox, "count200Spin").setValue(2)
    assert dialog.findChild(QLabel, "cashDifferenceLabel").text() == "Écart : -1,00\u00a0€"
    shot(dialog, "18-cash-desk")
    dialog.findChild(QPushButton, "closeCashDeskButton").click()
    assert "expliquez l'écart" in dialog.findChild(QLabel, "cashDeskErrorLabel").text()
    dialog.findChild(QPlainTextEdit, "closingCommentEdit").setPlainText("Pièce de 1 € égarée.")
    dialog.findChild(QPushButton, "closeCashDeskButton").click()
    journal = dialog.journal_dialog
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(journal.pdf())).pages)
    for expected in ("Journal de caisse", "Écart de caisse −1,00 €", "Pièce de 1 € égarée."):
        assert expected in text
    shot(journal, "19-cash-journal")
    assert dialog.findChild(QLabel, "cashDeskStateLabel").text() == "La caisse est fermée."
    assert dialog.findChild(QPushButton, "openCashDeskButton") is not None
    window.verify_journal()
    kind, _title, message = context.dialogs.shown[-1]
    assert kind == "information" and "intact" in message


def test_the_regisseur_refunds_part_of_a_credit_from_the_payments_tab(qtbot, window):
    from desk.db.enums import LedgerKind
    from desk.db.models import LedgerEntry

    context = window.testing[0]
    family_id = window.family.file.id
    context.write(lambda s: s.add(LedgerEntry(family_id=family_id, created_at=context.clock.now(), kind=LedgerKind.CREDIT,
                                              amount_cents=-1500, label="Avoir de reprise")))
    tab = window.family.payments
    window.family.open_family(family_id)
    assert tab.refund_row.isHidden()  # an agent does not see it
    context.actor = context.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor()
    window.family.open_family(family_id)
    assert not tab.refund_row.isHidden()
    tab.findChild(QLineEdit, "refundAmountEdit").setText("20")
    tab.findChild(QPushButton, "refundCreditButton").click()
    assert "n'a que 15,00" in tab.findChild(QLabel, "refundMessageLabel").text()
    tab.findChild(QLineEdit, "refundAmountEdit").setText("10")
    tab.findChild(QPushButton, "refundCreditButton").click()
    assert "5,00" in tab.findChild(QLabel, "refundMessageLabel").text()
    assert tab.findChild(QLabel, "balanceLabel").text() == "Avoir : 5,00\u00a0€"
