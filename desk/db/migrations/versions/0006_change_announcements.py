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

from desk.db import change_feed

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    change_feed.install(op.get_bind())


def downgrade() -> None:
    change_feed.remove(op.get_bind())
