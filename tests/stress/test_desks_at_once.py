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
from desk.db.enums import LIVE_BOOKING_STATES, BookingState, JournalKind, LedgerKind, PaymentMode, Role
from desk.db.migrate import ensure_schema
from desk.db.models import (
    Agent,
    Booking,
    ChequeRemittance,
    Child,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    RegieSettings,
    RemittedCheque,
    Versement,
)
from desk.services.access import Actor
from desk.services.agents import create_agent
from desk.services.cash_desk import open_cash_desk
from desk.services.demo import DEMO_REGIE
from desk.services.enrolment import enrol
from desk.services.families import create_family
from desk.services.lifecycle.baskets import toggle_booking
from desk.services.lifecycle.credits import correct_account
from desk.services.school_calendar import SchoolYear
from desk.services.town_catalogue import ensure_town_catalogue
from desk.services.verification import verify_journal
from tests.services.factories import family_draft
from tests.stress.worker import FIRST_DAY, LAST_DAY, START

DESKS = 4
DESKS_ON_POSTGRES = 8
SECONDS = float(os.environ.get("DESK_STRESS_SECONDS", "6"))


def build_town(url: str, families: int = 10, capacity: int = 3, credits: int = 0) -> None:
    from desk.clock import FrozenClock

    clock = FrozenClock(START)
    database = open_database(url, create=True)
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
            if credits:  # a credit that the régisseurs refund while the agents' payments spend it
                correct_account(session, clock, family_id=file.id, amount_cents=-credits, label="Avoir de reprise",
                                actor=Actor(cashier.id, Role.CASHIER))
        session.execute(update(OpenDay).where(OpenDay.day.between(FIRST_DAY, LAST_DAY)).values(capacity=capacity))
    database.dispose()


def check_invariants(url: str) -> dict[str, int]:
    """The product's invariants after the storm; returns the figures the test prints."""
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
        report = verify_journal(session)  # with the régie's books: each remittance as its journal entry has it
        assert report.ok, report.findings
        remittances = session.scalars(select(ChequeRemittance.number).order_by(ChequeRemittance.number)).all()
        assert remittances == list(range(1, len(remittances) + 1))
        assert session.scalar(select(func.count()).select_from(RemittedCheque).join(
            PaymentLine, PaymentLine.id == RemittedCheque.payment_line_id).where(PaymentLine.mode != PaymentMode.CHEQUE)) == 0
        received = session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)))
        assert received == session.scalar(select(func.coalesce(func.sum(PaymentLine.amount_cents), 0)))
        assert received == session.scalar(select(func.coalesce(func.sum(PaymentAllocation.amount_cents), 0)))
        journal_in = session.scalar(select(func.coalesce(func.max(JournalEntry.grand_total_in_cents), 0)))
        assert received == journal_in
        figures = {
            "payments": session.scalar(select(func.count()).select_from(Payment)),
            "confirmed bookings": session.scalar(select(func.count()).select_from(Booking)
                                                 .where(Booking.state == BookingState.CONFIRMED)),
            "received cents": received,
            "refunds": session.scalar(select(func.count()).select_from(LedgerEntry)
                                      .where(LedgerEntry.kind == LedgerKind.REFUND)),
            "closings": session.scalar(select(func.count()).select_from(JournalEntry)
                                       .where(JournalEntry.kind == JournalKind.CLOSING)),
            "remittances": session.scalar(select(func.count()).select_from(ChequeRemittance)),
            "payments in closed sessions": payments_after_their_closing(session),
            "refunds beyond the credit": refunds_beyond_the_credit(session),
        }
    database.dispose()
    return figures


def payments_after_their_closing(session) -> int:
    """Payments journaled after the closing of the session they are in: the journal's order is the commit order."""
    closings = dict(session.execute(select(JournalEntry.cash_session_id, JournalEntry.sequence)
                                    .where(JournalEntry.kind == JournalKind.CLOSING)).all())
    return sum(1 for cash_session_id, sequence in session.execute(
        select(JournalEntry.cash_session_id, JournalEntry.sequence).where(JournalEntry.kind == JournalKind.PAYMENT,
                                                                          JournalEntry.cash_session_id.is_not(None)))
        if cash_session_id in closings and sequence > closings[cash_session_id])


def refunds_beyond_the_credit(session) -> int:
    """Refunds that took a family's account above zero: a credit refunded twice, or refunded while spent."""
    beyond = 0
    balances: dict[int, int] = defaultdict(int)
    for family_id, kind, amount in session.execute(  # a family's movements are serialised by its lock
        select(LedgerEntry.family_id, LedgerEntry.kind, LedgerEntry.amount_cents).order_by(LedgerEntry.id)
    ):
        balances[family_id] += amount
        if kind is LedgerKind.REFUND and balances[family_id] > 0:
            beyond += 1
    return beyond


