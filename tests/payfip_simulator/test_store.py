"""The simulator's rules and their file, without HTTP: what PayFiP answers, what the card form accepts, what survives."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.payfip_simulator.store import (
    CARD_BANK_DELAY,
    CARD_PAYS,
    CARD_REFUSED,
    CARD_TOO_LATE,
    DETAIL_FIELDS,
    MAX_NOTIFICATION_ATTEMPTS,
    CardFormError,
    OperationStore,
    PageState,
    PayfipFault,
    ResultPendingError,
    UnknownOperationError,
    client_detail,
    luhn_valid,
)

REQUEST = dict(numcli="012345", exer="2026", refdet="20261126x1x42", montant="1400", mel="julie.durand@exemple.fr",
               objet="Pommiers - réservations de Noah !", saisie="T", urlnotif="http://127.0.0.1:9/notif",
               urlredirect="https://ville.example/retour")


@pytest.fixture
def data_file(tmp_path):
    return tmp_path / "payfip.sqlite3"


@pytest.fixture
def store(data_file, clock):
    opened = OperationStore(data_file, clock=clock.now)
    yield opened
    opened.close()


def test_a_paid_operation_reports_its_result(store, clock):
    idop = store.create(**REQUEST)
    with pytest.raises(ResultPendingError) as pending:
        store.detail(idop)
    assert pending.value.code == "P5"
    clock.advance(timedelta(minutes=2))
    assert store.pay_by_card(idop, "4970 1000 0000 0006", "12", "2028", "123") is PageState.PAID
    detail = store.detail(idop)
    assert tuple(detail) == DETAIL_FIELDS
    assert (detail["resultrans"], detail["montant"], detail["refdet"], detail["dattrans"], detail["heurtrans"]) == (
        "P", "1400", "20261126x1x42", "26112026", "1002")
    assert (detail["idOp"], detail["numcli"], detail["exer"], detail["saisie"]) == (idop, "012345", "2026", "T")
    assert detail["objet"] == "Pommiers  rservations de Noah "
    assert len(detail["numauto"]) == 6 and detail["numauto"].isdigit()


def test_integer_amounts_are_accepted_too(store):
    assert store.create(**{**REQUEST, "montant": 1400})


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("numcli", "12345", "R1"), ("numcli", None, "R1"), ("exer", "26", "R2"), ("refdet", "2026-11-26", "R3"),
        ("refdet", "x" * 31, "R3"), ("montant", "99", "R4"), ("montant", "10000001", "R4"), ("montant", "14,00", "R4"),
        ("montant", "١٤٠٠", "R4"), ("mel", "a@b", "R5"), ("mel", "sans-arobase.fr", "R5"), ("saisie", "P", "R6"),
        ("saisie", None, "R6"),
    ],
)
def test_bad_parameters_are_refused_as_payfip_does(store, field, value, code):
    with pytest.raises(PayfipFault) as caught:
        store.create(**{**REQUEST, field: value})
    assert caught.value.code == code and caught.value.libelle and caught.value.descriptif


def test_the_first_bad_parameter_in_payfip_order_gives_the_code(store):
    with pytest.raises(PayfipFault) as caught:
        store.create(**{**REQUEST, "numcli": "1", "saisie": "P"})
    assert caught.value.code == "R1"


def test_unknown_operations_answer_p1(store):
    with pytest.raises(UnknownOperationError) as caught:
        store.detail("nope")
    assert caught.value.code == "P1"
    with pytest.raises(UnknownOperationError):
        store.pay_by_card(None, CARD_PAYS, "12", "2028", "123")


def test_refused_and_abandoned(store):
    refused = store.create(**REQUEST)
    assert store.pay_by_card(refused, CARD_REFUSED, "1", "2030", "999") is PageState.REFUSED
    assert (store.detail(refused)["resultrans"], store.detail(refused)["numauto"]) == ("R", "")
    abandoned = store.create(**REQUEST)
    assert store.abandon(abandoned) is PageState.ABANDONED
    assert store.detail(abandoned)["resultrans"] == "A"


def test_the_bank_may_take_five_minutes(store, clock):
    idop = store.create(**REQUEST)
    assert store.pay_by_card(idop, CARD_BANK_DELAY, "6", "2027", "321") is PageState.BANK_WAIT
    assert store.abandon(idop) is PageState.BANK_WAIT  # the card was sent: too late to give up
    clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(ResultPendingError):
        store.detail(idop)
    clock.advance(timedelta(seconds=1))
    assert store.detail(idop)["resultrans"] == "P"


def test_a_confirmation_after_twenty_minutes_comes_after_the_operation_expired(store, clock):
    idop = store.create(**REQUEST)
    store.pay_by_card(idop, CARD_TOO_LATE, "6", "2027", "321")
    clock.advance(timedelta(minutes=16))
    assert store.operation(idop).page_state(store.now()) is PageState.BANK_WAIT
    with pytest.raises(ResultPendingError):
        store.detail(idop)
    clock.advance(timedelta(minutes=4))
    assert store.detail(idop)["resultrans"] == "P"


@pytest.mark.parametrize(
    ("number", "month", "year", "cvv", "message"),
    [
        ("4970100000000007", "12", "2028", "123", "Le numéro de carte est invalide."),
        ("4970", "12", "2028", "123", "Le numéro de carte est invalide."),
        ("", "12", "2028", "123", "Le numéro de carte est invalide."),
        (CARD_PAYS, "10", "2026", "123", "La date d'expiration de la carte est dépassée."),
        (CARD_PAYS, "13", "2028", "123", "La date d'expiration de la carte est invalide."),
        (CARD_PAYS, "mai", "2028", "123", "La date d'expiration de la carte est invalide."),
        (CARD_PAYS, "12", "", "123", "La date d'expiration de la carte est invalide."),
        (CARD_PAYS, "12", "2028", "12", "Le cryptogramme visuel doit compter 3 chiffres."),
        (CARD_PAYS, "12", "2028", "١٢٣", "Le cryptogramme visuel doit compter 3 chiffres."),
    ],
)
def test_the_card_form_says_in_french_what_to_correct(store, number, month, year, cvv, message):
    idop = store.create(**REQUEST)
    with pytest.raises(CardFormError) as refused:
        store.pay_by_card(idop, number, month, year, cvv)
    assert str(refused.value) == message
    assert store.operation(idop).page_state(store.now()) is PageState.CARD_FORM  # the family may try again


def test_this_month_and_two_digit_years_are_still_valid(store):
    assert store.pay_by_card(store.create(**REQUEST), CARD_PAYS, "11", "2026", "123") is PageState.PAID
    assert store.pay_by_card(store.create(**REQUEST), CARD_PAYS, "1", "27", "123") is PageState.PAID


def test_after_fifteen_minutes_untouched_the_card_form_refuses_and_the_result_stays_pending(store, clock):
    idop = store.create(**REQUEST)
    clock.advance(timedelta(minutes=14, seconds=59))
    assert store.operation(idop).seconds_left(store.now()) == 1
    clock.advance(timedelta(seconds=1))
    assert store.operation(idop).page_state(store.now()) is PageState.EXPIRED
    with pytest.raises(CardFormError, match="15 minutes"):
        store.pay_by_card(idop, CARD_PAYS, "12", "2028", "123")
    assert store.abandon(idop) is PageState.EXPIRED
    with pytest.raises(ResultPendingError):
        store.detail(idop)


def test_a_processed_payment_cannot_be_paid_again(store):
    idop = store.create(**REQUEST)
    store.pay_by_card(idop, CARD_PAYS, "12", "2028", "123")
    numauto = store.detail(idop)["numauto"]
    with pytest.raises(CardFormError, match="déjà été traité"):
        store.pay_by_card(idop, CARD_PAYS, "12", "2028", "123")
    assert store.abandon(idop) is PageState.PAID
    assert store.detail(idop)["numauto"] == numauto


def test_no_card_data_is_kept_in_the_file(store, data_file):
    randoms = []  # what the simulator draws at random (idop, authorisation): may hold "987" by chance
    for card in (CARD_PAYS, CARD_REFUSED, CARD_BANK_DELAY, "4111111111111111"):
        idop = store.create(**REQUEST)
        store.pay_by_card(idop, card, "07", "2029", "987")
        randoms += [idop, store.operation(idop).numauto or ""]
    store.close()
    with sqlite3.connect(data_file) as connection:
        dump = "\n".join(connection.iterdump())
    assert "20261126x1x42" in dump  # the dump does hold the operations
    for value in filter(None, randoms):
        dump = dump.replace(value, "")
    for secret in (CARD_PAYS, CARD_REFUSED, CARD_BANK_DELAY, "4111111111111111", "0006", "987", "2029"):
        assert secret not in dump


def test_killed_and_reopened_on_the_same_file_it_answers_for_every_operation(data_file, clock):
    first = OperationStore(data_file, clock=clock.now)  # never closed: as a killed process leaves it
    operations = {
        "pending": first.create(**REQUEST),
        "paid": first.create(**REQUEST),
        "refused": first.create(**REQUEST),
        "abandoned": first.create(**REQUEST),
        "bank_wait": first.create(**REQUEST),
    }
    first.pay_by_card(operations["paid"], CARD_PAYS, "12", "2028", "123")
    first.pay_by_card(operations["refused"], CARD_REFUSED, "12", "2028", "123")
    first.abandon(operations["abandoned"])
    first.pay_by_card(operations["bank_wait"], CARD_BANK_DELAY, "12", "2028", "123")
    before = {name: _answer(first, idop) for name, idop in operations.items()}

    second = OperationStore(data_file, clock=clock.now)
    assert {name: _answer(second, idop) for name, idop in operations.items()} == before
    assert second.pay_by_card(operations["pending"], CARD_PAYS, "12", "2028", "123") is PageState.PAID
    clock.advance(timedelta(minutes=5))
    assert second.detail(operations["bank_wait"])["resultrans"] == "P"
    second.close()
    first.close()


def _answer(store: OperationStore, idop: str) -> tuple[str, object]:
    try:
        return store.operation(idop).page_state(store.now()).value, store.detail(idop)
    except ResultPendingError:
        return store.operation(idop).page_state(store.now()).value, "P5"


def test_the_advanced_clock_is_kept_in_the_file(data_file, clock):
    store = OperationStore(data_file, clock=clock.now)
    idop = store.create(**REQUEST)
    store.advance_clock(timedelta(minutes=10))
    assert store.now() == clock.now() + timedelta(minutes=10)
    store.close()
    reopened = OperationStore(data_file, clock=clock.now)
    assert reopened.clock_offset == timedelta(minutes=10)
    assert reopened.operation(idop).seconds_left(reopened.now()) == 5 * 60
    with pytest.raises(ValueError):
        reopened.advance_clock(timedelta(minutes=-1))
    reopened.close()


def test_the_clock_must_be_aware(data_file):
    store = OperationStore(data_file, clock=lambda: datetime(2026, 11, 26, 10, 0))
    with pytest.raises(ValueError):
        store.create(**REQUEST)
    store.close()


def test_two_threads_paying_one_operation_pay_it_once(store):
    idop = store.create(**REQUEST)
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def pay() -> None:
        start.wait()
        try:
            outcomes.append(store.pay_by_card(idop, CARD_PAYS, "12", "2028", "123").value)
        except CardFormError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=pay) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(outcomes) == sorted(["paid"] + ["Ce paiement a déjà été traité."] * 7)


def test_results_known_and_not_notified_are_due_once_notified_never_again(store, clock):
    paid, delayed, silent = (store.create(**REQUEST), store.create(**REQUEST),
                             store.create(**{**REQUEST, "urlnotif": "desk://payfip/notification"}))
    store.pay_by_card(paid, CARD_PAYS, "12", "2028", "123")
    store.pay_by_card(delayed, CARD_BANK_DELAY, "12", "2028", "123")
    store.pay_by_card(silent, CARD_PAYS, "12", "2028", "123")
    assert [due.idop for due in store.due_notifications()] == [paid]
    store.mark_notified(paid)
    assert store.due_notifications() == [] and store.was_notified(paid)
    clock.advance(timedelta(minutes=5))
    assert [(due.idop, due.urlnotif) for due in store.due_notifications()] == [(delayed, REQUEST["urlnotif"])]


def test_a_notification_that_keeps_failing_is_given_up_after_a_few_attempts(store):
    idop = store.create(**REQUEST)
    store.abandon(idop)
    left = [store.record_failed_notification(idop) for _ in range(MAX_NOTIFICATION_ATTEMPTS)]
    assert left == list(range(MAX_NOTIFICATION_ATTEMPTS - 1, -1, -1))
    assert store.due_notifications() == [] and not store.was_notified(idop)


def test_the_client_detail_names_the_regie():
    assert client_detail("012345")["numcli"] == "012345"
    with pytest.raises(PayfipFault) as caught:
        client_detail("12")
    assert caught.value.code == "R1"


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_luhn_accepts_exactly_one_check_digit(prefix):
    assert len([digit for digit in "0123456789" if luhn_valid(prefix + digit)]) == 1
