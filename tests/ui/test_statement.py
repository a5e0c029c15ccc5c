"""The account statement from the *Paiements* tab: the usual periods in one click, any other by two dates."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton

from desk.ui.statement_dialog import LAST_YEAR, SCHOOL_YEAR, THIS_YEAR, preset_period
from tests.ui.test_app import shot
from tests.ui.test_payment import book_guide_basket, payment_dialog


def text_of(dialog) -> str:
    reader = PdfReader(BytesIO(dialog.pdf()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages).replace("\u202f", " ")


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
    payment.findChild(QPushButton, "confirmPaymentButton").click()
    window.family.receipt_dialog.accept()
    family = window.family
    family.tabs.setCurrentWidget(family.payments)
    family.findChild(QPushButton, "accountStatementButton").click()
    dialog = family.payments.statement_dialog
    assert dialog.objectName() == "statementDialog" and dialog.isVisible()

    this_year = text_of(dialog)
    assert "DURAND" in this_year and family.file.dossier_number in this_year
    assert "01/01/2026" in this_year and "26/11/2026" in this_year
    assert "14,00" in this_year  # the bookings charged and the payment received
    shot(dialog, "26-statement")

    combo = dialog.findChild(QComboBox, "statementPeriodCombo")
    combo.setCurrentIndex(combo.findData(LAST_YEAR))
    assert dialog.findChild(QDateEdit, "statementFromEdit").date() == QDate(2025, 1, 1)
    last_year = text_of(dialog)
    assert "31/12/2025" in last_year and "14,00" not in last_year

    dialog.findChild(QDateEdit, "statementFromEdit").setDate(QDate(2026, 12, 31))  # after the end: refused
    assert combo.currentData() == "chosen"
    status = dialog.findChild(QLabel, "statementStatusLabel")
    assert status.text() == "La période du relevé est à l'envers."
    assert not dialog.findChild(QPushButton, "saveDocumentButton").isEnabled()

    dialog.findChild(QDateEdit, "statementFromEdit").setDate(QDate(2026, 11, 1))
    dialog.findChild(QDateEdit, "statementToEdit").setDate(QDate(2026, 11, 26))
    assert status.text() == ""
    window.testing[0].dialogs.save_to = tmp_path / "releve.pdf"
    dialog.findChild(QPushButton, "saveDocumentButton").click()
    assert "14,00" in " ".join(page.extract_text() for page in PdfReader(tmp_path / "releve.pdf").pages)
    assert dialog.file_name == f"releve-{family.file.dossier_number}-20261101-20261126.pdf"
