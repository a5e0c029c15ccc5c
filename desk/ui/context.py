"""What every window of the counter needs, handed over through constructors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import InitVar, dataclass, field
from typing import TypeVar

from sqlalchemy.orm import Session

from desk.clock import Clock, local_today
from desk.db.engine import Database, database_failures_explained
from desk.db.transactions import run_in_transaction
from desk.gateway.payfip import PayfipGateway
from desk.services.access import Actor, PermissionDeniedError
from desk.services.audit import record_refusal
from desk.services.booking_rules import BookingPolicy
from desk.services.lifecycle.locks import acting, acting_on_family
from desk.ui.dialogs import DialogService
from desk.ui.settings import DeskSettings

T = TypeVar("T")


@contextmanager
def connection_errors_explained(database: Database) -> Iterator[None]:
    """A lost server, a locked, full or read-only file… during a user action: say which, and what to do."""
    with database_failures_explained(database.url, hint_suffix="En attendant, votre saisie est conservée."):
        yield


@dataclass
class DeskContext:
    """The database, the clock, the dialogs and the agent at the desk.

    ``write`` and ``read`` run one user action in one unit of work. The
    signed-in agent is read-only to the widgets: only signing in and out
    (``sign_in``, ``sign_out``: the login dialog and the application) change
    it, and each write refreshes it as the database knows it (a role changed,
    an account deactivated).
    """

    database: Database
    clock: Clock
    dialogs: DialogService
    signed_in: InitVar[Actor | None] = None
    settings: DeskSettings = field(default_factory=DeskSettings)
    gateway: PayfipGateway | None = None
    _actor: Actor | None = field(init=False, default=None, repr=False)

    def __post_init__(self, signed_in: Actor | None) -> None:
        self._actor = signed_in
        if self.gateway is None:  # the simulated DGFIP service, shared by every window of the desk
            self.gateway = PayfipGateway(self.clock.now)

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def sign_in(self, actor: Actor) -> None:
        self._actor = actor

    def sign_out(self) -> None:
        self._actor = None

    def write(self, action: Callable[[Session], T], *, family_id: int | None = None,
              service_checks_actor: bool = False) -> T:
        """One user action in one transaction; a refusal by role is kept in the audit trail.

        ``family_id``: the action locks that family right after the agent
        (see ``locks.acting_on_family``): both are taken in one statement.
        ``service_checks_actor``: the service takes the agent's lock itself, with
        others in one statement (a payment: ``locks.acting_at_counter``).

        A lost connection or a timeout becomes a DeskError saying so: nothing
        was recorded, and what the agent typed stays on screen to try again.
        """
        try:
            with connection_errors_explained(self.database):
                return run_in_transaction(self.database, action if service_checks_actor else self._checked(action, family_id))
        except PermissionDeniedError as refusal:
            with self.database.session_factory.begin() as session:
                record_refusal(session, self.clock, self.actor, refusal.action, refusal.message)
            raise

    def _checked(self, action: Callable[[Session], T], family_id: int | None) -> Callable[[Session], T]:
        """The action, run by the agent as the database knows them now (a deactivated account acts no more)."""
        def run(session: Session) -> T:
            if self._actor is not None and family_id is not None:
                self._actor = acting_on_family(session, self._actor, family_id)
            elif self._actor is not None:
                self._actor = acting(session, self._actor)
            return action(session)

        return run

    def read(self, query: Callable[[Session], T]) -> T:
        with connection_errors_explained(self.database), self.database.read_session_factory() as session:
            return query(session)

    def session(self) -> AbstractContextManager[Session]:
        return self.database.read_session_factory()

    @property
    def policy(self) -> BookingPolicy:
        return BookingPolicy(self.settings.hold_minutes)

    @property
    def agent(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("no agent is logged in")
        return self.actor

    def today(self):
        return local_today(self.clock)
