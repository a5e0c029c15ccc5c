"""Booking lookup by child and open day, for the planning grid of a large town.

The planning asks for a family's live bookings with the states as bound
parameters, which the partial unique index cannot serve: on 100 000 families
SQLite fell back to scanning every booking of each open day of the month.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_booking_child_id_open_day_id', 'booking', ['child_id', 'open_day_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_booking_child_id_open_day_id', table_name='booking')
