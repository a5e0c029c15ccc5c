"""The audit trail: who did what and when, including what they were refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import AuditOutcome
from desk.db.models import Agent, AuditEntry
from desk.services.access import Actor


def record(session: Session, clock: Clock, actor: Actor | None, action: str, detail: str,
           outcome: AuditOutcome = AuditOutcome.OK, family_id: int | None = None) -> None:
    session.add(AuditEntry(at=clock.now(), agent_id=actor.agent_id if actor else None, action=action[:40],
                           outcome=outcome, detail=detail, family_id=family_id))
    session.flush()


def record_refusal(session: Session, clock: Clock, actor: Actor | None, action: str, message: str) -> None:
    """Written in its own transaction by the caller: the refused one was rolled back."""
    record(session, clock, actor, action, message, AuditOutcome.REFUSED)


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    agent_name: str
    action: str
    outcome: AuditOutcome
    detail: str


def audit_trail(session: Session, *, contains: str = "", outcome: AuditOutcome | None = None,
                limit: int = 500) -> list[AuditLine]:
    """The latest entries, newest first, whose agent, action or detail contains ``contains``."""
    statement = (
        select(AuditEntry.at, func.coalesce(Agent.display_name, ""), AuditEntry.action, AuditEntry.outcome,
               AuditEntry.detail)
        .outerjoin(Agent, AuditEntry.agent_id == Agent.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    if contains.strip():
        pattern = f"%{contains.strip().lower()}%"
        statement = statement.where(or_(func.lower(Agent.display_name).like(pattern),
                                        func.lower(AuditEntry.action).like(pattern),
                                        func.lower(AuditEntry.detail).like(pattern)))
    if outcome is not None:
        statement = statement.where(AuditEntry.outcome == outcome)
    return [AuditLine(*row) for row in session.execute(statement)]
