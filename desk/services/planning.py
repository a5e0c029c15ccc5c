"""The planning grid of a family or a child over a month, a fortnight or a week.

Returns plain data: for each enrolled activity its unit rows; for each day
whether the unit is open, the places left, this family's price, and for each
child its state there, whether the acting agent may change it now and why not.
"""

from __future__ import annotations

import calendar
import enum
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any, TypeGuard

from sqlalchemy import Row, and_, case, func, or_, select
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
    OpenDay,
    Unit,
    UnitExclusion,
)
from desk.db.pipeline import Along, Batch, together
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.booking_rules import Blocker, BookingPolicy, CellState, cell_verdict
from desk.services.lifecycle.baskets import cell_facts, toggle_booking
from desk.services.pricing import family_balance_column, family_price_list_in

__all__ = ["CellState", "GridRequest", "PeriodMode", "PlanningGrid", "click_cell", "period_of", "planning_grid",
           "read_grid", "refresh_grid", "shift_period"]


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
    blocker: Blocker | None = None  # which rule keeps it from changing (a régisseur may pass the deadline)


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
    basket_cents: int = 0  # what they come to: bookings less cancellations
    sources: GridSources | None = field(default=None, compare=False, repr=False)  # what it was computed from

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
    request = GridRequest(family_id, first_day, last_day, child_id)
    return read_grid(session, request, now=now, actor=actor, balance_cents=balance_cents)


@dataclass(frozen=True)
class GridRequest:
    """What a planning shows: a family over a period, every child (``child_id`` None) or one."""

    family_id: int
    first_day: date
    last_day: date
    child_id: int | None = None


def read_grid(session: Session, request: GridRequest, *, now: datetime, actor: Actor,
              balance_cents: int | None = None) -> PlanningGrid:
    """The grid read whole: four statements in two exchanges (the family at a glance; then its open days,
    bookings and prices, together)."""
    with together(session) as batch:
        grid = read_grid_in(batch, request, now=now, actor=actor)
    return grid(balance_cents)


def read_grid_in(batch: Batch, request: GridRequest, *, now: datetime, actor: Actor
                 ) -> Callable[[int | None], PlanningGrid]:
    """``read_grid`` with its first statement in ``batch``; the answer, called once the batch has gone with
    the balance if the caller read it along, sends the other three together."""
    glance = _family_at_a_glance_in(batch, request)
    session = batch.session

    def grid(balance_cents: int | None = None) -> PlanningGrid:
        family = glance()
        unit_ids = [u.id for u in family.shown_units]
        child_ids = [c.id for c in family.shown_children]
        with together(session) as second:
            days = _open_days_in(second, unit_ids, request.first_day, request.last_day, now)
            live = _live_bookings_in(second, child_ids, request.first_day, request.last_day, now)
            prices = family_price_list_in(second, request.family_id, unit_ids) if unit_ids else None
        open_days, stale_holds = days()
        sources = replace(family, open_days=open_days, stale_holds=stale_holds, bookings=live(),
                          prices=prices().prices if prices is not None else {})
        if balance_cents is not None:
            sources = replace(sources, balance_cents=balance_cents)
        return _build_grid(sources, now, actor)

    return grid


def click_cell(session: Session, clock: Clock, request: GridRequest, *, child_id: int, open_day_id: int,
               actor: Actor, policy: BookingPolicy, shown: PlanningGrid | None = None,
               override_reason: str | None = None) -> PlanningGrid | None:
    """The planning click as one unit of work: the booking toggled, then the grid as it now stands.

    Read in the same transaction, after the changes, the grid shows exactly
    what the click did; a refusal raises before anything is kept.
    ``shown``: the grid this desk last read, whose family, children, activities
    and prices a click does not change: only the period's days and the basket
    are read again, sent with the changes and the COMMIT (two exchanges with
    the server in all, ``toggle_booking``). Without it the grid is read whole.
    None when the period turns out to hold no open day: the caller reads the
    grid afresh.
    ``override_reason``: a régisseur passes the booking deadline, for this reason (kept in the audit trail).
    """
    now = clock.now()
    toggle = partial(toggle_booking, session, clock, family_id=request.family_id, child_id=child_id,
                     open_day_id=open_day_id, actor=actor, policy=policy, override_reason=override_reason,
                     describe_basket=False)
    if not fits(shown, request):
        toggle()
        return read_grid(session, request, now=now, actor=actor)
    grid = Along(lambda batch: grid_after_in(batch, shown, now=now, actor=actor))
    toggle(then=grid)
    return grid.answer()


