"""The régie towards the comptable: its act, cheque remittances, electronic takings, versements, the month's
justification — on SQLite and PostgreSQL, with the database's own guards and the journal's verification."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from desk.clock import PARIS, FrozenClock
from desk.db.enums import PaymentMode, Role, UnitKind
from desk.db.models import ChequeRemittance, PaymentLine, RemittedCheque, Versement
from desk.errors import DeskError
from desk.services.access import Actor, PermissionDeniedError
from desk.services.cash_desk import close_cash_desk, open_cash_desk, open_session, session_figures
from desk.services.lifecycle.online import start_online_payment
from desk.services.lifecycle.payments import PaymentRefusedError
from desk.services.regie_books import (
    RegieActDraft,
    electronic_takings,
    held_cheques,
    make_remittance,
    month_justification,
    next_working_day,
    record_versement,
    regie_act,
    regie_balances,
    remittance_document,
    update_regie_act,
    versement_document,
    versement_preview,
)
from desk.services.tenders import MODE_LABELS, Tender
from desk.services.validation import ValidationError
from desk.services.verification import verify_journal
from tests.conftest import behind_the_applications_back
from tests.payfip import SimulatedBank
from tests.services.conftest import at_the_same_instant

THU_26, FRI_27, MON_30 = date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 30)
PRICE = 1000  # a Wednesday journée at the DURANDs' quotient
WEDNESDAYS = (date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16))


def _pay(database, clock, town, day: date, tenders) -> None:
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, day)
    town.pay(database, clock, tenders)


def _a_day_of_takings(database, clock, town) -> None:
    """Thursday 26: three Wednesdays paid, by cheque, in cash, by card (10 € each)."""
    _pay(database, clock, town, WEDNESDAYS[0], [Tender.cheque(PRICE, "1234567", "Banque Postale", "Julie DURAND")])
    _pay(database, clock, town, WEDNESDAYS[1], [Tender.cash(2000)])
    _pay(database, clock, town, WEDNESDAYS[2], [Tender.card(PRICE, "A1B2C3", "4242")])


def _close_the_day(database, clock, town) -> None:
    with database.session_factory.begin() as session:
        figures = session_figures(session, open_session(session).id)
        close_cash_desk(session, clock, actor=town.cashier, counts={2000: figures.expected_cash_cents // 2000} | (
            {figures.expected_cash_cents % 2000: 1} if figures.expected_cash_cents % 2000 else {}),
            cheques_counted_cents=figures.cheques_cents, comment="")


def _write(database, action):
    with database.session_factory.begin() as session:
        return action(session)


def _read(database, query):
    with database.read_session_factory() as session:
        return query(session)


def test_cheques_are_held_until_remitted_and_flagged_after_the_next_working_day(database, clock, town):
    _a_day_of_takings(database, clock, town)
    held = _read(database, lambda s: held_cheques(s, THU_26))
    assert [(c.cheque.number, c.cheque.amount_cents, c.cheque.late) for c in held] == [("1234567", PRICE, False)]
    assert next_working_day(THU_26) == FRI_27 and next_working_day(FRI_27) == MON_30
    assert not _read(database, lambda s: held_cheques(s, FRI_27))[0].cheque.late
    assert _read(database, lambda s: held_cheques(s, MON_30))[0].cheque.late
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)  # Christmas, then the weekend


def test_a_remittance_takes_the_held_cheques_once_with_a_slip_and_a_journal_entry(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _pay(database, clock, town, date(2027, 1, 6), [Tender.cheque(PRICE, "7654321", "Crédit Agricole", "J. DURAND")])
    remittance_id = _write(database, lambda s: make_remittance(s, clock, town.cashier))
    slip = _read(database, lambda s: remittance_document(s, remittance_id))
    assert slip.number == "R2026-0001" and slip.count == 2 and slip.total_cents == 2 * PRICE
    assert [c.number for c in slip.cheques] == ["1234567", "7654321"] and slip.made_by == "Sophie"
    assert len(slip.journal_hash) == 64
    assert _read(database, lambda s: held_cheques(s, THU_26)) == []
    with pytest.raises(DeskError, match="Aucun chèque"):
        _write(database, lambda s: make_remittance(s, clock, town.cashier))
    assert _read(database, lambda s: verify_journal(s)).ok


def test_a_remittance_of_chosen_cheques_refuses_what_is_not_a_held_cheque(database, clock, town):
    _a_day_of_takings(database, clock, town)
    card_line = _read(database, lambda s: s.scalar(select(PaymentLine.id).where(PaymentLine.mode == PaymentMode.CARD)))
    with pytest.raises(DeskError, match="n'est plus à remettre"):
        _write(database, lambda s: make_remittance(s, clock, town.cashier, [card_line]))
    cheque_line = _read(database, lambda s: held_cheques(s, THU_26))[0].payment_line_id
    _write(database, lambda s: make_remittance(s, clock, town.cashier, [cheque_line, cheque_line]))
    with pytest.raises(DeskError, match="n'est plus à remettre"):
        _write(database, lambda s: make_remittance(s, clock, town.cashier, [cheque_line]))


def test_only_a_regisseur_remits_or_pays_over(database, clock, town):
    _a_day_of_takings(database, clock, town)
    with pytest.raises(PermissionDeniedError):
        _write(database, lambda s: make_remittance(s, clock, town.agent))
    with pytest.raises(PermissionDeniedError):
        _write(database, lambda s: record_versement(s, clock, town.agent, THU_26, THU_26))


def test_two_regisseurs_remitting_at_once_remit_each_cheque_once(database_url, database, clock, town):
    _a_day_of_takings(database, clock, town)
    outcomes = at_the_same_instant(database_url, [lambda s: make_remittance(s, clock, town.cashier)] * 2)
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["DeskError", "int"]
    assert _read(database, lambda s: s.scalar(select(func.count()).select_from(RemittedCheque))) == 1


def test_the_card_and_online_takings_come_per_day_with_their_references(database, clock, town):
    _a_day_of_takings(database, clock, town)
    days = _read(database, lambda s: electronic_takings(s, THU_26, THU_26))
    assert [(d.day, d.mode_label, d.count, d.total_cents) for d in days] == [(THU_26, MODE_LABELS[PaymentMode.CARD], 1, PRICE)]
    assert days[0].takings[0].reference == "A1B2C3" and days[0].takings[0].receipt_code == "2026-000003"


def test_a_versement_needs_the_cheques_remitted_the_desk_closed_and_the_days_over(database, clock, town):
    _a_day_of_takings(database, clock, town)
    with pytest.raises(DeskError) as refused:
        _write(database, lambda s: record_versement(s, clock, town.cashier, THU_26, THU_26))
    said = f"{refused.value.message} {refused.value.hint}"
    assert "journées terminées" in said and "pas clôturée" in said and "pas remis" in said
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    _close_the_day(database, clock, town)
    friday = FrozenClock(datetime(2026, 11, 27, 9, 0, tzinfo=PARIS))
    preview = _read(database, lambda s: versement_preview(s, friday, THU_26, THU_26))
    assert not preview.recorded and preview.total_cents == preview.journal_total_cents == 3 * PRICE
    versement_id = _write(database, lambda s: record_versement(s, friday, town.cashier, THU_26, THU_26))
    paid_over = _read(database, lambda s: versement_document(s, versement_id))
    assert paid_over.number == "V2026-0001" and paid_over.total_cents == paid_over.journal_total_cents == 3 * PRICE
    assert [(m.count, m.amount_cents) for m in paid_over.modes] == [(1, PRICE)] * 3
    assert "R2026-0001" in paid_over.modes[1].label and paid_over.remittances == ("R2026-0001",)
    assert (paid_over.receipts.first, paid_over.receipts.last, paid_over.receipts.count) == (
        "2026-000001", "2026-000003", 3)
    with pytest.raises(DeskError, match="déjà versées"):
        _write(database, lambda s: record_versement(s, friday, town.cashier, THU_26, THU_26))
    assert _read(database, lambda s: verify_journal(s)).ok


def test_the_balances_warn_of_cash_over_the_maximum_and_late_cheques(database, clock, town):
    admin = _an_admin(database, clock)
    _write(database, lambda s: update_regie_act(s, clock, admin, RegieActDraft(
        "Arrêté n° 2026-114", date(2026, 1, 15), tuple(PaymentMode), 1500, 15_000, town.cashier.agent_id)))
    _a_day_of_takings(database, clock, town)
    _pay(database, clock, town, date(2027, 1, 6), [Tender.cash(PRICE)])
    balances = _read(database, lambda s: regie_balances(s, MON_30))
    assert balances.to_pay_over_cents == 4 * PRICE and balances.cash_held_cents == 2 * PRICE and balances.float_cents == 15_000
    assert balances.cash_over_maximum and balances.late_cheques == 1
    assert len(balances.warnings()) == 2


def test_the_months_justification_adds_up_per_activity_and_per_mode(database, clock, town):
    _a_day_of_takings(database, clock, town)
    justification = _read(database, lambda s: month_justification(s, clock, date(2026, 11, 1)))
    assert justification.month == date(2026, 11, 1)
    assert justification.total_cents == sum(m.amount_cents for m in justification.by_mode) == 3 * PRICE
    assert justification.journal_total_cents == 3 * PRICE
    assert [(a.count, a.amount_cents) for a in justification.by_activity] == [(3, 3 * PRICE)]
    assert justification.receipts.text() == "tickets 2026-000001 à 2026-000003 (3)"
    december = _read(database, lambda s: month_justification(s, clock, date(2026, 12, 1)))
    assert december.total_cents == 0 and december.receipts.count == 0


def test_the_act_is_kept_by_an_administrator_with_active_regisseurs_as_officers(database, clock, town):
    admin = _an_admin(database, clock)
    draft = RegieActDraft("Arrêté n° 2026-114", date(2026, 1, 15), (PaymentMode.CASH, PaymentMode.CHEQUE), 300_000,
                          15_000, town.cashier.agent_id, (admin.agent_id,))
    with pytest.raises(PermissionDeniedError):
        _write(database, lambda s: update_regie_act(s, clock, town.cashier, draft))
    act = _write(database, lambda s: update_regie_act(s, clock, admin, draft))
    assert act.titulaire == (town.cashier.agent_id, "Sophie") and [n for _i, n in act.mandataires] == ["Admin"]
    assert PaymentMode.CARD not in act.authorised_modes and PaymentMode.CASH in act.authorised_modes
    with pytest.raises(ValidationError, match="seul un régisseur"):
        _write(database, lambda s: update_regie_act(s, clock, admin, replace(draft, titulaire=town.agent.agent_id)))
    with pytest.raises(ValidationError, match="au moins un mode"):
        _write(database, lambda s: update_regie_act(s, clock, admin, RegieActDraft("A", None, (), 0, 0, None)))
    assert _read(database, regie_act).authorised_modes == (PaymentMode.CASH, PaymentMode.CHEQUE)


def test_remittances_and_versements_are_append_only_and_cannot_overlap(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    _close_the_day(database, clock, town)
    friday = FrozenClock(datetime(2026, 11, 27, 9, 0, tzinfo=PARIS))
    _write(database, lambda s: record_versement(s, friday, town.cashier, THU_26, THU_26))
    for statement in ("UPDATE cheque_remittance SET total_cents = 1", "DELETE FROM remitted_cheque",
                      "UPDATE versement SET cash_cents = 0, total_cents = total_cents - 1000"):
        with pytest.raises((IntegrityError, DBAPIError)), database.engine.begin() as connection:
            connection.execute(text(statement))
    overlapping = {column: 0 for column in ("cash_cents", "cheques_cents", "card_cents", "online_cents",
                                            "vouchers_cents", "cash_refunded_cents", "total_cents", "receipt_count")}
    with pytest.raises((IntegrityError, DBAPIError), match="déjà versée"), database.engine.begin() as connection:
        connection.execute(Versement.__table__.insert().values(
            year=2026, number=2, first_day=date(2026, 11, 20), last_day=date(2026, 11, 30),
            made_at=friday.now(), agent_id=town.cashier.agent_id, **overlapping))


def test_the_verification_sees_a_remittance_or_versement_altered_behind_the_desks_back(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    _close_the_day(database, clock, town)
    friday = FrozenClock(datetime(2026, 11, 27, 9, 0, tzinfo=PARIS))
    _write(database, lambda s: record_versement(s, friday, town.cashier, THU_26, THU_26))
    with behind_the_applications_back(database) as connection:
        connection.execute(text("UPDATE versement SET cash_cents = cash_cents - 1000, total_cents = total_cents - 1000"))
        connection.execute(text("DELETE FROM remitted_cheque"))
    found = _read(database, lambda s: verify_journal(s))
    assert not found.ok
    text_found = " ".join(found.findings)
    assert "le versement V2026-0001" in text_found and "le bordereau R2026-0001" in text_found
    assert "ne correspond plus aux règlements" in text_found


def test_a_versement_is_not_printed_again_with_figures_other_than_those_paid_over(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    _close_the_day(database, clock, town)
    friday = FrozenClock(datetime(2026, 11, 27, 9, 0, tzinfo=PARIS))
    versement_id = _write(database, lambda s: record_versement(s, friday, town.cashier, THU_26, THU_26))
    assert _read(database, lambda s: versement_document(s, versement_id)).total_cents == 3 * PRICE
    with behind_the_applications_back(database) as connection:  # a card payment of the day made smaller
        connection.execute(text("UPDATE payment_line SET amount_cents = amount_cents - 100 WHERE mode = 'card'"))
    with pytest.raises(DeskError, match=r"V2026-0001 .* ne correspond plus aux règlements .*\(cartes, total\) : il "
                                        "n'est pas réimprimé") as refused:
        _read(database, lambda s: versement_document(s, versement_id))
    assert "Vérifiez le journal des règlements" in refused.value.hint
    assert any("le versement V2026-0001" in finding for finding in _read(database, verify_journal).findings)


def test_a_remittance_removed_with_its_cheques_is_missed_by_the_verification(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    with behind_the_applications_back(database) as connection:
        connection.execute(text("DELETE FROM remitted_cheque"))
        connection.execute(text("DELETE FROM cheque_remittance"))
    found = _read(database, lambda s: verify_journal(s))
    assert any("a disparu de la base" in finding for finding in found.findings)
    assert _read(database, lambda s: s.scalar(select(func.count()).select_from(ChequeRemittance))) == 0


def _an_admin(database, clock) -> Actor:
    from desk.services.agents import create_agent

    agent = _write(database, lambda s: create_agent(s, clock, login="admin", display_name="Admin", password="admin",
                                                    role=Role.ADMIN))
    return Actor(agent.id, Role.ADMIN, "Admin")


def test_a_period_is_paid_over_whole_from_where_the_last_one_ended(database, clock, town):
    _a_day_of_takings(database, clock, town)
    _write(database, lambda s: make_remittance(s, clock, town.cashier))
    _close_the_day(database, clock, town)
    monday = FrozenClock(datetime(2026, 11, 30, 9, 0, tzinfo=PARIS))
    with pytest.raises(DeskError, match="doit commencer le 26/11/2026"):
        _write(database, lambda s: record_versement(s, monday, town.cashier, FRI_27, FRI_27))
    _write(database, lambda s: record_versement(s, monday, town.cashier, THU_26, FRI_27))
    with pytest.raises(DeskError, match="Aucun règlement"):
        _write(database, lambda s: record_versement(s, monday, town.cashier, date(2026, 11, 28), date(2026, 11, 29)))
    with database.session_factory.begin() as session:
        open_cash_desk(session, monday, actor=town.cashier, float_cents=15_000)
    assert _read(database, lambda s: s.scalar(select(func.max(Versement.last_day)))) == FRI_27


def test_a_mode_the_act_does_not_authorise_is_refused_at_the_counter_and_online(database, clock, town, payfip):
    admin = _an_admin(database, clock)
    draft = RegieActDraft("Arrêté n° 2026-114", date(2026, 1, 15), (PaymentMode.CASH, PaymentMode.CHEQUE), 300_000,
                          15_000, town.cashier.agent_id)
    _write(database, lambda s: update_regie_act(s, clock, admin, draft))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAYS[0])
    with pytest.raises(PaymentRefusedError, match=r"n'autorise pas ce mode de règlement \(Carte bancaire"):
        town.pay(database, clock, [Tender.cash(500), Tender.card(PRICE - 500, "A1B2C3", "4242")])
    gateway = SimulatedBank(payfip.url)
    with pytest.raises(PaymentRefusedError, match=r"Paiement en ligne \(PayFiP\)"):
        _write(database, lambda s: start_online_payment(s, clock, gateway, family_id=town.family_id, actor=town.agent))
    assert _read(database, lambda s: s.scalar(select(func.count()).select_from(PaymentLine))) == 0
    assert town.pay(database, clock, [Tender.cash(PRICE)]).amount_cents == PRICE  # the basket is still there


def test_the_act_and_the_titulaire_are_printed_on_the_ticket_and_the_regie_documents(database, clock, town):
    from desk.services.documents import receipt_document
    from reports.ticket import ticket_80mm
    from tests.reports.conftest import pdf_text

    admin = _an_admin(database, clock)
    draft = RegieActDraft("Arrêté n° 2026-114", date(2026, 1, 15), (PaymentMode.CASH, PaymentMode.CHEQUE), 300_000,
                          15_000, town.cashier.agent_id, (admin.agent_id,))
    _write(database, lambda s: update_regie_act(s, clock, admin, draft))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, WEDNESDAYS[0])
    record = town.pay(database, clock, [Tender.cheque(PRICE, "1234567", "Banque Postale", "Julie DURAND")])
    line = "Acte constitutif : Arrêté n° 2026-114 du 15/01/2026 · Régisseur titulaire : Sophie"
    receipt = _read(database, lambda s: receipt_document(s, record.payment_id))
    assert receipt.regie.act == line
    assert "Arrêté n° 2026-114 du 15/01/2026" in pdf_text(ticket_80mm(receipt))
    remittance_id = _write(database, lambda s: make_remittance(s, clock, town.cashier))
    slip = _read(database, lambda s: remittance_document(s, remittance_id))
    assert slip.regie.act == line and slip.act.mandataires == ("Admin",)
