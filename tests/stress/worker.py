"""What one desk does in the stress and crash tests, in its own process with its own connection.

Module-level functions only: they are started by multiprocessing (spawn) and
by ``python -m tests.stress.worker``. Every action runs as the application
runs it: one unit of work through ``run_in_transaction``, which retries what
PostgreSQL asks to retry and counts it.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.enums import RefundMeans, Role
from desk.db.models import Agent, Child, Enrolment, OpenDay
from desk.db.transactions import STATS, BusyDatabaseError, run_in_transaction
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.cash_desk import close_cash_desk, notes_and_coins, open_cash_desk, open_session, session_figures
from desk.services.lifecycle.baskets import basket_view, clear_basket, expire_holds, toggle_booking
from desk.services.lifecycle.credits import refund_credit
from desk.services.lifecycle.payments import pay_at_counter
from desk.services.regie_books import held_cheques, make_remittance, record_versement
from desk.services.tenders import Tender

START = datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)
# However slow the machine, each desk works this many turns: a régisseur's then remits four times and
# closes three times (turns 2, 10, 18, 26 and 5, 13, 21) while the others pay cheques and cash
MIN_TURNS = 26
FIRST_DAY, LAST_DAY = date(2026, 12, 1), date(2026, 12, 20)  # three Wednesdays, all bookable from START


@dataclass
class Tally:
    operations: int = 0
    refusals: int = 0  # the rules said no: full, already paid by another desk, nothing to pay…
    retries: int = 0  # conflicts PostgreSQL asked to retry, retried inside the unit of work
    surfaced: int = 0  # conflicts that reached the agent despite the retries
    errors: int = 0  # anything else: a bug
    payments: int = 0
    refunds: int = 0
    closings: int = 0
    remittances: int = 0


def _world(database):
    with database.read_session_factory() as session:
        children = session.execute(select(Child.family_id, Child.id).join(Enrolment, Enrolment.child_id == Child.id)).all()
        open_days = list(session.scalars(select(OpenDay.id).where(OpenDay.day.between(FIRST_DAY, LAST_DAY))
                                         .order_by(OpenDay.id)))
        agents = {role: Actor(agent_id, role) for agent_id, role in session.execute(select(Agent.id, Agent.role))}
    return children, open_days, agents


def _attempt(database, action, tally: Tally, counter: str | None = None) -> None:
    try:
        run_in_transaction(database, action)
    except BusyDatabaseError:
        tally.surfaced += 1
    except DeskError:
        tally.refusals += 1
    except DBAPIError as error:
        print(f"database error: {error}", file=sys.stderr)
        tally.errors += 1
    else:
        tally.operations += 1
        if counter:
            setattr(tally, counter, getattr(tally, counter) + 1)


def _pay(session, clock, family_id, actor, by_cheque: bool = False):
    """Pay what the basket holds as the agent reads it: cash up to the ceiling (or a cheque), by card above."""
    due = basket_view(session, family_id).to_pay_cents
    if by_cheque:
        tenders = [Tender.cheque(due, f"{family_id:03d}{due:04d}", "Banque Postale", "Tireur")]
    else:
        tenders = [Tender.cash(-(-due // 500) * 500)] if due <= 30_000 else [Tender.card(due, "STRESS1", "4242")]
    return pay_at_counter(session, clock, family_id=family_id, tenders=tenders if due else [], actor=actor)


def _remit_some(session, clock, actor, rng):
    """The régisseur remits the held cheques, all of them or a chosen half, while the agents take more."""
    held = [cheque.payment_line_id for cheque in held_cheques(session, clock.now().astimezone(PARIS).date())]
    chosen = None if rng.random() < 0.5 else rng.sample(held, len(held) // 2) or None
    return make_remittance(session, clock, actor, chosen)


def _close_and_reopen(session, clock, actor):
    current = open_session(session)
    if current is None:
        return open_cash_desk(session, clock, actor=actor, float_cents=5000)
    figures = session_figures(session, current.id)
    # refunds paid in cash may exceed what the till took (a float of 0): then the till is empty, and the
    # difference is explained
    return close_cash_desk(session, clock, actor=actor, counts=notes_and_coins(max(figures.expected_cash_cents, 0)),
                           cheques_counted_cents=figures.cheques_cents, comment="Compté pendant le service")


def hammer(url: str, seconds: float, seed: int, cashier: bool) -> dict:
    """Book, unbook, pay, clear and expire at random on shared families and days for ``seconds``.

    A régisseur's desk also cancels paid days (through the basket), refunds
    credits, and closes and reopens the cash desk under the agents' feet.
    """
    import time

    rng = random.Random(seed)
    database = open_database(url)
    clock = FrozenClock(START + timedelta(seconds=seed))
    children, open_days, agents = _world(database)
    actor = agents[Role.CASHIER] if cashier else agents[Role.AGENT]
    tally = Tally()
    deadline = time.monotonic() + seconds
    turn = 0
    while time.monotonic() < deadline or turn < MIN_TURNS:
        family_id, child_id = rng.choice(children)
        roll = rng.random()
        counter = None
        turn += 1
        if cashier and turn % 8 == 2:  # every desk of a régisseur remits and closes, however slow the database
            action, counter = partial(_remit_some, clock=clock, actor=actor, rng=rng), "remittances"
        elif cashier and turn % 8 == 5:
            action, counter = partial(_close_and_reopen, clock=clock, actor=actor), "closings"
        elif roll < 0.55:
            action = partial(toggle_booking, clock=clock, family_id=family_id, child_id=child_id,
                             open_day_id=rng.choice(open_days), actor=actor)
        elif roll < 0.8:
            action, counter = partial(_pay, clock=clock, family_id=family_id, actor=actor,
                                      by_cheque=rng.random() < 0.4), "payments"
        elif roll < 0.86:
            action = partial(clear_basket, clock=clock, family_id=family_id, actor=actor)
        elif cashier:
            action, counter = partial(refund_credit, clock=clock, family_id=family_id, amount_cents=rng.choice((100, 400)),
                                      actor=actor, means=RefundMeans.CASH), "refunds"
        else:
            clock.advance(timedelta(minutes=rng.randint(1, 20)))
            action = partial(expire_holds, now=clock.now())
        _attempt(database, action, tally, counter)
    if cashier:  # the end of the day: every cheque still held is remitted
        _attempt(database, partial(make_remittance, clock=clock, actor=actor), tally, "remittances")
    database.dispose()
    tally.retries, tally.surfaced = STATS.retries, tally.surfaced + STATS.surfaced
    return asdict(tally)


def checkout_forever(url: str, seed: int) -> None:
    """Book and pay, again and again, until killed: the crash test stops it anywhere."""
    rng = random.Random(seed)
    database = open_database(url)
    clock = FrozenClock(START)
    children, open_days, agents = _world(database)
    actor = agents[Role.AGENT]
    first = True
    while True:
        family_id, child_id = rng.choice(children)
        for open_day in rng.sample(open_days, 3):
            _attempt(database, partial(toggle_booking, clock=clock, family_id=family_id, child_id=child_id,
                                       open_day_id=open_day, actor=actor), Tally())
        _attempt(database, partial(_pay, clock=clock, family_id=family_id, actor=actor), Tally())
        if first:  # the test kills the desk once it is at work
            print("working", flush=True)
            first = False


def counter_forever(url: str, seed: int) -> None:
    """The counter's own path until killed, as the window runs it: the family opened on its month, cells
    clicked (each click's changes, the grid and COMMIT go in one exchange), the basket paid to its ticket (the
    journal, the grid and COMMIT in one exchange). The crash test puts a slow line in front of it, so that the
    kill finds a batch in flight."""
    from desk.services.application import DeskServices
    from desk.services.planning import GridRequest

    rng = random.Random(seed)
    database = open_database(url)
    clock = FrozenClock(START)
    children, open_days, agents = _world(database)
    services = DeskServices.build(database, clock, hold_minutes=lambda: 20, signed_in=agents[Role.CASHIER])
    first = True
    while True:
        family_id, child_id = rng.choice(children)
        request = GridRequest(family_id, FIRST_DAY, LAST_DAY)
        try:
            services.families.open(family_id, request)
            for open_day in rng.sample(open_days, 3):
                services.planning.click(request, child_id, open_day)
            due = services.planning.basket(family_id).to_pay_cents
            services.payments.pay(family_id, [Tender.cash(due)] if due else [], accept_voucher_excess=False,
                                  cash_ceiling_cents=100_000, grid=request)
        except DeskError:
            pass  # a full day, a basket with nothing to pay: the next family
        if first:  # the test kills the desk once it is at work
            print("working", flush=True)
            first = False


def pay_over_when_told(url: str, first: str, last: str, today: str) -> None:
    """A régisseur's desk, connected, that records the versement of ``first``–``last`` when a line arrives on its
    standard input: several of them are told at once. Prints ``recorded`` or the refusal."""
    database = open_database(url)
    with database.read_session_factory() as session:  # connected and warm before the start
        cashier = session.scalar(select(Agent.id).where(Agent.role == Role.CASHIER))
    clock = FrozenClock(datetime.combine(date.fromisoformat(today), datetime.min.time(), PARIS) + timedelta(hours=9))
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        run_in_transaction(database, partial(record_versement, clock=clock, actor=Actor(cashier, Role.CASHIER),
                                             first=date.fromisoformat(first), last=date.fromisoformat(last)))
    except DeskError as refusal:
        print(f"refused: {refusal.message}", flush=True)
    else:
        print("recorded", flush=True)
    database.dispose()


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s")  # the retries, with their cause, on stderr
    mode, url = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if mode != "versement" else 0
    if mode == "crash":
        checkout_forever(url, seed)
    elif mode == "counter":
        counter_forever(url, seed)
    elif mode == "versement":
        pay_over_when_told(url, *sys.argv[3:6])
    else:
        print(json.dumps(hammer(url, float(sys.argv[4]), seed, cashier=sys.argv[5] == "cashier")))
