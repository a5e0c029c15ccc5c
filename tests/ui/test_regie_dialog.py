"""The régisseur's books (Ctrl+Shift+V): cheques remitted with a slip, card and online takings, a versement to the
comptable public, the month's takings saved as CSV.

The window fixture's desk is on Thursday 26/11/2026 at 10:00; the demo left six cheques of the last days held
(four of them late), the versements made up to 31/10 and today's cash desk open. Interface strings not yet in the
French catalogue are checked through object names and values.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QLineEdit, QPushButton, QTableView

from desk.clock import PARIS
from desk.db.enums import PaymentMode
from desk.money import format_cents
from desk.services.auth import log_in
from desk.services.regie_books import HeldCheque
from desk.ui.main_window import MainWindow
from desk.ui.regie_dialog import ChequeRole, HeldChequesModel, RegieDialog
from desk.ui.shortcuts_dialog import counter_keys
from reports import data
from tests.reports.conftest import pdf_text
from tests.ui.conftest import confirm_payment, settle
from tests.ui.test_app import shot
from tests.ui.test_gui_thread import statements_on_the_gui_thread
from tests.ui.test_payment import book_guide_basket, choose_mode, payment_dialog
from tests.ui.test_planning_keys import key

OUR_CHEQUE = "7654321"


def wait_for(qtbot, dialog: RegieDialog) -> None:
    """Until the window has its answers: its reads, writes and documents run off the GUI thread."""
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=10000)


def as_regisseur(context) -> None:
    context.services.signed_in.sign_in(context.services.work.write(
        lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())


def pay_by_cheque(qtbot, window) -> None:
    """The agent cashes the guide's basket (14,00 €) by cheque at the counter."""
    book_guide_basket(qtbot, window)
    dialog = payment_dialog(window)
    choose_mode(dialog, PaymentMode.CHEQUE)
    dialog.findChild(QLineEdit, "chequeNumberEdit").setText(OUR_CHEQUE)
    dialog.findChild(QLineEdit, "chequeBankEdit").setText("Banque Postale")
    confirm_payment(qtbot, dialog)
    window.family.receipt_dialog.accept()


def open_books(qtbot, window) -> RegieDialog:
    window.show_regie_books()
    dialog = window.regie_dialog
    assert dialog.objectName() == "regieDialog" and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)  # in front, with the keys
    wait_for(qtbot, dialog)
    return dialog


def cheque_rows(dialog: RegieDialog) -> dict[str, int]:
    """Cheque number → row of the held cheques' table."""
    model = dialog.findChild(QTableView, "heldChequesView").model()
    return {model.index(row, 0).data(ChequeRole.CHEQUE).number: row for row in range(model.rowCount())}


def tick(dialog: RegieDialog, number: str) -> None:
    model = dialog.findChild(QTableView, "heldChequesView").model()
    index = model.index(cheque_rows(dialog)[number], 0)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # as the view sends it


def document(qtbot, dialog: RegieDialog, press) -> object:
    """Press, and wait for the document window that follows (drawn off the GUI thread)."""
    with qtbot.waitSignal(dialog.document_opened, timeout=15000) as opened:
        press()
    shown = opened.args[0]
    assert shown.isVisible()
    return shown


def held(number: str, amount: int, *, late: bool, line: int) -> HeldCheque:
    return HeldCheque(line, data.HeldCheque(f"2026-0000{line}", datetime(2026, 11, 23, 9, 30, tzinfo=PARIS),
                                            "Julie DURAND", "Banque Postale", number, amount, late))


