"""The planning grid of a family or a child over a month, a fortnight or a week.

Returns plain data: for each enrolled activity its unit rows; for each day
whether the unit is open, the places left, this family's price, and for each
child its state there, whether the acting agent may change it now and why not.
"""

from __future__ import annotations

import calendar
import enum
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.baskets import ACTIVE_BASKET_STATES
from desk.db.enums import LIVE_BOOKING_STATES, BasketState, BookingState, UnitKind
from desk.db.models import (
    Activity,
    Basket,
    Booking,
    Child,
    Enrolment,
    Family,
    LedgerEntry,
    OpenDay,
    Unit,
    UnitExclusion,
)
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.booking_rules import BookingPolicy, CellState, cell_verdict
from desk.services.lifecycle.baskets import cell_facts, toggle_booking
from desk.services.pricing import family_price_list

__all__ = ["CellState", "GridRequest", "PeriodMode", "PlanningGrid", "click_cell", "period_of", "planning_grid",
           "read_grid", "shift_period"]


class PeriodMode(enum.StrEnum):
    MONTH = "month"
    FORTNIGHT = "fortnight"
    WEEK = "week"


def period_of(anchor: date, mode: PeriodMode) -> tuple[date, date]:
    """First and last day shown: the calendar month, or the week(s) from Monday."""
    if mode is PeriodMode.MONTH:
        last = calendar.monthrange(anchor.year, anchor.month)[1]
        return anchor.replace(day=1), anchor.replace(day=last)
    monday = anchor - timedelta(days=anchor.weekday())
    return monday, monday + timedelta(days=13 if mode is PeriodMode.FORTNIGHT else 6)


