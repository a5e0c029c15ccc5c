"""The migrations build exactly the models' schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from desk.db.base import Base
from desk.db.engine import Database, open_database
from desk.db.migrate import (
    HEAD_REVISION,
    MIGRATIONS_LOCATION,
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
    """Everything the database says about the tables, triggers and functions, in a comparable form."""
    inspector = inspect(engine)
    snapshot: dict[str, Any] = {"triggers and functions": routines(engine)}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        snapshot[table] = {
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


SQLITE_TRIGGERS = "SELECT 'trigger ' || name, sql FROM sqlite_master WHERE type = 'trigger'"
POSTGRES_TRIGGERS = """
    SELECT 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema()
"""
POSTGRES_FUNCTIONS = """
    SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema()
"""


def routines(engine: Engine) -> dict[str, str]:
    """Every trigger (and on PostgreSQL every function) of the schema: its definition, whitespace-normalised."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(SQLITE_TRIGGERS).all()
        else:
            # pg_get_functiondef names the schema, which differs between the two databases compared.
            schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
            rows = [(name, definition.replace(f"{schema}.", ""))
                    for query in (POSTGRES_TRIGGERS, POSTGRES_FUNCTIONS)
                    for name, definition in connection.exec_driver_sql(query)]
    return {name: " ".join(definition.split()) for name, definition in rows}


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


@pytest.fixture
def empty_database(database_url) -> Iterator[Database]:
    database = open_database(database_url, create=True)
    yield database
    database.dispose()


@pytest.fixture
def from_models(second_database_url) -> Iterator[Database]:
    """A database built by ``create_all`` from the models, as the reference."""
    database = open_database(second_database_url, create=True)
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


def test_migrations_produce_the_models_schema(empty_database, from_models):
    ensure_schema(empty_database)

    assert schema_snapshot(empty_database.engine) == schema_snapshot(from_models.engine)
    with empty_database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


# What 0003 and 0006 installed when they were written: frozen, they install nothing else.
_AT_0003 = ("payment", "payment_line", "payment_allocation", "receipt", "ledger_entry", "journal_entry")
TRIGGERS_AT_0006 = {
    "sqlite": {f"trg_{table}_no_{action}" for table in _AT_0003 for action in ("update", "delete")},
    "postgresql": {f"trg_{table}_append_only" for table in _AT_0003} | {
        "trg_booking_announce_insert", "trg_booking_announce_update", "trg_open_day_announce_insert",
        "trg_open_day_announce_update", "trg_open_day_announce_delete", "trg_basket_announce_insert",
        "trg_basket_announce_update", "trg_ledger_entry_announce_insert",
    },
}


def test_a_database_upgraded_one_revision_at_a_time_ends_with_the_fresh_triggers(empty_database, from_models):
    for revision in ("0001", "0002", "0003", "0004", "0005", "0006"):
        upgrade(empty_database, revision)
    triggers = {name.split()[1] for name in routines(empty_database.engine) if name.startswith("trigger ")}
    assert triggers == TRIGGERS_AT_0006[empty_database.engine.dialect.name]

    upgrade(empty_database, "head")

    assert routines(empty_database.engine) == routines(from_models.engine)


def test_no_revision_imports_application_code():
    """A revision must run as it was written; application code it imported would change under it."""
    for path in sorted(Path(MIGRATIONS_LOCATION, "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not [m for m in modules if m.split(".")[0] == "desk"], f"{path.name} imports {modules}"
        assert "import_module" not in path.read_text(encoding="utf-8"), path.name


def test_sealing_starts_after_the_journal_written_before_it(empty_database):
    upgrade(empty_database, "0006")
    with empty_database.engine.begin() as connection:
        for sequence, previous in ((1, None), (2, "1" * 64)):
            connection.execute(
                text("INSERT INTO journal_entry (sequence, kind, created_at, amount_cents, grand_total_in_cents, "
                     "grand_total_out_cents, payload, previous_hash, hash) "
                     "VALUES (:sequence, 'payment', '2026-11-26 09:00:00', 0, 0, 0, '{}', :previous, :hash)"),
                {"sequence": sequence, "previous": previous, "hash": str(sequence) * 64},
            )

    upgrade(empty_database, "head")

    assert _legacy_until(empty_database) == 2


def test_a_new_database_has_no_journal_from_before_sealing(database):
    assert _legacy_until(database) is None


def _legacy_until(database: Database) -> int | None:
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT last_value FROM counter WHERE name = 'journal_legacy_until'")).scalar()


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
    database = open_database(sqlite_url, create=True)
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
    database = open_database(database_url, create=True)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    try:
        with pytest.raises(DatabaseVersionError, match="pas été créées par desk"):
            ensure_schema(database)
        assert "family" not in inspect(database.engine).get_table_names()
    finally:
        database.dispose()


def test_sqlite_backup_is_a_readable_copy(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'desk.sqlite3'}", create=True)
    ensure_schema(database)
    backup = backup_sqlite_file(database, "0001")
    database.dispose()
    copy = open_database(f"sqlite:///{backup}")
    assert schema_state(copy).status is SchemaStatus.CURRENT
    copy.dispose()
    assert backup.name.startswith("desk.avant-0001.")


def test_an_older_database_is_upgraded_with_its_families_indexed(tmp_path):
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}", create=True)
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
