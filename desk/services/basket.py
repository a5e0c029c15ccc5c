"""The basket (*modifications en cours*): pending bookings that hold places, and
proposed cancellations, until the family pays or the holds expire.

Places are counted on ``open_day.places_taken`` by conditional updates in the
same transaction as the booking rows, and the database refuses any count above
capacity (a CHECK constraint): whatever the interleaving of desks, an open day
is never overbooked. On PostgreSQL the basket row is locked for the action,
so two desks serving the same family take turns; on SQLite every write
transaction begins IMMEDIATE, which serialises them.
"""

from __future__ import annotations

import enum
from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from desk.clock import PARIS, Clock
from desk.db.baskets import ACTIVE_BASKET_STATES, lock_active_basket, lock_or_open_basket
from desk.db.enums import LIVE_BOOKING_STATES, BasketState, BookingState
from desk.db.models import (
    Activity,
    Basket,
    Booking,
    Child,
    Enrolment,
    Family,
    OpenDay,
    Unit,
    UnitExclusion,
)
from desk.errors import DeskError, ValidationError
from desk.money import format_cents
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.booking_rules import Blocker, BookingPolicy, blocker_text, booking_deadline
from desk.services.pricing import amount_to_pay, family_balance, price_list

DEFAULT_POLICY = BookingPolicy()


class BookingRefusedError(DeskError):
    """A toggle the rules refuse; ``blocker`` says which rule."""

    def __init__(self, blocker: Blocker, message: str) -> None:
        super().__init__(message)
        self.blocker = blocker


class ToggleOutcome(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CANCELLATION_PROPOSED = "cancellation_proposed"
    CANCELLATION_WITHDRAWN = "cancellation_withdrawn"


@dataclass(frozen=True)
class BasketLine:
    """One line of the recap: a booking to pay or a paid booking to cancel."""

    booking_id: int
    day: date
    child_id: int
    child_first_name: str
    activity_name: str
    unit_name: str
    price_cents: int
    is_cancellation: bool
    is_expired: bool = False

    @property
    def element(self) -> str:
        return f"{self.child_first_name} - {self.activity_name} - {self.unit_name}"

    def recap_row(self) -> tuple[str, str, str, str]:
        """``Date | Élément | Tarification | Coût`` as the portal shows it."""
        if self.is_cancellation:
            return (f"{self.day:%d/%m/%Y}", f"{self.element} (annulation)", "avoir", format_cents(-self.price_cents))
        if self.is_expired:
            return (f"{self.day:%d/%m/%Y}", f"{self.element} (attente expirée)", "à l'unité", format_cents(self.price_cents))
        return (f"{self.day:%d/%m/%Y}", self.element, "à l'unité", format_cents(self.price_cents))


@dataclass(frozen=True)
class BasketView:
    family_id: int
    basket_id: int | None
    state: BasketState | None
    bookings: tuple[BasketLine, ...]
    cancellations: tuple[BasketLine, ...]
    balance_cents: int
    hold_expires_at: datetime | None
    expired: tuple[BasketLine, ...] = ()

    @property
    def bookings_cents(self) -> int:
        """Pending bookings, and expired ones, which paying renews where the place is still free."""
        return sum(line.price_cents for line in self.bookings + self.expired)

    @property
    def cancellations_cents(self) -> int:
        return sum(line.price_cents for line in self.cancellations)

    @property
    def to_pay_cents(self) -> int:
        return amount_to_pay(self.bookings_cents, self.cancellations_cents, self.balance_cents)

    @property
    def is_empty(self) -> bool:
        return not self.bookings and not self.cancellations and not self.expired

    def recap_rows(self) -> list[tuple[str, str, str, str]]:
        lines = sorted(self.bookings + self.expired + self.cancellations,
                       key=lambda line: (line.day, line.child_first_name, line.unit_name))
        return [line.recap_row() for line in lines]

    def balance_text(self) -> str:
        if self.balance_cents > 0:
            return f"Restant dû : {format_cents(self.balance_cents)}"
        if self.balance_cents < 0:
            return f"Avoir : {format_cents(-self.balance_cents)}"
        return f"Restant dû : {format_cents(0)}"


@dataclass(frozen=True)
class ToggleResult:
    outcome: ToggleOutcome
    booking_id: int
    replaced_booking_ids: tuple[int, ...] = ()
    basket: BasketView | None = None


@dataclass(frozen=True)
class ExpiryReport:
    bookings_expired: int
    places_freed: dict[int, int] = field(default_factory=dict)


# -- reading -----------------------------------------------------------------


def active_basket(session: Session, family_id: int) -> Basket | None:
    return session.scalar(select(Basket).where(Basket.family_id == family_id, Basket.state.in_(ACTIVE_BASKET_STATES)))


def basket_view(session: Session, family_id: int) -> BasketView:
    basket = active_basket(session, family_id)
    balance = family_balance(session, family_id)
    if basket is None:
        return BasketView(family_id, None, None, (), (), balance, None)
    pending = session.execute(_lines_query().where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)).all()
    cancelling = session.execute(
        _lines_query().where(Booking.cancellation_basket_id == basket.id, Booking.state == BookingState.CONFIRMED)
    ).all()
    expired = session.execute(_lines_query().where(Booking.basket_id == basket.id, Booking.state == BookingState.EXPIRED)).all()
    holds = [row.hold_expires_at for row in pending if row.hold_expires_at is not None]
    return BasketView(
        family_id=family_id,
        basket_id=basket.id,
        state=basket.state,
        bookings=tuple(_line(row, is_cancellation=False) for row in pending),
        cancellations=tuple(_line(row, is_cancellation=True) for row in cancelling),
        balance_cents=balance,
        hold_expires_at=min(holds) if holds else None,
        expired=tuple(_line(row, is_cancellation=False, is_expired=True) for row in expired),
    )


