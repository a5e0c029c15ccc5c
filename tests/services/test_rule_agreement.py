"""The grid and the write ask the same rule: every cell the grid offers can be changed, every cell it refuses cannot.

A town is brought into a random but plausible state (bookings paid, pending,
pending with their hold run out, cancellations proposed, days filled by other
families, the clock moved past deadlines), then every cell of the month is
tried as a real click, in a transaction rolled back afterwards, by an agent
and by a régisseur: the click succeeds exactly where the grid said it could,
and when it is refused it says what the grid said.
"""

from __future__ import annotations

import random
from contextlib import suppress
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from desk.clock import PARIS
from desk.db.enums import UnitKind
from desk.db.models import OpenDay
from desk.errors import DeskError
from desk.services.enrolment import enrol
from desk.services.families import create_family
from desk.services.lifecycle.baskets import basket_view, toggle_booking
from desk.services.lifecycle.payments import pay_at_counter
from desk.services.planning import planning_grid
from desk.services.tenders import Tender
from tests.services.factories import family_draft

DAYS = (date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16))


def neighbours(database, clock, town, count: int = 2) -> list[tuple[int, int]]:
    families = []
    with database.session_factory.begin() as session:
        for n in range(count):
            file = create_family(session, clock, family_draft(f"VOISIN{n}", ("Inès", date(2019, 2, 1 + n))))
            enrol(session, clock, child_id=file.children[0].id, activity_id=town.wednesday_activity, actor=town.agent)
            families.append((file.id, file.children[0].id))
    return families


def click(database, clock, family_id, child_id, open_day_id, actor):
    with database.session_factory.begin() as session:
        toggle_booking(session, clock, family_id=family_id, child_id=child_id, open_day_id=open_day_id, actor=actor)


def shake(database, clock, town, rng: random.Random) -> None:
    """Random clicks, payments and waits by the DURAND family and its neighbours, on small days."""
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.day.in_(DAYS)).values(capacity=rng.choice((1, 2, 3))))
    families = [(town.family_id, town.noah), (town.family_id, town.lea), (town.family_id, town.hugo)]
    families += neighbours(database, clock, town)
    for _ in range(14):
        family_id, child_id = rng.choice(families)
        kind, day = rng.choice(list(UnitKind)[:3]), rng.choice(DAYS)
        actor = rng.choice((town.agent, town.cashier))
        with suppress(DeskError):
            click(database, clock, family_id, child_id, town.open_day(database, kind, day), actor)
        if rng.random() < 0.25:
            with suppress(DeskError), database.session_factory.begin() as session:
                due = basket_view(session, family_id).to_pay_cents
                pay_at_counter(session, clock, family_id=family_id, actor=town.cashier,
                               tenders=[Tender.card(due, "AUTH01", "4242")] if due else [])
        if rng.random() < 0.2:
            clock.advance(timedelta(minutes=rng.choice((5, 16))))


@pytest.mark.parametrize("seed", range(6))
def test_every_cell_the_grid_offers_can_be_changed_and_no_other(database, clock, town, seed):
    rng = random.Random(seed)
    shake(database, clock, town, rng)
    clock.set(clock.now() + timedelta(days=rng.choice((0, 5, 6))))  # past some deadlines, some days
    clock.set(clock.now().astimezone(PARIS).replace(hour=rng.choice((9, 19))))
    checked = 0
    for actor in (town.agent, town.cashier):
        with database.read_session_factory() as session:
            grid = planning_grid(session, family_id=town.family_id, first_day=date(2026, 12, 1),
                                 last_day=date(2026, 12, 31), now=clock.now(), actor=actor)
        for block in grid.blocks:
            for row in block.rows:
                for cell in row.cells:
                    for slot in cell.slots:
                        checked += 1
                        outcome = _try(database, clock, town.family_id, slot.child_id, cell.open_day_id, actor)
                        assert (outcome is None) == slot.can_change, (cell.day, row.unit_name, slot, outcome)
                        if outcome is not None:
                            assert outcome == slot.reason
    assert checked == 2 * 3 * 3 * 3  # two actors, three children, three units, three Wednesdays


def _try(database, clock, family_id, child_id, open_day_id, actor) -> str | None:
    """The click's refusal, or None when it went through; rolled back either way."""
    session = database.session_factory()
    try:
        session.begin()
        toggle_booking(session, clock, family_id=family_id, child_id=child_id, open_day_id=open_day_id, actor=actor)
        return None
    except DeskError as refusal:
        return refusal.message
    finally:
        session.rollback()
        session.close()


def test_a_full_day_held_by_a_run_out_hold_is_offered_and_booked(database, clock, town):
    [(family_id, child_id)] = neighbours(database, clock, town, 1)
    day = town.open_day(database, UnitKind.FULL_DAY, DAYS[0])
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == day).values(capacity=1))
    click(database, clock, family_id, child_id, day, town.agent)  # the neighbour holds the only place
    clock.advance(timedelta(minutes=16))  # and its hold runs out, not yet swept
    with database.read_session_factory() as session:
        grid = planning_grid(session, family_id=town.family_id, first_day=DAYS[0], last_day=DAYS[0], now=clock.now(),
                             actor=town.agent)
        [cell] = [c for b in grid.blocks for r in b.rows for c in r.cells if c.open_day_id == day]
    assert cell.places_left == 1 and cell.slots[0].can_change
    click(database, clock, town.family_id, town.noah, day, town.agent)
    with database.read_session_factory() as session:
        assert session.scalar(select(OpenDay.places_taken).where(OpenDay.id == day)) == 1
