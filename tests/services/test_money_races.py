"""Two desks at the same instant on the same money, on PostgreSQL: each race has one winner and no loss.

Each desk is a thread with its own connection; the first one is held inside
its transaction until the second is seen waiting on its lock in
``pg_stat_activity``, then released, so the interleaving is the bad one every
time. The stress test (tests/stress) races separate processes at random.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select, text, update

from desk.db.engine import open_database
from desk.db.enums import LedgerKind, RefundMeans, UnitKind
from desk.db.models import CashSession, LedgerEntry, Payment
from desk.errors import DeskError
from desk.services.cash_desk import close_cash_desk, session_figures
from desk.services.lifecycle.credits import correct_account, refund_credit
from desk.services.lifecycle.payments import pay_at_counter
from desk.services.pricing import family_balance
from desk.services.tenders import Tender
from tests.conftest import on_postgres_only, wait_until, waits_on

DEC_2 = date(2026, 12, 2)

pytestmark = on_postgres_only


def held_then_raced(database_url, first, second):
    """Run ``first`` in a transaction left open until ``second`` (another desk) waits on a lock; return both outcomes."""
    outcomes: dict[str, object] = {}
    release = threading.Event()

    def desk(name, action, hold):
        own = open_database(database_url)
        try:
            with own.session_factory.begin() as session:
                session.execute(text("SELECT set_config('application_name', :name, false)"), {"name": name})
                outcomes[name] = action(session)
                if hold:
                    release.wait(30)
        except DeskError as refusal:
            outcomes[name] = refusal
        finally:
            own.dispose()

    one = threading.Thread(target=desk, args=("desk-one", first, True))
    one.start()
    wait_until(lambda: "desk-one" in outcomes)
    two = threading.Thread(target=desk, args=("desk-two", second, False))
    two.start()
    wait_until(lambda: waits_on(database_url, "desk-two"))
    release.set()
    one.join(30)
    two.join(30)
    return outcomes["desk-one"], outcomes["desk-two"]


@pytest.fixture
def credit_of_10(database, clock, town):
    with database.session_factory.begin() as session:
        correct_account(session, clock, family_id=town.family_id, amount_cents=-1000, label="Avoir", actor=town.cashier)
    return town


def test_two_regisseurs_refunding_the_same_credit_refund_it_once(database_url, database, clock, credit_of_10):
    town = credit_of_10

    def refund(session):
        return refund_credit(session, clock, family_id=town.family_id, amount_cents=1000, actor=town.cashier,
                             means=RefundMeans.CASH)

    first, second = held_then_raced(database_url, refund, refund)
    assert first == 0 and isinstance(second, DeskError) and "n'a que 0,00" in second.message
    with database.read_session_factory() as session:
        assert family_balance(session, town.family_id) == 0
        assert session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.kind == LedgerKind.REFUND)) == 1


def test_a_credit_spent_on_a_booking_cannot_be_refunded_meanwhile(database_url, database, clock, credit_of_10):
    town = credit_of_10
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)  # 10 €, paid by the credit

    def spend(session):
        return pay_at_counter(session, clock, family_id=town.family_id, tenders=[], actor=town.agent)

    def refund(session):
        return refund_credit(session, clock, family_id=town.family_id, amount_cents=1000, actor=town.cashier,
                             means=RefundMeans.CASH)

    paid, refused = held_then_raced(database_url, spend, refund)
    assert paid.credit_used_cents == 1000 and isinstance(refused, DeskError)
    with database.read_session_factory() as session:
        assert family_balance(session, town.family_id) == 0


def test_a_payment_waiting_behind_the_closing_does_not_land_in_the_closed_session(database_url, database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)

    def close(session):
        cash_session_id = session.scalar(select(CashSession.id).where(CashSession.closed_at.is_(None)))
        figures = session_figures(session, cash_session_id)
        return close_cash_desk(session, clock, actor=town.cashier, counts={5000: figures.expected_cash_cents // 5000},
                               cheques_counted_cents=0)

    def pay(session):
        return pay_at_counter(session, clock, family_id=town.family_id, tenders=[Tender.cash(1000)], actor=town.agent)

    closing, payment = held_then_raced(database_url, close, pay)
    assert closing.difference_cents == 0
    assert isinstance(payment, DeskError) and "caisse n'est pas ouverte" in payment.message
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 0


def test_a_last_place_taken_at_another_desk_after_the_facts_were_read_is_refused_as_full(database, clock, town,
                                                                                          monkeypatch):
    """A click reads the cell's facts in its first exchange and takes the place in its second: a place taken
    at another desk in between meets the capacity's CHECK, and the agent hears « complet », nothing kept."""
    from desk.db.enums import BookingState
    from desk.db.models import Booking, OpenDay
    from desk.services.booking_rules import Blocker
    from desk.services.enrolment import enrol
    from desk.services.families import create_family
    from desk.services.lifecycle import baskets
    from desk.services.lifecycle.baskets import BookingRefusedError, toggle_booking
    from tests.services.factories import family_draft

    open_day = town.open_day(database, UnitKind.FULL_DAY, DEC_2)
    with database.session_factory.begin() as session:
        other = create_family(session, clock, family_draft("VOISIN", ("Jade", date(2018, 3, 1))))
        enrol(session, clock, child_id=other.children[0].id, activity_id=town.wednesday_activity, actor=town.agent)
        session.execute(update(OpenDay).where(OpenDay.id == open_day).values(capacity=OpenDay.places_taken + 1))
    decide = baskets._verdict
    taken_meanwhile = []

    def the_other_desk_takes_the_last_place_first(*args, **kwargs):
        if not taken_meanwhile:
            taken_meanwhile.append(True)
            with database.session_factory.begin() as session:
                toggle_booking(session, clock, family_id=other.id, child_id=other.children[0].id,
                               open_day_id=open_day, actor=town.agent)
        return decide(*args, **kwargs)

    monkeypatch.setattr(baskets, "_verdict", the_other_desk_takes_the_last_place_first)
    with pytest.raises(BookingRefusedError) as refused:
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    assert refused.value.blocker is Blocker.FULL and taken_meanwhile
    with database.read_session_factory() as session:
        assert session.scalar(select(OpenDay.places_taken - OpenDay.capacity).where(OpenDay.id == open_day)) == 0
        assert session.scalars(select(Booking.child_id).where(Booking.open_day_id == open_day,
                                                              Booking.state == BookingState.PENDING)).all() \
            == [other.children[0].id]
