"""Schema versions: upgrade an older database, refuse a newer one.

The migrations ship inside the package (``desk/db/migrations``) and run on a
connection desk opened itself, so no ``alembic.ini`` is needed in production.
"""

from __future__ import annotations

import enum
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from desk.db.engine import Database
from desk.errors import DatabaseVersionError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_LOCATION = str(Path(__file__).with_name("migrations"))
# The schema this version of desk is built for: the newest migration it ships
# (a test keeps the two equal). Knowing it lets a desk start on an up-to-date
# database without loading Alembic and its scripts, a tenth of a second.
HEAD_REVISION = "0008"


class SchemaStatus(enum.Enum):
    EMPTY = "empty"
    OUTDATED = "outdated"
    CURRENT = "current"
    NEWER = "newer"
    FOREIGN = "foreign"  # tables that desk did not create


@dataclass(frozen=True)
class SchemaState:
    status: SchemaStatus
    current: str | None
    head: str


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_LOCATION)
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "desk ships at least one migration"
    return head


def schema_state(database: Database) -> SchemaState:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    with database.read_engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    if current is None:
        status = SchemaStatus.FOREIGN if tables - {"alembic_version"} else SchemaStatus.EMPTY
    elif current == head:
        status = SchemaStatus.CURRENT
    elif _is_known(script, current):
        status = SchemaStatus.OUTDATED
    else:
        status = SchemaStatus.NEWER
    return SchemaState(status=status, current=current, head=head)


def _is_known(script: ScriptDirectory, revision: str) -> bool:
    return any(item.revision == revision for item in script.walk_revisions())


def ensure_schema(database: Database) -> SchemaState:
    """Bring the database to this version's schema, or explain why it cannot.

    An older SQLite file is copied next to itself before it is upgraded, so
    an upgrade that goes wrong never costs a town its data.
    """
    if _recorded_revision(database) == HEAD_REVISION:
        return SchemaState(status=SchemaStatus.CURRENT, current=HEAD_REVISION, head=HEAD_REVISION)
    state = schema_state(database)
    if state.status is SchemaStatus.NEWER:
        raise DatabaseVersionError(
            "Cette base de données a été mise à jour par une version plus récente de desk "
            f"(schéma {state.current}) ; cette version ne connaît que le schéma {state.head}.",
            "Installez la dernière version de desk sur ce poste. La base n'a pas été modifiée.",
        )
    if state.status is SchemaStatus.FOREIGN:
        raise DatabaseVersionError(
            "Cette base de données contient des tables qui n'ont pas été créées par desk.",
            "Indiquez une base vide ou une base desk. La base n'a pas été modifiée.",
        )
    if state.status is SchemaStatus.OUTDATED and database.is_sqlite:
        backup_sqlite_file(database, state.current or "inconnu")
    if state.status is not SchemaStatus.CURRENT:
        upgrade(database)
    return schema_state(database)


def _recorded_revision(database: Database) -> str | None:
    """The revision stamped in the database, or None where there is no stamp to read."""
    try:
        with database.read_engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no such table: an empty or foreign database, which schema_state tells apart
        return None


def upgrade(database: Database, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def backup_sqlite_file(database: Database, revision: str) -> Path:
    source = Path(database.url.database or "")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.avant-{revision}.{stamp}{source.suffix}")
    # SQLite's online backup copies a consistent state, WAL pages included.
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(target)) as copy:
        live.backup(copy)
    return target
