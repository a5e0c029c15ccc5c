"""The family's active basket, created if missing and locked for the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desk.db.enums import BasketState
from desk.db.models import ACTIVE_BASKET, Basket
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
    """The active basket, opened if the family has none, locked and touched: one statement.

    ``INSERT … ON CONFLICT (the active-basket index) DO UPDATE … RETURNING``:
    two desks opening at once get the same basket; on PostgreSQL the update
    locks it, and a basket another desk pays meanwhile no longer conflicts
    once that desk commits, so a new one is opened.
    """
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(Basket).values(
        family_id=family_id, state=BasketState.OPEN.value, created_at=now, updated_at=now, created_by_id=agent_id,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["family_id"], index_where=text(ACTIVE_BASKET),
        set_={"updated_at": statement.excluded.updated_at},
    ).returning(Basket)
    basket = session.scalars(select(Basket).from_statement(statement)
                             .execution_options(populate_existing=True)).one_or_none()
    if basket is None:
        raise DeskError("Le panier de cette famille change sans cesse à un autre guichet.", "Réessayez dans un instant.")
    return basket
