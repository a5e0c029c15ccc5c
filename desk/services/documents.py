"""The data of the printed documents, read from the database (no Qt, no PDF here).

Each function returns the plain data of ``reports.data`` that the matching
module of ``reports`` renders: the ticket of a payment (and its reprints,
each recorded as a numbered *DUPLICATA*), the recap of a family's basket, the
journal of a cash-desk session with the chain head it anchors, the statement
of a family's account over a period.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desk.clock import PARIS, Clock, SystemClock
from desk.db.enums import CashSessionKind, JournalKind, LedgerKind, OfficerKind, PaymentChannel, PaymentMode
from desk.db.models import (
    Activity,
    Agent,
    Booking,
    CashSession,
    Child,
    Family,
    Guardian,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentLine,
    Receipt,
    ReceiptPrint,
    RegieOfficer,
    RegieSettings,
    Unit,
)
from desk.errors import DeskError
from desk.services.access import Actor
from desk.services.audit import record
from desk.services.cash_desk import cash_refunds_of
from desk.services.lifecycle import locks
from desk.services.lifecycle.baskets import basket_view
from desk.services.numbering import receipt_code
from desk.services.tenders import MODE_LABELS
from reports import data

DESK_LABELS = {CashSessionKind.COUNTER: "Guichet", CashSessionKind.ONLINE: "Paiements en ligne"}

# Ledger movements a statement shows as such; the others (the part of a
# payment that settled a balance, a credit deducted, the excess of a payment
# kept as credit) are already told by the payment and its bookings.
_IMPLIED_BY_PAYMENTS = (LedgerKind.PAYMENT, LedgerKind.CREDIT_USE)


# -- shared --------------------------------------------------------------------


def regie_identity(session: Session) -> data.RegieIdentity:
    """The régie printed on every document: the settings row, with its act and régisseur titulaire."""
    row = session.execute(select(*regie_columns()).where(RegieSettings.id == 1)).one_or_none()
    regie = None if row is None else regie_of(row)
    if regie is None:
        raise regie_missing()
    return regie


def regie_missing() -> DeskError:
    """No document (a ticket, a recap, a journal) without the régie's identity."""
    return DeskError("L'identité de la régie n'est pas renseignée : le document ne peut pas être établi.",
                     "Un administrateur doit renseigner la régie (commune, nom, adresse).")


# never correlated with an agent of the outer statement; built once (an alias costs its columns' collection)
_OFFICER, _OFFICER_AGENT = aliased(RegieOfficer, name="titulaire"), aliased(Agent, name="titulaire_agent")


def regie_columns() -> tuple:
    """The columns of ``regie_settings`` (and its titulaire's name) that ``regie_of`` makes the printed régie of."""
    officer, agent = _OFFICER, _OFFICER_AGENT
    titulaire = (select(agent.display_name).join(officer, officer.agent_id == agent.id)
                 .where(officer.kind == OfficerKind.TITULAIRE).scalar_subquery())
    return (RegieSettings.town, RegieSettings.regie_name, RegieSettings.address.label("regie_address"),
            RegieSettings.act_reference, RegieSettings.act_date, titulaire.label("titulaire_name"))


def regie_of(row) -> data.RegieIdentity | None:
    """The printed régie from a row with ``regie_columns``; None when the régie is not set up."""
    if row.town is None:
        return None
    return data.RegieIdentity(row.town, row.regie_name, row.regie_address,
                              act_line(row.act_reference, row.act_date, row.titulaire_name))


def act_line(reference: str, act_date: date | None, titulaire: str | None) -> str:
    """"Acte constitutif : Arrêté n° 2026-114 du 15/01/2026 · Régisseur titulaire : Sophie"; what is known of it."""
    parts = []
    if reference:
        parts.append(f"Acte constitutif : {reference}" + (f" du {act_date:%d/%m/%Y}" if act_date else ""))
    if titulaire:
        parts.append(f"Régisseur titulaire : {titulaire}")
    return " · ".join(parts)


