"""Paying a basket: all or nothing, in one transaction.

The payment and its lines, the confirmed bookings, the cancellations and
their credits, the family's balance, a receipt number (per year, without
gaps) and the journal entries vouching for all of it are written together;
any refusal or failure rolls everything back and leaves the basket exactly as
it was. Locks follow ``locks``: the agent, the open cash session (shared: a
closing waits for the payment, and a payment waiting behind a closing finds
the session closed), the family, the basket, its bookings, their places, the
receipt number, the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session, aliased, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from desk.clock import PARIS, Clock
from desk.db.bulk import insert_new_in, inserted_id
from desk.db.counters import next_counter_values_in
from desk.db.enums import (
    AuditOutcome,
    BasketState,
    BookingState,
    CashSessionKind,
    JournalKind,
    LedgerKind,
    PaymentChannel,
    PaymentMode,
)
from desk.db.models import (
    AuditEntry,
    Basket,
    Booking,
    CashSession,
    Counter,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    Unit,
    UnitExclusion,
)
from desk.db.pipeline import Batch, together
from desk.errors import DeskError
from desk.money import format_cents
from desk.services import evidence
from desk.services.access import Actor
from desk.services.account import (
    SummaryRow,
    forget_payments,
    join_summaries,
    keep_payments,
    read_along,
    summary_columns,
)
from desk.services.booking_rules import BookingPolicy, CellState, cell_verdict
from desk.services.documents import (
    TicketFacts,
    booked_row,
    identities_of,
    identity_columns,
    identity_joins,
    keep_ticket_facts,
    tendered,
)
from desk.services.journal import append_entries_in, expect_tail, join_tail, journal_counts, tail_columns
from desk.services.lifecycle import bookings as transitions
from desk.services.lifecycle import locks
from desk.services.lifecycle.baskets import DEFAULT_POLICY, active_enrolment_id, cell_facts
from desk.services.lifecycle.credits import Cancellation, cancel_booking
from desk.services.numbering import receipt_code, receipt_counter
from desk.services.pricing import family_balance, family_balance_column
from desk.services.tenders import DEFAULT_CASH_CEILING_CENTS, SettledLine, Settlement, Tender, mode_refusals, settle
from reports import data

EXCESS_OF_VOUCHERS = "Avoir : excédent de titres de paiement (sans rendu de monnaie)"


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
    balance_cents: int | None = None  # the family's balance it was worked out from, when known

    @property
    def to_pay_cents(self) -> int:
        return self.bookings_cents - self.credit_used_cents + self.balance_settled_cents


@dataclass(frozen=True)
class BasketContents:
    """The basket's bookings to confirm and paid bookings to cancel, locked."""

    bookings: list[Booking]
    cancellations: list[Booking]


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
    then: Callable[[Batch], object] | None = None,
) -> PaymentRecord:
    """Pay the family's basket with the tenders entered at the counter.

    The locks and what the ticket prints go in the first exchange with the
    server; ``then`` (an ``Along``) goes with the last (``record_payment``)."""
    now = clock.now()
    with together(session) as batch:  # the locks and what the ticket prints, in one exchange
        acted = locks.acting_at_counter_in(batch, actor, family_id)
        ticketed = _lock_basket_with_ticket_in(batch, family_id)
    actor, cash_session, authorised_modes = acted()
    if cash_session is None:
        raise DeskError("La caisse n'est pas ouverte : aucun encaissement au guichet n'est possible.",
                        "Un régisseur doit ouvrir la caisse avec son fond de caisse (menu Caisse).")
    refused = mode_refusals(authorised_modes)
    if refusals := list(dict.fromkeys(refused[t.mode] for t in tenders if t.mode in refused)):
        raise PaymentRefusedError(refusals)
    locked = ticketed()
    if locked is None:
        basket = lock_basket_for_payment(session, family_id)
        contents = basket_contents(session, now, basket, actor, policy)
        ticket = None
    else:
        basket, held, ticket = locked
        contents = basket_contents(session, now, basket, actor, policy, held=held, balance_cents=ticket.balance_cents)
    cancelled = [cancel_booking(session, now, actor, booking, "annulation au guichet")
                 for booking in contents.cancellations]
    due = amount_due(session, family_id, contents.bookings, balance_cents=None if ticket is None else
                     ticket.balance_cents - sum(c.credit_cents for c in cancelled))
    settlement = settle(due.to_pay_cents, tenders, cash_ceiling_cents=cash_ceiling_cents,
                        accept_voucher_excess=accept_voucher_excess)
    if not settlement.is_complete:
        problems = list(settlement.errors)
        if settlement.remaining_cents:
            problems.append(f"Il reste {format_cents(settlement.remaining_cents)} à régler.")
        raise PaymentRefusedError(problems)
    return record_payment(
        session, now, family_id=family_id, basket=basket, actor=actor, channel=PaymentChannel.COUNTER,
        settlement=settlement, bookings=contents.bookings, due=due, cancelled=cancelled, cash_session_id=cash_session.id,
        ticket=ticket, then=then,
    )


