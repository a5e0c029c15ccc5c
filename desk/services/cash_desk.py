"""The cash desk (*régie*): opening with a float, what a session holds, closing with the count.

Only a régisseur opens and closes the desk. A counter payment needs an open
session. Closing counts the cash by denomination and the cheques, records
expected against counted and the difference with a comment, writes a
closing entry in the journal, and freezes the session: the database refuses
any later change to it and any payment into it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import CashSessionKind, JournalKind, PaymentMode
from desk.db.models import CashCountLine, CashSession, JournalEntry, Payment, PaymentLine
from desk.errors import DeskError, ValidationError
from desk.money import format_cents
from desk.services import evidence
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.journal import append_entry
from desk.services.lifecycle import locks
from desk.services.validation import checked_text

# Euro notes and coins, in cents, largest first.
DENOMINATIONS = (50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1)
MAX_FLOAT_CENTS = 500_000
MAX_PIECES = 10_000
MAX_COUNTED_CENTS = 100_000_000  # a million euros: far above any régie, far below an INTEGER column's limit
MAX_COMMENT_LENGTH = 1000


@dataclass(frozen=True)
class SessionFigures:
    """What a session holds, from its own payments."""

    cash_session_id: int
    kind: CashSessionKind
    opened_at: datetime
    opening_float_cents: int
    payments: int
    by_mode: dict[PaymentMode, int] = field(default_factory=dict)
    closed_at: datetime | None = None
    cash_refunds_cents: int = 0  # credits paid back in cash out of this till

    @property
    def cash_cents(self) -> int:
        return self.by_mode.get(PaymentMode.CASH, 0)

    @property
    def expected_cash_cents(self) -> int:
        """The float plus the cash kept (the change given back is already deducted), less the cash refunds."""
        return self.opening_float_cents + self.cash_cents - self.cash_refunds_cents

    @property
    def cheques_cents(self) -> int:
        return self.by_mode.get(PaymentMode.CHEQUE, 0)

    @property
    def total_cents(self) -> int:
        return sum(self.by_mode.values())


@dataclass(frozen=True)
class ClosingReport:
    figures: SessionFigures
    counted_cash_cents: int
    counted_cheques_cents: int
    difference_cents: int  # counted cash − expected cash: negative when cash is missing
    comment: str

    def summary(self) -> str:
        if self.difference_cents == 0:
            return f"Caisse clôturée sans écart ({format_cents(self.counted_cash_cents)} en espèces)."
        return (f"Caisse clôturée avec un écart de {format_cents(self.difference_cents)} "
                f"({format_cents(self.counted_cash_cents)} comptés pour {format_cents(self.figures.expected_cash_cents)} attendus).")


def notes_and_coins(cents: int) -> dict[int, int]:
    """The fewest notes and coins that make ``cents``, largest first (a count that matches to the cent)."""
    counts = {}
    for denomination in DENOMINATIONS:
        number, cents = divmod(cents, denomination)
        if number:
            counts[denomination] = number
    return counts


def counted_total(counts: dict[int, int]) -> int:
    """The value of a count by denomination; refuses what is not a euro note or coin, or not a count."""
    unknown = set(counts) - set(DENOMINATIONS)
    if unknown:
        raise ValidationError("Coupure inconnue dans le comptage.", field="counts")
    if any(not 0 <= number <= MAX_PIECES for number in counts.values()):
        raise ValidationError(f"Un nombre de billets ou de pièces est compris entre 0 et {MAX_PIECES}.", field="counts")
    total = sum(denomination * number for denomination, number in counts.items())
    if total > MAX_COUNTED_CENTS:
        raise ValidationError(f"Le comptage dépasse {format_cents(MAX_COUNTED_CENTS)} : vérifiez les nombres saisis.",
                              field="counts")
    return total


def open_session(session: Session, kind: CashSessionKind = CashSessionKind.COUNTER) -> CashSession | None:
    return session.scalar(select(CashSession).where(CashSession.kind == kind, CashSession.closed_at.is_(None)))


def open_cash_desk(session: Session, clock: Clock, *, actor: Actor, float_cents: int) -> SessionFigures:
    actor = locks.acting(session, actor)
    require_cashier(actor, "open_cash_desk", "Seul un régisseur peut ouvrir la caisse.")
    if not 0 <= float_cents <= MAX_FLOAT_CENTS:
        raise ValidationError(f"Le fond de caisse doit être compris entre 0 et {format_cents(MAX_FLOAT_CENTS)}.",
                              field="float")
    if locks.open_counter_session(session) is not None:
        raise DeskError("La caisse est déjà ouverte.", "Clôturez-la avant d'en ouvrir une nouvelle.")
    cash_session = CashSession(kind=CashSessionKind.COUNTER, opened_at=clock.now(), opened_by_id=actor.agent_id,
                               opening_float_cents=float_cents)
    try:
        with session.begin_nested():  # two régisseurs opening at once: the unique index lets one through
            session.add(cash_session)
    except IntegrityError:
        raise DeskError("La caisse vient d'être ouverte à un autre guichet.", "Actualisez.") from None
    record(session, clock, actor, "open_cash_desk", f"session {cash_session.id}, fond {format_cents(float_cents)}")
    return session_figures(session, cash_session.id)


def session_figures(session: Session, cash_session_id: int) -> SessionFigures:
    cash_session = session.get(CashSession, cash_session_id)
    if cash_session is None:
        raise DeskError("Cette session de caisse n'existe pas.", "Actualisez.")
    by_mode: dict[PaymentMode, int] = defaultdict(int)
    for mode, amount in session.execute(
        select(PaymentLine.mode, func.sum(PaymentLine.amount_cents))
        .join(Payment, PaymentLine.payment_id == Payment.id)
        .where(Payment.cash_session_id == cash_session_id)
        .group_by(PaymentLine.mode)
    ):
        by_mode[mode] = int(amount)
    payments = session.scalar(select(func.count()).select_from(Payment).where(Payment.cash_session_id == cash_session_id))
    return SessionFigures(cash_session.id, cash_session.kind, cash_session.opened_at, cash_session.opening_float_cents,
                          payments or 0, dict(by_mode), cash_session.closed_at,
                          cash_refunds_of(session, [cash_session_id]).get(cash_session_id, 0))


def cash_refunds_of(session: Session, cash_session_ids: list[int]) -> dict[int, int]:
    """Cash session id → credits refunded in cash out of its till (the journal holds them against the session)."""
    if not cash_session_ids:
        return {}
    return {session_id: -int(total) for session_id, total in session.execute(
        select(JournalEntry.cash_session_id, func.sum(JournalEntry.amount_cents))
        .where(JournalEntry.kind == JournalKind.REFUND, JournalEntry.cash_session_id.in_(cash_session_ids))
        .group_by(JournalEntry.cash_session_id)
    )}


def count_problem(figures: SessionFigures, counted_cash_cents: int, cheques_counted_cents: int, comment: str) -> str | None:
    """Why a count cannot close the session as it stands: a difference needs a comment saying why.

    The closing window asks it before "Clôturer ?"; the closing asks it again on the figures it locked.
    """
    if comment.strip():
        return None
    differences = []
    if counted_cash_cents != figures.expected_cash_cents:
        differences.append(f"{format_cents(counted_cash_cents - figures.expected_cash_cents)} en espèces")
    if cheques_counted_cents != figures.cheques_cents:
        differences.append(f"{format_cents(cheques_counted_cents - figures.cheques_cents)} en chèques")
    if not differences:
        return None
    return f"Le comptage diffère de l'attendu ({', '.join(differences)}) : expliquez l'écart en commentaire."


def close_cash_desk(
    session: Session,
    clock: Clock,
    *,
    actor: Actor,
    counts: dict[int, int],
    cheques_counted_cents: int,
    comment: str = "",
) -> ClosingReport:
    """Close the open session with the count; a difference needs a comment saying why.

    The session is locked exclusively: payments in flight finish first, and
    those that wait find it closed. The closing's journal entry vouches for
    the session and its count, and its head (sequence and hash) is the anchor
    the *journal de caisse* prints.
    """
    actor = locks.acting(session, actor)
    require_cashier(actor, "close_cash_desk", "Seul un régisseur peut clôturer la caisse.")
    note = checked_text(comment, field="comment", label="Le commentaire de clôture", multiline=True,
                        max_length=MAX_COMMENT_LENGTH)
    counted = counted_total(counts)
    if not 0 <= cheques_counted_cents <= MAX_COUNTED_CENTS:
        raise ValidationError("Le total des chèques comptés n'est pas un montant possible.", field="cheques")
    cash_session = locks.open_counter_session(session, for_closing=True)
    if cash_session is None:
        raise DeskError("La caisse n'est pas ouverte.", "Il n'y a rien à clôturer.")
    figures = session_figures(session, cash_session.id)
    difference = counted - figures.expected_cash_cents
    problem = count_problem(figures, counted, cheques_counted_cents, note or "")
    if problem:
        raise ValidationError(problem, field="comment")
    now = clock.now()
    count_lines = [CashCountLine(cash_session_id=cash_session.id, denomination_cents=denomination, count=number)
                   for denomination, number in sorted(counts.items(), reverse=True) if number]
    session.add_all(count_lines)
    cash_session.expected_cash_cents = figures.expected_cash_cents
    cash_session.counted_cash_cents = counted
    cash_session.counted_cheques_cents = cheques_counted_cents
    cash_session.difference_cents = difference
    cash_session.closing_comment = note
    cash_session.closed_at = now
    cash_session.closed_by_id = actor.agent_id
    session.flush()
    append_entry(
        session, kind=JournalKind.CLOSING, created_at=now, amount_cents=0, agent_id=actor.agent_id,
        cash_session_id=cash_session.id,
        payload=evidence.payload(evidence.closing_parts(cash_session, count_lines), payments=figures.payments,
                                 by_mode={m.value: c for m, c in sorted(figures.by_mode.items())},
                                 expected_cash=figures.expected_cash_cents, counted_cash=counted, difference=difference),
    )
    report = ClosingReport(replace(figures, closed_at=now), counted, cheques_counted_cents, difference, note or "")
    record(session, clock, actor, "close_cash_desk", report.summary())
    return report