def family_identity(session: Session, family_id: int) -> data.FamilyIdentity:
    """The family's name and dossier, and the address lines of its primary guardian."""
    family = session.get(Family, family_id)
    if family is None:
        raise DeskError("Ce dossier famille n'existe pas.", "Recherchez à nouveau la famille.")
    guardian = session.scalar(
        select(Guardian).where(Guardian.family_id == family_id)
        .order_by(Guardian.is_primary.desc(), Guardian.id).limit(1)
    )
    lines = [f"{guardian.first_name} {guardian.last_name}"] if guardian else []
    lines += [line for line in (family.address_line, " ".join(filter(None, (family.postal_code, family.city)))) if line]
    return data.FamilyIdentity(family.name, family.dossier_number, tuple(lines))


def tendered(line: PaymentLine) -> data.Tendered:
    """A recorded mode of payment as documents print it (card data is already only the last four digits)."""
    return data.Tendered(
        label=MODE_LABELS[line.mode], amount_cents=line.amount_cents, tendered_cents=line.tendered_cents,
        change_cents=line.change_cents, cheque_number=line.cheque_number, cheque_bank=line.cheque_bank,
        authorisation_number=line.authorisation_number, card_last4=line.card_last4,
        voucher_count=line.voucher_count, voucher_value_cents=line.voucher_value_cents, refdet=line.refdet,
        cash=line.mode is PaymentMode.CASH,
    )


def _agent_name(session: Session, agent_id: int | None) -> str:
    if agent_id is None:
        return "—"
    return session.scalar(select(Agent.display_name).where(Agent.id == agent_id)) or "—"


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


# -- ticket de règlement ---------------------------------------------------------


@dataclass(frozen=True)
class TicketFacts:
    """What a ticket prints, as plain data: read back from the database (``receipt_document``), or handed
    over by the payment that has just written it (``keep_ticket_facts``). ``ticket`` makes the document of
    either, so the ticket printed at payment and every reprint are one and the same.

    ``booked`` and ``cancelled`` rows: (day, child's symbol index, unit position, booking id, child's first
    name, activity, unit, price), in any order. ``ledger``: the payment's own account movements, by kind.
    """

    payment_id: int
    family_id: int
    year: int
    number: int
    issued_at: datetime
    agent_name: str
    amount_cents: int
    journal_hash: str
    online: bool
    booked: tuple[tuple, ...]
    cancelled: tuple[tuple, ...]
    tenders: tuple[data.Tendered, ...]
    ledger: tuple[tuple[LedgerKind, int], ...]
    balance_after_cents: int
    regie: data.RegieIdentity | None = None  # None: read with the family when the ticket is made
    family: data.FamilyIdentity | None = None


_KEPT = "desk_ticket_facts"


def keep_ticket_facts(session: Session, facts: TicketFacts) -> None:
    """The facts of a ticket this transaction has just written: ``receipt_document`` uses them, not a re-read."""
    session.info[_KEPT] = (session.get_transaction(), facts)


def _kept_facts(session: Session, payment_id: int) -> TicketFacts | None:
    kept_in, facts = session.info.get(_KEPT, (None, None))
    if kept_in is None or kept_in is not session.get_transaction() or facts.payment_id != payment_id:
        return None
    return facts


def receipt_document(session: Session, payment_id: int) -> data.Receipt:
    """The ticket of a recorded payment, as printed at the time or reprinted later.

    Four statements (five when it carried cancellations): the payment with its
    receipt, journal entry, agent, family, primary guardian and régie; its
    modes; its booked lines; the family's ledger up to it. None in the
    transaction that recorded the payment: it kept what it wrote (``keep_ticket_facts``).
    """
    facts = _kept_facts(session, payment_id) or _read_ticket_facts(session, payment_id)
    if facts.regie is None or facts.family is None:
        regie, family = _identities(session, facts.family_id)
        facts = replace(facts, regie=regie, family=family)
    return ticket(facts)


def ticket(facts: TicketFacts) -> data.Receipt:
    """The one way a ticket is made, from its facts."""
    assert facts.regie is not None and facts.family is not None
    moves: defaultdict[LedgerKind, int] = defaultdict(int)
    for kind, amount in facts.ledger:
        moves[kind] += amount
    return data.Receipt(
        regie=facts.regie,
        code=receipt_code(facts.year, facts.number),
        issued_at=facts.issued_at,
        agent_name=facts.agent_name or "—",
        family=facts.family,
        lines=_in_ticket_order(facts.booked),
        tenders=facts.tenders,
        amount_cents=facts.amount_cents,
        journal_hash=facts.journal_hash,
        cancelled_lines=_in_ticket_order(facts.cancelled),
        credit_used_cents=moves[LedgerKind.CREDIT_USE],
        balance_settled_cents=-moves[LedgerKind.PAYMENT],
        credit_created_cents=-moves[LedgerKind.CREDIT],
        balance_after_cents=facts.balance_after_cents,
        online=facts.online,
    )


