"""Online payments reconciled by the running desk, and the régisseur's *Paiements en ligne à vérifier*."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QPlainTextEdit, QPushButton, QTableView

from desk.app import configure
from desk.db.enums import OnlinePaymentState
from desk.db.models import OpenDay, Unit
from desk.payfip_simulator.store import CARD_TOO_LATE
from desk.services.application import ReviewRow
from desk.services.auth import log_in
from desk.services.lifecycle.baskets import toggle_booking
from desk.services.lifecycle.online import OnlineOutcome, ReviewItem, payments_to_review, start_online_payment
from desk.services.pricing import family_balance
from desk.ui.main_window import MainWindow
from desk.ui.record_model import RECORD_ROLE
from desk.ui.review_dialog import ReviewModel, ReviewRole
from desk.ui.settings import ONLINE_RECONCILIATION_MS
from reports.data import FamilyIdentity
from tests.payfip import SimulatedBank, running_simulator
from tests.ui.test_app import shot

DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)


def start_online(window, gateway, days=(DEC_2,)):
    """Noah's journées, to be paid online through ``gateway``."""
    context, children, _activity = window.testing
    family_id = window.family.file.id

    def book_and_start(session):
        for day in days:
            open_day = session.query(OpenDay.id).join(Unit).filter(Unit.name == "Mercredi journée",
                                                                    OpenDay.day == day).scalar()
            toggle_booking(session, context.clock, family_id=family_id, child_id=children[0].id,
                           open_day_id=open_day, actor=context.agent)
        return start_online_payment(session, context.clock, gateway, family_id=family_id, actor=context.agent)

    return context.services.work.write(book_and_start)


def late_bank_confirmation(window) -> int:
    """The journée paid online; the bank confirms it 20 minutes later, after the 15 allowed."""
    context = window.testing[0]
    started = start_online(window, context.services.payments.gateway)
    context.services.payments.gateway.pay_by_card(started.idop, CARD_TOO_LATE, 12, 2028, "123")
    context.clock.advance(timedelta(minutes=25))
    return started.online_payment_id


def cashier_desk(qtbot, window) -> MainWindow:
    """The same desk once the régisseur has signed in: a main window built for their role, not shown yet
    (its first reconciliation reports once events are processed: wait for it from here)."""
    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    desk = MainWindow(context)
    qtbot.addWidget(desk)
    desk.resize(1280, 720)
    return desk


def show(qtbot, desk: MainWindow) -> None:
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow)  # shortcuts reach only the active window


