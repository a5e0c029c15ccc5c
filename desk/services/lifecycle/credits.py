"""Credits (*avoirs*): cancelling a paid booking, refunding a credit, correcting an account.

A paid booking is never deleted. Its cancellation frees the place, records a
credit on the family account and a journal entry vouching for both, in the
caller's transaction. Refunds and corrections are régisseur's acts, read and
written under the family's lock, so that a credit is refunded or spent once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from desk.clock import Clock
from desk.db.enums import AuditOutcome, BookingState, JournalKind, LedgerKind, RefundMeans
from desk.db.models import AuditEntry, Booking, Child, LedgerEntry, OpenDay, Unit
from desk.errors import DeskError, ValidationError
from desk.money import format_cents
from desk.services import evidence
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.booking_rules import Blocker, blocker_text
from desk.services.journal import append_entries
from desk.services.lifecycle import bookings, locks
from desk.services.pricing import family_balance
from desk.services.tenders import MAX_PAYMENT_CENTS
from desk.services.validation import checked_text, column_length

LABEL_LENGTH = column_length(LedgerEntry.label)
REFUND_LABEL = "Remboursement d'avoir ({means})"
REFUND_MEANS_WORDS = {RefundMeans.CASH: "espèces", RefundMeans.TRANSFER: "virement", RefundMeans.CHEQUE: "chèque"}


@dataclass(frozen=True)
class Cancellation:
    """A paid booking cancelled: the credit it gave and the journal entry that vouches for it."""

    booking_id: int
    credit_cents: int
    journal_entry: dict[str, Any]


def cancel_booking(session: Session, now: datetime, actor: Actor, booking: Booking, reason: str) -> Cancellation:
    """confirmed → cancelled with its credit; the caller holds the family's and the booking's locks.

    The journal entry is returned, not appended: the caller appends it with
    the others of its transaction, after its numbers (see ``locks``).
    """
    require_cashier(actor, "cancel_paid_booking", blocker_text(Blocker.PAID, price_cents=booking.price_cents))
    open_day, child = booking.open_day, booking.child
    snapshot = {name: getattr(booking, name) for name in evidence.CANCELLED_BOOKING_FIELDS}
    if not bookings.cancel_confirmed(session, now, booking):
        raise DeskError("Cette réservation n'est plus réglée : elle a déjà été annulée.", "Actualisez le planning.")
    snapshot.update(state=BookingState.CANCELLED, ended_at=now)
    label = (f"Avoir : annulation {child.first_name} - {open_day.unit.activity.name} - "
             f"{open_day.unit.name} du {open_day.day:%d/%m/%Y}")[:LABEL_LENGTH]
    credit = []
    if snapshot["price_cents"]:  # a free booking gives no credit
        credit.append(_ledger(session, now, actor, family_id=child.family_id, kind=LedgerKind.CREDIT,
                              amount_cents=-snapshot["price_cents"], label=label, booking_id=booking.id))
    entry = dict(
        kind=JournalKind.CANCELLATION, created_at=now, amount_cents=-snapshot["price_cents"], agent_id=actor.agent_id,
        family_id=child.family_id,
        payload=evidence.payload(evidence.cancellation_parts(snapshot, credit), booking=booking.id,
                                 credit_cents=snapshot["price_cents"], child=child.first_name,
                                 day=open_day.day.isoformat(), unit=open_day.unit.name, reason=reason),
    )
    session.add(AuditEntry(at=now, agent_id=actor.agent_id, action="cancel_paid_booking", outcome=AuditOutcome.OK,
                           family_id=child.family_id, detail=f"{label} ({reason})"))
    return Cancellation(booking.id, snapshot["price_cents"], entry)


def cancel_paid_booking(session: Session, clock: Clock, *, booking_id: int, actor: Actor, reason: str) -> int:
    """Cancel a confirmed booking outside a basket (an enrolment ended, say); returns the credit granted, in cents."""
    actor = locks.acting(session, actor)
    booking = lock_for_cancellation(session, [booking_id])[0]
    cancellation = cancel_booking(session, clock.now(), actor, booking, reason)
    append_entries(session, [cancellation.journal_entry])
    return cancellation.credit_cents


def lock_for_cancellation(session: Session, booking_ids: list[int]) -> list[Booking]:
    """The family's lock, then the bookings' (with what the credit's label names), in id order."""
    family_ids = set(session.scalars(
        select(Child.family_id).join(Booking, Booking.child_id == Child.id).where(Booking.id.in_(booking_ids))
    ))
    if not family_ids:
        raise DeskError("Cette réservation n'existe pas.", "Actualisez le planning.")
    for family_id in sorted(family_ids):
        locks.family(session, family_id)
    rows = locks.bookings(session, Booking.id.in_(booking_ids))
    session.scalars(select(Booking).where(Booking.id.in_(booking_ids)).options(
        joinedload(Booking.child), joinedload(Booking.open_day).joinedload(OpenDay.unit).joinedload(Unit.activity)
    )).unique().all()
    return rows


def refund_credit(session: Session, clock: Clock, *, family_id: int, amount_cents: int, actor: Actor,
                  means: RefundMeans) -> int:
    """Pay back part or all of a family's credit (*avoir*), a régisseur's act; returns what remains.

    Cash comes out of the open counter session's till: the refund is held
    against that session (shared, as a payment is), so the closing expects that
    much less cash, and a refund waiting behind a closing is refused.
    """
    actor = locks.acting(session, actor)
    require_cashier(actor, "refund_credit", "Seul un régisseur peut rembourser un avoir.")
    if not isinstance(means, RefundMeans):
        raise ValidationError("Choisissez le moyen de remboursement : espèces, virement ou chèque.", field="means")
    if not 0 < amount_cents <= MAX_PAYMENT_CENTS:
        raise ValidationError("Le montant à rembourser doit être positif.", "Saisissez un montant.", field="amount")
    cash_session_id = None
    if means is RefundMeans.CASH:
        till = locks.open_counter_session(session)
        if till is None:
            raise DeskError("La caisse est fermée : un avoir ne peut pas être remboursé en espèces.",
                            "Ouvrez la caisse, ou remboursez par virement ou par chèque.")
        cash_session_id = till.id
    locks.family(session, family_id)
    credit = -family_balance(session, family_id)
    if amount_cents > credit:
        raise DeskError(f"La famille n'a que {format_cents(max(credit, 0))} d'avoir : impossible de rembourser "
                        f"{format_cents(amount_cents)}.", "Remboursez au plus l'avoir disponible.")
    now = clock.now()
    words = REFUND_MEANS_WORDS[means]
    refund = _ledger(session, now, actor, family_id=family_id, kind=LedgerKind.REFUND, amount_cents=amount_cents,
                     label=REFUND_LABEL.format(means=words))
    append_entries(session, [dict(
        kind=JournalKind.REFUND, created_at=now, amount_cents=-amount_cents, agent_id=actor.agent_id,
        family_id=family_id, cash_session_id=cash_session_id,
        payload=evidence.payload(evidence.ledger_parts([refund]), ledger_ids=[refund.id], refund_cents=amount_cents,
                                 means=means.value),
    )])
    record(session, clock, actor, "refund_credit", f"{format_cents(amount_cents)} ({words})", family_id=family_id)
    return credit - amount_cents


def correct_account(session: Session, clock: Clock, *, family_id: int, amount_cents: int, label: str,
                    actor: Actor) -> int:
    """A régisseur's correction of the family account: positive, owed by the family; negative, owed to it.

    Returns the balance after it. A correction never moves money: its journal
    entry counts nothing in or out, and vouches for the movement itself.
    """
    actor = locks.acting(session, actor)
    require_cashier(actor, "correct_account", "Seul un régisseur peut corriger le compte d'une famille.")
    text = checked_text(label, field="label", label="Le motif de la correction", required=True, max_length=LABEL_LENGTH)
    if amount_cents == 0 or abs(amount_cents) > MAX_PAYMENT_CENTS:
        raise ValidationError("Le montant de la correction doit être différent de zéro.", field="amount")
    locks.family(session, family_id)
    now = clock.now()
    movement = _ledger(session, now, actor, family_id=family_id, kind=LedgerKind.ADJUSTMENT, amount_cents=amount_cents,
                       label=text or "")
    append_entries(session, [dict(
        kind=JournalKind.CORRECTION, created_at=now, amount_cents=0, agent_id=actor.agent_id, family_id=family_id,
        payload=evidence.payload(evidence.ledger_parts([movement]), ledger_ids=[movement.id],
                                 correction_cents=amount_cents),
    )])
    record(session, clock, actor, "correct_account", f"{format_cents(amount_cents)} : {text}", family_id=family_id)
    return family_balance(session, family_id)


def _ledger(session: Session, now: datetime, actor: Actor, **values: Any) -> LedgerEntry:
    entry = LedgerEntry(created_at=now, agent_id=actor.agent_id, **values)
    session.add(entry)
    session.flush()
    return entry
