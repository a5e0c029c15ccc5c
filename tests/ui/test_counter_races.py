"""What the counter does when the agent is faster than the database, or the database fails half-way."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import event, func, select

import desk.services.application as application_module
from desk.db.models import Family, Payment, ReceiptPrint
from desk.errors import DeskError
from desk.ui.planning_model import CellRole
from desk.ui.receipt_dialog import ReceiptDialog
from tests.ui.conftest import cell_index, confirm_payment, settle
from tests.ui.test_payment import book_guide_basket, payment_dialog


def test_saving_a_file_then_opening_another_stays_on_the_other(qtbot, window):
    context = window.testing[0]
    family = window.family
    saved = family.file.id
    other = context.services.work.read(lambda s: s.scalar(select(Family.id).where(Family.id != saved).order_by(Family.id)))
    family.form.save()  # written on the runner …
    window.show_family(other)  # … while the agent already picked the next family
    settle(qtbot, family.planning)
    assert family.file.id == other and family.planning.family_id == other


def test_a_double_reprint_press_records_one_copy(qtbot, window):
    context = window.testing[0]
    family = window.family
    paid = context.services.work.read(lambda s: s.scalar(select(Payment.family_id).order_by(Payment.id).limit(1)))
    window.show_family(paid)
    settle(qtbot, family.planning)
    family.tabs.setCurrentWidget(family.payments)
    before = context.services.work.read(lambda s: s.scalar(select(func.count()).select_from(ReceiptPrint)))
    family.payments.reprint()  # Ctrl+R
    family.payments.reprint()  # Ctrl+R again before the first copy is recorded
    settle(qtbot, family.planning)
    assert context.services.work.read(lambda s: s.scalar(select(func.count()).select_from(ReceiptPrint))) == before + 1
    family.payments.receipt_dialog.accept()


def test_a_ticket_that_fails_to_render_does_not_hide_the_payment(qtbot, window, monkeypatch):
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText("20")

    def broken(*_args, **_kwargs):
        raise OSError("police introuvable")

    monkeypatch.setattr(ReceiptDialog, "render_ticket", staticmethod(broken))
    confirm_payment(qtbot, dialog)
    assert not dialog.isVisible()  # recorded: the payment window is done, whatever befell the rendering
    assert dialog.record is not None and dialog.rendered is None
    ticket = window.family.receipt_dialog
    assert "police introuvable" in ticket.status_label.text() and "enregistré" in ticket.status_label.text()


def test_clear_all_that_fails_keeps_the_recap_usable_and_says_why(qtbot, window, monkeypatch):
    context, children, _ = window.testing
    panel = window.family.planning
    panel.go_to(date(2026, 12, 2))
    settle(qtbot, panel)
    panel.toggle(children[0].id, cell_index(panel.model, "Mercredi journée", date(2026, 12, 2)).data(CellRole.OPEN_DAY_ID))
    settle(qtbot, panel)
    panel.finish_changes()
    settle(qtbot, panel)
    recap = panel.checkout

    def away(*_args, **_kwargs):
        raise DeskError("Le serveur de données ne répond pas.", "Rien n'a été enregistré.")

    monkeypatch.setattr(application_module, "clear_basket", away)
    recap.clear_all()
    settle(qtbot, panel)
    assert recap.pay_button.isEnabled() and recap.clear_all_button.isEnabled()
    assert context.dialogs.shown[-1][:2] == ("error", "Tout supprimer")
    assert recap.findChild(QPushButton, "payButton").isEnabled()


def test_leaving_a_family_with_an_unpaid_basket_asks_first_without_reading_on_the_gui_thread(qtbot, window):
    context, children, _ = window.testing
    panel = window.family.planning
    family = window.family.file.id
    other = context.services.work.read(lambda s: s.scalar(select(Family.id).where(Family.id != family).order_by(Family.id)))
    panel.go_to(date(2027, 1, 6))  # a booking in another month than the one shown next still counts
    settle(qtbot, panel)
    panel.toggle(children[0].id, cell_index(panel.model, "Mercredi journée", date(2027, 1, 6)).data(CellRole.OPEN_DAY_ID))
    settle(qtbot, panel)
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    context.dialogs.confirm_answer = False
    on_gui_thread: list[str] = []

    def heard(_connection, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(statement)

    event.listen(context.database.engine, "before_cursor_execute", heard)
    try:
        window.show_family(other)  # asks first
    finally:
        event.remove(context.database.engine, "before_cursor_execute", heard)
    assert on_gui_thread == []
    kind, _title, question = context.dialogs.shown[-1]
    assert kind == "confirm" and "1 modification non réglée" in question
    assert window.family.planning.family_id == family  # the agent said no: still there
    context.dialogs.confirm_answer = True
