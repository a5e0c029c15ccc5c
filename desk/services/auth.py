"""Logging in: one message for any wrong login or password, a lockout after five failures.

``log_in`` returns its result instead of raising, so that the caller's
transaction keeps the failure count and the audit entry of a refused attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock
from desk.db.enums import AuditOutcome
from desk.db.models import Agent, AuditEntry
from desk.services.access import Actor
from desk.services.agents import AgentInfo, agent_info, check_password, find_agent

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
WRONG_CREDENTIALS = "Identifiant ou mot de passe incorrect."


@dataclass(frozen=True)
class LoginResult:
    agent: AgentInfo | None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.agent is not None

    def actor(self) -> Actor:
        assert self.agent is not None
        return Actor(self.agent.id, self.agent.role, self.agent.display_name)


def log_in(session: Session, clock: Clock, login: str, password: str) -> LoginResult:
    """Every attempt costs one argon2 verification, whatever the login; the audit trail never keeps
    what was typed in the login box (it may be a password typed in the wrong box)."""
    now = clock.now()
    agent = find_agent(session, login, for_update=True)
    usable = agent is not None and agent.is_active and not _locked(agent, now)
    matches = check_password(agent if usable else None, password)
    if agent is None:
        _audit(session, now, None, "identifiant inconnu", AuditOutcome.REFUSED)
        return LoginResult(None, WRONG_CREDENTIALS)
    if not agent.is_active:
        _audit(session, now, agent.id, "compte désactivé", AuditOutcome.REFUSED)
        return LoginResult(None, WRONG_CREDENTIALS)
    if _locked(agent, now):
        _audit(session, now, agent.id, "compte verrouillé", AuditOutcome.REFUSED)
        return LoginResult(None, _locked_message(agent))
    if not matches:
        agent.failed_login_count += 1
        if agent.failed_login_count >= MAX_FAILURES:
            agent.locked_until = now + LOCKOUT
            agent.failed_login_count = 0
            _audit(session, now, agent.id, "mot de passe erroné ; compte verrouillé 15 minutes", AuditOutcome.REFUSED)
            return LoginResult(None, _locked_message(agent))
        _audit(session, now, agent.id, "mot de passe erroné", AuditOutcome.REFUSED)
        return LoginResult(None, WRONG_CREDENTIALS)
    agent.failed_login_count = 0
    agent.locked_until = None
    _audit(session, now, agent.id, "connexion", AuditOutcome.OK)
    return LoginResult(agent_info(agent))


def _locked(agent: Agent, now: datetime) -> bool:
    return agent.locked_until is not None and now < agent.locked_until


def _locked_message(agent: Agent) -> str:
    assert agent.locked_until is not None
    until = agent.locked_until.astimezone(PARIS)
    return (f"Trop d'essais infructueux : ce compte est verrouillé jusqu'à {until:%H:%M}. "
            "Un administrateur peut le débloquer.")


def _audit(session: Session, now, agent_id: int | None, detail: str, outcome: AuditOutcome) -> None:
    session.add(AuditEntry(at=now, agent_id=agent_id, action="login", outcome=outcome, detail=detail))
    session.flush()
