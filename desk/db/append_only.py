"""Tables whose rows are never updated or deleted, enforced by the database itself.

A recorded payment, its lines, allocations and receipt, the family ledger and
the journal are append-only: corrections are new rows. Triggers refuse any
UPDATE or DELETE, whoever issues it; the journal's hash chain then catches
anyone who goes as far as removing the triggers.
"""

from __future__ import annotations

from sqlalchemy import DDL, Connection, Table, event

APPEND_ONLY_TABLES = ("payment", "payment_line", "payment_allocation", "receipt", "ledger_entry", "journal_entry")

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION desk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'la table % n''accepte que des ajouts (aucune modification ni suppression)', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$
"""


def sqlite_statements(table: str) -> list[str]:
    message = f"la table {table} n''accepte que des ajouts (aucune modification ni suppression)"
    return [
        f"CREATE TRIGGER trg_{table}_no_{action.lower()} BEFORE {action} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        for action in ("UPDATE", "DELETE")
    ]


def postgres_statements(table: str) -> list[str]:
    return [
        POSTGRES_FUNCTION,
        f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION desk_refuse_change()",
    ]


def install(connection: Connection, tables: tuple[str, ...] = APPEND_ONLY_TABLES) -> None:
    """Create the triggers (used by the migration)."""
    for table in tables:
        if connection.dialect.name == "sqlite":
            statements = sqlite_statements(table)
        else:  # psycopg reads % as a placeholder mark
            statements = [s.replace("%", "%%") for s in postgres_statements(table)]
        for statement in statements:
            connection.exec_driver_sql(statement)


def remove(connection: Connection, tables: tuple[str, ...] = APPEND_ONLY_TABLES) -> None:
    for table in tables:
        if connection.dialect.name == "sqlite":
            for action in ("update", "delete"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{table}_no_{action}")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
    if connection.dialect.name != "sqlite":
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS desk_refuse_change()")


def attach_to(table: Table) -> None:
    """Make ``metadata.create_all`` install the same triggers as the migrations."""
    for statement in sqlite_statements(table.name):
        event.listen(table, "after_create", DDL(statement).execute_if(dialect="sqlite"))
    for statement in postgres_statements(table.name):
        event.listen(table, "after_create", DDL(statement.replace("%", "%%")).execute_if(dialect="postgresql"))
