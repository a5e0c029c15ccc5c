"""Fewer round trips to PostgreSQL: BEGIN goes with the first statement, and statements go together.

At 20 ms of round trip (an annex on a VPN) every exchange with the server
costs the agent 20 ms. psycopg's pipeline mode sends several statements and
reads their results in one exchange; the server still runs them one after
the other, each on a snapshot taken when it starts. So a read sent after a
lock in the same pipeline sees what was committed before the lock was
granted, exactly as if it had waited for the lock's answer.

Two uses, both through SQLAlchemy's public events, so that statements stay
SQLAlchemy statements (ORM entities and types included):

- **BEGIN with the first statement.** The connection runs in psycopg's
  autocommit mode and the transaction is opened by an explicit ``BEGIN``,
  owed from SQLAlchemy's *begin* and sent in the same pipeline as the first
  statement that follows. A read-only engine (``READS_ONLY``) owes none: at
  READ COMMITTED each statement takes its own snapshot, inside a transaction
  or not, so its reads run alone, without BEGIN and ROLLBACK (but for a
  server-side cursor, which PostgreSQL only declares in a transaction).
- **Statements together** (``together``). Statements whose parameters do not
  depend on one another's results are added to a batch; on leaving the block
  they reach the server in one exchange (with the owed BEGIN, and the COMMIT
  when the batch ends the unit of work), and each ``Deferred`` then holds its
  result. To learn the SQL and parameters SQLAlchemy would send, each
  statement is executed *captured*: the cursor call is withheld and the
  execution is handed a cursor that will hold the rows once the batch has
  gone (listeners of ``before_cursor_execute`` see it, with ``CAPTURED`` in
  the execution options). On leaving the block the first statement is
  executed again (with ``REPLAYED``): its cursor call sends the whole batch,
  inside SQLAlchemy's execution, so that a failure of any statement is reported (and wrapped)
  as SQLAlchemy reports a failed statement.

On SQLite (or any other dialect) a batch runs its statements as they are
added: same results, same order, one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import psycopg
from sqlalchemy import Delete, Engine, Executable, Insert, Result, Update, event
from sqlalchemy.orm import Session

T = TypeVar("T")
READS_ONLY = "desk_reads_only"  # execution option: this engine's transactions owe no BEGIN
CAPTURED = "desk_captured"  # execution option: the statement is learnt, not sent
REPLAYED = "desk_replayed"  # execution option: a batch's first statement, executed again to send the batch
_STATE = "desk_pipeline"
_IN_DOUBT = "desk_commit_in_doubt"
_FIRST_LOST = "desk_first_exchange_lost"


class StatementAfterCommitError(RuntimeError):
    """A statement was executed after a batch sent the unit of work's COMMIT: it would have run outside it."""


@dataclass
class _ConnectionState:
    """What one pooled connection owes or holds, for the transaction under way."""

    begin_owed: bool = False
    committed: bool = False
    captured: list[_Captured] = field(default_factory=list)
    to_send: list[_Captured] = field(default_factory=list)  # a batch, sent by its first statement's execution
    commit_with_batch: bool = False
    cursors: list[Any] = field(default_factory=list)  # the driver's cursors of the batches sent, to close


def install(engine: Engine) -> None:
    """Run ``engine`` (PostgreSQL, psycopg) in autocommit with BEGIN owed and sent with the next statement."""
    event.listen(engine, "connect", _autocommit)
    event.listen(engine, "begin", _owe_begin)
    for end in ("commit", "rollback"):
        event.listen(engine, end, _forget)
    event.listen(engine, "rollback_savepoint", _forget_batches)
    event.listen(engine, "do_execute", _do_execute)
    event.listen(engine, "do_execute_no_params", _do_execute_no_params)
    event.listen(engine, "do_executemany", _do_executemany)


