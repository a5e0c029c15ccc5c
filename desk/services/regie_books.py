"""The régie towards the comptable public: its act, cheque remittances, electronic takings, versements,
and the month's justification for the ordonnateur.

Rules (CGCT R.1617-1 to 18, instruction codificatrice of 21 April 2006):
only the modes the acte constitutif authorises are taken; cheques are
remitted to the bank at the latest the next working day; the takings are
paid over (*versement*) and justified to the comptable at least once a month
and whenever the cash held exceeds the act's maximum.

Remittances and versements are append-only rows, each vouched for by a
journal entry (amount 0: no money enters or leaves the régie; the figures
are in the entry's digests), so the money core's verification catches a
change made behind the desk's back. A versement covers whole days that are
over, after the previous versement's period, with every cheque of the
period remitted and no counter session of the period still open: its totals
are then those of the journal and cannot move any more.

Locks: the agent (``locks.acting``), then the régie's books
(``locks.regie_books``: one remittance or versement at a time), then the
numbers and the journal, as every use case.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock, local_today
from desk.db.counters import next_counter_value
from desk.db.enums import CashSessionKind, JournalKind, OfficerKind, PaymentMode, Role
from desk.db.models import (
    Activity,
    Agent,
    Booking,
    CashSession,
    ChequeRemittance,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    RegieOfficer,
    RegieSettings,
    RemittedCheque,
    Unit,
    Versement,
)
from desk.errors import DeskError
from desk.money import format_cents
from desk.services import evidence
from desk.services.access import Actor, require_admin, require_cashier
from desk.services.audit import record
from desk.services.documents import regie_identity
from desk.services.journal import append_entries
from desk.services.lifecycle import locks
from desk.services.numbering import (
    receipt_code,
    remittance_code,
    remittance_counter,
    versement_code,
    versement_counter,
)
from desk.services.school_calendar import public_holidays
from desk.services.tenders import MODE_LABELS, MODE_ORDER, VOUCHER_MODES, parse_modes
from desk.services.validation import ValidationError, checked_text
from reports import data

MAX_FLOAT_OR_CASH_CENTS = 10_000_000  # 100 000 €: beyond any régie's act


# -- the act ---------------------------------------------------------------------


@dataclass(frozen=True)
class RegieAct:
    """The acte constitutif as the database holds it, with the officers it names."""

    act_reference: str
    act_date: date | None
    authorised_modes: tuple[PaymentMode, ...]
    max_cash_cents: int
    float_cents: int
    titulaire: tuple[int, str] | None  # agent id, name
    mandataires: tuple[tuple[int, str], ...]

    def document(self) -> data.RegieAct:
        return data.RegieAct(self.act_reference, self.act_date, self.titulaire[1] if self.titulaire else "",
                             tuple(name for _id, name in self.mandataires), self.max_cash_cents, self.float_cents,
                             tuple(MODE_LABELS[mode] for mode in self.authorised_modes))



@dataclass(frozen=True)
class RegieActDraft:
    """The act as the administrator typed it; ``titulaire``/``mandataires`` are agent ids."""

    act_reference: str
    act_date: date | None
    authorised_modes: tuple[PaymentMode, ...]
    max_cash_cents: int
    float_cents: int
    titulaire: int | None
    mandataires: tuple[int, ...] = ()


def regie_act(session: Session) -> RegieAct:
    settings = _settings(session)
    officers = session.execute(
        select(RegieOfficer.agent_id, RegieOfficer.kind, Agent.display_name)
        .join(Agent, Agent.id == RegieOfficer.agent_id).order_by(Agent.display_name)
    ).all()
    titulaire = next(((agent_id, name) for agent_id, kind, name in officers if kind is OfficerKind.TITULAIRE), None)
    return RegieAct(settings.act_reference, settings.act_date, parse_modes(settings.authorised_modes),
                    settings.max_cash_cents, settings.float_cents, titulaire,
                    tuple((agent_id, name) for agent_id, kind, name in officers if kind is OfficerKind.MANDATAIRE))


def update_regie_act(session: Session, clock: Clock, actor: Actor, draft: RegieActDraft) -> RegieAct:
    """The administrator records the act (audited); officers must be active régisseurs."""
    actor = locks.acting(session, actor)
    require_admin(actor, "edit_regie_act", "Seul un administrateur modifie l'acte constitutif de la régie.")
    reference = checked_text(draft.act_reference, field="act_reference", label="La référence de l'arrêté",
                             max_length=100, required=True)
    modes = tuple(mode for mode in MODE_ORDER if mode in set(draft.authorised_modes))
    if not modes:
        raise ValidationError("L'acte doit autoriser au moins un mode de règlement.", field="authorised_modes")
    for field_name, cents, label in (("max_cash", draft.max_cash_cents, "Le montant maximum de l'encaisse"),
                                     ("float", draft.float_cents, "Le fonds de caisse")):
        if not 0 <= cents <= MAX_FLOAT_OR_CASH_CENTS:
            raise ValidationError(f"{label} doit être compris entre 0 et {format_cents(MAX_FLOAT_OR_CASH_CENTS)}.",
                                  field=field_name)
    if draft.act_date is not None and draft.act_date > local_today(clock):
        raise ValidationError("La date de l'arrêté ne peut pas être dans le futur.", field="act_date")
    officers = _checked_officers(session, draft)
    settings = _settings(session)
    settings.act_reference, settings.act_date = reference, draft.act_date
    settings.authorised_modes = ",".join(mode.value for mode in modes)
    settings.max_cash_cents, settings.float_cents = draft.max_cash_cents, draft.float_cents
    session.query(RegieOfficer).delete()
    now = clock.now()
    session.add_all(RegieOfficer(agent_id=agent_id, kind=kind, named_at=now) for agent_id, kind in officers)
    session.flush()
    record(session, clock, actor, "edit_regie_act",
           f"arrêté {reference} ; modes {settings.authorised_modes} ; encaisse max {format_cents(draft.max_cash_cents)}")
    return regie_act(session)


def officer_candidates(session: Session) -> list[tuple[int, str]]:
    return [(agent_id, name) for agent_id, name in session.execute(
        select(Agent.id, Agent.display_name).where(Agent.is_active, Agent.role.in_([Role.CASHIER, Role.ADMIN]))
        .order_by(Agent.display_name))]


def _checked_officers(session: Session, draft: RegieActDraft) -> list[tuple[int, OfficerKind]]:
    wanted = [(draft.titulaire, OfficerKind.TITULAIRE)] if draft.titulaire is not None else []
    wanted += [(agent_id, OfficerKind.MANDATAIRE) for agent_id in dict.fromkeys(draft.mandataires)
               if agent_id != draft.titulaire]
    if not wanted:
        return []
    agents = {row.id: row for row in session.scalars(select(Agent).where(Agent.id.in_([a for a, _ in wanted])))}
    for agent_id, kind in wanted:
        agent = agents.get(agent_id)
        if agent is None or not agent.is_active or agent.role not in (Role.CASHIER, Role.ADMIN):
            who = agent.display_name if agent is not None else f"n° {agent_id}"
            raise ValidationError(f"{who} ne peut pas être {kind.value} : seul un régisseur actif est nommé dans "
                                  "l'acte.", field="titulaire" if kind is OfficerKind.TITULAIRE else "mandataires")
    return wanted


def _settings(session: Session) -> RegieSettings:
    settings = session.get(RegieSettings, 1)
    if settings is None:
        raise DeskError("L'identité de la régie n'est pas renseignée.",
                        "Un administrateur doit renseigner la régie (commune, nom, adresse).")
    return settings


# -- days ------------------------------------------------------------------------


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The instants (Paris) from the start of ``first`` to the start of the day after ``last``."""
    return (datetime.combine(first, time(), PARIS), datetime.combine(last + timedelta(days=1), time(), PARIS))


