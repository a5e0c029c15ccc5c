"""Helpers for bulk loading (generator, demo) and several rows at once: explicit ids and id sequences."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, insert, inspect, select, text
from sqlalchemy.orm import Session

from desk.db.base import Base
from desk.db.pipeline import Batch


def next_id(session: Session, model: type[Base]) -> int:
    """The first free id of a table whose ids the loader assigns itself."""
    current = session.scalar(select(func.max(model.__table__.c.id)))  # type: ignore[attr-defined]
    return (current or 0) + 1


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert plain rows through Core: no ORM bookkeeping, one executemany."""
    if rows:
        session.execute(insert(model.__table__), list(rows))  # type: ignore[arg-type]


def sync_id_sequences(session: Session, models: Iterable[type[Base]]) -> None:
    """After explicit ids, move PostgreSQL's sequences past them (SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in models:
        table = model.__table__.name  # type: ignore[attr-defined]
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"GREATEST((SELECT max(id) FROM {table}), 1))"
            )
        )


def refresh_statistics(session: Session) -> None:
    """After a bulk load, let the query planner see the new sizes (both databases know ANALYZE)."""
    session.execute(text("ANALYZE"))


def insert_new_in(batch: Batch, row: Base) -> Callable[[], None]:
    """``row``, a new ORM object kept out of the session, inserted in ``batch`` with the columns it was given;
    call the answer once the batch has gone to give it its id. (An object added to the session would be
    flushed on its own, one exchange with the server each time.)"""
    mapper = inspect(type(row))
    given = inspect(row).dict
    values = {column.key: given[column.key] for column in mapper.column_attrs if column.key in given}
    added = batch.add(insert(type(row)).values(**values).returning(mapper.primary_key[0]))

    def numbered() -> None:
        row.id = added.result.scalar_one()  # type: ignore[attr-defined]

    return numbered


def inserted_id(session: Session, model: type[Base]) -> ColumnElement[int]:
    """The id the database gave the row this transaction inserted last into ``model``'s table, as an expression:
    for the statements that refer to it in the same batch, before the insert's answer has come back.

    PostgreSQL: ``currval`` of the table's sequence, this connection's own
    value whatever other desks insert meanwhile. SQLite: the table's highest
    id, which is that row's since one writer at a time holds the whole file.
    """
    table = model.__table__  # type: ignore[attr-defined]
    if session.get_bind().dialect.name == "postgresql":
        return func.currval(func.pg_get_serial_sequence(table.name, "id"))
    return select(func.max(table.c.id)).scalar_subquery()
