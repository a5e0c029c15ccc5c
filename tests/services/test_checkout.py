"""Paying at the counter: every mode, split payments, ceilings, credits, all or nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from desk.db.enums import BasketState, BookingState, PaymentMode, UnitKind
from desk.db.models import Basket, Booking, Counter, LedgerEntry, OpenDay, Payment, PaymentAllocation, PaymentLine
from desk.services.lifecycle import payments as checkout_module
from desk.services.lifecycle.baskets import expire_holds
from desk.services.lifecycle.credits import correct_account
from desk.services.lifecycle.payments import PaymentRefusedError, pay_at_counter
from desk.services.pricing import family_balance
from desk.services.tenders import Tender
from desk.services.verification import verify_journal
from tests.services.conftest import at_the_same_instant, mark_basket_paid

DEC_2 = date(2026, 12, 2)
DEC_9 = date(2026, 12, 9)


@pytest.fixture
def basket_of_14(database, clock, town):
    """The guide's example: Noah, a journée (10 €) and a morning (4 €)."""
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_9)
    return town


def lines_of(database, payment_id):
    with database.read_session_factory() as session:
        return session.scalars(select(PaymentLine).where(PaymentLine.payment_id == payment_id).order_by(PaymentLine.id)).all()


def test_cash_with_change_confirms_the_bookings_and_numbers_the_receipt(database, clock, basket_of_14):
    town = basket_of_14
    record = town.pay(database, clock, [Tender.cash(2000)])
    assert (record.receipt_code, record.amount_cents, record.change_cents) == ("2026-000001", 1400, 600)
    [line] = lines_of(database, record.payment_id)
    assert (line.mode, line.amount_cents, line.tendered_cents, line.change_cents) == (PaymentMode.CASH, 1400, 2000, 600)
    with database.read_session_factory() as session:
        states = session.scalars(select(Booking.state).where(Booking.id.in_(record.booking_ids))).all()
        assert states == [BookingState.CONFIRMED, BookingState.CONFIRMED]
        assert session.scalar(select(Basket.state)) is BasketState.PAID
        assert session.scalar(select(func.sum(PaymentAllocation.amount_cents))) == 1400
        assert verify_journal(session).ok
    second = town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    assert second.basket.to_pay_cents == 400
    assert town.pay(database, clock, [Tender.card(400, "A1B2C3", "0006")]).receipt_code == "2026-000002"


def test_one_basket_paid_by_several_modes(database, clock, basket_of_14):
    record = basket_of_14.pay(database, clock, [Tender.cash(500), Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 1, 1000)])
    assert record.change_cents == 100
    modes = [(line.mode, line.amount_cents) for line in lines_of(database, record.payment_id)]
    assert modes == [(PaymentMode.HOLIDAY_VOUCHER, 1000), (PaymentMode.CASH, 400)]


def test_cheque_and_cesu(database, clock, basket_of_14):
    record = basket_of_14.pay(database, clock, [Tender.cheque(900, "1234567", "La Banque Postale", "M. DURAND"),
                                                Tender.vouchers(PaymentMode.CESU, 1, 500)])
    by_mode = {line.mode: line for line in lines_of(database, record.payment_id)}
    cheque, cesu = by_mode[PaymentMode.CHEQUE], by_mode[PaymentMode.CESU]
    assert (cheque.cheque_number, cheque.cheque_bank, cheque.cheque_drawer) == ("1234567", "La Banque Postale", "M. DURAND")
    assert (cesu.voucher_count, cesu.voucher_value_cents) == (1, 500)


def test_the_cash_ceiling_holds(database, clock, basket_of_14):
    with pytest.raises(PaymentRefusedError, match="limitées à 10,00"):
        basket_of_14.pay(database, clock, [Tender.cash(1400)], cash_ceiling_cents=1000)
    record = basket_of_14.pay(database, clock, [Tender.cash(1000), Tender.card(400, "XK42", "1234")], cash_ceiling_cents=1000)
    assert record.amount_cents == 1400


