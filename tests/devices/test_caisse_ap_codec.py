"""The Caisse-AP message codec and the reading of a debit's answer, without a socket."""

from __future__ import annotations

import logging

import pytest

from desk.devices.caisse_ap import (
    CardAmountMismatch,
    CardPaymentCancelled,
    CardPaymentRefused,
    CardTerminalAnswerInvalid,
    CardTerminalRequestRejected,
    MessageFormatError,
    TerminalConfig,
    TruncatedMessage,
    answer_is_complete,
    debit_request,
    decode_fields,
    encode_fields,
    read_debit_answer,
)

REQUEST = debit_request(1400)


def accepted_answer(**changes: str | None) -> dict[str, str]:
    """The fields a terminal answers for an accepted 14,00 € debit, with ``changes`` (None removes a field)."""
    fields = dict(REQUEST, AE="10", AC="123456", AA="497010######1234", CC="001")
    fields.update(changes)
    return {tag: value for tag, value in fields.items() if value is not None}


def test_a_debit_request_is_the_protocol_s_fields_in_order():
    assert encode_fields(debit_request(1590)) == b"CZ0040300CJ012012345678901CA00201CB0041590CD0010CE003978BA0010"


def test_an_amount_of_one_cent_takes_two_digits():
    assert debit_request(1)["CB"] == "01"


@pytest.mark.parametrize("amount", [0, -100, 10**12, True, 14.0, "1400"])
def test_only_a_positive_integer_amount_of_at_most_twelve_digits_is_sent(amount):
    with pytest.raises((ValueError, TypeError)):
        debit_request(amount)


def test_the_version_field_goes_first_whatever_the_order_given():
    assert encode_fields({"CB": "1400", "CZ": "0300"}) == b"CZ0040300CB0041400"


@pytest.mark.parametrize("tag, value", [("cb", "1400"), ("C", "1400"), ("CB", ""), ("CB", "x" * 1000), ("CB", "é")])
def test_the_encoder_refuses_a_bad_tag_or_value(tag, value):
    with pytest.raises(ValueError):
        encode_fields({tag: value})


def test_decoding_gives_back_what_was_encoded():
    assert decode_fields(encode_fields(REQUEST)) == REQUEST


@pytest.mark.parametrize("data", [b"CZ0040300CB00414", b"CZ0040300CB0", b"CZ0040300C", b"CZ0040300CB"])
def test_a_message_cut_inside_a_field_is_truncated(data):
    with pytest.raises(TruncatedMessage):
        decode_fields(data)


@pytest.mark.parametrize("data", [
    b"cz0040300",  # tag in small letters
    b"C10040300",  # digit in a tag
    b"CZ04a0300",  # length with a letter
    b"CZ-040300",  # length with a sign
    b"CZ0000300",  # empty value
    b"CZ0040300CZ0040300",  # tag repeated
    b"CZ004\x00300",  # control character
    "CZ00403é0".encode(),  # not ASCII
    b"CZ0040300c",  # a broken header, even cut short
    b"CZ0040300CB0x",
    b"CB" + b"9" * 20_000,  # too long
])
def test_the_decoder_refuses_a_malformed_message(data):
    with pytest.raises(MessageFormatError) as raised:
        decode_fields(data)
    assert not isinstance(raised.value, TruncatedMessage)


def test_an_accepted_answer_gives_the_authorisation_the_last_four_digits_and_the_amount():
    result = read_debit_answer(accepted_answer(), REQUEST)
    assert (result.authorisation, result.card_last_four, result.amount_cents) == ("123456", "1234", 1400)


def test_leading_zeros_of_the_answered_amount_are_allowed():
    assert read_debit_answer(accepted_answer(CB="0000001400"), REQUEST).amount_cents == 1400


def test_another_amount_in_the_answer_is_an_error():
    with pytest.raises(CardAmountMismatch) as raised:
        read_debit_answer(accepted_answer(CB="1500"), REQUEST)
    assert "15,00" in raised.value.message and "14,00" in raised.value.message
    assert raised.value.outcome_uncertain


