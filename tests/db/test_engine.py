"""Opening databases: pragmas, write locking, and every way a user can get it wrong."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError, StatementError

from desk.db import engine as engine_module
from desk.db.engine import normalise_url, open_database
from desk.db.migrate import ensure_schema
from desk.db.models import Family
from desk.errors import DatabaseConfigError, DatabaseUnavailableError


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_url):
    database = open_database(sqlite_url)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_write_transactions_take_the_lock_at_begin_and_reads_do_not(sqlite_url, monkeypatch):
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    first = open_database(sqlite_url)
    second = open_database(sqlite_url)
    ensure_schema(first)
    try:
        with first.session_factory.begin() as writer:
            writer.execute(select(Family.id)).all()  # a read inside a write transaction
            # A second writer is refused at BEGIN, before it has read anything
            # (no deadlock on a read-to-write upgrade later)…
            with pytest.raises(OperationalError, match="locked"), second.session_factory.begin() as other:
                other.execute(select(Family.id)).all()
            # …while a reader goes on reading.
            with second.read_session_factory() as reader:
                assert reader.execute(select(Family.id)).all() == []
    finally:
        first.dispose()
        second.dispose()


def test_a_waiting_writer_proceeds_once_the_first_commits(sqlite_url):
    database = open_database(sqlite_url)
    ensure_schema(database)
    now = datetime(2026, 11, 26, tzinfo=UTC)
    started = threading.Event()
    errors: list[Exception] = []

    def second_writer() -> None:
        try:
            other = open_database(sqlite_url)
            started.set()
            with other.session_factory.begin() as session:
                session.add(Family(dossier_number="F-00002", name="MARTIN", created_at=now))
            other.dispose()
        except Exception as error:  # reported to the main thread
            errors.append(error)

    with database.session_factory.begin() as session:
        session.execute(select(Family.id)).all()  # the transaction has begun: it holds the write lock
        session.add(Family(dossier_number="F-00001", name="DURAND", created_at=now))
        thread = threading.Thread(target=second_writer)
        thread.start()
        started.wait(5)
    thread.join(10)
    assert errors == []
    with database.read_session_factory() as session:
        assert session.scalars(select(Family.name).order_by(Family.id)).all() == ["DURAND", "MARTIN"]
    database.dispose()


def test_instants_come_back_aware_and_naive_ones_are_refused(database):
    instant = datetime(2026, 11, 26, 8, 30, 15, 123456, tzinfo=UTC)
    with database.session_factory.begin() as session:
        session.add(Family(dossier_number="F-00001", name="DURAND", created_at=instant))
    with database.read_session_factory() as session:
        assert session.scalar(select(Family.created_at)) == instant
    with pytest.raises(StatementError, match="naive datetime"), database.session_factory.begin() as session:
        session.add(Family(dossier_number="F-00002", name="MARTIN", created_at=datetime(2026, 11, 26)))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("sqlite:///x.sqlite3", "sqlite+pysqlite"),
    ],
)
def test_common_urls_get_the_shipped_driver(url, expected):
    assert normalise_url(url).drivername == expected


@pytest.mark.parametrize("url", ["mysql://root@localhost/desk", "oracle://x", "nonsense", "sqlite://", "sqlite:///:memory:"])
def test_unusable_urls_are_explained(url):
    with pytest.raises(DatabaseConfigError) as caught:
        open_database(url)
    assert caught.value.message and caught.value.hint
    assert "Traceback" not in str(caught.value)


def test_unreachable_postgresql_is_explained():
    with pytest.raises(DatabaseUnavailableError, match="ne répond pas") as caught:
        open_database("postgresql://postgres@127.0.0.1:1/desk")
    assert "serveur est démarré" in caught.value.hint


@pytest.mark.postgres
def test_missing_postgresql_database_is_explained(postgres_server_url):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_server_url).set(database="desk_does_not_exist")
    with pytest.raises(DatabaseUnavailableError, match="n'existe pas"):
        open_database(url)


def test_a_folder_that_cannot_be_created_is_explained(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(DatabaseUnavailableError, match="dossier de données"):
        open_database(f"sqlite:///{blocker}/desk.sqlite3")


def test_a_corrupt_sqlite_file_is_explained_and_left_untouched(tmp_path):
    corrupt = tmp_path / "desk.sqlite3"
    corrupt.write_bytes(b"This is not a database, it is a letter to the mayor. " * 200)
    before = hashlib.sha256(corrupt.read_bytes()).hexdigest()
    with pytest.raises(DatabaseUnavailableError, match="n'a pas été modifié"):
        open_database(f"sqlite:///{corrupt}")
    assert hashlib.sha256(corrupt.read_bytes()).hexdigest() == before
    assert not (tmp_path / "desk.sqlite3-wal").exists() or (tmp_path / "desk.sqlite3-wal").stat().st_size == 0


def test_database_description_names_the_file_or_server(sqlite_url):
    database = open_database(sqlite_url, check=False)
    assert database.describe().startswith("SQLite : ")
    assert open_database("postgresql://u@db.mairie.local:5433/desk", check=False).describe() == (
        "PostgreSQL : db.mairie.local:5433/desk"
    )


def test_reads_from_a_connection_answer(database):
    with database.read_session_factory() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
