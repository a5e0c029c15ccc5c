"""A family's account as the payments tab shows it: payments with their receipts, and the balance."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.enums import PaymentChannel
from desk.db.models import Payment, PaymentLine, Receipt
from desk.money import format_cents
from desk.services.numbering import receipt_code
from desk.services.pricing import family_balance
from desk.services.tenders import MODE_LABELS


@dataclass(frozen=True)
class PaymentSummary:
    payment_id: int
    paid_at: datetime
    receipt_code: str
    amount_cents: int
    channel: PaymentChannel
    modes: str  # « Espèces 14,00 € + Chèque 6,00 € »


@dataclass(frozen=True)
class FamilyAccount:
    family_id: int
    balance_cents: int
    payments: tuple[PaymentSummary, ...]


def family_account(session: Session, family_id: int, *, balance_cents: int | None = None) -> FamilyAccount:
    """``balance_cents``: the balance the caller read in the same transaction, not read twice."""
    return FamilyAccount(
        family_id=family_id,
        balance_cents=family_balance(session, family_id) if balance_cents is None else balance_cents,
        payments=tuple(_summaries(session, Payment.family_id == family_id)),
    )


def session_payments(session: Session, cash_session_id: int) -> list[PaymentSummary]:
    """The payments of a cash-desk session, newest first (for a reprint at the desk)."""
    return _summaries(session, Payment.cash_session_id == cash_session_id)


def _summaries(session: Session, condition) -> list[PaymentSummary]:
    """The payments matching ``condition``, newest first, each with its modes: one statement (a row per mode)."""
    rows = session.execute(
        select(Payment.id, Payment.paid_at, Payment.amount_cents, Payment.channel, Receipt.year, Receipt.number,
               PaymentLine.mode, PaymentLine.amount_cents.label("line_cents"))
        .join(Receipt, Receipt.payment_id == Payment.id)
        .outerjoin(PaymentLine, PaymentLine.payment_id == Payment.id)
        .where(condition)
        .order_by(Payment.paid_at.desc(), Payment.id.desc(), PaymentLine.id)
    ).all()
    modes: dict[int, list[str]] = defaultdict(list)
    payments = {}
    for row in rows:
        payments.setdefault(row.id, row)
        if row.mode is not None:
            modes[row.id].append(f"{MODE_LABELS[row.mode]} {format_cents(row.line_cents)}")
    return [
        PaymentSummary(row.id, row.paid_at, receipt_code(row.year, row.number), row.amount_cents, row.channel,
                       " + ".join(modes[row.id]) or "Avoir")
        for row in payments.values()
    ]
