"""The cash desk (*régie*): opening with a float, what a session holds, closing with the count.

Only a régisseur opens and closes the desk. A counter payment needs an open
session. Closing counts the cash by denomination and the cheques, records
expected against counted and the difference with a comment, writes a
closing entry in the journal, and freezes the session: the database refuses
any later change to it and any payment into it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import CashSessionKind, JournalKind, PaymentMode
from desk.db.models import CashCountLine, CashSession, Payment, PaymentLine
from desk.errors import DeskError, ValidationError
from desk.money import format_cents
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.journal import append_entry

# Euro notes and coins, in cents, largest first.
DENOMINATIONS = (50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1)
MAX_FLOAT_CENTS = 500_000


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

    @property
    def cash_cents(self) -> int:
        return self.by_mode.get(PaymentMode.CASH, 0)

    @property
    def expected_cash_cents(self) -> int:
        """The float plus the cash kept (the change given back is already deducted)."""
        return self.opening_float_cents + self.cash_cents

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


def counted_total(counts: dict[int, int]) -> int:
    """The value of a count by denomination; refuses what is not a euro note or coin."""
    unknown = set(counts) - set(DENOMINATIONS)
    if unknown:
        raise ValidationError("Coupure inconnue dans le comptage.", field="counts")
    if any(number < 0 for number in counts.values()):
        raise ValidationError("Un nombre de billets ou de pièces ne peut pas être négatif.", field="counts")
    return sum(denomination * number for denomination, number in counts.items())


def open_session(session: Session, kind: CashSessionKind = CashSessionKind.COUNTER) -> CashSession | None:
    return session.scalar(select(CashSession).where(CashSession.kind == kind, CashSession.closed_at.is_(None)))


def open_cash_desk(session: Session, clock: Clock, *, actor: Actor, float_cents: int) -> SessionFigures:
    require_cashier(actor, "open_cash_desk", "Seul un régisseur peut ouvrir la caisse.")
    if not 0 <= float_cents <= MAX_FLOAT_CENTS:
        raise ValidationError(f"Le fond de caisse doit être compris entre 0 et {format_cents(MAX_FLOAT_CENTS)}.",
                              field="float")
    if open_session(session) is not None:
        raise DeskError("La caisse est déjà ouverte.", "Clôturez-la avant d'en ouvrir une nouvelle.")
    cash_session = CashSession(kind=CashSessionKind.COUNTER, opened_at=clock.now(), opened_by_id=actor.agent_id,
                               opening_float_cents=float_cents)
    session.add(cash_session)
    session.flush()
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
                          payments or 0, dict(by_mode), cash_session.closed_at)


def close_cash_desk(
    session: Session,
    clock: Clock,
    *,
    actor: Actor,
    counts: dict[int, int],
    cheques_counted_cents: int,
    comment: str = "",
) -> ClosingReport:
    """Close the open session with the count; a difference needs a comment saying why."""
    require_cashier(actor, "close_cash_desk", "Seul un régisseur peut clôturer la caisse.")
    cash_session = session.scalar(
        select(CashSession).where(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None))
        .with_for_update()
    )
    if cash_session is None:
        raise DeskError("La caisse n'est pas ouverte.", "Il n'y a rien à clôturer.")
    counted = counted_total(counts)
    if cheques_counted_cents < 0:
        raise ValidationError("Le total des chèques ne peut pas être négatif.", field="cheques")
    figures = session_figures(session, cash_session.id)
    difference = counted - figures.expected_cash_cents
    if (difference or cheques_counted_cents != figures.cheques_cents) and not comment.strip():
        raise ValidationError(
            f"Le comptage diffère de l'attendu ({format_cents(difference)} en espèces) : expliquez l'écart en commentaire.",
            field="comment",
        )
    now = clock.now()
    session.add_all(
        CashCountLine(cash_session_id=cash_session.id, denomination_cents=denomination, count=number)
        for denomination, number in sorted(counts.items(), reverse=True) if number
    )
    cash_session.expected_cash_cents = figures.expected_cash_cents
    cash_session.counted_cash_cents = counted
    cash_session.counted_cheques_cents = cheques_counted_cents
    cash_session.difference_cents = difference
    cash_session.closing_comment = comment.strip() or None
    cash_session.closed_at = now
    cash_session.closed_by_id = actor.agent_id
    session.flush()
    append_entry(
        session, kind=JournalKind.CLOSING, created_at=now, amount_cents=0, agent_id=actor.agent_id,
        cash_session_id=cash_session.id,
        payload={"payments": figures.payments, "by_mode": {m.value: c for m, c in sorted(figures.by_mode.items())},
                 "expected_cash": figures.expected_cash_cents, "counted_cash": counted, "difference": difference,
                 "cheques_expected": figures.cheques_cents, "cheques_counted": cheques_counted_cents,
                 "comment": comment.strip()},
    )
    report = ClosingReport(session_figures(session, cash_session.id), counted, cheques_counted_cents, difference,
                           comment.strip())
    record(session, clock, actor, "close_cash_desk", report.summary())
    return report


def require_open_counter_session(session: Session) -> int:
    """The open counter session's id; a counter payment cannot be taken without one."""
    cash_session = open_session(session)
    if cash_session is None:
        raise DeskError("La caisse n'est pas ouverte : aucun encaissement au guichet n'est possible.",
                        "Un régisseur doit ouvrir la caisse avec son fond de caisse (menu Caisse).")
    return cash_session.id