@dataclass(frozen=True)
class _TicketRead:
    """What the ticket prints beyond what the payment writes, read with the basket's lock."""

    balance_cents: int  # before the payment and its cancellations
    booked: dict[int, tuple]  # booking id → its ticket row (``documents.booked_row``), as locked
    regie: data.RegieIdentity | None
    family: data.FamilyIdentity
    payments: tuple[SummaryRow, ...]  # the family's earlier payments, a row per line


def _in_basket(basket_id: Any, booking: Any = Booking) -> ColumnElement[bool]:
    """The basket's own bookings (pending, or expired to renew) and the paid ones it cancels."""
    return or_(
        and_(booking.basket_id == basket_id, booking.state.in_([BookingState.PENDING, BookingState.EXPIRED])),
        and_(booking.cancellation_basket_id == basket_id, booking.state == BookingState.CONFIRMED),
    )


def _lock_basket_with_ticket_in(batch: Batch, family_id: int
                                ) -> Callable[[], tuple[Basket, list[Booking], _TicketRead] | None]:
    """The basket and its bookings locked in one statement, with the family's balance, what its ticket prints
    (the bookings' days, children, units; the régie and the family), its earlier payments (the account shown
    after) and the journal's tail as it was then (checked against the journal's counter when it is taken).
    The answer, once the batch has gone: None when the basket holds no booking."""
    first = _FIRST_BOOKING
    first_booking = select(func.min(first.id)).where(_in_basket(Basket.id, first)).correlate(Basket).scalar_subquery()

    def outer(statement: Select[Any]) -> Select[Any]:
        statement = join_tail(identity_joins(statement))
        statement = join_summaries(statement, Basket.family_id, Booking.id == first_booking)  # once, not per booking
        # sent behind the lock of the agent, the open cash session and the family: without an open session that
        # lock takes nothing, and neither may this one (the refusal takes its locks one by one, in order)
        return statement.where(exists().where(CashSession.kind == CashSessionKind.COUNTER,
                                              CashSession.closed_at.is_(None)))

    locked = locks.basket_and_bookings_in(
        batch, family_id, _in_basket(Basket.id), family_balance_column(family_id).label("balance"),
        *identity_columns(), *tail_columns(), *summary_columns(), outer=outer, loading=_DETAILS,
    )
    session = batch.session

    def read() -> tuple[Basket, list[Booking], _TicketRead] | None:
        found = locked()
        if found is None:
            return None
        basket, held, rows = found
        if basket.state is BasketState.PAYMENT_IN_PROGRESS:
            raise PaymentRefusedError(["Un paiement en ligne est en cours pour ce panier : attendez son résultat."])
        row = rows[0]
        expect_tail(session, row)
        regie, family = identities_of(row)
        return basket, held, _TicketRead(int(row.balance or 0), {b.id: booked_row(b) for b in held}, regie, family,
                                         tuple(read_along(rows)))

    return read


def lock_basket_for_payment(session: Session, family_id: int) -> Basket:
    """The family's basket, locked for this transaction; refuses one already paid or being paid online."""
    basket = locks.active_basket(session, family_id)
    if basket is None:
        raise PaymentRefusedError(["Il n'y a rien à régler : le panier est vide ou vient d'être réglé à un autre guichet."])
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise PaymentRefusedError(["Un paiement en ligne est en cours pour ce panier : attendez son résultat."])
    return basket


