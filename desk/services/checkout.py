"""Paying a basket: all or nothing, in one transaction.

The payment and its lines, the confirmed bookings, the cancellations and
their credits, the family's balance, a receipt number (per year, without
gaps) and the journal entry are written together; any refusal or failure
rolls everything back and leaves the basket exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from desk.clock import PARIS, Clock
from desk.db.baskets import lock_active_basket
from desk.db.enums import (
    AuditOutcome,
    BasketState,
    BookingState,
    JournalKind,
    LedgerKind,
    PaymentChannel,
    PaymentMode,
)
from desk.db.models import (
    AuditEntry,
    Basket,
    Booking,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    Unit,
)
from desk.errors import DeskError
from desk.money import format_cents
from desk.services.access import Actor
from desk.services.basket import (
    DEFAULT_POLICY,
    active_enrolment_id,
    check_timing,
    excluded_live_bookings,
)
from desk.services.booking_rules import BookingPolicy
from desk.services.cancellation import cancel_paid_booking
from desk.services.cash_desk import require_open_counter_session
from desk.services.journal import append_entry
from desk.services.numbering import next_receipt_number, receipt_code
from desk.services.pricing import family_balance
from desk.services.tenders import DEFAULT_CASH_CEILING_CENTS, SettledLine, Settlement, Tender, settle


class PaymentRefusedError(DeskError):
    """The payment cannot be recorded as entered; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems), "Rien n'a été encaissé : corrigez puis encaissez à nouveau.")
        self.problems = problems


@dataclass(frozen=True)
class PaymentRecord:
    """What the counter shows and prints once a payment is recorded."""

    payment_id: int
    receipt_code: str
    paid_at: datetime
    amount_cents: int
    change_cents: int
    credit_used_cents: int
    balance_settled_cents: int
    credit_created_cents: int
    balance_after_cents: int
    booking_ids: tuple[int, ...]
    cancelled_booking_ids: tuple[int, ...]
    journal_hash: str


@dataclass(frozen=True)
class Due:
    """How the amount to pay is made: bookings, less credit used, plus the balance due."""

    bookings_cents: int
    credit_used_cents: int
    balance_settled_cents: int

    @property
    def to_pay_cents(self) -> int:
        return self.bookings_cents - self.credit_used_cents + self.balance_settled_cents


def pay_at_counter(
    session: Session,
    clock: Clock,
    *,
    family_id: int,
    tenders: list[Tender],
    actor: Actor,
    accept_voucher_excess: bool = False,
    cash_ceiling_cents: int = DEFAULT_CASH_CEILING_CENTS,
    policy: BookingPolicy = DEFAULT_POLICY,
) -> PaymentRecord:
    """Pay the family's basket with the tenders entered at the counter."""
    now = clock.now()
    cash_session_id = require_open_counter_session(session)
    basket = lock_basket_for_payment(session, family_id)
    bookings, cancellations = basket_contents(session, clock, basket, actor, policy)
    cancelled = _execute_cancellations(session, clock, cancellations, actor)
    due = amount_due(session, family_id, bookings)
    settlement = settle(due.to_pay_cents, tenders, cash_ceiling_cents=cash_ceiling_cents,
                        accept_voucher_excess=accept_voucher_excess)
    if not settlement.is_complete:
        problems = list(settlement.errors)
        if settlement.remaining_cents:
            problems.append(f"Il reste {format_cents(settlement.remaining_cents)} à régler.")
        raise PaymentRefusedError(problems)
    return record_payment(
        session, now, family_id=family_id, basket=basket, actor=actor, channel=PaymentChannel.COUNTER, settlement=settlement,
        bookings=bookings, due=due, cancelled=cancelled, cash_session_id=cash_session_id,
    )


def lock_basket_for_payment(session: Session, family_id: int) -> Basket:
    """The family's basket, locked for this transaction; refuses one already paid or being paid online."""
    basket = lock_active_basket(session, family_id)
    if basket is None:
        raise PaymentRefusedError(["Il n'y a rien à régler : le panier est vide ou vient d'être réglé à un autre guichet."])
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise PaymentRefusedError(["Un paiement en ligne est en cours pour ce panier : attendez son résultat."])
    return basket


def basket_contents(session: Session, clock: Clock, basket: Basket, actor: Actor,
                     policy: BookingPolicy) -> tuple[list[Booking], list[Booking]]:
    renew_expired_holds(session, clock, basket, policy)
    bookings = list(session.scalars(
        select(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)
        .order_by(Booking.id).with_for_update()
    ))
    cancellations = list(session.scalars(
        select(Booking).where(Booking.cancellation_basket_id == basket.id, Booking.state == BookingState.CONFIRMED)
        .order_by(Booking.id).with_for_update()
    ))
    if cancellations and not actor.is_cashier:
        raise PaymentRefusedError(["Ce panier contient des annulations de réservations réglées : "
                                   "un régisseur doit valider le règlement."])
    if not bookings and not cancellations and family_balance(session, basket.family_id) <= 0:
        raise PaymentRefusedError(["Il n'y a rien à régler : le panier est vide."])
    return bookings, cancellations


