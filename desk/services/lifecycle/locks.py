"""The one order in which every use case takes its locks.

Two desks that lock the same rows in the same order wait for each other; two
that lock them in opposite orders deadlock. Every use case of the money core
takes what it needs in this order, skipping what it does not need:

1. the acting agent (shared: a role change or a deactivation waits for the act, then applies to the next);
2. the open counter cash session (shared by payments, exclusive by the closing, so that no
   payment lands in a session that is closing or closed);
3. the family (exclusive, *no key update*: every read-then-write of its basket, bookings,
   balance and credit happens under it);
4. the online payment being resolved;
5. the family's basket;
6. bookings, in ascending id;
7. open days (place counts), in ascending id;
8. the régie's books (exclusive: one cheque remittance or versement at a time, its counter row);
9. numbers (receipt numbers per year, debt references);
10. the journal (its counter, then its tail).

A batch (``desk.db.pipeline.together``) sends its statements in the order
they were added and the server runs them in that order, each on a snapshot
taken when it starts: the ``…_in`` forms below add a lock to a batch, and what
is read after it in the same batch sees what was committed before it was
granted.

``take`` enforces the order at run time: a use case that asks for a lock of a
lower rank than one it holds is a programming error, raised at once, in tests
and in production alike, rather than a deadlock under load. On SQLite the
``FOR UPDATE`` clauses are not rendered: every write transaction begins
IMMEDIATE and holds the whole file.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, literal, select, update
from sqlalchemy.orm import Session

from desk.db.baskets import (
    ACTIVE_BASKET_STATES,
    basket_opened,
    lock_active_basket,
    open_or_touch_basket,
)
from desk.db.counters import next_counter_value
from desk.db.enums import CashSessionKind
from desk.db.models import Agent, Basket, Booking, CashSession, Family, OnlinePayment, OpenDay, RegieSettings
from desk.db.pipeline import Batch, together
from desk.errors import DeskError
from desk.services.access import Actor, PermissionDeniedError

_HELD = "desk_lock_rank"
_ACTOR = "desk_actor"
_FAMILY = "desk_family"
_OPEN_DAYS = "desk_open_days"  # (transaction, the open days it locked with open_days_in)
REGIE_BOOKS_COUNTER = "regie_books"  # counts the remittances and versements recorded, and serialises them


class Rank(enum.IntEnum):
    AGENT = 1
    CASH_SESSION = 2
    FAMILY = 3
    ONLINE_PAYMENT = 4
    BASKET = 5
    BOOKINGS = 6
    OPEN_DAYS = 7
    REGIE_BOOKS = 8
    NUMBERS = 9
    JOURNAL = 10


class LockOrderError(RuntimeError):
    """A use case asked for its locks out of the documented order."""


def take(session: Session, rank: Rank) -> None:
    """Note that the transaction takes a lock of ``rank``; refuse going back down the order."""
    transaction = session.get_transaction()
    held_by, held = session.info.get(_HELD, (None, 0))
    if held_by is not transaction:
        held = 0
    if rank < held:
        raise LockOrderError(f"lock {Rank(rank).name} taken after {Rank(held).name}")
    session.info[_HELD] = (transaction, max(held, rank))


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """A nested transaction whose locks, rolled back with it, no longer count in the order."""
    kept = {key: session.info.get(key) for key in (_HELD, _OPEN_DAYS)}
    try:
        with session.begin_nested():
            yield
    except Exception:
        for key, value in kept.items():
            if value is None:
                session.info.pop(key, None)
            else:
                session.info[key] = value
        raise


def acting(session: Session, actor: Actor) -> Actor:
    """The actor as the database knows them now: a deactivated account acts no more, a changed role applies.

    Read once per transaction, under a shared lock held until it ends. The
    agent is the first lock of every use case: a transaction that runs several
    in a row (a test's set-up, a demo loader) starts the order over with each.
    """
    session.info.pop(_HELD, None)
    take(session, Rank.AGENT)
    if actor.agent_id is None:  # an administration command run by whoever holds the server
        return actor
    checked_in, checked = session.info.get(_ACTOR, (None, None))
    if checked_in is session.get_transaction() and checked.agent_id == actor.agent_id:
        return checked
    row = session.execute(
        select(Agent.role, Agent.is_active, Agent.display_name).where(Agent.id == actor.agent_id)
        .with_for_update(read=True)
    ).one_or_none()
    if row is None or not row.is_active:
        raise PermissionDeniedError("inactive_account", "Ce compte a été désactivé : il ne peut plus rien enregistrer.",
                                    hint="Fermez la session ; un administrateur peut réactiver le compte.")
    checked = Actor(actor.agent_id, row.role, row.display_name)
    session.info[_ACTOR] = (session.get_transaction(), checked)
    return checked


def acting_on_family(session: Session, actor: Actor, family_id: int) -> Actor:
    """``acting`` then ``family``, in one statement where both are needed (ranks 1 and 3, nothing between).

    For the use cases that lock nothing between the agent and the family (the
    planning click): one round trip instead of two. A missing agent or family
    falls back to the two statements, which say which.
    """
    with together(session) as batch:
        checked = acting_on_family_in(batch, actor, family_id)
    return checked()


def acting_on_family_in(batch: Batch, actor: Actor, family_id: int) -> Callable[[], Actor]:
    """``acting_on_family`` as the first statement of ``batch``; call the answer once the batch has gone."""
    session = batch.session
    if actor.agent_id is None or _held_family(session) == family_id:
        known = acting(session, actor)
        family(session, family_id)
        return lambda: known
    session.info.pop(_HELD, None)
    take(session, Rank.AGENT)
    take(session, Rank.FAMILY)
    locked = batch.add(
        select(Agent.role, Agent.is_active, Agent.display_name, Family.id.label("family_id"))
        .select_from(Agent).join(Family, Family.id == family_id)  # one row each: no cartesian product
        .where(Agent.id == actor.agent_id)
        .with_for_update(read=True, of=Agent)
        .suffix_with("FOR NO KEY UPDATE OF family", dialect="postgresql")
    )

    def checked() -> Actor:
        row = locked.result.one_or_none()
        if row is None or not row.is_active:  # the two statements say which is missing
            known = acting(session, actor)
            family(session, family_id)
            return known
        known = Actor(actor.agent_id, row.role, row.display_name)
        session.info[_ACTOR] = (session.get_transaction(), known)
        session.info[_FAMILY] = (session.get_transaction(), family_id)
        return known

    return checked


def acting_at_counter_in(batch: Batch, actor: Actor, family_id: int
                         ) -> Callable[[], tuple[Actor, CashSession | None, str | None]]:
    """``acting``, ``open_counter_session`` (shared) and ``family``, in one statement (ranks 1, 2 and 3),
    with the modes the régie's act authorises (``regie_settings.authorised_modes``, None without a régie), as
    the first statement of ``batch``; call the answer once the batch has gone.

    For a payment at the counter: one round trip instead of three. Without an
    open session, or a missing agent or family, the statements run one after
    the other and say which. What the batch sends next runs whether or not
    this statement found its rows: it must require the open session too.
    """
    session = batch.session
    if actor.agent_id is None or _held_family(session) == family_id:  # at once, before the batch's statements
        acted = _acting_at_counter_one_by_one(session, actor, family_id)
        return lambda: acted
    session.info.pop(_HELD, None)
    for rank in (Rank.AGENT, Rank.CASH_SESSION, Rank.FAMILY):
        take(session, rank)
    locked = batch.add(
        select(CashSession, Agent.role, Agent.is_active, Agent.display_name, _authorised_modes())
        .select_from(Agent)
        .join(CashSession, and_(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None)))
        .join(Family, Family.id == family_id)
        .where(Agent.id == actor.agent_id)
        .with_for_update(read=True, of=[Agent, CashSession])
        .suffix_with("FOR NO KEY UPDATE OF family", dialect="postgresql")
        .execution_options(populate_existing=True)
    )

    def acted() -> tuple[Actor, CashSession | None, str | None]:
        row = locked.result.one_or_none()
        if row is None or not row.is_active:
            return _acting_at_counter_one_by_one(session, actor, family_id)
        checked = Actor(actor.agent_id, row.role, row.display_name)
        session.info[_ACTOR] = (session.get_transaction(), checked)
        session.info[_FAMILY] = (session.get_transaction(), family_id)
        return checked, row.CashSession, row.authorised_modes

    return acted


def _acting_at_counter_one_by_one(session: Session, actor: Actor, family_id: int
                                  ) -> tuple[Actor, CashSession | None, str | None]:
    checked = acting(session, actor)
    cash_session = open_counter_session(session)
    family(session, family_id)
    return checked, cash_session, session.scalar(select(_authorised_modes()))


def _authorised_modes() -> Any:
    return select(RegieSettings.authorised_modes).where(RegieSettings.id == 1).scalar_subquery().label(
        "authorised_modes")


def _held_family(session: Session) -> int | None:
    held_in, family_id = session.info.get(_FAMILY, (None, None))
    return family_id if held_in is session.get_transaction() else None


def open_counter_session(session: Session, *, for_closing: bool = False) -> CashSession | None:
    """The open counter session: shared by a payment, exclusive for its closing.

    A payment waiting behind a closing then finds the session closed, and is refused.
    """
    take(session, Rank.CASH_SESSION)
    return session.scalar(
        select(CashSession).where(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None))
        .with_for_update(read=not for_closing).execution_options(populate_existing=True)
    )


def family(session: Session, family_id: int) -> None:
    take(session, Rank.FAMILY)
    if _held_family(session) == family_id:
        return
    found = session.scalar(select(Family.id).where(Family.id == family_id).with_for_update(key_share=True))
    if found is None:
        raise DeskError("Ce dossier famille n'existe pas (ou plus).", "Relancez la recherche.")
    session.info[_FAMILY] = (session.get_transaction(), family_id)


def online_payment(session: Session, online_payment_id: int) -> OnlinePayment | None:
    take(session, Rank.ONLINE_PAYMENT)
    return session.scalar(
        select(OnlinePayment).where(OnlinePayment.id == online_payment_id)
        .with_for_update().execution_options(populate_existing=True)
    )


def active_basket(session: Session, family_id: int) -> Basket | None:
    take(session, Rank.BASKET)
    return lock_active_basket(session, family_id)


def active_or_new_basket_in(batch: Batch, family_id: int, now: datetime, agent_id: int | None
                            ) -> Callable[[], Basket]:
    """The active basket, opened if the family has none, locked and touched, in ``batch``; call the answer once
    the batch has gone."""
    take(batch.session, Rank.BASKET)
    opened = batch.add(open_or_touch_basket(batch.session, family_id, now, agent_id))
    return lambda: basket_opened(opened.result.scalars().one_or_none())


def basket_and_bookings_in(batch: Batch, family_id: int, holds: ColumnElement[bool], *columns: Any,
                           outer: Callable[[Select[Any]], Select[Any]] | None = None, loading: Sequence[Any] = ()
                           ) -> Callable[[], tuple[Basket, list[Booking], list[Row[Any]]] | None]:
    """``active_basket`` then ``bookings`` (those ``holds``, a condition on ``Basket`` and ``Booking``) in one
    statement: the basket, then the bookings in ascending id, as committed once the locks are held.

    ``columns`` are read along (the rows are returned: a booking's may repeat
    when ``outer`` joins several rows to it), ``outer`` adds their outer joins,
    ``loading`` the bookings' loader options. None, and nothing locked, when
    the basket holds no booking (or there is none): the caller takes them one by one.
    In ``batch``: call the answer once the batch has gone.
    """
    session = batch.session
    held = session.info.get(_HELD)
    take(session, Rank.BASKET)
    take(session, Rank.BOOKINGS)
    statement = (select(Basket, Booking, *columns).select_from(Basket).join(Booking, holds)
                 .join(Family, Family.id == Basket.family_id))
    if outer is not None:
        statement = outer(statement)
    locked = batch.add(
        statement.where(Basket.family_id == family_id, Basket.state.in_(ACTIVE_BASKET_STATES))
        .order_by(Booking.id).options(*loading)
        .with_for_update(of=[Basket, Booking]).execution_options(populate_existing=True)
    )

    def found() -> tuple[Basket, list[Booking], list[Row[Any]]] | None:
        rows = locked.result.all()
        if not rows:
            if held is None:
                session.info.pop(_HELD, None)
            else:
                session.info[_HELD] = held
            return None
        return rows[0].Basket, list({row.Booking.id: row.Booking for row in rows}.values()), rows

    return found


def basket_by_id(session: Session, basket_id: int) -> Basket | None:
    take(session, Rank.BASKET)
    return session.scalar(select(Basket).where(Basket.id == basket_id).with_for_update()
                          .execution_options(populate_existing=True))


def bookings(session: Session, *conditions: ColumnElement[bool], skip_locked: bool = False) -> list[Booking]:
    """The bookings matching ``conditions``, locked in ascending id, as committed once the locks are held.

    ``skip_locked`` leaves out rows another transaction holds: for the holds of
    other families, which that transaction is already dealing with.
    """
    take(session, Rank.BOOKINGS)
    return list(session.scalars(
        select(Booking).where(*conditions).order_by(Booking.id)
        .with_for_update(skip_locked=skip_locked).execution_options(populate_existing=True)
    ))


def bookings_renewing_in(batch: Batch, *conditions: ColumnElement[bool], renew: ColumnElement[bool],
                         hold_until: datetime) -> Callable[[], list[Booking]]:
    """``bookings`` (locked in ascending id, as committed once locked) whose lock also renews the holds of those
    that ``renew`` selects (``hold_expires_at`` set to ``hold_until``): one statement.

    The lock is a ``SELECT … ORDER BY id FOR UPDATE`` the update joins, so the
    order stays the documented one; every locked row is returned, renewed or
    not (the others are written unchanged).
    In ``batch``: call the answer once the batch has gone.
    """
    take(batch.session, Rank.BOOKINGS)
    held = (select(Booking.id).where(*conditions).order_by(Booking.id).with_for_update().cte("held")
            .prefix_with("MATERIALIZED", dialect="postgresql"))
    statement = (update(Booking).where(Booking.id == held.c.id)
                 .values(hold_expires_at=case((renew, literal(hold_until, Booking.hold_expires_at.type)),
                                              else_=Booking.hold_expires_at))
                 .returning(Booking))
    locked = batch.add(select(Booking).from_statement(statement).execution_options(populate_existing=True))
    return lambda: sorted(locked.result.scalars(), key=lambda booking: booking.id)


def open_days(session: Session, open_day_ids: Iterable[int]) -> dict[int, OpenDay]:
    """The open days, locked in ascending id, with their place counts as committed."""
    with together(session) as batch:
        locked = open_days_in(batch, open_day_ids)
    return locked()


def open_days_in(batch: Batch, open_day_ids: Iterable[int]) -> Callable[[], dict[int, OpenDay]]:
    """``open_days`` in ``batch``; call the answer once the batch has gone."""
    session = batch.session
    take(session, Rank.OPEN_DAYS)
    ids = sorted(set(open_day_ids))
    if not ids:
        return dict
    session.info[_OPEN_DAYS] = (session.get_transaction(), open_days_locked(session) | set(ids))
    locked = batch.add(
        select(OpenDay).where(OpenDay.id.in_(ids)).order_by(OpenDay.id)
        .with_for_update().execution_options(populate_existing=True)
    )
    return lambda: {row.id: row for row in locked.result.scalars()}


def open_days_locked(session: Session) -> frozenset[int]:
    """The open days the transaction has locked with ``open_days_in`` (in ascending id): a later statement that
    moves their places needs no lock of its own first."""
    held_by, ids = session.info.get(_OPEN_DAYS, (None, frozenset()))
    return frozenset(ids) if held_by is session.get_transaction() else frozenset()


def regie_books(session: Session) -> None:
    """A remittance or a versement: the second waits on the counter row, then sees what the first recorded."""
    take(session, Rank.REGIE_BOOKS)
    next_counter_value(session, REGIE_BOOKS_COUNTER)


def numbers(session: Session) -> None:
    """Before taking a receipt number or a debt reference (their counter rows lock until commit)."""
    take(session, Rank.NUMBERS)


def journal(session: Session) -> None:
    take(session, Rank.JOURNAL)