def next_working_day(day: date) -> date:
    """The next day that is neither a weekend nor a French public holiday."""
    following = day + timedelta(days=1)
    while following.weekday() >= 5 or following in public_holidays(following.year):
        following += timedelta(days=1)
    return following


def local_day(instant: datetime) -> date:
    return instant.astimezone(PARIS).date()


# -- cheques ---------------------------------------------------------------------


@dataclass(frozen=True)
class HeldCheque:
    """A cheque received and not yet remitted; ``late`` past the next working day after it came."""

    payment_line_id: int
    cheque: data.HeldCheque


def held_cheques(session: Session, today: date) -> list[HeldCheque]:
    rows = session.execute(
        _cheque_columns().where(PaymentLine.mode == PaymentMode.CHEQUE,
                                PaymentLine.id.not_in(select(RemittedCheque.payment_line_id)))
        .order_by(Payment.paid_at, PaymentLine.id)
    ).all()
    return [HeldCheque(row.id, _held(row, late=today > next_working_day(local_day(row.paid_at)))) for row in rows]


def _cheque_columns():
    return (select(PaymentLine.id, PaymentLine.amount_cents, PaymentLine.cheque_number, PaymentLine.cheque_bank,
                   PaymentLine.cheque_drawer, Payment.paid_at, Receipt.year, Receipt.number)
            .join(Payment, Payment.id == PaymentLine.payment_id)
            .join(Receipt, Receipt.payment_id == Payment.id))


