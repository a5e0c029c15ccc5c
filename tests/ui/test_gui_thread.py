"""No dialog of the desk sends a statement from the GUI thread: opening each one and using it, every read and
write runs on a background runner, and the window answers meanwhile (issue 16)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QSpinBox
from sqlalchemy import event, select

from desk.db.models import Payment
from desk.services.auth import log_in
from desk.ui.admin_dialogs import SetupDialog
from desk.ui.checkout_dialog import CheckoutDialog
from desk.ui.receipt_dialog import ReceiptDialog
from tests.ui.conftest import cell_index, click_cell, settle


@contextmanager
def statements_on_the_gui_thread(database):
    """Collects every statement sent from the GUI thread, on the write and the read connections."""
    sent: list[str] = []

    def heard(_connection, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            sent.append(statement.split(None, 1)[0])

    engines = {id(engine): engine for engine in (database.engine, database.read_engine)}.values()
    for engine in engines:
        event.listen(engine, "before_cursor_execute", heard)
    try:
        yield sent
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", heard)


def wait_for(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.waiting, timeout=10000)


def test_no_dialog_sends_a_statement_from_the_gui_thread(qtbot, window, tmp_path):
    context = window.testing[0]
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    panel.modify_button.setChecked(True)
    click_cell(qtbot, panel, cell_index(panel.model, "Mercredi journée", date(2026, 12, 2)))  # a basket to recap
    family_id = window.family.file.id
    payment_id = context.services.work.read(lambda s: s.scalars(select(Payment.id).order_by(Payment.id.desc())).first())
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "admin", "admin")).actor())

    with statements_on_the_gui_thread(context.database) as sent:
        # The cash desk: opened on today's session, closed with its journal, opened again.
        window.show_cash_desk()
        till = window.cash_desk_dialog
        wait_for(qtbot, till.runner)
        till.findChild(QSpinBox, "count10000Spin").setValue(1)
        till.findChild(QPlainTextEdit, "closingCommentEdit").setPlainText("Compté pour le test.")
        till.findChild(QLineEdit, "chequesCountedEdit").setText("0")
        till.findChild(QPushButton, "closeCashDeskButton").click()
        qtbot.waitUntil(lambda: getattr(till, "journal_dialog", None) is not None, timeout=10000)
        till.journal_dialog.accept()
        till.findChild(QLineEdit, "cashFloatEdit").setText("150")
        till.findChild(QPushButton, "openCashDeskButton").click()
        wait_for(qtbot, till.runner)
        assert till.findChild(QSpinBox, "count10000Spin") is not None  # open again
        till.accept()
        assert sent == [], f"the cash desk sent {len(sent)} statement(s) from the GUI thread"

        window.show_review()
        wait_for(qtbot, window.review_dialog.runner)
        window.review_dialog.accept()

        window.show_catalogue()
        catalogue = window.catalogue_dialog
        wait_for(qtbot, catalogue.runner)
        catalogue.findChild(QPushButton, "applyCapacityButton").click()
        wait_for(qtbot, catalogue.runner)
        catalogue.accept()

        window.show_agents()
        wait_for(qtbot, window.agents_dialog.runner)
        window.agents_dialog.findChild(QLineEdit, "newAgentLoginEdit").setText("dominique")
        window.agents_dialog.findChild(QLineEdit, "newAgentNameEdit").setText("Dominique Test")
        window.agents_dialog.findChild(QLineEdit, "agentPasswordEdit").setText("dominique1")
        window.agents_dialog.findChild(QPushButton, "createAgentButton").click()
        wait_for(qtbot, window.agents_dialog.runner)
        window.agents_dialog.accept()

        window.show_audit()
        window.audit_dialog.findChild(QLineEdit, "auditFilterEdit").setText("agent")
        wait_for(qtbot, window.audit_dialog.runner)
        window.audit_dialog.accept()

        window.show_settings()
        wait_for(qtbot, window.settings_dialog.runner)
        window.settings_dialog.save()
        wait_for(qtbot, window.settings_dialog.runner)

        window.family.tabs.setCurrentWidget(window.family.payments)
        window.family.findChild(QPushButton, "accountStatementButton").click()
        statement = window.family.payments.statement_dialog
        wait_for(qtbot, statement.runner)
        statement.accept()

        checkout = CheckoutDialog(context, window.database_runner, family_id, window)  # reads its basket itself
        qtbot.addWidget(checkout)
        wait_for(qtbot, checkout.runner)
        context.dialogs.print_to = tmp_path / "recap.pdf"
        checkout.print_recap()
        wait_for(qtbot, checkout.runner)
        assert checkout.printed_recap and (tmp_path / "recap.pdf").exists()

        receipt = ReceiptDialog(context, payment_id, window)  # without the receipt: read when it shows
        qtbot.addWidget(receipt)
        wait_for(qtbot, receipt.runner)
        assert receipt.receipt is not None and receipt.windowTitle().endswith(receipt.receipt.code)

        setup = SetupDialog(context)  # on a database set up already: refused, off the GUI thread all the same
        qtbot.addWidget(setup)
        setup.create()
        wait_for(qtbot, setup.runner)

    assert sent == [], f"{len(sent)} statement(s) sent from the GUI thread: {sent[:10]}"
