"""Agents and their passwords (argon2 hashes, never the password itself)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import Role
from desk.db.models import Agent
from desk.errors import ValidationError
from desk.services.access import Actor, require_admin
from desk.services.audit import record
from desk.services.lifecycle.locks import acting
from desk.services.validation import checked_text, column_length, has_forbidden_character

_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 5
MAX_PASSWORD_LENGTH = 128
# Lowercase ASCII only: Python's lower() and the database's (the CHECK on login) then always agree.
_LOGIN = re.compile(r"[a-z0-9._@-]+")


@dataclass(frozen=True)
class AgentInfo:
    id: int
    login: str
    display_name: str
    role: Role
    is_active: bool


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        # "surrogatepass": a typed unpaired surrogate costs a verification and fails, like any wrong password.
        return _hasher.verify(password_hash, password.encode("utf-8", "surrogatepass"))
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    """The hash of nobody's password, made once with the agents' parameters."""
    return _hasher.hash(secrets.token_urlsafe(24))


def check_password(agent: Agent | None, password: str) -> bool:
    """Whether ``password`` is the agent's. Without an agent it is checked against a dummy hash,
    at the same cost, and fails: how long a refusal takes tells nothing of whether the login exists."""
    dummy = _dummy_hash()  # made on the first attempt, whichever it is, so that none costs more
    if agent is None:
        password_matches(dummy, password)
        return False
    return password_matches(agent.password_hash, password)


def normalise_login(login: str) -> str:
    return login.strip().lower()


def find_agent(session: Session, login: str, *, for_update: bool = False) -> Agent | None:
    """The agent of a typed login; None, without asking the database, for text no login can be."""
    login = normalise_login(login)
    if len(login) > column_length(Agent.login) or has_forbidden_character(login):
        return None
    statement = select(Agent).where(Agent.login == login)
    return session.scalar(statement.with_for_update() if for_update else statement)


def _checked_login(login: str) -> str:
    login = checked_text(normalise_login(login), field="login", label="L'identifiant",
                         max_length=column_length(Agent.login), required=True)
    if not _LOGIN.fullmatch(login):
        raise ValidationError("L'identifiant ne prend que des lettres sans accent, des chiffres et les signes . _ - @",
                              "Par exemple lucie.petit.", field="login")
    return login


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères.", field="password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(f"Le mot de passe est trop long ({MAX_PASSWORD_LENGTH} caractères au plus).",
                              field="password")
    if has_forbidden_character(password):
        raise ValidationError("Le mot de passe contient un caractère non autorisé.", field="password")
    return password


def create_agent(
    session: Session, clock: Clock, *, login: str, display_name: str, password: str, role: Role
) -> AgentInfo:
    """Create an agent; refuses a blank, malformed or taken login, a blank name and a too short password."""
    login = _checked_login(login)
    display_name = checked_text(display_name, field="display_name", label="Le nom de l'agent",
                                max_length=column_length(Agent.display_name), required=True)
    password = _checked_password(password)
    if find_agent(session, login) is not None:
        raise ValidationError(f"L'identifiant « {login} » est déjà utilisé.", field="login")
    agent = Agent(
        login=login,
        display_name=display_name,
        password_hash=hash_password(password),
        role=role,
        is_active=True,
        failed_login_count=0,
        created_at=clock.now(),
    )
    session.add(agent)
    session.flush()
    return agent_info(agent)


def agent_info(agent: Agent) -> AgentInfo:
    return AgentInfo(agent.id, agent.login, agent.display_name, agent.role, agent.is_active)


# -- administration (admins only; agents are never deleted: the journal names them) --


def list_agents(session: Session) -> list[AgentInfo]:
    return [agent_info(agent) for agent in session.scalars(select(Agent).order_by(Agent.display_name))]


def _managed(session: Session, actor: Actor, agent_id: int, action: str) -> Agent:
    actor = acting(session, actor)
    require_admin(actor, action, "Seul un administrateur gère les comptes des agents.")
    agent = session.get(Agent, agent_id, with_for_update=True)
    if agent is None:
        raise ValidationError("Ce compte n'existe pas.", field="agent")
    return agent


def add_agent(session: Session, clock: Clock, actor: Actor, *, login: str, display_name: str, password: str,
              role: Role) -> AgentInfo:
    actor = acting(session, actor)
    require_admin(actor, "create_agent", "Seul un administrateur crée les comptes des agents.")
    info = create_agent(session, clock, login=login, display_name=display_name, password=password, role=role)
    record(session, clock, actor, "create_agent", f"{info.login} ({info.role.value})")
    return info


def change_role(session: Session, clock: Clock, actor: Actor, agent_id: int, role: Role) -> AgentInfo:
    agent = _managed(session, actor, agent_id, "change_role")
    if agent.id == actor.agent_id and role is not Role.ADMIN:
        raise ValidationError("Vous ne pouvez pas retirer vos propres droits d'administrateur.", field="role")
    agent.role = role
    record(session, clock, actor, "change_role", f"{agent.login} → {role.value}")
    return agent_info(agent)


def reset_password(session: Session, clock: Clock, actor: Actor, agent_id: int, password: str) -> AgentInfo:
    agent = _managed(session, actor, agent_id, "reset_password")
    agent.password_hash = hash_password(_checked_password(password))
    agent.failed_login_count = 0
    agent.locked_until = None
    record(session, clock, actor, "reset_password", agent.login)
    return agent_info(agent)


def set_active(session: Session, clock: Clock, actor: Actor, agent_id: int, active: bool) -> AgentInfo:
    agent = _managed(session, actor, agent_id, "deactivate_agent" if not active else "reactivate_agent")
    if agent.id == actor.agent_id and not active:
        raise ValidationError("Vous ne pouvez pas désactiver votre propre compte.", field="agent")
    agent.is_active = active
    record(session, clock, actor, "deactivate_agent" if not active else "reactivate_agent", agent.login)
    return agent_info(agent)
