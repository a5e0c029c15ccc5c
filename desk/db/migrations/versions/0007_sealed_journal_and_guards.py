"""Sealed journal, ticket reprints, reviewed online payments, and the complete set of guards.

The journal gets a seal column, counted from where sealing starts: entries
up to the counter ``journal_legacy_until`` were written before sealing and
before the new journal format (a new database has no such counter). Reprints
of tickets are recorded; an online payment whose answer does not match is
kept as ``disputed`` with the régisseur's review.

Then every desk trigger and function is dropped and the complete set is
installed, so that a database ends identical to a fresh one whatever path it
took (0006 once installed whatever list the application held at the time):
append-only money, journal, audit trail, count lines and reprints; no
TRUNCATE on PostgreSQL; a closed cash session no longer changes and takes no
payment, and no session is deleted; the change announcements.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATES_BEFORE = ('created', 'paid', 'refused', 'abandoned', 'expired', 'late_paid')
STATES_AFTER = (*STATES_BEFORE, 'disputed')


def upgrade() -> None:
    _drop_desk_triggers()
    _add_receipt_print()
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seal', sa.String(length=64), nullable=True))
        batch_op.create_check_constraint(op.f('ck_journal_entry_seal_length'), 'seal IS NULL OR length(seal) = 64')
    with op.batch_alter_table('online_payment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_reason', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('review_note', sa.String(length=300), nullable=True))
        batch_op.create_foreign_key(op.f('fk_online_payment_reviewed_by_id_agent'), 'agent', ['reviewed_by_id'], ['id'])
    _replace_state_check(STATES_AFTER)
    op.execute("INSERT INTO counter (name, last_value) SELECT 'journal_legacy_until', max(sequence) "
               "FROM journal_entry HAVING count(*) > 0")
    _install_guards(with_receipt_print=True)


def downgrade() -> None:
    _drop_desk_triggers()
    op.execute("DELETE FROM counter WHERE name = 'journal_legacy_until'")
    _replace_state_check(STATES_BEFORE)
    with op.batch_alter_table('online_payment', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_online_payment_reviewed_by_id_agent'), type_='foreignkey')
        for column in ('review_note', 'reviewed_by_id', 'reviewed_at', 'review_reason'):
            batch_op.drop_column(column)
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_journal_entry_seal_length'), type_='check')
        batch_op.drop_column('seal')
    with op.batch_alter_table('receipt_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipt_print_receipt_id'))
    op.drop_table('receipt_print')
    _install_guards(with_receipt_print=False)  # a downgraded database keeps the stronger guards


def _add_receipt_print() -> None:
    op.create_table('receipt_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('copy_number', sa.Integer(), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('copy_number >= 1', name=op.f('ck_receipt_print_copy_number_positive')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_receipt_print_agent_id_agent')),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipt.id'], name=op.f('fk_receipt_print_receipt_id_receipt')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipt_print')),
    sa.UniqueConstraint('receipt_id', 'copy_number', name=op.f('uq_receipt_print_receipt_id_copy_number'))
    )
    with op.batch_alter_table('receipt_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receipt_print_receipt_id'), ['receipt_id'], unique=False)


def _replace_state_check(states: tuple[str, ...]) -> None:
    values = ", ".join(f"'{state}'" for state in states)
    with op.batch_alter_table('online_payment', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_online_payment_online_payment_state'), type_='check')
        batch_op.create_check_constraint(op.f('ck_online_payment_online_payment_state'), f"state IN ({values})")


def _drop_desk_triggers() -> None:
    """Whatever desk installed before, by any path (on SQLite, batch mode already dropped some)."""
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 4) = 'trg_'").scalars()
        for name in list(names):
            op.execute(f"DROP TRIGGER {name}")
        return
    functions = connection.exec_driver_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND left(p.proname, 5) = 'desk_'").scalars()
    for function in list(functions):
        op.execute(f"DROP FUNCTION {function} CASCADE")  # with every trigger that calls it


# -- the guards and announcements as they are at this revision (frozen copy) --------------------

APPEND_ONLY_TABLES = (
    "payment", "payment_line", "payment_allocation", "receipt", "ledger_entry", "journal_entry",
    "audit_entry", "cash_count_line",
)
NOT_TRUNCATED_TABLES = ("cash_session", "online_payment", "booking", "counter")

SQLITE_GUARDS = (
    "CREATE TRIGGER trg_cash_session_no_delete BEFORE DELETE ON cash_session "
    "BEGIN SELECT RAISE(ABORT, 'une session de caisse ne se supprime pas'); END",
    "CREATE TRIGGER trg_cash_session_closed BEFORE UPDATE ON cash_session WHEN OLD.closed_at IS NOT NULL "
    "BEGIN SELECT RAISE(ABORT, 'une session de caisse clôturée ne se modifie plus'); END",
    "CREATE TRIGGER trg_payment_session_open BEFORE INSERT ON payment "
    "WHEN NEW.cash_session_id IS NOT NULL "
    "AND (SELECT closed_at FROM cash_session WHERE id = NEW.cash_session_id) IS NOT NULL "
    "BEGIN SELECT RAISE(ABORT, 'la session de caisse est clôturée : aucun paiement ne peut plus y être enregistré'); END",
)

POSTGRES_GUARDS = (
    """
