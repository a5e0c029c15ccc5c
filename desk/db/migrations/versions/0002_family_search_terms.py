"""Family search terms: the normalised words a family is found by, filled for existing families.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.db.search_terms import Person, family_terms

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns this migration reads, as they are at this revision.
family = sa.table("family", sa.column("id"), sa.column("dossier_number"), sa.column("name"),
                  sa.column("phone"), sa.column("email"))
guardian = sa.table("guardian", sa.column("family_id"), sa.column("first_name"), sa.column("last_name"),
                    sa.column("phone"), sa.column("email"))
child = sa.table("child", sa.column("family_id"), sa.column("first_name"), sa.column("last_name"))
search_term = sa.table("family_search_term", sa.column("family_id"), sa.column("kind"), sa.column("term"))


def upgrade() -> None:
    op.create_table('family_search_term',
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=120).with_variant(sa.String(length=120, collation='C'), 'postgresql'), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.CheckConstraint("kind IN ('dossier', 'surname', 'name', 'phone', 'email')", name=op.f('ck_family_search_term_kind_known')),
    sa.CheckConstraint('length(term) > 0', name=op.f('ck_family_search_term_term_not_empty')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_family_search_term_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('family_id', 'term', 'kind', name=op.f('pk_family_search_term'))
    )
    with op.batch_alter_table('family_search_term', schema=None) as batch_op:
        batch_op.create_index('ix_family_search_term_lookup', ['term', 'family_id', 'kind'], unique=False)
    _index_existing_families(op.get_bind())


def _index_existing_families(connection: sa.Connection) -> None:
    people: dict[int, list[Person]] = defaultdict(list)
    for row in connection.execute(sa.select(guardian)):
        people[row.family_id].append(Person(row.first_name, row.last_name, row.phone, row.email))
    for row in connection.execute(sa.select(child)):
        people[row.family_id].append(Person(row.first_name, row.last_name))
    rows = []
    for row in connection.execute(sa.select(family)):
        terms = family_terms(dossier_number=row.dossier_number, family_name=row.name, phone=row.phone,
                             email=row.email, people=people[row.id])
        rows.extend({"family_id": row.id, "kind": kind, "term": term} for term, kind in terms)
        if len(rows) > 20_000:
            connection.execute(sa.insert(search_term), rows)
            rows = []
    if rows:
        connection.execute(sa.insert(search_term), rows)


def downgrade() -> None:
    with op.batch_alter_table('family_search_term', schema=None) as batch_op:
        batch_op.drop_index('ix_family_search_term_lookup')
    op.drop_table('family_search_term')
