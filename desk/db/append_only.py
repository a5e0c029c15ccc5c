"""What the database itself refuses, whoever asks: changes to the money and to closed cash sessions.

A recorded payment, its lines, allocations, receipt and reprints, the family
ledger, the journal, the audit trail, the count lines of a closing, the
cheque remittances and the versements to the comptable are append-only: corrections are new rows, and triggers refuse any UPDATE or
DELETE. A cash session is never deleted, no longer changes once closed, and
takes no payment after its closing; a versement's period starts after the
last one's end. On PostgreSQL TRUNCATE skips row
triggers, so statement triggers refuse it on those tables and on the other
tables that hold the history. The journal's hash chain then catches anyone
who goes as far as removing the triggers.

Migrations never import this module: each keeps a frozen copy of the
statements it installs (revision 0008 installs this set). A test proves that
a migrated database and ``create_all`` end with the same triggers and
functions, so a change here needs a new revision.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import Connection, MetaData, Table, event

APPEND_ONLY_TABLES = (
    "payment", "payment_line", "payment_allocation", "receipt", "ledger_entry", "journal_entry",
    "audit_entry", "cash_count_line", "receipt_print", "cheque_remittance", "remitted_cheque", "versement",
)
NOT_TRUNCATED_TABLES = (*APPEND_ONLY_TABLES, "cash_session", "online_payment", "booking", "counter")

APPEND_ONLY = "la table {table} n'accepte que des ajouts (aucune modification ni suppression)"
NOT_TRUNCATED = "la table {table} ne peut pas être vidée"
SESSION_NOT_DELETED = "une session de caisse ne se supprime pas"
SESSION_CLOSED = "une session de caisse clôturée ne se modifie plus"
PAYMENT_IN_CLOSED_SESSION = "la session de caisse est clôturée : aucun paiement ne peut plus y être enregistré"
VERSEMENT_OVERLAP = "cette période est déjà versée au comptable : rien ne se verse deux fois"


class Refusal(NamedTuple):
    """A trigger that refuses ``event`` on ``table`` (where ``condition`` holds) with ``message``."""

    name: str
    table: str
    event: str
    message: str
    condition: str = ""


REFUSALS = (
    *(Refusal(f"trg_{table}_no_{event.lower()}", table, event, APPEND_ONLY.format(table=table))
      for table in APPEND_ONLY_TABLES for event in ("UPDATE", "DELETE")),
    Refusal("trg_cash_session_no_delete", "cash_session", "DELETE", SESSION_NOT_DELETED),
    Refusal("trg_cash_session_closed", "cash_session", "UPDATE", SESSION_CLOSED, "OLD.closed_at IS NOT NULL"),
)
TRUNCATE_REFUSALS = tuple(
    Refusal(f"trg_{table}_no_truncate", table, "TRUNCATE", NOT_TRUNCATED.format(table=table))
    for table in NOT_TRUNCATED_TABLES
)
# SQLite reads the session in the trigger's condition; PostgreSQL reads it, locked, in a function.
SQLITE_PAYMENT_SESSION = Refusal(
    "trg_payment_session_open", "payment", "INSERT", PAYMENT_IN_CLOSED_SESSION,
    "NEW.cash_session_id IS NOT NULL "
    "AND (SELECT closed_at FROM cash_session WHERE id = NEW.cash_session_id) IS NOT NULL",
)
POSTGRES_PAYMENT_SESSION = SQLITE_PAYMENT_SESSION._replace(condition="NEW.cash_session_id IS NOT NULL")
# A versement's period starts after every earlier one ends (PostgreSQL: in a function, which may query).
SQLITE_VERSEMENT_PERIOD = Refusal(
    "trg_versement_period_follows", "versement", "INSERT", VERSEMENT_OVERLAP,
    "NEW.first_day <= (SELECT max(last_day) FROM versement)",
)
POSTGRES_VERSEMENT_PERIOD = SQLITE_VERSEMENT_PERIOD._replace(condition="")

POSTGRES_FUNCTIONS = (
    """
CREATE OR REPLACE FUNCTION desk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END $$
""",
    # FOR SHARE waits for a closing in progress on another desk and then reads the session as it
    # committed, so a payment cannot slip into a session closed at the same moment.
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
    """
CREATE OR REPLACE FUNCTION desk_refuse_versement_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.first_day <= (SELECT max(last_day) FROM versement) THEN
        RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$
""",
)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sqlite_trigger(refusal: Refusal) -> str:
    when = f"WHEN {refusal.condition} " if refusal.condition else ""
    return (f"CREATE TRIGGER {refusal.name} BEFORE {refusal.event} ON {refusal.table} {when}"
            f"BEGIN SELECT RAISE(ABORT, {_literal(refusal.message)}); END")


def _postgres_trigger(refusal: Refusal, function: str = "desk_refuse") -> str:
    level = "STATEMENT" if refusal.event == "TRUNCATE" else "ROW"
    when = f"WHEN ({refusal.condition}) " if refusal.condition else ""
    return (f"CREATE TRIGGER {refusal.name} BEFORE {refusal.event} ON {refusal.table} FOR EACH {level} {when}"
            f"EXECUTE FUNCTION {function}({_literal(refusal.message)})")


def sqlite_statements() -> list[str]:
    return [_sqlite_trigger(refusal) for refusal in (*REFUSALS, SQLITE_PAYMENT_SESSION, SQLITE_VERSEMENT_PERIOD)]


def postgres_statements() -> list[str]:
    return [
        *POSTGRES_FUNCTIONS,
        *(_postgres_trigger(refusal) for refusal in (*REFUSALS, *TRUNCATE_REFUSALS)),
        _postgres_trigger(POSTGRES_PAYMENT_SESSION, "desk_refuse_payment_in_closed_session"),
        _postgres_trigger(POSTGRES_VERSEMENT_PERIOD, "desk_refuse_versement_overlap"),
    ]


def install(connection: Connection) -> None:
    """Create every guard; the tables must exist and have none yet."""
    if connection.dialect.name == "sqlite":
        statements = sqlite_statements()
    else:  # psycopg reads % as a placeholder mark
        statements = [statement.replace("%", "%%") for statement in postgres_statements()]
    for statement in statements:
        connection.exec_driver_sql(statement)


def _install_after_create(_metadata: MetaData, connection: Connection, **_: Any) -> None:
    install(connection)


def attach_to(target: Table | MetaData) -> None:
    """Make ``create_all`` of the target's metadata install the same guards as the migrations.

    The guards span several tables, so they are installed once every table exists,
    whichever table (or the metadata itself) is given, however many times.
    """
    metadata = target if isinstance(target, MetaData) else target.metadata
    if not event.contains(metadata, "after_create", _install_after_create):
        event.listen(metadata, "after_create", _install_after_create)