def test_the_held_cheques_model(qtmodeltester):
    model = HeldChequesModel()
    model.set_cheques([held("1111111", 1400, late=True, line=1), held("2222222", 800, late=False, line=2)])
    qtmodeltester.check(model)
    first, second = model.index(0, HeldChequesModel.RECEIPT), model.index(1, HeldChequesModel.RECEIPT)
    assert first.data(ChequeRole.PAYMENT_LINE_ID) == 1 and first.data(ChequeRole.AMOUNT_CENTS) == 1400
    assert first.data(ChequeRole.LATE) and not second.data(ChequeRole.LATE)
    assert isinstance(model.index(0, HeldChequesModel.BANK).data(Qt.ItemDataRole.ForegroundRole), QBrush)
    assert model.index(1, HeldChequesModel.BANK).data(Qt.ItemDataRole.ForegroundRole) is None  # only the late in red
    assert model.index(0, HeldChequesModel.AMOUNT).data() == "14,00\u00a0€"
    assert model.index(0, HeldChequesModel.RECEIVED).data() == "23/11/2026 09:30"
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, HeldChequesModel.AMOUNT)) & Qt.ItemFlag.ItemIsUserCheckable
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(second, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert second.data(ChequeRole.CHOSEN) and [c.payment_line_id for c in model.chosen()] == [2]
    model.set_cheques([held("2222222", 800, late=False, line=2), held("3333333", 500, late=False, line=3)])
    assert [c.payment_line_id for c in model.chosen()] == [2], "a cheque still held stays ticked"
    model.set_cheques([held("3333333", 500, late=False, line=3)])
    assert model.chosen() == []
    model.choose_all(True)
    qtmodeltester.check(model)
    assert [c.payment_line_id for c in model.chosen()] == [3]


def test_the_shortcut_opens_the_books_for_a_regisseur_and_not_for_an_agent(qtbot, window):
    action = window.regie_books_action
    assert action.objectName() == "regieBooksAction" and action.shortcut().toString() == "Ctrl+Shift+V"
    assert not action.isVisible() and not action.isEnabled()  # the fixture's desk is an agent's
    window.family.planning.view.setFocus()
    key(qtbot, "Ctrl+Shift+V")
    QApplication.processEvents()
    assert getattr(window, "regie_dialog", None) is None
    assert "Ctrl+Shift+V" in {keys for keys, _what, _where in counter_keys()}  # F1 lists it

    context = window.testing[0]
    as_regisseur(context)
    desk = MainWindow(context)  # the régisseur's desk
    qtbot.addWidget(desk)
    desk.resize(1280, 720)
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow)
    assert desk.regie_books_action.isVisible() and desk.regie_books_action.isEnabled()
    assert desk.regie_books_action in desk.menuBar().actions()[1].menu().actions()  # in the Caisse menu
    key(qtbot, "Ctrl+Shift+V")
    qtbot.waitUntil(lambda: getattr(desk, "regie_dialog", None) is not None and desk.regie_dialog.isVisible())
    dialog = desk.regie_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    wait_for(qtbot, dialog)
    assert dialog.tabs.currentWidget().objectName() == "chequesTab"
    assert [dialog.tabs.widget(i).objectName() for i in range(dialog.tabs.count())] == [
        "chequesTab", "takingsTab", "versementTab", "monthTab"]
    dialog.reject()
    desk.close()


def test_a_cheque_paid_at_the_counter_is_remitted_alone_with_its_slip(qtbot, window):
    context = window.testing[0]
    pay_by_cheque(qtbot, window)
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    view = dialog.findChild(QTableView, "heldChequesView")
    model = view.model()
    rows = cheque_rows(dialog)
    assert len(rows) == 7 and OUR_CHEQUE in rows  # the demo's six, and ours
    ours = model.index(rows[OUR_CHEQUE], 0)
    assert ours.data(ChequeRole.AMOUNT_CENTS) == 1400 and not ours.data(ChequeRole.LATE)  # received today
    late = [row for row in range(model.rowCount()) if model.index(row, 0).data(ChequeRole.LATE)]
    assert len(late) == 4 and all(model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) for row in late)
    remit = dialog.findChild(QPushButton, "remitChequesButton")
    assert not remit.isEnabled()  # nothing ticked yet
    tick(dialog, OUR_CHEQUE)
    assert remit.isEnabled() and "14,00" in dialog.findChild(QLabel, "chosenChequesLabel").text()
    shot(dialog, "regie-tab-1")

    context.dialogs.confirm_answer = False  # "Remettre ?" answered no: nothing recorded
    remit.click()
    assert context.dialogs.shown[-1][0] == "confirm" and not dialog.runner.waiting
    context.dialogs.confirm_answer = True
    slip = document(qtbot, dialog, remit.click)
    assert slip.objectName() == "remittanceSlipDialog"
    text = pdf_text(slip.pdf())
    assert OUR_CHEQUE in text and "R2026-0002" in text and "14,00" in text
    assert "1887591" not in text  # a demo cheque not ticked stays out of the slip
    shot(slip, "regie-slip")
    wait_for(qtbot, dialog)
    rows = cheque_rows(dialog)
    assert len(rows) == 6 and OUR_CHEQUE not in rows, "the others stay held"
    assert [held.cheque.number for held in context.services.books.held_cheques()] == list(rows)
    assert dialog.findChild(QLabel, "chequesStatusLabel").property("role") == "success"
    slip.accept()

    slips = dialog.findChild(QTableView, "remittancesView")
    assert slips.model().rowCount() == 2 and slips.model().index(0, 0).data() == "R2026-0002"
    slips.selectRow(1)
    again = document(qtbot, dialog, dialog.findChild(QPushButton, "reprintRemittanceButton").click)
    assert "R2026-0001" in pdf_text(again.pdf())
    again.accept()
    dialog.reject()


