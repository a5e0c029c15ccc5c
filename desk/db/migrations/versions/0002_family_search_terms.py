"""Family search terms: the normalised words a family is found by, filled for existing families.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from alembic import op

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
        people[row.family_id].append((row.first_name, row.last_name, row.phone, row.email))
    for row in connection.execute(sa.select(child)):
        people[row.family_id].append((row.first_name, row.last_name, None, None))
    rows = []
    for row in connection.execute(sa.select(family)):
        terms = _family_terms(dossier_number=row.dossier_number, family_name=row.name, phone=row.phone,
                              email=row.email, people=people[row.id])
        rows.extend({"family_id": row.id, "kind": kind, "term": term} for term, kind in terms)
        if len(rows) > 20_000:
            connection.execute(sa.insert(search_term), rows)
            rows = []
    if rows:
        connection.execute(sa.insert(search_term), rows)


# -- the normalisation of desk.db.search_terms as it was when this revision was written --------

Person = tuple[str, str, str | None, str | None]  # first name, last name, phone, e-mail

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_JOINERS = re.compile(r"['’ʼ‘`\-‐‑–]")
_NOT_TERM = re.compile(r"[^a-z0-9.@_+]")
_DOSSIER = re.compile(r"^f-?0*(\d+)$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _normalise_word(word: str) -> str:
    return _NOT_TERM.sub("", _JOINERS.sub("", _fold(word)))


def _phone_digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+33") or digits.startswith("0033"):
        digits = "0" + digits[4:] if digits.startswith("0033") else "0" + digits[2:]
    return digits


def _name_terms(name: str) -> set[str]:
    parts = [_normalise_word(p) for p in re.split(r"[\s\-‐‑'’ʼ]+", name) if p]
    terms = {p for p in parts if p}
    joined = _normalise_word(name.replace(" ", ""))
    if joined:
        terms.add(joined)
    return terms


def _dossier_terms(dossier_number: str) -> set[str]:
    terms = {_normalise_word(dossier_number)}
    match = _DOSSIER.match(_fold(dossier_number))
    if match:
        digits = _fold(dossier_number).split("-")[-1].lstrip("f")
        terms |= {digits, match.group(1)}
    return terms


def _family_terms(*, dossier_number: str, family_name: str, phone: str | None, email: str | None,
                  people: Iterable[Person]) -> set[tuple[str, str]]:
    terms = {(t, "dossier") for t in _dossier_terms(dossier_number)}
    terms |= {(t, "surname") for t in _name_terms(family_name)}
    phones = {phone} if phone else set()
    emails = {email} if email else set()
    for first_name, last_name, person_phone, person_email in people:
        terms |= {(t, "surname") for t in _name_terms(last_name)}
        terms |= {(t, "name") for t in _name_terms(first_name)}
        phones |= {person_phone} if person_phone else set()
        emails |= {person_email} if person_email else set()
    terms |= {(_phone_digits(p), "phone") for p in phones if _phone_digits(p)}
    terms |= {(_normalise_word(e), "email") for e in emails if _normalise_word(e)}
    surnames = {t for t, kind in terms if kind == "surname"}
    return {(t, kind) for t, kind in terms if not (kind == "name" and t in surnames)}


def downgrade() -> None:
    with op.batch_alter_table('family_search_term', schema=None) as batch_op:
        batch_op.drop_index('ix_family_search_term_lookup')
    op.drop_table('family_search_term')