def renew_expired_holds(session: Session, clock: Clock, basket: Basket, policy: BookingPolicy) -> None:
    """Bookings whose hold expired come back if the rules still allow them and their place is
    still free; otherwise the payment is refused with the reason."""
    now = clock.now()
    expired = session.scalars(
        select(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.EXPIRED)
        .options(joinedload(Booking.child), joinedload(Booking.open_day).joinedload(OpenDay.unit).joinedload(Unit.activity))
        .order_by(Booking.open_day_id, Booking.id).with_for_update(of=Booking)
    ).all()
    for booking in expired:
        where = f"{booking.child.first_name} le {booking.open_day.day:%d/%m/%Y} ({booking.open_day.unit.name})"
        try:
            check_timing(booking.open_day, now)
            active_enrolment_id(session, booking.child, booking.open_day.unit.activity)
        except DeskError as refusal:
            raise PaymentRefusedError([f"La réservation de {where} a expiré et ne peut plus être renouvelée : "
                                       f"{refusal.message} Retirez-la du panier."]) from refusal
        if _live_elsewhere(session, booking):
            raise PaymentRefusedError([f"La réservation de {where} a expiré et l'enfant a depuis une autre réservation "
                                       "ce jour-là : retirez-la du panier."])
        taken = session.execute(
            update(OpenDay).where(OpenDay.id == booking.open_day_id, OpenDay.places_taken < OpenDay.capacity)
            .values(places_taken=OpenDay.places_taken + 1).execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:
            raise PaymentRefusedError([f"La place de {where} a été prise depuis l'expiration de la réservation : "
                                       "retirez-la du panier."])
        booking.state = BookingState.PENDING
        booking.ended_at = None
        booking.hold_expires_at = now + policy.hold
        session.flush()


def _live_elsewhere(session: Session, booking: Booking) -> bool:
    """The same cell booked again, or a unit it excludes booked the same day."""
    same_cell = session.scalar(
        select(Booking.id).where(Booking.child_id == booking.child_id, Booking.open_day_id == booking.open_day_id,
                                 Booking.state.in_([BookingState.PENDING, BookingState.CONFIRMED]))
    )
    clashing = [b for b, _unit in excluded_live_bookings(session, booking.child_id, booking.open_day)
                if b.state is BookingState.PENDING or b.cancellation_basket_id != booking.basket_id]
    return same_cell is not None or bool(clashing)


def _execute_cancellations(session: Session, clock: Clock, cancellations: list[Booking], actor: Actor) -> list[int]:
    for booking in cancellations:
        cancel_paid_booking(session, clock, booking_id=booking.id, actor=actor, reason="annulation au guichet")
    return [booking.id for booking in cancellations]


def amount_due(session: Session, family_id: int, bookings: list[Booking]) -> Due:
    balance = family_balance(session, family_id)
    bookings_cents = sum(b.price_cents for b in bookings)
    return Due(
        bookings_cents=bookings_cents,
        credit_used_cents=min(max(-balance, 0), bookings_cents),
        balance_settled_cents=max(balance, 0),
    )


EXCESS_OF_VOUCHERS = "Avoir : excédent de titres de paiement (sans rendu de monnaie)"


def record_payment(
    session: Session,
    now: datetime,
    *,
    family_id: int,
    basket: Basket | None,
    actor: Actor,
    channel: PaymentChannel,
    settlement: Settlement,
    bookings: list[Booking],
    due: Due,
    cancelled: list[int],
    cash_session_id: int | None,
    excess_label: str = EXCESS_OF_VOUCHERS,
    journal_note: str = "",
) -> PaymentRecord:
    """Write the payment and everything it settles; the caller's transaction commits it.

    ``settlement.voucher_excess_cents`` (money received beyond what was due)
    becomes a credit labelled ``excess_label``. Without a basket the payment
    settles no booking (a late online confirmation kept as a credit).
    """
    payment = Payment(family_id=family_id, basket_id=basket.id if basket else None, cash_session_id=cash_session_id,
                      agent_id=actor.agent_id, channel=channel, paid_at=now, amount_cents=settlement.received_cents)
    session.add(payment)
    session.flush()
    session.add_all(_payment_line(payment.id, line) for line in settlement.lines)
    booking_prices = {b.id: b.price_cents for b in bookings}  # read before confirming expires them
    booking_ids = tuple(booking_prices)
    _confirm_bookings(session, now, payment.id, bookings)
    ledger = _ledger_entries(session, now, family_id, payment.id, actor, due, settlement.voucher_excess_cents, excess_label)
    _allocate(session, payment.id, settlement.received_cents, booking_prices, ledger)
    year = now.astimezone(PARIS).year
    number = next_receipt_number(session, year)
    session.add(Receipt(payment_id=payment.id, year=year, number=number, issued_at=now))
    code = receipt_code(year, number)
    entry = append_entry(
        session, kind=JournalKind.PAYMENT, created_at=now, amount_cents=payment.amount_cents, agent_id=actor.agent_id,
        family_id=family_id, payment_id=payment.id, cash_session_id=cash_session_id,
        payload={
            "receipt": code,
            "lines": [[line.tender.mode.value, line.amount_cents] for line in settlement.lines],
            "bookings": list(booking_ids),
            "cancelled": cancelled,
            "credit_used": due.credit_used_cents,
            "balance_settled": due.balance_settled_cents,
            "credit_created": settlement.voucher_excess_cents,
            "note": journal_note,
        },
    )
    if basket is not None:
        basket.state = BasketState.PAID
        basket.updated_at = now
    session.add(AuditEntry(at=now, agent_id=actor.agent_id, action="payment", outcome=AuditOutcome.OK,
                           family_id=family_id, detail=f"ticket {code} : {format_cents(payment.amount_cents)}"))
    session.flush()
    return PaymentRecord(
        payment_id=payment.id, receipt_code=code, paid_at=now, amount_cents=payment.amount_cents,
        change_cents=settlement.change_cents, credit_used_cents=due.credit_used_cents,
        balance_settled_cents=due.balance_settled_cents, credit_created_cents=settlement.voucher_excess_cents,
        balance_after_cents=family_balance(session, family_id), booking_ids=booking_ids,
        cancelled_booking_ids=tuple(cancelled), journal_hash=entry.hash,
    )


def _payment_line(payment_id: int, line: SettledLine) -> PaymentLine:
    tender = line.tender
    return PaymentLine(
        payment_id=payment_id, mode=tender.mode, amount_cents=line.amount_cents,
        tendered_cents=tender.tendered_cents if tender.mode is PaymentMode.CASH else None,
        change_cents=line.change_cents if tender.mode is PaymentMode.CASH else None,
        cheque_number=tender.cheque_number, cheque_bank=tender.cheque_bank, cheque_drawer=tender.cheque_drawer,
        authorisation_number=tender.authorisation_number, card_last4=tender.card_last4,
        voucher_count=tender.voucher_count, voucher_value_cents=tender.voucher_value_cents,
        refdet=tender.refdet, idop=tender.idop,
    )


def _confirm_bookings(session: Session, now: datetime, payment_id: int, bookings: list[Booking]) -> None:
    if not bookings:
        return
    confirmed = session.execute(
        update(Booking).where(Booking.id.in_([b.id for b in bookings]), Booking.state == BookingState.PENDING)
        .values(state=BookingState.CONFIRMED, confirmed_at=now, payment_id=payment_id, hold_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    if confirmed.rowcount != len(bookings):
        raise PaymentRefusedError(["Le panier a changé pendant l'encaissement : vérifiez-le et encaissez à nouveau."])
    for booking in bookings:
        session.expire(booking)


@dataclass(frozen=True)
class _LedgerMoves:
    settlement: LedgerEntry | None
    excess_credit: LedgerEntry | None


def _ledger_entries(session: Session, now: datetime, family_id: int, payment_id: int, actor: Actor, due: Due,
                    excess_cents: int, excess_label: str) -> _LedgerMoves:
    def entry(kind: LedgerKind, amount: int, label: str) -> LedgerEntry:
        row = LedgerEntry(family_id=family_id, created_at=now, kind=kind, amount_cents=amount, label=label,
                          payment_id=payment_id, agent_id=actor.agent_id)
        session.add(row)
        return row

    settlement = entry(LedgerKind.PAYMENT, -due.balance_settled_cents, "Règlement du restant dû") if due.balance_settled_cents else None
    if due.credit_used_cents:
        entry(LedgerKind.CREDIT_USE, due.credit_used_cents, "Avoir déduit du règlement")
    excess = None
    if excess_cents:
        excess = entry(LedgerKind.CREDIT, -excess_cents, excess_label)
    session.flush()
    return _LedgerMoves(settlement, excess)


def _allocate(session: Session, payment_id: int, received: int, booking_prices: dict[int, int],
              ledger: _LedgerMoves) -> None:
    """Say what the money paid: the balance due first, then bookings in order, then an excess credit."""
    left = received
    targets: list[tuple[str, int, int]] = []
    if ledger.settlement is not None:
        targets.append(("ledger_entry_id", ledger.settlement.id, -ledger.settlement.amount_cents))
    targets += [("booking_id", booking_id, price) for booking_id, price in booking_prices.items()]
    if ledger.excess_credit is not None:
        targets.append(("ledger_entry_id", ledger.excess_credit.id, -ledger.excess_credit.amount_cents))
    for column, target_id, amount in targets:
        part = min(amount, left)
        if part > 0:
            session.add(PaymentAllocation(payment_id=payment_id, amount_cents=part, **{column: target_id}))
            left -= part
    session.flush()
