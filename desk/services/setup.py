"""The first start on an empty (non-demo) database: the régie's identity and the first administrator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import Role
from desk.db.models import Agent, RegieSettings
from desk.errors import ValidationError
from desk.services.agents import AgentInfo, create_agent


@dataclass(frozen=True)
class RegieDraft:
    town: str
    regie_name: str
    address: str
    payfip_client_number: str


def needs_setup(session: Session) -> bool:
    """True while the database has neither a régie nor any agent: nobody could log in."""
    agents = session.scalar(select(func.count()).select_from(Agent))
    return not agents and session.get(RegieSettings, 1) is None


def initialise(session: Session, clock: Clock, regie: RegieDraft, *, login: str, display_name: str,
               password: str) -> AgentInfo:
    """Record the régie and create the first administrator, both or neither."""
    if not needs_setup(session):
        raise ValidationError("Cette base est déjà initialisée.", field="regie")
    for value, label, field in ((regie.town, "La commune", "town"), (regie.regie_name, "Le nom de la régie", "regie_name"),
                                (regie.address, "L'adresse", "address")):
        if not value.strip():
            raise ValidationError(f"{label} est obligatoire.", field=field)
    if not re.fullmatch(r"\d{6}", regie.payfip_client_number.strip()):
        raise ValidationError("Le numéro client PayFiP compte 6 chiffres (fourni par la DGFIP).", field="payfip")
    session.add(RegieSettings(id=1, town=regie.town.strip(), regie_name=regie.regie_name.strip(),
                              address=regie.address.strip(), payfip_client_number=regie.payfip_client_number.strip()))
    return create_agent(session, clock, login=login, display_name=display_name, password=password, role=Role.ADMIN)
