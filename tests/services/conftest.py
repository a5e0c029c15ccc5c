import threading
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.enums import Role, UnitKind
from desk.db.models import Agent, OpenDay, RegieSettings
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.agents import create_agent
from desk.services.cash_desk import open_cash_desk
from desk.services.demo import DEMO_REGIE
from desk.services.enrolment import enrol
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft, create_family
from desk.services.lifecycle.baskets import basket_view, toggle_booking
from desk.services.lifecycle.payments import pay_at_counter
from desk.services.school_calendar import SchoolYear
from desk.services.tenders import Tender
from desk.services.town_catalogue import ensure_town_catalogue


@pytest.fixture
def clock() -> FrozenClock:
    """Thursday 26 November 2026, 10:00 in the town."""
    return FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))


@dataclass
class Town:
    """The Pommiers catalogue, the DURAND family enrolled, an agent and a régisseur."""

    family_id: int
    noah: int
    lea: int
    hugo: int
    units: dict[UnitKind, int]
    summer_activity: int
    wednesday_activity: int
    agent: Actor
    cashier: Actor

    def toggle(self, database, clock, child: str, kind: UnitKind, day: date, actor: Actor | None = None):
        """Check or uncheck the cell of ``child`` (``"noah"``…) as one user action."""
        with database.session_factory.begin() as session:
            return toggle_booking(session, clock, family_id=self.family_id, child_id=getattr(self, child),
                                  open_day_id=self.open_day(database, kind, day), actor=actor or self.agent)

    def pay(self, database, clock, tenders, actor: Actor | None = None, **options):
        """Pay the family's basket at the counter as one user action."""
        with database.session_factory.begin() as session:
            return self.pay_in(session, clock, tenders, actor=actor, **options)

    def pay_in(self, session, clock, tenders, actor: Actor | None = None, **options):
        """Pay the family's basket at the counter in the caller's transaction."""
        return pay_at_counter(session, clock, family_id=self.family_id, tenders=tenders, actor=actor or self.agent,
                              **options)

    def open_day(self, database, kind: UnitKind, day: date) -> int:
        with database.read_session_factory() as session:
            return session.scalar(select(OpenDay.id).where(OpenDay.unit_id == self.units[kind], OpenDay.day == day))


@pytest.fixture
def town(database, clock) -> Town:
    with database.session_factory.begin() as session:
        catalogue = ensure_town_catalogue(session, SchoolYear(2026))
        session.add(RegieSettings(id=1, **DEMO_REGIE))
        agent = create_agent(session, clock, login="agent", display_name="Camille", password="agent", role=Role.AGENT)
        cashier = create_agent(session, clock, login="regisseur", display_name="Sophie", password="regisseur", role=Role.CASHIER)
        family = create_family(session, clock, FamilyDraft(
            name="DURAND", quotient_familial=1450, email="julie.durand@exemple.fr",
            guardians=[GuardianDraft("Julie", "DURAND", "Mère")],
            children=[ChildDraft("Noah", "DURAND", date(2018, 3, 14)), ChildDraft("Léa", "DURAND", date(2020, 9, 2)),
                      ChildDraft("Hugo", "DURAND", date(2022, 5, 27))],
        ))
        noah, lea, hugo = (c.id for c in family.children)
        agent_actor = Actor(agent.id, Role.AGENT, "Camille")
        open_cash_desk(session, clock, actor=Actor(cashier.id, Role.CASHIER, "Sophie"), float_cents=15_000)
        for child in (noah, lea, hugo):
            enrol(session, clock, child_id=child, activity_id=catalogue.wednesdays.id, actor=agent_actor)
    return Town(family.id, noah, lea, hugo, catalogue.wednesdays.units, catalogue.summer.id, catalogue.wednesdays.id,
                agent_actor, Actor(cashier.id, Role.CASHIER, "Sophie"))


def mark_basket_paid(database, family_id: int, clock) -> None:
    """Pay what the basket holds by card, as a counter agent would."""
    with database.session_factory.begin() as session:
        agent = session.scalar(select(Agent.id).where(Agent.role == Role.AGENT).order_by(Agent.id))
        due = basket_view(session, family_id).to_pay_cents
        pay_at_counter(session, clock, family_id=family_id, tenders=[Tender.card(due, "AUTH01", "4242")] if due else [],
                       actor=Actor(agent, Role.AGENT))


def at_the_same_instant(database_url: str, actions: list) -> list:
    """Run each action as a separate desk: its own thread and connection, all released together.

    Returns, in completion order, what each action returned, or the DeskError it raised.
    """
    start = threading.Barrier(len(actions))
    outcomes: list = []

    def desk(action) -> None:
        own = open_database(database_url)
        try:
            start.wait()
            with own.session_factory.begin() as session:
                outcomes.append(action(session))
        except DeskError as refusal:
            outcomes.append(refusal)
        finally:
            own.dispose()

    threads = [threading.Thread(target=desk, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes
