"""The régie's rules on what is handed over, checked by ``settle`` before anything is written."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desk.db.enums import PaymentMode, UnitKind
from desk.db.models import Payment
from desk.money import parse_euros
from desk.services.lifecycle.payments import PaymentRefusedError
from desk.services.tenders import (
    DEFAULT_CASH_CEILING_CENTS,
    MAX_CHANGE_CENTS,
    Tender,
    settle,
)

ANCV = PaymentMode.HOLIDAY_VOUCHER


def test_the_cash_ceiling_holds_for_the_payment_whatever_the_number_of_cash_lines():
    result = settle(32_000, [Tender.cash(20_000), Tender.cash(12_000)])
    assert not result.is_complete
    assert any("limitées à 300,00" in error and "320,00" in error for error in result.errors)
    assert settle(32_000, [Tender.cash(20_000), Tender.cash(10_000), Tender.card(2000, "A1B2", "4242")]).is_complete


def test_a_desk_may_lower_the_ceiling_but_never_raise_it():
    assert not settle(40_000, [Tender.cash(40_000)], cash_ceiling_cents=1_000_000).is_complete
    assert not settle(2000, [Tender.cash(2000)], cash_ceiling_cents=1000).is_complete


def test_change_is_bounded():
    too_much = settle(1400, [Tender.cash(20_000)])
    assert not too_much.is_complete and any("monnaie à rendre" in e for e in too_much.errors)
    assert settle(1400, [Tender.cash(1400 + MAX_CHANGE_CENTS)]).change_cents == MAX_CHANGE_CENTS


def test_huge_amounts_are_refused_before_any_arithmetic_overflows_a_column():
    for tender in (Tender.cash(10_000_000_000), Tender.cheque(10**12, "1234567", "B", "D"), Tender.card(2**40, "A1B2", "4242")):
        result = settle(1400, [tender])
        assert not result.is_complete and result.errors


@pytest.mark.parametrize(("tender", "message"), [
    (Tender(ANCV, 32_000, voucher_count=1, voucher_value_cents=1), "valeur d'un titre"),
    (Tender(ANCV, 32_000, voucher_count=1, voucher_value_cents=2000), "1 × 20,00"),
    (Tender(ANCV, 0, voucher_count=0, voucher_value_cents=2000), "nombre et la valeur"),
    (Tender.vouchers(ANCV, 10_000, 2000), "titres au plus"),
])
def test_vouchers_count_times_face_value_must_make_the_line(tender, message):
    result = settle(32_000, [tender])
    assert not result.is_complete
    assert any(message in error for error in result.errors), result.errors


@pytest.mark.parametrize(("tender", "message"), [
    (Tender.cheque(1400, "12a4567", "B", "D"), "chiffres seulement"),
    (Tender.cheque(1400, "٣٣٣٣٣٣٣", "B", "D"), "chiffres seulement"),
    (Tender.cheque(1400, "1234567", "B" * 101, "D"), "La banque est trop longue"),
    (Tender.cheque(1400, "1234567", "Banque\x00", "D"), "caractère non autorisé"),
    (Tender.cheque(1400, "1234567", "B", "D\ud800"), "caractère non autorisé"),
    (Tender.card(1400, "A1B2", "٤٢٤٢"), "4 derniers chiffres"),
])
def test_texts_and_digits_of_a_tender_are_checked_field_by_field(tender, message):
    result = settle(1400, [tender])
    assert not result.is_complete
    assert any(message.lower() in error.lower() for error in result.errors), result.errors


def test_the_texts_recorded_are_the_cleaned_ones():
    [line] = settle(1400, [Tender.cheque(1400, " 1234567 ", "  La   Banque Postale ", "M.  DURAND")]).lines
    assert (line.tender.cheque_number, line.tender.cheque_bank, line.tender.cheque_drawer) == (
        "1234567", "La Banque Postale", "M. DURAND")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(
    Tender, mode=st.sampled_from(list(PaymentMode)), amount_cents=st.integers(-10**12, 10**12),
    tendered_cents=st.none() | st.integers(-10**12, 10**12), voucher_count=st.none() | st.integers(-5, 10**6),
    voucher_value_cents=st.none() | st.integers(-5, 10**9), cheque_number=st.none() | st.text(max_size=30),
    cheque_bank=st.none() | st.text(max_size=120), card_last4=st.none() | st.text(max_size=6),
    authorisation_number=st.none() | st.text(max_size=15)), max_size=4), st.integers(0, 10**8))
def test_whatever_is_typed_a_complete_settlement_respects_every_rule(tenders, to_pay):
    result = settle(to_pay, tenders)
    if not result.is_complete:
        return
    cash = sum(line.amount_cents for line in result.lines if line.tender.mode is PaymentMode.CASH)
    assert cash <= DEFAULT_CASH_CEILING_CENTS
    assert result.change_cents <= MAX_CHANGE_CENTS
    assert sum(line.amount_cents for line in result.lines) == to_pay + result.voucher_excess_cents
    for line in result.lines:
        assert 0 < line.amount_cents <= 10_000_000
        if line.tender.mode in (PaymentMode.HOLIDAY_VOUCHER, PaymentMode.CESU):
            assert line.amount_cents == line.tender.voucher_count * line.tender.voucher_value_cents


@pytest.mark.parametrize("typed", ["²", "1²", "²0,00", "٣", "1e3", "12,345", "--1", "1\x00", "9" * 30])
def test_what_the_azerty_keyboard_can_type_in_an_amount_is_not_an_amount(typed):
    assert parse_euros(typed) is None


def test_refused_tenders_record_nothing_on_either_database(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, date(2026, 12, 2))
    for tenders in ([Tender.cash(10**10)], [Tender(ANCV, 1000, voucher_count=1, voucher_value_cents=1)],
                    [Tender.cheque(1000, "1234567", "x" * 500, "D")], [Tender.cash(600), Tender.cash(400)],
                    [Tender.cheque(1000, "1234567", "Banque", "Tireur\x00")]):
        try:
            town.pay(database, clock, tenders)
        except PaymentRefusedError:
            pass
        else:  # two cash lines of 6 € and 4 € are a valid way of paying 10 €
            assert tenders == [Tender.cash(600), Tender.cash(400)]
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1


def test_a_tender_keeps_only_the_fields_of_its_own_mode():
    """A card carries no cheque bank and cash no card digits, whatever a caller filled in: nothing foreign is recorded."""
    card = Tender(PaymentMode.CARD, 1400, authorisation_number="A1B2", card_last4="4242",
                  cheque_bank="\x00evil", cheque_drawer="x" * 5000, refdet="9" * 5000, idop="\x00")
    cash = Tender(PaymentMode.CASH, 999_999, tendered_cents=2000, card_last4="4242424242424242")
    result = settle(3400, [card, cash])
    assert result.is_complete, result.errors
    recorded_card, recorded_cash = (line.tender for line in result.lines)
    assert (recorded_card.cheque_bank, recorded_card.cheque_drawer, recorded_card.refdet, recorded_card.idop) == (None,) * 4
    assert (recorded_cash.card_last4, recorded_cash.amount_cents) == (None, 0)
    assert result.received_cents == 3400


def test_payfip_is_not_taken_at_the_counter():
    result = settle(1400, [Tender(PaymentMode.PAYFIP, 1400, refdet="2026x1", idop="abc")])
    assert not result.is_complete
    assert result.errors == ("Paiement en ligne (PayFiP) : ce moyen de paiement ne s'encaisse pas au guichet.",)
