"""The invariants the database holds by itself, whatever code writes to it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.exc import DataError, IntegrityError

from desk.db.enums import BasketState, BookingState, PaymentChannel, PaymentMode, PaymentRule, Role, UnitKind
from desk.db.models import (
    Activity,
    ActivityCategory,
    ActivityType,
    Agent,
    Basket,
    Booking,
    Child,
    Enrolment,
    Family,
    Guardian,
    OpenDay,
    Payment,
    PaymentLine,
    Receipt,
    Unit,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(database):
    """One family, two children, one activity with one open day, an open basket."""
    with database.session_factory.begin() as session:
        family = Family(dossier_number="F-00001", name="DURAND", created_at=NOW)
        session.add(family)
        session.flush()
        noah = Child(family_id=family.id, first_name="Noah", last_name="DURAND", birth_date=date(2018, 3, 14), symbol_index=0)
        lea = Child(family_id=family.id, first_name="Léa", last_name="DURAND", birth_date=date(2020, 9, 2), symbol_index=1)
        category = ActivityCategory(name="Centre de loisirs")
        session.add_all([noah, lea, category])
        session.flush()
        activity_type = ActivityType(category_id=category.id, name="AL Pommiers", payment_rule=PaymentRule.AT_BOOKING)
        session.add(activity_type)
        session.flush()
        activity = Activity(
            type_id=activity_type.id, name="Pommiers mercredis 2026-2027", start_date=date(2026, 9, 2),
            end_date=date(2027, 6, 30), enrolment_opens_on=date(2026, 6, 1), enrolment_closes_on=date(2027, 6, 30),
            min_age_years=3, max_age_years=11, booking_deadline_days=2, booking_deadline_hour=12,
        )
        session.add(activity)
        session.flush()
        unit = Unit(activity_id=activity.id, name="Mercredi journée", kind=UnitKind.FULL_DAY, position=0)
        session.add(unit)
        session.flush()
        open_day = OpenDay(unit_id=unit.id, day=date(2026, 12, 2), capacity=2, places_taken=0)
        enrolments = [Enrolment(child_id=c.id, activity_id=activity.id, created_at=NOW) for c in (noah, lea)]
        basket = Basket(family_id=family.id, state=BasketState.OPEN, created_at=NOW, updated_at=NOW)
        session.add_all([open_day, basket, *enrolments])
        session.flush()
        return {
            "family": family.id, "noah": noah.id, "lea": lea.id, "open_day": open_day.id, "basket": basket.id,
            "noah_enrolment": enrolments[0].id, "lea_enrolment": enrolments[1].id, "activity": activity.id,
        }


def pending_booking(world, child="noah", **overrides) -> Booking:
    values = dict(
        child_id=world[child], enrolment_id=world[f"{child}_enrolment"], open_day_id=world["open_day"],
        basket_id=world["basket"], state=BookingState.PENDING, price_cents=1000,
        hold_expires_at=NOW + timedelta(minutes=15), created_at=NOW,
    )
    values.update(overrides)
    return Booking(**values)


def refused(database, *rows, message: str | None = None) -> None:
    # PostgreSQL reports an over-long value as a DataError, SQLite as a CHECK failure.
    with pytest.raises((IntegrityError, DataError)) as caught, database.session_factory.begin() as session:
        session.add_all(rows)
    if message:
        assert message in str(caught.value).lower()


def test_a_second_live_booking_for_the_same_child_day_and_unit_is_refused(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world))
    refused(database, pending_booking(world), message="uq_booking_live_child_open_day" if not database.is_sqlite else "unique")


def test_a_confirmed_booking_also_blocks_a_new_pending_one(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, state=BookingState.CONFIRMED, hold_expires_at=None, confirmed_at=NOW))
    refused(database, pending_booking(world))


def test_an_ended_booking_frees_the_child_day_and_unit(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, state=BookingState.EXPIRED, ended_at=NOW))
        session.add(pending_booking(world, state=BookingState.CANCELLED, ended_at=NOW))
    with database.session_factory.begin() as session:
        session.add(pending_booking(world))
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, child="lea"))


def test_places_taken_can_never_exceed_capacity(database, world):
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == world["open_day"]).values(places_taken=2))
    with pytest.raises(IntegrityError, match="within_capacity"), database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == world["open_day"]).values(places_taken=3))


def test_a_pending_booking_must_hold_a_place_until_a_deadline(database, world):
    refused(database, pending_booking(world, hold_expires_at=None), message="pending_is_held")


def test_a_booking_child_must_be_its_enrolments_child(database, world):
    refused(database, pending_booking(world, child_id=world["lea"]))


def test_one_basket_in_progress_per_family(database, world):
    refused(
        database,
        Basket(family_id=world["family"], state=BasketState.PAYMENT_IN_PROGRESS, created_at=NOW, updated_at=NOW),
    )
    with database.session_factory.begin() as session:
        session.add(Basket(family_id=world["family"], state=BasketState.PAID, created_at=NOW, updated_at=NOW))


def test_a_basket_is_paid_at_most_once(database, world):
    def payment() -> Payment:
        return Payment(family_id=world["family"], basket_id=world["basket"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=1000)

    with database.session_factory.begin() as session:
        session.add(payment())
    refused(database, payment())


def test_receipt_numbers_are_unique_per_year(database, world):
    with database.session_factory.begin() as session:
        payments = [Payment(family_id=world["family"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=100) for _ in range(3)]
        session.add_all(payments)
        session.flush()
        session.add(Receipt(payment_id=payments[0].id, year=2026, number=1, issued_at=NOW))
        session.add(Receipt(payment_id=payments[1].id, year=2027, number=1, issued_at=NOW))
        third = payments[2].id
    refused(database, Receipt(payment_id=third, year=2026, number=1, issued_at=NOW))


def test_cash_lines_record_consistent_change(database, world):
    with database.session_factory.begin() as session:
        payment = Payment(family_id=world["family"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=1400)
        session.add(payment)
        session.flush()
        payment_id = payment.id
        session.add(PaymentLine(payment_id=payment_id, mode=PaymentMode.CASH, amount_cents=1400, tendered_cents=2000, change_cents=600))
    refused(
        database,
        PaymentLine(payment_id=payment_id, mode=PaymentMode.CASH, amount_cents=1400, tendered_cents=2000, change_cents=500),
        message="cash_change_consistent",
    )
    refused(
        database,
        PaymentLine(payment_id=payment_id, mode=PaymentMode.CARD, amount_cents=1400, card_last4="4970100000000006"),
    )


def test_one_primary_guardian_per_family(database, world):
    def guardian(first_name: str) -> Guardian:
        return Guardian(family_id=world["family"], first_name=first_name, last_name="DURAND", relationship_label="Parent", is_primary=True)

    with database.session_factory.begin() as session:
        session.add(guardian("Julie"))
    refused(database, guardian("Thomas"))


def test_blank_names_and_malformed_dossiers_are_refused(database, world):
    refused(database, Family(dossier_number="F-00002", name="   ", created_at=NOW), message="name_not_blank")
    refused(database, Family(dossier_number="00003", name="MARTIN", created_at=NOW), message="dossier_number_format")
    refused(database, Family(dossier_number="F-00001", name="MARTIN", created_at=NOW))


def test_child_symbols_are_unique_within_a_family(database, world):
    refused(
        database,
        Child(family_id=world["family"], first_name="Hugo", last_name="DURAND", birth_date=date(2022, 5, 27), symbol_index=0),
    )


def test_agent_logins_are_lowercase(database):
    refused(
        database,
        Agent(login="Agent", display_name="A", password_hash="x", role=Role.AGENT, created_at=NOW),
        message="login_lowercase",
    )
