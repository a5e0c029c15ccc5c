"""When a day can be booked or changed, and how to say why not.

``cell_verdict`` is the one rule: the planning grid asks it for every cell it
shows, and the booking write asks it again, on the rows it has locked, before
it changes anything. Both describe the cell with the same ``CellFacts``, so
the grid never calls a day full where the booking would succeed, nor the
reverse.
"""

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


class CellState(enum.StrEnum):
    """One child's state in one cell."""

    NONE = "none"
    PENDING = "pending"
    CONFIRMED = "confirmed"
    PENDING_CANCELLATION = "pending_cancellation"  # paid, its cancellation waiting in the basket


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


@dataclass(frozen=True)
class CellFacts:
    """What the rule needs to know of one child in one open cell.

    ``places_left`` counts the holds that have run out as free: the write
    expires them before it takes a place. ``paid_clash`` names a unit the
    child has, paid, the same day, that this unit excludes and that the basket
    does not cancel.
    """

    day: date
    deadline: datetime
    places_left: int
    state: CellState
    price_cents: int
    paid_clash: str | None = None
    basket_locked: bool = False


@dataclass(frozen=True)
class Verdict:
    blocker: Blocker | None
    text: str = ""

    @property
    def allowed(self) -> bool:
        return self.blocker is None


ALLOWED = Verdict(None)


def cell_verdict(facts: CellFacts | None, *, now: datetime, is_cashier: bool,
                 deadline_overridden: bool = False) -> Verdict:
    """Whether the agent may change this child's cell now, and if not, why."""
    if facts is None:
        return _refused(Blocker.CLOSED)
    if facts.basket_locked:
        return _refused(Blocker.LOCKED)
    if facts.state in (CellState.PENDING, CellState.PENDING_CANCELLATION):
        return ALLOWED  # what the basket holds can always be taken back
    if facts.day < now.astimezone(PARIS).date():
        return _refused(Blocker.PAST)
    if now >= facts.deadline and not deadline_overridden:
        return _refused(Blocker.DEADLINE, deadline=facts.deadline)
    if facts.state is CellState.CONFIRMED:
        return ALLOWED if is_cashier else _refused(Blocker.PAID, price_cents=facts.price_cents)
    if facts.paid_clash is not None:
        return _refused(Blocker.EXCLUDED, other_unit=facts.paid_clash)
    if facts.places_left <= 0:
        return _refused(Blocker.FULL)
    return ALLOWED


def _refused(blocker: Blocker, **details) -> Verdict:
    return Verdict(blocker, blocker_text(blocker, **details))