@pytest.mark.parametrize("changes", [
    {"CB": None}, {"CB": "14.00"}, {"CB": "1"}, {"CB": "1" * 13},
    {"CA": "02"}, {"CA": None}, {"CD": "1"}, {"CE": "840"}, {"CE": None},
    {"AC": None}, {"AC": "12345678901234"}, {"AC": "12 456"},
    {"AA": None}, {"AA": "4970 1012 3456 7890"}, {"AA": "497010######12"}, {"AA": "123"}, {"AA": "4" * 20},
    {"AE": "11"}, {"AE": None}, {"AE": "1"},
    {"CZ": "0200"}, {"CZ": "03"},
])
def test_an_accepted_answer_with_a_missing_or_wrong_field_is_refused(changes):
    with pytest.raises(CardTerminalAnswerInvalid):
        read_debit_answer(accepted_answer(**changes), REQUEST)


def test_an_unmasked_card_number_leaves_only_its_last_four_digits(caplog):
    caplog.set_level(logging.DEBUG)
    result = read_debit_answer(accepted_answer(AA="4970101234567890"), REQUEST)
    assert result.card_last_four == "7890"
    assert "4970101234567890" not in repr(result) + caplog.text
    assert "non masqué" in caplog.text


@pytest.mark.parametrize("reason, error", [
    ("04", CardPaymentRefused), ("05", CardPaymentRefused), ("02", CardPaymentRefused), ("07", CardPaymentRefused),
    ("06", CardPaymentCancelled), ("08", CardPaymentCancelled), ("11", CardPaymentCancelled),
    ("09", CardTerminalRequestRejected), ("13", CardTerminalRequestRejected), ("00", CardTerminalRequestRejected),
    ("99", CardTerminalRequestRejected), (None, CardTerminalRequestRejected),
    ("01", CardTerminalAnswerInvalid), ("4", CardTerminalAnswerInvalid), ("4970101234567890", CardTerminalAnswerInvalid),
])
def test_each_reason_of_an_operation_not_done_has_its_error(reason, error):
    answer = {"CZ": "0300", "AE": "01"} | ({"AF": reason} if reason else {})
    with pytest.raises(error) as raised:
        read_debit_answer(answer, REQUEST)
    assert type(raised.value) is error
    assert raised.value.message and raised.value.hint


def test_a_refusal_or_a_cancellation_at_the_terminal_is_certain_and_moves_no_money():
    for reason in ("04", "11"):
        with pytest.raises((CardPaymentRefused, CardPaymentCancelled)) as raised:
            read_debit_answer({"AE": "01", "AF": reason}, REQUEST)
        assert not raised.value.outcome_uncertain
        assert "Rien n'a été encaissé" in raised.value.hint


@pytest.mark.parametrize("fields, complete", [
    ({}, False),
    ({"CZ": "0300", "CB": "1400"}, False),
    ({"AE": "01"}, False),
    ({"AE": "01", "AF": "04"}, True),
    (accepted_answer(AA=None), False),
    (accepted_answer(), True),
    ({"AE": "11"}, True),
])
def test_an_answer_is_complete_once_it_holds_what_its_status_needs(fields, complete):
    assert answer_is_complete(fields) is complete


@pytest.mark.parametrize("settings", [
    {"host": ""}, {"port": 0}, {"port": 70000}, {"timeout_seconds": 0}, {"connect_timeout_seconds": -1},
    {"till_number": "1"}, {"till_number": "AB"},
])
def test_a_terminal_configuration_is_checked(settings):
    with pytest.raises(ValueError):
        TerminalConfig(**({"host": "192.0.2.10"} | settings))


def test_the_terminal_listens_on_port_8888_by_default():
    assert TerminalConfig("192.0.2.10").port == 8888
