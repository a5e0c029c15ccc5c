"""Booking states and place counts: every transition, and the only code that moves ``places_taken``.

pending → confirmed (paid), pending → cancelled (taken back) or expired (hold
run out), expired → pending (renewed at payment), confirmed → cancelled (with
a credit, see ``credits``). Each transition changes the rows that are still
in the state it starts from, and moves the place counts of exactly those, so
a booking two desks race for is counted once. The database refuses any count
above capacity or below zero (CHECK ``within_capacity``), and the
verification compares every count with the live bookings.

Callers hold the bookings' locks (``locks.bookings``) before they move them.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from desk.db.enums import BookingState
from desk.db.models import Booking, OpenDay
from desk.db.pipeline import Batch, Deferred, together
from desk.services.lifecycle import locks


def expire(session: Session, now: datetime, held: Mapping[int, int]) -> Tally[int]:
    """pending → expired: the holds ran out; their places are freed. ``held``: booking id → its open day, locked
    by the caller. Returns the places freed by open day."""
    with together(session) as batch:
        ended = end_pending_in(batch, now, held, BookingState.EXPIRED)
    return ended()


def drop(session: Session, now: datetime, held: Mapping[int, int]) -> Tally[int]:
    """pending → cancelled: taken back before payment; their places are freed (``held`` as for ``expire``)."""
    with together(session) as batch:
        ended = end_pending_in(batch, now, held, BookingState.CANCELLED)
    return ended()


def renew(session: Session, now: datetime, hold: timedelta, booking: Booking) -> bool:
    """expired → pending again, if its place is still free; False otherwise (nothing changed)."""
    if not take_place(session, booking.open_day_id):
        return False
    renewed = session.execute(
        update(Booking).where(Booking.id == booking.id, Booking.state == BookingState.EXPIRED)
        .values(state=BookingState.PENDING, ended_at=None, hold_expires_at=now + hold)
        .execution_options(synchronize_session=False)
    )
    assert renewed.rowcount == 1, "the caller holds the booking's lock"
    session.expire(booking)
    return True


def confirm_in(batch: Batch, now: datetime, payment_id: int | ColumnElement[int], booking_ids: list[int]) -> Callable[[], bool]:
    """pending → confirmed by a payment, in ``batch``; call the answer once the batch has gone: False (and the
    caller must not commit) unless every one was still pending."""
    if not booking_ids:
        return lambda: True
    confirmed = batch.add(
        update(Booking).where(Booking.id.in_(booking_ids), Booking.state == BookingState.PENDING)
        .values(state=BookingState.CONFIRMED, confirmed_at=now, payment_id=payment_id, hold_expires_at=None),
        synchronize_session=False,
    )
    forget_loaded(batch.session, booking_ids)
    return lambda: confirmed.rowcount == len(booking_ids)


def cancel_confirmed(session: Session, now: datetime, booking: Booking) -> bool:
    """confirmed → cancelled (the credit is the caller's, who holds the booking's lock): frees the place; False
    if it was no longer confirmed."""
    with together(session) as batch:
        ended = _end_in(batch, {booking.id: booking.open_day_id}, BookingState.CONFIRMED,
                        state=BookingState.CANCELLED, ended_at=now, cancellation_basket_id=None)
    return bool(ended())


def propose_cancellation(batch: Batch, booking_id: int, basket_id: int | None) -> None:
    """Put a paid booking's cancellation in the basket (``basket_id``), or take it back out (None), in ``batch``."""
    batch.add(update(Booking).where(Booking.id == booking_id, Booking.state == BookingState.CONFIRMED)
              .values(cancellation_basket_id=basket_id), synchronize_session=False)
    forget_loaded(batch.session, [booking_id])


