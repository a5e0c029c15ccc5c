"""The régisseur's proof: the journal, the business records it vouches for, the counters and the places.

``verify_journal`` reads everything back and reports, in French, each thing
that is not as the desks wrote it, even behind the application's back with
the triggers dropped:

- the chain: every entry follows the one before (sequence, previous hash),
  its hash matches its content, its running totals add up, and its seal
  matches this desk's journal key (a chain rewritten with recomputed hashes
  has no valid seals);
- the records: each payment, with its lines, allocations, receipt and account
  movements, each cancelled booking with its credit, each refund, correction
  and closed cash session, projected as ``evidence`` projects them, matches
  the digests its journal entry carries; every record is vouched for by
  exactly one entry, and the money adds up (payment = lines = allocations);
- the counters: the journal's and each year's receipt counter match the last
  rows, and receipt numbers have no gap;
- the places: each open day's count equals its live bookings;
- the anchors: the chain heads printed on the *journaux de caisse* are still
  in the chain, so a removed tail shows even if the counters were rewound.

What it cannot see: a removed tail after the last printed anchor whose
counters were rewound too, and anything done by someone who holds the
journal key (README, *Reliability*).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from desk.db.enums import LIVE_BOOKING_STATES, BookingState, JournalKind, LedgerKind, PaymentMode
from desk.db.models import (
    Booking,
    CashCountLine,
    CashSession,
    ChequeRemittance,
    Counter,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    RemittedCheque,
    Versement,
)
from desk.errors import DeskError
from desk.money import format_cents
from desk.services import evidence
from desk.services.cash_desk import cash_refunds_of
from desk.services.journal import HASHED_COLUMNS, JOURNAL_COUNTER, ChainTail, chain_problem, session_key
from desk.services.journal_key import JournalKey
from desk.services.numbering import receipt_code, remittance_code, versement_code

LEGACY_COUNTER = "journal_legacy_until"
CHUNK = 5000
MAX_FINDINGS = 200


@dataclass(frozen=True)
class Anchor:
    """A chain head as the *journal de caisse* printed it: ``1234:3f2a9c…`` (a prefix of 16 hex or more)."""

    sequence: int
    hash_prefix: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        match = re.fullmatch(r"\s*n?°?\s*(\d{1,9})\s*[:/ ]\s*([0-9a-fA-F ]{16,80})\s*", text)
        if match is None:
            raise DeskError(f"« {text[:80]} » n'est pas une empreinte de journal.",
                            "Recopiez-la du journal de caisse : le numéro d'écriture, deux-points, puis l'empreinte "
                            "(16 caractères au moins), par exemple 1234:3f2a9c0d81e5b7a4.")
        return cls(int(match.group(1)), match.group(2).replace(" ", "").lower())


@dataclass(frozen=True)
class JournalVerification:
    entries_checked: int
    payments_checked: int = 0
    legacy_entries: int = 0
    seals_checked: bool = False
    head: ChainTail = ChainTail()
    findings: tuple[str, ...] = ()
    first_bad_sequence: int | None = None
    findings_left_out: int = 0
    key_held: bool = True

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def problem(self) -> str:
        return self.findings[0] if self.findings else ""

    def summary(self) -> str:
        if self.ok:
            text = (f"Journal intègre : {self.entries_checked} écritures et {self.payments_checked} règlements vérifiés "
                    "avec leurs lignes, affectations, tickets et mouvements de compte")
            if self.seals_checked:
                text += ", sceaux compris."
            elif self.key_held:
                text += " (aucune écriture scellée à vérifier)."
            else:
                text += " (sceaux non vérifiés : ce poste n'a pas la clé)."
            if self.legacy_entries:
                text += f" Les {self.legacy_entries} premières écritures, antérieures au scellement, sont vérifiées par le chaînage seul."
            return text
        more = f" (et {self.findings_left_out} autres)" if self.findings_left_out else ""
        return f"Journal altéré : {len(self.findings)} anomalie(s){more}. " + " ; ".join(self.findings[:5]) + "."


def verify_journal(session: Session, *, key: JournalKey | None | bool = True,
                   anchors: Sequence[Anchor] = ()) -> JournalVerification:
    """Verify everything; ``key`` True means this desk's key, None means seals are not checked."""
    checker = _Checker(session, session_key(session) if key is True else (key or None))
    checker.walk_chain()
    checker.check_counters()
    checker.check_payments()
    checker.check_other_entries()
    checker.check_closed_sessions()
    checker.check_regie_books()
    checker.check_uncovered_ledger()
    checker.check_places()
    checker.check_anchors(anchors)
    return checker.report()


