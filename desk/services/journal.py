"""The payment journal: append-only, chained by sha256, sealed, with running grand totals.

Each entry's hash covers a canonical JSON form of the entry (every column but
``id``, ``hash`` and ``seal``) and the previous entry's hash; its payload
carries the digests of the business records it vouches for (``evidence``).
Its seal is an HMAC of the hash under the desks' journal key
(``journal_key``). Altering, inserting or removing any entry breaks the chain
from that entry on; recomputing the chain breaks the seals;
``verification.verify_journal`` finds and names either.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import Session, aliased

from desk.db.counters import next_counter_value
from desk.db.enums import JournalKind
from desk.db.models import JournalEntry
from desk.db.pipeline import Batch, together
from desk.errors import DeskError
from desk.services.journal_key import JournalKey, configured_key, create_key, missing_key_error
from desk.services.lifecycle import locks

JOURNAL_COUNTER = "journal"
KEY_INFO = "journal_key"  # Session.info entry a caller may set to seal with another key


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
    seal: str | None = None

    def next_entry(
        self,
        *,
        key: JournalKey,
        kind: JournalKind,
        created_at: datetime,
        amount_cents: int,
        payload: Mapping[str, Any],
        agent_id: int | None = None,
        family_id: int | None = None,
        payment_id: int | None = None,
        cash_session_id: int | None = None,
    ) -> dict[str, Any]:
        """The column values of the entry that follows this tail, hash and seal included.

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
        fields["seal"] = key.seal(fields["hash"])
        return fields

    @classmethod
    def after(cls, fields: Mapping[str, Any]) -> ChainTail:
        return cls(
            sequence=fields["sequence"],
            hash=fields["hash"],
            grand_total_in_cents=fields["grand_total_in_cents"],
            grand_total_out_cents=fields["grand_total_out_cents"],
            seal=fields.get("seal"),
        )


class JournalBrokenError(DeskError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Le journal des règlements est incohérent ({detail}) : rien n'a été enregistré.",
                         "Un régisseur doit lancer la vérification du journal (menu Caisse) et prévenir le comptable.")


def journal_tail(session: Session) -> ChainTail:
    last = session.execute(
        select(JournalEntry.sequence, JournalEntry.hash, JournalEntry.grand_total_in_cents,
               JournalEntry.grand_total_out_cents, JournalEntry.seal)
        .order_by(JournalEntry.sequence.desc()).limit(1)
    ).one_or_none()
    return ChainTail() if last is None else ChainTail(*last)


def session_key(session: Session) -> JournalKey | None:
    """The key of this unit of work: one handed in by the caller (tests, self-test), else this desk's."""
    return session.info.get(KEY_INFO) or configured_key()


def key_to_continue(session: Session, tail: ChainTail) -> JournalKey:
    """This desk's key, provided it is the one that sealed the journal so far.

    A desk without a key creates one only for an empty journal.
    """
    key = session_key(session)
    if key is None:
        if tail.sequence:
            raise missing_key_error()
        key = create_key()
    if tail.seal is not None and not key.seals(tail.hash or "", tail.seal):
        raise DeskError(
            "La clé du journal de ce poste n'est pas celle qui a scellé le journal de cette base : "
            "rien n'a été enregistré.",
            "Recopiez le fichier de clé d'un poste de la régie sur ce poste (voir le guide de déploiement).",
        )
    return key


def append_entry(session: Session, **entry: Any) -> JournalEntry:
    """Append one entry in the caller's transaction."""
    return append_entries(session, [entry])[-1]


def append_entries(session: Session, entries: list[dict[str, Any]], *, last: int | None = None) -> list[JournalEntry]:
    """Append entries in the caller's transaction, in order, after the journal's last one.

    The journal counter is taken first, last of every use case's locks: a
    second desk waits on its row, then reads the tail the first one wrote.
    ``last``: the counter already taken for these entries by the caller (with
    its other numbers, ``journal_counts``). The tail is read after the counter,
    unless this transaction read it along earlier (``tail_columns``,
    ``expect_tail``) and the counter shows no entry was appended since.
    """
    locks.journal(session)
    if last is None:
        last = next_counter_value(session, JOURNAL_COUNTER, len(entries))
    with together(session) as batch:
        rows = append_entries_in(batch, entries, last=last)
    return rows


