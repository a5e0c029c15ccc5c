"""The documents' data read from real payments, on SQLite and PostgreSQL, and rendered."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, event, select, text

from desk.db.enums import JournalKind, PaymentMode, Role, UnitKind
from desk.db.models import AuditEntry, JournalEntry, ReceiptPrint, RegieSettings
from desk.errors import DeskError
from desk.payfip_simulator.store import CARD_PAYS
from desk.services.access import Actor
from desk.services.account import family_account
from desk.services.cash_desk import close_cash_desk as close_cash_desk_service
from desk.services.cash_desk import notes_and_coins, open_session, session_figures
from desk.services.cash_desk import open_cash_desk as open_cash_desk_service
from desk.services.documents import (
    cash_journal_document,
    recap_document,
    receipt_document,
    reprint_receipt,
    statement_document,
)
from desk.services.lifecycle.credits import correct_account
from desk.services.lifecycle.online import check_online_payment, start_online_payment
from desk.services.pricing import family_balance
from desk.services.tenders import Tender
from desk.services.verification import Anchor, verify_journal
from reports.cash_journal import cash_journal_a4
from reports.data import BookedLine, Tendered
from reports.recap import recap_a4
from reports.statement import statement_a4
from reports.ticket import ticket_80mm, ticket_a4
from tests.conftest import on_postgres_only
from tests.payfip import SimulatedBank
from tests.reports.conftest import pdf_text
from tests.services.conftest import at_the_same_instant

DEC_2 = date(2026, 12, 2)
DEC_9 = date(2026, 12, 9)
DEC_16 = date(2026, 12, 16)
WEDNESDAYS = "Pommiers mercredis 2026-2027"


def read(database, document, *args, **options):
    with database.read_session_factory() as session:
        return document(session, *args, **options)


def open_cash_desk(database, clock, town, float_cents=5000) -> int:
    """The régisseur closes the fixture's session and opens one with ``float_cents``."""
    with database.session_factory.begin() as session:
        figures = session_figures(session, open_session(session).id)
        close_cash_desk_service(session, clock, actor=town.cashier, counts=count_of(figures.expected_cash_cents),
                                cheques_counted_cents=figures.cheques_cents)
    with database.session_factory.begin() as session:
        return open_cash_desk_service(session, clock, actor=town.cashier, float_cents=float_cents).cash_session_id


def close_cash_desk(database, clock, town, cash_session_id, counted_cash_cents, counted_cheques_cents):
    with database.session_factory.begin() as session:
        assert open_session(session).id == cash_session_id
        close_cash_desk_service(session, clock, actor=town.cashier, counts=count_of(counted_cash_cents),
                                cheques_counted_cents=counted_cheques_cents, comment="Caisse vérifiée à deux.")


count_of = notes_and_coins


def test_the_ticket_of_a_cash_payment(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    record = town.pay(database, clock, [Tender.cash(2000)])
    receipt = read(database, receipt_document, record.payment_id)
    assert (receipt.code, receipt.issued_at, receipt.agent_name) == ("2026-000001", clock.now(), "Camille")
    assert (receipt.regie.town, receipt.family.name, receipt.family.dossier_number) == ("Albertville", "DURAND", "F-00001")
    assert receipt.family.addressee_lines[0] == "Julie DURAND"
    assert receipt.lines == (BookedLine(DEC_2, "Noah", WEDNESDAYS, "Mercredi journée", 1000),
                             BookedLine(DEC_9, "Léa", WEDNESDAYS, "Mercredi matin", 400))
    assert receipt.tenders == (Tendered("Espèces", 1400, tendered_cents=2000, change_cents=600, cash=True),)
    assert (receipt.amount_cents, receipt.balance_after_cents, receipt.online) == (1400, 0, False)
    assert receipt.journal_hash == record.journal_hash
    for render in (ticket_80mm, ticket_a4):
        text = pdf_text(render(receipt))
        for expected in ["2026-000001", "Léa", "Noah", "Total réglé 14,00 €", "Remis : 20,00 € · Rendu : 6,00 €",
                         record.journal_hash[:12]]:
            assert expected in text


def test_the_ticket_of_a_basket_with_a_cancellation_paid_by_card(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    clock.advance(timedelta(minutes=5))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)  # paid: a cancellation
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_9, actor=town.cashier)
    town.toggle(database, clock, "hugo", UnitKind.MORNING, DEC_9, actor=town.cashier)
    record = town.pay(database, clock, [Tender.card(400, "A1B2C3", "4242")], actor=town.cashier)
    receipt = read(database, receipt_document, record.payment_id)
    assert receipt.code == "2026-000002" and receipt.agent_name == "Sophie"
    assert receipt.cancelled_lines == (BookedLine(DEC_2, "Noah", WEDNESDAYS, "Mercredi journée", 1000),)
    assert [line.child for line in receipt.lines] == ["Léa", "Hugo"]
    assert (receipt.credit_used_cents, receipt.amount_cents, receipt.balance_after_cents) == (1000, 400, 0)
    [card] = receipt.tenders
    assert (card.card_last4, card.authorisation_number) == ("4242", "A1B2C3")
    text = pdf_text(ticket_80mm(receipt))
    for expected in ["Annulations (avoir porté au compte)", "Noah · Mercredi journée", "Avoir déduit −10,00 €",
                     "Total réglé 4,00 €", "**** **** **** 4242 · Autorisation : A1B2C3"]:
        assert expected in text
    first = read(database, receipt_document, record.payment_id - 1)  # reprinted later, as it was
    assert (first.code, first.balance_after_cents, first.lines[0].child) == ("2026-000001", 0, "Noah")