def _lines_query():
    return (
        select(Booking.id, OpenDay.day, Child.id.label("child_id"), Child.first_name, Activity.name.label("activity_name"),
               Unit.name.label("unit_name"), Booking.price_cents, Booking.hold_expires_at)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .join(Unit, OpenDay.unit_id == Unit.id)
        .join(Activity, Unit.activity_id == Activity.id)
        .join(Child, Booking.child_id == Child.id)
        .order_by(OpenDay.day, Child.symbol_index, Unit.position)
    )


def _line(row, *, is_cancellation: bool, is_expired: bool = False) -> BasketLine:
    return BasketLine(row.id, row.day, row.child_id, row.first_name, row.activity_name, row.unit_name,
                      row.price_cents, is_cancellation, is_expired)


# -- changing ----------------------------------------------------------------


def toggle_booking(
    session: Session,
    clock: Clock,
    *,
    family_id: int,
    child_id: int,
    open_day_id: int,
    actor: Actor,
    policy: BookingPolicy = DEFAULT_POLICY,
    override_reason: str | None = None,
) -> ToggleResult:
    """Check or uncheck one cell of the planning for one child.

    An empty cell gets a pending booking holding a place (a *journée* replaces
    the half-days of the same day in the basket, and the other way round); a
    pending one is dropped; a paid one is proposed for cancellation, which only
    a régisseur may do; a proposed cancellation is withdrawn. A régisseur may
    pass the booking deadline by giving a reason, kept in the audit trail.
    """
    now = clock.now()
    overridden = _deadline_override(session, clock, actor, override_reason, family_id)
    child = session.get(Child, child_id)
    if child is None or child.family_id != family_id:
        raise DeskError("Cet enfant n'appartient pas à ce dossier.", "Rouvrez le dossier de la famille.")
    open_day = session.scalar(
        select(OpenDay).where(OpenDay.id == open_day_id).options(joinedload(OpenDay.unit).joinedload(Unit.activity))
    )
    if open_day is None:
        raise BookingRefusedError(Blocker.CLOSED, blocker_text(Blocker.CLOSED))
    basket = lock_or_open_basket(session, family_id, now, actor.agent_id)
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise BookingRefusedError(Blocker.LOCKED, blocker_text(Blocker.LOCKED))
    _expire_stale(session, now, Booking.basket_id == basket.id)  # as the sweep would have, before anything else
    live = session.scalar(
        select(Booking).where(Booking.child_id == child_id, Booking.open_day_id == open_day_id,
                              Booking.state.in_(LIVE_BOOKING_STATES)).with_for_update()
    )
    if live is None:
        result = _add(session, now, child, open_day, basket, actor, policy, overridden)
    elif live.state is BookingState.PENDING:
        _drop(session, live, now)
        result = ToggleResult(ToggleOutcome.REMOVED, live.id)
    elif live.cancellation_basket_id == basket.id:
        replaced = _clear_excluded_units(session, now, child, open_day, basket)
        live.cancellation_basket_id = None
        result = ToggleResult(ToggleOutcome.CANCELLATION_WITHDRAWN, live.id, tuple(replaced))
    else:
        check_timing(open_day, now, deadline_overridden=overridden)
        require_cashier(actor, "cancel_paid_booking", blocker_text(Blocker.PAID, price_cents=live.price_cents))
        live.cancellation_basket_id = basket.id
        result = ToggleResult(ToggleOutcome.CANCELLATION_PROPOSED, live.id)
    _touch(session, basket, now, policy)
    return ToggleResult(result.outcome, result.booking_id, result.replaced_booking_ids, basket_view(session, family_id))