def shift_period(anchor: date, mode: PeriodMode, steps: int) -> date:
    """The anchor of the next (``steps`` > 0) or previous period."""
    if mode is PeriodMode.MONTH:
        month_index = anchor.year * 12 + anchor.month - 1 + steps
        return date(month_index // 12, month_index % 12 + 1, 1)
    return anchor + timedelta(days=(14 if mode is PeriodMode.FORTNIGHT else 7) * steps)


@dataclass(frozen=True)
class ChildSlot:
    """One child in one cell."""

    child_id: int
    symbol_index: int
    state: CellState
    booking_id: int | None
    price_cents: int
    can_change: bool
    reason: str  # empty when the agent can change it


@dataclass(frozen=True)
class PlanningCell:
    day: date
    open_day_id: int | None
    capacity: int
    places_left: int
    price_cents: int
    slots: tuple[ChildSlot, ...]

    @property
    def is_open(self) -> bool:
        return self.open_day_id is not None


@dataclass(frozen=True)
class PlanningRow:
    unit_id: int
    unit_name: str
    kind: UnitKind
    cells: tuple[PlanningCell, ...]


@dataclass(frozen=True)
class PlanningBlock:
    activity_id: int
    activity_name: str
    rows: tuple[PlanningRow, ...]


@dataclass(frozen=True)
class PlanningChild:
    id: int
    first_name: str
    symbol_index: int
    activities: tuple[str, ...]


@dataclass(frozen=True)
class PlanningGrid:
    family_id: int
    child_id: int | None
    days: tuple[date, ...]
    blocks: tuple[PlanningBlock, ...]
    children: tuple[PlanningChild, ...]
    period_cost_cents: int
    pending_count: int
    cancellation_count: int
    balance_cents: int
    basket_locked: bool
    basket_items: int = 0  # the whole basket's bookings and cancellations, whatever their day

    def _open_cells(self) -> Iterator[PlanningCell]:
        return (cell for block in self.blocks for row in block.rows for cell in row.cells if cell.is_open)

    def open_day_ids(self) -> frozenset[int]:
        """The open days shown: a change to any of them changes what the grid says."""
        return frozenset(cell.open_day_id for cell in self._open_cells())

    def states(self) -> dict[tuple[int, int], CellState]:
        """Each child's state on each open day shown, by (open day, child)."""
        return {(cell.open_day_id, slot.child_id): slot.state for cell in self._open_cells() for slot in cell.slots}

    def holds_lost_since(self, earlier: PlanningGrid) -> int:
        """How many bookings pending in ``earlier`` are now neither pending nor paid: expired or withdrawn."""
        now = self.states()
        return sum(1 for key, state in earlier.states().items()
                   if state is CellState.PENDING and now.get(key) is CellState.NONE)


def planning_grid(
    session: Session,
    *,
    family_id: int,
    first_day: date,
    last_day: date,
    now: datetime,
    actor: Actor,
    child_id: int | None = None,
    balance_cents: int | None = None,
) -> PlanningGrid:
    """The grid for the whole family (``child_id`` None, the portal's *Famille*) or one child.

    ``balance_cents``: the family's balance when the caller read it in the same transaction.
    """
    family = _family_at_a_glance(session, family_id)
    children = family.children
    shown = [c for c in children if child_id is None or c.id == child_id]
    enrolled = family.enrolled
    activity_ids = sorted({activity_id for c in shown for activity_id in enrolled.get(c.id, {})})
    units = [unit for unit in family.units if unit.activity_id in activity_ids]
    activities = family.activities
    unit_ids = [u.id for u in units]
    open_days, stale_holds = _open_days(session, unit_ids, first_day, last_day, now)
    bookings = _live_bookings(session, [c.id for c in shown], first_day, last_day, now)
    prices = family_price_list(session, family_id, unit_ids) if unit_ids else None
    basket = family.basket
    judge = _Judge(now, actor, basket.id if basket else None, basket is not None and basket.state is BasketState.PAYMENT_IN_PROGRESS,
                   family.exclusions, bookings, {u.id: u.name for u in units}, stale_holds)
    days = tuple(first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1))
    blocks = []
    for activity_id in activity_ids:
        activity = activities[activity_id]
        rows = []
        for unit in (u for u in units if u.activity_id == activity_id):
            price = prices.prices.get(unit.id, 0) if prices else 0
            takers = [c for c in shown if activity_id in enrolled.get(c.id, {})]
            cells = tuple(
                _cell(day, unit, open_days.get((unit.id, day)), price, takers, judge) for day in days
            )
            rows.append(PlanningRow(unit.id, unit.name, unit.kind, cells))
        blocks.append(PlanningBlock(activity.id, activity.name, tuple(rows)))
    pending = [b for b in bookings.values() if b.state is BookingState.PENDING and b.basket_id == judge.basket_id]
    cancelling = [b for b in bookings.values() if b.cancellation_basket_id is not None and b.cancellation_basket_id == judge.basket_id]
    return PlanningGrid(
        family_id=family_id,
        child_id=child_id,
        days=days,
        blocks=tuple(blocks),
        children=tuple(
            PlanningChild(c.id, c.first_name, c.symbol_index, tuple(activities_names(enrolled.get(c.id, {}))))
            for c in children
        ),
        period_cost_cents=sum(b.price_cents for b in pending) - sum(b.price_cents for b in cancelling),
        pending_count=len(pending),
        cancellation_count=len(cancelling),
        balance_cents=family.balance_cents if balance_cents is None else balance_cents,
        basket_locked=judge.basket_locked,
        basket_items=family.basket_items,
    )


@dataclass(frozen=True)
class GridRequest:
    """What a planning shows: a family over a period, every child (``child_id`` None) or one."""

    family_id: int
    first_day: date
    last_day: date
    child_id: int | None = None


def read_grid(session: Session, request: GridRequest, *, now: datetime, actor: Actor,
              balance_cents: int | None = None) -> PlanningGrid:
    return planning_grid(session, family_id=request.family_id, first_day=request.first_day,
                         last_day=request.last_day, now=now, actor=actor, child_id=request.child_id,
                         balance_cents=balance_cents)


def click_cell(session: Session, clock: Clock, request: GridRequest, *, child_id: int, open_day_id: int,
               actor: Actor, policy: BookingPolicy) -> PlanningGrid:
    """The planning click as one unit of work: the booking toggled, then the grid as it now stands.

    Read in the same transaction, under the locks the toggle took, the grid
    shows exactly what the click did; a refusal raises before anything is kept.
    """
    toggle_booking(session, clock, family_id=request.family_id, child_id=child_id, open_day_id=open_day_id,
                   actor=actor, policy=policy, describe_basket=False)
    return read_grid(session, request, now=clock.now(), actor=actor)


