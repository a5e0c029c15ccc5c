"""What other desks changed, told to every desk as soon as it is committed.

On PostgreSQL, statement triggers announce each committed change with
``NOTIFY`` on a channel of the schema: the open days whose places or bookings
changed, and the families whose basket or account changed. PostgreSQL sends
a notification only when its transaction commits and drops it on rollback,
so a desk never reloads for a change that did not happen. A listener thread
per desk holds one extra connection in ``LISTEN`` and hands each change to a
callback; after losing the server it reconnects by itself and reports
"everything may have changed", since notifications sent meanwhile are lost.

SQLite has no notifications: a thread polls ``PRAGMA data_version``, which
moves when another connection commits to the file, a check that reads no
table and takes no lock.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import DDL, Connection, Table, event

from desk.db.engine import POSTGRES_CONNECT_TIMEOUT_S, Database

if TYPE_CHECKING:
    import psycopg

CHANNEL_PREFIX = "desk_changes:"
# NOTIFY payloads stop at 8000 bytes; a longer list of ids becomes "everything".
MAX_PAYLOAD = 7000
EVERYTHING = "*"

# (table, kind of id announced, column holding it, events)
ANNOUNCED = (
    ("booking", "open_day", "open_day_id", ("INSERT", "UPDATE")),
    ("open_day", "open_day", "id", ("INSERT", "UPDATE", "DELETE")),
    ("basket", "family", "family_id", ("INSERT", "UPDATE")),
    ("ledger_entry", "family", "family_id", ("INSERT",)),
)

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION desk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    EXECUTE format('SELECT string_agg(DISTINCT %I::text, '','') FROM changed_rows', TG_ARGV[1]) INTO ids;
    IF ids IS NOT NULL THEN
        PERFORM pg_notify('{CHANNEL_PREFIX}' || TG_TABLE_SCHEMA,
                          CASE WHEN length(ids) > {MAX_PAYLOAD} THEN '{EVERYTHING}' ELSE TG_ARGV[0] || ':' || ids END);
    END IF;
    RETURN NULL;
END $$
"""


@dataclass(frozen=True)
class DataChange:
    """What changed: open days and families, or possibly everything."""

    open_day_ids: frozenset[int] = frozenset()
    family_ids: frozenset[int] = frozenset()
    everything: bool = False

    @classmethod
    def anything(cls) -> DataChange:
        return cls(everything=True)

    @classmethod
    def from_payload(cls, payload: str) -> DataChange:
        kind, _, ids = payload.partition(":")
        try:
            numbers = frozenset(int(part) for part in ids.split(","))
        except ValueError:
            return cls.anything()
        if kind == "open_day":
            return cls(open_day_ids=numbers)
        if kind == "family":
            return cls(family_ids=numbers)
        return cls.anything()

    def concerns(self, *, family_id: int, open_day_ids: frozenset[int]) -> bool:
        return self.everything or family_id in self.family_ids or not self.open_day_ids.isdisjoint(open_day_ids)


# -- the triggers (PostgreSQL only) ---------------------------------------------


def _trigger_statements(table: str, kind: str, column: str, events: tuple[str, ...]) -> list[str]:
    statements = []
    for action in events:
        transition = "OLD" if action == "DELETE" else "NEW"
        statements.append(
            f"CREATE TRIGGER trg_{table}_announce_{action.lower()} AFTER {action} ON {table} "
            f"REFERENCING {transition} TABLE AS changed_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION desk_announce_change('{kind}', '{column}')"
        )
    return statements