def basket_contents(session: Session, now: datetime, basket: Basket, actor: Actor, policy: BookingPolicy, *,
                    holds_run_out: bool = True, held: list[Booking] | None = None,
                    balance_cents: int | None = None) -> BasketContents:
    """Lock the basket's bookings and cancellations; renew the expired ones the rules still allow.

    A pending booking whose hold has run out is expired first and renewed like
    the others, as the grid shows it; ``holds_run_out`` False keeps it as it
    is (a bank that confirmed in time is honoured, whenever the desk asks).
    ``held``: the bookings, already locked with their details (``locks.basket_and_bookings_in``);
    ``balance_cents``: the family's balance, read under its lock in this transaction.
    """
    details_loaded = held is not None
    if held is None:
        held = locks.bookings(session, _in_basket(basket.id))
    cancellations = [b for b in held if b.state is BookingState.CONFIRMED]
    if cancellations and not actor.is_cashier:
        raise PaymentRefusedError(["Ce panier contient des annulations de réservations réglées : "
                                   "un régisseur doit valider le règlement."])
    run_out = [b for b in held if holds_run_out and b.state is BookingState.PENDING
               and b.hold_expires_at is not None and b.hold_expires_at <= now]
    expired = [b for b in held if b.state is BookingState.EXPIRED] + run_out
    pending = [b for b in held if b.state is BookingState.PENDING and b not in run_out]
    transitions.expire(session, now, {b.id: b.open_day_id for b in run_out})
    if (expired or cancellations) and not details_loaded:
        _load_details(session, expired + cancellations)
    for booking in sorted(expired, key=lambda b: (b.open_day_id, b.id)):  # places in the order of locks
        _renew(session, now, policy, actor, booking)
    pending = sorted(pending + expired, key=lambda b: b.id)
    if not pending and not cancellations and (
            family_balance(session, basket.family_id) if balance_cents is None else balance_cents) <= 0:
        raise PaymentRefusedError(["Il n'y a rien à régler : le panier est vide."])
    return BasketContents(pending, cancellations)


_FIRST_BOOKING = aliased(Booking, name="first_booking")  # built once (see baskets._CLICKED_DAY)
_DETAILS = (joinedload(Booking.child), joinedload(Booking.open_day).joinedload(OpenDay.unit).joinedload(Unit.activity))


def _load_details(session: Session, rows: list[Booking]) -> None:
    session.scalars(select(Booking).where(Booking.id.in_([b.id for b in rows])).options(*_DETAILS)).unique().all()


def _renew(session: Session, now: datetime, policy: BookingPolicy, actor: Actor, booking: Booking) -> None:
    """An expired booking comes back if the rule still allows the cell and its place is still free."""
    where = f"{booking.child.first_name} le {booking.open_day.day:%d/%m/%Y} ({booking.open_day.unit.name})"
    # places and clashes are checked below, on the rows themselves
    facts = cell_facts(booking.open_day.day, booking.open_day.unit.activity, places_left=1, state=CellState.NONE,
                       price_cents=booking.price_cents, paid_clash=None, basket_locked=False)
    verdict = cell_verdict(facts, now=now, is_cashier=actor.is_cashier)
    if not verdict.allowed:
        raise PaymentRefusedError([f"La réservation de {where} a expiré et ne peut plus être renouvelée : "
                                   f"{verdict.text} Retirez-la du panier."])
    try:
        active_enrolment_id(session, booking.child, booking.open_day.unit.activity)
    except DeskError as refusal:
        raise PaymentRefusedError([f"La réservation de {where} a expiré et ne peut plus être renouvelée : "
                                   f"{refusal.message} Retirez-la du panier."]) from refusal
    if _live_elsewhere(session, booking):
        raise PaymentRefusedError([f"La réservation de {where} a expiré et l'enfant a depuis une autre réservation "
                                   "ce jour-là : retirez-la du panier."])
    if not transitions.renew(session, now, policy.hold, booking):
        raise PaymentRefusedError([f"La place de {where} a été prise depuis l'expiration de la réservation : "
                                   "retirez-la du panier."])