def _in_ticket_order(rows: Iterable[tuple]) -> tuple[data.BookedLine, ...]:
    """By day, child, unit, booking; as the recap and the planning list them."""
    return tuple(data.BookedLine(day, child, activity, unit, price)
                 for day, _symbol, _position, _id, child, activity, unit, price in sorted(rows, key=lambda r: r[:4]))


def booked_row(booking: Booking) -> tuple:
    """A booking as ``TicketFacts`` lists it (its child, open day, unit and activity loaded)."""
    unit = booking.open_day.unit
    return (booking.open_day.day, booking.child.symbol_index, unit.position, booking.id, booking.child.first_name,
            unit.activity.name, unit.name, booking.price_cents)


def _booked_rows(session: Session, *conditions) -> tuple[tuple, ...]:
    rows = session.execute(
        select(OpenDay.day, Child.symbol_index, Unit.position, Booking.id, Child.first_name, Activity.name, Unit.name,
               Booking.price_cents)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .join(Unit, OpenDay.unit_id == Unit.id)
        .join(Activity, Unit.activity_id == Activity.id)
        .join(Child, Booking.child_id == Child.id)
        .where(*conditions)
    ).all()
    return tuple(tuple(row) for row in rows)


def _read_ticket_facts(session: Session, payment_id: int) -> TicketFacts:
    head = _receipt_head(session, payment_id)
    cancelled_ids = json.loads(head.payload).get("cancelled", [])
    lines = session.scalars(select(PaymentLine).where(PaymentLine.payment_id == payment_id).order_by(PaymentLine.id))
    tenders = tuple(tendered(line) for line in lines)
    moves, balance_after = _ledger_at_payment(session, head, cancelled_ids)
    guardian = [f"{head.guardian_first_name} {head.guardian_last_name}"] if head.guardian_first_name else []
    address = [line for line in (head.address_line, " ".join(filter(None, (head.postal_code, head.city)))) if line]
    return TicketFacts(
        payment_id=payment_id, family_id=head.family_id, year=head.year, number=head.number, issued_at=head.issued_at,
        agent_name=head.agent_name or "—", amount_cents=head.amount_cents, journal_hash=head.hash,
        online=head.channel is PaymentChannel.ONLINE,
        booked=_booked_rows(session, Booking.payment_id == payment_id),
        cancelled=_booked_rows(session, Booking.id.in_(cancelled_ids)) if cancelled_ids else (),
        tenders=tenders, ledger=tuple(moves.items()), balance_after_cents=balance_after,
        regie=regie_of(head),
        family=data.FamilyIdentity(head.family_name, head.dossier_number, tuple(guardian + address)),
    )


def _primary_guardian():
    return (select(Guardian.id).where(Guardian.family_id == Family.id)
            .order_by(Guardian.is_primary.desc(), Guardian.id).limit(1).correlate(Family).scalar_subquery())


def identity_columns():
    """The columns of the régie and the family (with its primary guardian) a ticket prints, for a statement that
    selects from ``family`` and joins ``identity_joins`` (``identities_of`` makes them up)."""
    return (*regie_columns(), Family.name.label("family_name"), Family.dossier_number, Family.address_line, Family.postal_code,
            Family.city, Guardian.first_name.label("guardian_first_name"),
            Guardian.last_name.label("guardian_last_name"))


def identity_joins(statement):
    """``statement`` (from ``family``) outer-joined to the primary guardian and the régie settings."""
    return (statement.outerjoin(Guardian, Guardian.id == _primary_guardian())
            .outerjoin(RegieSettings, RegieSettings.id == 1))


def identities_of(row) -> tuple[data.RegieIdentity | None, data.FamilyIdentity]:
    """The régie (None when it is not set up) and the family, from a row with ``identity_columns``."""
    guardian = [f"{row.guardian_first_name} {row.guardian_last_name}"] if row.guardian_first_name else []
    address = [line for line in (row.address_line, " ".join(filter(None, (row.postal_code, row.city)))) if line]
    return regie_of(row), data.FamilyIdentity(row.family_name, row.dossier_number, tuple(guardian + address))


