"""Opening databases: pragmas, write locking, and every way a user can get it wrong."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError, StatementError

from desk.db import engine as engine_module
from desk.db.engine import normalise_url, open_database
from desk.db.migrate import ensure_schema
from desk.db.models import Family
from desk.errors import DatabaseConfigError, DatabaseMissingError, DatabaseUnavailableError, DeskError


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_url):
    database = open_database(sqlite_url, create=True)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_write_transactions_take_the_lock_at_begin_and_reads_do_not(sqlite_url, monkeypatch):
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    first = open_database(sqlite_url, create=True)
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
    database = open_database(sqlite_url, create=True)
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
        open_database(f"sqlite:///{blocker}/desk.sqlite3", create=True)


def foreign_sqlite_file(path, journal_mode: str = "DELETE") -> None:
    """A SQLite file of another program, with a table of its own."""
    with closing(sqlite3.connect(path)) as other_program:
        other_program.execute(f"PRAGMA journal_mode = {journal_mode}")
        other_program.execute("CREATE TABLE contacts (name TEXT)")
        other_program.execute("INSERT INTO contacts VALUES ('Mairie')")
        other_program.commit()


def _damaged_sqlite_file(path) -> None:
    foreign_sqlite_file(path, "DELETE")
    content = bytearray(path.read_bytes())
    content[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree, past the 100-byte header
    path.write_bytes(bytes(content))


@pytest.mark.parametrize(("make", "refusal"), [
    (lambda path: path.write_bytes(b"This is not a database, it is a letter to the mayor. " * 200),
     "n'est pas une base de données desk"),
    (_damaged_sqlite_file, "n'est pas une base de données desk"),
    (lambda path: foreign_sqlite_file(path, "DELETE"), "base SQLite d'un autre logiciel"),
    (lambda path: foreign_sqlite_file(path, "WAL"), "base SQLite d'un autre logiciel"),
], ids=["text", "damaged", "foreign", "foreign-in-wal-mode"])
@pytest.mark.parametrize("create", [False, True])
def test_a_file_that_is_not_a_desk_database_is_refused_byte_for_byte(tmp_path, make, refusal, create):
    path = tmp_path / "desk.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(DeskError, match=refusal) as caught:
        open_database(f"sqlite:///{path}", create=create)
    assert "n'a pas été modifié" in caught.value.message
    assert path.read_bytes() == before  # the WAL switch of a first connection would rewrite the header
    assert sorted(tmp_path.iterdir()) == [path]  # no -wal, -shm or -journal beside it


def test_a_desk_database_in_use_by_another_desk_opens(sqlite_url):
    first = open_database(sqlite_url, create=True)
    ensure_schema(first)
    try:
        with first.session_factory.begin() as session:
            session.add(Family(dossier_number="F-00001", name="DURAND", created_at=datetime.now(UTC)))
        second = open_database(sqlite_url)  # its -wal and -shm files are there: read through them
        with second.read_session_factory() as session:
            assert session.scalars(select(Family.name)).all() == ["DURAND"]
        second.dispose()
    finally:
        first.dispose()


@pytest.mark.parametrize("state", ["missing", "empty", "missing-folder"])
def test_a_missing_or_empty_file_becomes_a_database_only_when_asked(tmp_path, state):
    path = tmp_path / ("typo" if state == "missing-folder" else "") / "desk.sqlite3"
    if state == "empty":
        path.touch()
    with pytest.raises(DatabaseMissingError) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.path == str(path) and str(path) in caught.value.message
    assert ("est vide" if state == "empty" else "n'existe pas") in caught.value.message
    assert caught.value.hint
    assert sorted(tmp_path.rglob("*")) == ([path] if state == "empty" else [])
    assert not path.exists() or path.stat().st_size == 0
    database = open_database(f"sqlite:///{path}", create=True)
    ensure_schema(database)
    database.dispose()
    assert path.stat().st_size > 0
    open_database(f"sqlite:///{path}").dispose()  # a desk database now: no question asked


def test_database_description_names_the_file_or_server(sqlite_url):
    database = open_database(sqlite_url, check=False)
    assert database.describe().startswith("SQLite : ")
    assert open_database("postgresql://u@db.mairie.local:5433/desk", check=False).describe() == (
        "PostgreSQL : db.mairie.local:5433/desk"
    )


def test_reads_from_a_connection_answer(database):
    with database.read_session_factory() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