def test_the_ticket_of_vouchers_in_excess_shows_the_credit_left(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_9)
    record = town.pay(database, clock, [Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 2, 1000)],
                      accept_voucher_excess=True)
    receipt = read(database, receipt_document, record.payment_id)
    assert (receipt.amount_cents, receipt.credit_created_cents, receipt.balance_after_cents) == (2000, 600, -600)
    text = pdf_text(ticket_a4(receipt))
    for expected in ["2 titres × 10,00 €", "Excédent porté en avoir +6,00 €", "Avoir après règlement 6,00 €"]:
        assert expected in text


def test_the_ticket_of_an_online_payment_names_the_debt_and_the_authorisation(database, clock, town, payfip):
    gateway = SimulatedBank(payfip.url)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    with database.session_factory.begin() as session:
        started = start_online_payment(session, clock, gateway, family_id=town.family_id, actor=town.agent)
    clock.advance(timedelta(minutes=2))
    gateway.pay_by_card(started.idop, CARD_PAYS, 12, 2028, "123")
    with database.session_factory.begin() as session:
        status = check_online_payment(session, clock, gateway, online_payment_id=started.online_payment_id,
                                      actor=town.agent)
    receipt = read(database, receipt_document, status.receipt.payment_id)
    [online] = receipt.tenders
    assert receipt.online and online.refdet == started.refdet and len(online.authorisation_number) == 6
    text = pdf_text(ticket_80mm(receipt))
    for expected in ["Paiement en ligne (PayFiP) 10,00 €", f"Référence de la dette : {started.refdet}",
                     f"Autorisation : {online.authorisation_number}", "Canal Paiement en ligne"]:
        assert expected in text
    assert CARD_PAYS not in text and CARD_PAYS[-4:] not in text  # the card typed on the gateway never reaches the desk


def test_a_payment_without_ticket_is_refused(database, town):
    with pytest.raises(DeskError, match="n'a pas de ticket"):
        read(database, receipt_document, 999)


def reprint(database, clock, payment_id, actor):
    with database.session_factory.begin() as session:
        return reprint_receipt(session, clock, payment_id=payment_id, actor=actor)


def test_a_reprint_is_a_numbered_duplicate_recorded_with_who_and_when(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    record = town.pay(database, clock, [Tender.cash(1000)])
    original = read(database, receipt_document, record.payment_id)
    assert not original.is_duplicate and original.copy_number is None
    clock.advance(timedelta(days=5, hours=4, minutes=5))
    first = reprint(database, clock, record.payment_id, town.agent)
    clock.advance(timedelta(minutes=1))
    second = reprint(database, clock, record.payment_id, town.cashier)
    assert (first.copy_number, first.reprinted_at, second.copy_number) == (1, clock.now() - timedelta(minutes=1), 2)
    assert first.is_duplicate and dataclasses.replace(first, copy_number=None, reprinted_at=None) == original
    assert "DUPLICATA n° 2 — réimprimé le 01/12/2026 à 14:06" in pdf_text(ticket_a4(second))
    with database.read_session_factory() as session:
        prints = session.execute(select(ReceiptPrint.copy_number, ReceiptPrint.agent_id, ReceiptPrint.printed_at)
                                 .order_by(ReceiptPrint.id)).all()
        audit = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "reprint_receipt")
                                .order_by(AuditEntry.id)).all()
        assert verify_journal(session).ok  # a reprint adds a copy, never a payment
    assert prints == [(1, town.agent.agent_id, first.reprinted_at), (2, town.cashier.agent_id, second.reprinted_at)]
    assert audit == ["Ticket 2026-000001 réimprimé : duplicata n° 1", "Ticket 2026-000001 réimprimé : duplicata n° 2"]
    assert read(database, receipt_document, record.payment_id) == original  # the original stays what it was


