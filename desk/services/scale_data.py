"""A town at scale: families, enrolments, a school year of paid bookings.

``generate_town`` is what ``desk-admin generate`` and the benchmarks use; the
demo uses it too for its few hundred families. It is deterministic for a seed
and a date, runs in one transaction (all or nothing), and writes through Core
inserts with ids it assigns itself, so 100 000 families take minutes, not hours.
Every row it writes is one the services could have written: confirmed bookings
with their basket, payment, lines, allocations, receipt numbered per year
without gaps, and journal entries chained in the order of payment.
"""

from __future__ import annotations

import math
import random
import secrets
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock, local_today
from desk.db.bulk import insert_rows, next_id, refresh_statistics, sync_id_sequences
from desk.db.counters import raise_counter_to
from desk.db.enums import (
    BasketState,
    BookingState,
    CashSessionKind,
    JournalKind,
    OnlinePaymentState,
    PaymentChannel,
    PaymentMode,
    Role,
    UnitKind,
)
from desk.db.models import (
    Agent,
    Basket,
    Booking,
    CashCountLine,
    CashSession,
    Child,
    Counter,
    Enrolment,
    Family,
    FamilySearchTerm,
    Guardian,
    JournalEntry,
    OnlinePayment,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
)
from desk.db.search_terms import Person, family_terms
from desk.services import evidence
from desk.services.access import Actor
from desk.services.agents import hash_password
from desk.services.cash_desk import notes_and_coins
from desk.services.family_factory import FamilyFactory, FamilySpec
from desk.services.journal import JOURNAL_COUNTER, ChainTail, journal_tail, key_to_continue
from desk.services.numbering import DOSSIER_COUNTER, dossier_number, receipt_code, receipt_counter
from desk.services.regie_books import catch_up, last_versement_day
from desk.services.school_calendar import school_year_of
from desk.services.town_catalogue import ActivityRefs, CatalogueRefs, ensure_town_catalogue

SYSTEM_AGENT_LOGIN = "generateur"
CHUNK_FAMILIES = 1000
OPENING_FLOAT_CENTS = 15_000
CASH_CEILING_CENTS = 30_000

UNIT_CHOICE = (UnitKind.FULL_DAY, UnitKind.MORNING, UnitKind.AFTERNOON)
UNIT_WEIGHTS = (0.5, 0.25, 0.25)

TABLES_WITH_OWN_IDS = (
    Family, Guardian, Child, Enrolment, Basket, Booking, Payment, PaymentLine,
    PaymentAllocation, Receipt, JournalEntry, CashSession, OnlinePayment,
)


@dataclass
class GenerationReport:
    families: int = 0
    guardians: int = 0
    children: int = 0
    enrolments: int = 0
    bookings: int = 0
    payments: int = 0
    journal_entries: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.families} familles, {self.children} enfants, {self.enrolments} inscriptions, "
            f"{self.bookings} réservations, {self.payments} règlements, "
            f"{self.journal_entries} écritures de journal en {self.seconds:.1f} s"
        )


# child id, enrolment id, open day id, day, price in cents, when the enrolment was made
PlannedBooking = tuple[int, int, int, date, int, datetime]


@dataclass(frozen=True)
class PaymentEvent:
    """What pass two needs of a payment to number it and journal it, in time order."""

    paid_at: datetime
    payment_id: int
    family_id: int
    agent_id: int | None
    cash_session_id: int | None
    amount_cents: int
    booking_ids: tuple[int, ...]
    parts: dict[str, Any]  # the payment's records as ``evidence`` projects them, its receipt to come

    @property
    def instant(self) -> tuple[datetime, int, int]:
        return self.paid_at, 0, self.payment_id


@dataclass(frozen=True)
class ClosingEvent:
    """A generated session's closing, journaled after its payments."""

    closed_at: datetime
    session: dict[str, Any]
    counts: tuple[dict[str, Any], ...]
    summary: dict[str, Any]

    @property
    def instant(self) -> tuple[datetime, int, int]:
        return self.closed_at, 1, self.session["id"]