def _held(row, *, late: bool = False) -> data.HeldCheque:
    return data.HeldCheque(receipt_code(row.year, row.number), row.paid_at, row.cheque_drawer or "",
                           row.cheque_bank or "", row.cheque_number or "", row.amount_cents, late)


def make_remittance(session: Session, clock: Clock, actor: Actor,
                    payment_line_ids: Collection[int] | None = None) -> int:
    """Remit the held cheques (all, or those chosen) in one slip; returns the remittance's id."""
    now = clock.now()
    actor = locks.acting(session, actor)
    require_cashier(actor, "cheque_remittance", "Seul un régisseur remet les chèques à la banque.")
    locks.regie_books(session)
    held = {cheque.payment_line_id: cheque for cheque in held_cheques(session, local_day(now))}
    chosen = list(held) if payment_line_ids is None else list(dict.fromkeys(payment_line_ids))
    gone = [line_id for line_id in chosen if line_id not in held]
    if gone:
        raise DeskError("Un des chèques choisis n'est plus à remettre (déjà remis, ou ce n'est pas un chèque) : "
                        "rien n'a été enregistré.", "Actualisez la liste des chèques et choisissez à nouveau.")
    if not chosen:
        raise DeskError("Aucun chèque n'est à remettre.", "Les chèques reçus au guichet apparaissent ici.")
    locks.numbers(session)
    year = local_day(now).year
    remittance = ChequeRemittance(year=year, number=next_counter_value(session, remittance_counter(year)),
                                  made_at=now, agent_id=actor.agent_id, cheque_count=len(chosen),
                                  total_cents=sum(held[line_id].cheque.amount_cents for line_id in chosen))
    session.add(remittance)
    session.flush()
    cheques = [RemittedCheque(payment_line_id=line_id, remittance_id=remittance.id) for line_id in sorted(chosen)]
    session.add_all(cheques)
    session.flush()
    code = remittance_code(year, remittance.number)
    append_entries(session, [dict(
        kind=JournalKind.REMITTANCE, created_at=now, amount_cents=0, agent_id=actor.agent_id,
        payload=evidence.payload(evidence.remittance_parts(remittance, cheques), remittance=remittance.id,
                                 code=code, count=remittance.cheque_count, total_cents=remittance.total_cents),
    )])
    record(session, clock, actor, "cheque_remittance",
           f"bordereau {code} : {remittance.cheque_count} chèque(s), {format_cents(remittance.total_cents)}")
    return remittance.id