def test_a_reprint_by_desk_admin_is_recorded_as_such(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    record = town.pay(database, clock, [Tender.cash(1000)])
    assert reprint(database, clock, record.payment_id, Actor(None, Role.ADMIN, "desk-admin")).copy_number == 1
    with database.read_session_factory() as session:
        assert session.scalar(select(ReceiptPrint.agent_id)) is None
        assert session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "reprint_receipt")) == (
            "Ticket 2026-000001 réimprimé par desk-admin : duplicata n° 1")


def test_a_payment_without_ticket_has_no_reprint(database, clock, town):
    with pytest.raises(DeskError, match="n'a pas de ticket"):
        reprint(database, clock, 999, town.agent)
    with database.read_session_factory() as session:
        assert session.scalar(select(ReceiptPrint.id)) is None


@on_postgres_only
def test_two_desks_reprinting_the_same_ticket_at_once_get_two_copy_numbers(database_url, database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    payment_id = town.pay(database, clock, [Tender.cash(1000)]).payment_id

    def again(session):
        return reprint_receipt(session, clock, payment_id=payment_id, actor=town.agent).copy_number

    second: list = []
    with database.session_factory.begin() as first:
        assert again(first) == 1
        other_desk = threading.Thread(target=lambda: second.extend(at_the_same_instant(database_url, [again])))
        other_desk.start()
        deadline = time.monotonic() + 20
        while not _someone_waits_on_a_lock(database):  # the other desk is at the receipt's lock: now commit
            assert time.monotonic() < deadline, "the second reprint never waited"
            time.sleep(0.02)
    other_desk.join(30)
    assert second == [2]


def _someone_waits_on_a_lock(database) -> bool:
    with database.read_engine.connect() as connection:
        return bool(connection.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar())


def test_the_recap_of_the_basket_before_payment(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    town.toggle(database, clock, "hugo", UnitKind.AFTERNOON, DEC_16)
    recap = read(database, recap_document, town.family_id, clock=clock)
    assert [(row.day, row.cost_cents) for row in recap.rows] == [(DEC_2, -1000), (DEC_9, 400), (DEC_16, 400)]
    assert recap.rows[0].element.endswith("(annulation)") and recap.rows[0].pricing == "avoir"
    assert (recap.balance_cents, recap.to_pay_cents, recap.printed_at) == (0, 0, clock.now())
    assert recap.hold_expires_at is not None
    text = pdf_text(recap_a4(recap))
    for expected in ["Léa - Pommiers mercredis 2026-2027 - Mercredi matin", "Hugo", "Mercredi après-midi",
                     "Total des éléments −2,00 €", "À payer 0,00 €", "2,00 € restent en avoir"]:
        assert expected in text


def test_the_journal_of_a_cash_desk_session(database, clock, town):
    cash_session_id = open_cash_desk(database, clock, town, float_cents=5000)
    clock.advance(timedelta(minutes=10))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    first = town.pay(database, clock, [Tender.cash(2000)])
    clock.advance(timedelta(minutes=10))
    town.toggle(database, clock, "hugo", UnitKind.FULL_DAY, DEC_9)
    town.pay(database, clock, [Tender.cheque(600, "7654321", "La Banque Postale", "Mme DURAND"), Tender.cash(400)])
    clock.advance(timedelta(minutes=10))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)  # the cancellation: a 10 € credit
    clock.advance(timedelta(hours=6))
    close_cash_desk(database, clock, town, cash_session_id, counted_cash_cents=6750, counted_cheques_cents=600)

    journal = read(database, cash_journal_document, cash_session_id, clock=clock)
    assert [p.receipt_code for p in journal.payments] == ["2026-000001", "2026-000002", "2026-000003"]
    assert [p.amount_cents for p in journal.payments] == [1400, 1000, 0]
    assert journal.payments[1].tenders[0].cheque_number == "7654321"
    assert [(t.label, t.count, t.amount_cents) for t in journal.totals_by_mode] == [("Espèces", 2, 1800),
                                                                                   ("Chèque", 1, 600)]
    assert (journal.cash_received_cents, journal.expected_cash_cents, journal.difference_cents) == (1800, 6800, -50)
    assert (journal.cheques_received_cents, journal.counted_cheques_cents) == (600, 600)
    [cancellation] = journal.cancellations
    assert cancellation.credit_cents == 1000 and cancellation.description.startswith("Noah · Mercredi journée du 02/12/2026")
    assert (journal.opened_by, journal.closed_by, journal.agents) == ("Sophie", "Sophie", ("Camille", "Sophie"))
    assert (journal.grand_total_in_cents, journal.grand_total_out_cents) == (2400, 1000)
    assert journal.last_journal_sequence == 6  # two closings (the fixture's session, then this one) and four entries
    with database.read_session_factory() as session:
        closing = session.scalars(select(JournalEntry).where(JournalEntry.kind == JournalKind.CLOSING,
                                                             JournalEntry.cash_session_id == cash_session_id)).one()
        assert (closing.sequence, closing.hash) == (6, journal.journal_head_hash)
        assert verify_journal(session, anchors=[Anchor.parse(journal.anchor)]).ok
    assert not journal.anchor_is_provisional and journal.anchor == f"6:{closing.hash[:16]}"
    text = pdf_text(cash_journal_a4(journal))
    for expected in ["Session n° 2 · Guichet", "Fond de caisse à l'ouverture 50,00 €", "2026-000001 DURAND (F-00001)",
                     "Chèque n° 7654321 : 6,00 €", "Total des règlements 24,00 €", "Total des avoirs accordés 10,00 €",
                     "Espèces attendues en caisse 68,00 €", "Espèces comptées 67,50 €", "Écart de caisse −0,50 €",
                     "Observation à la clôture : Caisse vérifiée à deux.", "L'agent Camille, Sophie"]:
        assert expected in text
    assert first.receipt_code in text


def test_an_open_session_counts_up_to_now(database, clock, town):
    cash_session_id = open_cash_desk(database, clock, town, float_cents=0)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2)
    town.pay(database, clock, [Tender.cash(500)])
    journal = read(database, cash_journal_document, cash_session_id, clock=clock)
    assert journal.closed_at is None and journal.difference_cents is None and journal.counted_cash_cents is None
    assert journal.expected_cash_cents == 400 and journal.printed_at == clock.now()
    text = pdf_text(cash_journal_a4(journal))
    assert "Session en cours, non clôturée" in text
    with database.read_session_factory() as session:
        head = session.scalars(select(JournalEntry).order_by(JournalEntry.sequence.desc()).limit(1)).one()
    assert journal.anchor_is_provisional and journal.anchor == f"{head.sequence}:{head.hash[:16]}"
    assert f"Empreinte du journal (provisoire) : écriture n° {head.sequence}" in text