def take_place(session: Session, open_day_id: int) -> bool:
    """One more place taken on the open day, unless it is full."""
    locks.take(session, locks.Rank.OPEN_DAYS)
    taken = session.execute(
        update(OpenDay).where(OpenDay.id == open_day_id, OpenDay.places_taken < OpenDay.capacity)
        .values(places_taken=OpenDay.places_taken + 1).execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1


def end_pending_in(batch: Batch, now: datetime, held: Mapping[int, int], state: BookingState
                   ) -> Callable[[], Tally[int]]:
    """pending → ``state`` (expired or cancelled), in ``batch``, for the bookings ``held`` (booking id → its open
    day) that are still pending when the batch runs, and their places freed; call the answer once the batch has
    gone for the places freed by open day.

    The caller holds the bookings' locks, so nothing changes them between
    the two statements: the places are freed first, by as many bookings as
    the database still finds pending, then those bookings change. A booking
    the caller read pending but another desk ended before the lock (the hold
    sweep) changes nothing and frees nothing.
    """
    return _end_in(batch, held, BookingState.PENDING, state=state, ended_at=now)


def _end_in(batch: Batch, held: Mapping[int, int], start: BookingState, **values: Any) -> Callable[[], Tally[int]]:
    """A live booking ended (``values``, its new state among them): the one way places are given back."""
    if not held:
        return Tally
    ids = sorted(held)
    open_days = sorted(set(held.values()))
    if len(open_days) > 1 and not set(open_days) <= locks.open_days_locked(batch.session):
        locks.open_days_in(batch, open_days)  # an UPDATE locks its rows in scan order: in id order first
    locks.take(batch.session, locks.Rank.OPEN_DAYS)
    still_live = (select(func.count()).where(Booking.open_day_id == OpenDay.id, Booking.id.in_(ids),
                                             Booking.state == start).scalar_subquery())
    batch.add(update(OpenDay).where(OpenDay.id.in_(open_days))
              .values(places_taken=OpenDay.places_taken - still_live), synchronize_session=False)
    ended = batch.add(update(Booking).where(Booking.id.in_(ids), Booking.state == start).values(**values)
                      .returning(Booking.open_day_id), synchronize_session=False)
    forget_loaded(batch.session, ids)
    return lambda: Tally(ended.result.scalars().all())


def add_held_pending(batch: Batch, **values: Any) -> Deferred:
    """A new pending booking (``values``) and the place it takes, in ``batch``; its result is the new id.

    The place first, without waiting to learn whether one was left: above
    capacity the database refuses it (CHECK ``within_capacity``,
    ``is_full_refusal``) and nothing of the batch is kept. On PostgreSQL the
    two go as one statement: the place taken in a data-modifying ``WITH``,
    the booking inserted from the row it returns.
    """
    locks.take(batch.session, locks.Rank.OPEN_DAYS)
    taken = update(OpenDay).where(OpenDay.id == values["open_day_id"]).values(places_taken=OpenDay.places_taken + 1)
    if batch.session.get_bind().dialect.name != "postgresql":
        batch.add(taken, synchronize_session=False)
        return batch.add(insert(Booking).values(state=BookingState.PENDING, **values).returning(Booking.id))
    place = taken.returning(OpenDay.id).cte("place_taken")
    columns = Booking.__table__.c
    given = {"state": BookingState.PENDING, **values}
    del given["open_day_id"]
    row = select(*(literal(value, columns[name].type) for name, value in given.items()), place.c.id)
    return batch.add(insert(Booking).add_cte(place).from_select([*given, "open_day_id"], row).returning(Booking.id))


def is_full_refusal(error: IntegrityError) -> bool:
    """Whether the database refused a place above an open day's capacity."""
    return "within_capacity" in str(error.orig)


def forget_loaded(session: Session, booking_ids: Iterable[int]) -> None:
    """Bookings changed by a bulk UPDATE reload their new state when next read."""
    for booking_id in booking_ids:
        loaded = session.identity_map.get(identity_key(Booking, booking_id))
        if loaded is not None:
            session.expire(loaded)