def fits(shown: PlanningGrid | None, request: GridRequest) -> TypeGuard[PlanningGrid]:
    """Whether ``shown`` can be read again on top of itself for ``request`` (``grid_after_in``)."""
    return shown is not None and shown.sources is not None and shown.sources.request == request


def grid_after_in(batch: Batch, shown: PlanningGrid, *, now: datetime, actor: Actor
                  ) -> Callable[..., PlanningGrid | None]:
    """The grid ``shown`` (which ``fits``) as it stands after what ``batch`` writes before: its days and basket
    read again in one statement of ``batch``. The answer, once the batch has gone, takes the balance if the
    caller knows it; None when the period turns out to hold no open day."""
    assert shown.sources is not None
    reread = _reread_days_in(batch, shown.sources, now)

    def built(balance_cents: int | None = None) -> PlanningGrid | None:
        after = reread()
        if after is None:
            return None
        if balance_cents is not None:
            after = replace(after, balance_cents=balance_cents)
        return _build_grid(after, now, actor)

    return built


def refresh_grid(session: Session, request: GridRequest, shown: PlanningGrid | None, *, now: datetime, actor: Actor,
                 balance_cents: int | None = None) -> PlanningGrid:
    """The grid after a click or a payment: on top of ``shown`` (same request), its days and basket read again
    in one statement; without it, read whole (four statements).

    What the statement leaves as ``shown`` had it: the children, their
    activity lines, units and prices (an enrolment or a catalogue change
    reads the grid whole), and the balance unless ``balance_cents`` is given.
    """
    sources = shown.sources if shown is not None else None
    if sources is None or sources.request != request:
        return read_grid(session, request, now=now, actor=actor, balance_cents=balance_cents)
    sources = _reread_days(session, sources, now)
    if sources is None:  # no open day to carry the basket's row: read whole
        return read_grid(session, request, now=now, actor=actor, balance_cents=balance_cents)
    if balance_cents is not None:
        sources = replace(sources, balance_cents=balance_cents)
    return _build_grid(sources, now, actor)


def activities_names(enrolments: dict[int, str]) -> list[str]:
    return [name for _, name in sorted(enrolments.items())]


# -- what a grid is made of: plain copies of the rows, kept with the grid --------------------------


@dataclass(frozen=True)
class _ChildFacts:
    id: int
    first_name: str
    symbol_index: int


@dataclass(frozen=True)
class _ActivityFacts:
    id: int
    name: str
    booking_deadline_days: int
    booking_deadline_hour: int


@dataclass(frozen=True)
class _UnitFacts:
    id: int
    activity_id: int
    name: str
    kind: UnitKind
    position: int


@dataclass(frozen=True)
class _OpenDayFacts:
    id: int
    unit_id: int
    day: date
    capacity: int
    places_taken: int


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


@dataclass(frozen=True)
class GridSources:
    """The rows a grid was computed from, as plain data: the next click re-reads only its own day."""

    request: GridRequest
    children: tuple[_ChildFacts, ...]
    enrolled: dict[int, dict[int, str]]  # child id → {activity id: activity name}, current enrolments
    activities: dict[int, _ActivityFacts]
    units: tuple[_UnitFacts, ...]  # of every activity a child is enrolled in, by activity and position
    exclusions: dict[int, frozenset[int]]  # unit id → the units it excludes the same day
    basket_id: int | None
    basket_locked: bool
    balance_cents: int
    basket_items: int
    basket_cents: int
    open_days: dict[tuple[int, date], _OpenDayFacts]
    stale_holds: dict[int, int]  # on full open days, the holds that ran out (the write expires them first)
    bookings: dict[tuple[int, int, date], _BookingFacts]  # (child, unit, day)
    prices: dict[int, int]  # unit id → this family's price

    @property
    def shown_children(self) -> list[_ChildFacts]:
        child_id = self.request.child_id
        return [c for c in self.children if child_id is None or c.id == child_id]

    @property
    def shown_units(self) -> list[_UnitFacts]:
        activity_ids = {a for c in self.shown_children for a in self.enrolled.get(c.id, {})}
        return [unit for unit in self.units if unit.activity_id in activity_ids]



def _in_basket():
    """The active basket's bookings (pending, or expired to renew) and cancellations (correlated to ``Basket``)."""
    return or_(
        and_(Booking.basket_id == Basket.id, Booking.state.in_([BookingState.PENDING, BookingState.EXPIRED])),
        and_(Booking.cancellation_basket_id == Basket.id, Booking.state == BookingState.CONFIRMED),
    )


