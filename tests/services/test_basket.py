"""The basket: holds, exclusions, capacity, cancellations, recap, expiry."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from desk.clock import PARIS
from desk.db.enums import BookingState, UnitKind
from desk.db.models import Booking, OpenDay
from desk.services.access import PermissionDeniedError
from desk.services.booking_rules import Blocker
from desk.services.lifecycle.baskets import (
    BookingRefusedError,
    ToggleOutcome,
    basket_view,
    clear_basket,
    expire_holds,
    forget_expired_line,
    toggle_booking,
)
from desk.services.lifecycle.credits import cancel_paid_booking
from tests.services.conftest import mark_basket_paid

DEC_2 = date(2026, 12, 2)
DEC_9 = date(2026, 12, 9)


def places_taken(database, town, kind, day) -> int:
    with database.read_session_factory() as session:
        return session.scalar(select(OpenDay.places_taken).where(OpenDay.id == town.open_day(database, kind, day)))


def view(database, town):
    with database.read_session_factory() as session:
        return basket_view(session, town.family_id)


def test_checking_a_cell_holds_a_place_for_fifteen_minutes(database, clock, town):
    result = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert result.outcome is ToggleOutcome.ADDED
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 1
    basket = result.basket
    assert basket.hold_expires_at == clock.now() + timedelta(minutes=15)
    assert basket.recap_rows() == [("02/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi journée", "à l'unité", "10,00\u00a0€")]
    assert (basket.bookings_cents, basket.to_pay_cents) == (1000, 1000)

    removed = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert removed.outcome is ToggleOutcome.REMOVED
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0
    assert removed.basket.is_empty


def test_the_portal_walkthrough_recap(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_9)
    basket = view(database, town)
    assert basket.recap_rows() == [
        ("02/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi journée", "à l'unité", "10,00\u00a0€"),
        ("09/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi matin", "à l'unité", "4,00\u00a0€"),
    ]
    assert basket.to_pay_cents == 1400
    assert basket.balance_text() == "Restant dû : 0,00\u00a0€"


def test_a_full_day_replaces_the_half_days_and_back(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2)
    town.toggle(database, clock, "noah", UnitKind.AFTERNOON, DEC_2)
    result = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert len(result.replaced_booking_ids) == 2
    assert [line.unit_name for line in result.basket.bookings] == ["Mercredi journée"]
    assert places_taken(database, town, UnitKind.MORNING, DEC_2) == 0
    back = town.toggle(database, clock, "noah", UnitKind.AFTERNOON, DEC_2)
    assert [line.unit_name for line in back.basket.bookings] == ["Mercredi après-midi"]
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)  # another child is not affected
    assert len(view(database, town).bookings) == 2


def test_a_paid_full_day_blocks_the_half_days(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    with pytest.raises(BookingRefusedError, match="Mercredi journée") as caught:
        town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2)
    assert caught.value.blocker is Blocker.EXCLUDED


def test_no_place_no_booking(database, clock, town):
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == town.open_day(database, UnitKind.FULL_DAY, DEC_2)).values(capacity=1))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    with pytest.raises(BookingRefusedError, match="Complet") as caught:
        town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)
    assert caught.value.blocker is Blocker.FULL
    assert [line.child_first_name for line in view(database, town).bookings] == ["Noah"]


def test_past_days_and_the_deadline_are_refused(database, clock, town):
    with pytest.raises(BookingRefusedError, match="passée"):
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 11, 25))
    clock.set(datetime(2026, 11, 30, 12, 0, tzinfo=PARIS))  # Monday noon: Wednesday 2 is closed
    with pytest.raises(BookingRefusedError, match="closes depuis le lundi 30/11 à 12h00") as caught:
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert caught.value.blocker is Blocker.DEADLINE
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_9)


def test_only_a_regisseur_cancels_a_paid_booking_and_it_becomes_a_credit(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    with pytest.raises(PermissionDeniedError, match="seul un régisseur"):
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    proposed = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    assert proposed.outcome is ToggleOutcome.CANCELLATION_PROPOSED
    assert proposed.basket.recap_rows() == [
        ("02/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi journée (annulation)", "avoir", "-10,00\u00a0€")
    ]
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    assert view(database, town).to_pay_cents == 0  # 4 € booked, 10 € cancelled: never below zero
    withdrawn = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    assert withdrawn.outcome is ToggleOutcome.CANCELLATION_WITHDRAWN
    assert withdrawn.basket.to_pay_cents == 400

    with pytest.raises(PermissionDeniedError):  # the rule holds in the service itself
        with database.session_factory.begin() as session:
            cancel_paid_booking(session, clock, booking_id=proposed.booking_id, actor=town.agent, reason="test")
    with database.session_factory.begin() as session:
        credit = cancel_paid_booking(session, clock, booking_id=proposed.booking_id, actor=town.cashier, reason="maladie")
    assert credit == 1000
    basket = view(database, town)
    assert basket.balance_cents == -1000
    assert basket.balance_text() == "Avoir : 10,00\u00a0€"
    assert basket.to_pay_cents == 0
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0


def test_clear_basket_frees_every_place(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_2)
    with database.session_factory.begin() as session:
        emptied = clear_basket(session, clock, town.family_id, town.agent)
    assert emptied.is_empty
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == places_taken(database, town, UnitKind.MORNING, DEC_2) == 0


def test_holds_are_renewed_by_every_change_and_expire_after(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=10))
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)  # renews Noah's hold too
    clock.advance(timedelta(minutes=10))
    with database.session_factory.begin() as session:
        assert expire_holds(session, clock.now()).bookings_expired == 0
    clock.advance(timedelta(minutes=5, seconds=1))
    with database.session_factory.begin() as session:
        report = expire_holds(session, clock.now())
    assert report.bookings_expired == 2
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0
    with database.read_session_factory() as session:
        assert set(session.scalars(select(Booking.state))) == {BookingState.EXPIRED}
    expired = view(database, town)
    assert expired.bookings == () and len(expired.expired) == 2  # shown until paid (renewed) or taken out
    assert expired.recap_rows()[0][1].endswith("(attente expirée)")
    with database.session_factory.begin() as session:  # running it again changes nothing
        assert expire_holds(session, clock.now()).bookings_expired == 0
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0


def test_an_expired_line_leaves_the_basket_when_the_cell_is_checked_again(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=16))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    again = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert (len(again.basket.bookings), again.basket.expired) == (1, ())
    assert again.basket.bookings_cents == 1000
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=16))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    with database.session_factory.begin() as session:
        lea_line = next(line for line in basket_view(session, town.family_id).expired if line.child_first_name == "Léa")
        remaining = forget_expired_line(session, town.family_id, lea_line.booking_id, town.agent)
    assert [line.child_first_name for line in remaining.expired] == ["Noah"]


def test_a_cell_checked_again_after_its_own_hold_ran_out_unswept_holds_one_line(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=16))  # nobody swept the holds: the click expires its own first
    again = town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert again.outcome is ToggleOutcome.ADDED
    assert (len(again.basket.bookings), again.basket.expired) == (1, ()), "not the new line and the expired one"
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 1


def test_withdrawing_a_cancellation_takes_back_the_full_day_that_replaced_it(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2, actor=town.cashier)  # cancel the paid morning
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)  # and take the whole day
    withdrawn = town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2, actor=town.cashier)
    assert withdrawn.outcome is ToggleOutcome.CANCELLATION_WITHDRAWN
    assert len(withdrawn.replaced_booking_ids) == 1
    assert withdrawn.basket.is_empty
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0


def test_a_stale_hold_is_expired_when_its_basket_changes_and_when_a_place_is_wanted(database, clock, town):
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == town.open_day(database, UnitKind.FULL_DAY, DEC_2)).values(capacity=1))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=30))  # nobody swept the holds
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    basket = view(database, town)
    assert [line.child_first_name for line in basket.expired] == ["Noah"]  # not renewed by Léa's change
    assert places_taken(database, town, UnitKind.FULL_DAY, DEC_2) == 0

    from desk.services.enrolment import enrol
    from desk.services.families import create_family
    from tests.services.factories import family_draft

    town.toggle(database, clock, "hugo", UnitKind.FULL_DAY, DEC_2)  # takes the only place again
    clock.advance(timedelta(minutes=30))
    with database.session_factory.begin() as session:
        other = create_family(session, clock, family_draft("MARTIN", ("Zoé", date(2018, 5, 5))))
        enrol(session, clock, child_id=other.children[0].id, activity_id=town.wednesday_activity, actor=town.agent)
        result = toggle_booking(session, clock, family_id=other.id, child_id=other.children[0].id,
                                open_day_id=town.open_day(database, UnitKind.FULL_DAY, DEC_2), actor=town.agent)
    assert result.outcome is ToggleOutcome.ADDED  # Hugo's forgotten hold gave its place back
