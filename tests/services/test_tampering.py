"""Tampering behind the application's back, triggers dropped: the verification finds each alteration.

A day at the desk (payments by cash, cheque and card, a cancellation with its
credit, a refund, a closing whose anchor is printed) is written through the
services; then an intruder with full rights on the database changes one
thing, and ``verify_journal`` must name it. Every scenario runs on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, insert, select, update

from desk.db.enums import JournalKind, LedgerKind, PaymentMode, RefundMeans, UnitKind
from desk.db.models import (
    Booking,
    CashCountLine,
    CashSession,
    Counter,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
)
from desk.services import evidence
from desk.services.cash_desk import close_cash_desk, open_cash_desk, session_figures
from desk.services.journal import ChainTail, canonical_json
from desk.services.journal_key import JournalKey
from desk.services.lifecycle.credits import refund_credit
from desk.services.tenders import Tender
from desk.services.verification import Anchor, verify_journal
from tests.conftest import behind_the_applications_back

DEC_2, DEC_9, DEC_16 = date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)


@pytest.fixture
def day(database, clock, town):
    """Three payments, a cancellation (paid through the basket) with its credit, a refund, a closing; then a fifth payment."""
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(2000)])  # 10 €, 10 € change
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_9)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_16)
    town.pay(database, clock, [Tender.cheque(1400, "1234567", "La Banque Postale", "M. DURAND")])
    town.toggle(database, clock, "hugo", UnitKind.MORNING, DEC_9)
    town.pay(database, clock, [Tender.card(400, "A1B2C3", "4242")])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)  # cancel the paid day
    town.pay(database, clock, [], actor=town.cashier)  # a 10 € credit
    with database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=300, actor=town.cashier, means=RefundMeans.CASH)
    with database.session_factory.begin() as session:
        figures = session_figures(session, session.scalar(select(CashSession.id).where(CashSession.closed_at.is_(None))))
        close_cash_desk(session, clock, actor=town.cashier, counts={500: 3, 100: figures.expected_cash_cents // 100 - 15},
                        cheques_counted_cents=figures.cheques_cents)
    with database.read_session_factory() as session:
        head = session.execute(select(JournalEntry.sequence, JournalEntry.hash).order_by(JournalEntry.sequence.desc())
                               .limit(1)).one()
    clock.advance(timedelta(minutes=10))
    with database.session_factory.begin() as session:
        open_cash_desk(session, clock, actor=town.cashier, float_cents=5000)
    town.toggle(database, clock, "hugo", UnitKind.FULL_DAY, DEC_16)
    town.pay(database, clock, [Tender.cash(300)])  # 10 €, 7 € of them from the credit left
    town.anchor = Anchor(head.sequence, head.hash[:16])
    return town


def findings(database, **options) -> str:
    with database.read_session_factory() as session:
        report = verify_journal(session, **options)
    return " | ".join(report.findings)


def payment_of_mode(database, mode: PaymentMode) -> int:
    with database.read_session_factory() as session:
        return session.scalar(select(PaymentLine.payment_id).where(PaymentLine.mode == mode))


def test_an_untouched_day_verifies(database, day):
    with database.read_session_factory() as session:
        report = verify_journal(session, anchors=[day.anchor])
    assert report.ok, report.findings
    assert report.seals_checked and report.payments_checked == 5 and report.entries_checked == 8
    assert "sceaux compris" in report.summary()


@pytest.mark.parametrize(("tamper", "expected"), [
    pytest.param(lambda c, ids: c.execute(update(Payment).where(Payment.id == ids["cheque"]).values(amount_cents=140)),
                 "le règlement ont été modifiés", id="payment-amount"),
    pytest.param(lambda c, ids: c.execute(update(PaymentLine).where(PaymentLine.payment_id == ids["cheque"])
                                          .values(mode="cash", tendered_cents=1400, change_cents=0)),
                 "les lignes de règlement ont été modifiés", id="line-cheque-to-cash"),
    pytest.param(lambda c, ids: c.execute(update(Receipt).where(Receipt.payment_id == ids["card"])
                                          .values(issued_at=ids["now"] - timedelta(days=40))),
                 "le ticket ont été modifiés", id="receipt-date"),
    pytest.param(lambda c, ids: c.execute(update(Receipt).where(Receipt.payment_id == ids["card"]).values(number=99)),
                 "ne se suivent pas", id="receipt-number"),
    pytest.param(lambda c, ids: c.execute(update(PaymentAllocation).where(PaymentAllocation.payment_id == ids["cheque"])
                                          .values(amount_cents=700)),
                 "les affectations ont été modifiés", id="allocation-amount"),
    pytest.param(lambda c, ids: c.execute(delete(PaymentLine).where(PaymentLine.payment_id == ids["card"])),
                 "les lignes de règlement ont été modifiés", id="line-deleted"),
    pytest.param(lambda c, ids: c.execute(update(LedgerEntry).where(LedgerEntry.kind == LedgerKind.CREDIT)
                                          .values(amount_cents=-10000)),
                 "l'annulation de la réservation", id="credit-raised"),
    pytest.param(lambda c, ids: c.execute(update(LedgerEntry).where(LedgerEntry.kind == LedgerKind.REFUND)
                                          .values(amount_cents=30)),
                 "le remboursement", id="refund-lowered"),
    pytest.param(lambda c, ids: c.execute(update(Booking).where(Booking.state == "cancelled").values(state="confirmed")),
                 "la réservation annulée", id="cancelled-booking-revived"),
    pytest.param(lambda c, ids: c.execute(update(OpenDay).where(OpenDay.places_taken > 0).values(places_taken=0)),
                 "place(s) prise(s)", id="places-reset"),
    pytest.param(lambda c, ids: c.execute(update(CashSession).where(CashSession.closed_at.is_not(None))
                                          .values(counted_cash_cents=CashSession.counted_cash_cents - 2000)),
                 "la session de caisse ont été modifiés", id="closing-count"),
    pytest.param(lambda c, ids: c.execute(delete(CashCountLine).where(CashCountLine.denomination_cents == 500)),
                 "le comptage de caisse ont été modifiés", id="count-line-deleted"),
    pytest.param(lambda c, ids: c.execute(update(Payment).where(Payment.id == ids["cash"])
                                          .values(cash_session_id=ids["new_session"])),
                 "attendait", id="payment-moved-to-another-session"),
    pytest.param(lambda c, ids: c.execute(insert(LedgerEntry).values(
        family_id=ids["family"], created_at=ids["now"], kind="credit", amount_cents=-5000, label="Avoir")),
                 "n'est pas au journal", id="loose-credit"),
    pytest.param(lambda c, ids: c.execute(update(JournalEntry).where(JournalEntry.sequence == 2)
                                          .values(payload=JournalEntry.payload + " ")),
                 "a été modifiée après son enregistrement", id="journal-payload"),
    pytest.param(lambda c, ids: c.execute(update(JournalEntry).where(JournalEntry.sequence == 3).values(amount_cents=1)),
                 "a été modifiée après son enregistrement", id="journal-amount"),
    pytest.param(lambda c, ids: c.execute(delete(JournalEntry).where(JournalEntry.sequence >= 8)),
                 "compteur du journal", id="journal-tail-deleted"),
    pytest.param(lambda c, ids: c.execute(delete(JournalEntry)),
                 "aucun journal", id="journal-emptied"),
    pytest.param(lambda c, ids: c.execute(delete(Receipt).where(Receipt.payment_id == ids["card"])),
                 "le ticket ont été modifiés", id="receipt-deleted"),
    pytest.param(lambda c, ids: c.execute(update(Booking).where(Booking.payment_id == ids["card"])
                                          .values(price_cents=29000)),
                 "les réservations réglées (enfant, jour, prix) ont été modifiés", id="paid-price-raised"),
    pytest.param(lambda c, ids: c.execute(update(Booking).where(Booking.payment_id == ids["card"])
                                          .values(state="cancelled", ended_at=ids["now"])),
                 "sans annulation au journal", id="paid-booking-silently-cancelled"),
    pytest.param(lambda c, ids: c.execute(insert(LedgerEntry).values(
        family_id=ids["family"], created_at=ids["now"], kind="credit", amount_cents=-29000, label="Avoir",
        payment_id=987654)),
                 "désignent un règlement n° 987654 qui n'existe pas", id="credit-naming-a-missing-payment"),
    pytest.param(lambda c, ids: c.execute(insert(Counter).values(name="journal_legacy_until", last_value=100)),
                 "a été avancé", id="legacy-counter-raised"),
])
def test_each_alteration_is_found(database, clock, day, tamper, expected):
    ids = {"cash": payment_of_mode(database, PaymentMode.CASH), "cheque": payment_of_mode(database, PaymentMode.CHEQUE),
           "card": payment_of_mode(database, PaymentMode.CARD), "family": day.family_id, "now": clock.now()}
    with database.read_session_factory() as session:
        ids["new_session"] = session.scalar(select(CashSession.id).where(CashSession.closed_at.is_(None)))
    with behind_the_applications_back(database) as connection:
        tamper(connection, ids)
    assert expected in findings(database, anchors=[day.anchor])


def _payment_rows(connection, payment_id: int):
    def rows(table, fields, key):
        return connection.execute(select(*[table.__table__.c[f] for f in fields]).where(
            table.__table__.c[key] == payment_id)).mappings().all()

    return evidence.payment_parts(rows(Payment, evidence.PAYMENT_FIELDS, "id")[0],
                                  rows(PaymentLine, evidence.LINE_FIELDS, "payment_id"),
                                  rows(PaymentAllocation, evidence.ALLOCATION_FIELDS, "payment_id"),
                                  rows(Receipt, evidence.RECEIPT_FIELDS, "payment_id")[0],
                                  rows(LedgerEntry, evidence.LEDGER_FIELDS, "payment_id"),
                                  rows(Booking, evidence.PAID_BOOKING_FIELDS, "payment_id"))


def rewrite_chain(connection, key: JournalKey | None) -> None:
    """What a knowing intruder does: recompute every digest and hash after the change (and seals, with a key)."""
    entries = connection.execute(select(JournalEntry).order_by(JournalEntry.sequence)).mappings().all()
    tail = ChainTail()
    connection.execute(delete(JournalEntry))
    forged_key = key or JournalKey(b"\x00" * 32)
    for entry in entries:
        payload = json.loads(entry["payload"])
        if entry["payment_id"] is not None:
            parts = _payment_rows(connection, entry["payment_id"])
            payload["digests"] = {name: evidence.digest(value) for name, value in parts.items()}
        fields = tail.next_entry(
            key=forged_key, kind=JournalKind(entry["kind"]), created_at=entry["created_at"],
            amount_cents=entry["amount_cents"], payload=payload, agent_id=entry["agent_id"],
            family_id=entry["family_id"], payment_id=entry["payment_id"], cash_session_id=entry["cash_session_id"],
        )
        if key is None:
            fields["seal"] = entry["seal"]  # the old seals, which no longer match the new hashes
        connection.execute(insert(JournalEntry).values(id=entry["id"], **fields))
        tail = ChainTail.after(fields)


@pytest.mark.parametrize("intruder_key", [None, JournalKey(b"\x13" * 32)], ids=["old-seals-kept", "own-key"])
def test_a_chain_rewritten_with_recomputed_hashes_lacks_the_seals(database, day, intruder_key):
    cheque = payment_of_mode(database, PaymentMode.CHEQUE)
    with behind_the_applications_back(database) as connection:
        connection.execute(update(PaymentLine).where(PaymentLine.payment_id == cheque).values(
            mode="cash", tendered_cents=1400, change_cents=0))
        rewrite_chain(connection, intruder_key)
    found = findings(database, anchors=[day.anchor])
    assert "ne porte pas le sceau de la régie" in found
    assert "n'a plus l'empreinte imprimée" in found  # the printed anchor catches it too
    assert "ne porte pas le sceau" not in findings(database, key=None)  # without the key, only the anchor can tell


def test_a_tail_removed_with_its_counters_rewound_is_caught_by_the_printed_anchor(database, day):
    with behind_the_applications_back(database) as connection:
        last = connection.scalar(select(JournalEntry.sequence).order_by(JournalEntry.sequence.desc()).limit(1))
        doomed = connection.scalars(select(JournalEntry.payment_id).where(JournalEntry.sequence >= day.anchor.sequence - 1,
                                                                          JournalEntry.payment_id.is_not(None))).all()
        connection.execute(delete(JournalEntry).where(JournalEntry.sequence >= day.anchor.sequence - 1))
        for table in (PaymentAllocation, PaymentLine, Receipt, LedgerEntry):
            connection.execute(delete(table).where(table.payment_id.in_(doomed)))
        connection.execute(update(Booking).where(Booking.payment_id.in_(doomed)).values(payment_id=None))
        connection.execute(delete(Payment).where(Payment.id.in_(doomed)))
        connection.execute(update(Counter).where(Counter.name == "journal").values(last_value=day.anchor.sequence - 2))
        assert last > day.anchor.sequence
    assert "imprimée sur un journal de caisse, n'est plus dans le journal" in findings(database, anchors=[day.anchor])


def test_a_payment_slipped_in_without_its_journal_entry_is_found(database, clock, day):
    with behind_the_applications_back(database) as connection:
        payment_id = connection.execute(insert(Payment).values(
            family_id=day.family_id, channel="counter", paid_at=clock.now(), amount_cents=5000)).inserted_primary_key[0]
        connection.execute(insert(PaymentLine).values(payment_id=payment_id, mode="card", amount_cents=5000,
                                                      authorisation_number="FAKE01", card_last4="0000"))
        connection.execute(insert(Receipt).values(payment_id=payment_id, year=2026, number=999, issued_at=clock.now()))
    found = findings(database)
    assert f"le règlement n° {payment_id} (ticket 2026-000999) n'est pas au journal" in found
    assert "ne se suivent pas" in found


def test_a_desk_with_another_key_cannot_write_and_verifying_with_it_flags_every_seal(database, clock, day):
    other = JournalKey(b"\x42" * 32)
    with database.read_session_factory() as session:
        report = verify_journal(session, key=other)
    assert not report.ok and report.first_bad_sequence == 1
    from desk.errors import DeskError
    from desk.services.journal import KEY_INFO

    day.toggle(database, clock, "lea", UnitKind.AFTERNOON, DEC_16)
    with pytest.raises(DeskError, match="n'est pas celle qui a scellé"), database.session_factory.begin() as session:
        session.info[KEY_INFO] = other
        from desk.services.lifecycle.payments import pay_at_counter

        pay_at_counter(session, clock, family_id=day.family_id, tenders=[Tender.cash(400)], actor=day.agent)


def test_the_report_is_french_and_counts_what_it_checked(database, day):
    with behind_the_applications_back(database) as connection:
        connection.execute(update(JournalEntry).where(JournalEntry.sequence == 4).values(
            payload=canonical_json({"v": 2, "digests": {}})))
    with database.read_session_factory() as session:
        report = verify_journal(session)
    assert report.first_bad_sequence == 4
    assert report.summary().startswith("Journal altéré : ")