def _basket_items():
    """How many lines the active basket holds, whatever their day."""
    return select(func.count()).select_from(Booking).where(_in_basket()).correlate(Basket).scalar_subquery()


def _basket_cents():
    """What the basket's lines come to: its bookings less its cancellations, whatever their day."""
    signed = case((Booking.state == BookingState.CONFIRMED, -Booking.price_cents), else_=Booking.price_cents)
    return select(func.coalesce(func.sum(signed), 0)).where(_in_basket()).correlate(Basket).scalar_subquery()


def _family_at_a_glance_in(batch: Batch, request: GridRequest) -> Callable[[], GridSources]:
    """The family's children, their current activities with units and exclusions, its basket and balance.

    One statement: the family joined to the rest, a row per child, activity,
    unit and exclusion (a family has a handful of each). Open days, bookings
    and prices are left empty for the caller to read.
    """
    family_id = request.family_id
    balance = family_balance_column(family_id)
    glance = batch.add(
        select(Family.id, balance.label("balance"), _basket_items().label("basket_items"),
               _basket_cents().label("basket_cents"),
               Basket.id.label("basket_id"), Basket.state.label("basket_state"),
               Child.id.label("child_id"), Child.first_name, Child.symbol_index,
               Activity.id.label("activity_id"), Activity.name.label("activity_name"),
               Activity.booking_deadline_days, Activity.booking_deadline_hour,
               Unit.id.label("unit_id"), Unit.name.label("unit_name"), Unit.kind, Unit.position,
               UnitExclusion.excluded_unit_id)
        .select_from(Family)
        .outerjoin(Basket, and_(Basket.family_id == Family.id, Basket.state.in_(ACTIVE_BASKET_STATES)))
        .outerjoin(Child, Child.family_id == Family.id)
        .outerjoin(Enrolment, and_(Enrolment.child_id == Child.id, Enrolment.ended_at.is_(None)))
        .outerjoin(Activity, Activity.id == Enrolment.activity_id)
        .outerjoin(Unit, Unit.activity_id == Activity.id)
        .outerjoin(UnitExclusion, UnitExclusion.unit_id == Unit.id)
        .where(Family.id == family_id)
    )
    return lambda: _glance_of(request, glance.result.all())


def _glance_of(request: GridRequest, rows: Sequence[Row[Any]]) -> GridSources:
    if not rows:
        raise DeskError("Ce dossier famille n'existe pas (ou plus).", "Relancez la recherche.")
    children: dict[int, _ChildFacts] = {}
    enrolled: dict[int, dict[int, str]] = defaultdict(dict)
    activities: dict[int, _ActivityFacts] = {}
    units: dict[int, _UnitFacts] = {}
    exclusions: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        if row.child_id is not None:
            children[row.child_id] = _ChildFacts(row.child_id, row.first_name, row.symbol_index)
        if row.activity_id is not None:
            enrolled[row.child_id][row.activity_id] = row.activity_name
            activities[row.activity_id] = _ActivityFacts(row.activity_id, row.activity_name,
                                                         row.booking_deadline_days, row.booking_deadline_hour)
        if row.unit_id is not None:
            units[row.unit_id] = _UnitFacts(row.unit_id, row.activity_id, row.unit_name, row.kind, row.position)
            if row.excluded_unit_id is not None:
                exclusions[row.unit_id].add(row.excluded_unit_id)
    first = rows[0]
    return GridSources(
        request=request,
        children=tuple(sorted(children.values(), key=lambda c: c.symbol_index)),
        enrolled=dict(enrolled), activities=activities,
        units=tuple(sorted(units.values(), key=lambda u: (u.activity_id, u.position))),
        exclusions={unit_id: frozenset(excluded) for unit_id, excluded in exclusions.items()},
        basket_id=first.basket_id, basket_locked=first.basket_state is BasketState.PAYMENT_IN_PROGRESS,
        balance_cents=int(first.balance or 0), basket_items=int(first.basket_items or 0) if first.basket_id else 0,
        basket_cents=int(first.basket_cents or 0) if first.basket_id else 0,
        open_days={}, stale_holds={}, bookings={}, prices={},
    )


def _stale_holds_on_full_days(now: datetime):
    """On a full open day, its holds that ran out: the write expires them before counting, so they count as free."""
    return case((OpenDay.places_taken >= OpenDay.capacity, select(func.count()).where(
        Booking.open_day_id == OpenDay.id, Booking.state == BookingState.PENDING, Booking.hold_expires_at <= now,
    ).correlate(OpenDay).scalar_subquery()), else_=0)


