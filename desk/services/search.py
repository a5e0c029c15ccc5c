"""Family search: one box, any word of any member, ranked, at most 50 results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, case, delete, func, insert, select
from sqlalchemy.orm import Session

from desk.db.models import Child, Family, FamilySearchTerm
from desk.db.search_terms import DOSSIER, PREFIX_END, SURNAME, Person, family_terms, query_words

MAX_RESULTS = 50
# What of a query is read: the first characters, then its longest words (the most selective),
# so that a pasted page costs no more than a usual query.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 6

# Rank of a match, best first.
EXACT_DOSSIER, EXACT_SURNAME, EXACT_WORD, PREFIX = 0, 1, 2, 3


@dataclass(frozen=True)
class ChildBrief:
    first_name: str
    age: int
    symbol_index: int


@dataclass(frozen=True)
class FamilyHit:
    family_id: int
    name: str
    dossier_number: str
    phone: str | None
    children: tuple[ChildBrief, ...]
    rank: int

    def children_text(self) -> str:
        """``Noah (8 ans), Léa (6 ans)``."""
        return ", ".join(f"{c.first_name} ({age_text(c.age)})" for c in self.children)


def age_text(years: int) -> str:
    return f"{years} an" if years < 2 else f"{years} ans"


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def search_families(session: Session, query: str, today: date, limit: int = MAX_RESULTS) -> list[FamilyHit]:
    """Families matching every word of ``query`` by prefix, best ranked first.

    A family ranks by its best word: an exact dossier number, then an exact
    surname, then any exact word, then prefixes; ties go in alphabetical order.
    The longest word drives the search through the term index; each other word
    is then checked family by family, which keeps a short second word (``dur
    no``) from widening the work on either database.
    """
    words = sorted(set(query_words(query[:MAX_QUERY_LENGTH])), key=lambda w: (-len(w), w))[:MAX_QUERY_WORDS]
    if not words:
        return []
    driver = _matches_of(words[0]).subquery("driver")
    others = [_rank_in_family(word, driver.c.family_id).label(f"rank{n}") for n, word in enumerate(words[1:], start=1)]
    # OFFSET 0 keeps both planners from inlining the per-family checks into every use of their result.
    candidates = select(driver.c.family_id, driver.c.rank, *others).offset(0).subquery("candidates")
    rank = candidates.c.rank
    for column in candidates.c[2:]:
        rank = case((column < rank, column), else_=rank)
    rows = session.execute(
        select(Family.id, Family.name, Family.dossier_number, Family.phone, rank.label("rank"))
        .join(candidates, candidates.c.family_id == Family.id)
        .where(*(column.is_not(None) for column in candidates.c[2:]))
        .order_by(rank, Family.name, Family.dossier_number)
        .limit(limit)
    ).all()
    children = _children_of(session, [row.id for row in rows], today)
    return [
        FamilyHit(row.id, row.name, row.dossier_number, row.phone, tuple(children[row.id]), row.rank) for row in rows
    ]


def _rank_of(word: str) -> ColumnElement[int]:
    term = FamilySearchTerm
    exact = term.term == word
    return case(
        (and_(exact, term.kind == DOSSIER), EXACT_DOSSIER),
        (and_(exact, term.kind == SURNAME), EXACT_SURNAME),
        (exact, EXACT_WORD),
        else_=PREFIX,
    )


def _matches_of(word: str):
    """Every family with a term starting with ``word``, and its best rank for it."""
    term = FamilySearchTerm
    return (
        select(term.family_id, func.min(_rank_of(word)).label("rank"))
        .where(term.term >= word, term.term < word + PREFIX_END)
        .group_by(term.family_id)
    )


def _rank_in_family(word: str, family_id: ColumnElement[int]):
    """The family's best rank for ``word`` (NULL when no term matches), through its own few terms."""
    term = FamilySearchTerm
    return (
        select(func.min(_rank_of(word)))
        .where(term.family_id == family_id, term.term >= word, term.term < word + PREFIX_END)
        .scalar_subquery()
    )


def _children_of(session: Session, family_ids: list[int], today: date) -> dict[int, list[ChildBrief]]:
    children: dict[int, list[ChildBrief]] = defaultdict(list)
    if family_ids:
        rows = session.execute(
            select(Child.family_id, Child.first_name, Child.birth_date, Child.symbol_index)
            .where(Child.family_id.in_(family_ids))
            .order_by(Child.family_id, Child.symbol_index)
        )
        for family_id, first_name, birth_date, symbol_index in rows:
            children[family_id].append(ChildBrief(first_name, age_on(birth_date, today), symbol_index))
    return children


def terms_of(family: Family) -> set[tuple[str, str]]:
    people = [Person(g.first_name, g.last_name, g.phone, g.email) for g in family.guardians]
    people += [Person(c.first_name, c.last_name) for c in family.children]
    return family_terms(
        dossier_number=family.dossier_number, family_name=family.name, phone=family.phone, email=family.email,
        people=people,
    )


def reindex_family(session: Session, family: Family) -> None:
    """Rewrite the family's search terms; call after any change to its file."""
    session.flush()
    session.execute(delete(FamilySearchTerm).where(FamilySearchTerm.family_id == family.id))
    session.execute(
        insert(FamilySearchTerm),
        [{"family_id": family.id, "kind": kind, "term": term} for term, kind in sorted(terms_of(family))],
    )
