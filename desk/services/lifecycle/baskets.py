"""The basket (*modifications en cours*): pending bookings that hold places, and
proposed cancellations, until the family pays or the holds expire.

``toggle_booking`` is the planning click: it locks what it will change (in
the order of ``locks``), expires the holds that ran out, asks the one rule
(``booking_rules.cell_verdict``) about the cell as the locked rows describe
it, and only then changes states and places. A refusal raises before any
change is kept: the caller's transaction rolls back.
"""

from __future__ import annotations

import enum
from collections import Counter as Tally
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import Row, Select, and_, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desk.clock import Clock
from desk.db.baskets import ACTIVE_BASKET_STATES
from desk.db.enums import LIVE_BOOKING_STATES, BasketState, BookingState
from desk.db.models import (
    Activity,
    Basket,
    Booking,
    Child,
    Enrolment,
    Family,
    OpenDay,
    QuotientBracket,
    Tariff,
    Unit,
    UnitExclusion,
)
from desk.db.pipeline import Batch, together
from desk.errors import DeskError, ValidationError
from desk.money import format_cents
from desk.services.access import Actor, PermissionDeniedError, require_cashier
from desk.services.audit import record
from desk.services.booking_rules import (
    Blocker,
    BookingPolicy,
    CellFacts,
    CellState,
    Verdict,
    blocker_text,
    booking_deadline,
    cell_verdict,
)
from desk.services.lifecycle import bookings, locks
from desk.services.pricing import PriceList, amount_to_pay, choose_bracket, family_balance_column

DEFAULT_POLICY = BookingPolicy()
MAX_REASON_LENGTH = 300
# Built once: an alias made at each click costs its columns' collection again (some 3 ms each, measured).
_CLICKED_DAY = aliased(OpenDay, name="clicked_day")
_OTHER_DAY = aliased(OpenDay, name="other_day")
_OTHER_UNIT = aliased(Unit, name="other_unit")


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
    """The active basket, its lines and the family's balance: three statements in one exchange."""
    active = select(Basket.id).where(Basket.family_id == family_id,
                                     Basket.state.in_(ACTIVE_BASKET_STATES)).scalar_subquery()
    with together(session) as batch:
        found = batch.add(select(Basket).where(Basket.family_id == family_id,
                                               Basket.state.in_(ACTIVE_BASKET_STATES)))
        balance = batch.add(select(family_balance_column(family_id)))
        lines = batch.add(_lines_query().where(or_(
            and_(Booking.basket_id == active, Booking.state.in_([BookingState.PENDING, BookingState.EXPIRED])),
            and_(Booking.cancellation_basket_id == active, Booking.state == BookingState.CONFIRMED),
        )))
    basket = found.result.scalar_one_or_none()
    balance_cents = int(balance.result.scalar_one() or 0)
    if basket is None:
        return BasketView(family_id, None, None, (), (), balance_cents, None)
    rows = lines.result.all()
    pending = [row for row in rows if row.state is BookingState.PENDING]
    holds = [row.hold_expires_at for row in pending if row.hold_expires_at is not None]
    return BasketView(
        family_id=family_id,
        basket_id=basket.id,
        state=basket.state,
        bookings=tuple(_line(row) for row in pending),
        cancellations=tuple(_line(row, is_cancellation=True) for row in rows if row.state is BookingState.CONFIRMED),
        balance_cents=balance_cents,
        hold_expires_at=min(holds) if holds else None,
        expired=tuple(_line(row, is_expired=True) for row in rows if row.state is BookingState.EXPIRED),
    )


def _lines_query():
    return (
        select(Booking.id, Booking.state, OpenDay.day, Child.id.label("child_id"), Child.first_name,
               Activity.name.label("activity_name"), Unit.name.label("unit_name"), Booking.price_cents,
               Booking.hold_expires_at)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .join(Unit, OpenDay.unit_id == Unit.id)
        .join(Activity, Unit.activity_id == Activity.id)
        .join(Child, Booking.child_id == Child.id)
        .order_by(OpenDay.day, Child.symbol_index, Unit.position)
    )


