"""Agents and their passwords (argon2 hashes, never the password itself)."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import Role
from desk.db.models import Agent
from desk.errors import ValidationError

_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 5


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
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_login(login: str) -> str:
    return login.strip().lower()


def find_agent(session: Session, login: str) -> Agent | None:
    return session.scalar(select(Agent).where(Agent.login == normalise_login(login)))


def create_agent(
    session: Session, clock: Clock, *, login: str, display_name: str, password: str, role: Role
) -> AgentInfo:
    """Create an agent; refuses a blank or taken login and a too short password."""
    login = normalise_login(login)
    if not login:
        raise ValidationError("L'identifiant est obligatoire.", field="login")
    if not display_name.strip():
        raise ValidationError("Le nom de l'agent est obligatoire.", field="display_name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères.", field="password"
        )
    if find_agent(session, login) is not None:
        raise ValidationError(f"L'identifiant « {login} » est déjà utilisé.", field="login")
    agent = Agent(
        login=login,
        display_name=display_name.strip(),
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