def remittance_document(session: Session, remittance_id: int) -> data.ChequeRemittance:
    row = session.execute(
        select(ChequeRemittance, Agent.display_name).outerjoin(Agent, Agent.id == ChequeRemittance.agent_id)
        .where(ChequeRemittance.id == remittance_id)
    ).one_or_none()
    if row is None:
        raise DeskError("Ce bordereau de remise n'existe pas.", "Choisissez un bordereau dans la liste.")
    remittance, agent_name = row
    cheques = session.execute(
        _cheque_columns().join(RemittedCheque, RemittedCheque.payment_line_id == PaymentLine.id)
        .where(RemittedCheque.remittance_id == remittance_id).order_by(Payment.paid_at, PaymentLine.id)
    ).all()
    return data.ChequeRemittance(regie_identity(session), regie_act(session).document(),
                                 remittance_code(remittance.year, remittance.number), remittance.made_at,
                                 agent_name or "desk-admin", tuple(_held(row) for row in cheques),
                                 _journal_hash(session, JournalKind.REMITTANCE, "remittance", remittance_id))


def remittances(session: Session, limit: int = 50) -> list[tuple[int, str, datetime, int, int]]:
    """The latest remittances: id, code, when, count, total."""
    rows = session.execute(
        select(ChequeRemittance.id, ChequeRemittance.year, ChequeRemittance.number, ChequeRemittance.made_at,
               ChequeRemittance.cheque_count, ChequeRemittance.total_cents)
        .order_by(ChequeRemittance.made_at.desc(), ChequeRemittance.id.desc()).limit(limit)
    ).all()
    return [(row.id, remittance_code(row.year, row.number), row.made_at, row.cheque_count, row.total_cents)
            for row in rows]


def _journal_hash(session: Session, kind: JournalKind, key: str, row_id: int) -> str:
    """The hash of the journal entry that vouches for a remittance or a versement (its payload names the row).

    A few hundred such entries a year: they are read and parsed here rather than indexed."""
    for payload, entry_hash in session.execute(
            select(JournalEntry.payload, JournalEntry.hash).where(JournalEntry.kind == kind)):
        if json.loads(payload).get(key) == row_id:
            return entry_hash
    return ""


# -- electronic takings ----------------------------------------------------------------


def electronic_takings(session: Session, first: date, last: date) -> list[data.DayTakings]:
    """Per day, the card-terminal and the PayFiP takings with their references, for the bank statement."""
    start, end = day_bounds(first, last)
    rows = session.execute(
        select(PaymentLine.mode, PaymentLine.amount_cents, PaymentLine.authorisation_number, PaymentLine.refdet,
               PaymentLine.idop, Payment.paid_at, Receipt.year, Receipt.number)
        .join(Payment, Payment.id == PaymentLine.payment_id).join(Receipt, Receipt.payment_id == Payment.id)
        .where(PaymentLine.mode.in_([PaymentMode.CARD, PaymentMode.PAYFIP]), Payment.paid_at >= start,
               Payment.paid_at < end)
        .order_by(Payment.paid_at, PaymentLine.id)
    ).all()
    days: dict[tuple[date, PaymentMode], list[data.ElectronicTaking]] = {}
    for row in rows:
        reference = (row.authorisation_number or "") if row.mode is PaymentMode.CARD \
            else f"{row.refdet or ''} / {row.idop or ''}"
        days.setdefault((local_day(row.paid_at), row.mode), []).append(
            data.ElectronicTaking(receipt_code(row.year, row.number), row.paid_at, row.amount_cents, reference))
    return [data.DayTakings(day, MODE_LABELS[mode], tuple(takings))
            for (day, mode), takings in sorted(days.items(), key=lambda item: (item[0][0], MODE_ORDER.index(item[0][1])))]


# -- versements ----------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodTakings:
    """What the journal received over whole days, by mode, with the receipts' range."""

    by_mode: dict[PaymentMode, tuple[int, int]]  # mode → (count, cents)
    receipts: data.ReceiptRange
    journal_total_cents: int
    cash_refunded_cents: int
    remittances: tuple[str, ...]
    cheques_not_remitted: int

    def cents(self, *modes: PaymentMode) -> int:
        return sum(self.by_mode.get(mode, (0, 0))[1] for mode in modes)