def _line(row, *, is_cancellation: bool = False, is_expired: bool = False) -> BasketLine:
    return BasketLine(row.id, row.day, row.child_id, row.first_name, row.activity_name, row.unit_name,
                      row.price_cents, is_cancellation, is_expired)


# -- the planning click --------------------------------------------------------


@dataclass(frozen=True)
class _Held:
    """A locked booking as it was when locked (the ORM rows go stale once bulk updates run)."""

    id: int
    child_id: int
    open_day_id: int
    state: BookingState
    basket_id: int | None
    cancellation_basket_id: int | None
    price_cents: int
    stale: bool

    @classmethod
    def of(cls, booking: Booking, now: datetime) -> _Held:
        stale = booking.state is BookingState.PENDING and booking.hold_expires_at is not None \
            and booking.hold_expires_at <= now
        return cls(booking.id, booking.child_id, booking.open_day_id, booking.state, booking.basket_id,
                   booking.cancellation_basket_id, booking.price_cents, stale)

    @property
    def is_live(self) -> bool:
        return self.state in LIVE_BOOKING_STATES and not self.stale


@dataclass(frozen=True)
class _Cell:
    """The clicked cell: the child, the open day, the units it excludes that day, the child's enrolment."""

    child: Child
    open_day: OpenDay
    excluded: dict[int, str]  # open day id → unit name, same day
    enrolment_id: int | None  # the child's current enrolment in the day's activity, if any
    unit: Unit  # held here, so open_day.unit and its activity are read from the identity map
    activity: Activity
    prices: PriceList  # the family's, for this unit


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
    describe_basket: bool = True,
    then: Callable[[Batch], object] | None = None,
) -> ToggleResult:
    """Check or uncheck one cell of the planning for one child.

    An empty cell gets a pending booking holding a place (a *journée* replaces
    the half-days of the same day in the basket, and the other way round); a
    pending one is dropped; a paid one is proposed for cancellation, which only
    a régisseur may do; a proposed cancellation is withdrawn. A régisseur may
    pass the booking deadline by giving a reason, kept in the audit trail.

    Two exchanges with the server (``desk.db.pipeline``): the first sends the
    locks (agent and family, basket, bookings) with the cell's facts, read
    after the family's lock; the rule decides on them; the second sends the
    changes. ``then`` (an ``Along``) adds to the second what the caller shows
    next (the grid), read after the changes, and that batch then ends the
    unit of work: it carries the COMMIT. ``describe_basket`` (without
    ``then``) reads the basket's recap afterwards.
    """
    now = clock.now()
    with together(session) as batch:
        checked = locks.acting_on_family_in(batch, actor, family_id)
        facts = batch.add(_cell_statement(child_id, open_day_id))
        opened = locks.active_or_new_basket_in(batch, family_id, now, actor.agent_id)
        locked = _lock_around_in(batch, now, family_id, child_id, open_day_id, policy)
    actor = checked()
    overridden = _deadline_override(session, clock, actor, override_reason, family_id)
    cell = _cell_of(session, facts.result.all(), family_id, child_id)
    basket = opened()
    held = [_Held.of(booking, now) for booking in locked()]
    live = next((b for b in held if b.child_id == child_id and b.open_day_id == open_day_id and b.is_live), None)
    if live is None and cell.open_day.places_taken >= cell.open_day.capacity:  # holds run out free a place
        held += [_Held.of(b, now) for b in locks.bookings(
            session, Booking.open_day_id == open_day_id, Booking.state == BookingState.PENDING,
            Booking.hold_expires_at <= now, Booking.id.not_in([b.id for b in held]), skip_locked=True)]
    stale = {b.id: b.open_day_id for b in held if b.stale}
    verdict = _verdict(cell, basket, live, held, Tally(stale.values()), now, actor, overridden)
    if not verdict.allowed:
        _refuse(verdict)
    moved = {*stale.values(), cell.open_day.id, *(b.open_day_id for b in _in_excluded_units(cell, held))}
    try:
        with together(session, commit=then is not None) as batch:
            if len(moved) > 1:  # the places of several days may move: their locks first, in ascending id
                locks.open_days_in(batch, moved)
            bookings.end_pending_in(batch, now, stale, BookingState.EXPIRED)
            toggled = _apply(batch, now, policy, actor, cell, basket, live, held)
            if then is not None:
                then(batch)
    except IntegrityError as error:  # a place taken at another desk since the facts were read
        if not bookings.is_full_refusal(error):
            raise
        raise BookingRefusedError(Blocker.FULL, blocker_text(Blocker.FULL)) from None
    result = toggled()
    return replace(result, basket=basket_view(session, family_id)) if describe_basket and then is None else result


