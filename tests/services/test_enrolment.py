"""Enrolment: only what fits is offered, refusals say why, unenrolment handles the bookings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk.db.enums import BookingState, JournalKind, UnitKind
from desk.db.models import Booking, JournalEntry, OpenDay
from desk.services.access import PermissionDeniedError
from desk.services.enrolment import (
    EnrolmentRefusedError,
    child_enrolments,
    enrol,
    enrolment_options,
    unenrol,
    unenrolment_preview,
)
from desk.services.families import ChildDraft, load_family, update_family
from desk.services.pricing import family_balance
from tests.services.conftest import mark_basket_paid

DEC_2 = date(2026, 12, 2)
DEC_9 = date(2026, 12, 9)


def test_options_follow_the_portal_tree_and_fit_the_child(database, clock, town):
    with database.session_factory.begin() as session:
        file = load_family(session, town.family_id, date(2026, 11, 26))
        draft = file.as_draft()
        draft.children.append(ChildDraft("Rose", "DURAND", date(2025, 1, 10)))
        baby = update_family(session, clock, town.family_id, draft).children[-1].id
        summer_day = date(2027, 3, 15)
        noah_options = enrolment_options(session, town.noah, summer_day)
        assert enrolment_options(session, baby, summer_day) == []
        assert enrolment_options(session, town.noah, date(2026, 11, 26)) == []  # already enrolled, summer not open yet
    [category] = noah_options
    [activity_type] = category.types
    assert category.name == "Centre de loisirs"
    assert activity_type.label == "AL Pommiers (paiement à la réservation)"
    assert [a.name for a in activity_type.activities] == ["Pommiers été 2027"]


def test_refusals_give_the_reason(database, clock, town):
    with pytest.raises(EnrolmentRefusedError, match="Noah est déjà inscrit"):
        with database.session_factory.begin() as session:
            enrol(session, clock, child_id=town.noah, activity_id=town.wednesday_activity, actor=town.agent)
    with pytest.raises(EnrolmentRefusedError, match="ouvrent le 01/03/2027"):
        with database.session_factory.begin() as session:
            enrol(session, clock, child_id=town.noah, activity_id=town.summer_activity, actor=town.agent)
    clock.set(clock.now().replace(year=2027, month=3, day=20))
    with database.session_factory.begin() as session:
        draft = load_family(session, town.family_id, date(2027, 3, 20)).as_draft()
        draft.children.append(ChildDraft("Rose", "DURAND", date(2025, 1, 10)))
        baby = update_family(session, clock, town.family_id, draft).children[-1].id
    with pytest.raises(EnrolmentRefusedError, match="Rose aura 2 ans au 01/07/2027 .* de 3 à 11 ans"):
        with database.session_factory.begin() as session:
            enrol(session, clock, child_id=baby, activity_id=town.summer_activity, actor=town.agent)
    with database.session_factory.begin() as session:
        view = enrol(session, clock, child_id=town.noah, activity_id=town.summer_activity, actor=town.agent)
    assert view.type_label == "AL Pommiers (paiement à la réservation)"


def test_unenrolling_drops_pending_and_keeps_or_cancels_paid_bookings(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_9)
    with database.read_session_factory() as session:
        enrolment = child_enrolments(session, town.noah)[0].id
        preview = unenrolment_preview(session, enrolment, clock.now())
    assert (preview.pending_bookings, preview.confirmed_bookings, preview.confirmed_cents) == (1, 1, 1000)

    with pytest.raises(PermissionDeniedError, match="seul un régisseur"):
        with database.session_factory.begin() as session:
            unenrol(session, clock, enrolment_id=enrolment, actor=town.agent, cancel_paid=True)

    clock.advance(timedelta(minutes=1))
    with database.session_factory.begin() as session:
        unenrol(session, clock, enrolment_id=enrolment, actor=town.cashier, cancel_paid=True)
    with database.read_session_factory() as session:
        states = session.scalars(select(Booking.state).where(Booking.child_id == town.noah).order_by(Booking.id)).all()
        assert states == [BookingState.CANCELLED, BookingState.CANCELLED]
        assert session.scalar(select(OpenDay.places_taken).where(OpenDay.day == DEC_2, OpenDay.unit_id == town.units[UnitKind.FULL_DAY])) == 0
        assert family_balance(session, town.family_id) == -1000
        assert session.scalar(select(JournalEntry.amount_cents).where(JournalEntry.kind == JournalKind.CANCELLATION)) == -1000
        assert child_enrolments(session, town.noah) == []


def test_an_agent_may_unenrol_keeping_the_paid_days(database, clock, town):
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    with database.session_factory.begin() as session:
        enrolment = child_enrolments(session, town.lea)[0].id
        unenrol(session, clock, enrolment_id=enrolment, actor=town.agent, cancel_paid=False)
    with database.read_session_factory() as session:
        assert session.scalar(select(Booking.state).where(Booking.child_id == town.lea)) is BookingState.CONFIRMED
    with database.session_factory.begin() as session:  # enrolling again brings the same line back
        view = enrol(session, clock, child_id=town.lea, activity_id=town.wednesday_activity, actor=town.agent)
    assert view.id == enrolment
