"""The README's *Au clavier* journey, replayed key by key as written: the guide's journey in 15 keys or fewer.

Right after the agent signs in on a fresh demo database, keys go to the
focused widget (no mouse): find DURAND, enrol Noah, book a Wednesday journée
and the next Wednesday matin, recap, 20 € in cash, the change, the ticket.
Between two keys the test waits for the desk to be idle, as an agent looks
at the screen before the next key; it never clicks nor calls the widgets.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError
from sqlalchemy import select

from desk.app import configure
from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.enums import BookingState, PaymentMode
from desk.db.migrate import ensure_schema
from desk.db.models import Booking, Payment, PaymentLine, Unit
from desk.services.auth import log_in
from desk.services.demo import load_demo
from desk.ui.context import DeskContext
from desk.ui.dialogs import RecordingDialogService
from desk.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
MAX_ACTIONS = 15


def journey() -> list[tuple[str, str]]:
    """The README's ``keys`` block: (``type``, text) or (``key``, chord) per line."""
    block = re.search(r"```keys\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None, "the README has a ```keys block (section « Au clavier »)"
    actions = []
    for line in block.group(1).splitlines():
        verb, _, argument = line.strip().partition(" ")
        assert verb in ("type", "key") and argument, f"a line is `type TEXT` or `key CHORD`: {line!r}"
        actions.append((verb, argument))
    return actions


def test_the_journey_fits_in_fifteen_actions():
    assert 0 < len(journey()) <= MAX_ACTIONS


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "a key with nowhere to go: no widget has the focus"
    return widget


def _press(verb: str, argument: str) -> None:
    if verb == "type":
        QTest.keyClicks(_focused(), argument)
        return
    sequence = QKeySequence(argument)
    assert sequence.count() == 1, f"one chord a line: {argument!r}"
    chord = sequence[0]
    QTest.keyClick(_focused(), chord.key(), chord.keyboardModifiers())


def _where() -> str:
    focused, active = QApplication.focusWidget(), QApplication.activeWindow()
    return (f"focus {focused.objectName() or type(focused).__name__ if focused else None}, "
            f"active window {active.objectName() if active else None}")


def _idle(window: MainWindow) -> bool:
    family = window.family
    return (not window.database_runner.waiting and not window.search.runner.waiting and not window.search.timer.isActive()
            and not family.planning.busy and QApplication.focusWidget() is not None)


@pytest.mark.parametrize("today", [
    datetime(2026, 9, 7, 8, 30, tzinfo=PARIS),   # the first Monday of the school year
    datetime(2026, 12, 2, 8, 30, tzinfo=PARIS),  # a Wednesday: its own day is past the deadline
    datetime(2027, 2, 26, 16, 45, tzinfo=PARIS),  # the end of a month: the next Wednesdays are in the next one
    datetime(2027, 5, 31, 9, 0, tzinfo=PARIS),
], ids=lambda day: f"{day:%Y-%m-%d}")
def test_the_readme_journey_books_pays_and_prints_the_ticket(qapp, qtbot, tmp_path, today):
    configure(qapp)
    clock = FrozenClock(today)
    database = open_database(f"sqlite:///{tmp_path / 'demo.sqlite3'}", create=True)
    ensure_schema(database)
    with database.session_factory.begin() as session:
        load_demo(session, clock)
    context = DeskContext.build(database, clock, RecordingDialogService())
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, clock, "agent", "agent")).actor())
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        for number, (verb, argument) in enumerate(journey(), start=1):
            try:
                qtbot.waitUntil(lambda: _idle(window), timeout=5000)
            except TimeoutError:
                pytest.fail(f"before line {number} ({verb} {argument}): the desk is not idle, or nothing has the focus "
                            f"({_where()}); dialogs: {context.dialogs.shown}")
            _press(verb, argument)
        qtbot.waitUntil(lambda: getattr(window.family, "receipt_dialog", None) is not None
                        and window.family.receipt_dialog.isVisible(), timeout=5000)
    finally:
        shown = context.dialogs.shown
    ticket = window.family.receipt_dialog
    assert ticket.receipt.amount_cents == 1400 and len(ticket.receipt.lines) == 2
    assert [(t.amount_cents, t.tendered_cents, t.change_cents) for t in ticket.receipt.tenders] == [(1400, 2000, 600)]
    assert ticket.receipt.code in ticket.heading.text()
    assert not [entry for entry in shown if entry[0] == "error"], shown
    with database.read_session_factory() as session:
        payment = session.scalars(select(Payment).order_by(Payment.id.desc()).limit(1)).one()  # the demo has a history
        line = session.scalars(select(PaymentLine).where(PaymentLine.payment_id == payment.id)).one()
        booked = session.execute(select(Unit.name, Booking.state).join(Booking.open_day).join(Unit)
                                 .where(Booking.payment_id == payment.id)).all()
    assert payment.amount_cents == 1400 and payment.paid_at == clock.now()
    assert line.mode is PaymentMode.CASH and line.tendered_cents == 2000 and line.change_cents == 600
    assert sorted(name for name, _ in booked) == ["Mercredi journée", "Mercredi matin"]
    assert {state for _, state in booked} == {BookingState.CONFIRMED}
    window.close()
    database.dispose()
