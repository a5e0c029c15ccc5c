"""*Vérifier le journal*: the anchors from the cash-desk journals, a verification that never freezes the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QProgressBar, QPushButton

from desk.services import verification
from desk.services.cash_desk import open_session
from desk.services.documents import cash_journal_document
from tests.conftest import behind_the_applications_back
from tests.ui.test_app import shot
from tests.ui.test_review import cashier_desk, show


def open_verification(qtbot, window):
    desk = cashier_desk(qtbot, window)
    show(qtbot, desk)
    qtbot.keyClick(desk, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.verify_dialog
    assert dialog.objectName() == "verifyJournalDialog" and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # its Ctrl+Return reaches it only once it is active
    return desk, dialog


def printed_anchor(context) -> str:
    """The chain head the open session's journal de caisse prints (provisional, but a real entry of the chain)."""
    return context.services.work.read(lambda s: cash_journal_document(s, open_session(s).id, clock=context.clock)).anchor


def test_the_verification_runs_in_the_background_and_checks_the_anchors(qtbot, window, monkeypatch):
    context = window.testing[0]
    anchor = printed_anchor(context)
    desk, dialog = open_verification(qtbot, window)
    started, release = threading.Event(), threading.Event()
    real = verification.verify_journal

    def held(session, **options):  # the worker waits until the test has seen the window answer
        started.set()
        release.wait(10)
        return real(session, **options)

    monkeypatch.setattr("desk.services.application.verify_journal", held)
    dialog.findChild(QPlainTextEdit, "anchorsEdit").setPlainText(f"{anchor}\n\n  {anchor.replace(':', ' : ')}  \n")
    button = dialog.findChild(QPushButton, "verifyButton")
    with qtbot.waitSignal(dialog.verification_finished, timeout=20000) as finished:
        qtbot.keyClick(dialog.findChild(QPlainTextEdit, "anchorsEdit"), Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(started.is_set)
        assert dialog.findChild(QProgressBar, "verifyProgress").isVisible() and not button.isEnabled()
        assert "quelques secondes" in dialog.findChild(QLabel, "verifyStatusLabel").text()
        shot(dialog, "27-verify-journal-busy")
        handled = []
        QTimer.singleShot(0, lambda: handled.append(True))
        qtbot.waitUntil(lambda: bool(handled), timeout=2000)  # the window still handles its events meanwhile
        dialog.verify()  # a second click while busy does nothing
        release.set()
    result = finished.args[0]
    assert result.ok and result.entries_checked > 0
    summary = dialog.findChild(QLabel, "verifySummaryLabel").text()
    assert summary.startswith("Journal intègre :") and "sceaux compris" in summary
    sequence = anchor.split(":")[0]
    assert f"Tête du journal : écriture n° {sequence}, empreinte {result.head.hash}." == (
        dialog.findChild(QLabel, "verifyStatusLabel").text())
    assert dialog.findChild(QListWidget, "verifyFindingsList").isHidden() and button.isEnabled()
    shot(dialog, "28-verify-journal-intact")
    dialog.accept()
    desk.close()


def test_an_unreadable_anchor_is_named_and_nothing_runs(qtbot, window):
    desk, dialog = open_verification(qtbot, window)
    dialog.findChild(QPlainTextEdit, "anchorsEdit").setPlainText("1234:3f2a9c0d81e5b7a4\ndouze")
    with qtbot.assertNotEmitted(dialog.verification_finished, wait=0):
        dialog.findChild(QPushButton, "verifyButton").click()
    status = dialog.findChild(QLabel, "verifyStatusLabel").text()
    assert status.startswith("« douze » n'est pas une empreinte de journal.") and "1234:3f2a9c0d81e5b7a4" in status
    assert not dialog.busy
    dialog.accept()
    desk.close()


def test_a_journal_cut_short_is_reported_with_each_finding(qtbot, window):
    context = window.testing[0]
    anchor = printed_anchor(context)
    sequence = int(anchor.split(":")[0])
    with behind_the_applications_back(context.database) as connection:  # the tail cut, its counter rewound
        connection.exec_driver_sql(f"DELETE FROM journal_entry WHERE sequence = {sequence}")
        connection.exec_driver_sql(f"UPDATE counter SET last_value = {sequence - 1} WHERE name = 'journal'")
    desk, dialog = open_verification(qtbot, window)
    dialog.findChild(QPlainTextEdit, "anchorsEdit").setPlainText(anchor)
    with qtbot.waitSignal(dialog.verification_finished, timeout=20000):
        dialog.findChild(QPushButton, "verifyButton").click()
    assert dialog.findChild(QLabel, "verifySummaryLabel").text().startswith("Journal altéré :")
    findings = dialog.findChild(QListWidget, "verifyFindingsList")
    assert findings.isVisible()
    texts = [findings.item(row).text() for row in range(findings.count())]
    assert texts == list(dialog.result.findings)
    assert f"l'écriture n° {sequence}, imprimée sur un journal de caisse, n'est plus dans le journal : sa fin a été " \
           "supprimée" in texts
    shot(dialog, "28-verify-journal-altered")
    dialog.accept()
    desk.close()
