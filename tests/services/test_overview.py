"""The home figures follow the bookings."""

from __future__ import annotations

from datetime import date, timedelta

from desk.db.enums import UnitKind
from desk.services.lifecycle.baskets import expire_holds
from desk.services.overview import load_overview


def overview(database, clock):
    with database.read_session_factory() as session:
        return load_overview(session, clock.now().date())


def test_upcoming_bookings_count_live_bookings_from_today_on(database, clock, town):
    before = overview(database, clock)
    assert (before.families, before.children, before.upcoming_bookings) == (1, 3, 0)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 12, 2))
    town.toggle(database, clock, "lea", UnitKind.MORNING, date(2026, 12, 9))
    assert overview(database, clock).upcoming_bookings == 2
    clock.advance(timedelta(hours=1))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    assert overview(database, clock).upcoming_bookings == 0