def clear_basket(session: Session, clock: Clock, family_id: int) -> BasketView:
    """*Tout supprimer*: drop every pending booking (freeing its place) and withdraw every cancellation."""
    now = clock.now()
    basket = lock_active_basket(session, family_id)
    if basket is None:
        return basket_view(session, family_id)
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise BookingRefusedError(Blocker.LOCKED, blocker_text(Blocker.LOCKED))
    pending = session.scalars(
        select(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)
        .order_by(Booking.open_day_id)
    ).all()
    for booking in pending:
        _drop(session, booking, now)
    session.execute(update(Booking).where(Booking.cancellation_basket_id == basket.id).values(cancellation_basket_id=None))
    basket.state = BasketState.CLEARED
    basket.updated_at = now
    session.flush()
    return basket_view(session, family_id)


def forget_expired_line(session: Session, family_id: int, booking_id: int) -> BasketView:
    """Take an expired line out of the basket (its place was lost, or the family changed its mind)."""
    basket = lock_active_basket(session, family_id)
    if basket is not None:
        _forget_expired(session, basket.id, Booking.id == booking_id)
    return basket_view(session, family_id)


def _forget_expired(session: Session, basket_id: int, *conditions) -> None:
    session.execute(
        update(Booking).where(Booking.basket_id == basket_id, Booking.state == BookingState.EXPIRED, *conditions)
        .values(basket_id=None).execution_options(synchronize_session=False)
    )


def expire_holds(session: Session, now: datetime) -> ExpiryReport:
    """Expire every pending booking whose hold has passed and free its place.

    Safe to run from several desks at once and beside their work: rows another
    transaction holds are skipped (that desk expires them itself), and a
    booking is expired by the one update that still finds it pending.
    """
    return _expire_stale(session, now)


def expire_holds_of_basket(session: Session, now: datetime, basket_id: int) -> ExpiryReport:
    return _expire_stale(session, now, Booking.basket_id == basket_id)


# -- the steps ---------------------------------------------------------------


def _expire_stale(session: Session, now: datetime, *conditions) -> ExpiryReport:
    stale = session.execute(
        select(Booking.id, Booking.open_day_id)
        .where(Booking.state == BookingState.PENDING, Booking.hold_expires_at <= now, *conditions)
        .order_by(Booking.open_day_id, Booking.id)
        .with_for_update(skip_locked=True)
    ).all()
    if not stale:
        return ExpiryReport(0)
    expired = session.execute(
        update(Booking)
        .where(Booking.id.in_([row.id for row in stale]), Booking.state == BookingState.PENDING)
        .values(state=BookingState.EXPIRED, ended_at=now)
        .returning(Booking.open_day_id)
        .execution_options(synchronize_session=False)
    ).scalars().all()
    freed = Tally(expired)
    for open_day_id, count in sorted(freed.items()):
        _release_places(session, open_day_id, count)
    return ExpiryReport(len(expired), dict(freed))


def check_timing(open_day: OpenDay, now: datetime, *, deadline_overridden: bool = False) -> None:
    """Refuse a day that is past, or after its booking deadline unless a régisseur overrides it."""
    activity = open_day.unit.activity
    if open_day.day < now.astimezone(PARIS).date():
        raise BookingRefusedError(Blocker.PAST, blocker_text(Blocker.PAST))
    deadline = booking_deadline(open_day.day, activity.booking_deadline_days, activity.booking_deadline_hour)
    if now >= deadline and not deadline_overridden:
        raise BookingRefusedError(Blocker.DEADLINE, blocker_text(Blocker.DEADLINE, deadline=deadline))


def active_enrolment_id(session: Session, child: Child, activity: Activity) -> int:
    """The child's current enrolment in the activity, share-locked so that it cannot end meanwhile."""
    enrolment_id = session.scalar(
        select(Enrolment.id).where(Enrolment.child_id == child.id, Enrolment.activity_id == activity.id,
                                   Enrolment.ended_at.is_(None)).with_for_update(read=True)
    )
    if enrolment_id is None:
        raise DeskError(f"{child.first_name} n'est pas inscrit(e) à « {activity.name} ».",
                        "Créez d'abord la ligne d'activité (onglet Inscriptions).")
    return enrolment_id