def _autocommit(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.autocommit = True


def _state(connection: Any) -> _ConnectionState:
    if connection.invalidated:  # lost with its transaction: nothing is owed any more
        return _ConnectionState()
    try:
        info = connection.info
    except NotImplementedError:  # the dialect's first connection, before the pool keeps it: it owes nothing
        return _ConnectionState()
    state = info.get(_STATE)
    if state is None:
        state = info[_STATE] = _ConnectionState()
    return state


def _owe_begin(connection: Any) -> None:
    _forget(connection)
    options = connection.get_execution_options()
    # reads, and what must run outside a transaction (VACUUM, CREATE DATABASE), owe none
    _state(connection).begin_owed = not (options.get(READS_ONLY) or options.get("isolation_level") == "AUTOCOMMIT")


def _forget(connection: Any) -> None:
    state = _state(connection)
    state.begin_owed = state.committed = False
    _forget_batches(connection)


def _forget_batches(connection: Any, *_savepoint: Any) -> None:
    """A batch cut short (the transaction or the savepoint it ran in rolled back): nobody reads its answers."""
    state = _state(connection)
    state.commit_with_batch = False
    state.captured.clear()
    state.to_send.clear()
    while state.cursors:
        state.cursors.pop().close()


def _do_execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    return _intercept(cursor, context, lambda: cursor.execute(statement, parameters), (statement, parameters))


def _do_execute_no_params(cursor: Any, statement: str, context: Any) -> bool:
    return _intercept(cursor, context, lambda: cursor.execute(statement), (statement, None))


def _do_executemany(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    state = _state(context.root_connection)
    _refuse_after_commit(state)
    if state.begin_owed:
        with _exchange(state):
            _send_begin(cursor.connection, state)
    return False


def _intercept(cursor: Any, context: Any, execute: Any, sql: tuple[str, Any]) -> bool:
    """True when the cursor call was dealt with here (captured, sent with BEGIN, or already sent)."""
    state = _state(context.root_connection)
    options = context.execution_options
    if options.get(CAPTURED):
        late = _LateCursor(context)
        state.captured.append(_Captured(sql, late))
        context.cursor = late
        cursor.close()
        return True
    if options.get(REPLAYED) and state.to_send:
        context.cursor = _send_batch(cursor.connection, state)
        cursor.close()
        return True
    _refuse_after_commit(state)
    if state.captured:
        raise RuntimeError("a statement run while a batch is being built would reach the server before it")
    if isinstance(cursor, psycopg.ServerCursor):  # DECLARE needs a transaction, reads included; not pipelined
        if cursor.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            _send_begin(cursor.connection, state)
        return False
    if not state.begin_owed:
        return False
    with _exchange(state), cursor.connection.pipeline():
        _send_begin(cursor.connection, state)
        execute()
    return True


def _refuse_after_commit(state: _ConnectionState) -> None:
    if state.committed:
        raise StatementAfterCommitError("a statement after the unit of work's COMMIT would run outside it")


def _send_batch(dbapi_connection: Any, state: _ConnectionState) -> Any:
    """The batch in one exchange (with the owed BEGIN, and COMMIT if it ends the unit of work); each captured
    statement's cursor then reads its rows. Returns the first statement's cursor.

    Raised here, inside SQLAlchemy's execution of the batch's first statement,
    a failure of any of them is reported (and wrapped) as that execution's.
    """
    batch, state.to_send = state.to_send, []
    cursors = []
    with _exchange(state, commit=state.commit_with_batch), dbapi_connection.pipeline():
        if state.begin_owed:
            _send_begin(dbapi_connection, state)
        for captured in batch:
            cursor = dbapi_connection.cursor()
            cursor.execute(*captured.sql)
            cursors.append(cursor)
        if state.commit_with_batch:
            dbapi_connection.execute("COMMIT")
    state.committed = state.commit_with_batch  # once the server has answered every statement, COMMIT included
    state.cursors.extend(cursors)
    for captured, cursor in zip(batch, cursors, strict=True):
        captured.late.bind(cursor)
    return cursors[0]


@contextmanager
def _exchange(state: _ConnectionState, *, commit: bool = False) -> Iterator[None]:
    """One exchange with the server; a line that drops during it says what the server may have kept.

    With the BEGIN in it, nothing of the unit of work can have been kept: it
    may run again (``first_exchange_lost``). With the COMMIT in it, all of it
    may have been (``commit_in_doubt``).
    """
    with_begin = state.begin_owed
    try:
        yield
    except psycopg.OperationalError as error:
        if error.sqlstate is None:  # the line dropped, not the server refusing
            setattr(error, _FIRST_LOST, with_begin and not commit)
            setattr(error, _IN_DOUBT, commit)
        raise


def committed_ahead(session: Session) -> bool:
    """Whether a batch of this session's transaction has committed it (``together(commit=True)``)."""
    if session.get_bind().dialect.name != "postgresql" or not session.in_transaction():
        return False
    return _state(session.connection()).committed


def first_exchange_lost(error: BaseException) -> bool:
    """Whether ``error`` (a driver's) cut the exchange that opened the unit of work: nothing was kept."""
    return bool(getattr(error, _FIRST_LOST, False))


def commit_in_doubt(error: BaseException) -> bool:
    """Whether ``error`` (a driver's) cut a batch that carried the COMMIT: the server may have committed."""
    return bool(getattr(error, _IN_DOUBT, False))


def _send_begin(dbapi_connection: Any, state: _ConnectionState) -> None:
    dbapi_connection.execute("BEGIN")
    state.begin_owed = False


class _LateCursor:
    """The cursor a captured statement's execution reads from: the columns the statement returns at once
    (the ORM sets up its loading from them), its rows and count once the batch has gone (``bind``)."""

    lastrowid = None

    def __init__(self, context: Any) -> None:
        columns = getattr(context.compiled, "_result_columns", None) or []
        self.description = [(column[1], None, None, None, None, None, None) for column in columns] or None
        self._cursor: Any = None

    def bind(self, cursor: Any) -> None:
        self._cursor = cursor

    def _bound(self) -> Any:
        if self._cursor is None:
            raise RuntimeError("the batch has not been sent yet: read the result after the with block")
        return self._cursor

    @property
    def rowcount(self) -> int:
        return -1 if self._cursor is None else self._cursor.rowcount

    def fetchall(self) -> list[Any]:
        return self._bound().fetchall()

    def fetchone(self) -> Any:
        return self._bound().fetchone()

    def fetchmany(self, *size: Any) -> list[Any]:
        return self._bound().fetchmany(*size)

    def close(self) -> None:
        """Closed with its result; the driver's cursor is closed with the transaction."""


@dataclass
class _Captured:
    sql: tuple[str, Any]
    late: _LateCursor


class Deferred:
    """A statement of a batch; ``result`` once the batch has gone (at once on SQLite)."""

    def __init__(self, statement: Executable, options: dict[str, Any]) -> None:
        self.statement = statement
        self.options = options
        self._result: Result[Any] | None = None
        self._late: _LateCursor | None = None
        self._sent = False

    @property
    def result(self) -> Result[Any]:
        if not self._sent or self._result is None:
            raise RuntimeError("the batch has not been sent yet: read the result after the with block")
        return self._result

    @property
    def rowcount(self) -> int:
        """The rows an INSERT, UPDATE or DELETE without RETURNING changed."""
        if self._late is not None:
            return self._late.rowcount
        return self.result.rowcount  # type: ignore[attr-defined]


class Along(Generic[T]):
    """Statements a caller sends with another function's batch: that function calls it with its batch
    (a ``then`` parameter), and ``answer`` holds what ``add`` returned, to read once the batch has gone."""

    def __init__(self, add: Callable[[Batch], T]) -> None:
        self._add = add
        self._answer: T | None = None
        self._sent = False

    def __call__(self, batch: Batch) -> None:
        self._answer = self._add(batch)
        self._sent = True

    @property
    def answer(self) -> T:
        if not self._sent:
            raise RuntimeError("nothing was sent along: the batch that was to carry it did not run")
        return self._answer  # type: ignore[return-value]


class Batch:
    """Statements sent together on leaving ``together``; see the module's docstring."""

    def __init__(self, session: Session, *, pipelined: bool) -> None:
        self._session = session
        self._pipelined = pipelined
        self._deferred: list[Deferred] = []

    @property
    def session(self) -> Session:
        return self._session

    def add(self, statement: Executable, **execution_options: Any) -> Deferred:
        # nothing may be read back at once by SQLAlchemy itself: a key by a RETURNING of its own, the rows an
        # ORM update or delete would synchronise in the session (the caller forgets those: ``forget_loaded``)
        if isinstance(statement, Insert) and not statement._returning:
            statement = statement.inline()
        if isinstance(statement, Update | Delete):
            execution_options = {"synchronize_session": False, **execution_options}
        deferred = Deferred(statement, execution_options)
        if self._pipelined:
            deferred._result = self._session.execute(statement, execution_options={**execution_options,
                                                                                   CAPTURED: True})
            deferred._late = _state(self._session.connection()).captured[-1].late
        else:
            deferred._result = self._session.execute(statement, execution_options=execution_options)
            deferred._sent = True
        self._deferred.append(deferred)
        return deferred

    def _discard(self) -> None:
        if self._pipelined:
            _state(self._session.connection()).captured.clear()

    def _send(self, commit: bool) -> None:
        if not self._pipelined or not self._deferred:  # nothing to send: the unit of work commits as usual
            return
        state = _state(self._session.connection())
        state.to_send, state.captured = state.captured, []
        if len(state.to_send) != len(self._deferred):
            raise RuntimeError(f"{len(self._deferred)} statements made {len(state.to_send)} cursor calls")
        state.commit_with_batch = commit
        first = self._deferred[0]
        first._result = self._session.execute(first.statement, execution_options={**first.options, REPLAYED: True})
        first._late = None
        for deferred in self._deferred:
            deferred._sent = True


@contextmanager
def together(session: Session, *, commit: bool = False) -> Iterator[Batch]:
    """A batch whose statements reach the server in one exchange on leaving the block.

    ``commit``: the batch ends the unit of work and COMMIT goes with it; any
    statement after it raises ``StatementAfterCommitError`` (the caller's
    commit then has nothing left to send). Nothing may wait to be flushed:
    the session's pending changes are flushed first.
    """
    pipelined = session.get_bind().dialect.name == "postgresql"
    if commit and session.in_nested_transaction():
        raise RuntimeError("a batch inside a savepoint cannot commit the transaction around it")
    session.flush()
    if pipelined and _state(session.connection()).captured:
        raise RuntimeError("a batch inside another batch would send its statements first")
    batch = Batch(session, pipelined=pipelined)
    with session.no_autoflush:
        try:
            yield batch
        except BaseException:
            batch._discard()  # nothing of it was sent: the session may go on (and roll back)
            raise
        batch._send(commit)
