"""A desk killed (SIGKILL) anywhere in a checkout leaves every basket fully paid or untouched."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from desk.db.engine import open_database
from desk.db.enums import BasketState, BookingState
from desk.db.models import Basket, Booking, JournalEntry, Payment, Receipt
from tests.stress.test_desks_at_once import build_town, check_invariants

KILLS = int(os.environ.get("DESK_CRASH_KILLS", "6"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal")
def test_a_killed_desk_never_leaves_half_a_payment(database_url):
    build_town(database_url, families=8, capacity=60)
    rng = random.Random(7)
    for kill in range(KILLS):
        desk = subprocess.Popen([sys.executable, "-m", "tests.stress.worker", "crash", database_url, str(kill)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert desk.stdout.readline() == b"working\n", desk.stderr.read().decode()[-2000:]  # started, and a first checkout done
        time.sleep(rng.uniform(0.0, 1.0))  # then somewhere in the loop of checkouts
        assert desk.poll() is None, desk.stderr.read().decode()[-2000:]
        desk.send_signal(signal.SIGKILL)
        desk.wait(30)
    figures = check_invariants(database_url)  # the database reopens and every invariant holds
    database = open_database(database_url)
    with database.read_session_factory() as session:
        for basket_id, state in session.execute(select(Basket.id, Basket.state)):
            payments = session.scalars(select(Payment.id).where(Payment.basket_id == basket_id)).all()
            states = set(session.scalars(select(Booking.state).where(Booking.basket_id == basket_id)))
            if state is BasketState.PAID:
                [payment_id] = payments
                assert session.scalar(select(func.count()).select_from(Receipt).where(Receipt.payment_id == payment_id)) == 1
                assert session.scalar(select(func.count()).select_from(JournalEntry)
                                      .where(JournalEntry.payment_id == payment_id)) == 1
                assert BookingState.PENDING not in states
            else:
                assert payments == []
                assert BookingState.CONFIRMED not in states
    database.dispose()
    print(f"\n{KILLS} desks killed mid-work on {database_url.split(':')[0]}: {figures['payments']} whole payments, "
          "no half one")
    assert figures["payments"] > 0