@dataclass
class _Vouched:
    """What one journal entry vouches for."""

    sequence: int
    kind: JournalKind
    digests: dict[str, str]
    summary: dict[str, Any]


@dataclass
class _Checker:
    session: Session
    key: JournalKey | None
    findings: list[str] = field(default_factory=list)
    left_out: int = 0
    first_bad: int | None = None
    head: ChainTail = ChainTail()
    entries: int = 0
    legacy_until: int = 0
    payments: int = 0
    by_payment: dict[int, list[_Vouched]] = field(default_factory=lambda: defaultdict(list))
    others: list[_Vouched] = field(default_factory=list)
    legacy_payments: set[int] = field(default_factory=set)
    legacy_sessions: set[int] = field(default_factory=set)
    in_total: int = 0
    sealed: int = 0
    legacy_last_at: Any = None  # when the last entry of the unsealed era was written
    legacy_overreach: bool = False

    def find(self, text: str) -> None:
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(text)
        else:
            self.left_out += 1

    def report(self) -> JournalVerification:
        return JournalVerification(self.entries, self.payments, min(self.legacy_until, self.entries),
                                   self.sealed > 0, self.head, tuple(self.findings), self.first_bad, self.left_out,
                                   key_held=self.key is not None)

    # -- the chain ---------------------------------------------------------------

    def walk_chain(self) -> None:
        self.legacy_until = self.session.scalar(select(Counter.last_value).where(Counter.name == LEGACY_COUNTER)) or 0
        columns = [getattr(JournalEntry, name) for name in (*HASHED_COLUMNS, "previous_hash", "hash", "seal")]
        rows = self.session.execute(select(*columns).order_by(JournalEntry.sequence).execution_options(yield_per=2000))
        tail = ChainTail()
        for row in rows:
            problem = chain_problem(tail, row)
            if problem and self.first_bad is None:
                self.first_bad = row.sequence
                self.find(problem)
            legacy = row.sequence <= self.legacy_until
            if legacy and not self.legacy_overreach and _written_sealed(row):
                self.legacy_overreach = True
                self.find(f"l'écriture n° {row.sequence}, scellée, est comptée parmi les écritures antérieures au "
                          f"scellement : le compteur « {LEGACY_COUNTER} » a été avancé au n° {self.legacy_until} "
                          "pour soustraire le journal aux contrôles")
            if not legacy and self.key is not None:
                self.sealed += 1
            if not legacy and self.key is not None and not self.key.seals(row.hash, row.seal):
                if self.first_bad is None:
                    self.first_bad = row.sequence
                self.find(f"l'écriture n° {row.sequence} ne porte pas le sceau de la régie (journal réécrit ou "
                          "écrit par un poste sans la clé)")
            if not legacy:
                self._note(row)
            else:
                self.legacy_last_at = row.created_at
            if legacy and row.payment_id is not None:
                self.legacy_payments.add(row.payment_id)
            elif legacy and row.cash_session_id is not None:
                self.legacy_sessions.add(row.cash_session_id)
            self.in_total += max(row.amount_cents, 0)
            tail = ChainTail(row.sequence, row.hash, row.grand_total_in_cents, row.grand_total_out_cents, row.seal)
            self.entries += 1
        self.head = tail

    def _note(self, row: Any) -> None:
        try:
            payload = json.loads(row.payload)
        except ValueError:
            payload = {}
        if not isinstance(payload, dict) or payload.get("v") != evidence.PAYLOAD_VERSION:
            self.find(f"l'écriture n° {row.sequence} n'a pas le contenu d'une écriture de desk")
            return
        vouched = _Vouched(row.sequence, row.kind, payload.get("digests") or {}, payload)
        if row.kind is JournalKind.PAYMENT:
            if row.payment_id is None:
                self.find(f"l'écriture de règlement n° {row.sequence} ne désigne aucun règlement")
            else:
                self.by_payment[row.payment_id].append(vouched)
        else:
            vouched.summary["cash_session_id"] = row.cash_session_id
            self.others.append(vouched)

    # -- counters ----------------------------------------------------------------

    def check_counters(self) -> None:
        counters = dict(self.session.execute(select(Counter.name, Counter.last_value)).all())
        journal_counter = counters.get(JOURNAL_COUNTER, 0)
        if journal_counter != self.head.sequence:
            self.find(f"le compteur du journal est au n° {journal_counter} mais la dernière écriture est le "
                      f"n° {self.head.sequence} (écritures supprimées en fin de journal ?)")
        receipts = self.session.execute(
            select(Receipt.year, func.count(), func.max(Receipt.number), func.min(Receipt.number)).group_by(Receipt.year)
        ).all()
        if receipts and not self.head.sequence:
            self.find("la base contient des tickets mais aucun journal : le journal a été vidé")
        for year, count, highest, lowest in receipts:
            if (lowest, highest) != (1, count):
                self.find(f"les tickets de {year} ne se suivent pas : {count} tickets numérotés de {lowest} à {highest}")
            last = counters.get(f"receipt:{year}", 0)
            if last != highest:
                self.find(f"le compteur des tickets de {year} est au n° {last} mais le dernier ticket est le n° {highest}")

    # -- payments ----------------------------------------------------------------

    def check_payments(self) -> None:
        """Every payment, by chunks of ids, against what its entry vouched for."""
        total = 0
        seen: set[int] = set()
        for chunk in self._payment_chunks():
            for payment_id, parts in chunk.items():
                seen.add(payment_id)
                total += parts["payment"][PAYMENT_AMOUNT]
                self._check_payment(payment_id, parts)
        for payment_id in sorted(set(self.by_payment) - seen):
            self.find(f"le règlement n° {payment_id} du journal a disparu de la base")
        for table in (PaymentLine, PaymentAllocation, Receipt, LedgerEntry, Booking):
            orphans = self.session.scalars(select(table.payment_id).where(table.payment_id.not_in(
                select(Payment.id))).distinct()).all()
            for payment_id in orphans:
                self.find(f"{_TABLE_WORDS[table.__tablename__]} désignent un règlement n° {payment_id} qui n'existe pas")
        if not self.legacy_until and total != self.in_total:
            self.find(f"les règlements totalisent {_euros(total)} mais le journal en a reçu {_euros(self.in_total)}")

    def _check_payment(self, payment_id: int, parts: dict[str, Any]) -> None:
        self.payments += 1
        vouched = self.by_payment.get(payment_id)
        code = _code(parts)
        if vouched is None:
            if payment_id not in self.legacy_payments:
                self.find(f"le règlement n° {payment_id} (ticket {code}) n'est pas au journal")
            return
        if len(vouched) > 1:
            self.find(f"le règlement n° {payment_id} (ticket {code}) figure {len(vouched)} fois au journal")
        altered = evidence.altered_parts(vouched[0].summary, parts)
        if altered:
            self.find(f"règlement du ticket {code} (écriture n° {vouched[0].sequence}) : "
                      f"{', '.join(altered)} ont été modifiés après coup")
        amount = parts["payment"][PAYMENT_AMOUNT]
        lines = sum(line[LINE_AMOUNT] for line in parts["lines"])
        allocated = sum(allocation[ALLOCATION_AMOUNT] for allocation in parts["allocations"])
        if not amount == lines == allocated:
            self.find(f"le règlement du ticket {code} ne s'équilibre pas : {_euros(amount)} réglés, {_euros(lines)} "
                      f"en lignes, {_euros(allocated)} affectés")

    def _payment_chunks(self) -> Iterator[dict[int, dict[str, Any]]]:
        ids = self.session.scalars(select(Payment.id).order_by(Payment.id)).all()
        for start in range(0, len(ids), CHUNK):
            low, high = ids[start], ids[min(start + CHUNK, len(ids)) - 1]
            yield self._payment_parts(low, high)

    def _payment_parts(self, low: int, high: int) -> dict[int, dict[str, Any]]:
        def rows(table: Table, fields: tuple[str, ...], key: str) -> dict[int, list[Any]]:
            grouped: dict[int, list[Any]] = defaultdict(list)
            columns = [table.c[name] for name in fields]
            for row in self.session.execute(select(*columns).where(table.c[key].between(low, high))).mappings():
                grouped[row[key]].append(row)
            return grouped

        payments = rows(Payment.__table__, evidence.PAYMENT_FIELDS, "id")
        lines = rows(PaymentLine.__table__, evidence.LINE_FIELDS, "payment_id")
        allocations = rows(PaymentAllocation.__table__, evidence.ALLOCATION_FIELDS, "payment_id")
        receipts = rows(Receipt.__table__, evidence.RECEIPT_FIELDS, "payment_id")
        ledger = rows(LedgerEntry.__table__, evidence.LEDGER_FIELDS, "payment_id")
        paid = rows(Booking.__table__, evidence.PAID_BOOKING_FIELDS, "payment_id")
        return {
            payment_id: evidence.payment_parts(payment, lines[payment_id], allocations[payment_id],
                                               _single(receipts[payment_id]), ledger[payment_id], paid[payment_id])
            for payment_id, (payment,) in sorted(payments.items())
        }

    # -- cancellations, refunds, corrections, closings ---------------------------------

    def check_other_entries(self) -> None:
        self.vouched_ledger: set[int] = set()
        self.vouched_sessions: dict[int, _Vouched] = {}
        cancelled = [v for v in self.others if v.kind is JournalKind.CANCELLATION]
        bookings = self._rows(Booking.__table__, evidence.CANCELLED_BOOKING_FIELDS,
                              [v.summary.get("booking") for v in cancelled])
        credits = self._ledger_of_bookings([v.summary.get("booking") for v in cancelled])
        for vouched in cancelled:
            booking_id = vouched.summary.get("booking")
            booking = bookings.get(booking_id)
            parts = {"ledger": evidence.records(credits.get(booking_id, []), evidence.LEDGER_FIELDS)}
            if booking is not None:
                parts["booking"] = evidence.record(booking, evidence.CANCELLED_BOOKING_FIELDS)
            self.vouched_ledger |= {row["id"] for row in credits.get(booking_id, [])}
            self._compare(vouched, parts, f"l'annulation de la réservation n° {booking_id}")
        movements = [v for v in self.others if v.kind in (JournalKind.REFUND, JournalKind.CORRECTION)]
        ledger = self._rows(LedgerEntry.__table__, evidence.LEDGER_FIELDS,
                            [i for v in movements for i in v.summary.get("ledger_ids", [])])
        for vouched in movements:
            ids = vouched.summary.get("ledger_ids", [])
            self.vouched_ledger |= set(ids)
            parts = evidence.ledger_parts([ledger[i] for i in ids if i in ledger])
            what = "le remboursement" if vouched.kind is JournalKind.REFUND else "la correction de compte"
            self._compare(vouched, parts, f"{what} de l'écriture n° {vouched.sequence}")
        for vouched in self.others:
            if vouched.kind is JournalKind.CLOSING:
                self.vouched_sessions[vouched.summary["cash_session_id"]] = vouched
        self._check_paid_bookings_cancelled({v.summary.get("booking") for v in cancelled})

    def _check_paid_bookings_cancelled(self, vouched: set[Any]) -> None:
        """A paid booking leaves ``confirmed`` only by a cancellation the journal vouches for (and its credit)."""
        ended = self.session.execute(
            select(Booking.id, Booking.state, Booking.ended_at).where(Booking.payment_id.is_not(None),
                                                                     Booking.state != BookingState.CONFIRMED)
        ).all()
        for booking_id, state, ended_at in ended:
            unsealed_era = self.legacy_last_at is not None and ended_at is not None and ended_at <= self.legacy_last_at
            if booking_id not in vouched and not unsealed_era:
                state = _STATE_WORDS.get(state, state)
                self.find(f"la réservation réglée n° {booking_id} est passée à l'état « {state} » sans annulation "
                          "au journal ni avoir pour la famille")

    def _compare(self, vouched: _Vouched, parts: dict[str, Any], what: str) -> None:
        altered = evidence.altered_parts(vouched.summary, parts)
        if altered:
            self.find(f"{what} (écriture n° {vouched.sequence}) : {', '.join(altered)} ont été modifiés ou supprimés")

    def check_closed_sessions(self) -> None:
        sessions = self.session.execute(
            select(*[CashSession.__table__.c[name] for name in evidence.CASH_SESSION_FIELDS])
            .where(CashSession.closed_at.is_not(None))
        ).mappings().all()
        counts: dict[int, list[Any]] = defaultdict(list)
        for row in self.session.execute(select(*[CashCountLine.__table__.c[n] for n in evidence.COUNT_FIELDS])).mappings():
            counts[row["cash_session_id"]].append(row)
        closed = {row["id"]: row for row in sessions}
        for session_id, row in sorted(closed.items()):
            vouched = self.vouched_sessions.get(session_id)
            if vouched is None:
                if session_id not in self.legacy_sessions:
                    self.find(f"la session de caisse n° {session_id} est clôturée sans écriture de clôture au journal")
                continue
            self._compare(vouched, evidence.closing_parts(row, counts[session_id]),
                          f"la clôture de la session de caisse n° {session_id}")
        for session_id, vouched in self.vouched_sessions.items():
            if session_id not in closed:
                self.find(f"la session de caisse n° {session_id}, clôturée au journal (écriture n° {vouched.sequence}), "
                          "n'est plus clôturée dans la base")
        self._check_expected_cash(closed)

    def _check_expected_cash(self, closed: dict[int, Any]) -> None:
        cash = dict(self.session.execute(
            select(Payment.cash_session_id, func.sum(PaymentLine.amount_cents))
            .join(PaymentLine, PaymentLine.payment_id == Payment.id)
            .where(PaymentLine.mode == PaymentMode.CASH, Payment.cash_session_id.in_(list(closed)))
            .group_by(Payment.cash_session_id)
        ).all()) if closed else {}
        refunds = cash_refunds_of(self.session, list(closed))
        for session_id, row in sorted(closed.items()):
            expected = row["opening_float_cents"] + int(cash.get(session_id, 0)) - refunds.get(session_id, 0)
            if row["expected_cash_cents"] != expected:
                self.find(f"la session de caisse n° {session_id} attendait {_euros(row['expected_cash_cents'] or 0)} "
                          f"d'espèces mais ses règlements en font {_euros(expected)}")

    # -- the régie's books: remittances and versements ---------------------------------

    def check_regie_books(self) -> None:
        """Each remittance and versement as its entry vouched for it; cheques remitted are cheques, counted right;
        versements' periods apart, and their figures still those of the payments of their days."""
        self._check_remittances({v.summary.get("remittance"): v for v in self.others if v.kind is JournalKind.REMITTANCE})
        self._check_versements({v.summary.get("versement"): v for v in self.others if v.kind is JournalKind.VERSEMENT})

    def _check_remittances(self, vouched: dict[Any, _Vouched]) -> None:
        rows = {row["id"]: row for row in self.session.execute(
            select(*[ChequeRemittance.__table__.c[name] for name in evidence.REMITTANCE_FIELDS])).mappings()}
        cheques: dict[int, list[Any]] = defaultdict(list)
        for row in self.session.execute(
                select(RemittedCheque.payment_line_id, RemittedCheque.remittance_id, PaymentLine.mode,
                       PaymentLine.amount_cents)
                .outerjoin(PaymentLine, PaymentLine.id == RemittedCheque.payment_line_id)).mappings():
            cheques[row["remittance_id"]].append(row)
        for remittance_id, row in sorted(rows.items()):
            code = remittance_code(row["year"], row["number"])
            entry = vouched.get(remittance_id)
            if entry is None:
                self.find(f"le bordereau de remise {code} n'est pas au journal")
            else:
                self._compare(entry, evidence.remittance_parts(row, cheques[remittance_id]), f"le bordereau {code}")
            lines = cheques[remittance_id]
            if any(line["mode"] is not PaymentMode.CHEQUE for line in lines):
                self.find(f"le bordereau {code} remet une ligne de règlement qui n'est pas un chèque")
            if (len(lines), sum(line["amount_cents"] or 0 for line in lines)) != (row["cheque_count"], row["total_cents"]):
                self.find(f"le bordereau {code} annonce {row['cheque_count']} chèque(s) pour "
                          f"{_euros(row['total_cents'])} mais en remet {len(lines)}")
        for remittance_id in sorted(set(vouched) - set(rows), key=str):
            self.find(f"le bordereau de remise n° {remittance_id} du journal a disparu de la base")
        for remittance_id in sorted(set(cheques) - set(rows)):
            self.find(f"des chèques sont remis par un bordereau n° {remittance_id} qui n'existe pas")

    def _check_versements(self, vouched: dict[Any, _Vouched]) -> None:
        from desk.services.regie_books import figures_differing, period_takings
        from desk.services.tenders import MODE_ORDER

        rows = [row for row in self.session.execute(
            select(*[Versement.__table__.c[name] for name in evidence.VERSEMENT_FIELDS])
            .order_by(Versement.first_day)).mappings()]
        previous = None
        for row in rows:
            code = versement_code(row["year"], row["number"])
            entry = vouched.get(row["id"])
            if entry is None:
                self.find(f"le versement {code} n'est pas au journal")
            else:
                self._compare(entry, evidence.versement_parts(row), f"le versement {code}")
            if previous is not None and row["first_day"] <= previous["last_day"]:
                self.find(f"le versement {code} reprend des journées déjà versées par "
                          f"{versement_code(previous['year'], previous['number'])}")
            takings = period_takings(self.session, row["first_day"], row["last_day"])
            differing = figures_differing(takings, row)
            if differing:
                self.find(f"le versement {code} ({_euros(row['total_cents'])}) ne correspond plus aux règlements "
                          f"des journées qu'il couvre ({_euros(takings.cents(*MODE_ORDER))} ; "
                          f"{', '.join(differing)})")
            previous = row
        for versement_id in sorted(set(vouched) - {row["id"] for row in rows}, key=str):
            self.find(f"le versement n° {versement_id} du journal a disparu de la base")

    def check_uncovered_ledger(self) -> None:
        """A movement of a family account that no entry vouches for was slipped in."""
        loose = self.session.execute(
            select(LedgerEntry.id, LedgerEntry.family_id, LedgerEntry.amount_cents, LedgerEntry.kind, LedgerEntry.booking_id)
            .where(LedgerEntry.payment_id.is_(None))
        ).all()
        for row in loose:
            if row.id in self.vouched_ledger or (self.legacy_until and row.kind in _LEGACY_KINDS):
                continue
            self.find(f"le mouvement n° {row.id} du compte de la famille n° {row.family_id} "
                      f"({_euros(row.amount_cents)}) n'est pas au journal")

    # -- places and anchors --------------------------------------------------------

    def check_places(self) -> None:
        live = dict(self.session.execute(
            select(Booking.open_day_id, func.count()).where(Booking.state.in_(LIVE_BOOKING_STATES))
            .group_by(Booking.open_day_id)
        ).all())
        for open_day_id, day, capacity, taken in self.session.execute(
            select(OpenDay.id, OpenDay.day, OpenDay.capacity, OpenDay.places_taken)
        ):
            booked = live.get(open_day_id, 0)
            if taken != booked or booked > capacity:
                self.find(f"le {day:%d/%m/%Y} (journée d'accueil n° {open_day_id}) compte {taken} place(s) prise(s) "
                          f"pour {booked} réservation(s) en cours, {capacity} places en tout")

    def check_anchors(self, anchors: Sequence[Anchor]) -> None:
        if not anchors:
            return
        hashes = dict(self.session.execute(
            select(JournalEntry.sequence, JournalEntry.hash).where(JournalEntry.sequence.in_([a.sequence for a in anchors]))
        ).all())
        for anchor in anchors:
            found = hashes.get(anchor.sequence)
            if found is None:
                self.find(f"l'écriture n° {anchor.sequence}, imprimée sur un journal de caisse, n'est plus dans le "
                          "journal : sa fin a été supprimée")
            elif not found.startswith(anchor.hash_prefix):
                self.find(f"l'écriture n° {anchor.sequence} n'a plus l'empreinte imprimée sur le journal de caisse "
                          f"({anchor.hash_prefix[:16]}…) : le journal a été réécrit")

    # -- reading ---------------------------------------------------------------------

    def _rows(self, table: Table, fields: tuple[str, ...], ids: Iterable[Any]) -> dict[int, Any]:
        wanted = sorted({i for i in ids if isinstance(i, int)})
        found: dict[int, Any] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found.update((row["id"], row) for row in self.session.execute(
                select(*[table.c[name] for name in fields]).where(table.c.id.in_(chunk))).mappings())
        return found

    def _ledger_of_bookings(self, booking_ids: Iterable[Any]) -> dict[int, list[Any]]:
        wanted = sorted({i for i in booking_ids if isinstance(i, int)})
        grouped: dict[int, list[Any]] = defaultdict(list)
        columns = [LedgerEntry.__table__.c[name] for name in evidence.LEDGER_FIELDS]
        for start in range(0, len(wanted), CHUNK):
            for row in self.session.execute(select(*columns).where(
                    LedgerEntry.booking_id.in_(wanted[start:start + CHUNK]), LedgerEntry.payment_id.is_(None))).mappings():
                grouped[row["booking_id"]].append(row)
        return grouped


