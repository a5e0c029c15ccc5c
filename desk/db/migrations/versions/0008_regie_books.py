"""The régie towards the comptable public: its act and officers, cheque remittances, versements.

The régie's settings get the acte constitutif (reference, date, authorised
modes, the most cash it may hold, the float); the titulaire and the
mandataires are named agents. Cheque remittances and versements are new
append-only tables, written with journal entries of two new kinds; a trigger
refuses a versement whose period starts on or before the last one's end.
Every desk trigger is dropped and the complete set installed again, as 0007 did.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_BEFORE = ('payment', 'cancellation', 'credit', 'refund', 'correction', 'closing')
KINDS_AFTER = (*KINDS_BEFORE, 'remittance', 'versement')
ALL_MODES = 'cash,cheque,card,ancv,cesu,payfip'


def upgrade() -> None:
    _drop_desk_triggers()
    with op.batch_alter_table('regie_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('act_reference', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('act_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('authorised_modes', sa.String(length=100), server_default=ALL_MODES,
                                      nullable=False))
        batch_op.add_column(sa.Column('max_cash_cents', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('float_cents', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_check_constraint(op.f('ck_regie_settings_max_cash_cents_not_negative'), 'max_cash_cents >= 0')
        batch_op.create_check_constraint(op.f('ck_regie_settings_float_cents_not_negative'), 'float_cents >= 0')
        batch_op.create_check_constraint(op.f('ck_regie_settings_some_mode_authorised'),
                                         'length(authorised_modes) > 0')
    op.create_table(
        'regie_officer',
        sa.Column('agent_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('titulaire', 'mandataire', name='officer_kind', native_enum=False,
                                  create_constraint=True, length=10), nullable=False),
        sa.Column('named_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_regie_officer_agent_id_agent')),
        sa.PrimaryKeyConstraint('agent_id', name=op.f('pk_regie_officer')),
    )
    op.create_index('uq_regie_officer_one_titulaire', 'regie_officer', ['kind'], unique=True,
                    sqlite_where=sa.text("kind = 'titulaire'"), postgresql_where=sa.text("kind = 'titulaire'"))
    op.create_table(
        'cheque_remittance',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('agent_id', sa.Integer(), nullable=True),
        sa.Column('cheque_count', sa.Integer(), nullable=False),
        sa.Column('total_cents', sa.Integer(), nullable=False),
        sa.CheckConstraint('number > 0', name=op.f('ck_cheque_remittance_number_positive')),
        sa.CheckConstraint('cheque_count > 0', name=op.f('ck_cheque_remittance_some_cheque')),
        sa.CheckConstraint('total_cents > 0', name=op.f('ck_cheque_remittance_total_positive')),
        sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_cheque_remittance_agent_id_agent')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cheque_remittance')),
        sa.UniqueConstraint('year', 'number', name=op.f('uq_cheque_remittance_year_number')),
    )
    op.create_table(
        'remitted_cheque',
        sa.Column('payment_line_id', sa.Integer(), nullable=False),
        sa.Column('remittance_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['payment_line_id'], ['payment_line.id'],
                                name=op.f('fk_remitted_cheque_payment_line_id_payment_line')),
        sa.ForeignKeyConstraint(['remittance_id'], ['cheque_remittance.id'],
                                name=op.f('fk_remitted_cheque_remittance_id_cheque_remittance')),
        sa.PrimaryKeyConstraint('payment_line_id', name=op.f('pk_remitted_cheque')),
    )
    op.create_index(op.f('ix_remitted_cheque_remittance_id'), 'remitted_cheque', ['remittance_id'], unique=False)
    amounts = ('cash_cents', 'cheques_cents', 'card_cents', 'online_cents', 'vouchers_cents', 'cash_refunded_cents')
    op.create_table(
        'versement',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('first_day', sa.Date(), nullable=False),
        sa.Column('last_day', sa.Date(), nullable=False),
        sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('agent_id', sa.Integer(), nullable=True),
        *(sa.Column(column, sa.Integer(), nullable=False) for column in amounts),
        sa.Column('total_cents', sa.Integer(), nullable=False),
        sa.Column('receipt_count', sa.Integer(), nullable=False),
        sa.Column('first_receipt', sa.String(length=11), nullable=True),
        sa.Column('last_receipt', sa.String(length=11), nullable=True),
        sa.CheckConstraint('number > 0', name=op.f('ck_versement_number_positive')),
        sa.CheckConstraint('last_day >= first_day', name=op.f('ck_versement_period_ordered')),
        *(sa.CheckConstraint(f'{column} >= 0', name=op.f(f'ck_versement_{column}_not_negative'))
          for column in (*amounts, 'receipt_count')),
        sa.CheckConstraint('total_cents = cash_cents + cheques_cents + card_cents + online_cents + vouchers_cents',
                           name=op.f('ck_versement_total_is_sum')),
        sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_versement_agent_id_agent')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_versement')),
        sa.UniqueConstraint('first_day', name=op.f('uq_versement_first_day')),
        sa.UniqueConstraint('year', 'number', name=op.f('uq_versement_year_number')),
    )
    _replace_kind_check(KINDS_AFTER)
    _install_guards(with_regie_books=True)


def downgrade() -> None:
    _drop_desk_triggers()
    op.execute("DELETE FROM counter WHERE name LIKE 'remittance:%' OR name LIKE 'versement:%' OR name = 'regie_books'")
    _replace_kind_check(KINDS_BEFORE)
    op.drop_table('versement')
    op.drop_index(op.f('ix_remitted_cheque_remittance_id'), table_name='remitted_cheque')
    op.drop_table('remitted_cheque')
    op.drop_table('cheque_remittance')
    op.drop_index('uq_regie_officer_one_titulaire', table_name='regie_officer')
    op.drop_table('regie_officer')
    with op.batch_alter_table('regie_settings', schema=None) as batch_op:
        for name in ('some_mode_authorised', 'float_cents_not_negative', 'max_cash_cents_not_negative'):
            batch_op.drop_constraint(op.f(f'ck_regie_settings_{name}'), type_='check')
        for column in ('float_cents', 'max_cash_cents', 'authorised_modes', 'act_date', 'act_reference'):
            batch_op.drop_column(column)
    _install_guards(with_regie_books=False)


def _replace_kind_check(kinds: tuple[str, ...]) -> None:
    values = ", ".join(f"'{kind}'" for kind in kinds)
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_journal_entry_journal_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_journal_entry_journal_kind'), f"kind IN ({values})")


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
    "audit_entry", "cash_count_line", "receipt_print",
)
REGIE_BOOKS = ("cheque_remittance", "remitted_cheque", "versement")
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
SQLITE_VERSEMENT_GUARD = (
    "CREATE TRIGGER trg_versement_period_follows BEFORE INSERT ON versement "
    "WHEN NEW.first_day <= (SELECT max(last_day) FROM versement) "
    "BEGIN SELECT RAISE(ABORT, 'cette période est déjà versée au comptable : rien ne se verse deux fois'); END",
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
POSTGRES_VERSEMENT_GUARD = (
    """
CREATE OR REPLACE FUNCTION desk_refuse_versement_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.first_day <= (SELECT max(last_day) FROM versement) THEN
        RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$
""",
    "CREATE TRIGGER trg_versement_period_follows BEFORE INSERT ON versement FOR EACH ROW "
    "EXECUTE FUNCTION desk_refuse_versement_overlap("
    "'cette période est déjà versée au comptable : rien ne se verse deux fois')",
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


def _install_guards(*, with_regie_books: bool) -> None:
    append_only = (*APPEND_ONLY_TABLES, *REGIE_BOOKS) if with_regie_books else APPEND_ONLY_TABLES
    if op.get_bind().dialect.name == "sqlite":
        statements = [*_sqlite_append_only(append_only), *SQLITE_GUARDS,
                      *(SQLITE_VERSEMENT_GUARD if with_regie_books else ())]
    else:
        statements = [*POSTGRES_GUARDS, *_postgres_append_only(append_only),
                      *_postgres_no_truncate((*append_only, *NOT_TRUNCATED_TABLES)), ANNOUNCE_FUNCTION, *_announcements(),
                      *(POSTGRES_VERSEMENT_GUARD if with_regie_books else ())]
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