def activities_names(enrolments: dict[int, str]) -> list[str]:
    return [name for _, name in sorted(enrolments.items())]


@dataclass
class _FamilyAtAGlance:
    """What the grid needs of the family itself, read in one statement."""

    children: list[Child]
    enrolled: dict[int, dict[int, str]]  # child id → {activity id: activity name}, current enrolments
    activities: dict[int, Activity]
    units: list[Unit]  # of every activity a child is enrolled in, by activity and position
    exclusions: dict[int, set[int]]  # unit id → the units it excludes the same day
    basket: Basket | None
    balance_cents: int
    basket_items: int


def _family_at_a_glance(session: Session, family_id: int) -> _FamilyAtAGlance:
    """The family's children, their current activities with units and exclusions, its basket and balance.

    One statement: the family joined to the rest, a row per child, activity,
    unit and exclusion (a family has a handful of each). The ORM objects stay
    referenced here, so the cells read units and activities from the identity map.
    """
    balance = select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
        LedgerEntry.family_id == family_id).scalar_subquery()
    basket_items = select(func.count()).select_from(Booking).where(or_(
        and_(Booking.basket_id == Basket.id, Booking.state.in_([BookingState.PENDING, BookingState.EXPIRED])),
        and_(Booking.cancellation_basket_id == Basket.id, Booking.state == BookingState.CONFIRMED),
    )).correlate(Basket).scalar_subquery()
    rows = session.execute(
        select(Family.id, balance.label("balance"), basket_items.label("basket_items"), Basket, Child, Activity, Unit,
               UnitExclusion.excluded_unit_id)
        .select_from(Family)
        .outerjoin(Basket, and_(Basket.family_id == Family.id, Basket.state.in_(ACTIVE_BASKET_STATES)))
        .outerjoin(Child, Child.family_id == Family.id)
        .outerjoin(Enrolment, and_(Enrolment.child_id == Child.id, Enrolment.ended_at.is_(None)))
        .outerjoin(Activity, Activity.id == Enrolment.activity_id)
        .outerjoin(Unit, Unit.activity_id == Activity.id)
        .outerjoin(UnitExclusion, UnitExclusion.unit_id == Unit.id)
        .where(Family.id == family_id)
        .execution_options(populate_existing=True)  # after a click in the same transaction: as written
    ).all()
    if not rows:
        raise DeskError("Ce dossier famille n'existe pas (ou plus).", "Relancez la recherche.")
    children: dict[int, Child] = {}
    enrolled: dict[int, dict[int, str]] = defaultdict(dict)
    activities: dict[int, Activity] = {}
    units: dict[int, Unit] = {}
    exclusions: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        if row.Child is not None:
            children[row.Child.id] = row.Child
        if row.Activity is not None:
            enrolled[row.Child.id][row.Activity.id] = row.Activity.name
            activities[row.Activity.id] = row.Activity
        if row.Unit is not None:
            units[row.Unit.id] = row.Unit
            if row.excluded_unit_id is not None:
                exclusions[row.Unit.id].add(row.excluded_unit_id)
    return _FamilyAtAGlance(
        children=sorted(children.values(), key=lambda c: c.symbol_index), enrolled=enrolled, activities=activities,
        units=sorted(units.values(), key=lambda u: (u.activity_id, u.position)), exclusions=exclusions,
        basket=rows[0].Basket, balance_cents=int(rows[0].balance or 0), basket_items=int(rows[0].basket_items or 0),
    )