PAYMENT_AMOUNT = evidence.PAYMENT_FIELDS.index("amount_cents")
LINE_AMOUNT = evidence.LINE_FIELDS.index("amount_cents")
ALLOCATION_AMOUNT = evidence.ALLOCATION_FIELDS.index("amount_cents")
_LEGACY_KINDS = (LedgerKind.CREDIT, LedgerKind.REFUND, LedgerKind.DEBT, LedgerKind.ADJUSTMENT)
_TABLE_WORDS = {"payment_line": "des lignes de règlement", "payment_allocation": "des affectations",
                "receipt": "des tickets", "ledger_entry": "des mouvements de compte famille",
                "booking": "des réservations"}


_STATE_WORDS = {BookingState.CANCELLED: "annulée", BookingState.EXPIRED: "expirée", BookingState.PENDING: "en attente"}


def _written_sealed(row: Any) -> bool:
    """An entry of the sealed era: it has a seal, or its payload carries digests."""
    if row.seal:
        return True
    try:
        payload = json.loads(row.payload)
    except ValueError:
        return False
    return isinstance(payload, dict) and "digests" in payload


def _single(rows: list[Any]) -> Any | None:
    return rows[0] if rows else None  # a second receipt of the same payment shows in the numbering check


def _code(parts: dict[str, Any]) -> str:
    receipt = parts.get("receipt")
    if not receipt:
        return "sans ticket"
    fields = evidence.RECEIPT_FIELDS
    return receipt_code(receipt[fields.index("year")], receipt[fields.index("number")])


def _euros(cents: int) -> str:
    return format_cents(cents)
