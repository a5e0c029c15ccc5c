"""Prices, balances and the amount to pay, all in integer cents."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.db.models import LedgerEntry, QuotientBracket, Tariff
from desk.errors import DeskError


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
    brackets = session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound)).all()
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


def family_balance(session: Session, family_id: int) -> int:
    """Positive: owed by the family (*restant dû*); negative: owed to it (*avoir*)."""
    total = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(LedgerEntry.family_id == family_id)
    )
    return int(total or 0)


def amount_to_pay(bookings_cents: int, cancellations_cents: int, balance_cents: int) -> int:
    """What the family pays now: new bookings, less cancelled ones, plus the balance due
    or less the credit; never below zero (a remaining credit stays on the account)."""
    return max(0, bookings_cents - cancellations_cents + balance_cents)
