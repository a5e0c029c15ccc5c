"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests use ``DESK_TEST_POSTGRES_URL`` (default: the local server of
the development machines and CI). Each test gets its own schema, dropped at the
end, so tests never see each other's rows. Where no server answers, those
tests are skipped with the reason; under ``CI=true`` such a skip fails the run.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's per-user settings (window geometry, last login) go to a throwaway folder, never the tester's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="desk-tests-config-")
# One journal key for the whole run, worker processes included (see desk.services.journal_key).
os.environ["DESK_JOURNAL_KEY"] = "5e" * 32

import pytest
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.engine import make_url

from desk.clock import Clock
from desk.db.engine import Database, open_database
from desk.db.migrate import ensure_schema
from desk.db.models import Unit
from desk.services.access import Actor
from desk.services.auth import log_in
from desk.services.demo import load_demo
from desk.services.enrolment import enrol
from desk.services.families import load_family
from desk.services.search import search_families

POSTGRES_URL = os.environ.get(
    "DESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
POSTGRES_SKIP_PREFIX = "PostgreSQL unavailable"

_postgres_skips: list[str] = []


def _postgres_unavailable_reason() -> str | None:
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means: no server to test against
        return f"{POSTGRES_SKIP_PREFIX} at {make_url(POSTGRES_URL).render_as_string()}: {exc.__class__.__name__}"
    finally:
        engine.dispose()
    return None


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    reason = _postgres_unavailable_reason()
    if reason:
        _postgres_skips.append(reason)
        pytest.skip(reason)
    return POSTGRES_URL


@contextmanager
def fresh_schema(server_url: str, search_path_before: str = "") -> Iterator[str]:
    """A URL whose connections work in a brand-new schema of the test database, dropped afterwards.

    ``search_path_before`` puts other schemas ahead of it on the search path.
    """
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    search_path = f"{search_path_before},{schema}" if search_path_before else schema
    url = make_url(server_url).update_query_dict({"options": f"-csearch_path={search_path}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass(frozen=True)
class EnrolledDemo:
    """The demo town on PostgreSQL, Noah DURAND enrolled in the Wednesdays (the guide's journey)."""

    url: str
    cashier: Actor
    family_id: int
    child_id: int


@contextmanager
def enrolled_demo(server_url: str, clock: Clock) -> Iterator[EnrolledDemo]:
    """``EnrolledDemo`` in a fresh schema (``fresh_schema``), dropped afterwards."""
    with fresh_schema(server_url) as url:
        database = open_database(url)
        try:
            ensure_schema(database)
            with database.session_factory.begin() as session:
                load_demo(session, clock)
                cashier = log_in(session, clock, "regisseur", "regisseur").actor()
                family_id = search_families(session, "durand noah", clock.now().date())[0].family_id
                child_id = load_family(session, family_id, clock.now().date()).children[0].id
                activity = session.scalar(select(Unit.activity_id).where(Unit.name == "Mercredi journée"))
                enrol(session, clock, child_id=child_id, activity_id=activity, actor=cashier)
        finally:
            database.dispose()
        yield EnrolledDemo(url, cashier, family_id, child_id)


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A URL whose connections work in a brand-new schema of the test database."""
    with fresh_schema(postgres_server_url) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


# For a test that only means something on PostgreSQL (notifications, a server restart).
on_postgres_only = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An empty database at the current schema, on each backend."""
    db = open_database(database_url, create=True)
    ensure_schema(db)
    try:
        yield db
    finally:
        db.dispose()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _postgres_skips and os.environ.get("CI") == "true":
        print(f"\nCI=true but PostgreSQL tests were skipped: {_postgres_skips[0]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@contextmanager
def behind_the_applications_back(database: Database) -> Iterator[Connection]:
    """A raw connection that gets past every desk trigger, as an intruder with full rights would.

    On SQLite the triggers are dropped for good and foreign keys are not
    enforced (as in any sqlite3 shell); on PostgreSQL triggers and foreign
    keys are off for this transaction.
    """
    if not database.is_sqlite:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            yield connection
        return
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection  # no transaction begun yet: SQLite ignores the pragma inside one
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                triggers = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                for name in triggers.scalars().all():
                    connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
                yield connection
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


@pytest.fixture
def payfip(tmp_path, clock):
    """The PayFiP simulator on a free port of this machine, following the test's clock (``tests.payfip``)."""
    from tests.payfip import running_simulator

    with running_simulator(tmp_path / "payfip.sqlite3", clock.now) as simulator:
        yield simulator


def waits_on(database_url: str, name: str, event: str = "Lock") -> bool:
    """Whether the PostgreSQL session named ``name`` (its ``application_name``) waits on ``event``, a lock by default
    (a wait event's type or name: ``PgSleep`` for a session inside ``pg_sleep``)."""
    probe = open_database(database_url)
    try:
        with probe.read_engine.connect() as connection:
            return bool(connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
                "AND :event IN (wait_event_type, wait_event)"), {"name": name, "event": event}).scalar())
    finally:
        probe.dispose()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Until ``condition`` holds (a race set up between desks); fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the race did not happen"
        time.sleep(0.02)
