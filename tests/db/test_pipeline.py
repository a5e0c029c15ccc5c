"""``desk.db.pipeline``: statements sent together, BEGIN with the first, COMMIT with the last, on PostgreSQL.

Counted on the wire (the relay of ``tests/tcp_proxy.py``), and checked for
what matters more than speed: a batch answers exactly what the statements
would have answered one by one, a read sent behind a lock sees what was
committed before the lock was granted, and a failure anywhere in a batch
keeps nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import psycopg
import pytest
from sqlalchemy import func, insert, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from desk.clock import PARIS, FrozenClock
from desk.db.engine import Database, open_database
from desk.db.enums import AuditOutcome, BasketState
from desk.db.migrate import ensure_schema
from desk.db.models import Activity, AuditEntry, Basket, Family, OpenDay, Unit
from desk.db.pipeline import StatementAfterCommitError, together
from desk.db.transactions import RecordedThenFailedError, run_in_transaction
from desk.services.demo import load_demo
from desk.services.work import SignedIn, UnitOfWork
from tests.conftest import fresh_schema
from tests.tcp_proxy import TcpProxy

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)


@dataclass
class Wire:
    database: Database
    relay: TcpProxy
    url: str

    def exchanges(self, action) -> int:
        before = self.relay.round_trips
        action()
        return self.relay.round_trips - before


@pytest.fixture(scope="module")
def demo_url(postgres_server_url: str) -> Iterator[str]:
    with fresh_schema(postgres_server_url) as url:
        database = open_database(url)
        ensure_schema(database)
        with database.session_factory.begin() as session:
            load_demo(session, FrozenClock(NOW))
        database.dispose()
        yield url


@pytest.fixture
def wire(demo_url: str) -> Iterator[Wire]:
    parsed = make_url(demo_url)
    relay = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    database = open_database(parsed.set(host="127.0.0.1", port=relay.port))
    try:
        yield Wire(database, relay, demo_url)
    finally:
        database.dispose()
        relay.close()


def _statements():
    """Statements of every kind the desk batches: ORM entities with enums, columns with dates, an aggregate."""
    return [
        select(Basket).order_by(Basket.id).limit(3),
        select(OpenDay.id, OpenDay.day, OpenDay.capacity).order_by(OpenDay.id).limit(5),
        select(Unit, Activity).join(Activity, Activity.id == Unit.activity_id).order_by(Unit.id).limit(4),
        select(func.count()).select_from(Family),
    ]


def _plain(result) -> list:
    """The rows, entities as their column values (their types included: enums, dates, money)."""
    def value(item):
        if hasattr(item, "__table__"):
            return tuple((column.key, getattr(item, column.key)) for column in inspect(type(item)).column_attrs)
        return item

    return [tuple(value(item) for item in row) for row in result.all()]


@pytest.mark.postgres
def test_a_batch_answers_what_the_statements_answer_one_by_one(wire: Wire):
    with wire.database.read_session_factory() as session:
        alone = [_plain(session.execute(statement)) for statement in _statements()]
    with wire.database.read_session_factory() as session:
        with together(session) as batch:
            deferred = [batch.add(statement) for statement in _statements()]
        together_ = [_plain(item.result) for item in deferred]
    assert together_ == alone
    assert all(alone), "each statement found rows"


@pytest.mark.postgres
def test_reads_go_in_one_exchange_without_begin_and_writes_send_begin_with_their_first_statement(wire: Wire):
    with wire.database.read_session_factory() as session:
        session.execute(select(1))  # the connection is opened: not what is counted

    def read_together() -> None:
        with wire.database.read_session_factory() as session, together(session) as batch:
            for statement in _statements():
                batch.add(statement)

    def read_alone() -> None:
        with wire.database.read_session_factory() as session:
            session.execute(select(func.count()).select_from(Family)).one()

    def write_and_commit() -> None:
        with wire.database.session_factory.begin() as session:
            session.execute(update(Family).where(Family.id == -1).values(note=""))

    def write_committing_with_its_batch() -> None:
        with wire.database.session_factory.begin() as session:
            with together(session) as first:
                first.add(select(Family.id).where(Family.id == -1).with_for_update())
            with together(session, commit=True) as last:
                last.add(update(Family).where(Family.id == -1).values(note=""))
                last.add(select(func.count()).select_from(Family))

    assert wire.exchanges(read_together) == 1
    assert wire.exchanges(read_alone) == 1, "no BEGIN, no ROLLBACK around a read"
    assert wire.exchanges(write_and_commit) == 2, "BEGIN with the UPDATE, then COMMIT"
    assert wire.exchanges(write_committing_with_its_batch) == 2, "BEGIN with the lock, COMMIT with the last batch"


@pytest.mark.postgres
def test_what_a_batch_commits_is_kept_and_nothing_may_follow_it(wire: Wire):
    marker = "pipeline: committed with its batch"
    with pytest.raises(StatementAfterCommitError):
        with wire.database.session_factory.begin() as session:
            with together(session, commit=True) as batch:
                batch.add(insert(AuditEntry).values(at=NOW, action="test", outcome=AuditOutcome.OK, detail=marker))
            session.execute(select(1))  # would run outside the unit of work: refused
    with wire.database.read_session_factory() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.detail == marker)) == 1


@pytest.mark.postgres
def test_a_failure_anywhere_in_a_batch_keeps_nothing_of_it(wire: Wire):
    marker = "pipeline: never kept"
    full = select(OpenDay.id).order_by(OpenDay.id).limit(1).scalar_subquery()
    with pytest.raises(IntegrityError, match="within_capacity"):
        with wire.database.session_factory.begin() as session:
            with together(session, commit=True) as batch:
                batch.add(insert(AuditEntry).values(at=NOW, action="test", outcome=AuditOutcome.OK, detail=marker))
                batch.add(update(OpenDay).where(OpenDay.id == full).values(places_taken=OpenDay.capacity + 1))
                batch.add(select(func.count()).select_from(Family))
    with wire.database.read_session_factory() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.detail == marker)) == 0
    with wire.database.session_factory.begin() as session:  # the pooled connection serves again
        assert session.scalar(select(func.count()).select_from(Family)) > 0


@pytest.mark.postgres
def test_a_read_sent_behind_a_lock_sees_what_the_lock_holder_committed(wire: Wire):
    """The reason batches may carry a lock and the reads that depend on it: each statement takes its
    snapshot when it starts, so the read waits behind the lock, then sees the other desk's commit."""
    with wire.database.read_session_factory() as session:
        family_id, basket_count = session.execute(
            select(Family.id, func.count(Basket.id)).outerjoin(Basket).group_by(Family.id)
            .having(func.count(Basket.id) == 0).order_by(Family.id).limit(1)).one()
    other = psycopg.connect(make_url(wire.url).set(drivername="postgresql").render_as_string(hide_password=False))
    other.execute("SELECT id FROM family WHERE id = %s FOR NO KEY UPDATE", (family_id,))
    seen: list[int] = []

    def desk() -> None:
        with wire.database.session_factory.begin() as session:
            with together(session) as batch:
                batch.add(select(Family.id).where(Family.id == family_id).with_for_update(key_share=True))
                counted = batch.add(select(func.count()).select_from(Basket).where(Basket.family_id == family_id))
            seen.append(counted.result.scalar_one())

    waiting = threading.Thread(target=desk)
    waiting.start()
    _until_a_backend_waits_on_a_lock(other)
    assert not seen
    other.execute("INSERT INTO basket (family_id, state, created_at, updated_at) VALUES (%s, %s, now(), now())",
                  (family_id, BasketState.OPEN.value))
    other.commit()
    waiting.join(10)
    other.close()
    assert seen == [basket_count + 1]


