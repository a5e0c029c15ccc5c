"""What other desks changed, told to every desk as soon as it is committed.

On PostgreSQL, statement triggers announce each committed change with
``NOTIFY`` on a channel of the tables' schema: the open days whose places or
bookings changed, the families and children whose file, enrolments, basket or
account changed, or "anything" for the rare changes of the catalogue, prices
and cash desk. PostgreSQL sends a notification only when its transaction
commits and drops it on rollback, so a desk never reloads for a change that
did not happen. A listener thread per desk holds one extra connection in
``LISTEN`` and hands each change to a callback; each time it (re)connects it
reports "anything may have changed", since what was committed while it was
not listening was never told.

SQLite has no notifications: a thread polls ``PRAGMA data_version``, which
moves when another connection commits to the file, a check that reads no
table and takes no lock.

LISTEN needs a session of its own: behind a pooler in transaction mode
(pgbouncer), point the desks at the server itself.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import DDL, MetaData, event

from desk.db.engine import Database

if TYPE_CHECKING:
    import psycopg

# NOTIFY payloads stop at 8000 bytes; a longer list of ids becomes "anything".
MAX_PAYLOAD = 7000
ANYTHING = "*"
# Channel names stop at 63 bytes and schema names may use them all: the channel
# carries a digest of the schema, which both sides compute with this expression.
CHANNEL_OF_SCHEMA = "'desk_changes_' || left(md5({schema}), 16)"
LISTENER_CONNECT_TIMEOUT_S = 3


class Announced(NamedTuple):
    """A table whose committed changes are announced: the kind of id, the column holding it, on which events."""

    table: str
    kind: str  # "open_day", "family", "child", or ANYTHING
    column: str
    events: tuple[str, ...]


ANNOUNCED = (
    Announced("booking", "open_day", "open_day_id", ("INSERT", "UPDATE")),
    Announced("open_day", "open_day", "id", ("UPDATE", "DELETE")),
    Announced("open_day", ANYTHING, "", ("INSERT",)),  # a new day may fall in any period shown
    Announced("basket", "family", "family_id", ("INSERT", "UPDATE")),
    Announced("ledger_entry", "family", "family_id", ("INSERT",)),
    Announced("family", "family", "id", ("UPDATE",)),  # the quotient sets the prices
    Announced("child", "family", "family_id", ("INSERT", "UPDATE")),
    Announced("enrolment", "child", "child_id", ("INSERT", "UPDATE")),
    # The catalogue, the prices and the cash desk change a few times a day: anything may show them.
    *(Announced(table, ANYTHING, "", ("INSERT", "UPDATE", "DELETE"))
      for table in ("activity", "unit", "unit_exclusion", "tariff", "quotient_bracket", "cash_session")),
)

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION desk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    IF TG_ARGV[0] = '{ANYTHING}' THEN
        ids := '{ANYTHING}';
    ELSE
        EXECUTE format('SELECT string_agg(DISTINCT %I::text, '','') FROM changed_rows', TG_ARGV[1]) INTO ids;
        ids := CASE WHEN length(ids) > {MAX_PAYLOAD} THEN '{ANYTHING}' ELSE TG_ARGV[0] || ':' || ids END;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM pg_notify({CHANNEL_OF_SCHEMA.format(schema="TG_TABLE_SCHEMA")}, ids);
    END IF;
    RETURN NULL;
END $$
"""


@dataclass(frozen=True)
class DataChange:
    """What changed: open days, families, children, or possibly anything."""

    open_day_ids: frozenset[int] = frozenset()
    family_ids: frozenset[int] = frozenset()
    child_ids: frozenset[int] = frozenset()
    everything: bool = False
    from_this_desk: bool = False  # committed by this desk's own connections (known on PostgreSQL only)

    @classmethod
    def anything(cls) -> DataChange:
        return cls(everything=True)

    @classmethod
    def from_payload(cls, payload: str, *, from_this_desk: bool = False) -> DataChange:
        kind, _, ids = payload.partition(":")
        try:
            numbers = frozenset(int(part) for part in ids.split(","))
        except ValueError:
            return cls(everything=True, from_this_desk=from_this_desk)
        field = {"open_day": "open_day_ids", "family": "family_ids", "child": "child_ids"}.get(kind)
        if field is None:
            return cls(everything=True, from_this_desk=from_this_desk)
        return cls(**{field: numbers}, from_this_desk=from_this_desk)

    def concerns(self, *, family_id: int, open_day_ids: frozenset[int] = frozenset(),
                 child_ids: frozenset[int] = frozenset()) -> bool:
        return (self.everything or family_id in self.family_ids or not self.open_day_ids.isdisjoint(open_day_ids)
                or not self.child_ids.isdisjoint(child_ids))


# -- the triggers (PostgreSQL only) ---------------------------------------------


def _trigger_name(announced: Announced, action: str) -> str:
    return f"trg_{announced.table}_announce_{action.lower()}"


def _trigger_statements(announced: Announced) -> list[str]:
    statements = []
    for action in announced.events:
        if announced.kind == ANYTHING:  # no ids to read: no transition table to keep
            transition = ""
        else:
            transition = f"REFERENCING {'OLD' if action == 'DELETE' else 'NEW'} TABLE AS changed_rows "
        statements.append(
            f"CREATE TRIGGER {_trigger_name(announced, action)} AFTER {action} ON {announced.table} "
            f"{transition}FOR EACH STATEMENT "
            f"EXECUTE FUNCTION desk_announce_change('{announced.kind}', '{announced.column}')"
        )
    return statements


