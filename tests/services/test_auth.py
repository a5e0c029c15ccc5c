"""Logging in: no hint about what was wrong, five failures lock the account for 15 minutes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from desk.db.enums import AuditOutcome, Role
from desk.db.models import AuditEntry
from desk.services.agents import create_agent
from desk.services.auth import WRONG_CREDENTIALS, log_in


def attempt(database, clock, login, password):
    with database.session_factory.begin() as session:
        return log_in(session, clock, login, password)


def test_good_and_bad_credentials(database, clock):
    with database.session_factory.begin() as session:
        create_agent(session, clock, login="camille", display_name="Camille Martin", password="secret", role=Role.AGENT)
    result = attempt(database, clock, " Camille ", "secret")
    assert result.ok and result.actor().role is Role.AGENT and result.actor().name == "Camille Martin"
    assert attempt(database, clock, "camille", "wrong").message == WRONG_CREDENTIALS
    assert attempt(database, clock, "nobody", "secret").message == WRONG_CREDENTIALS  # same words either way
    with database.read_session_factory() as session:
        outcomes = session.scalars(select(AuditEntry.outcome).order_by(AuditEntry.id)).all()
    assert outcomes == [AuditOutcome.OK, AuditOutcome.REFUSED, AuditOutcome.REFUSED]


def test_five_failures_lock_the_account_for_fifteen_minutes(database, clock):
    with database.session_factory.begin() as session:
        create_agent(session, clock, login="camille", display_name="Camille", password="secret", role=Role.AGENT)
    for _ in range(4):
        assert attempt(database, clock, "camille", "wrong").message == WRONG_CREDENTIALS
    locked = attempt(database, clock, "camille", "wrong")
    assert "verrouillé jusqu'à 10:15" in locked.message
    assert not attempt(database, clock, "camille", "secret").ok  # even the right password
    clock.advance(timedelta(minutes=15))
    assert attempt(database, clock, "camille", "secret").ok