def test_the_statement_of_the_family_account(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    clock.advance(timedelta(days=1))  # 27 November
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9, actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)  # 10 € credit, 4 € of it used
    clock.advance(timedelta(days=5))  # 2 December
    with database.session_factory.begin() as session:
        correct_account(session, clock, family_id=town.family_id, amount_cents=250, label="Régularisation de tarif",
                        actor=town.cashier)

    whole = read(database, statement_document, town.family_id, date(2026, 11, 1), date(2026, 12, 31), clock=clock)
    assert whole.opening_balance_cents == 0
    assert [(m.day, m.debit_cents, m.credit_cents) for m in whole.movements] == [
        (date(2026, 11, 26), 1000, 0), (date(2026, 11, 26), 0, 1000),  # Noah booked and paid
        (date(2026, 11, 27), 0, 1000),  # the cancellation's credit
        (date(2026, 11, 27), 400, 0), (date(2026, 11, 27), 0, 0),  # Léa booked, paid with the credit
        (date(2026, 12, 2), 250, 0),
    ]
    with database.read_session_factory() as session:
        assert whole.closing_balance_cents == family_balance(session, town.family_id) == -350
    december = read(database, statement_document, town.family_id, date(2026, 12, 1), date(2026, 12, 31), clock=clock)
    assert (december.opening_balance_cents, len(december.movements), december.closing_balance_cents) == (-600, 1, -350)

    text = pdf_text(statement_a4(whole))
    for expected in ["Relevé de compte", "Période du 01/11/2026 au 31/12/2026",
                     "Réservation Noah · Pommiers mercredis 2026-2027 · Mercredi journée du 02/12/2026 10,00 € 10,00 € dû",
                     "Règlement, ticket 2026-000001 · Espèces", "Avoir : annulation Noah",
                     "Régularisation de tarif 2,50 € 3,50 € avoir", "Avoir au 31/12/2026 3,50 €"]:
        assert expected in text
    assert "Règlement, ticket 2026-000002 · sans encaissement (avoir) 6,00 € avoir" in text