def _identities(session: Session, family_id: int) -> tuple[data.RegieIdentity, data.FamilyIdentity]:
    row = session.execute(identity_joins(select(*identity_columns()).select_from(Family))
                          .where(Family.id == family_id)).one_or_none()
    if row is None:
        raise _no_receipt()
    regie, family = identities_of(row)
    return regie or regie_identity(session), family  # regie_identity raises, saying the régie is not set up


def _receipt_head(session: Session, payment_id: int):
    """The payment, its receipt and journal entry, its agent, the family with its primary guardian, the régie."""
    primary = _primary_guardian()
    head = session.execute(
        select(Payment.id, Payment.family_id, Payment.paid_at, Payment.amount_cents, Payment.channel,
               Receipt.year, Receipt.number, Receipt.issued_at, JournalEntry.payload, JournalEntry.hash,
               Agent.display_name.label("agent_name"), Family.name.label("family_name"), Family.dossier_number,
               Family.address_line, Family.postal_code, Family.city,
               Guardian.first_name.label("guardian_first_name"), Guardian.last_name.label("guardian_last_name"),
               *regie_columns())
        .select_from(Payment)
        .join(Receipt, Receipt.payment_id == Payment.id)
        .join(JournalEntry, and_(JournalEntry.payment_id == Payment.id, JournalEntry.kind == JournalKind.PAYMENT))
        .join(Family, Family.id == Payment.family_id)
        .outerjoin(Agent, Agent.id == Payment.agent_id)
        .outerjoin(Guardian, Guardian.id == primary)
        .outerjoin(RegieSettings, RegieSettings.id == 1)
        .where(Payment.id == payment_id)
    ).one_or_none()
    if head is None:
        raise _no_receipt()
    if head.town is None:
        regie_identity(session)  # raises, saying the régie is not set up
    return head


def reprint_receipt(session: Session, clock: Clock, *, payment_id: int, actor: Actor) -> data.Receipt:
    """A reprint of the payment's ticket: its next copy number, recorded, and the ticket marked *DUPLICATA*.

    The receipt row is locked before its copies are counted, so two desks
    reprinting the same ticket at once get two numbers, one after the other.
    An actor without an agent is ``desk-admin``, recorded under its name.
    """
    actor = locks.acting(session, actor)
    locks.numbers(session)  # a copy number is a number: the same rank as receipt numbers
    receipt = session.scalar(select(Receipt).where(Receipt.payment_id == payment_id).with_for_update())
    if receipt is None:
        raise _no_receipt()
    copy_number = 1 + (session.scalar(
        select(func.max(ReceiptPrint.copy_number)).where(ReceiptPrint.receipt_id == receipt.id)) or 0)
    now = clock.now()
    session.add(ReceiptPrint(receipt_id=receipt.id, copy_number=copy_number, printed_at=now, agent_id=actor.agent_id))
    session.flush()
    document = replace(receipt_document(session, payment_id), copy_number=copy_number, reprinted_at=now)
    by = f" par {actor.name or 'desk-admin'}" if actor.agent_id is None else ""
    record(session, clock, actor, "reprint_receipt", f"Ticket {document.code} réimprimé{by} : duplicata n° {copy_number}",
           family_id=session.get(Payment, payment_id).family_id)
    return document


def _no_receipt() -> DeskError:
    return DeskError("Ce règlement n'a pas de ticket.", "Vérifiez le règlement dans l'historique de la famille.")


