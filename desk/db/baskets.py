"""The family's active basket, created if missing and locked for the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, exists, literal, select, text
from sqlalchemy.orm import Session

from desk.db.enums import BasketState
from desk.db.models import ACTIVE_BASKET, Basket, Family
from desk.db.upsert import dialect_insert
from desk.errors import DeskError

ACTIVE_BASKET_STATES = (BasketState.OPEN, BasketState.PAYMENT_IN_PROGRESS)


def lock_active_basket(session: Session, family_id: int) -> Basket | None:
    """The active basket, locked until the transaction ends, as it is once the lock is held.

    On PostgreSQL a second desk waits here, then sees the state the first
    one committed (a basket paid meanwhile is no longer active: None).
    """
    return session.scalar(
        select(Basket).where(Basket.family_id == family_id, Basket.state.in_(ACTIVE_BASKET_STATES))
        .with_for_update().execution_options(populate_existing=True)
    )


def lock_or_open_basket(session: Session, family_id: int, now: datetime, agent_id: int | None) -> Basket:
    """The active basket, opened if the family has none, locked and touched: one statement
    (``open_or_touch_basket``)."""
    basket = session.scalars(open_or_touch_basket(session, family_id, now, agent_id)).one_or_none()
    return basket_opened(basket)


def open_or_touch_basket(session: Session, family_id: int, now: datetime, agent_id: int | None) -> Select[Any]:
    """The statement of ``lock_or_open_basket``: it returns the basket, or nothing if the family does not exist.

    ``INSERT … SELECT … WHERE the family exists ON CONFLICT (the active-basket
    index) DO UPDATE … RETURNING``: two desks opening at once get the same
    basket; on PostgreSQL the update locks it, and a basket another desk pays
    meanwhile no longer conflicts once that desk commits, so a new one is
    opened. A missing family opens nothing (rather than failing on its
    foreign key), for the caller to say so.
    """
    insert = dialect_insert(session)
    row = select(literal(family_id, Basket.family_id.type), literal(BasketState.OPEN, Basket.state.type),
                 literal(now, Basket.created_at.type),
                 literal(now, Basket.updated_at.type), literal(agent_id, Basket.created_by_id.type)
                 ).where(exists().where(Family.id == family_id))
    statement = insert(Basket).from_select(["family_id", "state", "created_at", "updated_at", "created_by_id"], row)
    statement = statement.on_conflict_do_update(
        index_elements=["family_id"], index_where=text(ACTIVE_BASKET),
        set_={"updated_at": statement.excluded.updated_at},
    ).returning(Basket)
    return select(Basket).from_statement(statement).execution_options(populate_existing=True)


def basket_opened(basket: Basket | None) -> Basket:
    if basket is None:
        raise DeskError("Le panier de cette famille change sans cesse à un autre guichet.", "Réessayez dans un instant.")
    return basket
