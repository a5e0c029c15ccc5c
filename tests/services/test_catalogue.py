"""The catalogue kept by an administrator: prices, capacities, open days."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desk.db.enums import Role, UnitKind
from desk.db.models import OpenDay
from desk.errors import ValidationError
from desk.money import MAX_CENTS
from desk.services.access import Actor, PermissionDeniedError
from desk.services.agents import create_agent
from desk.services.catalogue import (
    MAX_CAPACITY,
    activity_names,
    activity_sheet,
    close_day,
    open_days,
    set_capacity,
    set_price,
)


@pytest.fixture
def admin(database, clock, town) -> Actor:
    with database.session_factory.begin() as session:
        info = create_agent(session, clock, login="admin", display_name="Admin", password="admin", role=Role.ADMIN)
    return Actor(info.id, Role.ADMIN, "Admin")


def act(database, action):
    with database.session_factory.begin() as session:
        return action(session)


def test_the_sheet_shows_units_prices_and_days(database, clock, town):
    sheet = act(database, lambda s: activity_sheet(s, town.wednesday_activity))
    assert [u.unit_name for u in sheet.units] == ["Mercredi matin", "Mercredi après-midi", "Mercredi journée"]
    assert [price for _id, _label, price in sheet.units[2].prices] == [400, 650, 825, 1000]
    assert sheet.units[2].capacity == 40
    assert date(2026, 12, 2) in {d.day for d in sheet.open_days}
    assert ("Pommiers mercredis 2026-2027") in dict(act(database, activity_names)).values()


def test_only_an_admin_edits_and_bookings_keep_their_place_and_price(database, clock, town, admin):
    journee = town.units[UnitKind.FULL_DAY]
    with pytest.raises(PermissionDeniedError, match="administrateur"):
        act(database, lambda s: set_price(s, clock, town.cashier, unit_id=journee, bracket_id=1, price_cents=1))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 12, 2))
    top = activity_sheet_of(database, town).units[2].prices[-1][0]
    act(database, lambda s: set_price(s, clock, admin, unit_id=journee, bracket_id=top, price_cents=1100))
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, date(2026, 12, 9))
    prices = [line.price_cents for line in town.toggle(database, clock, "hugo", UnitKind.MORNING,
                                                       date(2026, 12, 16)).basket.bookings]
    assert prices == [1000, 1100, 400]  # booked before, booked after, another unit
    changed = act(database, lambda s: set_capacity(s, clock, admin, unit_id=journee, capacity=1))
    sheet = activity_sheet_of(database, town)
    december_2 = next(d for d in sheet.open_days if d.day == date(2026, 12, 2) and d.unit_id == journee)
    assert december_2.capacity == 1 and changed == len([d for d in sheet.open_days if d.unit_id == journee])
    with pytest.raises(ValidationError, match="place"):
        act(database, lambda s: set_capacity(s, clock, admin, unit_id=journee, capacity=0))


def test_days_open_from_weekdays_and_close_only_when_empty(database, clock, town, admin):
    journee = town.units[UnitKind.FULL_DAY]
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 12, 2))
    booked = town.open_day(database, UnitKind.FULL_DAY, date(2026, 12, 2))
    with pytest.raises(ValidationError, match="réservée"):
        act(database, lambda s: close_day(s, clock, admin, open_day_id=booked))
    empty = town.open_day(database, UnitKind.FULL_DAY, date(2026, 12, 9))
    act(database, lambda s: close_day(s, clock, admin, open_day_id=empty))
    added = act(database, lambda s: open_days(s, clock, admin, unit_id=journee, first=date(2026, 12, 1),
                                              last=date(2026, 12, 31), weekdays={2, 5}, capacity=12))
    with database.read_session_factory() as session:
        days = set(session.scalars(select(OpenDay.day).where(OpenDay.unit_id == journee,
                                                            OpenDay.day.between(date(2026, 12, 1), date(2026, 12, 31)))))
    assert date(2026, 12, 9) in days and date(2026, 12, 5) in days  # a Wednesday reopened, Saturdays added
    assert date(2026, 12, 26) not in days  # Christmas holidays
    assert added == 3  # 9 Dec, and the Saturdays 5 and 12 (19 starts the holidays; 2 and 16 were open)
    christmas = act(database, lambda s: open_days(s, clock, admin, unit_id=journee, first=date(2026, 12, 21),
                                                  last=date(2026, 12, 25), weekdays={0, 1, 2, 3, 4}, capacity=12,
                                                  skip_school_holidays=False))
    assert christmas == 4  # a holiday centre opens in the school holidays, but not on Christmas Day


def test_days_open_only_within_the_period_of_their_activity(database, clock, town, admin):
    def opening(first: date, last: date):
        return lambda s: open_days(s, clock, admin, unit_id=town.units[UnitKind.FULL_DAY], first=first, last=last,
                                   weekdays={2}, capacity=12)

    sheet = activity_sheet_of(database, town)
    for first, last in ((date(2026, 8, 26), date(2026, 9, 9)), (date(2027, 6, 23), date(2027, 7, 14)),
                        (date(1, 1, 1), date(9999, 12, 31))):
        with pytest.raises(ValidationError) as caught:
            act(database, opening(first, last))
        assert caught.value.field == "period"
        assert caught.value.message == (
            f"« Pommiers mercredis 2026-2027 » se déroule du {sheet.start_date:%d/%m/%Y} au {sheet.end_date:%d/%m/%Y} : "
            "les jours ouverts doivent être dans cette période.")
    assert activity_sheet_of(database, town).open_days == sheet.open_days


def test_prices_and_capacities_fit_their_columns(database, clock, town, admin):
    journee = town.units[UnitKind.FULL_DAY]
    with pytest.raises(ValidationError, match="ne peut pas dépasser 1\u202f000\u202f000,00"):
        act(database, lambda s: set_price(s, clock, admin, unit_id=journee, bracket_id=1, price_cents=MAX_CENTS + 1))
    too_many = MAX_CAPACITY + 1
    with pytest.raises(ValidationError, match="places") as caught:
        act(database, lambda s: set_capacity(s, clock, admin, unit_id=journee, capacity=too_many))
    assert caught.value.field == "capacity"
    with pytest.raises(ValidationError, match="places") as caught:
        act(database, lambda s: open_days(s, clock, admin, unit_id=journee, first=date(2027, 1, 4),
                                          last=date(2027, 1, 8), weekdays={0}, capacity=2**31))
    assert caught.value.field == "capacity"


def activity_sheet_of(database, town):
    return act(database, lambda s: activity_sheet(s, town.wednesday_activity))