def _live_elsewhere(session: Session, booking: Booking) -> bool:
    """The same cell booked again, or a unit it excludes booked the same day and not cancelled in this basket."""
    excluded = select(UnitExclusion.excluded_unit_id).where(UnitExclusion.unit_id == booking.open_day.unit_id)
    clash = session.scalar(
        select(Booking.id).join(OpenDay, Booking.open_day_id == OpenDay.id).where(
            Booking.child_id == booking.child_id, Booking.id != booking.id,
            Booking.state.in_([BookingState.PENDING, BookingState.CONFIRMED]),
            or_(Booking.open_day_id == booking.open_day_id,
                and_(OpenDay.day == booking.open_day.day, OpenDay.unit_id.in_(excluded),
                     or_(Booking.cancellation_basket_id.is_(None),
                         Booking.cancellation_basket_id != booking.basket_id))),
        ).limit(1)
    )
    return clash is not None


def amount_due(session: Session, family_id: int, bookings: list[Booking], *, balance_cents: int | None = None) -> Due:
    """What the bookings cost, less the credit they use, plus the balance due (read under the family's lock,
    unless the caller did: ``balance_cents``)."""
    balance = family_balance(session, family_id) if balance_cents is None else balance_cents
    bookings_cents = sum(b.price_cents for b in bookings)
    return Due(
        bookings_cents=bookings_cents,
        credit_used_cents=min(max(-balance, 0), bookings_cents),
        balance_settled_cents=max(balance, 0),
        balance_cents=balance,
    )


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
    cancelled: list[Cancellation],
    cash_session_id: int | None,
    excess_label: str = EXCESS_OF_VOUCHERS,
    journal_note: str = "",
    ticket: _TicketRead | None = None,
    then: Callable[[Batch], object] | None = None,
) -> PaymentRecord:
    """Write the payment and everything it settles; the caller's transaction commits it.

    ``settlement.voucher_excess_cents`` (money received beyond what was due)
    becomes a credit labelled ``excess_label``. Without a basket the payment
    settles no booking (a late online confirmation kept as a credit). With
    ``ticket`` (what was read along with the locks), the ticket's facts are kept
    for ``documents.receipt_document`` in this transaction: it reads nothing back.

    Three exchanges with the server, each sending what the previous one's
    answers allow: the payment with its lines, the bookings confirmed and the
    ledger (they name the payment by ``inserted_id`` before its id comes
    back); the allocations (they name the ledger's rows), the receipt's and
    journal's numbers and the receipt; the journal (it seals the receipt's
    id), the audit line and the basket paid. ``then`` (an ``Along``) adds to
    the last what the caller shows next (the grid); when the ticket's facts
    are kept, nothing is left to read and that exchange ends the unit of
    work: it carries the COMMIT.
    """
    forget_payments(session)
    payment = Payment(family_id=family_id, basket_id=basket.id if basket else None, cash_session_id=cash_session_id,
                      agent_id=actor.agent_id, channel=channel, paid_at=now, amount_cents=settlement.received_cents)
    booking_prices = {b.id: b.price_cents for b in bookings}  # read before confirming expires them
    paid_bookings = [{"id": b.id, "child_id": b.child_id, "open_day_id": b.open_day_id, "price_cents": b.price_cents}
                     for b in bookings]
    with together(session) as batch:
        inserted = insert_new_in(batch, payment)
        this_payment = inserted_id(session, Payment)
        lines = [_payment_line(this_payment, line) for line in settlement.lines]
        numbered = [insert_new_in(batch, line) for line in lines]
        confirmed = transitions.confirm_in(batch, now, this_payment, list(booking_prices))
        moved = _ledger_entries_in(batch, now, family_id, this_payment, actor, due, settlement.voucher_excess_cents,
                                   excess_label)
    if not confirmed():
        raise PaymentRefusedError(["Le panier a changé pendant l'encaissement : vérifiez-le et encaissez à nouveau."])
    inserted()
    for number in numbered:
        number()
    ledger = moved()
    for row in (*lines, *ledger.all):
        row.payment_id = payment.id
    for paid in paid_bookings:
        paid["payment_id"] = payment.id
    locks.numbers(session)
    locks.journal(session)  # the receipt's number, then the journal's: one statement, in that order
    year = now.astimezone(PARIS).year
    journal_counter, journal_count = journal_counts(len(cancelled) + 1)
    with together(session) as batch:
        allocated = _allocate_in(batch, payment.id, settlement.received_cents, booking_prices, ledger)
        counted = next_counter_values_in(batch, [(receipt_counter(year), 1), (journal_counter, journal_count)])
        numbered_receipt = _receipt_in(batch, payment.id, year, now)
    allocations = allocated()
    taken = counted()
    receipt = numbered_receipt()
    code = receipt_code(year, receipt.number)
    # COMMIT goes with the last batch only if nothing is left to read, or to refuse: a ticket whose facts are
    # all kept (the régie's identity included, without which the ticket is refused and the payment undone)
    ends_the_work = then is not None and ticket is not None and ticket.regie is not None
    with together(session, commit=ends_the_work) as batch:
        entries = append_entries_in(batch, [c.journal_entry for c in cancelled] + [dict(
            kind=JournalKind.PAYMENT, created_at=now, amount_cents=payment.amount_cents, agent_id=actor.agent_id,
            family_id=family_id, payment_id=payment.id, cash_session_id=cash_session_id,
            payload=evidence.payload(
                evidence.payment_parts(payment, lines, allocations, receipt, ledger.all, paid_bookings),
                receipt=code, amount_cents=payment.amount_cents, bookings=list(booking_prices),
                cancelled=[c.booking_id for c in cancelled], note=journal_note),
        )], last=taken[journal_counter])
        if basket is not None:
            basket_paid_in(batch, basket, now)
        batch.add(insert(AuditEntry).values(
            at=now, agent_id=actor.agent_id, action="payment", outcome=AuditOutcome.OK, family_id=family_id,
            detail=f"ticket {code} : {format_cents(payment.amount_cents)}"))
        if then is not None:
            then(batch)
    balance_after = (family_balance(session, family_id) if due.balance_cents is None
                     else due.balance_cents + sum(row.amount_cents for row in ledger.all))
    if ticket is not None:
        _keep_ticket(session, ticket, payment, receipt, lines, ledger, actor, channel, entries[-1].hash,
                     booking_prices, cancelled, balance_after)
    return PaymentRecord(
        payment_id=payment.id, receipt_code=code, paid_at=now, amount_cents=payment.amount_cents,
        change_cents=settlement.change_cents, credit_used_cents=due.credit_used_cents,
        balance_settled_cents=due.balance_settled_cents, credit_created_cents=settlement.voucher_excess_cents,
        balance_after_cents=balance_after, booking_ids=tuple(booking_prices),
        cancelled_booking_ids=tuple(c.booking_id for c in cancelled), journal_hash=entries[-1].hash,
    )