def _open_days(session: Session, unit_ids: list[int], first_day: date, last_day: date,
               now: datetime) -> tuple[dict[tuple[int, date], OpenDay], dict[int, int]]:
    """The units' open days of the period, and on the full ones the holds that ran out, which the write
    expires before counting, so they count as free (one statement)."""
    if not unit_ids:
        return {}, {}
    stale = case((OpenDay.places_taken >= OpenDay.capacity, select(func.count()).where(
        Booking.open_day_id == OpenDay.id, Booking.state == BookingState.PENDING, Booking.hold_expires_at <= now,
    ).correlate(OpenDay).scalar_subquery()), else_=0)
    rows = session.execute(
        select(OpenDay, stale.label("stale"))
        .where(OpenDay.unit_id.in_(unit_ids), OpenDay.day.between(first_day, last_day))
        .execution_options(populate_existing=True)  # places changed by the click's bulk updates
    ).all()
    return ({(row.OpenDay.unit_id, row.OpenDay.day): row.OpenDay for row in rows},
            {row.OpenDay.id: int(row.stale) for row in rows if row.stale})


@dataclass(frozen=True)
class _BookingFacts:
    id: int
    child_id: int
    unit_id: int
    day: date
    state: BookingState
    price_cents: int
    basket_id: int | None
    cancellation_basket_id: int | None


def _live_bookings(session: Session, child_ids: list[int], first_day: date, last_day: date,
                   now: datetime) -> dict[tuple[int, int, date], _BookingFacts]:
    """The children's paid bookings and pending ones whose hold still runs (the write expires the others first)."""
    rows = session.execute(
        select(Booking.id, Booking.child_id, OpenDay.unit_id, OpenDay.day, Booking.state, Booking.price_cents,
               Booking.basket_id, Booking.cancellation_basket_id)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .where(Booking.child_id.in_(child_ids), Booking.state.in_(LIVE_BOOKING_STATES),
               or_(Booking.state == BookingState.CONFIRMED, Booking.hold_expires_at > now),
               OpenDay.day.between(first_day, last_day))
    )
    return {(row.child_id, row.unit_id, row.day): _BookingFacts(*row) for row in rows}


@dataclass(frozen=True)
class _Judge:
    """Describes one child in one cell to the booking rule, as the write will."""

    now: datetime
    actor: Actor
    basket_id: int | None
    basket_locked: bool
    exclusions: dict[int, set[int]]
    bookings: dict[tuple[int, int, date], _BookingFacts]
    unit_names: dict[int, str]
    stale_holds: dict[int, int]

    def slot(self, child: Child, unit: Unit, open_day: OpenDay, price: int) -> ChildSlot:
        booking = self.bookings.get((child.id, unit.id, open_day.day))
        state = _state_of(booking)
        facts = cell_facts(
            open_day, places_left=self.places_left(open_day), state=state, price_cents=booking.price_cents if booking else price,
            paid_clash=self._paid_clash(child, unit, open_day.day), basket_locked=self.basket_locked,
        )
        verdict = cell_verdict(facts, now=self.now, is_cashier=self.actor.is_cashier)
        return ChildSlot(child.id, child.symbol_index, state, booking.id if booking else None,
                         booking.price_cents if booking else price, verdict.allowed, verdict.text)

    def places_left(self, open_day: OpenDay) -> int:
        return open_day.capacity - open_day.places_taken + self.stale_holds.get(open_day.id, 0)

    def _paid_clash(self, child: Child, unit: Unit, day: date) -> str | None:
        clashes = [self.unit_names[other] for other in self.exclusions.get(unit.id, ())
                   if (clash := self.bookings.get((child.id, other, day))) is not None
                   and clash.state is BookingState.CONFIRMED and clash.cancellation_basket_id is None]
        return min(clashes, default=None)  # the write names the same one


def _state_of(booking: _BookingFacts | None) -> CellState:
    if booking is None:
        return CellState.NONE
    if booking.state is BookingState.PENDING:
        return CellState.PENDING
    if booking.cancellation_basket_id is not None:
        return CellState.PENDING_CANCELLATION
    return CellState.CONFIRMED


def _cell(day: date, unit: Unit, open_day: OpenDay | None, price: int, children: list[Child],
          judge: _Judge) -> PlanningCell:
    if open_day is None:
        return PlanningCell(day, None, 0, 0, price, ())
    slots = tuple(judge.slot(child, unit, open_day, price) for child in children)
    return PlanningCell(day, open_day.id, open_day.capacity, judge.places_left(open_day), price, slots)
