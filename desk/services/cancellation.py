"""Cancelling a paid booking (a credit for the family) and refunding a credit: a régisseur's acts.

A paid booking is never deleted. Its cancellation frees the place, records a
credit (*avoir*) on the family account and a journal entry, in the caller's
transaction, so that the money is always accounted for.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from desk.clock import Clock
from desk.db.enums import BookingState, JournalKind, LedgerKind
from desk.db.models import Booking, Child, LedgerEntry, OpenDay, Unit
from desk.errors import DeskError
from desk.money import format_cents
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.booking_rules import Blocker, blocker_text
from desk.services.journal import append_entry
from desk.services.pricing import family_balance


def cancel_paid_booking(session: Session, clock: Clock, *, booking_id: int, actor: Actor, reason: str) -> int:
    """Cancel a confirmed booking; returns the credit granted, in cents."""
    booking = session.scalar(
        select(Booking).where(Booking.id == booking_id)
        .options(joinedload(Booking.open_day).joinedload(OpenDay.unit).joinedload(Unit.activity), joinedload(Booking.child))
        .with_for_update(of=Booking)
    )
    if booking is None:
        raise DeskError("Cette réservation n'existe pas.", "Actualisez le planning.")
    require_cashier(actor, "cancel_paid_booking", blocker_text(Blocker.PAID, price_cents=booking.price_cents))
    now = clock.now()
    cancelled = session.execute(
        update(Booking).where(Booking.id == booking_id, Booking.state == BookingState.CONFIRMED)
        .values(state=BookingState.CANCELLED, ended_at=now, cancellation_basket_id=None)
        .execution_options(synchronize_session=False)
    )
    if cancelled.rowcount != 1:
        raise DeskError("Cette réservation n'est plus réglée : elle a déjà été annulée.", "Actualisez le planning.")
    session.execute(update(OpenDay).where(OpenDay.id == booking.open_day_id)
                    .values(places_taken=OpenDay.places_taken - 1).execution_options(synchronize_session=False))
    child: Child = booking.child
    label = (f"Avoir : annulation {child.first_name} - {booking.open_day.unit.activity.name} - "
             f"{booking.open_day.unit.name} du {booking.open_day.day:%d/%m/%Y}")
    if booking.price_cents:  # a free booking gives no credit
        session.add(LedgerEntry(
            family_id=child.family_id, created_at=now, kind=LedgerKind.CREDIT, amount_cents=-booking.price_cents,
            label=label, booking_id=booking.id, agent_id=actor.agent_id,
        ))
    append_entry(
        session, kind=JournalKind.CANCELLATION, created_at=now, amount_cents=-booking.price_cents,
        agent_id=actor.agent_id, family_id=child.family_id,
        payload={"booking": booking.id, "child": child.first_name, "day": booking.open_day.day.isoformat(),
                 "unit": booking.open_day.unit.name, "credit": format_cents(booking.price_cents), "reason": reason},
    )
    record(session, clock, actor, "cancel_paid_booking", f"{label} ({reason})", family_id=child.family_id)
    session.expire(booking)
    return booking.price_cents


def refund_credit(session: Session, clock: Clock, *, family_id: int, amount_cents: int, actor: Actor,
                  means: str) -> int:
    """Pay back part or all of a family's credit (*avoir*), a régisseur's act; returns what remains."""
    require_cashier(actor, "refund_credit", "Seul un régisseur peut rembourser un avoir.")
    credit = -family_balance(session, family_id)
    if amount_cents <= 0:
        raise DeskError("Le montant à rembourser doit être positif.", "Saisissez un montant.")
    if amount_cents > credit:
        raise DeskError(f"La famille n'a que {format_cents(max(credit, 0))} d'avoir : impossible de rembourser "
                        f"{format_cents(amount_cents)}.", "Remboursez au plus l'avoir disponible.")
    now = clock.now()
    session.add(LedgerEntry(family_id=family_id, created_at=now, kind=LedgerKind.REFUND, amount_cents=amount_cents,
                            label=f"Remboursement d'avoir ({means})", agent_id=actor.agent_id))
    append_entry(session, kind=JournalKind.REFUND, created_at=now, amount_cents=-amount_cents, agent_id=actor.agent_id,
                 family_id=family_id, payload={"refund": format_cents(amount_cents), "means": means})
    record(session, clock, actor, "refund_credit", f"{format_cents(amount_cents)} ({means})", family_id=family_id)
    return credit - amount_cents