def test_vouchers_give_no_change_and_an_excess_becomes_a_credit_once_accepted(database, clock, basket_of_14):
    vouchers = [Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 2, 1000)]
    with pytest.raises(PaymentRefusedError, match="confirmez que l'excédent devient un avoir"):
        basket_of_14.pay(database, clock, vouchers)
    record = basket_of_14.pay(database, clock, vouchers, accept_voucher_excess=True)
    assert (record.amount_cents, record.change_cents, record.credit_created_cents, record.balance_after_cents) == (2000, 0, 600, -600)


@pytest.mark.parametrize(
    ("tenders", "message"),
    [
        ([Tender.cash(1000)], "Il reste 4,00"),
        ([Tender.cheque(2000, "1", "B", "D")], "dépasse le reste à payer"),
        ([Tender.cheque(1400, " ", "B", "D")], "numéro du chèque"),
        ([Tender.card(1400, "A1B2", "4970100000000006")], "4 derniers chiffres"),
        ([Tender.card(1400, "", "0006")], "numéro d'autorisation"),
        ([Tender.card(1400, "A1B2", "0006"), Tender.cash(500)], "déjà réglé"),
    ],
)
def test_wrong_tenders_are_named_and_nothing_is_recorded(database, clock, basket_of_14, tenders, message):
    with pytest.raises(PaymentRefusedError, match=message):
        basket_of_14.pay(database, clock, tenders)
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 0
        assert set(session.scalars(select(Booking.state))) == {BookingState.PENDING}