CREATE OR REPLACE FUNCTION desk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END $$
""",
    """
CREATE OR REPLACE FUNCTION desk_refuse_payment_in_closed_session() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    closed timestamptz;
BEGIN
    SELECT closed_at INTO closed FROM cash_session WHERE id = NEW.cash_session_id FOR SHARE;
    IF closed IS NOT NULL THEN
        RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$
""",
    "CREATE TRIGGER trg_cash_session_no_delete BEFORE DELETE ON cash_session FOR EACH ROW "
    "EXECUTE FUNCTION desk_refuse('une session de caisse ne se supprime pas')",
    "CREATE TRIGGER trg_cash_session_closed BEFORE UPDATE ON cash_session FOR EACH ROW "
    "WHEN (OLD.closed_at IS NOT NULL) EXECUTE FUNCTION desk_refuse('une session de caisse clôturée ne se modifie plus')",
    "CREATE TRIGGER trg_payment_session_open BEFORE INSERT ON payment FOR EACH ROW "
    "WHEN (NEW.cash_session_id IS NOT NULL) EXECUTE FUNCTION desk_refuse_payment_in_closed_session("
    "'la session de caisse est clôturée : aucun paiement ne peut plus y être enregistré')",
)

ANNOUNCE_FUNCTION = """
CREATE OR REPLACE FUNCTION desk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    IF TG_ARGV[0] = '*' THEN
        ids := '*';
    ELSE
        EXECUTE format('SELECT string_agg(DISTINCT %I::text, '','') FROM changed_rows', TG_ARGV[1]) INTO ids;
        ids := CASE WHEN length(ids) > 7000 THEN '*' ELSE TG_ARGV[0] || ':' || ids END;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM pg_notify('desk_changes_' || left(md5(TG_TABLE_SCHEMA), 16), ids);
    END IF;
    RETURN NULL;
END $$
"""

# (table, kind of id announced or '*' for anything, column holding it, events)
ANNOUNCED = (
    ("booking", "open_day", "open_day_id", ("INSERT", "UPDATE")),
    ("open_day", "open_day", "id", ("UPDATE", "DELETE")),
    ("open_day", "*", "", ("INSERT",)),
    ("basket", "family", "family_id", ("INSERT", "UPDATE")),
    ("ledger_entry", "family", "family_id", ("INSERT",)),
    ("family", "family", "id", ("UPDATE",)),
    ("child", "family", "family_id", ("INSERT", "UPDATE")),
    ("enrolment", "child", "child_id", ("INSERT", "UPDATE")),
    *((table, "*", "", ("INSERT", "UPDATE", "DELETE"))
      for table in ("activity", "unit", "unit_exclusion", "tariff", "quotient_bracket", "cash_session")),
)


def _install_guards(*, with_receipt_print: bool) -> None:
    append_only = (*APPEND_ONLY_TABLES, "receipt_print") if with_receipt_print else APPEND_ONLY_TABLES
    if op.get_bind().dialect.name == "sqlite":
        statements = [*_sqlite_append_only(append_only), *SQLITE_GUARDS]
    else:
        statements = [*POSTGRES_GUARDS, *_postgres_append_only(append_only),
                      *_postgres_no_truncate((*append_only, *NOT_TRUNCATED_TABLES)), ANNOUNCE_FUNCTION, *_announcements()]
    for statement in statements:
        op.execute(statement)


def _append_only_message(table: str) -> str:
    return f"'la table {table} n''accepte que des ajouts (aucune modification ni suppression)'"


def _sqlite_append_only(tables: tuple[str, ...]) -> list[str]:
    return [f"CREATE TRIGGER trg_{table}_no_{event.lower()} BEFORE {event} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, {_append_only_message(table)}); END"
            for table in tables for event in ("UPDATE", "DELETE")]


def _postgres_append_only(tables: tuple[str, ...]) -> list[str]:
    return [f"CREATE TRIGGER trg_{table}_no_{event.lower()} BEFORE {event} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION desk_refuse({_append_only_message(table)})"
            for table in tables for event in ("UPDATE", "DELETE")]


def _postgres_no_truncate(tables: tuple[str, ...]) -> list[str]:
    return [f"CREATE TRIGGER trg_{table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION desk_refuse('la table {table} ne peut pas être vidée')"
            for table in tables]


def _announcements() -> list[str]:
    statements = []
    for table, kind, column, events in ANNOUNCED:
        for event in events:
            transition = "" if kind == "*" else f"REFERENCING {'OLD' if event == 'DELETE' else 'NEW'} TABLE AS changed_rows "
            statements.append(f"CREATE TRIGGER trg_{table}_announce_{event.lower()} AFTER {event} ON {table} "
                              f"{transition}FOR EACH STATEMENT EXECUTE FUNCTION desk_announce_change('{kind}', '{column}')")
    return statements