def period_takings(session: Session, first: date, last: date) -> PeriodTakings:
    start, end = day_bounds(first, last)
    in_period = and_(Payment.paid_at >= start, Payment.paid_at < end)
    by_mode = {mode: (int(count), int(cents)) for mode, count, cents in session.execute(
        select(PaymentLine.mode, func.count(), func.sum(PaymentLine.amount_cents))
        .join(Payment, Payment.id == PaymentLine.payment_id).where(in_period).group_by(PaymentLine.mode))}
    receipts = _receipt_range(session, in_period)
    journal_total = session.scalar(
        select(func.coalesce(func.sum(JournalEntry.amount_cents), 0))
        .where(JournalEntry.kind == JournalKind.PAYMENT, JournalEntry.created_at >= start,
               JournalEntry.created_at < end)) or 0
    refunded = session.scalar(
        select(func.coalesce(func.sum(JournalEntry.amount_cents), 0))
        .where(JournalEntry.kind == JournalKind.REFUND, JournalEntry.cash_session_id.is_not(None),
               JournalEntry.created_at >= start, JournalEntry.created_at < end)) or 0
    cheques = select(PaymentLine.id).join(Payment, Payment.id == PaymentLine.payment_id).where(
        in_period, PaymentLine.mode == PaymentMode.CHEQUE)
    remitted = session.execute(
        select(ChequeRemittance.year, ChequeRemittance.number).distinct()
        .join(RemittedCheque, RemittedCheque.remittance_id == ChequeRemittance.id)
        .where(RemittedCheque.payment_line_id.in_(cheques)).order_by(ChequeRemittance.year, ChequeRemittance.number)
    ).all()
    not_remitted = session.scalar(select(func.count()).select_from(
        cheques.where(PaymentLine.id.not_in(select(RemittedCheque.payment_line_id))).subquery())) or 0
    return PeriodTakings(by_mode, receipts, int(journal_total), -int(refunded),
                         tuple(remittance_code(year, number) for year, number in remitted), int(not_remitted))


def _receipt_range(session: Session, in_period) -> data.ReceiptRange:
    codes = session.execute(
        select(Receipt.year, Receipt.number).join(Payment, Payment.id == Receipt.payment_id).where(in_period)
        .order_by(Receipt.year, Receipt.number)
    ).all()
    if not codes:
        return data.ReceiptRange(None, None, 0)
    return data.ReceiptRange(receipt_code(*codes[0]), receipt_code(*codes[-1]), len(codes))


def _mode_totals(takings: PeriodTakings, *, remittances: bool = False) -> tuple[data.ModeTotal, ...]:
    """One line per mode; ``remittances``: the cheques' line names the slips that took them (a versement's are all
    remitted)."""
    lines = []
    for mode in MODE_ORDER:
        count, cents = takings.by_mode.get(mode, (0, 0))
        if count:
            label = MODE_LABELS[mode]
            if mode is PaymentMode.CHEQUE and remittances and takings.remittances:
                label += f" (remis : {', '.join(takings.remittances)})"
            lines.append(data.ModeTotal(label, count, cents))
    return tuple(lines)


def last_versement_day(session: Session) -> date | None:
    return session.scalar(select(func.max(Versement.last_day)))


def first_day_to_pay_over(session: Session) -> date | None:
    """The day the next versement starts: after the last one, or the first day with a payment."""
    last = last_versement_day(session)
    if last is not None:
        return last + timedelta(days=1)
    first_paid = session.scalar(select(func.min(Payment.paid_at)))
    return local_day(first_paid) if first_paid is not None else None


