"""The planning grid: blocks, rows, open days, places, prices and what may change."""

from __future__ import annotations

from datetime import date, timedelta

from desk.db.enums import UnitKind
from desk.services.planning import CellState, PeriodMode, period_of, planning_grid, shift_period
from tests.services.conftest import mark_basket_paid

DEC_2 = date(2026, 12, 2)


def grid(database, clock, town, first, last, actor=None, child=None):
    with database.read_session_factory() as session:
        return planning_grid(session, family_id=town.family_id, first_day=first, last_day=last, now=clock.now(),
                             actor=actor or town.agent, child_id=child)


def cell(planning, unit_name, day):
    block = planning.blocks[0]
    row = next(r for r in block.rows if r.unit_name == unit_name)
    return row.cells[planning.days.index(day)]


def test_periods_are_months_fortnights_and_weeks():
    assert period_of(date(2026, 10, 14), PeriodMode.MONTH) == (date(2026, 10, 1), date(2026, 10, 31))
    assert period_of(date(2026, 10, 14), PeriodMode.WEEK) == (date(2026, 10, 12), date(2026, 10, 18))
    assert period_of(date(2026, 10, 14), PeriodMode.FORTNIGHT) == (date(2026, 10, 12), date(2026, 10, 25))
    assert shift_period(date(2026, 12, 1), PeriodMode.MONTH, 1) == date(2027, 1, 1)
    assert shift_period(date(2027, 1, 1), PeriodMode.MONTH, -1) == date(2026, 12, 1)
    assert shift_period(date(2026, 10, 12), PeriodMode.WEEK, -1) == date(2026, 10, 5)


def test_a_month_for_the_family(database, clock, town):
    planning = grid(database, clock, town, date(2026, 12, 1), date(2026, 12, 31))
    assert len(planning.days) == 31
    [block] = planning.blocks
    assert block.activity_name == "Pommiers mercredis 2026-2027"
    assert [row.unit_name for row in block.rows] == ["Mercredi matin", "Mercredi après-midi", "Mercredi journée"]
    wednesday = cell(planning, "Mercredi journée", DEC_2)
    assert wednesday.is_open and wednesday.places_left == 40 and wednesday.price_cents == 1000
    assert [s.state for s in wednesday.slots] == [CellState.NONE] * 3
    assert all(s.can_change for s in wednesday.slots)
    assert not cell(planning, "Mercredi journée", date(2026, 12, 3)).is_open  # a Thursday
    assert not cell(planning, "Mercredi journée", date(2026, 12, 23)).is_open  # Christmas holidays
    assert cell(planning, "Mercredi matin", DEC_2).price_cents == 400
    assert [c.first_name for c in planning.children] == ["Noah", "Léa", "Hugo"]
    assert planning.children[0].activities == ("Pommiers mercredis 2026-2027",)


def test_states_reasons_and_the_cost_of_the_period(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "lea", UnitKind.MORNING, date(2026, 12, 9))
    planning = grid(database, clock, town, date(2026, 11, 23), date(2026, 12, 13))
    noah, lea, _hugo = cell(planning, "Mercredi journée", DEC_2).slots
    assert noah.state is CellState.CONFIRMED and not noah.can_change and "seul un régisseur" in noah.reason
    assert lea.can_change
    assert cell(planning, "Mercredi journée", DEC_2).places_left == 39
    morning = cell(planning, "Mercredi matin", DEC_2).slots[0]
    assert not morning.can_change and "Mercredi journée" in morning.reason
    assert cell(planning, "Mercredi matin", date(2026, 12, 9)).slots[1].state is CellState.PENDING
    past = cell(planning, "Mercredi journée", date(2026, 11, 25)).slots[0]
    assert not past.can_change and past.reason == "Cette date est passée."
    assert (planning.pending_count, planning.cancellation_count, planning.period_cost_cents) == (1, 0, 400)

    as_cashier = grid(database, clock, town, date(2026, 11, 23), date(2026, 12, 13), actor=town.cashier)
    assert cell(as_cashier, "Mercredi journée", DEC_2).slots[0].can_change

    clock.advance(timedelta(days=4, hours=2))  # Monday 30 at noon: Wednesday 2 is past its deadline
    late = grid(database, clock, town, date(2026, 11, 23), date(2026, 12, 13))
    assert "closes depuis le lundi 30/11 à 12h00" in cell(late, "Mercredi journée", DEC_2).slots[1].reason


def test_one_child_only(database, clock, town):
    planning = grid(database, clock, town, date(2026, 12, 1), date(2026, 12, 31), child=town.lea)
    assert [s.child_id for s in cell(planning, "Mercredi journée", DEC_2).slots] == [town.lea]
    assert len(planning.children) == 3  # the subject list still shows the whole family
