"""Logging in: no hint about what was wrong, in words or in time; five failures lock the account for 15 minutes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select

from desk.db.enums import AuditOutcome, Role
from desk.db.models import Agent, AuditEntry
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


@pytest.fixture
def verifications(monkeypatch) -> list[str]:
    """The hashes argon2 checks a typed password against, in order."""
    checked: list[str] = []
    verify = PasswordHasher.verify

    def counted(self, hash, password):
        checked.append(hash)
        return verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    return checked


def test_every_attempt_costs_one_verification_whether_the_login_exists_or_not(database, clock, verifications):
    with database.session_factory.begin() as session:
        create_agent(session, clock, login="camille", display_name="Camille", password="secret", role=Role.AGENT)
        create_agent(session, clock, login="ancien", display_name="Ancien", password="secret", role=Role.AGENT)
        session.scalar(select(Agent).where(Agent.login == "ancien")).is_active = False
        real_hash = session.scalar(select(Agent.password_hash).where(Agent.login == "camille"))
    attempts = [("right password", "camille", "secret"), ("wrong password", "camille", "wrong"),
                ("unknown login", "nobody", "secret"), ("inactive account", "ancien", "secret"),
                ("NUL in the login", "cam\x00ille", "secret"), ("unpaired surrogates", "\ud800", "se\udfffcret"),
                ("longer than any login", "c" * 5000, "secret")]
    attempts += [("wrong password", "camille", "wrong")] * 4  # the fifth failure locks the account
    attempts += [("locked account", "camille", "secret")]
    for what, login, password in attempts:
        verifications.clear()
        attempt(database, clock, login, password)
        assert len(verifications) == 1, what
        assert extract_parameters(verifications[0]) == extract_parameters(real_hash), what


def test_the_audit_trail_never_keeps_what_was_typed_in_the_login_box(database, clock):
    with database.session_factory.begin() as session:
        create_agent(session, clock, login="camille", display_name="Camille", password="Tr0ub4dor&3", role=Role.AGENT)
    typed = ["Tr0ub4dor&3", " Tr0ub4dor&3 ", "camille Tr0ub4dor&3", "TR0UB4DOR&3", "motdepasse\x00", "pa\ud800ss"]
    for login in typed:
        assert not attempt(database, clock, login, "Tr0ub4dor&3").ok
    with database.read_session_factory() as session:
        entries = session.execute(select(AuditEntry.agent_id, AuditEntry.detail).order_by(AuditEntry.id)).all()
    assert entries == [(None, "identifiant inconnu")] * len(typed)
