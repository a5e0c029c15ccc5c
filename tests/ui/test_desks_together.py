"""Two desks on one database: what one books, pays or cancels shows on the other within two seconds.

On PostgreSQL the news comes by LISTEN/NOTIFY, on SQLite by the file's
data_version; each desk has its own connections, as two counters would.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from desk.app import configure
from desk.db.enums import UnitKind
from desk.services.lifecycle.credits import cancel_paid_booking
from desk.services.lifecycle.payments import pay_at_counter
from desk.services.planning import CellState
from desk.services.tenders import Tender
from desk.ui.main_window import MainWindow
from desk.ui.planning_model import CellRole
from tests.services.conftest import clock, town  # noqa: F401  (fixtures)
from tests.ui.conftest import cell_index, open_desk, settle

WEDNESDAY = date(2026, 12, 2)
UNIT = "Mercredi journée"
WITHIN_MS = 2000


@pytest.fixture
def two_desks(qapp, qtbot, database_url, database, clock, town):  # noqa: F811
    configure(qapp)
    desks = [open_desk(qtbot, database_url, clock, actor, town.family_id, WEDNESDAY)
             for actor in (town.agent, town.cashier)]
    yield desks
    for desk in desks:
        desk.context.dialogs.confirm_answer = True
        desk.close()
        desk.context.database.dispose()


def noah_on(desk: MainWindow, town) -> tuple[CellState, int]:  # noqa: F811
    """Noah's state and the places left on Wednesday's full day, as this desk shows them."""
    cell = cell_index(desk.family.planning.model, UNIT, WEDNESDAY)
    slot = next(slot for slot in cell.data(CellRole.SLOTS) if slot.child_id == town.noah)
    return slot.state, cell.data(CellRole.PLACES_LEFT)


def noahs_booking(desk: MainWindow, town) -> int:  # noqa: F811
    cell = cell_index(desk.family.planning.model, UNIT, WEDNESDAY)
    return next(slot.booking_id for slot in cell.data(CellRole.SLOTS) if slot.child_id == town.noah)


def shows_within_two_seconds(qtbot, condition) -> float:
    started = time.monotonic()
    qtbot.waitUntil(condition, timeout=WITHIN_MS)
    return time.monotonic() - started


def test_a_booking_a_payment_and_a_cancellation_show_on_the_other_desk(qtbot, two_desks, clock, town):  # noqa: F811
    counter, back_office = two_desks
    state, places_before = noah_on(back_office, town)
    assert state is CellState.NONE

    counter.family.planning.toggle(town.noah, town.open_day(counter.context.database, UnitKind.FULL_DAY, WEDNESDAY))
    settle(qtbot, counter.family.planning)
    shows_within_two_seconds(qtbot, lambda: noah_on(back_office, town) == (CellState.PENDING, places_before - 1))
    pending = back_office.family.planning.findChild(QLabel, "pendingBookingsLabel")
    assert pending.text().startswith("1 ")

    to_pay = counter.family.planning.grid.period_cost_cents
    counter.context.services.work.write(lambda s: pay_at_counter(
        s, clock, family_id=town.family_id, tenders=[Tender.cash(to_pay)], actor=town.cashier))
    shows_within_two_seconds(qtbot, lambda: noah_on(back_office, town)[0] is CellState.CONFIRMED)
    # Paid elsewhere is not "expired": the other desk does not warn of lost holds.
    assert back_office.family.planning.message_label.text() == ""

    booking_id = noahs_booking(back_office, town)
    counter.context.services.work.write(lambda s: cancel_paid_booking(s, clock, booking_id=booking_id, actor=town.cashier,
                                                        reason="enfant malade"))
    shows_within_two_seconds(qtbot, lambda: noah_on(back_office, town) == (CellState.NONE, places_before))
    # The credit the cancellation gave the family reaches the other desk's header too.
    shows_within_two_seconds(qtbot, lambda: "Avoir :" in back_office.findChild(QLabel, "familySummaryLabel").text())


def test_this_desks_own_sweep_of_expired_holds_reaches_its_planning(  # noqa: F811
        qapp, qtbot, database_url, database, clock, town):  # noqa: F811
    """On PostgreSQL a desk does not hear its own commits: what its background work changes, it shows itself."""
    configure(qapp)
    desk = open_desk(qtbot, database_url, clock, town.agent, town.family_id, WEDNESDAY)
    try:
        panel = desk.family.planning
        panel.toggle(town.noah, town.open_day(desk.context.database, UnitKind.FULL_DAY, WEDNESDAY))
        settle(qtbot, panel)
        assert noah_on(desk, town)[0] is CellState.PENDING
        clock.advance(timedelta(minutes=16))
        desk.sweep_expired_holds()  # its own timer does this every few minutes
        shows_within_two_seconds(qtbot, lambda: noah_on(desk, town)[0] is CellState.NONE)
    finally:
        desk.context.dialogs.confirm_answer = True
        desk.close()
        desk.context.database.dispose()
