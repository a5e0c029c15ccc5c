"""The demo database: a town's catalogue relative to today, agents, families, DURAND."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desk.db.enums import Role, UnitKind
from desk.db.models import (
    Activity,
    Agent,
    Child,
    Enrolment,
    Family,
    Guardian,
    OpenDay,
    QuotientBracket,
    Tariff,
    Unit,
    UnitExclusion,
)
from desk.services.agents import password_matches
from desk.services.demo import DEMO_AGENTS, DEMO_FAMILIES, load_demo
from desk.services.verification import verify_journal

COUNTED = (Family, Guardian, Child, Enrolment, Activity, Unit, OpenDay, Tariff, Agent, UnitExclusion)


def counts(session) -> dict[str, int]:
    return {model.__name__: session.scalar(select(func.count()).select_from(model)) for model in COUNTED}


@pytest.fixture
def demo(database, clock):
    with database.session_factory.begin() as session:
        load_demo(session, clock)
    return database


def test_loading_twice_duplicates_nothing(demo, clock):
    with demo.read_session_factory() as session:
        before = counts(session)
    with demo.session_factory.begin() as session:
        report = load_demo(session, clock)
    assert report.families_added == 0 and report.agents_added == 0
    with demo.read_session_factory() as session:
        assert counts(session) == before
    assert before["Family"] == DEMO_FAMILIES


def test_durand_has_noah_lea_and_hugo_not_yet_enrolled(demo):
    with demo.read_session_factory() as session:
        durand = session.scalars(select(Family).where(Family.name == "DURAND")).one()
        assert durand.dossier_number == "F-00001"
        assert [c.first_name for c in durand.children] == ["Noah", "Léa", "Hugo"]
        assert [c.symbol_index for c in durand.children] == [0, 1, 2]
        child_ids = [c.id for c in durand.children]
        assert session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.child_id.in_(child_ids))) == 0
        assert {g.first_name for g in durand.guardians} == {"Julie", "Thomas"}


def test_the_catalogue_follows_the_portal_guide(demo):
    with demo.read_session_factory() as session:
        activity = session.scalars(select(Activity).where(Activity.name == "Pommiers mercredis 2026-2027")).one()
        assert activity.type.name == "AL Pommiers"
        assert activity.type.category.name == "Centre de loisirs"
        assert [u.name for u in activity.units] == ["Mercredi matin", "Mercredi après-midi", "Mercredi journée"]
        top = session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound.desc())).first()
        prices = {
            unit.kind: session.scalar(select(Tariff.price_cents).where(Tariff.unit_id == unit.id, Tariff.bracket_id == top.id))
            for unit in activity.units
        }
        assert prices == {UnitKind.MORNING: 400, UnitKind.AFTERNOON: 400, UnitKind.FULL_DAY: 1000}
        lowest = session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound)).first()
        cheaper = session.scalars(select(Tariff.price_cents).where(Tariff.bracket_id == lowest.id)).all()
        assert max(cheaper) < 1000
        days = set(session.scalars(select(OpenDay.day).join(Unit).where(Unit.activity_id == activity.id)))
        assert date(2026, 10, 14) in days
        assert date(2026, 10, 21) not in days and date(2026, 11, 11) not in days
        summer = session.scalars(select(Activity).where(Activity.name == "Pommiers été 2027")).one()
        assert [u.name for u in summer.units] == ["Journée"]
        full_day = activity.units[2]
        excluded = set(session.scalars(select(UnitExclusion.excluded_unit_id).where(UnitExclusion.unit_id == full_day.id)))
        assert excluded == {activity.units[0].id, activity.units[1].id}


def test_demo_agents_log_in_with_the_readme_passwords(demo):
    with demo.read_session_factory() as session:
        for login, _name, password, role in DEMO_AGENTS:
            agent = session.scalars(select(Agent).where(Agent.login == login)).one()
            assert agent.role is role
            assert password_matches(agent.password_hash, password)
    assert {role for *_rest, role in DEMO_AGENTS} == set(Role)


def test_demo_families_have_real_french_names_and_contacts(demo):
    with demo.read_session_factory() as session:
        names = set(session.scalars(select(Family.name)))
        first_names = set(session.scalars(select(Child.first_name)))
        emails = session.scalars(select(Family.email)).all()
    assert any(any(c in name for c in "ÉÈÊËÎÏÔÛÜÇ") for name in names)
    assert any(any(c in "éèëïîôç" for c in name) for name in first_names)
    assert any("-" in name or "'" in name or " " in name for name in names)
    assert all(email and "@" in email for email in emails)
    assert len(set(emails)) == len(emails)


def test_demo_history_is_consistent(demo):
    with demo.read_session_factory() as session:
        assert verify_journal(session).ok
        over = session.scalar(select(func.count()).select_from(OpenDay).where(OpenDay.places_taken > OpenDay.capacity))
        assert over == 0
        booked = session.scalar(select(func.sum(OpenDay.places_taken)))
        assert booked and booked > 500