def _until_a_backend_waits_on_a_lock(connection: psycopg.Connection, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        waiting = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                     "AND datname = current_database()").fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.01)
    pytest.fail("the desk's batch never waited on the family's lock")


def test_sqlite_runs_a_batch_one_statement_at_a_time_with_the_same_answers(sqlite_url: str):
    database = open_database(sqlite_url, create=True)
    ensure_schema(database)
    try:
        with database.session_factory.begin() as session:
            load_demo(session, FrozenClock(NOW))
        with database.read_session_factory() as session:
            alone = [_plain(session.execute(statement)) for statement in _statements()]
            with together(session) as batch:
                first = batch.add(_statements()[0])
                assert first.result is not None, "on SQLite each statement has run when it is added"
                deferred = [first] + [batch.add(statement) for statement in _statements()[1:]]
            assert [_plain(item.result) for item in deferred] == alone
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_connection_the_server_closed_meanwhile_is_replaced_without_the_agent_noticing(wire: Wire):
    """No ping before each action (a round trip each): a pooled connection found dead in the exchange
    that opens the unit of work, before anything reached the server, is replaced and the work runs again."""
    work = UnitOfWork(wire.database, FrozenClock(NOW), SignedIn())
    marker = "pipeline: written once after a restart"

    def count() -> int:
        return work.read(lambda session: session.scalar(select(func.count()).where(AuditEntry.detail == marker)))

    assert count() == 0
    wire.relay.cut()  # the server restarts: every pooled connection is closed
    wire.relay.restore()
    work.unchecked(lambda session: session.execute(
        insert(AuditEntry).values(at=NOW, action="test", outcome=AuditOutcome.OK, detail=marker)))
    wire.relay.cut()
    wire.relay.restore()
    assert count() == 1, "the read is asked again on a fresh connection, and the write was kept once"


@pytest.mark.postgres
def test_a_failure_after_the_batch_that_committed_says_the_action_was_recorded(wire: Wire):
    marker = "pipeline: committed, then the display failed"

    def record_then_fail(session) -> None:
        with together(session, commit=True) as batch:
            batch.add(insert(AuditEntry).values(at=NOW, action="test", outcome=AuditOutcome.OK, detail=marker))
        raise ValueError("the ticket could not be drawn")

    with pytest.raises(RecordedThenFailedError) as raised:
        run_in_transaction(wire.database, record_then_fail)
    assert "a été enregistrée" in raised.value.message and "ne refaites pas" in raised.value.hint
    with wire.database.read_session_factory() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.detail == marker)) == 1


@pytest.mark.postgres
def test_a_batch_cannot_be_overtaken_nor_nested(wire: Wire):
    with wire.database.session_factory.begin() as session:
        with pytest.raises(RuntimeError, match="reach the server before it"), together(session) as batch:
            batch.add(select(Family.id).limit(1))
            session.execute(select(1))
        with pytest.raises(RuntimeError, match="inside another batch"), together(session) as outer:
            outer.add(select(Family.id).limit(1))
            with together(session):
                pass
        with together(session) as batch:  # what the refused ones left behind is gone
            counted = batch.add(select(func.count()).select_from(Family))
        assert counted.result.scalar_one() > 0


@pytest.mark.postgres
def test_what_must_run_outside_a_transaction_still_can(wire: Wire):
    with wire.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE family"))
