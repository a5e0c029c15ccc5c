"""Opening the database: URL checks, SQLite pragmas, session factories.

``open_database(url)`` is the only way the application gets a database. It
turns every problem a user can meet (a wrong address, a server that does not
answer, a folder it cannot write, a file that is not a database) into a
``DeskError`` with a French message, and never modifies a file it cannot read.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desk.errors import DatabaseConfigError, DatabaseUnavailableError

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
    if driver.startswith("sqlite") and parsed.database in (None, "", ":memory:"):
        raise DatabaseConfigError(
            "Une base SQLite doit être un fichier.",
            "Indiquez un chemin, par exemple sqlite:///C:/desk/desk.sqlite3.",
        )
    return parsed


def open_database(url: str | URL, *, check: bool = True) -> Database:
    """Open the database at ``url``; with ``check``, prove it answers now."""
    parsed = normalise_url(url)
    engine = _sqlite_engine(parsed) if parsed.drivername.startswith("sqlite") else _postgres_engine(parsed)
    read_engine = engine.execution_options(sqlite_begin="DEFERRED")
    database = Database(
        url=parsed,
        engine=engine,
        read_engine=read_engine,
        session_factory=sessionmaker(engine, expire_on_commit=False),
        read_session_factory=sessionmaker(read_engine, expire_on_commit=False),
    )
    if check:
        check_connection(database)
    return database


def check_connection(database: Database) -> None:
    """Run a trivial query; translate failure into a message the user can act on."""
    try:
        with database.read_engine.connect() as connection:
            if database.is_sqlite:
                # A damaged or foreign file only shows itself when a page is read.
                connection.execute(text("SELECT count(*) FROM sqlite_master"))
            else:
                connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        database.dispose()
        raise explain_connection_error(database.url, exc) from exc


def explain_connection_error(url: URL, exc: DBAPIError) -> DatabaseUnavailableError:
    detail = str(exc.orig).lower()
    if url.drivername.startswith("sqlite"):
        if "not a database" in detail or "malformed" in detail or "encrypted" in detail:
            return DatabaseUnavailableError(
                f"Le fichier « {url.database} » n'est pas une base de données desk lisible "
                "(fichier endommagé ou d'un autre logiciel). Il n'a pas été modifié.",
                "Restaurez la dernière sauvegarde ou indiquez un autre fichier avec --database-url.",
            )
        return DatabaseUnavailableError(
            f"Impossible d'ouvrir le fichier de base de données « {url.database} ».",
            "Vérifiez que le fichier n'est pas ouvert par un autre programme et que vous avez "
            "le droit de l'écrire.",
        )
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "password" in detail or "authentication" in detail or "role" in detail:
        return DatabaseUnavailableError(
            f"Le serveur PostgreSQL {where} a refusé la connexion de « {url.username} ».",
            "Vérifiez l'utilisateur et le mot de passe de l'adresse de base de données.",
        )
    if "database" in detail and "does not exist" in detail:
        return DatabaseUnavailableError(
            f"La base « {url.database} » n'existe pas sur le serveur PostgreSQL {where}.",
            "Demandez à l'administrateur de la créer, ou corrigez le nom dans l'adresse.",
        )
    return DatabaseUnavailableError(
        f"Le serveur PostgreSQL {where} ne répond pas.",
        "Vérifiez que le serveur est démarré, que le réseau fonctionne et que l'adresse est "
        "juste, puis réessayez.",
    )


def _sqlite_engine(url: URL) -> Engine:
    path = Path(url.database or "").expanduser()
    _ensure_writable_folder(path.parent)
    url = url.set(database=str(path))
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
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=POSTGRES_POOL_SIZE,
        max_overflow=POSTGRES_POOL_OVERFLOW,
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S, "application_name": "desk"},
    )


def _ensure_writable_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"Impossible de créer le dossier de données « {folder} » ({exc.strerror}).",
            "Choisissez un autre emplacement avec --database-url ou DESK_DATABASE_URL.",
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnavailableError(
            f"Le dossier de données « {folder} » n'est pas accessible en écriture.",
            "Demandez les droits d'écriture sur ce dossier ou choisissez un autre emplacement "
            "avec --database-url.",
        )
