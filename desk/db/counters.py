"""Gap-free counters, safe under concurrent desks on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Insert
from sqlalchemy.orm import Session

from desk.db.models import Counter
from desk.db.pipeline import Batch
from desk.db.upsert import dialect_insert


def next_counter_value(session: Session, name: str, count: int = 1) -> int:
    """Take the next ``count`` numbers of counter ``name`` within the caller's transaction; returns the last.

    One statement: the row is created at its first use, bumped otherwise (``INSERT … ON CONFLICT DO UPDATE …
    RETURNING``), and locked until the transaction ends: a second desk waits, a rollback gives the numbers back,
    and two desks taking a counter's first number at once get 1 and 2.
    """
    return session.execute(_taking(session, [(name, count)]).returning(Counter.last_value)).scalar_one()


def next_counter_values_in(batch: Batch, counts: Sequence[tuple[str, int]]) -> Callable[[], dict[str, int]]:
    """``next_counter_value`` of several counters in one statement of ``batch``: each ``(name, count)`` taken, in
    the order given (their rows are created or locked in that order); the answer, once the batch has gone, is
    the last of each. A later statement of the batch may read a counter's row: it is this transaction's."""
    names = [name for name, _count in counts]
    if len(set(names)) != len(names):
        raise ValueError(f"a counter asked twice: {names}")
    taken = batch.add(_taking(batch.session, counts).returning(Counter.name, Counter.last_value))
    return lambda: {name: value for name, value in taken.result}


def _taking(session: Session, counts: Sequence[tuple[str, int]]) -> Insert:
    """The rows of ``counts`` created with their count, or raised by it where they exist."""
    statement = dialect_insert(session)(Counter).values([{"name": name, "last_value": count} for name, count in counts])
    statement = statement.on_conflict_do_update(
        index_elements=[Counter.name], set_={"last_value": Counter.last_value + statement.excluded.last_value})
    return statement


def raise_counter_to(session: Session, name: str, value: int) -> None:
    """Make sure the counter's next value is above ``value`` (after bulk imports)."""
    statement = dialect_insert(session)(Counter).values(name=name, last_value=value)
    session.execute(statement.on_conflict_do_update(
        index_elements=[Counter.name], set_={"last_value": value}, where=Counter.last_value < value))
