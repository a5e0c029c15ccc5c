"""How fast ``desk-admin generate`` fills a database (target: 100 000 families in minutes).

Run on its own: ``python -m pytest tests/benchmarks -m benchmark``.
"""

from __future__ import annotations

from datetime import datetime
from itertools import count

import pytest

from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.migrate import ensure_schema
from desk.services.scale_data import generate_town

pytestmark = pytest.mark.benchmark

FAMILIES = 5000


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_generate_families(benchmark, backend, request, tmp_path):
    clock = FrozenClock(datetime(2026, 11, 26, 10, tzinfo=PARIS))
    runs = count()

    def fresh_database():
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / f'bench{next(runs)}.sqlite3'}"
        else:
            url = request.getfixturevalue("postgres_url")
        database = open_database(url, create=True)
        ensure_schema(database)
        return (database,), {}

    def generate(database):
        with database.session_factory.begin() as session:
            report = generate_town(session, clock, families=FAMILIES, seed=1)
        database.dispose()
        return report

    report = benchmark.pedantic(generate, setup=fresh_database, rounds=1 if backend == "postgresql" else 2)
    benchmark.extra_info["families_per_second"] = round(FAMILIES / benchmark.stats.stats.mean)
    benchmark.extra_info["bookings"] = report.bookings
    assert report.families == FAMILIES