def run_desks(url: str, desks: int, seconds: float, cashiers: int) -> dict[str, int]:
    runs = [subprocess.Popen([sys.executable, "-m", "tests.stress.worker", "hammer", url, str(seed), str(seconds),
                              "cashier" if seed < cashiers else "agent"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for seed in range(desks)]
    tallies = []
    for run in runs:
        out, err = run.communicate(timeout=seconds + 180)
        assert run.returncode == 0, err[-2000:]
        retried = [line for line in err.splitlines() if "tried again" in line]
        if retried:
            print("\n".join(retried[:5]))
        tallies.append(json.loads(out.strip().splitlines()[-1]))
    return {key: sum(t[key] for t in tallies) for key in tallies[0]}


def test_desks_hammering_the_same_days_keep_every_invariant(database_url):
    desks = DESKS_ON_POSTGRES if database_url.startswith("postgresql") else DESKS
    build_town(database_url, credits=1500)
    total = run_desks(database_url, desks, SECONDS, cashiers=2)
    figures = check_invariants(database_url)
    print(f"\n{desks} desks (2 régisseurs) × {SECONDS:.0f} s on {database_url.split(':')[0]}: "
          f"{total['operations']} operations, {total['refusals']} refusals by the rules, "
          f"{total['retries']} conflicts retried, {total['surfaced']} surfaced to an agent, {total['errors']} errors; "
          f"{figures['payments']} payments, {figures['refunds']} refunds, {figures['closings']} closings, "
          f"{figures['remittances']} cheque remittances, "
          f"{figures['confirmed bookings']} confirmed bookings; "
          f"{figures['payments in closed sessions']} payments in closed sessions, "
          f"{figures['refunds beyond the credit']} refunds beyond the credit")
    assert total["errors"] == 0
    assert total["surfaced"] == 0
    assert figures["payments in closed sessions"] == 0
    assert figures["refunds beyond the credit"] == 0
    assert total["operations"] > 20
    assert figures["payments"] > 0 and figures["refunds"] > 0 and figures["closings"] > 0
    with open_database(database_url).read_session_factory() as session:  # remitted at the end of the day at least
        cheques = session.scalar(select(func.count()).select_from(PaymentLine).where(PaymentLine.mode == PaymentMode.CHEQUE))
    assert figures["remittances"] > 0 or cheques == 0


def test_regisseurs_paying_the_same_days_over_at_once_record_one_versement(database_url):
    """Four régisseurs' desks, connected and told at the same instant: one versement, the others refused."""
    from desk.clock import FrozenClock
    from desk.services.cash_desk import close_cash_desk, notes_and_coins, open_session, session_figures
    from desk.services.regie_books import make_remittance
    from tests.stress.worker import _pay

    build_town(database_url, capacity=10)
    database = open_database(database_url)
    clock = FrozenClock(START)
    with database.read_session_factory() as session:
        agents = {role: Actor(agent_id, role) for agent_id, role in session.execute(select(Agent.id, Agent.role))}
        children = session.execute(select(Child.family_id, Child.id)).all()
        wednesday = session.scalar(select(OpenDay.id).where(OpenDay.day == date(2026, 12, 2)).limit(1))
    for n, (family_id, child_id) in enumerate(children[:4]):
        with database.session_factory.begin() as session:
            toggle_booking(session, clock, family_id=family_id, child_id=child_id, open_day_id=wednesday,
                           actor=agents[Role.AGENT])
            _pay(session, clock, family_id, agents[Role.AGENT], by_cheque=n % 2 == 0)
    with database.session_factory.begin() as session:
        make_remittance(session, clock, agents[Role.CASHIER])
        figures = session_figures(session, open_session(session).id)
        close_cash_desk(session, clock, actor=agents[Role.CASHIER], counts=notes_and_coins(figures.expected_cash_cents),
                        cheques_counted_cents=figures.cheques_cents)
    database.dispose()

    desks = [subprocess.Popen([sys.executable, "-m", "tests.stress.worker", "versement", database_url,
                               "2026-11-26", "2026-11-26", "2026-11-27"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    for desk in desks:
        assert desk.stdout.readline().strip() == "ready", desk.stderr.read()[-2000:]
    for desk in desks:
        desk.stdin.write("go\n")
        desk.stdin.flush()
    outcomes = []
    for desk in desks:
        out, err = desk.communicate(timeout=120)
        assert desk.returncode == 0, err[-2000:]
        outcomes.append(out.strip())
    assert outcomes.count("recorded") == 1, outcomes
    assert all("déjà versées" in outcome for outcome in outcomes if outcome != "recorded"), outcomes
    database = open_database(database_url)
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Versement)) == 1
        assert session.scalar(select(Versement.total_cents)) == session.scalar(select(func.sum(Payment.amount_cents)))
        assert verify_journal(session).ok
    database.dispose()
