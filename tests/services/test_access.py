"""Access is checked on every write, as the database knows the agent then, not as they signed in."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desk.db.enums import RefundMeans, Role, UnitKind
from desk.services.access import Actor, PermissionDeniedError
from desk.services.agents import change_role, create_agent, set_active
from desk.services.cash_desk import close_cash_desk
from desk.services.lifecycle.baskets import basket_view, clear_basket
from desk.services.lifecycle.credits import correct_account, refund_credit
from desk.services.lifecycle.locks import acting
from desk.services.tenders import Tender
from tests.conftest import on_postgres_only

DEC_2 = date(2026, 12, 2)


@pytest.fixture
def admin(database, clock) -> Actor:
    with database.session_factory.begin() as session:
        info = create_agent(session, clock, login="admin", display_name="Admin", password="admin", role=Role.ADMIN)
    return Actor(info.id, Role.ADMIN, "Admin")


def demote(database, clock, admin, who: Actor, role: Role = Role.AGENT) -> None:
    with database.session_factory.begin() as session:
        change_role(session, clock, admin, who.agent_id, role)


def test_a_regisseur_demoted_while_signed_in_can_no_longer_refund_cancel_or_close(database, clock, town, admin):
    with database.session_factory.begin() as session:
        correct_account(session, clock, family_id=town.family_id, amount_cents=-1000, label="Avoir", actor=town.cashier)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [])  # paid from the credit
    demote(database, clock, admin, town.cashier)
    stale = town.cashier  # the desk still believes it is a régisseur
    assert stale.is_cashier
    with pytest.raises(PermissionDeniedError, match="rembourser"), database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=100, actor=stale, means=RefundMeans.CASH)
    with pytest.raises(PermissionDeniedError, match="seul un régisseur peut l'annuler"):
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=stale)
    with pytest.raises(PermissionDeniedError, match="clôturer"), database.session_factory.begin() as session:
        close_cash_desk(session, clock, actor=stale, counts={}, cheques_counted_cents=0)


def test_a_deactivated_agent_records_nothing_more(database, clock, town, admin):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    with database.session_factory.begin() as session:
        set_active(session, clock, admin, town.agent.agent_id, False)
    def clear() -> None:
        with database.session_factory.begin() as session:
            clear_basket(session, clock, town.family_id, town.agent)

    for attempt in (lambda: town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2),
                    lambda: town.pay(database, clock, [Tender.cash(1000)]), clear):
        with pytest.raises(PermissionDeniedError, match="désactivé"):
            attempt()
    with database.read_session_factory() as session:
        assert len(basket_view(session, town.family_id).bookings) == 1  # the basket is as the agent left it


def test_a_promotion_applies_without_signing_in_again(database, clock, town, admin):
    with database.session_factory.begin() as session:
        correct_account(session, clock, family_id=town.family_id, amount_cents=-1000, label="Avoir", actor=town.cashier)
    demote(database, clock, admin, town.agent, Role.CASHIER)
    with database.session_factory.begin() as session:
        assert refund_credit(session, clock, family_id=town.family_id, amount_cents=400, actor=town.agent,
                             means=RefundMeans.CASH) == 600


def test_a_deactivated_administrator_changes_no_role(database, clock, town, admin):
    with database.session_factory.begin() as session:
        other = create_agent(session, clock, login="admin2", display_name="Admin 2", password="admin2", role=Role.ADMIN)
        set_active(session, clock, Actor(other.id, Role.ADMIN), admin.agent_id, False)
    with pytest.raises(PermissionDeniedError), database.session_factory.begin() as session:
        change_role(session, clock, admin, town.agent.agent_id, Role.ADMIN)


@on_postgres_only
def test_a_demotion_waits_for_the_act_in_flight_then_applies_to_the_next(database, clock, town, admin):
    """The act holds the agent's row shared until it commits: the role change waits, it does not slip in between."""
    acting_session = database.session_factory()
    acting_session.begin()
    acting(acting_session, town.cashier)  # a régisseur's act has begun
    with database.engine.connect() as connection:
        connection.execute(text("SET lock_timeout = '300ms'"))
        with pytest.raises(Exception, match="lock timeout"):
            connection.execute(text("SELECT role FROM agent WHERE id = :id FOR UPDATE"), {"id": town.cashier.agent_id})
        connection.rollback()
    acting_session.commit()
    acting_session.close()
    demote(database, clock, admin, town.cashier)
    with database.session_factory.begin() as session:
        assert not acting(session, town.cashier).is_cashier
