"""Cash count lines: the closing count of a cash-desk session, by denomination.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('cash_count_line',
    sa.Column('cash_session_id', sa.Integer(), nullable=False),
    sa.Column('denomination_cents', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint('count > 0', name=op.f('ck_cash_count_line_count_positive')),
    sa.CheckConstraint('denomination_cents > 0', name=op.f('ck_cash_count_line_denomination_positive')),
    sa.ForeignKeyConstraint(['cash_session_id'], ['cash_session.id'], name=op.f('fk_cash_count_line_cash_session_id_cash_session')),
    sa.PrimaryKeyConstraint('cash_session_id', 'denomination_cents', name=op.f('pk_cash_count_line'))
    )


def downgrade() -> None:
    op.drop_table('cash_count_line')
