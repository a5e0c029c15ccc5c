"""Other desks hear of a booking, a payment or a cancellation within two seconds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desk.db.change_feed import DataChange, PostgresChangeWatcher, watch_changes
from desk.db.enums import UnitKind
from desk.db.models import OpenDay
from desk.services.tenders import Tender
from tests.conftest import on_postgres_only

WEDNESDAY = date(2026, 12, 2)
WITHIN = 2.0  # seconds: the promise made to the agents


class Heard:
    """Keeps what a watcher reports, as another desk would hear it."""

    def __init__(self) -> None:
        self.changes: list[DataChange] = []
        self.arrived = threading.Condition()

    def __call__(self, change: DataChange) -> None:
        with self.arrived:
            self.changes.append(change)
            self.arrived.notify_all()

    def wait_for(self, wanted, within: float = WITHIN) -> DataChange:
        with self.arrived:
            found = self.arrived.wait_for(lambda: next((c for c in self.changes if wanted(c)), None), within)
        assert found is not None, f"nothing matching was heard within {within} s (heard {self.changes})"
        return found

    def drain(self) -> list[DataChange]:
        with self.arrived:
            heard, self.changes = self.changes, []
        return heard


@pytest.fixture
def heard(database) -> Iterator[Heard]:
    listener = Heard()
    watcher = watch_changes(database, listener)
    assert watcher.listening.wait(5), "the watcher never started listening"
    yield listener
    watcher.stop()
    assert watcher.stopped


def test_payloads_name_open_days_or_families_and_anything_else_means_everything():
    assert DataChange.from_payload("open_day:3,14") == DataChange(open_day_ids=frozenset({3, 14}))
    assert DataChange.from_payload("family:7") == DataChange(family_ids=frozenset({7}))
    assert DataChange.from_payload("*").everything
    assert DataChange.from_payload("open_day:3,x").everything
    change = DataChange(open_day_ids=frozenset({3}))
    assert change.concerns(family_id=1, open_day_ids=frozenset({2, 3}))
    assert not change.concerns(family_id=1, open_day_ids=frozenset({2}))
    assert DataChange(family_ids=frozenset({1})).concerns(family_id=1, open_day_ids=frozenset())
    assert DataChange.anything().concerns(family_id=1, open_day_ids=frozenset())


def test_a_booking_committed_by_another_desk_is_heard_within_two_seconds(database, clock, town, heard):
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    heard.drain()
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
    heard.wait_for(lambda change: change.concerns(family_id=-1, open_day_ids=frozenset({open_day})))


@on_postgres_only
def test_postgres_names_the_open_day_and_family_and_says_nothing_of_a_rollback(clock, heard_town):
    database, town, heard = heard_town
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    with pytest.raises(RuntimeError), database.session_factory.begin() as session:
        session.execute(text("UPDATE open_day SET capacity = capacity + 1 WHERE id = :id"), {"id": open_day})
        raise RuntimeError("the agent's action failed")
    time.sleep(0.5)  # a notification of the rollback would have arrived by now
    assert heard.drain() == []

    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
    heard.wait_for(lambda change: open_day in change.open_day_ids and not change.everything)
    heard.wait_for(lambda change: town.family_id in change.family_ids)  # the basket opened


@on_postgres_only
def test_postgres_announces_a_payment_to_the_family(clock, heard_town):
    database, town, heard = heard_town
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
    heard.wait_for(lambda change: town.family_id in change.family_ids)
    heard.drain()
    with database.read_session_factory() as session:
        price = session.scalar(text("SELECT sum(price_cents) FROM booking"))
    town.pay(database, clock, [Tender.cash(price)], actor=town.cashier)
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    heard.wait_for(lambda change: open_day in change.open_day_ids)  # booking confirmed
    heard.wait_for(lambda change: town.family_id in change.family_ids)  # ledger and basket


@on_postgres_only
def test_a_listener_cut_off_by_the_server_reconnects_and_says_everything_may_have_changed(
        clock, heard_town):
    database, town, heard = heard_town
    watcher = heard.watcher
    with database.engine.begin() as connection:
        cut = connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": watcher.backend_pid}).scalar()
    assert cut
    heard.wait_for(lambda change: change.everything, within=watcher.retry_seconds + WITHIN)
    assert watcher.listening.wait(WITHIN)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    heard.wait_for(lambda change: open_day in change.open_day_ids)


@pytest.fixture
def heard_town(database, town):
    """The Pommiers town on PostgreSQL, with a listener whose watcher the test can reach."""
    listener = Heard()
    watcher = PostgresChangeWatcher(database, listener, retry_seconds=0.2).start()
    assert watcher.listening.wait(5)
    listener.watcher = watcher
    try:
        yield database, town, listener
    finally:
        watcher.stop()


def test_capacity_changed_in_the_catalogue_is_heard_too(database, town, heard):
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    heard.drain()
    with database.session_factory.begin() as session:
        session.get(OpenDay, open_day).capacity += 2
    heard.wait_for(lambda change: change.concerns(family_id=-1, open_day_ids=frozenset({open_day})))
