"""What one desk does in the stress and crash tests, in its own process with its own connection.

Module-level functions only: they are started by multiprocessing (spawn) and
by ``python -m tests.stress.worker``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.enums import Role
from desk.db.models import Agent, Child, Enrolment, OpenDay
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.basket import clear_basket, expire_holds, toggle_booking
from desk.services.checkout import pay_at_counter
from desk.services.tenders import Tender

START = datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)
FIRST_DAY, LAST_DAY = date(2026, 12, 1), date(2026, 12, 20)  # three Wednesdays, all bookable from START


@dataclass
class Tally:
    operations: int = 0
    refusals: int = 0  # the rules said no: full, already paid by another desk, nothing to pay…
    retries: int = 0  # the database asked to try again (deadlock, lock timeout): resolved by retrying
    errors: int = 0  # anything else: a bug


def _world(database):
    with database.read_session_factory() as session:
        children = session.execute(select(Child.family_id, Child.id).join(Enrolment, Enrolment.child_id == Child.id)).all()
        open_days = list(session.scalars(select(OpenDay.id).where(OpenDay.day.between(FIRST_DAY, LAST_DAY))
                                         .order_by(OpenDay.id)))
        agent = session.scalar(select(Agent.id).where(Agent.role == Role.AGENT))
    return children, open_days, Actor(agent, Role.AGENT)


def _attempt(database, action, tally: Tally) -> None:
    for _ in range(5):
        try:
            with database.session_factory.begin() as session:
                action(session)
            tally.operations += 1
            return
        except DeskError:
            tally.refusals += 1
            return
        except OperationalError:
            tally.retries += 1
            time.sleep(random.random() / 50)
    tally.errors += 1


def hammer(url: str, seconds: float, seed: int) -> dict:
    """Book, unbook, pay, clear and expire at random on shared families and days for ``seconds``."""
    rng = random.Random(seed)
    database = open_database(url)
    clock = FrozenClock(START + timedelta(seconds=seed))
    children, open_days, actor = _world(database)
    tally = Tally()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        family_id, child_id = rng.choice(children)
        roll = rng.random()
        if roll < 0.6:
            action = partial(toggle_booking, clock=clock, family_id=family_id, child_id=child_id,
                             open_day_id=rng.choice(open_days), actor=actor)
        elif roll < 0.85:
            action = partial(pay_at_counter, clock=clock, family_id=family_id, tenders=[Tender.cash(30_000)], actor=actor)
        elif roll < 0.93:
            action = partial(clear_basket, clock=clock, family_id=family_id)
        else:
            clock.advance(timedelta(minutes=rng.randint(1, 20)))
            action = partial(expire_holds, now=clock.now())
        _attempt(database, action, tally)
    database.dispose()
    return tally.__dict__


def checkout_forever(url: str, seed: int) -> None:
    """Book and pay, again and again, until killed: the crash test stops it anywhere."""
    rng = random.Random(seed)
    database = open_database(url)
    clock = FrozenClock(START)
    children, open_days, actor = _world(database)
    while True:
        family_id, child_id = rng.choice(children)
        for open_day in rng.sample(open_days, 3):
            _attempt(database, partial(toggle_booking, clock=clock, family_id=family_id, child_id=child_id,
                                       open_day_id=open_day, actor=actor), Tally())
        _attempt(database, partial(pay_at_counter, clock=clock, family_id=family_id, tenders=[Tender.cash(30_000)],
                                   actor=actor), Tally())


if __name__ == "__main__":
    mode, url, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "crash":
        checkout_forever(url, seed)
    else:
        print(json.dumps(hammer(url, float(sys.argv[4]), seed)))
