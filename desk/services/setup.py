"""The first start on an empty (non-demo) database: the régie's identity and the first administrator."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import Role
from desk.db.models import Agent, RegieSettings
from desk.errors import ValidationError
from desk.services.access import Actor, require_admin
from desk.services.agents import AgentInfo, create_agent
from desk.services.audit import record
from desk.services.lifecycle.locks import acting
from desk.services.validation import ascii_digits, checked_text, column_length


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
    session.add(RegieSettings(id=1, **_validated(regie)))
    return create_agent(session, clock, login=login, display_name=display_name, password=password, role=Role.ADMIN)


def regie_identity(session: Session) -> RegieDraft | None:
    regie = session.get(RegieSettings, 1)
    if regie is None:
        return None
    return RegieDraft(regie.town, regie.regie_name, regie.address, regie.payfip_client_number)


def update_regie(session: Session, clock: Clock, actor: Actor, regie: RegieDraft) -> None:
    """Change the identity printed on tickets and sent to PayFiP (administrators only)."""
    actor = acting(session, actor)
    require_admin(actor, "edit_regie", "Seul un administrateur modifie l'identité de la régie.")
    values = _validated(regie)
    current = session.get(RegieSettings, 1)
    if current is None:
        session.add(RegieSettings(id=1, **values))
    else:
        for name, value in values.items():
            setattr(current, name, value)
    record(session, clock, actor, "edit_regie", f"{values['regie_name']} ({values['town']})")


_REGIE_TEXTS = (("town", "La commune"), ("regie_name", "Le nom de la régie"), ("address", "La ligne d'adresse"))


def _validated(regie: RegieDraft) -> dict[str, str]:
    values = {name: checked_text(getattr(regie, name), field=name, label=label, required=True,
                                 max_length=column_length(getattr(RegieSettings, name)))
              for name, label in _REGIE_TEXTS}
    number = regie.payfip_client_number.strip()
    if len(number) != column_length(RegieSettings.payfip_client_number) or not ascii_digits(number):
        raise ValidationError("Le numéro client PayFiP compte 6 chiffres (fourni par la DGFIP).", field="payfip")
    return {**values, "payfip_client_number": number}