def append_entries_in(batch: Batch, entries: list[dict[str, Any]], *, last: int) -> list[JournalEntry]:
    """``append_entries`` in ``batch``, with the counter already taken (``last``), first in its batch: a tail
    not read along is read here, before anything of the batch is sent. The entries returned are not in the
    session: their hashes are final, their ids unknown."""
    session = batch.session
    locks.journal(session)
    tail = _expected_tail(session)
    if tail is None or tail.sequence != last - len(entries):
        tail = journal_tail(session)
    if tail.sequence != last - len(entries):
        raise JournalBrokenError(f"compteur au n° {last - len(entries)}, dernière écriture n° {tail.sequence}")
    key = key_to_continue(session, tail)
    rows = []
    for entry in entries:
        fields = tail.next_entry(key=key, **entry)
        batch.add(insert(JournalEntry).values(**fields))
        rows.append(JournalEntry(**fields))
        tail = ChainTail.after(fields)
    session.info[_EXPECTED] = (session.get_transaction(), tail)
    return rows


def journal_counts(entries: int) -> tuple[str, int]:
    """What to ask ``counters.next_counter_values_in`` for ``entries`` entries, after the caller's other numbers."""
    return JOURNAL_COUNTER, entries


_EXPECTED = "desk_journal_tail"
_TAIL = aliased(JournalEntry, name="journal_tail")


def tail_columns() -> tuple[Any, ...]:
    """The journal's last entry as columns a statement reads along (joined by ``join_tail``), for ``expect_tail``."""
    return (_TAIL.sequence.label("tail_sequence"), _TAIL.hash.label("tail_hash"),
            _TAIL.grand_total_in_cents.label("tail_in"), _TAIL.grand_total_out_cents.label("tail_out"),
            _TAIL.seal.label("tail_seal"))


def join_tail(statement: Select[Any]) -> Select[Any]:
    return statement.outerjoin(_TAIL, _TAIL.sequence == select(func.max(JournalEntry.sequence)).scalar_subquery())


def expect_tail(session: Session, row: Any) -> None:
    """The tail read along (``tail_columns``) before the journal's counter was taken: ``append_entries`` checks
    it against the counter, and reads it again only if an entry was appended meanwhile."""
    tail = ChainTail() if row.tail_sequence is None else ChainTail(
        row.tail_sequence, row.tail_hash, row.tail_in, row.tail_out, row.tail_seal)
    session.info[_EXPECTED] = (session.get_transaction(), tail)


def _expected_tail(session: Session) -> ChainTail | None:
    read_in, tail = session.info.get(_EXPECTED, (None, None))
    return tail if read_in is not None and read_in is session.get_transaction() else None


HASHED_COLUMNS = (
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


def chain_problem(tail: ChainTail, row: Any) -> str:
    """Why ``row`` does not follow ``tail`` as the chain requires, in French; empty when it does."""
    if row.sequence != tail.sequence + 1:
        return (
            f"l'écriture n° {tail.sequence + 1} manque : après le n° {tail.sequence} "
            f"vient le n° {row.sequence} (écriture supprimée ou insérée)"
        )
    if row.previous_hash != tail.hash:
        return f"l'écriture n° {row.sequence} ne suit pas l'écriture n° {tail.sequence} (chaînage rompu)"
    fields = {column: getattr(row, column) for column in HASHED_COLUMNS}
    if entry_hash(fields, tail.hash) != row.hash:
        return f"l'écriture n° {row.sequence} a été modifiée après son enregistrement"
    expected_in = tail.grand_total_in_cents + max(row.amount_cents, 0)
    expected_out = tail.grand_total_out_cents + max(-row.amount_cents, 0)
    if (row.grand_total_in_cents, row.grand_total_out_cents) != (expected_in, expected_out):
        return f"les totaux cumulés de l'écriture n° {row.sequence} sont faux"
    return ""
