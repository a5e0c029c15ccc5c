"""A generated town for the benchmarks, built once and kept between runs.

``DESK_BENCH_FAMILIES`` sets its size (default 100 000). The SQLite file lives
in ``.benchmarks/``; the PostgreSQL town in its own database on the server of
``DESK_TEST_POSTGRES_URL``. Both are rebuilt when the schema changes.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desk.clock import PARIS, FrozenClock
from desk.db.engine import Database, open_database
from desk.db.migrate import SchemaStatus, ensure_schema, head_revision, schema_state
from desk.db.models import Agent, Family, RegieSettings, Role
from desk.errors import DatabaseMissingError
from desk.services.access import Actor
from desk.services.agents import create_agent
from desk.services.cash_desk import open_cash_desk, open_session
from desk.services.demo import DEMO_REGIE
from desk.services.scale_data import generate_town

FAMILIES = int(os.environ.get("DESK_BENCH_FAMILIES", "100000"))
SEED = 1
BENCH_CLOCK = FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
CACHE = Path(__file__).resolve().parents[2] / ".benchmarks"
BENCH_LOGIN = BENCH_PASSWORD = "bench-regie"
T = TypeVar("T")


def _ready(database: Database) -> bool:
    if schema_state(database).status is not SchemaStatus.CURRENT:
        return False
    with database.read_session_factory() as session:
        return session.scalar(select(func.count()).select_from(Family)) == FAMILIES


def _town(url: str) -> Database:
    database = open_database(url)
    if not _ready(database):
        database.dispose()
        raise LookupError(url)
    return database


def _build(url: str) -> Database:
    database = open_database(url, create=True)
    ensure_schema(database)
    with database.session_factory.begin() as session:
        report = generate_town(session, BENCH_CLOCK, families=FAMILIES, seed=SEED)
    print(f"\nbenchmark town built: {report.summary()}")
    if not database.is_sqlite:  # what autovacuum would do after such a load: visibility map and statistics
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    return database


@pytest.fixture(autouse=True)
def settled_heap():
    """Measure as the desk runs: what was built before the measure is frozen, as ``desk.app.settle_heap``
    does after start-up, so a full collection of pytest's own objects is not counted."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def sqlite_town() -> Database:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"town-{FAMILIES}-{head_revision()}.sqlite3"
    url = f"sqlite:///{path}"
    try:
        return _town(url)
    except (LookupError, DatabaseMissingError):
        for stale in CACHE.glob(f"town-{FAMILIES}-*.sqlite3*"):
            stale.unlink()
        return _build(url)


@pytest.fixture(scope="session")
def postgresql_town(postgres_server_url: str) -> Database:
    name = f"desk_bench_{FAMILIES}_{head_revision()}".lower()
    url = make_url(postgres_server_url).set(database=name)
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    try:
        try:
            return _town(url.render_as_string(hide_password=False))
        except Exception:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            return _build(url.render_as_string(hide_password=False))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def town(request) -> Database:
    return request.getfixturevalue(f"{request.param}_town")


def bench_cashier(database: Database) -> Actor:
    """A régisseur with the counter open, as at 8:30 on a working day, in a régie whose identity is set."""
    with database.session_factory.begin() as session:
        if session.get(RegieSettings, 1) is None:
            session.add(RegieSettings(id=1, **DEMO_REGIE))
        agent_id = session.scalar(select(Agent.id).where(Agent.login == BENCH_LOGIN))
        if agent_id is None:
            agent_id = create_agent(session, BENCH_CLOCK, login=BENCH_LOGIN, display_name="Régie banc d'essai",
                                    password=BENCH_PASSWORD, role=Role.CASHIER).id
        actor = Actor(agent_id, Role.CASHIER)
        if open_session(session) is None:
            open_cash_desk(session, BENCH_CLOCK, actor=actor, float_cents=0)
    return actor


def report_p95(benchmark, database: Database, what: str, timings: list[float]) -> float:
    """Report the median and 95th percentile; the target is on the latter."""
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=100)[94]
    benchmark.extra_info.update({"runs": len(timings), "median_ms": round(median, 2), "p95_ms": round(p95, 2)})
    print(f"\n{database.describe()}: {what}, {len(timings)} runs, median {median:.1f} ms, p95 {p95:.1f} ms")
    return p95


def time_each(benchmark, items: Sequence[T], action: Callable[[T], object]) -> list[float]:
    """Milliseconds ``action`` takes on each item: one unmeasured pass to warm the caches, then the measured one."""
    timings: list[float] = []

    def one_pass() -> None:
        timings.clear()
        for item in items:
            started = time.perf_counter()
            action(item)
            timings.append((time.perf_counter() - started) * 1000)

    benchmark.pedantic(one_pass, rounds=1, warmup_rounds=1)
    return timings
