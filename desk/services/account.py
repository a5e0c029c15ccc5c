"""A family's account as the payments tab shows it: payments with their receipts, and the balance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from desk.db.enums import PaymentChannel, PaymentMode
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
    """``balance_cents``: the balance the caller read in the same transaction, not read twice.

    No statement for the payments in the transaction of a counter payment:
    it read the family's earlier ones under its lock and kept them with its own
    (``keep_payments``).
    """
    kept = _kept_payments(session, family_id)
    return FamilyAccount(
        family_id=family_id,
        balance_cents=family_balance(session, family_id) if balance_cents is None else balance_cents,
        payments=kept if kept is not None else tuple(_summaries(session, Payment.family_id == family_id)),
    )


def session_payments(session: Session, cash_session_id: int) -> list[PaymentSummary]:
    """The payments of a cash-desk session, newest first (for a reprint at the desk)."""
    return _summaries(session, Payment.cash_session_id == cash_session_id)


_SUMMARY_COLUMNS = (Payment.id, Payment.paid_at, Payment.amount_cents, Payment.channel, Receipt.year, Receipt.number,
                    PaymentLine.mode, PaymentLine.amount_cents.label("line_cents"), PaymentLine.id.label("line_id"))


def _summaries(session: Session, condition) -> list[PaymentSummary]:
    """The payments matching ``condition``, newest first, each with its modes: one statement (a row per mode)."""
    rows = session.execute(
        select(*_SUMMARY_COLUMNS)
        .join(Receipt, Receipt.payment_id == Payment.id)
        .outerjoin(PaymentLine, PaymentLine.payment_id == Payment.id)
        .where(condition)
    ).all()
    return summaries_of(rows)


def summaries_of(rows: Iterable[Any]) -> list[PaymentSummary]:
    """Payments newest first from rows of (id, paid_at, amount_cents, channel, year, number, mode, line_cents,
    line_id), a row per line in any order (mode None for a payment without line)."""
    modes: dict[int, list[str]] = defaultdict(list)
    payments = {}
    for row in sorted(rows, key=lambda row: row.line_id or 0):
        if row.id is None:
            continue
        payments.setdefault(row.id, row)
        if row.mode is not None:
            modes[row.id].append(f"{MODE_LABELS[row.mode]} {format_cents(row.line_cents)}")
    ordered = sorted(payments.values(), key=lambda row: (row.paid_at, row.id), reverse=True)
    return [
        PaymentSummary(row.id, row.paid_at, receipt_code(row.year, row.number), row.amount_cents, row.channel,
                       " + ".join(modes[row.id]) or "Avoir")
        for row in ordered
    ]


# -- read along with a payment's locks, kept with its own -----------------------------------------


class SummaryRow(NamedTuple):
    """One row as ``summaries_of`` reads them (for a payment written in this transaction)."""

    id: int | None
    paid_at: datetime
    amount_cents: int
    channel: PaymentChannel
    year: int
    number: int
    mode: PaymentMode | None
    line_cents: int | None
    line_id: int | None


def summary_columns() -> tuple[Any, ...]:
    """The family's payments as columns read along (joined by ``join_summaries``), for ``summaries_of``."""
    return tuple(column.label(f"account_{column.key}") for column in _SUMMARY_COLUMNS)


def join_summaries(statement: Select[Any], family_id: Any, once: ColumnElement[bool]) -> Select[Any]:
    """``statement`` outer-joined to the family's payments with their receipts and modes, on the rows where
    ``once`` holds (one of them: the payments are not repeated)."""
    paid = Payment.__table__.join(Receipt.__table__, Receipt.payment_id == Payment.id).outerjoin(
        PaymentLine.__table__, PaymentLine.payment_id == Payment.id)
    return statement.outerjoin(paid, and_(Payment.family_id == family_id, once))


def read_along(rows: Iterable[Any]) -> list[SummaryRow]:
    """The payments' rows out of rows read with ``summary_columns``."""
    found = [SummaryRow(*(getattr(row, f"account_{column.key}") for column in _SUMMARY_COLUMNS)) for row in rows]
    return [row for row in found if row.id is not None]


def keep_payments(session: Session, family_id: int, rows: Iterable[SummaryRow]) -> None:
    """The family's payments as this transaction read them under the family's lock, and those it wrote since:
    ``family_account`` lists them without reading them again."""
    session.info[_KEPT] = (session.get_transaction(), family_id, tuple(summaries_of(rows)))


def forget_payments(session: Session) -> None:
    """A payment written without ``keep_payments``: the account is read again."""
    session.info.pop(_KEPT, None)


_KEPT = "desk_family_payments"


def _kept_payments(session: Session, family_id: int) -> tuple[PaymentSummary, ...] | None:
    kept_in, kept_family, payments = session.info.get(_KEPT, (None, None, None))
    if kept_in is None or kept_in is not session.get_transaction() or kept_family != family_id:
        return None
    return payments
