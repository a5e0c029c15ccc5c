"""Fixtures of the simulator's tests: a frozen clock, a simulator on a free port following it, eopayment's client."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk.clock import PARIS, FrozenClock
from desk.payfip_simulator.server import PayfipSimulator
from tests.payfip_simulator.helpers import eopayment_client

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def simulator(tmp_path, clock):
    with PayfipSimulator(tmp_path / "payfip.sqlite3", clock=clock.now) as running:
        yield running


@pytest.fixture
def client(simulator):
    return eopayment_client(simulator.url)