def versement_problems(session: Session, today: date, first: date, last: date, takings: PeriodTakings) -> list[str]:
    """Why the days ``first``–``last`` cannot be paid over now, in French (empty: they can)."""
    problems = []
    if last < first:
        problems.append("La fin de la période précède son début.")
    if last >= today:
        problems.append("Un versement porte sur des journées terminées : la période doit finir au plus tard hier.")
    expected = first_day_to_pay_over(session)
    previous = last_versement_day(session)
    if previous is not None and first <= previous:
        problems.append(f"Les journées jusqu'au {previous:%d/%m/%Y} sont déjà versées au comptable : "
                        "rien ne se verse deux fois.")
    elif expected is not None and first > expected:
        problems.append(f"Le versement doit commencer le {expected:%d/%m/%Y} : les recettes d'avant n'ont pas "
                        "encore été versées.")
    open_session = session.scalar(
        select(CashSession.opened_at).where(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None)))
    if open_session is not None and local_day(open_session) <= last:
        problems.append("La caisse ouverte le "
                        f"{local_day(open_session):%d/%m/%Y} n'est pas clôturée : clôturez-la avant le versement.")
    if takings.cheques_not_remitted:
        problems.append(f"{takings.cheques_not_remitted} chèque(s) de la période ne sont pas remis à la banque : "
                        "faites d'abord la remise.")
    if not takings.receipts.count:
        problems.append("Aucun règlement sur cette période : il n'y a rien à verser.")
    if takings.cents(*MODE_ORDER) != takings.journal_total_cents:
        problems.append("Les règlements de la période ne font pas le total du journal : lancez la vérification du "
                        "journal avant tout versement.")
    return problems


def versement_preview(session: Session, clock: Clock, first: date, last: date, *, made_by: str = "") -> data.Versement:
    takings = period_takings(session, first, last)
    return _versement_document(session, None, first, last, clock.now(), made_by, takings, "")


def record_versement(session: Session, clock: Clock, actor: Actor, first: date, last: date) -> int:
    """Pay over the days ``first``–``last`` to the comptable; returns the versement's id."""
    now = clock.now()
    actor = locks.acting(session, actor)
    require_cashier(actor, "versement", "Seul un régisseur verse les recettes au comptable.")
    locks.regie_books(session)
    takings = period_takings(session, first, last)
    problems = versement_problems(session, local_day(now), first, last, takings)
    if problems:
        raise DeskError(problems[0], " ".join(problems[1:]) or "Rien n'a été enregistré.")
    locks.numbers(session)
    year = local_day(now).year
    versement = Versement(
        year=year, number=next_counter_value(session, versement_counter(year)), first_day=first, last_day=last,
        made_at=now, agent_id=actor.agent_id, **versement_figures(takings))
    session.add(versement)
    session.flush()
    code = versement_code(year, versement.number)
    append_entries(session, [dict(
        kind=JournalKind.VERSEMENT, created_at=now, amount_cents=0, agent_id=actor.agent_id,
        payload=evidence.payload(evidence.versement_parts(versement), versement=versement.id, code=code,
                                 first_day=first.isoformat(), last_day=last.isoformat(),
                                 total_cents=versement.total_cents),
    )])
    record(session, clock, actor, "versement",
           f"versement {code} du {first:%d/%m/%Y} au {last:%d/%m/%Y} : {format_cents(versement.total_cents)}")
    return versement.id


def versement_figures(takings: PeriodTakings) -> dict[str, int | str | None]:
    """What a versement records of its period's takings, by column: the amounts by kind, the cash refunded, the
    receipts' count and range."""
    return dict(cash_cents=takings.cents(PaymentMode.CASH), cheques_cents=takings.cents(PaymentMode.CHEQUE),
                card_cents=takings.cents(PaymentMode.CARD), online_cents=takings.cents(PaymentMode.PAYFIP),
                vouchers_cents=takings.cents(*VOUCHER_MODES), cash_refunded_cents=takings.cash_refunded_cents,
                total_cents=takings.cents(*MODE_ORDER), receipt_count=takings.receipts.count,
                first_receipt=takings.receipts.first, last_receipt=takings.receipts.last)


_FIGURE_NAMES = {"cash_cents": "espèces", "cheques_cents": "chèques", "card_cents": "cartes", "online_cents": "en ligne",
                 "vouchers_cents": "titres de paiement", "cash_refunded_cents": "espèces remboursées",
                 "total_cents": "total", "receipt_count": "nombre de tickets", "first_receipt": "premier ticket",
                 "last_receipt": "dernier ticket"}