def _receipt_in(batch: Batch, payment_id: int, year: int, now: datetime) -> Callable[[], Receipt]:
    """The payment's receipt, numbered in ``batch`` from the year's receipt counter that the batch's previous
    statement took (created or bumped, and locked: no other desk can move it before this insert reads it); call
    the answer once the batch has gone."""
    added = batch.add(insert(Receipt).from_select(
        ["payment_id", "year", "number", "issued_at"],
        select(literal(payment_id, Receipt.payment_id.type), literal(year, Receipt.year.type), Counter.last_value,
               literal(now, Receipt.issued_at.type)).where(Counter.name == receipt_counter(year)),
    ).returning(Receipt.id, Receipt.number))

    def numbered() -> Receipt:
        row = added.result.one()
        receipt = Receipt(payment_id=payment_id, year=year, number=row.number, issued_at=now)
        receipt.id = row.id
        return receipt

    return numbered


def _keep_ticket(session: Session, ticket: _TicketRead, payment: Payment, receipt: Receipt, lines: list[PaymentLine],
                 ledger: _LedgerMoves, actor: Actor, channel: PaymentChannel, journal_hash: str,
                 booking_prices: dict[int, int], cancelled: list[Cancellation], balance_after: int) -> None:
    """What the ticket and the account show, kept for this transaction's ``receipt_document`` and
    ``family_account``: they read nothing back."""
    keep_ticket_facts(session, TicketFacts(
        payment_id=payment.id, family_id=payment.family_id, year=receipt.year, number=receipt.number,
        issued_at=receipt.issued_at, agent_name=(actor.name or "—") if actor.agent_id is not None else "—",
        amount_cents=payment.amount_cents, journal_hash=journal_hash, online=channel is PaymentChannel.ONLINE,
        booked=tuple(ticket.booked[b] for b in booking_prices),
        cancelled=tuple(ticket.booked[c.booking_id] for c in cancelled),
        tenders=tuple(tendered(line) for line in lines),
        ledger=tuple((row.kind, row.amount_cents) for row in ledger.all if row.payment_id == payment.id),
        balance_after_cents=balance_after, regie=ticket.regie, family=ticket.family,
    ))
    keep_payments(session, payment.family_id, ticket.payments + tuple(
        SummaryRow(payment.id, payment.paid_at, payment.amount_cents, payment.channel, receipt.year, receipt.number,
                   line.mode, line.amount_cents, line.id) for line in lines
    ) + (() if lines else (SummaryRow(payment.id, payment.paid_at, payment.amount_cents, payment.channel,
                                      receipt.year, receipt.number, None, None, None),)))