def _deadline_override(session: Session, clock: Clock, actor: Actor, reason: str | None, family_id: int) -> bool:
    if reason is None:
        return False
    require_cashier(actor, "override_deadline", "Seul un régisseur peut passer outre le délai de réservation.")
    if not reason.strip():
        raise ValidationError("Indiquez la raison pour laquelle le délai de réservation est dépassé.", field="reason")
    record(session, clock, actor, "override_deadline", reason.strip(), family_id=family_id)
    return True


def _add(session: Session, now: datetime, child: Child, open_day: OpenDay, basket: Basket, actor: Actor,
         policy: BookingPolicy, deadline_overridden: bool = False) -> ToggleResult:
    check_timing(open_day, now, deadline_overridden=deadline_overridden)
    enrolment_id = active_enrolment_id(session, child, open_day.unit.activity)
    same_day = select(OpenDay.id).where(OpenDay.day == open_day.day)
    _forget_expired(session, basket.id, Booking.child_id == child.id, Booking.open_day_id.in_(same_day))
    replaced = _clear_excluded_units(session, now, child, open_day, basket)
    if not _take_place(session, open_day.id):
        _expire_stale(session, now, Booking.open_day_id == open_day.id)  # holds other desks left behind
        if not _take_place(session, open_day.id):
            raise BookingRefusedError(Blocker.FULL, blocker_text(Blocker.FULL))
    family = session.get(Family, child.family_id)
    assert family is not None
    price = price_list(session, family.quotient_familial, [open_day.unit_id]).price_of(open_day.unit_id)
    booking = Booking(
        child_id=child.id, enrolment_id=enrolment_id, open_day_id=open_day.id, basket_id=basket.id,
        state=BookingState.PENDING, price_cents=price, hold_expires_at=now + policy.hold, created_at=now,
        created_by_id=actor.agent_id,
    )
    session.add(booking)
    session.flush()
    return ToggleResult(ToggleOutcome.ADDED, booking.id, tuple(replaced))


def excluded_live_bookings(session: Session, child_id: int, open_day: OpenDay) -> list[tuple[Booking, str]]:
    """The child's live bookings, the same day, in the units this one excludes."""
    excluded = select(UnitExclusion.excluded_unit_id).where(UnitExclusion.unit_id == open_day.unit_id)
    return [
        (booking, unit_name)
        for booking, unit_name in session.execute(
            select(Booking, Unit.name)
            .join(OpenDay, Booking.open_day_id == OpenDay.id)
            .join(Unit, OpenDay.unit_id == Unit.id)
            .where(Booking.child_id == child_id, OpenDay.day == open_day.day, OpenDay.unit_id.in_(excluded),
                   Booking.state.in_(LIVE_BOOKING_STATES))
            .order_by(Booking.open_day_id)
            .with_for_update(of=Booking)
        ).all()
    ]


def _clear_excluded_units(session: Session, now: datetime, child: Child, open_day: OpenDay, basket: Basket) -> list[int]:
    """Drop the basket's bookings that this unit excludes; refuse if one of them is paid."""
    replaced = []
    for booking, unit_name in excluded_live_bookings(session, child.id, open_day):
        if booking.state is BookingState.PENDING:
            _drop(session, booking, now)
            replaced.append(booking.id)
        elif booking.cancellation_basket_id != basket.id:
            raise BookingRefusedError(Blocker.EXCLUDED, blocker_text(Blocker.EXCLUDED, other_unit=unit_name))
    return replaced


def _take_place(session: Session, open_day_id: int) -> bool:
    taken = session.execute(
        update(OpenDay)
        .where(OpenDay.id == open_day_id, OpenDay.places_taken < OpenDay.capacity)
        .values(places_taken=OpenDay.places_taken + 1)
        .execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1


def _release_places(session: Session, open_day_id: int, count: int = 1) -> None:
    session.execute(
        update(OpenDay).where(OpenDay.id == open_day_id).values(places_taken=OpenDay.places_taken - count)
        .execution_options(synchronize_session=False)
    )


def _drop(session: Session, booking: Booking, now: datetime) -> None:
    dropped = session.execute(
        update(Booking)
        .where(Booking.id == booking.id, Booking.state == BookingState.PENDING)
        .values(state=BookingState.CANCELLED, ended_at=now)
        .execution_options(synchronize_session=False)
    )
    if dropped.rowcount == 1:
        _release_places(session, booking.open_day_id)
    session.expire(booking)


def _touch(session: Session, basket: Basket, now: datetime, policy: BookingPolicy) -> None:
    """Every change renews the holds still running in the basket (stale ones were expired first)."""
    session.execute(
        update(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING,
                              Booking.hold_expires_at > now)
        .values(hold_expires_at=now + policy.hold).execution_options(synchronize_session=False)
    )
    basket.updated_at = now
    session.flush()