def _ledger_at_payment(session: Session, payment, cancelled_ids: Sequence[int]) -> tuple[defaultdict[LedgerKind, int], int]:
    """The payment's own ledger movements summed by kind (credit used, balance settled, excess kept), and the
    family balance just after it: one statement.

    Every movement before it counts, and its own (with the credits of the
    cancellations it carried, written in the same transaction). Movements of
    the very same instant (a frozen clock, two desks within a microsecond)
    are ordered by the ids the database gave them.
    """
    entries = session.execute(
        select(LedgerEntry.id, LedgerEntry.kind, LedgerEntry.created_at, LedgerEntry.payment_id, LedgerEntry.booking_id,
               LedgerEntry.amount_cents)
        .where(LedgerEntry.family_id == payment.family_id,
               or_(LedgerEntry.created_at <= payment.paid_at, LedgerEntry.payment_id == payment.id,
                   LedgerEntry.booking_id.in_(cancelled_ids)))
    ).all()
    moves: defaultdict[LedgerKind, int] = defaultdict(int)
    for entry in entries:
        if entry.payment_id == payment.id:
            moves[entry.kind] += entry.amount_cents
    own = {entry.id for entry in entries if entry.payment_id == payment.id or entry.booking_id in cancelled_ids}
    last_own = max(own, default=None)

    def counts(entry) -> bool:
        if entry.id in own or entry.created_at < payment.paid_at:
            return True
        if entry.payment_id is not None:
            return entry.payment_id < payment.id
        return last_own is None or entry.id < last_own

    return moves, sum(entry.amount_cents for entry in entries if counts(entry))


# -- récapitulatif ---------------------------------------------------------------


def recap_document(session: Session, family_id: int, *, clock: Clock | None = None) -> data.Recap:
    """The family's basket as the recap shows it, for a family that wants it on paper."""
    view = basket_view(session, family_id)
    lines = sorted(view.bookings + view.expired + view.cancellations,
                   key=lambda line: (line.day, line.child_first_name, line.unit_name))
    rows = []
    for line in lines:
        _day, element, pricing, _cost = line.recap_row()
        rows.append(data.RecapRow(line.day, element, pricing,
                                  -line.price_cents if line.is_cancellation else line.price_cents))
    return data.Recap(
        regie=regie_identity(session), family=family_identity(session, family_id), printed_at=_now(clock),
        rows=tuple(rows), balance_cents=view.balance_cents, to_pay_cents=view.to_pay_cents,
        hold_expires_at=view.hold_expires_at,
    )


# -- journal de caisse -------------------------------------------------------------


def cash_journal_document(session: Session, cash_session_id: int, *, clock: Clock | None = None) -> data.CashJournal:
    """The journal of a cash-desk session: its payments in order, the cancellations of its
    time span, totals per mode, cash expected against cash counted."""
    cash_session = session.get(CashSession, cash_session_id)
    if cash_session is None:
        raise DeskError("Cette session de caisse n'existe pas.", "Choisissez une session dans la liste.")
    printed_at = _now(clock)
    span_end = cash_session.closed_at or printed_at
    payments, lines, agents = _session_payments(session, cash_session_id)
    cash_received = sum(line.amount_cents for line in lines if line.mode is PaymentMode.CASH)
    cash_refunded = cash_refunds_of(session, [cash_session.id]).get(cash_session.id, 0)
    expected = cash_session.expected_cash_cents
    if expected is None:
        expected = cash_session.opening_float_cents + cash_received - cash_refunded
    difference = cash_session.difference_cents
    if difference is None and cash_session.counted_cash_cents is not None:
        difference = cash_session.counted_cash_cents - expected
    head = _journal_head(session, cash_session)
    return data.CashJournal(
        regie=regie_identity(session),
        session_number=cash_session.id,
        desk_label=DESK_LABELS[cash_session.kind],
        opened_at=cash_session.opened_at,
        opened_by=_agent_name(session, cash_session.opened_by_id),
        printed_at=printed_at,
        opening_float_cents=cash_session.opening_float_cents,
        payments=tuple(payments),
        cancellations=tuple(_session_cancellations(session, cash_session.opened_at, span_end)),
        totals_by_mode=tuple(totals_by_mode(lines)),
        cash_received_cents=cash_received,
        cash_refunded_cents=cash_refunded,
        expected_cash_cents=expected,
        cheques_received_cents=sum(line.amount_cents for line in lines if line.mode is PaymentMode.CHEQUE),
        agents=tuple(agents),
        closed_at=cash_session.closed_at,
        closed_by=_agent_name(session, cash_session.closed_by_id) if cash_session.closed_by_id else None,
        counted_cash_cents=cash_session.counted_cash_cents,
        counted_cheques_cents=cash_session.counted_cheques_cents,
        difference_cents=difference,
        closing_comment=cash_session.closing_comment,
        last_journal_sequence=head.sequence if head else None,
        grand_total_in_cents=head.grand_total_in_cents if head else None,
        grand_total_out_cents=head.grand_total_out_cents if head else None,
        journal_head_hash=head.hash if head else None,
    )