def test_a_statement_period_must_run_forward(database, clock, town):
    with pytest.raises(DeskError, match="à l'envers"):
        read(database, statement_document, town.family_id, date(2026, 12, 31), date(2026, 12, 1))


def test_documents_need_the_regie_identity(database, clock, town):
    with database.session_factory.begin() as session:
        session.execute(delete(RegieSettings))
    with pytest.raises(DeskError, match="identité de la régie"):
        read(database, recap_document, town.family_id, clock=clock)


def _paid_with_its_ticket(database, clock, town, tenders, actor=None, **options):
    """Pay, then make the ticket and the account in the payment's transaction, as the counter does (counting what
    that sends); then read them back alone, as a reprint and a reopened file do."""
    sent: list[str] = []

    def count(_connection, _cursor, statement, *_args):
        sent.append(statement)

    with database.session_factory.begin() as session:
        record = town.pay_in(session, clock, tenders, actor=actor, **options)
        event.listen(database.engine, "before_cursor_execute", count)
        try:
            at_payment = receipt_document(session, record.payment_id)
            account = family_account(session, town.family_id, balance_cents=at_payment.balance_after_cents)
        finally:
            event.remove(database.engine, "before_cursor_execute", count)
    return record, (at_payment, account), (read(database, receipt_document, record.payment_id),
                                           read(database, family_account, town.family_id)), sent


@pytest.mark.parametrize("shape", ["cash", "cancellation and credit", "balance due", "vouchers in excess", "two modes"])
def test_the_ticket_at_payment_is_the_one_a_reprint_reads_back(database, clock, town, shape):
    """The payment hands its ticket and the family's account what it wrote and read under its locks, without
    reading them back: they are the ticket and the account read later, to the field."""
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    actor, options, tenders = None, {}, [Tender.cash(2000)]
    if shape == "cancellation and credit":
        town.pay(database, clock, [Tender.cash(1000)])
        clock.advance(timedelta(minutes=5))
        town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
        town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DEC_9, actor=town.cashier)
        town.toggle(database, clock, "hugo", UnitKind.MORNING, DEC_9, actor=town.cashier)
        actor, tenders = town.cashier, [Tender.card(400, "A1B2C3", "4242")]
    elif shape == "balance due":
        town.pay(database, clock, [Tender.cash(1000)])
        with database.session_factory.begin() as session:
            correct_account(session, clock, family_id=town.family_id, amount_cents=250, label="Régularisation",
                            actor=town.cashier)
        town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
        tenders = [Tender.cash(650)]
    elif shape == "vouchers in excess":
        tenders, options = [Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 2, 1000)], {"accept_voucher_excess": True}
    elif shape == "two modes":
        tenders = [Tender.cash(500), Tender.card(500, "A1B2C3", "4242")]
    record, (ticket, account), (reprint, account_read), sent = _paid_with_its_ticket(
        database, clock, town, tenders, actor=actor, **options)
    assert sent == [], "the payment's own ticket and the family's payments are made from what it wrote and read"
    assert ticket == reprint
    assert ticket_80mm(ticket) == ticket_80mm(reprint)
    assert ticket.balance_after_cents == record.balance_after_cents == read(
        database, lambda s: family_balance(s, town.family_id))
    assert account == account_read
    assert account.payments[0].payment_id == record.payment_id