def test_a_refused_remittance_says_why_and_keeps_the_ticks(qtbot, window):
    context = window.testing[0]
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    held = context.services.books.held_cheques()
    tick(dialog, held[0].cheque.number)
    view = dialog.findChild(QTableView, "heldChequesView")
    view.setFocus()
    view.setCurrentIndex(view.model().index(cheque_rows(dialog)[held[1].cheque.number], HeldChequesModel.BANK))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # the keyboard ticks the row, whichever its column
    assert [c.payment_line_id for c in dialog.cheques.model.chosen()] == [h.payment_line_id for h in held[:2]]
    context.services.books.remit([held[0].payment_line_id])  # another desk remits one of them meanwhile
    dialog.findChild(QPushButton, "remitChequesButton").click()
    wait_for(qtbot, dialog)
    status = dialog.findChild(QLabel, "chequesStatusLabel")
    assert "n'est plus à remettre" in status.text() and status.property("role") == "fieldError"
    assert [c.cheque.number for c in dialog.cheques.model.chosen()] == [held[1].cheque.number]  # not lost
    assert held[0].cheque.number not in cheque_rows(dialog)  # the list was read again
    dialog.reject()


def test_the_card_and_online_takings_per_day_and_their_print(qtbot, window):
    context = window.testing[0]
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.takings)
    wait_for(qtbot, dialog)
    first, last = (dialog.findChild(QDateEdit, name).date().toPython() for name in ("takingsFirstEdit", "takingsLastEdit"))
    assert (first, last) == (date(2026, 11, 1), date(2026, 11, 26))  # this month
    report = context.services.books.electronic_takings(first, last)
    days = dialog.findChild(QTableView, "takingsDaysView")
    assert days.model().rowCount() == len(report.days) > 0
    assert days.model().index(0, 0).data() == f"{report.days[0].day:%d/%m/%Y}"
    detail = dialog.findChild(QTableView, "takingsDetailView")
    assert detail.model().rowCount() == report.days[0].count  # the first day chosen
    assert detail.model().index(0, 3).data() == report.days[0].takings[0].reference
    total = sum(day.total_cents for day in report.days)
    assert format_cents(total) in dialog.findChild(QLabel, "takingsTotalsLabel").text()
    shot(dialog, "regie-tab-2")
    printed = document(qtbot, dialog, dialog.findChild(QPushButton, "printTakingsButton").click)
    assert printed.objectName() == "takingsDocumentDialog"
    assert report.days[0].takings[0].receipt_code in pdf_text(printed.pdf())
    printed.accept()
    dialog.findChild(QDateEdit, "takingsFirstEdit").setDate(last.replace(day=27))  # after the last day
    assert dialog.findChild(QLabel, "takingsStatusLabel").property("role") == "fieldError"
    assert days.model().rowCount() == 0 and not dialog.findChild(QPushButton, "printTakingsButton").isEnabled()
    dialog.reject()


