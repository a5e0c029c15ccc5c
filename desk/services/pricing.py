"""Prices, balances and the amount to pay, all in integer cents."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desk.db.models import Family, LedgerEntry, QuotientBracket, Tariff
from desk.db.pipeline import Batch
from desk.errors import DeskError


class _Bounded(Protocol):
    @property
    def lower_bound(self) -> int: ...
    @property
    def upper_bound(self) -> int | None: ...


B = TypeVar("B", bound=_Bounded)


@dataclass(frozen=True)
class PriceList:
    """The unit prices one family pays (its quotient bracket), by unit id."""

    bracket_label: str
    prices: dict[int, int]

    def price_of(self, unit_id: int) -> int:
        try:
            return self.prices[unit_id]
        except KeyError:
            raise DeskError(
                "Cette unité n'a pas de tarif pour la tranche de quotient de la famille.",
                "Un administrateur doit compléter les tarifs de l'activité.",
            ) from None


def bracket_for(session: Session, quotient: int | None) -> QuotientBracket:
    """The family's bracket; an unknown quotient pays the top bracket (full price)."""
    return choose_bracket(session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound)).all(), quotient)


def choose_bracket(brackets: Sequence[B], quotient: int | None) -> B:
    """The bracket of ``quotient`` among ``brackets`` (by lower bound); the top one when it is unknown."""
    if not brackets:
        raise DeskError("Aucune tranche de quotient familial n'est définie.", "Un administrateur doit créer les tarifs.")
    if quotient is not None:
        for bracket in brackets:
            if quotient >= bracket.lower_bound and (bracket.upper_bound is None or quotient < bracket.upper_bound):
                return bracket
    return brackets[-1]


def price_list(session: Session, quotient: int | None, unit_ids: list[int]) -> PriceList:
    bracket = bracket_for(session, quotient)
    rows = session.execute(
        select(Tariff.unit_id, Tariff.price_cents).where(Tariff.bracket_id == bracket.id, Tariff.unit_id.in_(unit_ids))
    ).all()
    return PriceList(bracket.label, dict(rows))


def family_price_list_in(batch: Batch, family_id: int, unit_ids: list[int]) -> Callable[[], PriceList]:
    """The prices of ``unit_ids`` for the family, its quotient and the brackets read in one statement of
    ``batch``; call the answer once the batch has gone."""
    quotient = select(Family.quotient_familial).where(Family.id == family_id).scalar_subquery()
    found = batch.add(
        select(QuotientBracket.id, QuotientBracket.label, QuotientBracket.lower_bound, QuotientBracket.upper_bound,
               quotient.label("quotient"), Tariff.unit_id, Tariff.price_cents)
        .outerjoin(Tariff, and_(Tariff.bracket_id == QuotientBracket.id, Tariff.unit_id.in_(unit_ids)))
        .order_by(QuotientBracket.lower_bound, QuotientBracket.id)
    )

    def prices() -> PriceList:
        rows = found.result.all()
        brackets = list({row.id: row for row in rows}.values())
        chosen = choose_bracket(brackets, rows[0].quotient if rows else None)
        return PriceList(chosen.label, {row.unit_id: row.price_cents for row in rows
                                        if row.id == chosen.id and row.unit_id is not None})

    return prices


def family_balance(session: Session, family_id: int) -> int:
    """Positive: owed by the family (*restant dû*); negative: owed to it (*avoir*)."""
    return int(session.scalar(select(family_balance_column(family_id))) or 0)


def family_balance_column(family_id: int) -> Any:
    """The family's balance as a column to read along with something else."""
    return select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
        LedgerEntry.family_id == family_id).scalar_subquery()


def amount_to_pay(bookings_cents: int, cancellations_cents: int, balance_cents: int) -> int:
    """What the family pays now: new bookings, less cancelled ones, plus the balance due
    or less the credit; never below zero (a remaining credit stays on the account)."""
    return max(0, bookings_cents - cancellations_cents + balance_cents)