def _journal_head(session: Session, cash_session: CashSession) -> JournalEntry | None:
    """The chain head the journal prints as its anchor: the closing's own entry once closed, else the current one.

    A session closed before the journal vouched for closings has no such
    entry: its anchor is then the last entry written up to its closing.
    """
    if cash_session.closed_at is not None:
        closing = session.scalar(select(JournalEntry).where(JournalEntry.kind == JournalKind.CLOSING,
                                                            JournalEntry.cash_session_id == cash_session.id))
        if closing is not None:
            return closing
        latest = select(JournalEntry).where(JournalEntry.created_at <= cash_session.closed_at)
    else:
        latest = select(JournalEntry)
    return session.scalar(latest.order_by(JournalEntry.sequence.desc()).limit(1))


def _session_payments(session: Session, cash_session_id: int,
                      ) -> tuple[list[data.JournalPayment], list[PaymentLine], list[str]]:
    """The session's payments in order, all their lines, and the agents who took them (first one first)."""
    rows = session.execute(
        select(Payment.id, Payment.paid_at, Payment.amount_cents, Receipt.year, Receipt.number, Family.name,
               Family.dossier_number, Agent.display_name)
        .join(Receipt, Receipt.payment_id == Payment.id)
        .join(Family, Payment.family_id == Family.id)
        .outerjoin(Agent, Payment.agent_id == Agent.id)
        .where(Payment.cash_session_id == cash_session_id)
        .order_by(Payment.paid_at, Receipt.year, Receipt.number)
    ).all()
    lines = session.scalars(
        select(PaymentLine).join(Payment, PaymentLine.payment_id == Payment.id)
        .where(Payment.cash_session_id == cash_session_id).order_by(PaymentLine.payment_id, PaymentLine.id)
    ).all()
    lines_by_payment: defaultdict[int, list[PaymentLine]] = defaultdict(list)
    for line in lines:
        lines_by_payment[line.payment_id].append(line)
    payments = [
        data.JournalPayment(row.paid_at, receipt_code(row.year, row.number), row.name, row.dossier_number,
                            tuple(tendered(line) for line in lines_by_payment[row.id]), row.amount_cents)
        for row in rows
    ]
    agents = list(dict.fromkeys(row.display_name for row in rows if row.display_name))
    return payments, list(lines), agents


def totals_by_mode(lines: Iterable[PaymentLine]) -> list[data.ModeTotal]:
    """Count and amount of each mode, in the order of the modes."""
    counts: defaultdict[PaymentMode, int] = defaultdict(int)
    amounts: defaultdict[PaymentMode, int] = defaultdict(int)
    for line in lines:
        counts[line.mode] += 1
        amounts[line.mode] += line.amount_cents
    return [data.ModeTotal(MODE_LABELS[mode], counts[mode], amounts[mode]) for mode in PaymentMode if counts[mode]]


def _session_cancellations(session: Session, start: datetime, end: datetime) -> list[data.JournalCancellation]:
    """The paid bookings cancelled in the session's time span, from the journal."""
    rows = session.execute(
        select(JournalEntry.created_at, JournalEntry.amount_cents, JournalEntry.payload, Family.name,
               Family.dossier_number)
        .outerjoin(Family, JournalEntry.family_id == Family.id)
        .where(JournalEntry.kind == JournalKind.CANCELLATION, JournalEntry.created_at >= start,
               JournalEntry.created_at <= end)
        .order_by(JournalEntry.sequence)
    ).all()
    return [data.JournalCancellation(row.created_at, row.name or "—", row.dossier_number or "—",
                                     _cancellation_description(json.loads(row.payload)), -row.amount_cents)
            for row in rows]


def _cancellation_description(payload: dict) -> str:
    """``Léa · Mercredi journée du 16/12/2026 · annulation au guichet`` from the journal entry."""
    day = date.fromisoformat(payload["day"]) if payload.get("day") else None
    what = f"{payload.get('child', '')} · {payload.get('unit', '')}" + (f" du {day:%d/%m/%Y}" if day else "")
    reason = payload.get("reason")
    return f"{what} · {reason}" if reason else what


# -- relevé de compte --------------------------------------------------------------