def _cell_statement(child_id: int, open_day_id: int) -> Select[Any]:
    """The child, the open day with its unit and activity, the excluded units' days, the enrolment and the
    unit's price in each quotient bracket with the family's quotient: one statement."""
    other, other_unit = _OTHER_DAY, _OTHER_UNIT
    enrolment = select(Enrolment.id).where(Enrolment.child_id == Child.id, Enrolment.activity_id == Unit.activity_id,
                                           Enrolment.ended_at.is_(None)).limit(1).scalar_subquery()
    quotient = select(Family.quotient_familial).where(Family.id == Child.family_id).scalar_subquery()
    return (
        select(Child, OpenDay, Unit, Activity, other.id.label("other_id"), other_unit.name.label("other_name"),
               enrolment.label("enrolment_id"), quotient.label("quotient"),
               QuotientBracket.id.label("bracket_id"), QuotientBracket.label.label("bracket_label"),
               QuotientBracket.lower_bound, QuotientBracket.upper_bound, Tariff.price_cents)
        .select_from(OpenDay)
        .join(Unit, Unit.id == OpenDay.unit_id)
        .join(Activity, Activity.id == Unit.activity_id)
        .join(Child, Child.id == child_id)
        .outerjoin(UnitExclusion, UnitExclusion.unit_id == Unit.id)
        .outerjoin(other, and_(other.unit_id == UnitExclusion.excluded_unit_id, other.day == OpenDay.day))
        .outerjoin(other_unit, other_unit.id == other.unit_id)
        .outerjoin(QuotientBracket, true())
        .outerjoin(Tariff, and_(Tariff.bracket_id == QuotientBracket.id, Tariff.unit_id == Unit.id))
        .where(OpenDay.id == open_day_id)
    )


def _cell_of(session: Session, rows: Sequence[Row[Any]], family_id: int, child_id: int) -> _Cell:
    if not rows:
        if session.get(Child, child_id) is None:
            raise DeskError("Cet enfant n'appartient pas à ce dossier.", "Rouvrez le dossier de la famille.")
        raise BookingRefusedError(Blocker.CLOSED, blocker_text(Blocker.CLOSED))
    first = rows[0]
    if first.Child.family_id != family_id:
        raise DeskError("Cet enfant n'appartient pas à ce dossier.", "Rouvrez le dossier de la famille.")
    excluded = {row.other_id: row.other_name for row in rows if row.other_id is not None}
    brackets = sorted({row.bracket_id: row for row in rows if row.bracket_id is not None}.values(),
                      key=lambda row: (row.lower_bound, row.bracket_id))
    chosen = choose_bracket([_Bracket(row.bracket_id, row.bracket_label, row.lower_bound, row.upper_bound)
                             for row in brackets], first.quotient)
    price = next((row.price_cents for row in brackets if row.bracket_id == chosen.id), None)
    prices = {} if price is None else {first.Unit.id: price}
    return _Cell(first.Child, first.OpenDay, excluded, first.enrolment_id, first.Unit, first.Activity,
                 PriceList(chosen.label, prices))


