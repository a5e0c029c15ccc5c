"""Opening the database: URL checks, SQLite pragmas, session factories.

``open_database(url)`` is the only way the application gets a database. It
turns every problem a user can meet (a wrong address, a server that does not
answer, a folder it cannot write, a file that is not a database) into a
``DeskError`` with a French message; ``explain_database_error`` does the same
for a failure met later, during an action. A SQLite file is recognised,
read-only, as an empty or a desk database before anything writes to it: the
WAL switch of the first connection rewrites the file's header.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desk.db import pipeline
from desk.errors import (
    DatabaseConfigError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    DatabaseVersionError,
    DeskError,
)

SUPPORTED_DRIVERS = {
    "sqlite": "sqlite+pysqlite",
    "sqlite+pysqlite": "sqlite+pysqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}

# How long a SQLite writer waits for another desk's transaction before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10_000
POSTGRES_CONNECT_TIMEOUT_S = 5
# A desk works on at most five threads at once (the agent's action, two background
# readers, two searches): it keeps three connections and opens three more at a
# peak, so a server's default 100 connections serve some twenty desks.
POSTGRES_POOL_SIZE = 3
POSTGRES_POOL_OVERFLOW = 3
# A pooled connection idle this long is pinged before use (a server restarted, a VPN that
# dropped it); one used more recently goes straight to work: at 20 ms of round trip a ping
# before every action would cost each of them 20 ms.
POSTGRES_PING_AFTER_IDLE_S = 15.0

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
# What the file, its disk or another desk can cause; any other code (SQLITE_ERROR: no such column…) is a bug.
SQLITE_FAILURES = (
    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN",
    "SQLITE_PERM", *SQLITE_DAMAGED,
)
# PostgreSQL error states (SQLSTATE) that say what to do at the counter; {where} is the server.
POSTGRES_STATES: dict[str, tuple[type[DeskError], str, str]] = {
    "53100": (
        DatabaseFullError,
        "Le disque du serveur PostgreSQL {where} est plein",
        "Prévenez l'administrateur du serveur : il faut y libérer de la place avant de continuer.",
    ),
    "25006": (
        DatabaseReadOnlyError,
        "Le serveur PostgreSQL {where} n'accepte que des lectures (serveur de secours ou base en lecture seule)",
        "Indiquez l'adresse du serveur principal, ou demandez à l'administrateur de rouvrir la base en écriture.",
    ),
    # A transaction that lost a race with another desk's: serialisation, deadlock, lock or statement timeout.
    **dict.fromkeys(("40001", "40P01", "55P03", "57014"), (
        DatabaseLockedError,
        "La base de données est occupée : un autre poste modifiait les mêmes données au même moment",
        "Refaites l'action dans un instant.",
    )),
}


class CommitCount:
    """A counter bumped after every commit, from any thread."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def __call__(self, _session: Session) -> None:
        with self._lock:
            self.value += 1


@dataclass(frozen=True)
class Database:
    """An opened database and its two session factories.

    ``session_factory`` is for user actions that may write: on SQLite its
    transactions start with ``BEGIN IMMEDIATE``, so two desks never deadlock
    upgrading a read lock to a write lock. ``read_session_factory`` is for
    read-only work (searches, grids) and never takes the write lock.
    """

    url: URL
    engine: Engine
    read_engine: Engine
    session_factory: sessionmaker[Session]
    read_session_factory: sessionmaker[Session]
    # PostgreSQL server processes of this desk's own connections: the change feed knows its own echo by them.
    backend_pids: set[int] = field(default_factory=set)
    # How many transactions this process has committed through ``session_factory``.
    commit_count: CommitCount = field(default_factory=lambda: CommitCount())

    @property
    def commits(self) -> int:
        """What was read at one count is all this desk changed while the count stays
        (another desk's changes come by the change feed)."""
        return self.commit_count.value

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def describe(self) -> str:
        """A short French description for the status bar."""
        if self.is_sqlite:
            return f"SQLite : {self.url.database}"
        return f"PostgreSQL : {self.url.host or 'localhost'}:{self.url.port or 5432}/{self.url.database}"

    def dispose(self) -> None:
        self.engine.dispose()


