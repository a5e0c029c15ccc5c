"""Other desks hear of a booking, a payment or a cancellation within two seconds."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import make_url

from desk.db.change_feed import DataChange, PostgresChangeWatcher, watch_changes
from desk.db.engine import open_database
from desk.db.enums import UnitKind
from desk.db.migrate import ensure_schema
from desk.db.models import Enrolment, Family, OpenDay, RegieSettings, Tariff
from desk.services.demo import DEMO_REGIE
from desk.services.tenders import Tender
from tests.conftest import on_postgres_only
from tests.tcp_proxy import TcpProxy

WEDNESDAY = date(2026, 12, 2)
WITHIN = 2.0  # seconds: the promise made to the agents


class Heard:
    """Keeps, in order, what a watcher reports (changes, or statuses), as another desk would hear it."""

    def __init__(self) -> None:
        self.changes: list = []
        self.arrived = threading.Condition()

    def __call__(self, heard) -> None:
        with self.arrived:
            self.changes.append(heard)
            self.arrived.notify_all()

    def wait_for(self, wanted, within: float = WITHIN):
        with self.arrived:
            found = self.arrived.wait_for(lambda: [c for c in self.changes if wanted(c)], within)
        assert found, f"nothing matching was heard within {within} s (heard {self.changes})"
        return found[0]

    def drain(self) -> list[DataChange]:
        with self.arrived:
            heard, self.changes = self.changes, []
        return heard


@pytest.fixture
def heard(database) -> Iterator[Heard]:
    listener = Heard()
    watcher = watch_changes(database, listener)
    listener.wait_for(lambda change: change.everything, within=5)  # what it says on starting
    listener.drain()
    yield listener
    watcher.stop()
    assert not watcher.alive


def test_payloads_name_open_days_families_or_children_and_anything_else_means_everything():
    assert DataChange.from_payload("open_day:3,14") == DataChange(open_day_ids=frozenset({3, 14}))
    assert DataChange.from_payload("family:7") == DataChange(family_ids=frozenset({7}))
    assert DataChange.from_payload("child:9") == DataChange(child_ids=frozenset({9}))
    assert DataChange(child_ids=frozenset({9})).concerns(family_id=1, child_ids=frozenset({8, 9}))
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
def test_a_desk_knows_its_own_commits_from_another_desks(clock, heard_town):
    """The echo of this desk's click is marked as its own (the grid already shows it); another desk's is not."""
    database, town, heard = heard_town
    open_day = town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
    own = heard.wait_for(lambda change: open_day in change.open_day_ids)
    assert own.from_this_desk and database.backend_pids
    heard.drain()
    other_desk = open_database(database.url)
    try:
        town.toggle(other_desk, clock, "lea", UnitKind.FULL_DAY, WEDNESDAY)
        theirs = heard.wait_for(lambda change: open_day in change.open_day_ids)
        assert not theirs.from_this_desk
    finally:
        other_desk.dispose()
    database.engine.dispose()  # connections closed: their server processes are forgotten
    assert database.backend_pids == set()


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
    listener.wait_for(lambda change: change.everything, within=5)  # what it says on starting
    listener.drain()
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


@on_postgres_only
def test_postgres_announces_enrolments_files_and_the_catalogue(clock, heard_town):
    database, town, heard = heard_town
    with database.session_factory.begin() as session:  # the activity line ends, as when a family leaves
        session.execute(update(Enrolment).where(Enrolment.child_id == town.noah).values(ended_at=clock.now()))
    heard.wait_for(lambda change: town.noah in change.child_ids)
    with database.session_factory.begin() as session:
        session.get(Family, town.family_id).quotient_familial = 700  # the prices change with it
    heard.wait_for(lambda change: town.family_id in change.family_ids)
    heard.drain()
    with database.session_factory.begin() as session:
        session.execute(update(Tariff).values(price_cents=Tariff.price_cents + 50))
    heard.wait_for(lambda change: change.everything)


@on_postgres_only
def test_the_listener_finds_the_tables_schema_whatever_comes_first_on_the_search_path(
        clock, postgres_server_url, database_url, heard_town):
    database, town, _heard = heard_town
    empty = f"e_{uuid.uuid4().hex[:12]}"
    with database.engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{empty}"'))
    search_path = make_url(database_url).query["options"].removeprefix("-csearch_path=")
    url = make_url(database_url).update_query_dict({"options": f"-csearch_path={empty},{search_path}"})
    elsewhere = open_database(url.render_as_string(hide_password=False))
    heard = Heard()
    watcher = PostgresChangeWatcher(elsewhere, heard).start()
    try:
        assert watcher.listening.wait(5)
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAY)
        heard.wait_for(lambda change: town.open_day(database, UnitKind.FULL_DAY, WEDNESDAY) in change.open_day_ids)
    finally:
        watcher.stop()
        elsewhere.dispose()
        with database.engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{empty}"'))


@on_postgres_only
def test_a_listener_that_cannot_reach_the_server_says_so_and_listens_once_it_can(database, clock, town):
    url = make_url(database.url.render_as_string(hide_password=False))
    relay = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    relay.cut()
    through_relay = open_database(url.set(port=relay.port), check=False)
    statuses = Heard()  # what on_status said, in order
    heard = Heard()
    watcher = PostgresChangeWatcher(through_relay, heard, on_status=statuses, retry_seconds=0.2).start()
    try:
        statuses.wait_for(lambda listening: listening is False)
        assert statuses.changes == [False]
        relay.restore()
        assert watcher.listening.wait(WITHIN)
        assert statuses.changes == [False, True]
        heard.wait_for(lambda change: change.everything)  # it never heard what came before: reload all
    finally:
        watcher.stop()
        through_relay.dispose()
        relay.close()


def test_the_sqlite_watcher_opens_the_file_the_desk_opens_and_never_creates_one(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    database = open_database("sqlite:///~/desk.sqlite3", create=True)
    ensure_schema(database)
    heard = Heard()
    watcher = watch_changes(database, heard)
    try:
        assert watcher.listening.wait(5)
        with database.session_factory.begin() as session:
            session.add(RegieSettings(id=1, **DEMO_REGIE))
        heard.wait_for(lambda change: change.everything)
    finally:
        watcher.stop()
        database.dispose()
    missing = open_database(f"sqlite:///{tmp_path / 'nothing-here.sqlite3'}", check=False)
    statuses = Heard()  # what on_status said, in order
    watcher = watch_changes(missing, Heard(), on_status=statuses)
    try:
        statuses.wait_for(lambda listening: listening is False)
        assert statuses.changes == [False]
        assert not (tmp_path / "nothing-here.sqlite3").exists()
    finally:
        watcher.stop()
        missing.dispose()
