"""What the journal vouches for: a canonical projection of the business records, one field list each.

A journal entry does not describe a payment in words: its payload carries the
sha256 digest of each part of the records themselves (the payment, its lines,
its allocations, its receipt, the account movements it made), projected on
the field lists below. The writer projects the rows it has just written; the
verification projects the rows it reads back; the generator projects the rows
it bulk-inserts. All three use these functions, so a field added here is
vouched for everywhere at once, and changing any projected value of any of
those rows, deleting one or adding one shows as a digest that no longer
matches the chained (and sealed) entry.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.engine import RowMapping

PAYLOAD_VERSION = 2
_AS_IS = frozenset({int, str})

PAYMENT_FIELDS = ("id", "family_id", "basket_id", "cash_session_id", "agent_id", "channel", "paid_at", "amount_cents")
LINE_FIELDS = (
    "id", "payment_id", "mode", "amount_cents", "tendered_cents", "change_cents", "cheque_number", "cheque_bank",
    "cheque_drawer", "authorisation_number", "card_last4", "voucher_count", "voucher_value_cents", "refdet", "idop",
)
ALLOCATION_FIELDS = ("id", "payment_id", "booking_id", "ledger_entry_id", "amount_cents")
RECEIPT_FIELDS = ("id", "payment_id", "year", "number", "issued_at")
LEDGER_FIELDS = ("id", "family_id", "created_at", "kind", "amount_cents", "label", "payment_id", "booking_id", "agent_id")
# What a payment settled, as it was when paid: none of these changes when the booking is later cancelled.
PAID_BOOKING_FIELDS = ("id", "child_id", "open_day_id", "price_cents", "payment_id")
CANCELLED_BOOKING_FIELDS = ("id", "child_id", "open_day_id", "price_cents", "payment_id", "state", "ended_at")
CASH_SESSION_FIELDS = (
    "id", "kind", "opened_at", "opened_by_id", "opening_float_cents", "closed_at", "closed_by_id",
    "expected_cash_cents", "counted_cash_cents", "counted_cheques_cents", "difference_cents", "closing_comment",
)
COUNT_FIELDS = ("cash_session_id", "denomination_cents", "count")
REMITTANCE_FIELDS = ("id", "year", "number", "made_at", "agent_id", "cheque_count", "total_cents")
REMITTED_CHEQUE_FIELDS = ("payment_line_id", "remittance_id")
VERSEMENT_FIELDS = (
    "id", "year", "number", "first_day", "last_day", "made_at", "agent_id", "cash_cents", "cheques_cents",
    "card_cents", "online_cents", "vouchers_cents", "cash_refunded_cents", "total_cents", "receipt_count",
    "first_receipt", "last_receipt",
)

# The parts of each kind of entry, in the order their digests are listed.
PAYMENT_PARTS = ("payment", "lines", "allocations", "receipt", "ledger", "bookings")
CANCELLATION_PARTS = ("booking", "ledger")
LEDGER_PARTS = ("ledger",)
CLOSING_PARTS = ("cash_session", "counts")
REMITTANCE_PARTS = ("remittance", "cheques")
VERSEMENT_PARTS = ("versement",)

PART_NAMES = {
    "payment": "le règlement", "lines": "les lignes de règlement", "allocations": "les affectations",
    "receipt": "le ticket", "ledger": "les mouvements du compte famille", "booking": "la réservation annulée",
    "bookings": "les réservations réglées (enfant, jour, prix)",
    "cash_session": "la session de caisse", "counts": "le comptage de caisse",
    "remittance": "le bordereau de remise", "cheques": "les chèques remis", "versement": "le versement au comptable",
}


def plain(value: Any) -> Any:
    """A column value as JSON: instants in UTC to the microsecond, enums by value."""
    if value is None or type(value) in _AS_IS:  # most values: checked first, a town has millions
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def record(row: Any, fields: tuple[str, ...]) -> list[Any]:
    """One row (an ORM object or a mapping) projected on ``fields``."""
    if isinstance(row, dict | RowMapping):
        return [plain(row[name]) for name in fields]
    return [plain(getattr(row, name)) for name in fields]


def records(rows: Iterable[Any], fields: tuple[str, ...]) -> list[list[Any]]:
    """Several rows in a stable order: by their first two fields (an id, or a key), never null."""
    return sorted((record(row, fields) for row in rows), key=lambda values: values[:2])


def digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def payment_parts(payment: Any, lines: Iterable[Any], allocations: Iterable[Any], receipt: Any | None,
                  ledger: Iterable[Any], bookings: Iterable[Any]) -> dict[str, Any]:
    """``bookings``: those the payment confirmed, so that a paid price raised later (and then cancelled
    into a credit) shows."""
    return {
        "payment": record(payment, PAYMENT_FIELDS),
        "lines": records(lines, LINE_FIELDS),
        "allocations": records(allocations, ALLOCATION_FIELDS),
        "receipt": record(receipt, RECEIPT_FIELDS) if receipt is not None else None,
        "ledger": records(ledger, LEDGER_FIELDS),
        "bookings": records(bookings, PAID_BOOKING_FIELDS),
    }


def cancellation_parts(booking: Any, ledger: Iterable[Any]) -> dict[str, Any]:
    return {"booking": record(booking, CANCELLED_BOOKING_FIELDS), "ledger": records(ledger, LEDGER_FIELDS)}


def ledger_parts(ledger: Iterable[Any]) -> dict[str, Any]:
    return {"ledger": records(ledger, LEDGER_FIELDS)}


def closing_parts(cash_session: Any, counts: Iterable[Any]) -> dict[str, Any]:
    return {"cash_session": record(cash_session, CASH_SESSION_FIELDS), "counts": records(counts, COUNT_FIELDS)}


def remittance_parts(remittance: Any, cheques: Iterable[Any]) -> dict[str, Any]:
    ordered = sorted(cheques, key=lambda cheque: record(cheque, REMITTED_CHEQUE_FIELDS))
    return {"remittance": record(remittance, REMITTANCE_FIELDS), "cheques": records(ordered, REMITTED_CHEQUE_FIELDS)}


def versement_parts(versement: Any) -> dict[str, Any]:
    return {"versement": record(versement, VERSEMENT_FIELDS)}


def payload(parts: Mapping[str, Any], **summary: Any) -> dict[str, Any]:
    """The journal payload: a short readable summary and the digest of each part."""
    return {"v": PAYLOAD_VERSION, **summary, "digests": {name: digest(value) for name, value in parts.items()}}


def altered_parts(journaled: Mapping[str, Any], parts: Mapping[str, Any]) -> list[str]:
    """The parts whose records no longer match what the entry vouched for, in French."""
    digests = journaled.get("digests") or {}
    names = set(digests) | set(parts)
    return [PART_NAMES.get(name, name) for name in sorted(names)
            if digests.get(name) is None or name not in parts or digests[name] != digest(parts[name])]