@dataclass(frozen=True)
class _Bracket:
    id: int
    label: str
    lower_bound: int
    upper_bound: int | None


def _lock_around_in(batch: Batch, now: datetime, family_id: int, child_id: int, open_day_id: int,
                    policy: BookingPolicy) -> Callable[[], list[Booking]]:
    """Lock the basket's bookings and the child's live ones in this cell and the cells it excludes; renew, in the
    same statement, the basket's holds still running but the clicked cell's.

    Sent with the basket's lock, before its answer: the basket and the
    excluded cells are found by the statement itself. Every change renews
    the holds still running in the basket (stale ones are expired next, the
    clicked cell's is the one the click changes, a new one holds from now);
    the basket itself was touched when it was locked. A refusal rolls the
    renewal back with the rest.
    """
    basket_id = select(Basket.id).where(Basket.family_id == family_id,
                                        Basket.state.in_(ACTIVE_BASKET_STATES)).scalar_subquery()
    clicked, other = _CLICKED_DAY, _OTHER_DAY
    excluded_days = (select(other.id).select_from(clicked)
                     .join(UnitExclusion, UnitExclusion.unit_id == clicked.unit_id)
                     .join(other, and_(other.unit_id == UnitExclusion.excluded_unit_id, other.day == clicked.day))
                     .where(clicked.id == open_day_id))
    return locks.bookings_renewing_in(
        batch,
        or_(
            and_(Booking.basket_id == basket_id, Booking.state.in_([BookingState.PENDING, BookingState.EXPIRED])),
            and_(Booking.child_id == child_id,
                 or_(Booking.open_day_id == open_day_id, Booking.open_day_id.in_(excluded_days)),
                 Booking.state.in_(LIVE_BOOKING_STATES)),
        ),
        renew=and_(Booking.basket_id == basket_id, Booking.state == BookingState.PENDING,
                   Booking.hold_expires_at > now,
                   or_(Booking.child_id != child_id, Booking.open_day_id != open_day_id)),
        hold_until=now + policy.hold,
    )


def _state(live: _Held | None) -> CellState:
    if live is None:
        return CellState.NONE
    if live.state is BookingState.PENDING:
        return CellState.PENDING
    return CellState.PENDING_CANCELLATION if live.cancellation_basket_id is not None else CellState.CONFIRMED


class HasDeadline(Protocol):
    """An activity as far as its booking deadline goes (the ORM row or the grid's plain copy)."""

    @property
    def booking_deadline_days(self) -> int: ...
    @property
    def booking_deadline_hour(self) -> int: ...


def cell_facts(day: date, activity: HasDeadline, *, places_left: int, state: CellState, price_cents: int,
               paid_clash: str | None, basket_locked: bool) -> CellFacts:
    """The facts of one cell, for the grid and the write alike."""
    return CellFacts(
        day=day,
        deadline=booking_deadline(day, activity.booking_deadline_days, activity.booking_deadline_hour),
        places_left=places_left, state=state, price_cents=price_cents, paid_clash=paid_clash,
        basket_locked=basket_locked,
    )


def _verdict(cell: _Cell, basket: Basket, live: _Held | None, held: list[_Held], freed: Tally[int], now: datetime,
             actor: Actor, overridden: bool) -> Verdict:
    clash = min((cell.excluded[b.open_day_id] for b in held
                 if b.child_id == cell.child.id and b.open_day_id in cell.excluded and b.is_live
                 and b.state is BookingState.CONFIRMED and b.cancellation_basket_id != basket.id), default=None)
    open_day = cell.open_day
    facts = cell_facts(
        open_day.day, cell.activity, places_left=open_day.capacity - open_day.places_taken + freed[open_day.id], state=_state(live),
        price_cents=live.price_cents if live else 0, paid_clash=clash,
        basket_locked=basket.state is BasketState.PAYMENT_IN_PROGRESS,
    )
    return cell_verdict(facts, now=now, is_cashier=actor.is_cashier, deadline_overridden=overridden)


