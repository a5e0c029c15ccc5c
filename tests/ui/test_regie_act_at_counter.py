"""The régie at the counter: a mode its act does not authorise cannot be chosen; the cash desk warns of cheques
held too long."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from sqlalchemy import update

from desk.db.enums import PaymentMode
from desk.db.models import RegieSettings
from desk.services.auth import log_in
from tests.ui.conftest import confirm_payment, settle
from tests.ui.test_cash_desk import wait_for
from tests.ui.test_payment import book_guide_basket, choose_mode, payment_dialog


def test_a_mode_the_act_does_not_authorise_is_greyed_with_its_reason(qtbot, window):
    context = window.testing[0]
    context.services.work.write(lambda s: s.execute(update(RegieSettings).values(authorised_modes="cheque,card")))
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    qtbot.waitUntil(lambda: dialog.setup is not None)
    combo = dialog.findChild(QComboBox, "paymentModeCombo")
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    cash = model.item(combo.findData(PaymentMode.CASH))
    assert not cash.isEnabled() and "n'autorise pas" in cash.toolTip()
    assert model.item(combo.findData(PaymentMode.CHEQUE)).isEnabled()
    assert dialog.current_mode() is PaymentMode.CHEQUE, "the window opened on cash moves to the first mode allowed"
    choose_mode(dialog, PaymentMode.CASH)  # as a stale window could: the payment stays refused, and says why
    settle(qtbot, window.family.planning)
    assert "n'autorise pas ce mode de règlement (Espèces)" in dialog.findChild(QLabel, "paymentErrorLabel").text()
    assert not dialog.findChild(QPushButton, "confirmPaymentButton").isEnabled()
    dialog.reject()


def test_the_cash_desk_warns_of_a_cheque_held_past_the_next_working_day(qtbot, window):
    context = window.testing[0]
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.CHEQUE)
    dialog.findChild(QLineEdit, "chequeNumberEdit").setText("1234567")
    dialog.findChild(QLineEdit, "chequeBankEdit").setText("Banque Postale")
    confirm_payment(qtbot, dialog)
    window.family.receipt_dialog.accept()
    context.services.signed_in.sign_in(context.services.work.write(
        lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    books = context.services.books

    def ours():
        return next(held.cheque for held in books.held_cheques() if held.cheque.number == "1234567")

    assert not ours().late  # received today
    context.clock.advance(timedelta(days=6))  # Thursday 26 November → Wednesday 2 December: past Friday 27
    assert ours().late
    window.show_cash_desk()
    wait_for(qtbot, window.cash_desk_dialog)
    warning = window.cash_desk_dialog.findChild(QLabel, "regieWarningsLabel")
    assert warning is not None and warning.text() == "\n".join(books.balances().warnings())
    assert "sont gardés plus d'un jour ouvré : remettez-les à la banque" in warning.text()
    window.cash_desk_dialog.reject()


def test_the_administrator_keeps_the_act_and_the_counter_follows_it(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QListWidget

    from tests.ui.test_app import shot

    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(
        lambda s: log_in(s, context.clock, "admin", "admin")).actor())
    window.show_settings()
    wait_for(qtbot, window.settings_dialog)
    window.settings_dialog.findChild(QPushButton, "settingsRegieActButton").click()
    dialog = window.settings_dialog.act_dialog
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.findChild(QLineEdit, "regieActReferenceEdit").setText("Arrêté n° 2026-007")
    dialog.findChild(QLineEdit, "regieActDateEdit").setText("31/02/2026")
    dialog.save()
    assert "jj/mm/aaaa" in dialog.findChild(QLabel, "regieActStatusLabel").text()
    dialog.findChild(QLineEdit, "regieActDateEdit").setText("15/01/2026")
    dialog.findChild(QCheckBox, "regieActMode_card").setChecked(False)
    dialog.findChild(QLineEdit, "regieActMaxCashEdit").setText("2 500")
    combo = dialog.findChild(QComboBox, "regieActTitulaireCombo")
    combo.setCurrentIndex(combo.findText("Sophie Bernard"))
    mandataires = dialog.findChild(QListWidget, "regieActMandatairesList")
    mandataires.findItems("Administrateur", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    shot(dialog, "27-regie-act")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    act = context.services.books.act()
    assert (act.act_reference, act.max_cash_cents) == ("Arrêté n° 2026-007", 250_000)
    assert PaymentMode.CARD not in act.authorised_modes and act.titulaire[1] == "Sophie Bernard"
    assert [name for _id, name in act.mandataires] == ["Administrateur"]
    window.settings_dialog.reject()
