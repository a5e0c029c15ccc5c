"""``urlnotif`` is called once with ``idOp=<idop>`` when the result becomes known, by the simulator's clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk.payfip_simulator.server import PayfipSimulator
from desk.payfip_simulator.store import (
    CARD_BANK_DELAY,
    CARD_PAYS,
    CARD_REFUSED,
    CARD_TOO_LATE,
    MAX_NOTIFICATION_ATTEMPTS,
)
from tests.payfip_simulator.helpers import NotificationListener, cancel, create_operation, eopayment_client, pay


@pytest.fixture
def listener():
    with NotificationListener() as running:
        yield running


@pytest.mark.parametrize(
    "family_does",
    [lambda url, idop: pay(url, idop, CARD_PAYS), lambda url, idop: pay(url, idop, CARD_REFUSED),
     lambda url, idop: cancel(url, idop)],
    ids=["paid", "refused", "abandoned"],
)
def test_a_known_result_is_notified_exactly_once(simulator, client, listener, family_does):
    idop = create_operation(client, url_notification=listener.url)
    family_does(simulator.url, idop)
    assert listener.wait_for(1)
    assert listener.received == [("/payfip/notification", "application/x-www-form-urlencoded", f"idOp={idop}")]
    assert simulator.deliver_notifications() == []
    client.get_info_paiement(idop)  # each request is also a tick
    assert simulator.deliver_notifications() == []
    assert len(listener.received) == 1


def test_each_request_looks_for_due_notifications_without_waiting_for_the_tick(tmp_path, clock, listener):
    with PayfipSimulator(tmp_path / "payfip.sqlite3", clock=clock.now, tick_seconds=3600) as simulator:
        idop = create_operation(eopayment_client(simulator.url), url_notification=listener.url)
        pay(simulator.url, idop, CARD_PAYS)
        assert listener.wait_for(1)


def test_the_tick_finds_a_result_the_bank_gave_with_no_request(tmp_path, clock, listener):
    with PayfipSimulator(tmp_path / "payfip.sqlite3", clock=clock.now, tick_seconds=0.05) as simulator:
        idop = create_operation(eopayment_client(simulator.url), url_notification=listener.url)
        pay(simulator.url, idop, CARD_BANK_DELAY)
        clock.advance(timedelta(minutes=5))  # no request after this: only the tick can see it
        assert listener.wait_for(1)
        assert listener.received[0][2] == f"idOp={idop}"


def test_nothing_is_notified_while_the_result_is_pending(simulator, client, listener, clock):
    untouched = create_operation(client, url_notification=listener.url)
    delayed = create_operation(client, url_notification=listener.url)
    pay(simulator.url, delayed, CARD_BANK_DELAY)
    clock.advance(timedelta(minutes=4, seconds=59))
    assert simulator.deliver_notifications() == []
    assert listener.received == []
    clock.advance(timedelta(seconds=1))
    simulator.deliver_notifications()
    assert listener.wait_for(1)
    assert [body for _path, _type, body in listener.received] == [f"idOp={delayed}"]
    clock.advance(timedelta(minutes=30))
    assert simulator.deliver_notifications() == []
    assert untouched not in str(listener.received)  # expired untouched: no result, no notification


def test_the_late_confirmation_is_notified_when_the_bank_confirms(simulator, client, listener, clock):
    idop = create_operation(client, url_notification=listener.url)
    pay(simulator.url, idop, CARD_TOO_LATE)
    clock.advance(timedelta(minutes=19))
    assert simulator.deliver_notifications() == [] and listener.received == []
    clock.advance(timedelta(minutes=1))
    simulator.deliver_notifications()
    assert listener.wait_for(1) and len(listener.received) == 1


@pytest.mark.parametrize("address", ["desk://payfip/notification", "", "ftp://ville.example/notif"])
def test_only_http_addresses_are_notified(simulator, client, address):
    idop = create_operation(client, url_notification=address)
    pay(simulator.url, idop, CARD_PAYS)
    assert simulator.deliver_notifications() == []
    assert not simulator.store.was_notified(idop)


def test_a_failed_notification_is_tried_again(simulator, client):
    simulator.notifier.retry_delay_seconds = 0
    with NotificationListener(statuses=(500, 200)) as listener:
        idop = create_operation(client, url_notification=listener.url)
        pay(simulator.url, idop, CARD_PAYS)
        simulator.deliver_notifications()
        simulator.deliver_notifications()
        assert listener.wait_for(2)
        assert simulator.deliver_notifications() == []
        assert simulator.store.was_notified(idop)
        assert [body for _path, _type, body in listener.received] == [f"idOp={idop}"] * 2


def test_a_notification_that_keeps_failing_is_given_up(simulator, client, caplog):
    simulator.notifier.retry_delay_seconds = 0
    with NotificationListener(statuses=(503,)) as listener:
        idop = create_operation(client, url_notification=listener.url)
        pay(simulator.url, idop, CARD_PAYS)
        for _ in range(MAX_NOTIFICATION_ATTEMPTS + 2):
            simulator.deliver_notifications()
        assert listener.wait_for(MAX_NOTIFICATION_ATTEMPTS)
        assert simulator.deliver_notifications() == []
        assert len(listener.received) == MAX_NOTIFICATION_ATTEMPTS
    assert "en échec" in caplog.text and CARD_PAYS not in caplog.text


def test_a_restarted_simulator_does_not_notify_again(tmp_path, clock, listener):
    data_file = tmp_path / "payfip.sqlite3"
    with PayfipSimulator(data_file, clock=clock.now) as first:
        idop = create_operation(eopayment_client(first.url), url_notification=listener.url)
        pay(first.url, idop, CARD_PAYS)
        assert listener.wait_for(1)
        first.deliver_notifications()  # waits for the background thread to record it
    with PayfipSimulator(data_file, clock=clock.now) as second:
        assert second.deliver_notifications() == []
        assert second.store.was_notified(idop)
    assert len(listener.received) == 1