def test_a_versement_is_refused_while_the_period_is_not_closed_then_recorded(qtbot, window):
    context = window.testing[0]
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.versement)
    wait_for(qtbot, dialog)
    first_edit = dialog.findChild(QDateEdit, "versementFirstEdit")
    last_edit = dialog.findChild(QDateEdit, "versementLastEdit")
    assert (first_edit.date().toPython(), last_edit.date().toPython()) == (date(2026, 11, 1), date(2026, 11, 25))
    balances = context.services.books.balances()
    assert balances.to_pay_over_cents == 600_300
    assert dialog.findChild(QLabel, "toPayOverLabel").text() == format_cents(600_300)
    assert dialog.findChild(QLabel, "paidOverLabel").text() == format_cents(balances.paid_over_cents)
    warnings = dialog.findChild(QLabel, "booksWarningsLabel")
    assert not warnings.isHidden() and warnings.text() == "\n".join(balances.warnings())
    problems = dialog.findChild(QLabel, "versementProblemsLabel")
    pay_over = dialog.findChild(QPushButton, "payOverButton")
    assert "ne sont pas remis à la banque" in problems.text() and not pay_over.isEnabled()

    last_edit.setDate(last_edit.date().addDays(1))  # today: its cash desk is still open
    wait_for(qtbot, dialog)
    assert "journées terminées" in problems.text() and "n'est pas clôturée" in problems.text()
    assert not pay_over.isEnabled()
    shot(dialog, "regie-tab-3-problems")

    dialog.tabs.setCurrentWidget(dialog.cheques)  # every cheque of the period to the bank first
    wait_for(qtbot, dialog)
    dialog.findChild(QPushButton, "chooseAllChequesButton").click()
    slip = document(qtbot, dialog, lambda: key(qtbot, "Ctrl+Return"))  # the shortcut of the tab shown: remit
    slip.accept()
    dialog.tabs.setCurrentWidget(dialog.versement)
    wait_for(qtbot, dialog)
    assert last_edit.date().toPython() == date(2026, 11, 26), "the dates typed stay"
    assert "n'est pas clôturée" in problems.text() and "pas remis" not in problems.text()
    last_edit.setDate(last_edit.date().addDays(-1))
    wait_for(qtbot, dialog)
    assert problems.isHidden() and pay_over.isEnabled()
    preview = context.services.books.versement_preview(date(2026, 11, 1), date(2026, 11, 25)).versement
    modes = dialog.findChild(QTableView, "versementModesView").model()
    assert [modes.index(row, 0).data() for row in range(modes.rowCount())] == [m.label for m in preview.modes]
    assert dialog.findChild(QLabel, "versementReceiptsLabel").text() == preview.receipts.text()
    assert dialog.findChild(QLabel, "versementTotalLabel").text() == dialog.findChild(
        QLabel, "versementJournalLabel").text()
    shot(dialog, "regie-tab-3")

    with qtbot.waitSignal(dialog.versement_recorded, timeout=10000) as recorded:
        printed = document(qtbot, dialog, lambda: key(qtbot, "Ctrl+Return"))  # here: record the versement
    versement = recorded.args[0]
    assert context.dialogs.shown[-1][0] == "confirm"
    assert versement.number == "V2026-0004" and versement.total_cents == preview.total_cents == 600_300
    assert printed.objectName() == "versementDocumentDialog" and "V2026-0004" in pdf_text(printed.pdf())
    printed.accept()
    wait_for(qtbot, dialog)
    assert dialog.findChild(QTableView, "versementsView").model().index(0, 0).data() == "V2026-0004"
    assert first_edit.date().toPython() == date(2026, 11, 26)  # the next versement starts after this one
    assert not pay_over.isEnabled() and not problems.isHidden()
    assert context.services.books.balances().paid_over_cents == balances.paid_over_cents + 600_300
    dialog.reject()