def _refuse(verdict: Verdict) -> None:
    if verdict.blocker is Blocker.PAID:  # a role refusal: kept in the audit trail by the caller
        raise PermissionDeniedError("cancel_paid_booking", verdict.text)
    assert verdict.blocker is not None
    raise BookingRefusedError(verdict.blocker, verdict.text)


def _apply(batch: Batch, now: datetime, policy: BookingPolicy, actor: Actor, cell: _Cell, basket: Basket,
           live: _Held | None, held: list[_Held]) -> Callable[[], ToggleResult]:
    """The change, in ``batch``; call the answer once the batch has gone."""
    if live is None:
        return _add(batch, now, policy, actor, cell, basket, held)
    if live.state is BookingState.PENDING:
        bookings.end_pending_in(batch, now, {live.id: live.open_day_id}, BookingState.CANCELLED)
        return lambda: ToggleResult(ToggleOutcome.REMOVED, live.id)
    if live.cancellation_basket_id == basket.id:
        replaced = _drop_replacements(batch, now, cell, held)
        bookings.propose_cancellation(batch, live.id, None)
        return lambda: ToggleResult(ToggleOutcome.CANCELLATION_WITHDRAWN, live.id, replaced)
    bookings.propose_cancellation(batch, live.id, basket.id)
    return lambda: ToggleResult(ToggleOutcome.CANCELLATION_PROPOSED, live.id)


def _add(batch: Batch, now: datetime, policy: BookingPolicy, actor: Actor, cell: _Cell, basket: Basket,
         held: list[_Held]) -> Callable[[], ToggleResult]:
    child, open_day = cell.child, cell.open_day
    if cell.enrolment_id is None:
        raise _not_enrolled(child, cell.activity)
    # the child's expired lines in this cell and those it excludes give way to it, the holds this click has
    # just expired (sent before, in the same batch) included
    forget_expired_in(batch, basket.id, [b.id for b in held if b.child_id == child.id
                                         and (b.state is BookingState.EXPIRED or b.stale)
                                         and b.open_day_id in (open_day.id, *cell.excluded)])
    replaced = _drop_replacements(batch, now, cell, held)
    added = bookings.add_held_pending(
        batch, child_id=child.id, enrolment_id=cell.enrolment_id, open_day_id=open_day.id, basket_id=basket.id,
        price_cents=cell.prices.price_of(open_day.unit_id), hold_expires_at=now + policy.hold, created_at=now,
        created_by_id=actor.agent_id,
    )
    return lambda: ToggleResult(ToggleOutcome.ADDED, added.result.scalar_one(), replaced)


def _drop_replacements(batch: Batch, now: datetime, cell: _Cell, held: list[_Held]) -> tuple[int, ...]:
    """The basket's pending bookings of the child in the units this cell excludes give way to it."""
    replaced = {b.id: b.open_day_id for b in _in_excluded_units(cell, held)
                if b.state is BookingState.PENDING and not b.stale}
    bookings.end_pending_in(batch, now, replaced, BookingState.CANCELLED)
    return tuple(sorted(replaced))


def _in_excluded_units(cell: _Cell, held: list[_Held]) -> list[_Held]:
    """The child's bookings among ``held`` in the units the cell excludes that day (its half-days for a journée)."""
    return [b for b in held if b.child_id == cell.child.id and b.open_day_id in cell.excluded]


