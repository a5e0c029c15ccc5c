"""A desk killed (SIGKILL) anywhere in a checkout leaves every basket fully paid or untouched."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desk.db.engine import open_database
from desk.db.enums import BasketState, BookingState
from desk.db.models import Basket, Booking, JournalEntry, Payment, Receipt
from tests.stress.test_desks_at_once import build_town, check_invariants
from tests.tcp_proxy import TcpProxy

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
    _each_basket_paid_whole_or_untouched(database_url)
    print(f"\n{KILLS} desks killed mid-work on {database_url.split(':')[0]}: {figures['payments']} whole payments, "
          "no half one")
    assert figures["payments"] > 0


@pytest.mark.postgres
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal")
def test_a_desk_killed_on_a_slow_line_with_a_batch_in_flight_keeps_each_action_whole(postgres_url):
    """Behind 20 ms of round trip a desk spends most of its time with a batch on the line (its statements, often
    its COMMIT): killed there, each click and payment is either all kept or not at all."""
    build_town(postgres_url, families=8, capacity=60)
    parsed = make_url(postgres_url)
    relay = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432, one_way_delay_s=0.010)
    through_relay = parsed.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    rng = random.Random(11)
    try:
        for kill in range(KILLS):
            desk = subprocess.Popen([sys.executable, "-m", "tests.stress.worker", "counter", through_relay, str(kill)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            assert desk.stdout.readline() == b"working\n", desk.stderr.read().decode()[-2000:]
            time.sleep(rng.uniform(0.0, 1.0))
            assert desk.poll() is None, desk.stderr.read().decode()[-2000:]
            desk.send_signal(signal.SIGKILL)
            desk.wait(30)
    finally:
        relay.close()
    _until_the_killed_desks_sessions_end(postgres_url)
    figures = check_invariants(postgres_url)
    _each_basket_paid_whole_or_untouched(postgres_url)
    assert figures["payments"] > 0


def _until_the_killed_desks_sessions_end(url: str) -> None:
    """The server may still be running what reached it before a desk died (a batch with its COMMIT): checking
    the invariants meanwhile would read a commit landing between two statements."""
    engine = create_engine(url)
    try:
        deadline = time.monotonic() + 30
        while True:
            with engine.connect() as connection:
                busy = connection.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
                    " AND backend_type = 'client backend' AND state <> 'idle'"))
            if not busy:
                return
            assert time.monotonic() < deadline, f"{busy} sessions of killed desks still at work"
            time.sleep(0.05)
    finally:
        engine.dispose()


def _each_basket_paid_whole_or_untouched(url: str) -> None:
    database = open_database(url)
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