def figures_differing(takings: PeriodTakings, versement: Versement | Mapping[str, Any]) -> list[str]:
    """What a recorded versement (its row, or its columns by name) says that its period's payments no longer
    say, in French; none for a versement as it was paid over (it cannot change, nor can they, short of
    tampering)."""
    def recorded(column: str) -> Any:
        return versement[column] if isinstance(versement, Mapping) else getattr(versement, column)

    return [_FIGURE_NAMES[column] for column, value in versement_figures(takings).items() if recorded(column) != value]


def versement_document(session: Session, versement_id: int) -> data.Versement:
    """The recorded versement, printed again: refused, and why, if its period's payments no longer give its
    figures (a copy must not differ from the original that went to the comptable)."""
    row = session.execute(
        select(Versement, Agent.display_name).outerjoin(Agent, Agent.id == Versement.agent_id)
        .where(Versement.id == versement_id)
    ).one_or_none()
    if row is None:
        raise DeskError("Ce versement n'existe pas.", "Choisissez un versement dans la liste.")
    versement, agent_name = row
    takings = period_takings(session, versement.first_day, versement.last_day)
    code = versement_code(versement.year, versement.number)
    differing = figures_differing(takings, versement)
    if differing:
        raise DeskError(
            f"Le versement {code} ({format_cents(versement.total_cents)}) ne correspond plus aux règlements des "
            f"journées qu'il couvre ({', '.join(differing)}) : il n'est pas réimprimé, car la copie serait "
            "différente de l'original.",
            "Vérifiez le journal des règlements (Ctrl+Maj+J) et prévenez le comptable.")
    return _versement_document(session, code, versement.first_day,
                               versement.last_day, versement.made_at, agent_name or "desk-admin", takings,
                               _journal_hash(session, JournalKind.VERSEMENT, "versement", versement_id))


def _versement_document(session: Session, number: str | None, first: date, last: date, made_at: datetime,
                        made_by: str, takings: PeriodTakings, journal_hash: str) -> data.Versement:
    return data.Versement(regie_identity(session), regie_act(session).document(), number, first, last, made_at,
                          made_by, _mode_totals(takings, remittances=True), takings.receipts, takings.journal_total_cents,
                          takings.remittances, takings.cash_refunded_cents, journal_hash)


def versements(session: Session, limit: int = 50) -> list[tuple[int, str, date, date, int]]:
    """The latest versements: id, code, first day, last day, total."""
    rows = session.execute(
        select(Versement.id, Versement.year, Versement.number, Versement.first_day, Versement.last_day,
               Versement.total_cents).order_by(Versement.first_day.desc()).limit(limit)
    ).all()
    return [(row.id, versement_code(row.year, row.number), row.first_day, row.last_day, row.total_cents)
            for row in rows]


# -- the régie's balances ---------------------------------------------------------------


@dataclass(frozen=True)
class RegieBalances:
    """The three balances of the régie, and what the régisseur must act on."""

    to_pay_over_cents: int  # takings not yet paid over to the comptable
    paid_over_cents: int  # paid over since the year began
    float_cents: int  # the act's float
    cash_held_cents: int  # cash received and not yet paid over, less cash refunded
    max_cash_cents: int
    held_cheques: int
    late_cheques: int

    @property
    def cash_over_maximum(self) -> bool:
        return self.max_cash_cents > 0 and self.cash_held_cents > self.max_cash_cents

    def warnings(self) -> list[str]:
        said = []
        if self.cash_over_maximum:
            said.append(f"L'encaisse ({format_cents(self.cash_held_cents)}) dépasse le montant maximum fixé par l'acte "
                        f"({format_cents(self.max_cash_cents)}) : faites un versement au comptable.")
        if self.late_cheques:
            said.append(f"{self.late_cheques} chèque(s) sont gardés plus d'un jour ouvré : remettez-les à la banque.")
        return said


