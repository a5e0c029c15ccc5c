"""The family's active basket, created if missing and locked for the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk.db.enums import BasketState
from desk.db.models import ACTIVE_BASKET, Basket
from desk.db.upsert import insert_if_absent
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
    """The active basket, opened if the family has none; two desks opening at once get the same one.

    Another desk may pay or clear the active basket between our insert (which
    then did nothing) and our lock (which then finds none): we simply try
    again, and the next insert, seeing that desk's commit, opens a new one.
    """
    for _ in range(3):
        insert_if_absent(
            session, Basket,
            {"family_id": family_id, "state": BasketState.OPEN.value, "created_at": now, "updated_at": now,
             "created_by_id": agent_id},
            index_elements=["family_id"],
            index_where=text(ACTIVE_BASKET),
        )
        basket = lock_active_basket(session, family_id)
        if basket is not None:
            return basket
    raise DeskError("Le panier de cette famille change sans cesse à un autre guichet.", "Réessayez dans un instant.")