def install(connection: Connection) -> None:
    """Create the function and triggers (used by the migration); nothing on SQLite."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(POSTGRES_FUNCTION.replace("%", "%%"))  # psycopg reads % as a placeholder
    for announced in ANNOUNCED:
        for statement in _trigger_statements(*announced):
            connection.exec_driver_sql(statement)


def remove(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table, _kind, _column, events in ANNOUNCED:
        for action in events:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{table}_announce_{action.lower()} ON {table}")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS desk_announce_change()")


def attach_to(tables: dict[str, Table]) -> None:
    """Make ``metadata.create_all`` install the same triggers as the migrations."""
    first = tables[ANNOUNCED[0][0]]
    event.listen(first, "after_create", DDL(POSTGRES_FUNCTION.replace("%", "%%")).execute_if(dialect="postgresql"))
    for table, kind, column, events in ANNOUNCED:
        for statement in _trigger_statements(table, kind, column, events):
            event.listen(tables[table], "after_create", DDL(statement).execute_if(dialect="postgresql"))


# -- watching ------------------------------------------------------------------

ChangeCallback = Callable[[DataChange], None]
StatusCallback = Callable[[bool], None]
log = logging.getLogger(__name__)


class ChangeWatcher(ABC):
    """A daemon thread that calls ``on_change`` from that thread for each change seen,
    and ``on_status`` each time it starts or stops hearing the database."""

    def __init__(self, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 retry_seconds: float = 1.0) -> None:
        self._on_change = on_change
        self._on_status = on_status
        self.retry_seconds = retry_seconds
        self._stopping = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def stopped(self) -> bool:
        return self._stopping.is_set()

    def _report(self, change: DataChange) -> None:
        self._call(self._on_change, change)

    def _set_listening(self, listening: bool) -> None:
        if listening == self.listening.is_set():
            return
        if listening:
            self.listening.set()
        else:
            self.listening.clear()
        if self._on_status is not None:
            self._call(self._on_status, listening)

    @staticmethod
    def _call(receiver: Callable, value: object) -> None:
        try:
            receiver(value)
        except Exception:  # a receiver's fault must not end the watch
            log.exception("change receiver failed")

    @abstractmethod
    def _run(self) -> None:
        """Watch until ``stop()``; runs on the watcher's thread."""


class PostgresChangeWatcher(ChangeWatcher):
    """``LISTEN`` on the schema's channel, on a connection of its own."""

    def __init__(self, database: Database, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 retry_seconds: float = 1.0, wake_seconds: float = 0.25) -> None:
        super().__init__(on_change, on_status=on_status, retry_seconds=retry_seconds)
        self.wake_seconds = wake_seconds  # how soon stop() is noticed
        self.backend_pid: int | None = None  # the server process of the listening connection
        args, params = database.engine.dialect.create_connect_args(database.url)
        self._connect_args = args
        self._connect_params = {
            **params,
            "autocommit": True,
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
            "application_name": "desk-listener",
            # A server that vanishes without closing the socket is noticed within about 20 s.
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
        }

    def _run(self) -> None:
        import psycopg  # only desks on PostgreSQL pay for importing it

        lost = False
        while not self._stopping.is_set():
            try:
                with psycopg.connect(*self._connect_args, **self._connect_params) as connection:
                    self._listen(connection)
                    if lost:  # what was committed meanwhile was never told
                        self._report(DataChange.anything())
                    while not self._stopping.is_set():
                        for notification in connection.notifies(timeout=self.wake_seconds):
                            self._report(DataChange.from_payload(notification.payload))
            except psycopg.OperationalError as error:
                log.warning("change listener lost the server: %s", error)
                lost = True
                self._set_listening(False)
            self._stopping.wait(self.retry_seconds)

    def _listen(self, connection: psycopg.Connection) -> None:
        from psycopg import sql

        self.backend_pid = connection.info.backend_pid
        schema = connection.execute("SELECT current_schema()").fetchone()[0]
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL_PREFIX + schema)))
        self._set_listening(True)


class SqliteChangeWatcher(ChangeWatcher):
    """Polls the file's ``data_version``; a change by any connection but its own moves it."""

    def __init__(self, database: Database, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 poll_seconds: float = 0.5) -> None:
        super().__init__(on_change, on_status=on_status, retry_seconds=poll_seconds)
        self._path = database.url.database

    def _run(self) -> None:
        connection = sqlite3.connect(self._path, isolation_level=None)
        try:
            seen = self._version(connection)
            self._set_listening(True)
            while not self._stopping.wait(self.retry_seconds):
                version = self._version(connection)
                if version != seen:
                    seen = version
                    self._report(DataChange.anything())
        finally:
            connection.close()

    @staticmethod
    def _version(connection: sqlite3.Connection) -> int | None:
        try:
            return connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # busy or briefly unreadable: look again next time
            return None


def watch_changes(database: Database, on_change: ChangeCallback,
                  on_status: StatusCallback | None = None) -> ChangeWatcher:
    """Start the watcher that suits the database; ``stop()`` it when done."""
    watcher_class = SqliteChangeWatcher if database.is_sqlite else PostgresChangeWatcher
    return watcher_class(database, on_change, on_status=on_status).start()
