"""``INSERT … ON CONFLICT DO NOTHING``, written once for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desk.db.base import Base


def insert_if_absent(
    session: Session,
    model: type[Base],
    values: Mapping[str, Any],
    *,
    index_elements: Sequence[str] | None = None,
    index_where: ColumnElement[bool] | None = None,
) -> None:
    """Insert a row unless a unique constraint (or the partial index named by
    ``index_elements`` and ``index_where``) already holds one like it.

    Two desks inserting at once both succeed: one row is written, the other
    statement does nothing, and neither transaction is aborted.
    """
    statement = dialect_insert(session)(model).values(**values)
    session.execute(statement.on_conflict_do_nothing(index_elements=index_elements, index_where=index_where))


def dialect_insert(session: Session) -> Callable[..., Any]:
    """The ``insert`` of the session's database, the one with ``ON CONFLICT``."""
    return postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