def test_the_months_takings_are_saved_as_csv_with_matching_totals(qtbot, window, tmp_path):
    context = window.testing[0]
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.month)
    wait_for(qtbot, dialog)
    assert dialog.findChild(QDateEdit, "monthEdit").date().toPython() == date(2026, 11, 1)
    justification = context.services.books.month(date(2026, 11, 1))
    activities = dialog.findChild(QTableView, "monthActivitiesView").model()
    modes = dialog.findChild(QTableView, "monthModesView").model()
    assert activities.rowCount() == len(justification.by_activity) and modes.rowCount() == len(justification.by_mode)
    assert dialog.findChild(QLabel, "monthReceiptsLabel").text() == justification.receipts.text()
    shot(dialog, "regie-tab-4")

    context.dialogs.save_to = tmp_path / "etat.csv"
    with qtbot.waitSignal(dialog.file_saved, timeout=10000):
        dialog.findChild(QPushButton, "saveMonthCsvButton").click()
    assert context.dialogs.shown[-1][0] == "save" and context.dialogs.shown[-1][2].endswith("etat-recettes-2026-11.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "etat.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    totals = [row for row in rows if row and row[0] == "Total"]
    amount = f"{justification.total_cents // 100},{justification.total_cents % 100:02d}"
    assert [row[2] for row in totals] == [amount, amount]  # per activity and per mode: the same total
    assert ["Total du journal", amount] in rows
    assert [(row[0], int(row[1])) for row in rows if row and row[0] in {m.label for m in justification.by_mode}] == [
        (mode.label, mode.count) for mode in justification.by_mode]
    shown = [(modes.index(row, 0).data(), modes.index(row, 2).data()) for row in range(modes.rowCount())]
    assert shown == [(mode.label, format_cents(mode.amount_cents)) for mode in justification.by_mode]
    assert dialog.findChild(QLabel, "monthTotalLabel").text() == format_cents(justification.total_cents)

    context.dialogs.save_to = tmp_path / "etat.pdf"
    with qtbot.waitSignal(dialog.file_saved, timeout=15000):
        dialog.findChild(QPushButton, "saveMonthPdfButton").click()
    assert (tmp_path / "etat.pdf").read_bytes().startswith(b"%PDF")
    assert "etat.pdf" in dialog.findChild(QLabel, "monthStatusLabel").text()

    dialog.findChild(QDateEdit, "monthEdit").setDate(date(2026, 12, 1))
    wait_for(qtbot, dialog)
    assert activities.rowCount() == 0 and dialog.findChild(QLabel, "monthReceiptsLabel").text() == "aucun ticket"
    dialog.reject()


def test_no_tab_sends_a_statement_from_the_gui_thread(qtbot, window):
    context = window.testing[0]
    as_regisseur(context)
    with statements_on_the_gui_thread(context.database) as sent:
        dialog = open_books(qtbot, window)
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            wait_for(qtbot, dialog)
            assert dialog.current_tab().status_label.property("role") != "fieldError"
        dialog.findChild(QPushButton, "refreshRegieButton").click()
        wait_for(qtbot, dialog)
    assert sent == []
    settle(qtbot, window.family.planning)
    dialog.reject()


def test_a_slip_that_cannot_be_drawn_leaves_the_remittance_recorded_and_says_so(qtbot, window, monkeypatch):
    import reports.regie

    def broken(_slip) -> bytes:
        raise RuntimeError("police absente")

    monkeypatch.setattr(reports.regie, "remittance_slip_a4", broken)
    context = window.testing[0]
    as_regisseur(context)
    dialog = open_books(qtbot, window)
    number = context.services.books.held_cheques()[0].cheque.number
    tick(dialog, number)
    with qtbot.waitSignal(dialog.cheques_remitted, timeout=10000):
        dialog.findChild(QPushButton, "remitChequesButton").click()
    qtbot.waitUntil(lambda: context.dialogs.shown[-1][0] == "error", timeout=10000)
    kind, title, message = context.dialogs.shown[-1]
    assert "police absente" in message and title.endswith("R2026-0002")
    wait_for(qtbot, dialog)
    assert number not in cheque_rows(dialog)  # recorded all the same: the slip prints again from the list
    assert dialog.findChild(QTableView, "remittancesView").model().index(0, 0).data() == "R2026-0002"
    dialog.reject()
