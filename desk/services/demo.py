"""Demo data: a town's catalogue relative to today, agents, ~300 families, DURAND.

``load_demo`` can run any number of times: each piece is looked up by its
natural key first (agents by login, catalogue by name, demo families through
the DURAND walkthrough family), so a second run adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.clock import Clock, local_today
from desk.db.enums import OfficerKind, Role
from desk.db.models import Family, RegieOfficer, RegieSettings
from desk.services.access import Actor
from desk.services.agents import create_agent, find_agent
from desk.services.cash_desk import open_cash_desk, open_session
from desk.services.family_factory import durand_family
from desk.services.regie_books import catch_up
from desk.services.scale_data import TownGenerator
from desk.services.school_calendar import school_year_of
from desk.services.town_catalogue import ensure_town_catalogue

DEMO_SEED = 2026
DEMO_FAMILIES = 300
DEMO_BOOKING_RATE = 0.22
DEMO_FLOAT_CENTS = 15_000

# Printed in the README; the demo database is never a town's real one.
DEMO_AGENTS = (
    ("agent", "Camille Martin", "agent", Role.AGENT),
    ("regisseur", "Sophie Bernard", "regisseur", Role.CASHIER),
    ("admin", "Administrateur", "admin", Role.ADMIN),
)

DEMO_REGIE = {
    "town": "Albertville",
    "regie_name": "Régie Accueil Loisirs Sport Culture",
    "address": "Hôtel de ville, 12 cours de l'Hôtel-de-Ville, 73200 Albertville",
    "payfip_client_number": "012345",
    "act_reference": "Arrêté n° 2024-118 portant création de la régie de recettes",
    "act_date": date(2024, 6, 3),
    "max_cash_cents": 300_000,
    "float_cents": DEMO_FLOAT_CENTS,
}


@dataclass(frozen=True)
class DemoReport:
    families_added: int
    agents_added: int

    def summary(self) -> str:
        if not self.families_added and not self.agents_added:
            return "Les données de démonstration étaient déjà chargées : rien n'a été ajouté."
        return (
            f"Données de démonstration chargées : {self.families_added} familles, "
            f"{self.agents_added} agents."
        )


def load_demo(session: Session, clock: Clock) -> DemoReport:
    if session.get(RegieSettings, 1) is None:
        session.add(RegieSettings(id=1, **DEMO_REGIE))
    agents_added = 0
    for login, name, password, role in DEMO_AGENTS:
        if find_agent(session, login) is None:
            create_agent(session, clock, login=login, display_name=name, password=password, role=role)
            agents_added += 1
    catalogue = ensure_town_catalogue(session, school_year_of(local_today(clock)))
    durand = durand_family(local_today(clock))
    if session.scalar(select(Family.id).where(Family.email == durand.email)) is not None:
        _open_todays_cash_desk(session, clock)
        return DemoReport(0, agents_added)
    generator = TownGenerator(session, clock, seed=DEMO_SEED, booking_rate=DEMO_BOOKING_RATE, catalogue=catalogue)
    generator.add_families([durand], with_history=False)
    others = (generator.factory.family(serial) for serial in range(1, DEMO_FAMILIES))
    generator.add_families(others)
    generator.finish()
    cashier = find_agent(session, "regisseur")
    assert cashier is not None
    _name_the_titulaire(session, clock, cashier.id)
    catch_up(session, clock, Actor(cashier.id, Role.CASHIER, cashier.display_name))  # this month left to pay over
    _open_todays_cash_desk(session, clock)  # after the history: its sessions were closed before today's opened
    return DemoReport(DEMO_FAMILIES, agents_added)


def _name_the_titulaire(session: Session, clock: Clock, agent_id: int) -> None:
    if session.get(RegieOfficer, agent_id) is None:
        session.add(RegieOfficer(agent_id=agent_id, kind=OfficerKind.TITULAIRE, named_at=clock.now()))
        session.flush()


def _open_todays_cash_desk(session: Session, clock: Clock) -> None:
    """The walkthroughs take payments at the counter: the demo régisseur has opened the desk."""
    if open_session(session) is not None:
        return
    cashier = find_agent(session, "regisseur")
    assert cashier is not None
    open_cash_desk(session, clock, actor=Actor(cashier.id, Role.CASHIER, cashier.display_name), float_cents=DEMO_FLOAT_CENTS)
