"""Announce committed changes to the other desks (PostgreSQL NOTIFY).

Statement triggers on bookings, open days, baskets and the ledger send the
ids of the open days and families touched on the schema's channel, which
each desk's listener hears within a moment of the commit. SQLite has no
notifications; this revision changes nothing there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The function and triggers as they were when this revision was written (revision 0007 replaces them).
# (table, kind of id announced, column holding it, events)
ANNOUNCED = (
    ("booking", "open_day", "open_day_id", ("INSERT", "UPDATE")),
    ("open_day", "open_day", "id", ("INSERT", "UPDATE", "DELETE")),
    ("basket", "family", "family_id", ("INSERT", "UPDATE")),
    ("ledger_entry", "family", "family_id", ("INSERT",)),
)

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION desk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    EXECUTE format('SELECT string_agg(DISTINCT %I::text, '','') FROM changed_rows', TG_ARGV[1]) INTO ids;
    IF ids IS NOT NULL THEN
        PERFORM pg_notify('desk_changes:' || TG_TABLE_SCHEMA,
                          CASE WHEN length(ids) > 7000 THEN '*' ELSE TG_ARGV[0] || ':' || ids END);
    END IF;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(POSTGRES_FUNCTION)
    for table, kind, column, events in ANNOUNCED:
        for action in events:
            transition = "OLD" if action == "DELETE" else "NEW"
            op.execute(
                f"CREATE TRIGGER trg_{table}_announce_{action.lower()} AFTER {action} ON {table} "
                f"REFERENCING {transition} TABLE AS changed_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION desk_announce_change('{kind}', '{column}')"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, _kind, _column, events in ANNOUNCED:
        for action in events:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_announce_{action.lower()} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS desk_announce_change()")