def _is_shown(now: datetime):
    """Paid bookings, and pending ones whose hold still runs (the write expires the others first)."""
    return and_(Booking.state.in_(LIVE_BOOKING_STATES), or_(Booking.state == BookingState.CONFIRMED,
                                                            Booking.hold_expires_at > now))


def _open_days_in(batch: Batch, unit_ids: list[int], first_day: date, last_day: date, now: datetime
                  ) -> Callable[[], tuple[dict[tuple[int, date], _OpenDayFacts], dict[int, int]]]:
    """The units' open days of the period, and the stale holds on the full ones (one statement)."""
    if not unit_ids:
        return lambda: ({}, {})
    found = batch.add(
        select(OpenDay.id, OpenDay.unit_id, OpenDay.day, OpenDay.capacity, OpenDay.places_taken,
               _stale_holds_on_full_days(now).label("stale"))
        .where(OpenDay.unit_id.in_(unit_ids), OpenDay.day.between(first_day, last_day))
    )

    def open_days() -> tuple[dict[tuple[int, date], _OpenDayFacts], dict[int, int]]:
        rows = found.result.all()
        return ({(row.unit_id, row.day): _OpenDayFacts(*row[:5]) for row in rows},
                {row.id: int(row.stale) for row in rows if row.stale})

    return open_days


def _live_bookings_in(batch: Batch, child_ids: list[int], first_day: date, last_day: date, now: datetime
                      ) -> Callable[[], dict[tuple[int, int, date], _BookingFacts]]:
    if not child_ids:
        return dict
    found = batch.add(
        select(Booking.id, Booking.child_id, OpenDay.unit_id, OpenDay.day, Booking.state, Booking.price_cents,
               Booking.basket_id, Booking.cancellation_basket_id)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .where(Booking.child_id.in_(child_ids), _is_shown(now), OpenDay.day.between(first_day, last_day))
    )
    return lambda: {(row.child_id, row.unit_id, row.day): _BookingFacts(*row) for row in found.result}


def _reread_days(session: Session, sources: GridSources, now: datetime) -> GridSources | None:
    """``sources`` with the period's open days and bookings, and the basket, as they now are: one statement.

    None when the period has no open day (the basket comes joined to them)."""
    with together(session) as batch:
        reread = _reread_days_in(batch, sources, now)
    return reread()


def _reread_days_in(batch: Batch, sources: GridSources, now: datetime) -> Callable[[], GridSources | None]:
    """``_reread_days`` in ``batch``; call the answer once the batch has gone."""
    request = sources.request
    unit_ids = [u.id for u in sources.shown_units]
    child_ids = [c.id for c in sources.shown_children]
    if not unit_ids:
        return lambda: None
    reread = batch.add(
        select(OpenDay.id, OpenDay.unit_id, OpenDay.day, OpenDay.capacity, OpenDay.places_taken,
               _stale_holds_on_full_days(now).label("stale"),
               Booking.id.label("booking_id"), Booking.child_id, Booking.state, Booking.price_cents,
               Booking.basket_id, Booking.cancellation_basket_id,
               Basket.id.label("active_basket_id"), Basket.state.label("basket_state"),
               _basket_items().label("basket_items"), _basket_cents().label("basket_cents"))
        .select_from(OpenDay)
        .outerjoin(Booking, and_(Booking.open_day_id == OpenDay.id, Booking.child_id.in_(child_ids), _is_shown(now)))
        .outerjoin(Basket, and_(Basket.family_id == request.family_id, Basket.state.in_(ACTIVE_BASKET_STATES)))
        .where(OpenDay.unit_id.in_(unit_ids), OpenDay.day.between(request.first_day, request.last_day))
    )
    return lambda: _with_days(sources, reread.result.all())


def _with_days(sources: GridSources, rows: Sequence[Row[Any]]) -> GridSources | None:
    open_days: dict[tuple[int, date], _OpenDayFacts] = {}
    stale: dict[int, int] = {}
    bookings: dict[tuple[int, int, date], _BookingFacts] = {}
    for row in rows:
        open_days[(row.unit_id, row.day)] = _OpenDayFacts(*row[:5])
        if row.stale:
            stale[row.id] = int(row.stale)
        if row.booking_id is not None:
            bookings[(row.child_id, row.unit_id, row.day)] = _BookingFacts(
                row.booking_id, row.child_id, row.unit_id, row.day, row.state, row.price_cents, row.basket_id,
                row.cancellation_basket_id)
    if not rows:
        return None
    basket = rows[0]
    has_basket = basket.active_basket_id is not None
    return replace(
        sources, open_days=open_days, stale_holds=stale, bookings=bookings, basket_id=basket.active_basket_id,
        basket_locked=basket.basket_state is BasketState.PAYMENT_IN_PROGRESS,
        basket_items=int(basket.basket_items or 0) if has_basket else 0,
        basket_cents=int(basket.basket_cents or 0) if has_basket else 0,
    )