def attach_to(metadata: MetaData) -> None:
    """Make ``metadata.create_all`` install the same function and triggers as the migrations.

    Migrations keep frozen copies of them (revision 0008 installs the current list):
    changing ``ANNOUNCED`` or the function needs a new revision.
    """
    event.listen(metadata, "before_create", DDL(POSTGRES_FUNCTION.replace("%", "%%")).execute_if(dialect="postgresql"))
    for announced in ANNOUNCED:
        for statement in _trigger_statements(announced):
            event.listen(metadata.tables[announced.table], "after_create",
                         DDL(statement).execute_if(dialect="postgresql"))


# -- watching ------------------------------------------------------------------

ChangeCallback = Callable[[DataChange], None]
StatusCallback = Callable[[bool], None]
log = logging.getLogger(__name__)


class ChangeWatcher(ABC):
    """A daemon thread that calls ``on_change`` from that thread for each change seen,
    and ``on_status`` each time it starts or stops hearing the database.

    Each (re)connection reports "anything": what was committed before it
    listened was never told. Once ``stop()`` is called, nothing more is reported.
    """

    def __init__(self, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 retry_seconds: float = 1.0) -> None:
        self._on_change = on_change
        self._on_status = on_status
        self.retry_seconds = retry_seconds
        self._stopping = threading.Event()
        self.listening = threading.Event()
        self._status_told: bool | None = None
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop reporting at once; wait up to ``timeout`` for the thread to end."""
        self._stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._watch()
            except Exception as error:  # whatever broke, the desk must keep hearing the others
                if self._status_told is not False:
                    log.warning("%s stopped hearing the database: %s", type(self).__name__, error)
                self._set_listening(False)
            self._stopping.wait(self.retry_seconds)

    @abstractmethod
    def _watch(self) -> None:
        """Watch until ``stop()`` or until the database is lost (by raising)."""

    def _report(self, change: DataChange) -> None:
        self._call(self._on_change, change)

    def _set_listening(self, listening: bool) -> None:
        if listening:
            self.listening.set()
        else:
            self.listening.clear()
        if listening != self._status_told:
            self._status_told = listening
            if self._on_status is not None:
                self._call(self._on_status, listening)

    def _call(self, receiver: Callable, value: object) -> None:
        if self._stopping.is_set():
            return  # the receiver may already be gone
        try:
            receiver(value)
        except Exception:  # a receiver's fault must not end the watch
            log.exception("change receiver failed")


class PostgresChangeWatcher(ChangeWatcher):
    """``LISTEN`` on the channel of the tables' schema, on a connection of its own."""

    def __init__(self, database: Database, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 retry_seconds: float = 1.0, wake_seconds: float = 0.25) -> None:
        super().__init__(on_change, on_status=on_status, retry_seconds=retry_seconds)
        self.wake_seconds = wake_seconds  # how soon stop() is noticed
        self.backend_pid: int | None = None  # the server process of the listening connection
        self._own_pids = database.backend_pids  # live: the pool's connections come and go
        args, params = database.engine.dialect.create_connect_args(database.url)
        self._connect_args = args
        self._connect_params = {
            **params,
            "autocommit": True,
            "connect_timeout": LISTENER_CONNECT_TIMEOUT_S,
            "application_name": "desk-listener",
            # A server that vanishes without closing the socket is noticed within about 20 s.
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
        }

    def _watch(self) -> None:
        import psycopg  # only desks on PostgreSQL pay for importing it

        with psycopg.connect(*self._connect_args, **self._connect_params) as connection:
            self._listen(connection)
            self._report(DataChange.anything())
            while not self._stopping.is_set():
                for notification in connection.notifies(timeout=self.wake_seconds):
                    self._report(DataChange.from_payload(notification.payload,
                                                         from_this_desk=notification.pid in self._own_pids))

    def _listen(self, connection: psycopg.Connection) -> None:
        from psycopg import sql

        self.backend_pid = connection.info.backend_pid
        # The schema the tables live in, which the triggers name, whatever else the search path holds.
        channel = connection.execute(
            "SELECT " + CHANNEL_OF_SCHEMA.format(schema="relnamespace::regnamespace::text")
            + " FROM pg_class WHERE oid = to_regclass('booking')").fetchone()
        if channel is None:
            raise LookupError("no desk tables on this search path")
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel[0])))
        self._set_listening(True)


class SqliteChangeWatcher(ChangeWatcher):
    """Polls the file's ``data_version``; a change by any connection but its own moves it."""

    def __init__(self, database: Database, on_change: ChangeCallback, *, on_status: StatusCallback | None = None,
                 poll_seconds: float = 0.5) -> None:
        super().__init__(on_change, on_status=on_status, retry_seconds=poll_seconds)
        # The file as the engine opens it (~ expanded), read-only: the watcher never creates it.
        self._uri = Path(database.engine.url.database or "").resolve().as_uri() + "?mode=ro"

    def _watch(self) -> None:
        connection = sqlite3.connect(self._uri, uri=True, isolation_level=None, timeout=5)
        try:
            seen = connection.execute("PRAGMA data_version").fetchone()[0]
            self._set_listening(True)
            self._report(DataChange.anything())
            while not self._stopping.wait(self.retry_seconds):
                version = connection.execute("PRAGMA data_version").fetchone()[0]
                if version != seen:
                    seen = version
                    self._report(DataChange.anything())
        finally:
            connection.close()


def watch_changes(database: Database, on_change: ChangeCallback,
                  on_status: StatusCallback | None = None) -> ChangeWatcher:
    """Start the watcher that suits the database; ``stop()`` it when done."""
    watcher_class = SqliteChangeWatcher if database.is_sqlite else PostgresChangeWatcher
    return watcher_class(database, on_change, on_status=on_status).start()