def basket_paid_in(batch: Batch, basket: Basket, now: datetime) -> None:
    """The basket paid, in ``batch``; the object says so at once, without a flush of its own."""
    batch.add(update(Basket).where(Basket.id == basket.id).values(state=BasketState.PAID, updated_at=now),
              synchronize_session=False)
    set_committed_value(basket, "state", BasketState.PAID)
    set_committed_value(basket, "updated_at", now)


def _payment_line(payment_id: int | ColumnElement[int], line: SettledLine) -> PaymentLine:
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


@dataclass(frozen=True)
class _LedgerMoves:
    settlement: LedgerEntry | None
    excess_credit: LedgerEntry | None
    all: tuple[LedgerEntry, ...]


def _ledger_entries_in(batch: Batch, now: datetime, family_id: int, payment_id: int | ColumnElement[int], actor: Actor, due: Due,
                       excess_cents: int, excess_label: str) -> Callable[[], _LedgerMoves]:
    """The ledger moves of a payment, in ``batch``; call the answer once the batch has gone."""
    numbered = []

    def entry(kind: LedgerKind, amount: int, label: str) -> LedgerEntry:
        row = LedgerEntry(family_id=family_id, created_at=now, kind=kind, amount_cents=amount, label=label,
                          payment_id=payment_id, agent_id=actor.agent_id)
        numbered.append(insert_new_in(batch, row))
        return row

    settlement = entry(LedgerKind.PAYMENT, -due.balance_settled_cents, "Règlement du restant dû") if due.balance_settled_cents else None
    used = entry(LedgerKind.CREDIT_USE, due.credit_used_cents, "Avoir déduit du règlement") if due.credit_used_cents else None
    excess = entry(LedgerKind.CREDIT, -excess_cents, excess_label) if excess_cents else None

    def moves() -> _LedgerMoves:
        for number in numbered:
            number()
        return _LedgerMoves(settlement, excess, tuple(row for row in (settlement, used, excess) if row is not None))

    return moves


def _allocate_in(batch: Batch, payment_id: int, received: int, booking_prices: dict[int, int],
                 ledger: _LedgerMoves) -> Callable[[], list[dict[str, Any]]]:
    """Say what the money paid: the balance due first, then bookings in order, then an excess credit (in
    ``batch``; call the answer once the batch has gone)."""
    left = received
    targets: list[tuple[str, int, int]] = []
    if ledger.settlement is not None:
        targets.append(("ledger_entry_id", ledger.settlement.id, -ledger.settlement.amount_cents))
    targets += [("booking_id", booking_id, price) for booking_id, price in booking_prices.items()]
    if ledger.excess_credit is not None:
        targets.append(("ledger_entry_id", ledger.excess_credit.id, -ledger.excess_credit.amount_cents))
    allocations = []
    for column, target_id, amount in targets:
        part = min(amount, left)
        if part > 0:
            allocations.append({"payment_id": payment_id, "amount_cents": part, "booking_id": None,
                                "ledger_entry_id": None, column: target_id})
            left -= part
    if not allocations:
        return list
    added = batch.add(insert(PaymentAllocation).values(allocations).returning(
        PaymentAllocation.id, PaymentAllocation.booking_id, PaymentAllocation.ledger_entry_id))

    def numbered() -> list[dict[str, Any]]:
        # each target is paid once: its row says which id is its own, whatever order the rows come back in
        ids = {(row.booking_id, row.ledger_entry_id): row.id for row in added.result}
        for allocation in allocations:
            allocation["id"] = ids[(allocation["booking_id"], allocation["ledger_entry_id"])]
        return allocations

    return numbered
