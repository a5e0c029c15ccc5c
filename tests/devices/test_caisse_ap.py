"""The card terminal over real sockets, against the Caisse-AP terminal simulator."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from desk.devices.caisse_ap import (
    CardAmountMismatch,
    CardPaymentCancelled,
    CardPaymentError,
    CardPaymentRefused,
    CardTerminalAnswerInvalid,
    CardTerminalConnectionLost,
    CardTerminalTimeout,
    CardTerminalUnreachable,
    TerminalConfig,
    debit_request,
    decode_fields,
    encode_fields,
    request_payment,
)
from desk.devices.terminal_simulator import Outcome, TerminalSimulator

FULL_CARD_NUMBER = "4970101234567890"


@pytest.fixture
def terminal() -> Iterator[TerminalSimulator]:
    with TerminalSimulator(slow_delay=5.0, seed=20) as simulator:
        yield simulator


@pytest.fixture
def config(terminal: TerminalSimulator) -> TerminalConfig:
    return TerminalConfig(terminal.host, terminal.port, timeout_seconds=3.0)


def forged_answer(amount_cents: int, **changes: str) -> bytes:
    """What a terminal would answer for an accepted debit of ``amount_cents``, with ``changes``."""
    return encode_fields(dict(debit_request(amount_cents), AE="10", AC="654321", AA="497010######4321") | changes)


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_accepted_payment_records_the_authorisation_and_the_last_four_digits(terminal, config):
    result = request_payment(config, 1400)
    [request] = terminal.requests
    answer = decode_fields(request.answer)
    assert result.amount_cents == 1400
    assert result.authorisation == answer["AC"]
    assert result.card_last_four == answer["AA"][-4:] and len(result.card_last_four) == 4
    assert (request.fields["CB"], request.fields["CD"], request.fields["CE"]) == ("1400", "0", "978")
    assert request.answered and not request.hung_up_by_till


def test_a_payment_refused_by_the_bank(terminal, config):
    with pytest.raises(CardPaymentRefused) as raised:
        request_payment(config, 1401)
    assert raised.value.message == "Paiement par carte refusé : refusé par la banque."
    assert not raised.value.outcome_uncertain


def test_a_payment_cancelled_at_the_terminal(terminal, config):
    with pytest.raises(CardPaymentCancelled) as raised:
        request_payment(config, 1402)
    assert "annulé" in raised.value.message and not raised.value.by_desk


def test_a_test_setting_chooses_the_next_outcome_only(terminal, config):
    terminal.next_outcome = Outcome.REFUSED
    with pytest.raises(CardPaymentRefused):
        request_payment(config, 1400)
    assert request_payment(config, 1400).amount_cents == 1400


def test_the_desk_cancels_while_the_terminal_waits_and_hangs_up_cleanly(terminal, config):
    cancel = threading.Event()

    def cancel_once_the_terminal_has_the_request() -> None:
        terminal.wait_for(lambda requests: bool(requests))
        cancel.set()

    threading.Thread(target=cancel_once_the_terminal_has_the_request, daemon=True).start()
    started = time.monotonic()
    with pytest.raises(CardPaymentCancelled) as raised:
        request_payment(config, 1403, cancel=cancel)
    assert time.monotonic() - started < 2
    assert raised.value.by_desk and raised.value.outcome_uncertain
    assert terminal.wait_for(lambda requests: requests[0].hung_up_by_till)
    assert not terminal.requests[0].answered


def test_a_cancel_before_anything_is_sent_sends_nothing(terminal, config):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CardPaymentCancelled) as raised:
        request_payment(config, 1400, cancel=cancel)
    assert not raised.value.outcome_uncertain
    assert terminal.requests == []


def test_an_unreachable_terminal():
    config = TerminalConfig("127.0.0.1", a_closed_port(), connect_timeout_seconds=1.0)
    with pytest.raises(CardTerminalUnreachable) as raised:
        request_payment(config, 1400)
    assert f"127.0.0.1:{config.port}" in raised.value.message
    assert not raised.value.outcome_uncertain


@pytest.fixture
def a_port_that_lets_a_connection_hang() -> Iterator[int]:
    """A listening port whose queue is full: a new connection waits there as with a terminal gone from the
    network (its SYN unanswered)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.2)  # the queue filled
    yield port
    for one in (*fillers, server):
        one.close()