def test_a_failure_anywhere_leaves_the_basket_exactly_as_it_was(database, clock, basket_of_14, monkeypatch):
    town = basket_of_14
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 12, 16))
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)  # a cancellation too

    def snapshot():
        with database.read_session_factory() as session:
            return (
                session.execute(select(Booking.id, Booking.state, Booking.cancellation_basket_id).order_by(Booking.id)).all(),
                session.execute(select(OpenDay.id, OpenDay.places_taken).order_by(OpenDay.id)).all(),
                session.execute(select(Counter.name, Counter.last_value).order_by(Counter.name)).all(),
                session.scalar(select(func.count()).select_from(LedgerEntry)),
                session.scalar(select(func.count()).select_from(Payment)),
            )

    before = snapshot()

    def broken_journal(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(checkout_module, "append_entries_in", broken_journal)
    with pytest.raises(RuntimeError):  # 10 € booked, 10 € cancelled: nothing to hand over
        town.pay(database, clock, [], actor=town.cashier)
    assert snapshot() == before
    monkeypatch.undo()
    record = town.pay(database, clock, [], actor=town.cashier)
    assert record.cancelled_booking_ids and record.credit_used_cents == 1000 and record.amount_cents == 0
    assert record.receipt_code.endswith("000002")  # the number the failed attempt took came back


def test_cancellations_in_a_basket_need_a_regisseur_to_pay(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    with pytest.raises(PaymentRefusedError, match="un régisseur doit valider"):
        town.pay(database, clock, [], actor=town.agent)
    record = town.pay(database, clock, [], actor=town.cashier)
    assert (record.amount_cents, record.balance_after_cents) == (0, -1000)


def test_a_credit_is_deducted_and_a_balance_due_is_added(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)  # 10 € credit
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    town.toggle(database, clock, "lea", UnitKind.AFTERNOON, DEC_9)
    town.toggle(database, clock, "hugo", UnitKind.MORNING, DEC_9)
    record = town.pay(database, clock, [Tender.cash(200)])
    assert (record.credit_used_cents, record.amount_cents, record.balance_after_cents) == (1000, 200, 0)
    with database.session_factory.begin() as session:
        correct_account(session, clock, family_id=town.family_id, amount_cents=550, label="Reprise du restant dû",
                        actor=town.cashier)
    town.toggle(database, clock, "hugo", UnitKind.AFTERNOON, DEC_9)
    record = town.pay(database, clock, [Tender.cash(1000)])
    assert (record.balance_settled_cents, record.amount_cents, record.change_cents) == (550, 950, 50)
    with database.read_session_factory() as session:
        assert family_balance(session, town.family_id) == 0
        assert verify_journal(session).ok


def test_paying_an_expired_hold_renews_it_or_says_the_place_is_gone(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=20))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    record = town.pay(database, clock, [Tender.cash(1000)])
    with database.read_session_factory() as session:
        assert session.scalar(select(Booking.state).where(Booking.id == record.booking_ids[0])) is BookingState.CONFIRMED
        assert session.scalar(select(OpenDay.places_taken).where(OpenDay.id == town.open_day(database, UnitKind.FULL_DAY, DEC_2))) == 1

    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    clock.advance(timedelta(minutes=20))
    morning = town.open_day(database, UnitKind.MORNING, DEC_9)
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
        session.execute(update(OpenDay).where(OpenDay.id == morning).values(capacity=1, places_taken=1))  # taken meanwhile
    with pytest.raises(PaymentRefusedError, match="La place de Léa le 09/12/2026 .Mercredi matin. a été prise"):
        town.pay(database, clock, [Tender.cash(400)])


def test_two_desks_paying_the_same_basket_pay_it_once(database_url, database, clock, basket_of_14):
    town = basket_of_14

    def pay(session):
        return pay_at_counter(session, clock, family_id=town.family_id, tenders=[Tender.cash(1400)], actor=town.agent)

    outcomes = at_the_same_instant(database_url, [pay, pay])
    refusals = [o for o in outcomes if isinstance(o, PaymentRefusedError)]
    assert len(refusals) == 1 and "vient d'être réglé" in refusals[0].message
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1


def test_concurrent_payers_get_gap_free_receipt_numbers(database_url, database, clock, town):
    from desk.services.enrolment import enrol
    from desk.services.families import create_family
    from tests.services.factories import family_draft

    families = []
    with database.session_factory.begin() as session:
        for n in range(6):
            file = create_family(session, clock, family_draft(f"PAYEUR{n}", ("Jade", date(2018, 1, 1 + n))))
            enrol(session, clock, child_id=file.children[0].id, activity_id=town.wednesday_activity, actor=town.agent)
            families.append((file.id, file.children[0].id))
    from desk.services.lifecycle.baskets import toggle_booking

    for family_id, child_id in families:
        with database.session_factory.begin() as session:
            toggle_booking(session, clock, family_id=family_id, child_id=child_id,
                           open_day_id=town.open_day(database, UnitKind.FULL_DAY, DEC_2), actor=town.agent)
    def pay(family_id: int):
        return lambda session: pay_at_counter(session, clock, family_id=family_id, tenders=[Tender.cash(1000)],
                                              actor=town.agent).receipt_code

    codes = at_the_same_instant(database_url, [pay(family_id) for family_id, _ in families])
    assert sorted(codes) == [f"2026-{n:06d}" for n in range(1, len(families) + 1)]
    with database.read_session_factory() as session:
        assert verify_journal(session).ok


def test_an_expired_full_day_does_not_come_back_beside_a_new_half_day(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    clock.advance(timedelta(minutes=20))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    basket = town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2).basket
    assert basket.expired == () and basket.to_pay_cents == 400
    record = town.pay(database, clock, [Tender.cash(400)])
    assert len(record.booking_ids) == 1


def test_the_family_account_lists_payments_newest_first(database, clock, basket_of_14):
    from desk.services.account import family_account

    basket_of_14.pay(database, clock, [Tender.cash(500), Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 1, 1000)])
    clock.advance(timedelta(hours=1))
    basket_of_14.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    basket_of_14.pay(database, clock, [Tender.card(400, "A1B2", "4242")])
    with database.read_session_factory() as session:
        account = family_account(session, basket_of_14.family_id)
    assert [p.receipt_code for p in account.payments] == ["2026-000002", "2026-000001"]
    assert account.payments[1].modes == "Chèques vacances 10,00\u00a0€ + Espèces 4,00\u00a0€"
    assert account.balance_cents == 0
