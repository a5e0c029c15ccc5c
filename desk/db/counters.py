"""Gap-free counters, safe under concurrent desks on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from desk.db.models import Counter
from desk.db.upsert import insert_if_absent


def next_counter_value(session: Session, name: str, count: int = 1) -> int:
    """Take the next ``count`` numbers of counter ``name`` within the caller's transaction; returns the last.

    The row is bumped by an atomic ``UPDATE … RETURNING``, which locks it until
    the transaction ends: a second desk waits, and a rollback gives the numbers
    back. Only the very first use creates the row (``ON CONFLICT DO NOTHING``),
    which spares every payment a round trip.
    """
    statement = (
        update(Counter)
        .where(Counter.name == name)
        .values(last_value=Counter.last_value + count)
        .returning(Counter.last_value)
    )
    value = session.execute(statement).scalar_one_or_none()
    if value is None:
        _create_if_missing(session, name)
        value = session.execute(statement).scalar_one()
    return value


def raise_counter_to(session: Session, name: str, value: int) -> None:
    """Make sure the counter's next value is above ``value`` (after bulk imports)."""
    _create_if_missing(session, name)
    session.execute(
        update(Counter).where(Counter.name == name, Counter.last_value < value).values(last_value=value)
    )


def _create_if_missing(session: Session, name: str) -> None:
    insert_if_absent(session, Counter, {"name": name, "last_value": 0})