def statement_document(session: Session, family_id: int, first_day: date, last_day: date, *,
                       clock: Clock | None = None) -> data.Statement:
    """The family's account from ``first_day`` to ``last_day`` (days in the town's time, both included).

    Debits are the bookings charged (at payment) and the debts of the
    ledger; credits are the payments received and the credits granted. The
    balance is positive when the family owes the régie.
    """
    if last_day < first_day:
        raise DeskError("La période du relevé est à l'envers.", "La date de fin doit suivre la date de début.")
    dated = sorted(_account_movements(session, family_id), key=lambda move: move[0])
    opening = 0
    movements = []
    for _key, movement in dated:
        if movement.day < first_day:
            opening += movement.change_cents
        elif movement.day <= last_day:
            movements.append(movement)
    return data.Statement(
        regie=regie_identity(session), family=family_identity(session, family_id), first_day=first_day,
        last_day=last_day, printed_at=_now(clock), opening_balance_cents=opening, movements=tuple(movements),
    )


def _account_movements(session: Session, family_id: int) -> list[tuple[tuple, data.StatementMovement]]:
    """Every movement of the account with its sort key.

    In time order; at the same instant, ledger movements (credits of the
    cancellations a payment carries) first, then each payment after its bookings.
    """
    moves: list[tuple[tuple, data.StatementMovement]] = []
    charged = session.execute(
        select(Payment.id, Payment.paid_at, OpenDay.day, Booking.id, Child.first_name, Activity.name, Unit.name,
               Booking.price_cents)
        .join(Payment, Booking.payment_id == Payment.id)
        .join(OpenDay, Booking.open_day_id == OpenDay.id)
        .join(Unit, OpenDay.unit_id == Unit.id)
        .join(Activity, Unit.activity_id == Activity.id)
        .join(Child, Booking.child_id == Child.id)
        .where(Payment.family_id == family_id)
    ).all()
    for payment_id, paid_at, day, booking_id, child, activity, unit, price in charged:
        label = f"Réservation {child} · {activity} · {unit} du {day:%d/%m/%Y}"
        moves.append(((paid_at, payment_id, 0, day, booking_id), _movement(paid_at, label, debit=price)))
    for payment_id, paid_at, amount, code, modes in _payments_of_family(session, family_id):
        label = f"Règlement, ticket {code} · {modes or 'sans encaissement (avoir)'}"
        moves.append(((paid_at, payment_id, 1, date.min, 0), _movement(paid_at, label, credit=amount)))
    ledger = session.execute(
        select(LedgerEntry.id, LedgerEntry.created_at, LedgerEntry.amount_cents, LedgerEntry.label)
        .where(LedgerEntry.family_id == family_id, LedgerEntry.kind.not_in(_IMPLIED_BY_PAYMENTS),
               or_(LedgerEntry.kind != LedgerKind.CREDIT, LedgerEntry.payment_id.is_(None)))
    ).all()
    for entry_id, created_at, amount, label in ledger:
        moves.append(((created_at, 0, 0, date.min, entry_id),
                      _movement(created_at, label, debit=max(amount, 0), credit=max(-amount, 0))))
    return moves


def _movement(instant: datetime, label: str, *, debit: int = 0, credit: int = 0) -> data.StatementMovement:
    return data.StatementMovement(instant.astimezone(PARIS).date(), label, debit, credit)


def _payments_of_family(session: Session, family_id: int) -> list[tuple[int, datetime, int, str, str]]:
    """Each payment of the family: id, instant, amount, receipt code, and its modes in words."""
    rows = session.execute(
        select(Payment.id, Payment.paid_at, Payment.amount_cents, Receipt.year, Receipt.number)
        .join(Receipt, Receipt.payment_id == Payment.id).where(Payment.family_id == family_id)
    ).all()
    modes: defaultdict[int, list[str]] = defaultdict(list)
    for payment_id, mode in session.execute(
        select(PaymentLine.payment_id, PaymentLine.mode).join(Payment, PaymentLine.payment_id == Payment.id)
        .where(Payment.family_id == family_id).order_by(PaymentLine.id)
    ):
        modes[payment_id].append(MODE_LABELS[mode])
    return [(row.id, row.paid_at, row.amount_cents, receipt_code(row.year, row.number), " + ".join(modes[row.id]))
            for row in rows]