def normalise_url(url: str | URL) -> URL:
    """Parse ``url`` and pick the driver desk ships with; refuse anything else."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError as exc:
        raise DatabaseConfigError(
            f"L'adresse de base de données « {url} » n'est pas valide.",
            "Exemples : sqlite:///C:/desk/desk.sqlite3 ou "
            "postgresql://utilisateur@serveur:5432/desk",
        ) from exc
    driver = SUPPORTED_DRIVERS.get(parsed.drivername)
    if driver is None:
        raise DatabaseConfigError(
            f"Le type de base de données « {parsed.drivername} » n'est pas pris en charge.",
            "desk fonctionne avec SQLite (sqlite:///chemin/du/fichier) "
            "ou PostgreSQL (postgresql://utilisateur@serveur/base).",
        )
    parsed = parsed.set(drivername=driver)
    if not driver.startswith("sqlite"):
        return parsed
    if parsed.database in (None, "", ":memory:"):
        raise DatabaseConfigError(
            "Une base SQLite doit être un fichier.",
            "Indiquez un chemin, par exemple sqlite:///C:/desk/desk.sqlite3.",
        )
    return parsed.set(database=str(Path(parsed.database).expanduser()))


def open_database(url: str | URL, *, check: bool = True, create: bool = False) -> Database:
    """Open the database at ``url``; with ``check``, prove it answers now.

    With ``check``, a SQLite file is first recognised without writing to it: a
    damaged or foreign file is refused untouched, and a missing or empty one
    raises DatabaseMissingError unless ``create`` allows a new database there.
    Without ``check``, nothing is read or created before the first connection.
    """
    parsed = normalise_url(url)
    if parsed.drivername.startswith("sqlite"):
        if check:
            _prepare_sqlite_file(parsed, create=create)
        engine = _sqlite_engine(parsed)
    else:
        engine = _postgres_engine(parsed)
    # Reads on PostgreSQL run without BEGIN and ROLLBACK (``desk.db.pipeline``).
    read_engine = engine.execution_options(
        **({"sqlite_begin": "DEFERRED"} if engine.dialect.name == "sqlite" else {pipeline.READS_ONLY: True}))
    database = Database(
        url=parsed,
        engine=engine,
        read_engine=read_engine,
        session_factory=sessionmaker(engine, expire_on_commit=False),
        read_session_factory=sessionmaker(read_engine, expire_on_commit=False),
    )
    event.listen(database.session_factory, "after_commit", database.commit_count)
    if not database.is_sqlite:
        _track_backend_pids(database)
    if check:
        check_connection(database)
    return database


def _track_backend_pids(database: Database) -> None:
    """Keep ``database.backend_pids`` to the server processes of the pool's open connections."""
    pids = database.backend_pids

    def connected(dbapi_connection, record) -> None:
        record.info["backend_pid"] = dbapi_connection.info.backend_pid
        pids.add(record.info["backend_pid"])

    def closed(_dbapi_connection, record) -> None:
        pids.discard(record.info.pop("backend_pid", None))

    event.listen(database.engine, "connect", connected)
    event.listen(database.engine, "close", closed)


def check_connection(database: Database) -> None:
    """Run a trivial query; translate failure into a message the user can act on."""
    try:
        with database.read_engine.connect() as connection:
            if database.is_sqlite:
                # Damage past the first page only shows itself when a page is read.
                connection.execute(text("SELECT count(*) FROM sqlite_master"))
            else:
                connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        database.dispose()
        raise explain_database_error(database.url, exc) from exc