def active_enrolment_id(session: Session, child: Child, activity: Activity) -> int:
    """The child's current enrolment in the activity (the family's lock keeps it from ending meanwhile)."""
    enrolment_id = session.scalar(
        select(Enrolment.id).where(Enrolment.child_id == child.id, Enrolment.activity_id == activity.id,
                                   Enrolment.ended_at.is_(None))
    )
    if enrolment_id is None:
        raise _not_enrolled(child, activity)
    return enrolment_id


def _not_enrolled(child: Child, activity: Activity) -> DeskError:
    return DeskError(f"{child.first_name} n'est pas inscrit(e) à « {activity.name} ».",
                     "Créez d'abord la ligne d'activité (onglet Inscriptions).")


def _deadline_override(session: Session, clock: Clock, actor: Actor, reason: str | None, family_id: int) -> bool:
    if reason is None:
        return False
    require_cashier(actor, "override_deadline", "Seul un régisseur peut passer outre le délai de réservation.")
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Indiquez la raison pour laquelle le délai de réservation est dépassé.", field="reason")
    if len(reason) > MAX_REASON_LENGTH or not reason.isprintable():
        raise ValidationError(f"La raison du dépassement de délai doit tenir en {MAX_REASON_LENGTH} caractères "
                              "imprimables.", field="reason")
    record(session, clock, actor, "override_deadline", reason, family_id=family_id)
    return True


# -- the basket as a whole -------------------------------------------------------


def clear_basket(session: Session, clock: Clock, family_id: int, actor: Actor) -> BasketView:
    """*Tout supprimer*: drop every pending booking (freeing its place) and withdraw every cancellation."""
    now = clock.now()
    locks.acting(session, actor)
    locks.family(session, family_id)
    basket = locks.active_basket(session, family_id)
    if basket is None:
        return basket_view(session, family_id)
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise BookingRefusedError(Blocker.LOCKED, blocker_text(Blocker.LOCKED))
    pending = locks.bookings(session, Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)
    bookings.drop(session, now, {b.id: b.open_day_id for b in pending})
    session.execute(update(Booking).where(Booking.cancellation_basket_id == basket.id)
                    .values(cancellation_basket_id=None).execution_options(synchronize_session=False))
    basket.state = BasketState.CLEARED
    basket.updated_at = now
    session.flush()
    return basket_view(session, family_id)


def forget_expired_line(session: Session, family_id: int, booking_id: int, actor: Actor) -> BasketView:
    """Take an expired line out of the basket (its place was lost, or the family changed its mind)."""
    locks.acting(session, actor)
    locks.family(session, family_id)
    basket = locks.active_basket(session, family_id)
    if basket is not None:
        forget_expired(session, basket.id, [booking_id])
    return basket_view(session, family_id)


def forget_expired(session: Session, basket_id: int, booking_ids: list[int]) -> None:
    with together(session) as batch:
        forget_expired_in(batch, basket_id, booking_ids)


def forget_expired_in(batch: Batch, basket_id: int, booking_ids: list[int]) -> None:
    if booking_ids:
        batch.add(
            update(Booking).where(Booking.basket_id == basket_id, Booking.state == BookingState.EXPIRED,
                                  Booking.id.in_(booking_ids))
            .values(basket_id=None), synchronize_session=False,
        )
        bookings.forget_loaded(batch.session, booking_ids)


def expire_holds(session: Session, now: datetime) -> ExpiryReport:
    """Expire every pending booking whose hold has passed and free its place.

    Safe to run from several desks at once and beside their work: rows another
    transaction holds are skipped (that desk expires them itself), and a
    booking is expired by the one update that still finds it pending.
    """
    return expire_holds_of(session, now)


def expire_holds_of(session: Session, now: datetime, *conditions) -> ExpiryReport:
    stale = locks.bookings(session, Booking.state == BookingState.PENDING, Booking.hold_expires_at <= now,
                           *conditions, skip_locked=True)
    freed = bookings.expire(session, now, {b.id: b.open_day_id for b in stale})
    return ExpiryReport(sum(freed.values()), dict(freed))
