"""Nothing of an online payment is lost when a process dies: the desk after the bank paid, the simulator mid-payment.

Each runs as its own process and is killed with SIGKILL; the PayFiP
simulator keeps its operations in a file, the desk keeps its own in the
database, and the desk follows the outcome only by asking the service.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desk.clock import local_today
from desk.db.enums import BookingState, OnlinePaymentState, UnitKind
from desk.db.models import Booking, OnlinePayment, Payment
from desk.errors import DeskError
from desk.gateway.local_simulator import answering, start_if_needed
from desk.gateway.payfip import PayfipEndpoint
from desk.payfip_simulator.store import CARD_PAYS
from desk.services.lifecycle.online import (
    OnlineOutcome,
    check_online_payment,
    reconcile_online_payments,
    start_online_payment,
)
from tests.payfip import SimulatedBank

DEC_2 = date(2026, 12, 2)
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _run(database):
    def run(work):
        with database.session_factory.begin() as session:
            return work(session)

    return run


def _paid(database) -> tuple[int, list[BookingState], OnlinePaymentState]:
    with database.read_session_factory() as session:
        return (session.scalar(select(func.count()).select_from(Payment)),
                sorted(session.scalars(select(Booking.state))), session.scalar(select(OnlinePayment.state)))


def test_a_desk_killed_after_the_bank_paid_finds_the_payment_when_it_starts_again(database_url, database, clock,
                                                                                  town, payfip):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    desk = subprocess.Popen([sys.executable, "-m", "tests.services.online_worker", database_url, payfip.url,
                             str(town.family_id), str(town.agent.agent_id), clock.now().isoformat()],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = desk.stdout.readline().split()
    assert line[:1] == ["started"], desk.stderr.read()[-2000:] if desk.poll() is not None else line
    idop = line[1]
    bank = SimulatedBank(payfip.url)
    assert bank.pay_by_card(idop, CARD_PAYS, 12, 2030, "123").state == "paid"  # the family pays in its browser
    desk.send_signal(signal.SIGKILL)
    desk.wait(30)
    assert _paid(database) == (0, [BookingState.PENDING], OnlinePaymentState.CREATED)

    clock.advance(timedelta(minutes=3))  # the desk started again: its first reconciliation asks the service
    report = reconcile_online_payments(_run(database), clock, bank, town.agent)
    assert report.outcomes == {OnlineOutcome.PAID: 1} and not report.failures
    assert _paid(database) == (1, [BookingState.CONFIRMED], OnlinePaymentState.PAID)
    assert reconcile_online_payments(_run(database), clock, bank, town.agent).checked == 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _simulator(port: int, data) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "desk.payfip_simulator", "--port", str(port), "--data",
                                str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("PayFiP simulé sur"), process.stderr.read()[-2000:]
    return process


def test_the_simulator_killed_mid_payment_still_answers_for_it_once_restarted(database, clock, town, tmp_path):
    port = _free_port()
    bank = SimulatedBank(f"http://127.0.0.1:{port}")
    simulator = _simulator(port, tmp_path / "payfip.sqlite3")  # on the wall's clock: so is the desk here
    clock.advance(datetime.now(UTC) - clock.now())
    wednesday = local_today(clock) + timedelta(days=8)
    wednesday += timedelta(days=(2 - wednesday.weekday()) % 7)
    try:
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, wednesday)
        with database.session_factory.begin() as session:
            started = start_online_payment(session, clock, bank, family_id=town.family_id, actor=town.agent)
        simulator.send_signal(signal.SIGKILL)
        simulator.wait(30)
        with pytest.raises(DeskError, match="ne répond pas"), database.session_factory.begin() as session:
            check_online_payment(session, clock, bank, online_payment_id=started.online_payment_id, actor=town.agent)
        assert _paid(database) == (0, [BookingState.PENDING], OnlinePaymentState.CREATED)  # nothing decided

        simulator = _simulator(port, tmp_path / "payfip.sqlite3")
        assert bank.pay_by_card(started.idop, CARD_PAYS, 12, 2030, "123").state == "paid"
        with database.session_factory.begin() as session:
            status = check_online_payment(session, clock, bank, online_payment_id=started.online_payment_id,
                                          actor=town.agent)
        assert status.outcome is OnlineOutcome.PAID
        assert _paid(database) == (1, [BookingState.CONFIRMED], OnlinePaymentState.PAID)
    finally:
        simulator.kill()
        simulator.wait(30)


def _until_answering(endpoint: PayfipEndpoint, process: subprocess.Popen, seconds: float = 20) -> None:
    """Bounded: the simulator listens within a few seconds, or has died saying why."""
    deadline = time.monotonic() + seconds
    while not answering(endpoint):
        assert process.poll() is None and time.monotonic() < deadline, "the simulator did not start"
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(0.05)


def test_the_demo_starts_the_simulator_only_where_none_answers_and_stops_its_own(tmp_path):
    endpoint = PayfipEndpoint(f"http://127.0.0.1:{_free_port()}")
    assert start_if_needed(PayfipEndpoint("https://www.payfip.gouv.fr"), tmp_path / "x.sqlite3") is None
    started = start_if_needed(endpoint, tmp_path / "demo" / "payfip.sqlite3")
    assert started is not None
    try:
        _until_answering(endpoint, started.process)
        assert answering(endpoint)
        assert start_if_needed(endpoint, tmp_path / "other.sqlite3") is None  # one answers: used as it is
    finally:
        started.stop()
    assert started.process.returncode is not None and not answering(endpoint)
    assert (tmp_path / "demo" / "payfip.sqlite3").exists()