@dataclass
class _Buffers:
    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type, row: dict[str, Any]) -> None:
        self.rows.setdefault(model, []).append(row)

    def flush(self, session: Session, order: Iterable[type]) -> None:
        for model in order:
            insert_rows(session, model, self.rows.pop(model, []))


def scale_capacities(families: int) -> dict[UnitKind, int]:
    """Places per open day large enough for the town's demand, with a margin."""
    full_day = max(40, math.ceil(families * 0.16))
    half_day = max(20, math.ceil(families * 0.09))
    return {UnitKind.FULL_DAY: full_day, UnitKind.MORNING: half_day, UnitKind.AFTERNOON: half_day}


class TownGenerator:
    """Writes families and their history; see ``generate_town``."""

    # The payments and their cash sessions go in between (see _settle_cash_sessions).
    INSERT_ORDER = (Family, FamilySearchTerm, Guardian, Child, Enrolment, Basket)
    AFTER_PAYMENTS = (PaymentLine, OnlinePayment, Booking, PaymentAllocation)

    def __init__(
        self,
        session: Session,
        clock: Clock,
        *,
        seed: int,
        booking_rate: float,
        catalogue: CatalogueRefs,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.session = session
        self.now = clock.now()
        self.today = local_today(clock)
        self.school_year = school_year_of(self.today)
        self.rng = random.Random(seed)
        self.factory = FamilyFactory(seed, self.today)
        self.booking_rate = booking_rate
        self.catalogue = catalogue
        self.progress = progress or (lambda message: None)
        self.ids = {model: next_id(session, model) for model in TABLES_WITH_OWN_IDS}
        self.dossier = session.scalar(select(Counter.last_value).where(Counter.name == DOSSIER_COUNTER)) or 0
        paid_over_to = last_versement_day(session)  # a period paid over takes no more payments
        self.open_since = (datetime.combine(paid_over_to + timedelta(days=1), clock_time(0), PARIS).astimezone(UTC)
                           if paid_over_to else None)
        staff = session.execute(
            select(Agent.id, Agent.role).where(Agent.is_active, Agent.role != Role.ADMIN).order_by(Agent.id)
        ).all()
        self.agents = [agent_id for agent_id, _role in staff]
        self.cashiers = [agent_id for agent_id, role in staff if role == Role.CASHIER]
        open_days = [o for act in (catalogue.wednesdays, catalogue.summer) for o in act.open_days]
        self.places = {o.id: o.places_taken for o in open_days}
        self.capacity = {o.id: o.capacity for o in open_days}
        self._unit_of = {o.id: o.unit_id for o in open_days}
        self.places_added: Tally[int] = Tally()
        self.events: list[PaymentEvent] = []
        self.closings: list[ClosingEvent] = []
        self.cash_sessions: dict[date, int] = {}
        self.events_settled = 0  # the events before this one have their cash session's final number
        self.cashier: int | None = None
        self.report = GenerationReport()
        self.buffers = _Buffers()

    def take_id(self, model: type) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    # -- pass one: families and what they booked and paid ------------------

    def add_families(self, specs: Iterable[FamilySpec], *, with_history: bool = True) -> list[int]:
        family_ids = []
        for count, spec in enumerate(specs, start=1):
            family_ids.append(self._add_family(spec, with_history))
            if count % CHUNK_FAMILIES == 0:
                self._flush_pass_one()
                self.progress(f"{count} familles…")
        self._flush_pass_one()
        return family_ids

    def _flush_pass_one(self) -> None:
        self.buffers.flush(self.session, self.INSERT_ORDER)
        self._settle_cash_sessions()
        self.buffers.flush(self.session, self.AFTER_PAYMENTS)

    def _add_family(self, spec: FamilySpec, with_history: bool) -> int:
        family_id = self.take_id(Family)
        self.dossier += 1
        created_at = self.now - timedelta(days=self.rng.randint(60, 3 * 365))
        self.buffers.add(Family, {
            "id": family_id, "dossier_number": dossier_number(self.dossier), "name": spec.name,
            "address_line": spec.address_line, "postal_code": spec.postal_code, "city": spec.city,
            "phone": spec.phone, "email": spec.email, "quotient_familial": spec.quotient_familial,
            "note": None, "created_at": created_at,
        })
        for term, kind in spec_terms(spec, dossier_number(self.dossier)):
            self.buffers.add(FamilySearchTerm, {"family_id": family_id, "kind": kind, "term": term})
        for guardian in spec.guardians:
            self.buffers.add(Guardian, {
                "id": self.take_id(Guardian), "family_id": family_id, "first_name": guardian.first_name,
                "last_name": guardian.last_name, "relationship_label": guardian.relationship_label,
                "phone": guardian.phone, "email": guardian.email, "is_primary": guardian.is_primary,
            })
        bookings_by_group: dict[int, list[PlannedBooking]] = {}
        for child in spec.children:
            child_id = self.take_id(Child)
            self.buffers.add(Child, {
                "id": child_id, "family_id": family_id, "first_name": child.first_name,
                "last_name": child.last_name, "birth_date": child.birth_date, "symbol_index": child.symbol_index,
            })
            self.report.children += 1
            if not with_history:
                continue
            for activity, rate in ((self.catalogue.wednesdays, 0.5), (self.catalogue.summer, 0.3)):
                if not self._can_enrol(activity, child.birth_date) or self.rng.random() >= rate:
                    continue
                enrolment_id, enrolled_at = self._enrol(child_id, activity, created_at)
                for open_day_id, day in self._choose_days(activity):
                    price = self.catalogue.prices[(self._unit_of[open_day_id], self.catalogue.bracket_for(spec.quotient_familial))]
                    group = _payment_group(day)
                    bookings_by_group.setdefault(group, []).append((child_id, enrolment_id, open_day_id, day, price, enrolled_at))
        for group in sorted(bookings_by_group):
            self._pay(family_id, spec, bookings_by_group[group])
        self.report.families += 1
        self.report.guardians += len(spec.guardians)
        return family_id

    def _can_enrol(self, activity: ActivityRefs, birth_date: date) -> bool:
        """As the services would: the enrolment window has opened, and the age fits."""
        return activity.enrolment_opens_on <= self.today and _age_fits(birth_date, activity)

    def _enrol(self, child_id: int, activity: ActivityRefs, family_created_at: datetime) -> tuple[int, datetime]:
        """Enrolled in the days after the window opened (or the family's file was made), before today."""
        enrolment_id = self.take_id(Enrolment)
        opened = datetime.combine(activity.enrolment_opens_on, clock_time(10), PARIS).astimezone(UTC)
        enrolled_at = max(opened, family_created_at) + timedelta(days=self.rng.randint(0, 20), minutes=self.rng.randint(0, 480))
        enrolled_at = min(enrolled_at, self.now - timedelta(days=1))
        self.buffers.add(Enrolment, {
            "id": enrolment_id, "child_id": child_id, "activity_id": activity.id,
            "created_at": enrolled_at, "created_by_id": None, "ended_at": None,
        })
        self.report.enrolments += 1
        return enrolment_id, enrolled_at

    def _choose_days(self, activity: ActivityRefs) -> list[tuple[int, date]]:
        """The open days a child books: some days, one unit each, where places remain."""
        by_day: dict[date, dict[int, int]] = {}
        unit_kind = {unit_id: kind for kind, unit_id in activity.units.items()}
        for open_day in activity.open_days:
            by_day.setdefault(open_day.day, {})[unit_kind[open_day.unit_id]] = open_day.id
        chosen = []
        for day, units in by_day.items():
            if self.rng.random() >= self.booking_rate:
                continue
            kinds = [k for k in UNIT_CHOICE if k in units]
            weights = [UNIT_WEIGHTS[UNIT_CHOICE.index(k)] for k in kinds]
            open_day_id = units[self.rng.choices(kinds, weights)[0]]
            if self.places[open_day_id] < self.capacity[open_day_id]:
                self.places[open_day_id] += 1
                self.places_added[open_day_id] += 1
                chosen.append((open_day_id, day))
        return chosen

    def _pay(self, family_id: int, spec: FamilySpec, bookings: list[PlannedBooking]) -> None:
        paid_at = self._payment_instant(min(b[3] for b in bookings), not_before=max(b[5] for b in bookings))
        amount = sum(b[4] for b in bookings)
        payment_id = self.take_id(Payment)
        basket_id = self.take_id(Basket)
        online = self.rng.random() < 0.55
        agent_id = None if online or not self.agents else self.rng.choice(self.agents)
        cash_session_id = None if online else self._cash_session_for(paid_at)
        self.buffers.add(Basket, {
            "id": basket_id, "family_id": family_id, "state": BasketState.PAID.value,
            "created_at": paid_at - timedelta(minutes=8), "updated_at": paid_at,
            "created_by_id": agent_id, "next_online_attempt_at": None,
        })
        payment = {
            "id": payment_id, "family_id": family_id, "basket_id": basket_id, "cash_session_id": cash_session_id,
            "agent_id": agent_id, "channel": (PaymentChannel.ONLINE if online else PaymentChannel.COUNTER).value,
            "paid_at": paid_at, "amount_cents": amount,
        }
        self.buffers.add(Payment, payment)
        lines = [{**_EMPTY_LINE, **line, "id": self.take_id(PaymentLine), "payment_id": payment_id}
                 for line in (self._online_line(payment_id, basket_id, family_id, spec, paid_at, amount) if online
                              else self._counter_lines(amount, _drawer(spec)))]
        for line in lines:
            self.buffers.add(PaymentLine, line)
        allocations, booking_ids, paid_bookings = [], [], []
        for child_id, enrolment_id, open_day_id, _day, price, _enrolled_at in bookings:
            booking_id = self.take_id(Booking)
            paid_bookings.append({"id": booking_id, "child_id": child_id, "open_day_id": open_day_id,
                                  "price_cents": price, "payment_id": payment_id})
            self.buffers.add(Booking, {
                "id": booking_id, "child_id": child_id, "enrolment_id": enrolment_id, "open_day_id": open_day_id,
                "basket_id": basket_id, "state": BookingState.CONFIRMED.value, "price_cents": price,
                "hold_expires_at": None, "created_at": paid_at - timedelta(minutes=5), "created_by_id": agent_id,
                "confirmed_at": paid_at, "ended_at": None, "payment_id": payment_id, "cancellation_basket_id": None,
            })
            allocations.append({"id": self.take_id(PaymentAllocation), "payment_id": payment_id,
                                "booking_id": booking_id, "ledger_entry_id": None, "amount_cents": price})
            booking_ids.append(booking_id)
        for allocation in allocations:
            self.buffers.add(PaymentAllocation, allocation)
        self.report.bookings += len(bookings)
        self.report.payments += 1
        parts = evidence.payment_parts(payment, lines, allocations, None, [], paid_bookings)
        self.events.append(PaymentEvent(paid_at, payment_id, family_id, agent_id, cash_session_id, amount,
                                        tuple(booking_ids), {name: evidence.digest(parts[name]) for name in
                                                             ("payment", "lines", "allocations", "ledger", "bookings")}))

    def _payment_instant(self, first_day: date, *, not_before: datetime) -> datetime:
        """Office hours on a weekday before the first booked day, after the enrolment, before today."""
        day = first_day - timedelta(days=self.rng.randint(4, 25))
        latest = self.today - timedelta(days=1)
        if day > latest:
            day = latest - timedelta(days=self.rng.randint(0, 20))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        minutes = self.rng.randint(8 * 60 + 30, 17 * 60 + 30)
        local = datetime.combine(day, clock_time(minutes // 60, minutes % 60, self.rng.randint(0, 59)), PARIS)
        earliest = max(not_before + timedelta(minutes=10), self.open_since or not_before)
        return min(max(local.astimezone(UTC), earliest), self.now - timedelta(minutes=1))

    def _cash_session_for(self, paid_at: datetime) -> int:
        day = paid_at.astimezone(PARIS).date()
        if day not in self.cash_sessions:
            self.cash_sessions[day] = self.take_id(CashSession)
            self.buffers.add(CashSession, self._open_cash_session(self.cash_sessions[day], day))
        return self.cash_sessions[day]

    def _open_cash_session(self, session_id: int, day: date) -> dict[str, Any]:
        """A day's session as the régisseur opens it at 8:15; ``_settle_cash_sessions`` closes it."""
        if self.cashier is None:
            self.cashier = self.cashiers[0] if self.cashiers else self._system_agent()
        return {
            "id": session_id, "kind": CashSessionKind.COUNTER.value,
            "opened_at": datetime.combine(day, clock_time(8, 15), PARIS).astimezone(UTC),
            "opened_by_id": self.cashier, "opening_float_cents": OPENING_FLOAT_CENTS,
            "closed_at": None, "closed_by_id": None, "expected_cash_cents": None, "counted_cash_cents": None,
            "counted_cheques_cents": None, "difference_cents": None, "closing_comment": None,
        }

    def _online_line(self, payment_id, basket_id, family_id, spec, paid_at, amount) -> list[dict[str, Any]]:
        refdet = f"{paid_at.astimezone(PARIS):%Y%m%d}x{family_id}x{payment_id}"
        idop = f"SIM{payment_id:012d}"
        authorisation = f"{self.rng.randrange(10**6):06d}"
        created = paid_at - timedelta(minutes=3)
        self.buffers.add(OnlinePayment, {
            "id": self.take_id(OnlinePayment), "basket_id": basket_id, "family_id": family_id,
            "refdet": refdet, "idop": idop, "amount_cents": amount, "email": spec.email,
            "state": OnlinePaymentState.PAID.value, "created_at": created,
            "expires_at": created + timedelta(minutes=15), "result_code": "P",
            "authorisation_number": authorisation, "resolved_at": paid_at, "payment_id": payment_id,
            "needs_cashier_review": False,
        })
        return [{"mode": PaymentMode.PAYFIP.value, "amount_cents": amount, "refdet": refdet,
                 "idop": idop, "authorisation_number": authorisation}]

    def _counter_lines(self, amount: int, drawer: str) -> list[dict[str, Any]]:
        roll = self.rng.random()
        if roll < 0.06 and amount > 2000:
            vouchers = amount // 1000
            lines = [{"mode": PaymentMode.HOLIDAY_VOUCHER.value, "amount_cents": vouchers * 1000,
                      "voucher_count": vouchers, "voucher_value_cents": 1000}]
            rest = amount - vouchers * 1000
            return lines + ([_cash_line(rest)] if rest else [])
        if roll < 0.45 and amount <= CASH_CEILING_CENTS:
            return [_cash_line(amount)]
        if roll < 0.7:
            return [{"mode": PaymentMode.CHEQUE.value, "amount_cents": amount,
                     "cheque_number": f"{self.rng.randrange(10**7):07d}", "cheque_bank": "Crédit Agricole des Savoie",
                     "cheque_drawer": drawer}]
        return [{"mode": PaymentMode.CARD.value, "amount_cents": amount,
                 "authorisation_number": f"{self.rng.randrange(10**6):06d}",
                 "card_last4": f"{self.rng.randrange(10**4):04d}"}]

    # -- pass two: receipts, journal, cash sessions, places ----------------

    def finish(self) -> GenerationReport:
        self._write_receipts_and_journal()
        self._record_places()
        raise_counter_to(self.session, DOSSIER_COUNTER, self.dossier)
        sync_id_sequences(self.session, TABLES_WITH_OWN_IDS)
        refresh_statistics(self.session)
        return self.report

    def _settle_cash_sessions(self) -> None:
        """Write the buffered payments as the desk would have: one counter session open at a time,
        no payment into a closed one. So each session of the chunk is opened, takes its payments and
        is closed with the cash they brought, counted; the next chunk opens sessions of its own."""
        self._number_sessions_by_date()
        payments: dict[int | None, list[dict[str, Any]]] = {}
        for row in self.buffers.rows.pop(Payment, []):
            payments.setdefault(row["cash_session_id"], []).append(row)
        session_of = {row["id"]: session_id for session_id, rows in payments.items() for row in rows}
        by_mode: dict[int | None, Tally[str]] = {}
        for line in self.buffers.rows.get(PaymentLine, []):
            by_mode.setdefault(session_of[line["payment_id"]], Tally())[line["mode"]] += line["amount_cents"]
        insert_rows(self.session, Payment, payments.pop(None, []))
        for row in self.buffers.rows.pop(CashSession, []):
            insert_rows(self.session, CashSession, [row])
            insert_rows(self.session, Payment, payments[row["id"]])
            self._close(row, payments[row["id"]], by_mode.get(row["id"], Tally()))
        self.cash_sessions.clear()

    def _number_sessions_by_date(self) -> None:
        """The chunk's sessions got their numbers as the payments came, family after family: give them
        the same numbers in the order of their days, so that session n° N+1 is the one after n° N (and the
        desk's next one follows the last). Their payments, and the digests the journal keeps of them, follow."""
        sessions = self.buffers.rows.get(CashSession, [])
        numbers = sorted(row["id"] for row in sessions)
        sessions.sort(key=lambda row: row["opened_at"])
        renumbered = {row["id"]: number for row, number in zip(sessions, numbers, strict=True)}
        for row in sessions:
            row["id"] = renumbered[row["id"]]
        payments = {}
        for row in self.buffers.rows.get(Payment, []):
            if row["cash_session_id"] is not None:
                row["cash_session_id"] = renumbered[row["cash_session_id"]]
                payments[row["id"]] = row
        for index in range(self.events_settled, len(self.events)):
            event = self.events[index]
            if event.cash_session_id is not None:
                payment = payments[event.payment_id]
                parts = {**event.parts, "payment": evidence.digest(evidence.record(payment, evidence.PAYMENT_FIELDS))}
                self.events[index] = replace(event, cash_session_id=payment["cash_session_id"], parts=parts)
        self.events_settled = len(self.events)

    def _close(self, row: dict[str, Any], payments: list[dict[str, Any]], by_mode: Tally[str]) -> None:
        day = row["opened_at"].astimezone(PARIS).date()
        last = max(payment["paid_at"] for payment in payments)
        expected = OPENING_FLOAT_CENTS + by_mode[PaymentMode.CASH.value]
        closing = {
            "closed_at": max(datetime.combine(day, clock_time(18), PARIS).astimezone(UTC), last + timedelta(seconds=1)),
            "closed_by_id": self.cashier, "expected_cash_cents": expected, "counted_cash_cents": expected,
            "counted_cheques_cents": by_mode[PaymentMode.CHEQUE.value], "difference_cents": 0,
        }
        counts = [{"cash_session_id": row["id"], "denomination_cents": denomination, "count": number}
                  for denomination, number in notes_and_coins(expected).items()]
        insert_rows(self.session, CashCountLine, counts)
        table = CashSession.__table__
        self.session.execute(update(table).where(table.c.id == row["id"]).values(**closing))
        row.update(closing)
        self.closings.append(ClosingEvent(closing["closed_at"], row, tuple(counts), {
            "payments": len(payments), "by_mode": dict(sorted(by_mode.items())), "expected_cash": expected,
            "counted_cash": expected, "difference": 0,
        }))

    def _system_agent(self) -> int:
        """Closed sessions need a cashier; a town generated without one gets an inactive one."""
        existing = self.session.scalar(select(Agent.id).where(Agent.login == SYSTEM_AGENT_LOGIN))
        if existing is not None:
            return existing
        agent_id = next_id(self.session, Agent)
        insert_rows(self.session, Agent, [{
            "id": agent_id, "login": SYSTEM_AGENT_LOGIN, "display_name": "Données générées",
            "password_hash": hash_password(secrets.token_urlsafe(24)), "role": Role.CASHIER.value,
            "is_active": False, "failed_login_count": 0, "locked_until": None, "created_at": self.now,
        }])
        sync_id_sequences(self.session, (Agent,))
        return agent_id

    def _write_receipts_and_journal(self) -> None:
        """Number the receipts and journal the payments and closings in time order, as the desks would have."""
        tail = journal_tail(self.session)
        key = key_to_continue(self.session, tail)
        numbers: dict[int, int] = {}
        receipts: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for event in sorted([*self.events, *self.closings], key=lambda e: e.instant):
            if isinstance(event, ClosingEvent):
                entry = self._closing_entry(event)
            else:
                receipt = self._receipt(event, numbers)
                receipts.append(receipt)
                entry = self._payment_entry(event, receipt)
            fields = tail.next_entry(key=key, **entry)
            tail = ChainTail.after(fields)
            entries.append({**fields, "id": self.take_id(JournalEntry), "kind": fields["kind"].value})
            if len(entries) >= 5000:
                self._insert_journal_batch(receipts, entries)
        self._insert_journal_batch(receipts, entries)
        for year, last in numbers.items():
            raise_counter_to(self.session, receipt_counter(year), last)
        raise_counter_to(self.session, JOURNAL_COUNTER, tail.sequence)
        self.report.journal_entries = len(self.events) + len(self.closings)

    def _receipt(self, event: PaymentEvent, numbers: dict[int, int]) -> dict[str, Any]:
        year = event.paid_at.astimezone(PARIS).year
        if year not in numbers:
            numbers[year] = self.session.scalar(select(Counter.last_value).where(Counter.name == receipt_counter(year))) or 0
        numbers[year] += 1
        return {"id": self.take_id(Receipt), "payment_id": event.payment_id, "year": year, "number": numbers[year],
                "issued_at": event.paid_at}

    @staticmethod
    def _payment_entry(event: PaymentEvent, receipt: dict[str, Any]) -> dict[str, Any]:
        digests = {**event.parts, "receipt": evidence.digest(evidence.record(receipt, evidence.RECEIPT_FIELDS))}
        summary = {"receipt": receipt_code(receipt["year"], receipt["number"]), "amount_cents": event.amount_cents,
                   "bookings": list(event.booking_ids), "cancelled": [], "note": ""}
        return dict(kind=JournalKind.PAYMENT, created_at=event.paid_at, amount_cents=event.amount_cents,
                    agent_id=event.agent_id, family_id=event.family_id, payment_id=event.payment_id,
                    cash_session_id=event.cash_session_id,
                    payload={"v": evidence.PAYLOAD_VERSION, **summary, "digests": digests})

    @staticmethod
    def _closing_entry(event: ClosingEvent) -> dict[str, Any]:
        return dict(kind=JournalKind.CLOSING, created_at=event.closed_at, amount_cents=0,
                    agent_id=event.session["closed_by_id"], cash_session_id=event.session["id"],
                    payload=evidence.payload(evidence.closing_parts(event.session, event.counts), **event.summary))

    def _insert_journal_batch(self, receipts: list[dict[str, Any]], entries: list[dict[str, Any]]) -> None:
        insert_rows(self.session, Receipt, receipts)
        insert_rows(self.session, JournalEntry, entries)
        receipts.clear()
        entries.clear()

    def _record_places(self) -> None:
        if not self.places_added:
            return
        table = OpenDay.__table__
        statement = (
            update(table)
            .where(table.c.id == bindparam("open_day_id"))
            .values(places_taken=table.c.places_taken + bindparam("added"))
        )
        self.session.connection().execute(
            statement, [{"open_day_id": k, "added": v} for k, v in sorted(self.places_added.items())]
        )


_EMPTY_LINE = {
    "tendered_cents": None, "change_cents": None, "cheque_number": None, "cheque_bank": None,
    "cheque_drawer": None, "authorisation_number": None, "card_last4": None, "voucher_count": None,
    "voucher_value_cents": None, "refdet": None, "idop": None,
}


def _drawer(spec: FamilySpec) -> str:
    """Who signs the family's cheques: its first guardian, as the bank prints the name."""
    guardian = spec.guardians[0] if spec.guardians else None
    return f"{guardian.first_name} {guardian.last_name}" if guardian else spec.name


def _cash_line(amount: int) -> dict[str, Any]:
    tendered = math.ceil(amount / 500) * 500
    return {"mode": PaymentMode.CASH.value, "amount_cents": amount, "tendered_cents": tendered,
            "change_cents": tendered - amount}


def spec_terms(spec: FamilySpec, dossier: str) -> set[tuple[str, str]]:
    people = [Person(g.first_name, g.last_name, g.phone, g.email) for g in spec.guardians]
    people += [Person(c.first_name, c.last_name) for c in spec.children]
    return family_terms(dossier_number=dossier, family_name=spec.name, phone=spec.phone, email=spec.email, people=people)


def _age_fits(birth: date, activity: ActivityRefs) -> bool:
    start = activity.start_date
    age = start.year - birth.year - ((start.month, start.day) < (birth.month, birth.day))
    return activity.min_age_years <= age <= activity.max_age_years


def _payment_group(day: date) -> int:
    """Families pay by term: September–December, January–March, April–August."""
    if day.month >= 9:
        return 0
    return 1 if day.month <= 3 else 2


def generate_town(
    session: Session,
    clock: Clock,
    *,
    families: int,
    seed: int,
    booking_rate: float = 0.35,
    progress: Callable[[str], None] | None = None,
) -> GenerationReport:
    """Add ``families`` families with their enrolments, bookings and payments."""
    started = time.perf_counter()
    school_year = school_year_of(local_today(clock))
    catalogue = ensure_town_catalogue(session, school_year, scale_capacities(families))
    _raise_capacities(session, catalogue, scale_capacities(families))
    catalogue = ensure_town_catalogue(session, school_year)
    generator = TownGenerator(session, clock, seed=seed, booking_rate=booking_rate, catalogue=catalogue, progress=progress)
    generator.add_families(generator.factory.family(generator.ids[Family] + n) for n in range(families))
    report = generator.finish()
    catch_up(session, clock, Actor(None, Role.ADMIN, "desk-admin"))  # earlier months paid over, this one not
    report.seconds = time.perf_counter() - started
    return report


def _raise_capacities(session: Session, catalogue: CatalogueRefs, capacities: dict[UnitKind, int]) -> None:
    """An existing catalogue (the demo's) gets enough places for the generated town."""
    for activity in (catalogue.wednesdays, catalogue.summer):
        for kind, unit_id in activity.units.items():
            session.execute(
                update(OpenDay)
                .where(OpenDay.unit_id == unit_id, OpenDay.capacity < capacities[kind])
                .values(capacity=capacities[kind])
            )
    session.expire_all()
