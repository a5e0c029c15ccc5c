"""Agents are managed by administrators only; the first start creates the régie and the first admin."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from desk.db.enums import AuditOutcome, Role
from desk.db.models import AuditEntry, RegieSettings
from desk.errors import ValidationError
from desk.services.access import Actor, PermissionDeniedError
from desk.services.agents import add_agent, change_role, list_agents, reset_password, set_active
from desk.services.auth import log_in
from desk.services.setup import RegieDraft, initialise, needs_setup, regie_identity, update_regie
from tests.services.test_validation import misjudged

REGIE = RegieDraft("Albertville", "Régie Accueil Loisirs", "12 cours de l'Hôtel-de-Ville, 73200 Albertville", "012345")


@pytest.fixture
def admin(database, clock) -> Actor:
    with database.session_factory.begin() as session:
        assert needs_setup(session)
        info = initialise(session, clock, REGIE, login="maire", display_name="Admin Mairie", password="s3cret!")
    return Actor(info.id, info.role, info.display_name)


def test_the_first_start_records_the_regie_and_an_administrator(database, clock, admin):
    with database.read_session_factory() as session:
        assert not needs_setup(session)
        assert session.get(RegieSettings, 1).payfip_client_number == "012345"
    with database.session_factory.begin() as session:
        assert log_in(session, clock, "maire", "s3cret!").agent.role is Role.ADMIN
    with pytest.raises(ValidationError, match="déjà initialisée"), database.session_factory.begin() as session:
        initialise(session, clock, REGIE, login="autre", display_name="Autre", password="s3cret!")


def test_setup_refuses_an_incomplete_regie(database, clock):
    for number in ("12345", "0123456", "01234²", "٠١٢٣٤٥", "１２３４５６", "01 234"):
        bad = RegieDraft("Albertville", "Régie", "Adresse", number)
        with pytest.raises(ValidationError, match="6 chiffres"), database.session_factory.begin() as session:
            initialise(session, clock, bad, login="maire", display_name="Admin", password="s3cret!")
    with database.read_session_factory() as session:
        assert needs_setup(session)  # nothing half-written


REGIE_TEXTS = {"town": 100, "regie_name": 200, "address": 300}


def test_regie_texts_too_long_or_unstorable_are_refused_naming_their_field(database, clock, admin):
    def update(field: str, value: str) -> None:
        with database.session_factory.begin() as session:
            update_regie(session, clock, admin, replace(REGIE, **{field: value}))

    assert misjudged(update, REGIE_TEXTS) == []


def test_regie_texts_at_their_longest_are_stored_intact(database, clock, admin):
    longest = RegieDraft(*(("Saint-Rémy 𝔸 " * 30)[: n - 1] + "y" for n in REGIE_TEXTS.values()), "000042")
    with database.session_factory.begin() as session:
        update_regie(session, clock, admin, longest)
    with database.read_session_factory() as session:
        assert regie_identity(session) == longest


def test_a_reset_password_is_checked_like_a_new_one(database, clock, admin):
    for password, message in (("abc", "au moins"), ("x" * 129, "trop long"), ("s3cret\x00!", "non autorisé")):
        with pytest.raises(ValidationError, match=message), database.session_factory.begin() as session:
            reset_password(session, clock, admin, admin.agent_id, password)


def test_administrators_manage_agents_who_are_never_deleted(database, clock, admin):
    with database.session_factory.begin() as session:
        camille = add_agent(session, clock, admin, login="camille", display_name="Camille", password="agent1",
                            role=Role.AGENT)
        change_role(session, clock, admin, camille.id, Role.CASHIER)
        reset_password(session, clock, admin, camille.id, "nouveau1")
        set_active(session, clock, admin, camille.id, False)
    with database.session_factory.begin() as session:
        assert not log_in(session, clock, "camille", "nouveau1").ok  # deactivated
        assert [a.login for a in list_agents(session)] == ["maire", "camille"]
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.outcome == AuditOutcome.OK)
                                  .order_by(AuditEntry.id)).all()
    assert actions[-4:] == ["create_agent", "change_role", "reset_password", "deactivate_agent"]
    agent = Actor(camille.id, Role.CASHIER, "Camille")
    with pytest.raises(PermissionDeniedError, match="administrateur"), database.session_factory.begin() as session:
        change_role(session, clock, agent, admin.agent_id, Role.AGENT)
    with pytest.raises(ValidationError, match="propres droits"), database.session_factory.begin() as session:
        change_role(session, clock, admin, admin.agent_id, Role.AGENT)


def test_only_an_administrator_changes_the_regie(database, clock, admin):
    changed = RegieDraft("Albertville", "Régie Jeunesse", "Mairie", "654321")
    with pytest.raises(PermissionDeniedError), database.session_factory.begin() as session:
        update_regie(session, clock, Actor(None, Role.CASHIER), changed)
    with database.session_factory.begin() as session:
        update_regie(session, clock, admin, changed)
    with database.read_session_factory() as session:
        assert regie_identity(session) == changed