def test_a_cancel_while_the_connection_hangs_is_heard_at_once(a_port_that_lets_a_connection_hang):
    config = TerminalConfig("127.0.0.1", a_port_that_lets_a_connection_hang, connect_timeout_seconds=30.0)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(CardPaymentCancelled) as raised:
        request_payment(config, 1400, cancel=cancel)
    assert time.monotonic() - started < 2  # not the 30 s of the connection's timeout
    assert not raised.value.outcome_uncertain  # nothing was sent


def test_a_connection_that_hangs_ends_at_its_timeout_as_unreachable(a_port_that_lets_a_connection_hang):
    config = TerminalConfig("127.0.0.1", a_port_that_lets_a_connection_hang, connect_timeout_seconds=0.5)
    started = time.monotonic()
    with pytest.raises(CardTerminalUnreachable):
        request_payment(config, 1400)
    assert 0.5 <= time.monotonic() - started < 3


def test_a_terminal_that_does_not_answer_in_time(terminal):
    config = TerminalConfig(terminal.host, terminal.port, timeout_seconds=0.3)
    started = time.monotonic()
    with pytest.raises(CardTerminalTimeout) as raised:
        request_payment(config, 1403)
    assert 0.3 <= time.monotonic() - started < 2
    assert raised.value.outcome_uncertain
    assert "0,3 s" in raised.value.message and "Rien n'a été enregistré" in raised.value.hint


def test_a_terminal_that_hangs_up_without_answering(terminal, config):
    terminal.next_outcome = Outcome.HANG_UP
    with pytest.raises(CardTerminalConnectionLost) as raised:
        request_payment(config, 1400)
    assert raised.value.outcome_uncertain


def test_an_answer_for_another_amount_is_refused(terminal, config):
    terminal.next_raw_answer = forged_answer(1500)
    with pytest.raises(CardAmountMismatch):
        request_payment(config, 1400)


@pytest.mark.parametrize("raw_answer", [
    b"CZ0040300AE00210CB999",  # a length longer than what follows, then the terminal hangs up
    b"CZ0040300AE0x210",  # a length with a letter
    b"CZ0040300ae00210",  # a tag in small letters
    b"\xff\xfe garbage",
    forged_answer(1400, AC=FULL_CARD_NUMBER),  # a card number where the authorisation goes
    forged_answer(1400, AE="11"),
])
def test_a_malformed_answer_is_refused(terminal, config, raw_answer):
    terminal.next_raw_answer = raw_answer
    with pytest.raises(CardTerminalAnswerInvalid) as raised:
        request_payment(config, 1400)
    assert raised.value.outcome_uncertain


def test_an_unmasked_card_number_keeps_only_its_last_four_digits(terminal, config):
    terminal.next_raw_answer = forged_answer(1400, AA=FULL_CARD_NUMBER)
    result = request_payment(config, 1400)
    assert result.card_last_four == "7890"
    assert FULL_CARD_NUMBER not in repr(result)


def test_no_card_number_reaches_the_log(terminal, config, caplog):
    caplog.set_level(logging.DEBUG)
    accepted = request_payment(config, 1400)
    masked = decode_fields(terminal.requests[0].answer)["AA"]
    for raw_answer in (forged_answer(1400, AA=FULL_CARD_NUMBER), encode_fields({"AE": "01", "AF": FULL_CARD_NUMBER}),
                       forged_answer(1400, AE=FULL_CARD_NUMBER)):
        terminal.next_raw_answer = raw_answer
        try:
            request_payment(config, 1400)
        except CardPaymentError as error:
            assert FULL_CARD_NUMBER not in str(error)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert len(caplog.records) >= 8
    assert accepted.card_last_four in logged
    assert FULL_CARD_NUMBER not in logged and masked not in logged and "######" not in logged


def test_the_simulator_answers_a_request_missing_mandatory_fields_with_a_format_error(terminal):
    with socket.create_connection((terminal.host, terminal.port), timeout=2) as connection:
        connection.sendall(b"CZ0040300CB0041400")
        answer = decode_fields(connection.recv(4096))
    assert (answer["AE"], answer["AF"]) == ("01", "09")


def test_the_simulator_runs_on_its_own_for_the_demo():
    shown = subprocess.run([sys.executable, "-m", "desk.devices.terminal_simulator", "--help"],
                           capture_output=True, text=True, timeout=20, check=True)
    assert "--port" in shown.stdout
