"""Logging in: one message for any wrong login or password, a lockout after five failures.

``log_in`` returns its result instead of raising, so that the caller's
transaction keeps the failure count and the audit entry of a refused attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock
from desk.db.enums import AuditOutcome
from desk.db.models import Agent, AuditEntry
from desk.services.access import Actor
from desk.services.agents import AgentInfo, agent_info, normalise_login, password_matches

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
    now = clock.now()
    agent = session.scalar(select(Agent).where(Agent.login == normalise_login(login)).with_for_update())
    if agent is None or not agent.is_active:
        _audit(session, now, None, f"identifiant « {normalise_login(login)[:40]} »", AuditOutcome.REFUSED)
        return LoginResult(None, WRONG_CREDENTIALS)
    if agent.locked_until is not None and now < agent.locked_until:
        _audit(session, now, agent.id, "compte verrouillé", AuditOutcome.REFUSED)
        return LoginResult(None, _locked_message(agent))
    if not password_matches(agent.password_hash, password):
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


def _locked_message(agent: Agent) -> str:
    assert agent.locked_until is not None
    until = agent.locked_until.astimezone(PARIS)
    return (f"Trop d'essais infructueux : ce compte est verrouillé jusqu'à {until:%H:%M}. "
            "Un administrateur peut le débloquer.")


def _audit(session: Session, now, agent_id: int | None, detail: str, outcome: AuditOutcome) -> None:
    session.add(AuditEntry(at=now, agent_id=agent_id, action="login", outcome=outcome, detail=detail))
    session.flush()
