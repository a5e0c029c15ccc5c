"""How one agent action reaches the database: one unit of work, by the agent signed in at this desk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.engine import Database, database_failures_explained
from desk.db.transactions import run_in_transaction
from desk.services.access import Actor, PermissionDeniedError
from desk.services.audit import record_refusal
from desk.services.lifecycle.locks import acting, acting_on_family

T = TypeVar("T")


@contextmanager
def connection_errors_explained(database: Database) -> Iterator[None]:
    """A lost server, a locked, full or read-only file… during a user action: say which, and what to do."""
    with database_failures_explained(database.url, hint_suffix="En attendant, votre saisie est conservée."):
        yield


class SignedIn:
    """The agent signed in at this desk. Only signing in and out change who it is (the login and
    the application); each write refreshes it as the database knows it (a role changed, an
    account deactivated)."""

    def __init__(self, actor: Actor | None = None) -> None:
        self._actor = actor

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def agent(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("no agent is logged in")
        return self._actor

    def sign_in(self, actor: Actor) -> None:
        self._actor = actor

    def sign_out(self) -> None:
        self._actor = None

    def _as_known_now(self, actor: Actor) -> None:
        if self._actor is not None and self._actor.agent_id == actor.agent_id:
            self._actor = actor


class UnitOfWork:
    """``write`` and ``read`` run one user action in one transaction, by the signed-in agent.

    A lost connection or a timeout becomes a DeskError saying so: nothing was
    recorded, and what the agent typed stays on screen to try again. A refusal
    by role is kept in the audit trail.
    """

    def __init__(self, database: Database, clock: Clock, signed_in: SignedIn) -> None:
        self.database = database
        self.clock = clock
        self.signed_in = signed_in

    @property
    def agent(self) -> Actor:
        return self.signed_in.agent

    def write(self, action: Callable[[Session], T], *, family_id: int | None = None,
              service_checks_actor: bool = False) -> T:
        """``family_id``: the action locks that family right after the agent
        (``locks.acting_on_family``), both in one statement.
        ``service_checks_actor``: the service takes the agent's lock itself, with
        others in one statement (a payment: ``locks.acting_at_counter_in``)."""
        try:
            with connection_errors_explained(self.database):
                return run_in_transaction(self.database,
                                          action if service_checks_actor else self._checked(action, family_id))
        except PermissionDeniedError as refusal:
            with self.database.session_factory.begin() as session:
                record_refusal(session, self.clock, self.signed_in.actor, refusal.action, refusal.message)
            raise

    def _checked(self, action: Callable[[Session], T], family_id: int | None) -> Callable[[Session], T]:
        """The action, run by the agent as the database knows them now (a deactivated account acts no more)."""
        def run(session: Session) -> T:
            actor = self.signed_in.actor
            if actor is not None:
                known = acting_on_family(session, actor, family_id) if family_id is not None else acting(session, actor)
                self.signed_in._as_known_now(known)
            return action(session)

        return run

    def read(self, query: Callable[[Session], T]) -> T:
        """``query`` on a read session; asked again once on a fresh connection if the one the pool gave
        had been closed by the server meanwhile (a restart, a VPN): a read may always run twice."""
        with connection_errors_explained(self.database):
            try:
                with self.database.read_session_factory() as session:
                    return query(session)
            except DBAPIError as error:
                if not error.connection_invalidated:
                    raise
            with self.database.read_session_factory() as session:
                return query(session)

    def unchecked(self, action: Callable[[Session], T]) -> T:
        """A write on no agent's behalf (the hold sweep, the first start), retried on conflict like any other."""
        with connection_errors_explained(self.database):
            return run_in_transaction(self.database, action)