def regie_balances(session: Session, today: date) -> RegieBalances:
    since = first_day_to_pay_over(session)
    takings = period_takings(session, since, today) if since is not None and since <= today else None
    act = regie_act(session)
    paid_over = session.scalar(select(func.coalesce(func.sum(Versement.total_cents), 0))
                               .where(Versement.year == today.year)) or 0
    cheques = held_cheques(session, today)
    cash = (takings.cents(PaymentMode.CASH) - takings.cash_refunded_cents) if takings else 0
    return RegieBalances(takings.cents(*MODE_ORDER) if takings else 0, int(paid_over), act.float_cents, cash,
                         act.max_cash_cents, len(cheques), sum(1 for cheque in cheques if cheque.cheque.late))


# -- the month's justification ----------------------------------------------------------------


def month_justification(session: Session, clock: Clock, month: date) -> data.MonthJustification:
    """Takings of the month per activity and per mode, with the receipts' range, for the titre de recette."""
    first = month.replace(day=1)
    last = _month_end(first)
    takings = period_takings(session, first, last)
    start, end = day_bounds(first, last)
    return data.MonthJustification(
        regie_identity(session), regie_act(session).document(), first, clock.now(),
        tuple(_activity_takings(session, start, end)), _mode_totals(takings), takings.receipts,
        takings.journal_total_cents, takings.cash_refunded_cents,
        tuple(code for _id, code, first_day, last_day, _total in versements(session, 500)
              if first_day <= last and last_day >= first))


def _activity_takings(session: Session, start: datetime, end: datetime) -> Iterable[data.ActivityTakings]:
    in_period = and_(Payment.paid_at >= start, Payment.paid_at < end)
    by_activity = session.execute(
        select(Activity.name, func.count(), func.sum(PaymentAllocation.amount_cents))
        .select_from(PaymentAllocation).join(Payment, Payment.id == PaymentAllocation.payment_id)
        .join(Booking, Booking.id == PaymentAllocation.booking_id).join(OpenDay, OpenDay.id == Booking.open_day_id)
        .join(Unit, Unit.id == OpenDay.unit_id).join(Activity, Activity.id == Unit.activity_id)
        .where(in_period).group_by(Activity.name).order_by(Activity.name)
    ).all()
    for name, count, cents in by_activity:
        yield data.ActivityTakings(name, int(count), int(cents))
    # The money that paid no booking: a balance due settled, an excess kept as a credit (by the entry's label).
    other = session.execute(
        select(LedgerEntry.label, func.count(), func.sum(PaymentAllocation.amount_cents))
        .select_from(PaymentAllocation).join(Payment, Payment.id == PaymentAllocation.payment_id)
        .join(LedgerEntry, LedgerEntry.id == PaymentAllocation.ledger_entry_id)
        .where(in_period).group_by(LedgerEntry.label).order_by(LedgerEntry.label)
    ).all()
    for label, count, cents in other:
        yield data.ActivityTakings(label, int(count), int(cents))



# -- books kept up to date (the demo and the generated town) ------------------------------------------


def catch_up(session: Session, clock: Clock, actor: Actor, *, kept_days: int = 5) -> None:
    """The books as a régisseur who keeps them leaves them, ``kept_days`` behind: the cheques remitted but the
    last days' ones, and every whole month before those days paid over, month by month. What is more recent
    (at least the current month) is left for the régisseur to remit and pay over."""
    today = local_day(clock.now())
    cutoff = today - timedelta(days=kept_days)
    older = [cheque.payment_line_id for cheque in held_cheques(session, today)
             if local_day(cheque.cheque.received_at) < cutoff]
    if older:
        make_remittance(session, clock, actor, older)
    first = first_day_to_pay_over(session)
    if first is None:
        return
    last = _month_end(first)
    while last < cutoff:
        if period_takings(session, first, last).receipts.count:  # else the next versement takes the empty days too
            record_versement(session, clock, actor, first, last)
            first = last + timedelta(days=1)
        last = _month_end(last + timedelta(days=1))


def _month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
