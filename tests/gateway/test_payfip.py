"""The simulated PayFiP service, driven without any window."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.clock import PARIS, FrozenClock
from desk.gateway.payfip import (
    CARD_BANK_DELAY,
    CARD_PAYS,
    CARD_REFUSED,
    CARD_TOO_LATE,
    CardFormError,
    PageState,
    PayfipError,
    PayfipGateway,
    ResultPendingError,
    UnknownOperationError,
    luhn_valid,
)

VALID = dict(numcli="012345", exer="2026", refdet="20261126x1x42", montant="1400", mel="julie.durand@exemple.fr",
             objet="Pommiers - réservations de Noah !", saisie="T", urlnotif="desk://notif", urlredirect="desk://retour")


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))


@pytest.fixture
def notifications() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def gateway(clock, notifications) -> PayfipGateway:
    return PayfipGateway(clock.now, notify=lambda url, idop: notifications.append((url, idop)))


def test_a_paid_operation_reports_its_result(gateway, clock, notifications):
    idop = gateway.creer_paiement_securise(**VALID)
    with pytest.raises(ResultPendingError) as pending:
        gateway.recuperer_detail_paiement_securise(idop)
    assert pending.value.code == "P5"
    page = gateway.page(idop)
    assert (page["refdet"], page["montant"], page["state"], page["seconds_left"]) == ("20261126x1x42", 1400, PageState.CARD_FORM, 900)
    clock.advance(timedelta(minutes=2))
    assert gateway.pay_by_card(idop, "4970 1000 0000 0006", 12, 2028, "123") is PageState.PAID
    detail = gateway.recuperer_detail_paiement_securise(idop)
    assert detail["resultrans"] == "P"
    assert (detail["montant"], detail["refdet"], detail["dattrans"], detail["heurtrans"]) == ("1400", "20261126x1x42", "26112026", "1002")
    assert detail["objet"] == "Pommiers  rservations de Noah "
    assert len(detail["numauto"]) == 6
    assert notifications == [("desk://notif", idop)]  # the notification carries only the idop
    assert CARD_PAYS not in repr(gateway._operations)  # no card data is kept


def test_integer_amounts_are_accepted_too(gateway):
    assert gateway.creer_paiement_securise(**{**VALID, "montant": 1400, "numcli": 12345 + 100000})


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("numcli", "12345", "R1"), ("exer", "26", "R2"), ("refdet", "2026-11-26", "R3"), ("refdet", "x" * 31, "R3"),
        ("montant", "99", "R4"), ("montant", "10000001", "R4"), ("montant", "14,00", "R4"), ("mel", "a@b", "R5"),
        ("mel", "sans-arobase.fr", "R5"), ("saisie", "P", "R6"),
    ],
)
def test_bad_parameters_are_refused_as_payfip_does(gateway, field, value, code):
    with pytest.raises(PayfipError) as caught:
        gateway.creer_paiement_securise(**{**VALID, field: value})
    assert caught.value.code == code and caught.value.message


def test_unknown_operations_answer_p1(gateway):
    with pytest.raises(UnknownOperationError) as caught:
        gateway.recuperer_detail_paiement_securise("nope")
    assert caught.value.code == "P1"


def test_refused_and_abandoned(gateway):
    refused = gateway.creer_paiement_securise(**VALID)
    assert gateway.pay_by_card(refused, CARD_REFUSED, 1, 2030, "999") is PageState.REFUSED
    assert gateway.recuperer_detail_paiement_securise(refused)["resultrans"] == "R"
    abandoned = gateway.creer_paiement_securise(**VALID)
    gateway.abandon(abandoned)
    assert gateway.recuperer_detail_paiement_securise(abandoned)["resultrans"] == "A"
    assert gateway.page(abandoned)["state"] is PageState.ABANDONED


def test_the_bank_may_take_five_minutes(gateway, clock):
    idop = gateway.creer_paiement_securise(**VALID)
    assert gateway.pay_by_card(idop, CARD_BANK_DELAY, 6, 2027, "321") is PageState.BANK_WAIT
    clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(ResultPendingError):
        gateway.recuperer_detail_paiement_securise(idop)
    clock.advance(timedelta(seconds=1))
    assert gateway.recuperer_detail_paiement_securise(idop)["resultrans"] == "P"


def test_a_confirmation_after_twenty_minutes_comes_after_the_operation_expired(gateway, clock, notifications):
    idop = gateway.creer_paiement_securise(**VALID)
    gateway.pay_by_card(idop, CARD_TOO_LATE, 6, 2027, "321")
    clock.advance(timedelta(minutes=16))
    with pytest.raises(ResultPendingError):
        gateway.recuperer_detail_paiement_securise(idop)
    assert gateway.deliver_due_notifications() == []
    clock.advance(timedelta(minutes=4))
    assert gateway.deliver_due_notifications() == [idop]
    assert gateway.recuperer_detail_paiement_securise(idop)["resultrans"] == "P"
    assert notifications == [("desk://notif", idop)]


def test_the_card_form_checks_what_the_family_typed(gateway, clock):
    idop = gateway.creer_paiement_securise(**VALID)
    for number, month, year, cvv, message in [
        ("4970100000000007", 12, 2028, "123", "numéro de carte"),
        ("4970", 12, 2028, "123", "numéro de carte"),
        (CARD_PAYS, 10, 2026, "123", "expiration"),
        (CARD_PAYS, 12, 2028, "12", "cryptogramme"),
    ]:
        with pytest.raises(CardFormError, match=message):
            gateway.pay_by_card(idop, number, month, year, cvv)
    assert gateway.page(idop)["state"] is PageState.CARD_FORM  # the family may try again
    clock.advance(timedelta(minutes=15))
    assert gateway.page(idop)["state"] is PageState.EXPIRED
    with pytest.raises(CardFormError, match="15 minutes"):
        gateway.pay_by_card(idop, CARD_PAYS, 12, 2028, "123")
    with pytest.raises(ResultPendingError):
        gateway.recuperer_detail_paiement_securise(idop)


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_luhn_accepts_exactly_one_check_digit(prefix):
    valid = [d for d in "0123456789" if luhn_valid(prefix + d)]
    assert len(valid) == 1
