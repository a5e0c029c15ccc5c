"""Online payment through the simulated PayFiP gateway: every outcome, once."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import String, Text, func, inspect, select, update

from desk.db.enums import BasketState, BookingState, OnlinePaymentState, PaymentMode, UnitKind
from desk.db.models import Base, Basket, Booking, OnlinePayment, OpenDay, Payment, PaymentLine
from desk.errors import ValidationError
from desk.payfip_simulator.store import CARD_BANK_DELAY, CARD_PAYS, CARD_REFUSED, CARD_TOO_LATE, luhn_valid
from desk.services.access import PermissionDeniedError
from desk.services.lifecycle.baskets import BookingRefusedError
from desk.services.lifecycle.online import (
    GatewayAnswerError,
    OnlineOutcome,
    check_online_payment,
    clear_review,
    handle_notification,
    payments_to_review,
    reconcile_online_payments,
    start_online_payment,
)
from desk.services.lifecycle.payments import PaymentRefusedError
from desk.services.pricing import family_balance
from desk.services.tenders import Tender
from desk.services.verification import verify_journal
from tests.payfip import SimulatedBank
from tests.services.conftest import at_the_same_instant, mark_basket_paid

DEC_2 = date(2026, 12, 2)
DEC_9 = date(2026, 12, 9)


@pytest.fixture
def gateway(payfip) -> SimulatedBank:
    return SimulatedBank(payfip.url)


@pytest.fixture
def basket(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_9)
    return town


def start(database, clock, gateway, town, **options):
    with database.session_factory.begin() as session:
        return start_online_payment(session, clock, gateway, family_id=town.family_id, actor=town.agent, **options)


def check(database, clock, gateway, town, online_id):
    with database.session_factory.begin() as session:
        return check_online_payment(session, clock, gateway, online_payment_id=online_id, actor=town.agent)


def booking_states(database):
    with database.read_session_factory() as session:
        return sorted(state.value for state in session.scalars(select(Booking.state)))


def test_paid_online_confirms_like_the_counter_and_only_once(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    assert started.amount_cents == 1400 and started.email == "julie.durand@exemple.fr"
    assert re.fullmatch(r"20261126x\d+x\d+", started.refdet)
    assert started.expires_at == clock.now() + timedelta(minutes=15)
    with pytest.raises(BookingRefusedError, match="paiement en ligne est en cours"):
        basket.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_2)
    with database.read_session_factory() as session:
        assert set(session.scalars(select(Booking.hold_expires_at))) == {started.expires_at}
    assert check(database, clock, gateway, basket, started.online_payment_id).outcome is OnlineOutcome.PENDING

    clock.advance(timedelta(minutes=3))
    gateway.pay_by_card(started.idop, CARD_PAYS, 12, 2028, "123")
    with database.session_factory.begin() as session:
        status = handle_notification(session, clock, gateway, idop=started.idop, actor=basket.agent)
    assert status.outcome is OnlineOutcome.PAID
    assert status.receipt.receipt_code == "2026-000001" and status.receipt.amount_cents == 1400
    assert booking_states(database) == ["confirmed", "confirmed"]
    again = check(database, clock, gateway, basket, started.online_payment_id)
    assert again.outcome is OnlineOutcome.PAID and again.message.startswith("Déjà traité")
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1
        line = session.scalars(select(PaymentLine)).one()
        assert (line.mode, line.refdet, line.idop) == (PaymentMode.PAYFIP, started.refdet, started.idop)
        assert len(line.authorisation_number) == 6
        assert verify_journal(session).ok


@pytest.mark.parametrize(("card", "outcome"), [(CARD_REFUSED, OnlineOutcome.REFUSED), (None, OnlineOutcome.ABANDONED)])
def test_refused_or_abandoned_reopens_the_basket(database, clock, gateway, basket, card, outcome):
    started = start(database, clock, gateway, basket)
    if card:
        gateway.pay_by_card(started.idop, card, 12, 2028, "123")
    else:
        gateway.abandon(started.idop)
    status = check(database, clock, gateway, basket, started.online_payment_id)
    assert status.outcome is outcome and "rouvert" in status.message
    assert booking_states(database) == ["pending", "pending"]
    record = basket.pay(database, clock, [Tender.card(1400, "XK42", "4242")])
    assert record.amount_cents == 1400


def test_a_bank_delay_of_five_minutes_is_waited_for(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_BANK_DELAY, 12, 2028, "123")
    clock.advance(timedelta(minutes=2))
    assert check(database, clock, gateway, basket, started.online_payment_id).outcome is OnlineOutcome.PENDING
    clock.advance(timedelta(minutes=4))
    assert check(database, clock, gateway, basket, started.online_payment_id).outcome is OnlineOutcome.PAID


def test_no_result_in_fifteen_minutes_expires_and_imposes_a_safety_delay(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    clock.advance(timedelta(minutes=15))
    status = check(database, clock, gateway, basket, started.online_payment_id)
    assert status.outcome is OnlineOutcome.EXPIRED
    assert status.retry_at == clock.now() + timedelta(minutes=30)
    assert "à partir de 10:45" in status.message
    assert booking_states(database) == ["expired", "expired"]
    with database.read_session_factory() as session:
        assert session.scalar(select(func.sum(OpenDay.places_taken))) == 0
        assert session.scalar(select(Basket.state)) is BasketState.OPEN
    clock.advance(timedelta(minutes=10))
    with pytest.raises(PaymentRefusedError, match="à partir de 10:45"):
        start(database, clock, gateway, basket)
    clock.advance(timedelta(minutes=21))
    again = start(database, clock, gateway, basket)  # the expired lines are renewed, their places still free
    assert again.amount_cents == 1400
    assert booking_states(database) == ["pending", "pending"]


def test_a_confirmation_after_expiry_becomes_a_credit_flagged_for_the_regisseur(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_TOO_LATE, 12, 2028, "123")
    clock.advance(timedelta(minutes=16))
    assert check(database, clock, gateway, basket, started.online_payment_id).outcome is OnlineOutcome.EXPIRED
    clock.advance(timedelta(minutes=5))
    status = check(database, clock, gateway, basket, started.online_payment_id)
    assert status.outcome is OnlineOutcome.LATE_PAID and "avoir" in status.message
    assert status.receipt.amount_cents == 1400
    assert booking_states(database) == ["expired", "expired"]
    with database.read_session_factory() as session:
        assert family_balance(session, basket.family_id) == -1400
        online = session.scalars(select(OnlinePayment)).one()
        assert online.needs_cashier_review and online.state is OnlinePaymentState.LATE_PAID
        assert verify_journal(session).ok
    assert check(database, clock, gateway, basket, started.online_payment_id).message.startswith("Déjà traité")
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1


def test_starting_refuses_what_cannot_be_paid_online(database, clock, gateway, town):
    with pytest.raises(PaymentRefusedError, match="panier est vide"):
        start(database, clock, gateway, town)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    mark_basket_paid(database, town.family_id, clock)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    with pytest.raises(PaymentRefusedError, match="annulations"):
        start(database, clock, gateway, town)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)  # withdrawn
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    with pytest.raises(PaymentRefusedError, match="adresse électronique"):
        start(database, clock, gateway, town, email="pas-une-adresse")


def test_the_same_result_handled_by_two_desks_pays_once(database_url, database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_PAYS, 12, 2028, "123")

    def check(session):
        return check_online_payment(session, clock, gateway, online_payment_id=started.online_payment_id,
                                    actor=basket.agent)

    outcomes = at_the_same_instant(database_url, [check, check])
    assert [o.outcome for o in outcomes] == [OnlineOutcome.PAID, OnlineOutcome.PAID]
    assert sum(o.message.startswith("Déjà traité") for o in outcomes) == 1
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1


CARD_LIKE = re.compile(r"(?<!\d)\d{13,19}(?!\d)")


def test_no_card_number_is_ever_stored_or_logged(database, clock, gateway, basket, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="zeep")  # its DEBUG lines print object ids, some of them Luhn-valid
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # every statement and its parameters
    try:
        for card, child in ((CARD_PAYS, "lea"), (CARD_REFUSED, "hugo")):
            basket.toggle(database, clock, child, UnitKind.FULL_DAY, date(2026, 12, 16))
            started = start(database, clock, gateway, basket)
            gateway.pay_by_card(started.idop, card, 12, 2028, "123")
            check(database, clock, gateway, basket, started.online_payment_id)
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    found = [m for m in CARD_LIKE.findall(caplog.text) if luhn_valid(m)]
    assert found == []
    with database.read_session_factory() as session:
        for table in Base.metadata.sorted_tables:
            text_columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
            for row in session.execute(select(*text_columns)) if text_columns else []:
                for value in row:
                    assert not any(luhn_valid(m) for m in CARD_LIKE.findall(str(value or ""))), (table.name, value)
    assert inspect(database.engine).get_table_names()


class TamperedGateway(SimulatedBank):
    """The simulated service, with its answer rewritten on the way: what a forged or broken reply looks like."""

    def __init__(self, url: str, rewrite) -> None:
        super().__init__(url)
        self.rewrite = rewrite

    def recuperer_detail_paiement_securise(self, idop: str):
        return self.rewrite(dict(super().recuperer_detail_paiement_securise(idop)))


def nothing_recorded(database) -> None:
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 0
        assert set(session.scalars(select(Booking.state))) == {BookingState.PENDING}


@pytest.mark.parametrize(("rewrite", "reason"), [
    (lambda d: {**d, "montant": "100"}, "montant 1,00"),
    (lambda d: {**d, "refdet": "20180614x2678x99108"}, "référence 20180614x2678x99108"),
    (lambda d: {**d, "numcli": "999999"}, "numéro client 999999"),
    (lambda d: {**d, "idOp": "another-operation"}, "opération another-operation"),
])
def test_an_answer_about_something_else_records_nothing_and_is_flagged(database, clock, payfip, basket, rewrite,
                                                                          reason):
    gateway = TamperedGateway(payfip.url, rewrite)
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_PAYS, 12, 2028, "123")
    status = check(database, clock, gateway, basket, started.online_payment_id)
    assert status.outcome is OnlineOutcome.DISPUTED and "rien n'a été encaissé" in status.message
    nothing_recorded(database)
    with database.session_factory.begin() as session:
        [item] = payments_to_review(session)
        assert reason in item.reason and item.refdet == started.refdet
        assert session.scalar(select(Basket.state)) is BasketState.OPEN  # the counter can take it now
    assert check(database, clock, gateway, basket, started.online_payment_id).message.startswith("Déjà traité")
    nothing_recorded(database)


@pytest.mark.parametrize("rewrite", [
    lambda d: None,
    lambda d: "P",
    lambda d: {**d, "resultrans": "X"},
    lambda d: {k: v for k, v in d.items() if k != "montant"},
    lambda d: {**d, "montant": "14,00"},
    lambda d: {**d, "montant": "٣٣"},
    lambda d: {**d, "montant": 1400},
    lambda d: {**d, "dattrans": "31022026"},
    lambda d: {**d, "numauto": "x" * 500},
])
def test_a_malformed_answer_is_refused_in_french_and_records_nothing(database, clock, payfip, basket, rewrite):
    gateway = TamperedGateway(payfip.url, rewrite)
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_PAYS, 12, 2028, "123")
    with pytest.raises(GatewayAnswerError, match="illisible"):
        check(database, clock, gateway, basket, started.online_payment_id)
    nothing_recorded(database)
    with database.read_session_factory() as session:
        assert session.scalar(select(OnlinePayment.state)) is OnlinePaymentState.CREATED  # asked again later


def test_reconciliation_finds_the_late_confirmation_the_desk_no_longer_waits_for(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_TOO_LATE, 12, 2028, "123")
    clock.advance(timedelta(minutes=16))

    def run(work):
        with database.session_factory.begin() as session:
            return work(session)

    first = reconcile_online_payments(run, clock, gateway, basket.agent)
    assert (first.checked, first.outcomes) == (1, {OnlineOutcome.EXPIRED: 1})
    clock.advance(timedelta(minutes=5))
    second = reconcile_online_payments(run, clock, gateway, basket.agent)
    assert second.outcomes == {OnlineOutcome.LATE_PAID: 1} and "1 paiement(s) en ligne interrogé(s)" in second.summary()
    assert reconcile_online_payments(run, clock, gateway, basket.agent).checked == 0
    with database.read_session_factory() as session:
        assert family_balance(session, basket.family_id) == -1400


class SilentGateway(SimulatedBank):
    """The service away: every question times out."""

    def recuperer_detail_paiement_securise(self, idop: str):
        raise TimeoutError("timed out")


def test_a_gateway_that_does_not_answer_stops_no_reconciliation_and_decides_nothing(database, clock, payfip, basket):
    gateway = SilentGateway(payfip.url)
    started = start(database, clock, gateway, basket)
    clock.advance(timedelta(minutes=16))

    def run(work):
        with database.session_factory.begin() as session:
            return work(session)

    report = reconcile_online_payments(run, clock, gateway, basket.agent)
    assert report.checked == 1 and report.outcomes == {}
    assert "ne répond pas" in report.failures[0] and "ne répond pas" in report.summary()
    nothing_recorded(database)
    with database.read_session_factory() as session:  # asked again at the next pass, not expired blindly
        assert session.scalar(select(OnlinePayment.state)) is OnlinePaymentState.CREATED
        assert session.scalar(select(OnlinePayment.id)) == started.online_payment_id


def test_the_regisseur_clears_a_flagged_payment_with_a_note(database, clock, gateway, basket):
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_TOO_LATE, 12, 2028, "123")
    clock.advance(timedelta(minutes=21))
    check(database, clock, gateway, basket, started.online_payment_id)
    check(database, clock, gateway, basket, started.online_payment_id)
    with database.session_factory.begin() as session:
        [item] = payments_to_review(session)
    with pytest.raises(PermissionDeniedError), database.session_factory.begin() as session:
        clear_review(session, clock, online_payment_id=item.online_payment_id, actor=basket.agent, note="vu")
    with pytest.raises(ValidationError, match="obligatoire"), database.session_factory.begin() as session:
        clear_review(session, clock, online_payment_id=item.online_payment_id, actor=basket.cashier, note="  ")
    with database.session_factory.begin() as session:
        clear_review(session, clock, online_payment_id=item.online_payment_id, actor=basket.cashier,
                     note="Relevé DGFIP du 27/11 : 14,00 € reçus, avoir confirmé.")
    with database.read_session_factory() as session:
        assert payments_to_review(session) == []
        online = session.scalars(select(OnlinePayment)).one()
        assert online.reviewed_by_id == basket.cashier.agent_id and online.review_note.startswith("Relevé DGFIP")


def test_a_confirmation_in_time_whose_place_was_lost_meanwhile_becomes_a_credit(database, clock, gateway, basket):
    """The bank answered within the 15 minutes, the desk asks later: the sweep freed the places, another family took one."""
    from desk.services.enrolment import enrol
    from desk.services.families import create_family
    from desk.services.lifecycle.baskets import expire_holds, toggle_booking
    from tests.services.factories import family_draft

    day = basket.open_day(database, UnitKind.FULL_DAY, DEC_2)
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == day).values(capacity=1))
        other = create_family(session, clock, family_draft("VOISIN", ("Inès", date(2019, 2, 1))))
        enrol(session, clock, child_id=other.children[0].id, activity_id=basket.wednesday_activity, actor=basket.agent)
    started = start(database, clock, gateway, basket)
    gateway.pay_by_card(started.idop, CARD_BANK_DELAY, 12, 2028, "123")  # the bank answers 5 minutes later
    clock.advance(timedelta(minutes=16))
    with database.session_factory.begin() as session:
        expire_holds(session, clock.now())
    with database.session_factory.begin() as session:
        toggle_booking(session, clock, family_id=other.id, child_id=other.children[0].id, open_day_id=day,
                       actor=basket.agent)
    status = check(database, clock, gateway, basket, started.online_payment_id)
    assert status.outcome is OnlineOutcome.LATE_PAID and status.receipt.amount_cents == 1400
    with database.read_session_factory() as session:
        assert family_balance(session, basket.family_id) == -1400
        assert verify_journal(session).ok
