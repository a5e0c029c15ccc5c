"""The migrations build exactly the models' schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from desk.db.base import Base
from desk.db.engine import open_database
from desk.db.migrate import (
    HEAD_REVISION,
    SchemaStatus,
    backup_sqlite_file,
    ensure_schema,
    head_revision,
    schema_state,
    upgrade,
)
from desk.errors import DatabaseVersionError
from desk.services.search import search_families
from tests.conftest import fresh_schema


def schema_snapshot(engine: Engine) -> dict[str, Any]:
    """Everything the database says about the tables, in a comparable form."""
    inspector = inspect(engine)
    snapshot: dict[str, Any] = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        snapshot[table] = {
            "triggers": sorted(_trigger_names(engine, table)),
            "columns": sorted(
                (c["name"], str(c["type"]).split("(")[0], c["nullable"]) for c in inspector.get_columns(table)
            ),
            "pk": inspector.get_pk_constraint(table)["name"],
            "fks": sorted(
                (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"])
                for fk in inspector.get_foreign_keys(table)
            ),
            "uniques": sorted(
                (u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]), _index_predicate(i))
                for i in inspector.get_indexes(table)
            ),
            "checks": sorted(
                (c["name"], " ".join(c["sqltext"].split())) for c in inspector.get_check_constraints(table)
            ),
        }
    return snapshot


def _trigger_names(engine: Engine, table: str) -> list[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table"
        else:
            query = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                     "AND tgrelid = to_regclass(:table)")
        return list(connection.execute(text(query), {"table": table}).scalars())


def _index_predicate(index: dict[str, Any]) -> str:
    options = index.get("dialect_options", {})
    where = options.get("sqlite_where", options.get("postgresql_where"))
    return " ".join(str(where).split()) if where is not None else ""


@pytest.fixture
def second_database_url(request, database_url, tmp_path):
    """Another empty database of the same kind (on PostgreSQL, another schema)."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{(tmp_path / 'from_models.sqlite3').as_posix()}"
        return
    with fresh_schema(request.getfixturevalue("postgres_server_url")) as url:
        yield url


def test_migrations_produce_the_models_schema(database_url, second_database_url):
    migrated = open_database(database_url)
    from_models = open_database(second_database_url)
    try:
        ensure_schema(migrated)
        Base.metadata.create_all(from_models.engine)

        assert schema_snapshot(migrated.engine) == schema_snapshot(from_models.engine)
        with migrated.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
    finally:
        migrated.dispose()
        from_models.dispose()


def test_every_constraint_is_named_by_the_convention(database):
    inspector = inspect(database.engine)
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        checks = inspector.get_check_constraints(table)
        assert all(c["name"] and c["name"].startswith("ck_") for c in checks), (table, checks)
        assert all(fk["name"].startswith("fk_") for fk in inspector.get_foreign_keys(table))
        assert all(
            u["name"].startswith("uq_") for u in inspector.get_unique_constraints(table)
        ), table


def test_fresh_database_is_upgraded_to_head(database):
    state = schema_state(database)
    assert state.status is SchemaStatus.CURRENT
    assert state.current == head_revision()


def test_the_revision_desk_starts_on_without_alembic_is_the_newest_migration():
    assert head_revision() == HEAD_REVISION, "a new migration: set HEAD_REVISION in desk/db/migrate.py to its revision"


def test_an_up_to_date_database_starts_without_loading_alembic(sqlite_url):
    database = open_database(sqlite_url)
    ensure_schema(database)
    database.dispose()
    script = (f"import sys; from desk.db.engine import open_database; from desk.db.migrate import ensure_schema; "
              f"state = ensure_schema(open_database({sqlite_url!r})); "
              f"print(state.status.name, 'alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["CURRENT", "False"]


def test_a_database_from_a_newer_desk_is_refused_and_left_alone(database):
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    with pytest.raises(DatabaseVersionError, match="plus récente") as caught:
        ensure_schema(database)
    assert "n'a pas été modifiée" in caught.value.hint
    assert schema_state(database).current == "f00dcafe9999"


def test_a_database_of_another_program_is_refused(database_url):
    database = open_database(database_url)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    try:
        with pytest.raises(DatabaseVersionError, match="pas été créées par desk"):
            ensure_schema(database)
        assert "family" not in inspect(database.engine).get_table_names()
    finally:
        database.dispose()


def test_sqlite_backup_is_a_readable_copy(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    ensure_schema(database)
    backup = backup_sqlite_file(database, "0001")
    database.dispose()
    copy = open_database(f"sqlite:///{backup}")
    assert schema_state(copy).status is SchemaStatus.CURRENT
    copy.dispose()
    assert backup.name.startswith("desk.avant-0001.")


def test_an_older_database_is_upgraded_with_its_families_indexed(tmp_path):
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    upgrade(database, "0001")
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO family (id, dossier_number, name, created_at) VALUES (1, 'F-00042', 'D''AGOSTINO', '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO child (family_id, first_name, last_name, birth_date, symbol_index) "
            "VALUES (1, 'Éloïse', 'D''AGOSTINO', '2019-04-01', 0)"
        )
    assert schema_state(database).status is SchemaStatus.OUTDATED

    assert ensure_schema(database).status is SchemaStatus.CURRENT

    backups = list(tmp_path.glob("desk.avant-0001.*.sqlite3"))
    assert len(backups) == 1
    with database.read_session_factory() as session:
        hits = search_families(session, "eloise dagost", date(2026, 11, 26))
    assert [hit.dossier_number for hit in hits] == ["F-00042"]
    database.dispose()
