"""The cash desk: only a régisseur opens and closes it; a day closes with its count and difference."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk.db.enums import AuditOutcome, JournalKind, PaymentMode, RefundMeans, UnitKind
from desk.db.models import AuditEntry, CashCountLine, CashSession, JournalEntry
from desk.errors import DeskError, ValidationError
from desk.services.access import PermissionDeniedError
from desk.services.cash_desk import close_cash_desk, open_cash_desk, open_session, session_figures
from desk.services.tenders import Tender
from desk.services.verification import verify_journal

DAYS = [date(2026, 12, d) for d in (2, 9, 16)]


def close(database, clock, actor, counts, cheques, comment=""):
    with database.session_factory.begin() as session:
        return close_cash_desk(session, clock, actor=actor, counts=counts, cheques_counted_cents=cheques, comment=comment)


def test_an_agent_can_neither_open_nor_close_even_calling_the_service(database, clock, town):
    with pytest.raises(PermissionDeniedError, match="Seul un régisseur peut clôturer"):
        close(database, clock, town.agent, {}, 0)
    with pytest.raises(PermissionDeniedError, match="Seul un régisseur peut ouvrir"), database.session_factory.begin() as s:
        open_cash_desk(s, clock, actor=town.agent, float_cents=0)


def test_a_refusal_is_written_to_the_audit_trail(database, clock, town):
    from desk.ui.context import DeskContext
    from desk.ui.dialogs import RecordingDialogService

    context = DeskContext.build(database, clock, RecordingDialogService(), signed_in=town.agent)
    with pytest.raises(PermissionDeniedError):
        context.services.work.write(lambda s: close_cash_desk(s, clock, actor=town.agent, counts={}, cheques_counted_cents=0))
    with database.read_session_factory() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.outcome == AuditOutcome.REFUSED)).one()
    assert (entry.action, entry.agent_id) == ("close_cash_desk", town.agent.agent_id)


def test_no_counter_payment_without_an_open_desk(database, clock, town):
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0])
    close(database, clock, town.cashier, {10_000: 1, 5_000: 1}, 0)  # the float, untouched
    with pytest.raises(DeskError, match="La caisse n'est pas ouverte"):
        town.pay(database, clock, [Tender.cash(1000)])
    with pytest.raises(DeskError, match="n'est pas ouverte"):
        close(database, clock, town.cashier, {}, 0)


def test_a_whole_day_at_the_desk(database, clock, town):
    with database.read_session_factory() as session:
        day = open_session(session).id
    # Payments in every counter mode, and a cancellation with its credit.
    payments = [
        ("noah", [Tender.cash(2000)]),
        ("lea", [Tender.cheque(1000, "1234567", "La Banque Postale", "DURAND")]),
        ("hugo", [Tender.card(1000, "A1B2C3", "4242")]),
    ]
    for child, tenders in payments:
        town.toggle(database, clock, child, UnitKind.FULL_DAY, DAYS[0])
        town.pay(database, clock, tenders)
        clock.advance(timedelta(minutes=7))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[1])
    town.pay(database, clock, [Tender.vouchers(PaymentMode.HOLIDAY_VOUCHER, 1, 1000)])
    town.toggle(database, clock, "lea", UnitKind.MORNING, DAYS[1])
    town.pay(database, clock, [Tender.vouchers(PaymentMode.CESU, 1, 400)])
    town.toggle(database, clock, "hugo", UnitKind.FULL_DAY, DAYS[0], actor=town.cashier)  # cancel a paid day
    town.pay(database, clock, [], actor=town.cashier)
    with database.read_session_factory() as session:
        figures = session_figures(session, day)
    assert figures.by_mode == {PaymentMode.CASH: 1000, PaymentMode.CHEQUE: 1000, PaymentMode.CARD: 1000,
                               PaymentMode.HOLIDAY_VOUCHER: 1000, PaymentMode.CESU: 400}
    assert figures.expected_cash_cents == 15_000 + 1000

    counts = {10_000: 1, 5_000: 1, 500: 1, 200: 2}  # 159,00 € counted for 160,00 € expected
    with pytest.raises(ValidationError, match="expliquez l'écart"):
        close(database, clock, town.cashier, counts, 1000)
    clock.advance(timedelta(hours=8))
    report = close(database, clock, town.cashier, counts, 1000, comment="Erreur de rendu sur un règlement.")
    assert (report.counted_cash_cents, report.difference_cents) == (15_900, -100)
    assert "écart de -1,00" in report.summary()
    with database.read_session_factory() as session:
        closed = session.get(CashSession, day)
        assert (closed.expected_cash_cents, closed.counted_cash_cents, closed.difference_cents) == (16_000, 15_900, -100)
        assert closed.closing_comment == "Erreur de rendu sur un règlement."
        lines = dict(session.execute(select(CashCountLine.denomination_cents, CashCountLine.count)
                                     .where(CashCountLine.cash_session_id == day)).all())
        assert lines == counts
        closing = session.scalars(select(JournalEntry).where(JournalEntry.kind == JournalKind.CLOSING)).one()
        assert '"difference":-100' in closing.payload
        assert verify_journal(session).ok

    # The closed session refuses anything more; the next day's session starts afresh.
    town.toggle(database, clock, "lea", UnitKind.FULL_DAY, DAYS[2])
    town.toggle(database, clock, "hugo", UnitKind.FULL_DAY, DAYS[2])  # 20 € less the 10 € credit
    with pytest.raises(DeskError, match="pas ouverte"):
        town.pay(database, clock, [Tender.cash(1000)])
    with database.session_factory.begin() as session:
        next_day = open_cash_desk(session, clock, actor=town.cashier, float_cents=16_000)
    record = town.pay(database, clock, [Tender.cash(1000)])
    with database.read_session_factory() as session:
        assert session_figures(session, day).by_mode[PaymentMode.CASH] == 1000  # unchanged
        assert session_figures(session, next_day.cash_session_id).payments == 1
    assert (record.amount_cents, record.credit_used_cents) == (1000, 1000)


def test_opening_twice_and_wrong_floats_are_refused(database, clock, town):
    with pytest.raises(DeskError, match="déjà ouverte"), database.session_factory.begin() as session:
        open_cash_desk(session, clock, actor=town.cashier, float_cents=100)
    with database.read_session_factory() as session:
        assert session.scalar(select(CashSession.id).where(CashSession.closed_at.is_(None))) is not None
    with pytest.raises(ValidationError, match="Coupure inconnue"):
        close(database, clock, town.cashier, {300: 1}, 0)


def test_a_regisseur_refunds_a_credit_and_the_journal_says_so(database, clock, town):
    from desk.services.lifecycle.credits import refund_credit
    from desk.services.pricing import family_balance

    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0])
    town.pay(database, clock, [Tender.cash(1000)])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0], actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)  # a 10 € credit
    with pytest.raises(PermissionDeniedError), database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=500, actor=town.agent, means=RefundMeans.CASH)
    with pytest.raises(DeskError, match="n'a que 10,00"), database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=1500, actor=town.cashier, means=RefundMeans.CASH)
    with database.session_factory.begin() as session:
        left = refund_credit(session, clock, family_id=town.family_id, amount_cents=600, actor=town.cashier,
                             means=RefundMeans.TRANSFER)
    assert left == 400
    with database.read_session_factory() as session:
        assert family_balance(session, town.family_id) == -400
        refund = session.scalars(select(JournalEntry).where(JournalEntry.kind == JournalKind.REFUND)).one()
        assert refund.amount_cents == -600 and verify_journal(session).ok


def test_a_cash_refund_comes_out_of_the_till_and_the_closing_expects_less(database, clock, town):
    from desk.services.lifecycle.credits import refund_credit

    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0])
    town.pay(database, clock, [Tender.cash(1000)])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0], actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)  # a 10 € credit
    with database.session_factory.begin() as session:
        till = open_session(session).id
        refund_credit(session, clock, family_id=town.family_id, amount_cents=400, actor=town.cashier,
                      means=RefundMeans.CASH)
    with database.read_session_factory() as session:
        figures = session_figures(session, till)
    assert (figures.cash_cents, figures.cash_refunds_cents) == (1000, 400)
    assert figures.expected_cash_cents == 15_000 + 1000 - 400
    report = close(database, clock, town.cashier, {10_000: 1, 5_000: 1, 200: 3}, 0)  # 156 € in the till: no difference
    assert report.difference_cents == 0
    with pytest.raises(DeskError, match="La caisse est fermée"), database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=100, actor=town.cashier,
                      means=RefundMeans.CASH)
    with database.session_factory.begin() as session:  # by transfer, the till is not involved
        assert refund_credit(session, clock, family_id=town.family_id, amount_cents=100, actor=town.cashier,
                             means=RefundMeans.TRANSFER) == 500
    with database.read_session_factory() as session:
        assert verify_journal(session).ok


def test_a_regisseur_overrides_the_deadline_with_a_reason(database, clock, town):
    from desk.services.lifecycle.baskets import BookingRefusedError, toggle_booking

    clock.set(clock.now().replace(day=30, hour=15))  # Monday 30 at 15:00: Wednesday 2 is closed to bookings
    open_day = town.open_day(database, UnitKind.FULL_DAY, DAYS[0])

    def toggle(actor, reason=None):
        with database.session_factory.begin() as session:
            return toggle_booking(session, clock, family_id=town.family_id, child_id=town.noah, open_day_id=open_day,
                                  actor=actor, override_reason=reason)

    with pytest.raises(BookingRefusedError, match="closes depuis"):
        toggle(town.cashier)
    with pytest.raises(PermissionDeniedError, match="passer outre"):
        toggle(town.agent, "urgence familiale")
    with pytest.raises(ValidationError, match="raison"):
        toggle(town.cashier, "  ")
    assert toggle(town.cashier, "Hospitalisation du parent").outcome.value == "added"
    with database.read_session_factory() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "override_deadline")).one()
    assert entry.detail == "Hospitalisation du parent" and entry.agent_id == town.cashier.agent_id


def test_the_audit_trail_tells_the_day(database, clock, town):
    from desk.services.audit import audit_trail

    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0])
    town.pay(database, clock, [Tender.cash(1000)])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DAYS[0], actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)
    close(database, clock, town.cashier, {10_000: 1, 5_000: 1, 1_000: 1}, 0)
    with database.read_session_factory() as session:
        actions = [line.action for line in reversed(audit_trail(session))]
        refused = audit_trail(session, outcome=AuditOutcome.REFUSED)
        found = audit_trail(session, contains="ticket 2026-000001")
    assert actions == ["open_cash_desk", "payment", "cancel_paid_booking", "payment", "close_cash_desk"]
    assert refused == [] and len(found) == 1
