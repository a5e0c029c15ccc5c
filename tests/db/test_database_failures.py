"""A database that fails under the agent: read-only, full, locked by another desk, unreachable.

Each failure is a real one from SQLite or PostgreSQL, met when opening and
during a user action (``DeskContext.write``): the message says which, what to
do, and that nothing was recorded where that is so.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desk.clock import SystemClock
from desk.db import engine as engine_module
from desk.db.engine import Database, open_database
from desk.db.migrate import ensure_schema
from desk.db.models import Family
from desk.db.pipeline import together
from desk.errors import DatabaseFullError, DatabaseLockedError, DatabaseReadOnlyError, DatabaseUnavailableError
from desk.ui.context import DeskContext
from desk.ui.dialogs import RecordingDialogService
from tests.conftest import on_postgres_only
from tests.tcp_proxy import TcpProxy

NOTHING_RECORDED = "Rien n'a été enregistré."
INPUT_KEPT = "votre saisie est conservée"
on_sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def add_families(session) -> None:
    """Enough families to need new pages of the file."""
    session.add_all(Family(dossier_number=f"F-{number:05}", name="DURAND", created_at=datetime.now(UTC))
                    for number in range(1, 501))


def families(database) -> int:
    with database.read_session_factory() as session:
        return session.scalar(select(func.count()).select_from(Family))


def action_error(database, action=add_families) -> Exception:
    """What the agent is told when ``action`` fails at the counter."""
    context = DeskContext.build(database, SystemClock(), RecordingDialogService())
    with pytest.raises(DatabaseUnavailableError) as caught:
        context.services.work.write(action)
    assert INPUT_KEPT in caught.value.hint
    return caught.value


@contextmanager
def on_every_connection(pragma: str, database: Database | None = None) -> Iterator[None]:
    """Run ``pragma`` on each new SQLite connection of any engine, as a property of the disk or file would.

    ``database`` drops the connections it has, before and after, so that its next ones get it.
    """
    def configure(dbapi_connection, _record) -> None:
        dbapi_connection.execute(pragma)

    event.listen(Engine, "connect", configure)
    try:
        if database is not None:
            database.engine.dispose()
        yield
    finally:
        event.remove(Engine, "connect", configure)
        if database is not None:
            database.engine.dispose()


@on_sqlite_only
def test_a_full_disk_during_an_action_says_so_and_records_nothing(database):
    with on_every_connection("PRAGMA max_page_count = 1", database):  # fewer pages than the file has: no room
        error = action_error(database)
    assert isinstance(error, DatabaseFullError)
    assert error.message.startswith("Le disque qui contient la base de données")
    assert error.message.endswith(NOTHING_RECORDED)
    assert "Libérez de la place" in error.hint
    assert families(database) == 0


def test_a_file_locked_by_another_desk_says_so_and_records_nothing(sqlite_url, monkeypatch):
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    other_desk = open_database(sqlite_url, create=True)
    ensure_schema(other_desk)
    database = open_database(sqlite_url)
    try:
        with other_desk.session_factory.begin() as session:
            session.execute(select(Family.id)).all()  # holds the write lock past the busy timeout
            error = action_error(database)
    finally:
        other_desk.dispose()
    assert isinstance(error, DatabaseLockedError)
    assert "occupé par un autre poste" in error.message and error.message.endswith(NOTHING_RECORDED)
    assert "Réessayez dans un instant" in error.hint
    assert families(database) == 0
    database.dispose()


def make_read_only(path, monkeypatch) -> None:
    """Take away the write permission, as for an agent (root writes anyway, so ask as an agent would be answered)."""
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | (stat.S_IXUSR if path.is_dir() else 0))
    if os.geteuid() == 0:
        access = os.access
        monkeypatch.setattr(os, "access", lambda target, mode, **options: access(target, mode, **options) and not (
            mode & os.W_OK and not os.stat(target).st_mode & stat.S_IWUSR))


def test_a_read_only_file_is_explained_when_opening(sqlite_url, tmp_path, monkeypatch):
    open_database(sqlite_url, create=True).dispose()
    path = tmp_path / "desk.sqlite3"
    make_read_only(path, monkeypatch)
    before = path.read_bytes()
    with pytest.raises(DatabaseReadOnlyError, match="est en lecture seule") as caught:
        open_database(sqlite_url)
    assert "droit d'écrire ce fichier et son dossier" in caught.value.hint
    assert path.read_bytes() == before


def test_a_folder_where_the_wal_files_cannot_go_is_explained_when_opening(sqlite_url, tmp_path, monkeypatch):
    open_database(sqlite_url, create=True).dispose()
    make_read_only(tmp_path, monkeypatch)
    try:
        with pytest.raises(DatabaseReadOnlyError, match="n'est pas accessible en écriture") as caught:
            open_database(sqlite_url)
    finally:
        tmp_path.chmod(stat.S_IRWXU)
    assert "-wal et -shm" in caught.value.hint


@on_sqlite_only
def test_a_read_only_file_during_an_action_says_so_and_records_nothing(database):
    with on_every_connection("PRAGMA query_only = ON", database):  # SQLite's own SQLITE_READONLY, even for root
        error = action_error(database)
    assert isinstance(error, DatabaseReadOnlyError)
    assert "est en lecture seule" in error.message and error.message.endswith(NOTHING_RECORDED)
    assert families(database) == 0


def test_a_statement_gone_wrong_is_a_bug_not_an_unavailable_database(database):
    context = DeskContext.build(database, SystemClock(), RecordingDialogService())
    with pytest.raises(DBAPIError, match="no such table|does not exist"):
        context.services.work.write(lambda session: session.execute(text("SELECT * FROM no_such_table")))


def test_an_unreachable_server_during_an_action_says_so_and_records_nothing():
    database = open_database("postgresql://desk@127.0.0.1:1/desk", check=False)
    error = action_error(database)
    assert error.message.startswith("La base de données ne répond pas : le serveur PostgreSQL 127.0.0.1:1")
    assert error.message.endswith(NOTHING_RECORDED)
    assert "serveur est démarré" in error.hint


def _lose_the_server_before_the_commit(relay: TcpProxy):
    def add_then_lose_the_server(session) -> None:
        add_families(session)
        session.flush()
        relay.cut()  # the COMMIT that follows gets no answer

    return add_then_lose_the_server


def _lose_the_server_before_a_batch_that_carries_the_commit(relay: TcpProxy):
    def add_then_lose_the_server(session) -> None:
        add_families(session)
        session.flush()
        relay.cut()  # the batch that carries the COMMIT gets no answer
        with together(session, commit=True) as batch:
            batch.add(select(func.count()).select_from(Family))

    return add_then_lose_the_server


@on_postgres_only
@pytest.mark.parametrize("losing", [_lose_the_server_before_the_commit,
                                    _lose_the_server_before_a_batch_that_carries_the_commit])
def test_a_connection_lost_during_the_commit_does_not_claim_nothing_was_recorded(database_url, database, losing):
    url = make_url(database_url)
    relay = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    through_relay = open_database(url.set(port=relay.port))
    try:
        error = action_error(through_relay, losing(relay))
    finally:
        through_relay.dispose()
        relay.close()
    assert "pendant l'enregistrement, qui a pu aboutir ou non" in error.message
    assert "Rien n'a été enregistré" not in error.message
    assert "rouvrez le dossier pour voir ce qui a été enregistré" in error.hint
