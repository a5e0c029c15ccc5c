"""The audit trail: who did what and when, including what they were refused."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import AuditOutcome
from desk.db.models import AuditEntry
from desk.services.access import Actor


def record(session: Session, clock: Clock, actor: Actor | None, action: str, detail: str,
           outcome: AuditOutcome = AuditOutcome.OK, family_id: int | None = None) -> None:
    session.add(AuditEntry(at=clock.now(), agent_id=actor.agent_id if actor else None, action=action[:40],
                           outcome=outcome, detail=detail, family_id=family_id))
    session.flush()


def record_refusal(session: Session, clock: Clock, actor: Actor | None, action: str, message: str) -> None:
    """Written in its own transaction by the caller: the refused one was rolled back."""
    record(session, clock, actor, action, message, AuditOutcome.REFUSED)
