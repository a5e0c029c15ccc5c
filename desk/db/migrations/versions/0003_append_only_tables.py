"""Append-only tables: payments, their lines, allocations and receipts, the ledger and the journal.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

from desk.db import append_only

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables as they were when this revision was written.
TABLES = ("payment", "payment_line", "payment_allocation", "receipt", "ledger_entry", "journal_entry")


def upgrade() -> None:
    append_only.install(op.get_bind(), TABLES)


def downgrade() -> None:
    append_only.remove(op.get_bind(), TABLES)
