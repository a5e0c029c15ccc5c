"""Gap-free counters, safe under concurrent desks on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from desk.db.models import Counter
from desk.db.pipeline import Batch
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


def next_counter_values_in(batch: Batch, counts: Sequence[tuple[str, int]]) -> Callable[[], dict[str, int]]:
    """``next_counter_value`` of several counters in one statement of ``batch``: each ``(name, count)`` taken, in
    the order given (their rows lock in that order, whatever order the database finds them in); the answer,
    once the batch has gone, is the last of each."""
    names = [name for name, _count in counts]
    if len(set(names)) != len(names):
        raise ValueError(f"a counter asked twice: {names}")
    taken = (select(Counter.name).where(Counter.name.in_(names))
             .order_by(case({name: index for index, name in enumerate(names)}, value=Counter.name))
             .with_for_update().cte("taken").prefix_with("MATERIALIZED", dialect="postgresql"))
    bumped = batch.add(
        update(Counter).where(Counter.name == taken.c.name)
        .values(last_value=Counter.last_value + case(dict(counts), value=Counter.name))
        .returning(Counter.name, Counter.last_value)
    )

    def values() -> dict[str, int]:
        found: dict[str, int] = {name: value for name, value in bumped.result}
        for name, count in counts:  # a counter's first use (a new year's receipts): created, then taken
            if name not in found:
                found[name] = next_counter_value(batch.session, name, count)
        return found

    return values


def raise_counter_to(session: Session, name: str, value: int) -> None:
    """Make sure the counter's next value is above ``value`` (after bulk imports)."""
    _create_if_missing(session, name)
    session.execute(
        update(Counter).where(Counter.name == name, Counter.last_value < value).values(last_value=value)
    )


def _create_if_missing(session: Session, name: str) -> None:
    insert_if_absent(session, Counter, {"name": name, "last_value": 0})