def test_the_review_model(qapp, qtmodeltester):
    configure(qapp)  # the French catalogue
    created = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    rows = [
        ReviewRow(ReviewItem(4, 1, "20261126x1x4", "ab12", 1000, OnlinePaymentState.LATE_PAID, created,
                             "La banque a confirmé le paiement après l'expiration des réservations."),
                  FamilyIdentity("DURAND", "F-00001")),
        ReviewRow(ReviewItem(9, 7, "20261126x7x9", None, 2450, OnlinePaymentState.DISPUTED, created,
                             "Réponse de PayFiP non conforme : montant 2,00 € au lieu de 24,50 €"),
                  FamilyIdentity("D'AGOSTINO", "F-00007")),
    ]
    model = ReviewModel()
    model.set_records(rows)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Date", "Famille", "Référence de la dette", "Montant", "État", "Motif"]
    assert [model.index(0, c).data() for c in range(6)] == [
        "26/11/2026 10:30", "DURAND (F-00001)", "20261126x1x4", "10,00\u00a0€", "Payé après expiration (porté en avoir)",
        "La banque a confirmé le paiement après l'expiration des réservations."]
    disputed = model.index(1, 4)
    assert disputed.data() == "Réponse non conforme (rien encaissé)"
    assert (disputed.data(ReviewRole.ONLINE_PAYMENT_ID), disputed.data(ReviewRole.FAMILY_ID),
            disputed.data(ReviewRole.AMOUNT_CENTS), disputed.data(ReviewRole.STATE)) == (
        9, 7, 2450, OnlinePaymentState.DISPUTED)
    assert disputed.data(Qt.ItemDataRole.ForegroundRole) is not None and model.index(0, 4).data(
        Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(RECORD_ROLE) is rows[1]
    model.set_records([])
    qtmodeltester.check(model)


def test_a_late_confirmation_becomes_a_credit_at_start_and_the_regisseur_handles_it(qtbot, window):
    context = window.testing[0]
    online_id = late_bank_confirmation(window)
    family_id = window.family.file.id
    assert context.services.work.read(lambda s: family_balance(s, family_id)) == 0

    desk = cashier_desk(qtbot, window)  # its first pass runs as soon as it is signed in, off the GUI thread
    with qtbot.waitSignal(desk.online_payments_reconciled, timeout=10000) as reconciled:
        pass
    show(qtbot, desk)
    report = reconciled.args[0]
    assert report.outcomes == {OnlineOutcome.LATE_PAID: 1} and not report.failures
    assert context.services.work.read(lambda s: family_balance(s, family_id)) == -1000  # the money is the family's credit
    badge = desk.findChild(QLabel, "reviewStatusLabel")
    assert badge.isVisible() and "1 paiement en ligne à vérifier" in badge.text()
    assert desk.review_action.text() == "Paiements en &ligne à vérifier (1)…"
    assert "1 payé(s) après expiration (avoir)" in badge.toolTip()  # what the last pass did
    shot(desk, "29-review-badge")

    qtbot.keyClick(desk, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.review_dialog
    assert dialog.objectName() == "reviewDialog" and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # its Ctrl+Return reaches it only once it is active
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=5000)  # the list is read off the GUI thread
    assert dialog.findChild(QLabel, "reviewHeadingLabel").text() == "1 paiement en ligne à vérifier"
    view = dialog.findChild(QTableView, "reviewView")
    assert view.model().rowCount() == 1
    row = view.currentIndex()
    assert row.data(ReviewRole.ONLINE_PAYMENT_ID) == online_id
    assert view.model().index(0, 1).data() == f"DURAND ({window.family.file.dossier_number})"
    assert view.model().index(0, 3).data() == "10,00\u00a0€"
    assert "après l'expiration des réservations" in dialog.findChild(QLabel, "reviewReasonLabel").text()
    shot(dialog, "30-online-review")

    clear = dialog.findChild(QPushButton, "clearReviewButton")
    clear.click()  # no conclusion written: refused, nothing changes
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=5000)
    message = dialog.findChild(QLabel, "reviewMessageLabel")
    assert message.text() == "La conclusion de la vérification est obligatoire."
    assert view.model().rowCount() == 1
    dialog.findChild(QPlainTextEdit, "reviewNoteEdit").setPlainText("Vu sur le relevé du 27/11 : avoir laissé à la famille.")
    with qtbot.waitSignal(dialog.review_cleared) as cleared:
        qtbot.keyClick(dialog.findChild(QPlainTextEdit, "reviewNoteEdit"), Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert cleared.args == [online_id]
    assert view.model().rowCount() == 0 and not dialog.findChild(QGroupBox, "reviewForm").isEnabled()
    assert dialog.findChild(QLabel, "reviewHeadingLabel").text() == "Aucun paiement en ligne à vérifier."
    assert "est enregistrée" in message.text()
    assert badge.isHidden() and desk.review_action.text() == "Paiements en &ligne à vérifier…"
    assert context.services.work.read(payments_to_review) == []
    dialog.accept()
    desk.close()


def test_the_desk_asks_again_every_few_minutes_and_never_twice_at_once(qtbot, window, tmp_path):
    assert window.reconciliation_timer.isActive()
    assert window.reconciliation_timer.interval() == ONLINE_RECONCILIATION_MS == 3 * 60 * 1000
    qtbot.waitUntil(lambda: not window._reconciling)  # the pass made at start is over
    online_id = late_bank_confirmation(window)
    passes = []
    window.online_payments_reconciled.connect(passes.append)
    with qtbot.waitSignal(window.online_payments_reconciled, timeout=10000):
        window.reconciliation_timer.timeout.emit()
        window.reconciliation_timer.timeout.emit()  # still running: not doubled
    window.runner.wait_for_done()
    QApplication.processEvents()  # a second pass, had there been one, would report now
    assert len(passes) == 1 and passes[0].outcomes == {OnlineOutcome.LATE_PAID: 1}
    context = window.testing[0]
    assert context.services.work.read(lambda s: [item.online_payment_id for item in payments_to_review(s)]) == [online_id]
    assert window.findChild(QLabel, "reviewStatusLabel").isHidden()  # an agent is not asked to check

    # Past the safety delay the family pays online again (two journées, the credit covering one), through a
    # service this desk's gateway does not know: the operation stays open and the desk says so.
    context.clock.advance(timedelta(minutes=31))
    with running_simulator(tmp_path / "another.sqlite3", context.clock.now) as another:
        start_online(window, SimulatedBank(another.url), (DEC_2, DEC_9))
    with qtbot.waitSignal(window.online_payments_reconciled, timeout=10000) as unanswered:
        window.reconciliation_timer.timeout.emit()
    assert len(unanswered.args[0].failures) == 1
    assert window.statusBar().currentMessage() == ("PayFiP n'a pas répondu pour certains paiements en ligne : "
                                                   "le guichet redemandera.")