# -- building the grid from its sources: no statement -------------------------------------------------


def _build_grid(sources: GridSources, now: datetime, actor: Actor) -> PlanningGrid:
    request = sources.request
    shown = sources.shown_children
    units = sources.shown_units
    judge = _Judge(now, actor, sources)
    days = tuple(request.first_day + timedelta(days=n) for n in range((request.last_day - request.first_day).days + 1))
    blocks = []
    for activity_id in sorted({unit.activity_id for unit in units}):
        rows = []
        for unit in (u for u in units if u.activity_id == activity_id):
            price = sources.prices.get(unit.id, 0)
            takers = [c for c in shown if activity_id in sources.enrolled.get(c.id, {})]
            cells = tuple(_cell(day, unit, sources.open_days.get((unit.id, day)), price, takers, judge) for day in days)
            rows.append(PlanningRow(unit.id, unit.name, unit.kind, cells))
        blocks.append(PlanningBlock(activity_id, sources.activities[activity_id].name, tuple(rows)))
    bookings = sources.bookings.values()
    pending = [b for b in bookings if b.state is BookingState.PENDING and b.basket_id == sources.basket_id]
    cancelling = [b for b in bookings
                  if b.cancellation_basket_id is not None and b.cancellation_basket_id == sources.basket_id]
    return PlanningGrid(
        family_id=request.family_id,
        child_id=request.child_id,
        days=days,
        blocks=tuple(blocks),
        children=tuple(
            PlanningChild(c.id, c.first_name, c.symbol_index, tuple(activities_names(sources.enrolled.get(c.id, {}))))
            for c in sources.children
        ),
        period_cost_cents=sum(b.price_cents for b in pending) - sum(b.price_cents for b in cancelling),
        pending_count=len(pending),
        cancellation_count=len(cancelling),
        balance_cents=sources.balance_cents,
        basket_locked=sources.basket_locked,
        basket_items=sources.basket_items,
        basket_cents=sources.basket_cents,
        sources=sources,
    )


@dataclass(frozen=True)
class _Judge:
    """Describes one child in one cell to the booking rule, as the write will."""

    now: datetime
    actor: Actor
    sources: GridSources

    def slot(self, child: _ChildFacts, unit: _UnitFacts, open_day: _OpenDayFacts, price: int) -> ChildSlot:
        booking = self.sources.bookings.get((child.id, unit.id, open_day.day))
        state = _state_of(booking)
        facts = cell_facts(
            open_day.day, self.sources.activities[unit.activity_id], places_left=self.places_left(open_day),
            state=state, price_cents=booking.price_cents if booking else price,
            paid_clash=self._paid_clash(child, unit, open_day.day), basket_locked=self.sources.basket_locked,
        )
        verdict = cell_verdict(facts, now=self.now, is_cashier=self.actor.is_cashier)
        return ChildSlot(child.id, child.symbol_index, state, booking.id if booking else None,
                         booking.price_cents if booking else price, verdict.allowed, verdict.text, verdict.blocker)

    def places_left(self, open_day: _OpenDayFacts) -> int:
        return open_day.capacity - open_day.places_taken + self.sources.stale_holds.get(open_day.id, 0)

    def _paid_clash(self, child: _ChildFacts, unit: _UnitFacts, day: date) -> str | None:
        names = {u.id: u.name for u in self.sources.units}
        clashes = [names[other] for other in self.sources.exclusions.get(unit.id, ())
                   if (clash := self.sources.bookings.get((child.id, other, day))) is not None
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


def _cell(day: date, unit: _UnitFacts, open_day: _OpenDayFacts | None, price: int, children: list[_ChildFacts],
          judge: _Judge) -> PlanningCell:
    if open_day is None:
        return PlanningCell(day, None, 0, 0, price, ())
    slots = tuple(judge.slot(child, unit, open_day, price) for child in children)
    return PlanningCell(day, open_day.id, open_day.capacity, judge.places_left(open_day), price, slots)
