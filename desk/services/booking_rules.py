"""When a day can be booked or changed, and how to say why not."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desk.clock import PARIS
from desk.money import format_cents

DEFAULT_HOLD_MINUTES = 15

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@dataclass(frozen=True)
class BookingPolicy:
    """How long a pending booking holds its place; renewed at every basket change."""

    hold_minutes: int = DEFAULT_HOLD_MINUTES

    @property
    def hold(self) -> timedelta:
        return timedelta(minutes=self.hold_minutes)


class Blocker(enum.StrEnum):
    """Why a cell cannot be changed now."""

    CLOSED = "closed"
    PAST = "past"
    DEADLINE = "deadline"
    FULL = "full"
    PAID = "paid"
    EXCLUDED = "excluded"
    LOCKED = "locked"


def booking_deadline(day: date, deadline_days: int, deadline_hour: int) -> datetime:
    """The last instant a day can be booked or changed (Paris time, returned aware)."""
    return datetime.combine(day - timedelta(days=deadline_days), time(deadline_hour), PARIS)


def describe_deadline(deadline: datetime) -> str:
    local = deadline.astimezone(PARIS)
    return f"{WEEKDAYS[local.weekday()]} {local:%d/%m} à {local:%H}h{local:%M}"


def blocker_text(blocker: Blocker, *, deadline: datetime | None = None, price_cents: int = 0, other_unit: str = "") -> str:
    """The French sentence a tooltip or a refusal shows."""
    if blocker is Blocker.CLOSED:
        return "Pas d'accueil ce jour-là."
    if blocker is Blocker.PAST:
        return "Cette date est passée."
    if blocker is Blocker.DEADLINE:
        assert deadline is not None
        return f"Les réservations de ce jour sont closes depuis le {describe_deadline(deadline)}."
    if blocker is Blocker.FULL:
        return "Complet : il ne reste plus de place ce jour-là."
    if blocker is Blocker.PAID:
        return (
            f"Réservation réglée ({format_cents(price_cents)}) : seul un régisseur peut l'annuler, "
            "la famille reçoit alors un avoir."
        )
    if blocker is Blocker.EXCLUDED:
        return f"Déjà réservé ce jour-là en « {other_unit} », réglé : annulez-le d'abord."
    return "Un paiement en ligne est en cours pour ce panier : attendez son résultat."