def is_database_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is the database failing (unreachable, locked, full, read-only, damaged), not a bug."""
    name = _sqlite_error_name(getattr(exc, "orig", exc))
    if name:
        return name.startswith(SQLITE_FAILURES)
    return isinstance(exc, (OperationalError, InterfaceError))


@contextmanager
def database_failures_explained(url: URL, *, hint_suffix: str = "") -> Iterator[None]:
    """A database failure within the block, one unit of work, becomes the DeskError that explains it."""
    try:
        yield
    except Exception as exc:
        if not is_database_failure(exc):
            raise
        explained = explain_database_error(url, exc, during_action=True)
        if hint_suffix:
            explained = type(explained)(explained.message, f"{explained.hint} {hint_suffix}")
        raise explained from exc


def explain_database_error(url: URL, exc: BaseException, *, during_action: bool = False) -> DeskError:
    """The DeskError that says what happened to the database at ``url`` and what to do.

    ``during_action`` says ``exc`` interrupted one unit of work, rolled back:
    the message then says that nothing was recorded, except where a connection
    lost during the commit leaves that in doubt.
    """
    if url.drivername.startswith("sqlite"):
        diagnosis = _sqlite_diagnosis(url.database or "", getattr(exc, "orig", exc))
    else:
        diagnosis = _postgres_diagnosis(url, exc)
    return diagnosis.error(during_action=during_action)


@dataclass(frozen=True)
class _Diagnosis:
    kind: type[DeskError]
    cause: str  # one clause, without the final full stop
    hint: str
    rolled_back: bool = True

    def error(self, *, during_action: bool = False) -> DeskError:
        if during_action and self.rolled_back:
            return self.kind(f"{self.cause}. Rien n'a été enregistré.", self.hint)
        return self.kind(f"{self.cause}.", self.hint)


def _sqlite_error_name(error: BaseException | None) -> str:
    return getattr(error, "sqlite_errorname", "")


def _sqlite_diagnosis(path: str, error: BaseException) -> _Diagnosis:
    name = _sqlite_error_name(error)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return _Diagnosis(
            DatabaseLockedError,
            f"Le fichier de base de données « {path} » est occupé par un autre poste "
            f"depuis plus de {SQLITE_BUSY_TIMEOUT_MS / 1000:g} secondes",
            "Réessayez dans un instant. Si cela dure, vérifiez qu'aucun autre programme (sauvegarde, antivirus, "
            "synchronisation de fichiers) ne garde ce fichier ouvert.",
        )
    if name.startswith("SQLITE_READONLY"):
        return _read_only_file(path)
    if name == "SQLITE_FULL":
        return _Diagnosis(
            DatabaseFullError,
            f"Le disque qui contient la base de données « {path} » est plein",
            "Libérez de la place sur ce disque (ou demandez-le au service informatique), puis réessayez.",
        )
    if name in SQLITE_DAMAGED:
        return _Diagnosis(
            DatabaseUnavailableError,
            f"Le fichier de base de données « {path} » est endommagé",
            "Restaurez la dernière sauvegarde ou indiquez un autre fichier avec --database-url.",
        )
    return _Diagnosis(
        DatabaseUnavailableError,
        f"La base de données ne répond pas : impossible de lire ou d'écrire le fichier « {path} »",
        "Vérifiez que le fichier est toujours accessible (clé USB, partage réseau) et que ce poste a le droit "
        "de l'écrire, puis réessayez.",
    )


def _read_only_file(path: str) -> _Diagnosis:
    return _Diagnosis(
        DatabaseReadOnlyError,
        f"Le fichier de base de données « {path} » est en lecture seule",
        f"Donnez à ce poste le droit d'écrire ce fichier et son dossier (desk y crée aussi « {Path(path).name}-wal » "
        f"et « {Path(path).name}-shm »), ou copiez la base dans un dossier où vous pouvez écrire.",
    )


def _postgres_diagnosis(url: URL, exc: BaseException) -> _Diagnosis:
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    orig = getattr(exc, "orig", exc)
    detail = str(orig).lower()
    state = getattr(orig, "sqlstate", None) or ""
    if state in POSTGRES_STATES:
        kind, cause, hint = POSTGRES_STATES[state]
        return _Diagnosis(kind, cause.format(where=where), hint)
    if "password" in detail or "authentication" in detail or "role" in detail:
        return _Diagnosis(
            DatabaseUnavailableError,
            f"Le serveur PostgreSQL {where} a refusé la connexion de « {url.username} »",
            "Vérifiez l'utilisateur et le mot de passe de l'adresse de base de données.",
        )
    if "database" in detail and "does not exist" in detail:
        return _Diagnosis(
            DatabaseUnavailableError,
            f"La base « {url.database} » n'existe pas sur le serveur PostgreSQL {where}",
            "Demandez à l'administrateur de la créer, ou corrigez le nom dans l'adresse.",
        )
    if "too many clients" in detail:
        return _Diagnosis(
            DatabaseUnavailableError,
            f"Le serveur PostgreSQL {where} refuse toute nouvelle connexion : trop de postes sont connectés",
            "Réessayez dans un instant ; si cela se reproduit, demandez à l'administrateur d'augmenter "
            "max_connections sur le serveur.",
        )
    if isinstance(exc, DBAPIError) and exc.connection_invalidated and (
            exc.statement is None or pipeline.commit_in_doubt(exc.orig)):
        # Lost at COMMIT, alone or sent with a batch (a failed connect is not invalidated): the server may
        # have committed.
        return _Diagnosis(
            DatabaseUnavailableError,
            f"La base de données ne répond plus : la connexion au serveur PostgreSQL {where} a été coupée "
            "pendant l'enregistrement, qui a pu aboutir ou non",
            "Quand le serveur répondra de nouveau, rouvrez le dossier pour voir ce qui a été enregistré "
            "avant de refaire l'action.",
            rolled_back=False,
        )
    return _Diagnosis(
        DatabaseUnavailableError,
        f"La base de données ne répond pas : le serveur PostgreSQL {where} est injoignable",
        "Vérifiez que le serveur est démarré, que le réseau fonctionne et que l'adresse est juste, puis réessayez.",
    )


def _prepare_sqlite_file(url: URL, *, create: bool) -> None:
    """Check, reading only, that desk may use the file; make its folder if it may create it."""
    path = Path(url.database or "")
    if _holds_no_database(path):
        if not create:
            raise _missing(path)
        _ensure_writable_folder(path.parent)
        return
    _recognise_sqlite_file(url, path)
    _ensure_writable_folder(path.parent)
    if not os.access(path, os.W_OK):
        raise _read_only_file(str(path)).error()


def _holds_no_database(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def _missing(path: Path) -> DatabaseMissingError:
    state = "est vide (0 octet)" if path.exists() else "n'existe pas"
    return DatabaseMissingError(
        f"Le fichier de base de données « {path} » {state}.",
        "Vérifiez le chemin de la base : une faute de frappe, un disque réseau ou une clé USB absent ?",
        str(path),
    )


def _recognise_sqlite_file(url: URL, path: Path) -> None:
    """Refuse, without writing a byte, a file that is neither an empty SQLite database nor a desk one."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"Impossible de lire le fichier « {path} » ({exc.strerror}).",
            "Vérifiez qu'il s'agit bien d'un fichier et que ce poste a le droit de le lire.",
        ) from exc
    if header != SQLITE_HEADER:
        raise _not_a_database(path)
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)) as file:
            names = {name for (name,) in file.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as exc:
        if _sqlite_error_name(exc) in SQLITE_DAMAGED:
            raise _not_a_database(path) from exc
        raise explain_database_error(url, exc) from exc
    if names and "alembic_version" not in names:
        raise DatabaseVersionError(
            f"Le fichier « {path} » est une base SQLite d'un autre logiciel, pas une base desk. "
            "Il n'a pas été modifié.",
            "Indiquez le fichier d'une base desk, ou un nouveau fichier pour créer une base vide.",
        )


def _read_only_uri(path: Path) -> str:
    # Where no -wal or -journal file holds pending pages, ``immutable`` reads the file alone: a
    # read-only connection to a WAL-mode file otherwise leaves -wal and -shm files beside it.
    pending = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal"))
    return path.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")


def _not_a_database(path: Path) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        f"Le fichier « {path} » n'est pas une base de données desk lisible "
        "(fichier endommagé ou d'un autre logiciel). Il n'a pas été modifié.",
        "Restaurez la dernière sauvegarde ou indiquez un autre fichier avec --database-url.",
    )


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (the documented recipe),
    # so that writes can begin IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _postgres_engine(url: URL) -> Engine:
    engine = create_engine(
        url,
        pool_size=POSTGRES_POOL_SIZE,
        max_overflow=POSTGRES_POOL_OVERFLOW,
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S, "application_name": "desk"},
    )
    pipeline.install(engine)
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", _ping_if_idle(engine))
    return engine


def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info["desk_idle_since"] = time.monotonic()


def _ping_if_idle(engine: Engine) -> Callable[[Any, Any, Any], None]:
    """SQLAlchemy's pessimistic disconnect handling, for connections idle ``POSTGRES_PING_AFTER_IDLE_S``:
    a dead one is discarded and the pool hands out another (``DisconnectionError``)."""
    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("desk_idle_since")
        if idle_since is None or time.monotonic() - idle_since < POSTGRES_PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            if engine.dialect.is_disconnect(exc, dbapi_connection, None):
                raise DisconnectionError() from exc
            raise

    return checkout


def _ensure_writable_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"Impossible de créer le dossier de données « {folder} » ({exc.strerror}).",
            "Choisissez un autre emplacement avec --database-url ou DESK_DATABASE_URL.",
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseReadOnlyError(
            f"Le dossier de données « {folder} » n'est pas accessible en écriture.",
            "desk doit pouvoir y créer la base et ses fichiers -wal et -shm : demandez les droits d'écriture "
            "sur ce dossier ou choisissez un autre emplacement avec --database-url.",
        )
