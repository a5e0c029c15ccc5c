"""The account statement from the *Paiements* tab: the usual periods in one click, any other by two dates."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desk.db.models import ReceiptPrint
from desk.ui.statement_dialog import LAST_YEAR, SCHOOL_YEAR, THIS_YEAR, preset_period
from tests.ui.conftest import confirm_payment, settle
from tests.ui.test_app import shot
from tests.ui.test_payment import book_guide_basket, payment_dialog


def text_of(dialog) -> str:
    reader = PdfReader(BytesIO(dialog.pdf()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages).replace("\u202f", " ")


def wait_for(qtbot, dialog) -> None:
    """Until the statement has its answer: it is read and drawn off the GUI thread."""
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=5000)


def test_usual_periods():
    today = date(2026, 11, 26)
    assert preset_period(THIS_YEAR, today) == (date(2026, 1, 1), today)
    assert preset_period(LAST_YEAR, today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset_period(SCHOOL_YEAR, today) == (date(2026, 9, 1), today)
    assert preset_period(SCHOOL_YEAR, date(2027, 7, 20)) == (date(2026, 9, 1), date(2027, 7, 10))


def test_the_statement_of_this_year_shows_the_payment_and_last_year_shows_nothing(qtbot, window, tmp_path):
    book_guide_basket(qtbot, window)
    payment = payment_dialog(window)
    payment.findChild(QLineEdit, "cashTenderedEdit").setText("20")
    confirm_payment(qtbot, payment)
    window.family.receipt_dialog.accept()
    family = window.family
    family.tabs.setCurrentWidget(family.payments)
    family.findChild(QPushButton, "accountStatementButton").click()
    dialog = family.payments.statement_dialog
    assert dialog.objectName() == "statementDialog" and dialog.isVisible()
    assert not dialog.findChild(QPushButton, "saveDocumentButton").isEnabled()  # shown at once, read meanwhile
    assert dialog.findChild(QLabel, "statementStatusLabel").text() == "Lecture du relevé…"
    wait_for(qtbot, dialog)

    this_year = text_of(dialog)
    assert "DURAND" in this_year and family.file.dossier_number in this_year
    assert "01/01/2026" in this_year and "26/11/2026" in this_year
    assert "14,00" in this_year  # the bookings charged and the payment received
    shot(dialog, "26-statement")

    combo = dialog.findChild(QComboBox, "statementPeriodCombo")
    combo.setCurrentIndex(combo.findData(LAST_YEAR))
    wait_for(qtbot, dialog)
    assert dialog.findChild(QDateEdit, "statementFromEdit").date() == QDate(2025, 1, 1)
    last_year = text_of(dialog)
    assert "31/12/2025" in last_year and "14,00" not in last_year

    dialog.findChild(QDateEdit, "statementFromEdit").setDate(QDate(2026, 12, 31))  # after the end: refused
    wait_for(qtbot, dialog)
    assert combo.currentData() == "chosen"
    status = dialog.findChild(QLabel, "statementStatusLabel")
    assert status.text().startswith("La période du relevé est à l'envers.")
    assert not dialog.findChild(QPushButton, "saveDocumentButton").isEnabled()

    dialog.findChild(QDateEdit, "statementFromEdit").setDate(QDate(2026, 11, 1))
    dialog.findChild(QDateEdit, "statementToEdit").setDate(QDate(2026, 11, 26))
    wait_for(qtbot, dialog)  # two periods asked: the last one shows
    assert status.text() == ""
    window.testing[0].dialogs.save_to = tmp_path / "releve.pdf"
    dialog.findChild(QPushButton, "saveDocumentButton").click()
    assert "14,00" in " ".join(page.extract_text() for page in PdfReader(tmp_path / "releve.pdf").pages)
    assert dialog.file_name == f"releve-{family.file.dossier_number}-20261101-20261126.pdf"


def test_ctrl_r_on_the_payments_tab_reprints_a_numbered_duplicate(qtbot, window):
    book_guide_basket(qtbot, window)
    payment = payment_dialog(window)
    payment.findChild(QLineEdit, "cashTenderedEdit").setText("20")
    confirm_payment(qtbot, payment)
    original = window.family.receipt_dialog
    assert original.receipt.copy_number is None and "DUPLICATA" not in text_of(original)  # the ticket handed over
    original.accept()
    family = window.family
    settle(qtbot, family.planning)  # the file is read again, with the new payment, off the GUI thread
    family.tabs.setCurrentWidget(family.payments)
    for copy in (1, 2):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # the shortcut reaches the window once the ticket has closed
        qtbot.keyClick(family.payments.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        # A button's shortcut clicks it the way a mouse would, a moment later.
        qtbot.waitUntil(lambda copy=copy: getattr(family.payments, "receipt_dialog", None) is not None
                        and family.payments.receipt_dialog.receipt.copy_number == copy)
        reprint = family.payments.receipt_dialog
        assert reprint.isVisible()
        assert reprint.windowTitle() == f"Duplicata n° {copy} du ticket {reprint.receipt.code}"
        assert f"DUPLICATA n° {copy} réimprimé le 26/11/2026 à 10:00" in text_of(reprint)  # the 80 mm strip
        assert reprint.file_name == f"ticket-{reprint.receipt.code}-duplicata-{copy}.pdf"
        if copy == 2:
            shot(reprint, "31-receipt-duplicate")
        reprint.accept()
    context = window.testing[0]
    assert context.services.work.read(lambda s: s.scalars(select(ReceiptPrint.copy_number).order_by(ReceiptPrint.id)).all()) == [1, 2]
