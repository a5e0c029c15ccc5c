"""Several desks, each a process with its own connection, on the same families and days.

Short in CI (``DESK_STRESS_SECONDS``, default 6 s per desk); the invariants are
the product's: no day above capacity, no basket paid twice, no gap in receipt
numbers, a journal that verifies, and every cent received recorded once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date

from sqlalchemy import func, select, update

from desk.db.engine import open_database
from desk.db.enums import LIVE_BOOKING_STATES, BookingState, Role
from desk.db.migrate import ensure_schema
from desk.db.models import (
    Booking,
    JournalEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    RegieSettings,
)
from desk.services.access import Actor
from desk.services.agents import create_agent
from desk.services.cash_desk import open_cash_desk
from desk.services.demo import DEMO_REGIE
from desk.services.enrolment import enrol
from desk.services.families import create_family
from desk.services.journal import verify_journal
from desk.services.school_calendar import SchoolYear
from desk.services.town_catalogue import ensure_town_catalogue
from tests.services.factories import family_draft
from tests.stress.worker import FIRST_DAY, LAST_DAY, START

DESKS = 4
SECONDS = float(os.environ.get("DESK_STRESS_SECONDS", "6"))


def build_town(url: str, families: int = 10, capacity: int = 3) -> None:
    from desk.clock import FrozenClock

    clock = FrozenClock(START)
    database = open_database(url)
    ensure_schema(database)
    with database.session_factory.begin() as session:
        catalogue = ensure_town_catalogue(session, SchoolYear(2026))
        session.add(RegieSettings(id=1, **DEMO_REGIE))
        agent = create_agent(session, clock, login="agent", display_name="Agent", password="agent", role=Role.AGENT)
        cashier = create_agent(session, clock, login="regie", display_name="Régie", password="regie", role=Role.CASHIER)
        open_cash_desk(session, clock, actor=Actor(cashier.id, Role.CASHIER), float_cents=0)
        for n in range(families):
            file = create_family(session, clock, family_draft(f"BUREAU{n}", ("Jade", date(2018, 1, 1 + n))))
            enrol(session, clock, child_id=file.children[0].id, activity_id=catalogue.wednesdays.id,
                  actor=Actor(agent.id, Role.AGENT))
        session.execute(update(OpenDay).where(OpenDay.day.between(FIRST_DAY, LAST_DAY)).values(capacity=capacity))
    database.dispose()


def check_invariants(url: str) -> dict[str, int]:
    database = open_database(url)
    with database.read_session_factory() as session:
        live = dict(session.execute(
            select(Booking.open_day_id, func.count()).where(Booking.state.in_(LIVE_BOOKING_STATES))
            .group_by(Booking.open_day_id)).all())
        for open_day_id, capacity, taken in session.execute(select(OpenDay.id, OpenDay.capacity, OpenDay.places_taken)):
            assert taken == live.get(open_day_id, 0) <= capacity, (open_day_id, taken, live.get(open_day_id), capacity)
        baskets = session.execute(select(Payment.basket_id, func.count()).where(Payment.basket_id.is_not(None))
                                  .group_by(Payment.basket_id)).all()
        assert all(count == 1 for _basket, count in baskets)
        numbers = defaultdict(list)
        for year, number in session.execute(select(Receipt.year, Receipt.number).order_by(Receipt.number)):
            numbers[year].append(number)
        for year_numbers in numbers.values():
            assert year_numbers == list(range(1, len(year_numbers) + 1))
        assert verify_journal(session).ok
        received = session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)))
        assert received == session.scalar(select(func.coalesce(func.sum(PaymentLine.amount_cents), 0)))
        assert received == session.scalar(select(func.coalesce(func.sum(PaymentAllocation.amount_cents), 0)))
        journal_in = session.scalar(select(func.coalesce(func.max(JournalEntry.grand_total_in_cents), 0)))
        assert received == journal_in
        paid_bookings = session.scalar(select(func.count()).select_from(Booking).where(Booking.state == BookingState.CONFIRMED))
        figures = {"payments": len(baskets), "confirmed bookings": paid_bookings, "received cents": received}
    database.dispose()
    return figures


def test_desks_hammering_the_same_days_keep_every_invariant(database_url):
    build_town(database_url)
    runs = [subprocess.Popen([sys.executable, "-m", "tests.stress.worker", "hammer", database_url, str(seed), str(SECONDS)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for seed in range(DESKS)]
    tallies = []
    for run in runs:
        out, err = run.communicate(timeout=SECONDS + 120)
        assert run.returncode == 0, err[-2000:]
        tallies.append(json.loads(out.strip().splitlines()[-1]))
    total = {key: sum(t[key] for t in tallies) for key in tallies[0]}
    figures = check_invariants(database_url)
    print(f"\n{DESKS} desks × {SECONDS:.0f} s on {database_url.split(':')[0]}: {total['operations']} operations, "
          f"{total['refusals']} refusals by the rules, {total['retries']} database retries, {total['errors']} errors; "
          f"{figures['payments']} payments, {figures['confirmed bookings']} confirmed bookings")
    assert total["errors"] == 0
    assert total["operations"] > 20
    assert figures["payments"] > 0
