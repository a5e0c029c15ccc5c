"""The payment journal: append-only, chained by sha256, with running grand totals.

Each entry's hash covers a canonical JSON form of the entry (every column but
``id`` and ``hash``) and the previous entry's hash. Altering, inserting or
removing any entry breaks the chain from that entry on, which
``verify_journal`` finds and names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.counters import next_counter_value
from desk.db.enums import JournalKind
from desk.db.models import JournalEntry

JOURNAL_COUNTER = "journal"


def canonical_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(fields: Mapping[str, Any], previous_hash: str | None) -> str:
    """sha256 of the canonical form of an entry's fields and its predecessor's hash."""
    body = dict(fields)
    body["created_at"] = _instant(body["created_at"])
    body["kind"] = str(body["kind"])
    body["previous_hash"] = previous_hash or ""
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainTail:
    """What the next entry continues from."""

    sequence: int = 0
    hash: str | None = None
    grand_total_in_cents: int = 0
    grand_total_out_cents: int = 0

    def next_entry(
        self,
        *,
        kind: JournalKind,
        created_at: datetime,
        amount_cents: int,
        payload: Mapping[str, Any],
        agent_id: int | None = None,
        family_id: int | None = None,
        payment_id: int | None = None,
        cash_session_id: int | None = None,
    ) -> dict[str, Any]:
        """The column values of the entry that follows this tail, hash included.

        Positive amounts are money in (payments), negative ones money out
        (refunds, credits granted); each side has its own perpetual total.
        """
        fields: dict[str, Any] = {
            "sequence": self.sequence + 1,
            "kind": kind,
            "created_at": created_at,
            "agent_id": agent_id,
            "family_id": family_id,
            "payment_id": payment_id,
            "cash_session_id": cash_session_id,
            "amount_cents": amount_cents,
            "grand_total_in_cents": self.grand_total_in_cents + max(amount_cents, 0),
            "grand_total_out_cents": self.grand_total_out_cents + max(-amount_cents, 0),
            "payload": canonical_json(payload),
        }
        fields["previous_hash"] = self.hash
        fields["hash"] = entry_hash({k: v for k, v in fields.items() if k != "previous_hash"}, self.hash)
        return fields

    @classmethod
    def after(cls, fields: Mapping[str, Any]) -> ChainTail:
        return cls(
            sequence=fields["sequence"],
            hash=fields["hash"],
            grand_total_in_cents=fields["grand_total_in_cents"],
            grand_total_out_cents=fields["grand_total_out_cents"],
        )


def journal_tail(session: Session) -> ChainTail:
    last = session.scalar(select(JournalEntry).order_by(JournalEntry.sequence.desc()).limit(1))
    if last is None:
        return ChainTail()
    return ChainTail(last.sequence, last.hash, last.grand_total_in_cents, last.grand_total_out_cents)


def append_entry(session: Session, **entry: Any) -> JournalEntry:
    """Append one entry in the caller's transaction.

    Taking the journal counter first serialises concurrent writers: a second
    desk waits on the counter row, then reads the tail the first one wrote.
    """
    sequence = next_counter_value(session, JOURNAL_COUNTER)
    tail = journal_tail(session)
    if tail.sequence != sequence - 1:
        raise RuntimeError(f"journal counter at {sequence} but tail at {tail.sequence}")
    row = JournalEntry(**tail.next_entry(**entry))
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class JournalVerification:
    entries_checked: int
    first_bad_sequence: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad_sequence is None


_HASHED_COLUMNS = (
    "sequence",
    "kind",
    "created_at",
    "agent_id",
    "family_id",
    "payment_id",
    "cash_session_id",
    "amount_cents",
    "grand_total_in_cents",
    "grand_total_out_cents",
    "payload",
)


def verify_journal(session: Session) -> JournalVerification:
    """Recompute the whole chain; name the first entry that was altered, inserted or removed."""
    rows = session.scalars(
        select(JournalEntry).order_by(JournalEntry.sequence).execution_options(yield_per=2000)
    )
    return verify_chain(rows)


def verify_chain(rows: Iterable[JournalEntry]) -> JournalVerification:
    tail = ChainTail()
    checked = 0
    for row in rows:
        problem = _chain_problem(tail, row)
        if problem:
            return JournalVerification(checked, row.sequence, problem)
        tail = ChainTail(row.sequence, row.hash, row.grand_total_in_cents, row.grand_total_out_cents)
        checked += 1
    return JournalVerification(checked)


def _chain_problem(tail: ChainTail, row: JournalEntry) -> str:
    if row.sequence != tail.sequence + 1:
        return (
            f"l'écriture n° {tail.sequence + 1} manque : après le n° {tail.sequence} "
            f"vient le n° {row.sequence} (écriture supprimée ou insérée)"
        )
    if row.previous_hash != tail.hash:
        return f"l'écriture n° {row.sequence} ne suit pas l'écriture n° {tail.sequence} (chaînage rompu)"
    fields = {column: getattr(row, column) for column in _HASHED_COLUMNS}
    if entry_hash(fields, tail.hash) != row.hash:
        return f"l'écriture n° {row.sequence} a été modifiée après son enregistrement"
    expected_in = tail.grand_total_in_cents + max(row.amount_cents, 0)
    expected_out = tail.grand_total_out_cents + max(-row.amount_cents, 0)
    if (row.grand_total_in_cents, row.grand_total_out_cents) != (expected_in, expected_out):
        return f"les totaux cumulés de l'écriture n° {row.sequence} sont faux"
    return ""
