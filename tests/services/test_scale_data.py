"""The scale generator: deterministic, consistent, and every invariant kept."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, select

from desk.clock import local_today
from desk.db.enums import BookingState, PaymentMode
from desk.db.models import (
    Booking,
    CashSession,
    ChequeRemittance,
    Child,
    Counter,
    Family,
    JournalEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    Versement,
)
from desk.services.regie_books import day_bounds, held_cheques
from desk.services.scale_data import generate_town
from desk.services.verification import verify_journal


def generate(database, clock, families=150, seed=11):
    with database.session_factory.begin() as session:
        return generate_town(session, clock, families=families, seed=seed)


def test_the_same_seed_gives_the_same_town(tmp_path, clock):
    from desk.db.engine import open_database
    from desk.db.migrate import ensure_schema

    towns = []
    for name in ("a", "b"):
        database = open_database(f"sqlite:///{tmp_path / name}.sqlite3", create=True)
        ensure_schema(database)
        generate(database, clock)
        with database.read_session_factory() as session:
            towns.append((
                session.execute(select(Family.dossier_number, Family.name, Family.email).order_by(Family.id)).all(),
                session.execute(select(Booking.child_id, Booking.open_day_id, Booking.price_cents).order_by(Booking.id)).all(),
                session.execute(select(JournalEntry.hash).order_by(JournalEntry.sequence)).all(),
            ))
        database.dispose()
    assert towns[0] == towns[1]
    assert len(towns[0][1]) > 0


def test_a_generated_town_keeps_every_invariant(database, clock):
    report = generate(database, clock)
    assert report.families == 150
    with database.read_session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Family)) == 150
        assert session.scalar(select(func.count()).select_from(Child)) == report.children
        assert 1.5 < report.children / report.families < 2.2

        live = dict(session.execute(
            select(Booking.open_day_id, func.count()).where(Booking.state.in_([BookingState.PENDING, BookingState.CONFIRMED]))
            .group_by(Booking.open_day_id)
        ).all())
        for open_day_id, capacity, taken in session.execute(select(OpenDay.id, OpenDay.capacity, OpenDay.places_taken)):
            assert taken == live.get(open_day_id, 0) <= capacity

        per_payment = defaultdict(int)
        for payment_id, amount in session.execute(select(PaymentAllocation.payment_id, PaymentAllocation.amount_cents)):
            per_payment[payment_id] += amount
        lines = defaultdict(int)
        for payment_id, amount in session.execute(select(PaymentLine.payment_id, PaymentLine.amount_cents)):
            lines[payment_id] += amount
        for payment_id, amount in session.execute(select(Payment.id, Payment.amount_cents)):
            assert per_payment[payment_id] == lines[payment_id] == amount

        for year, numbers in _receipt_numbers(session).items():
            assert numbers == list(range(1, len(numbers) + 1)), year
            assert session.scalar(select(Counter.last_value).where(Counter.name == f"receipt:{year}")) == len(numbers)

        verification = verify_journal(session)
        assert verification.ok, verification.findings
        closings = session.scalar(select(func.count()).select_from(CashSession).where(CashSession.closed_at.is_not(None)))
        books = session.scalar(select(func.count()).select_from(ChequeRemittance)) + session.scalar(
            select(func.count()).select_from(Versement))
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == report.payments + closings + books
        _the_regie_books_agree_with_the_journal(session, clock)
        assert verification.payments_checked == report.payments and verification.seals_checked
        assert session.scalar(select(func.max(Payment.paid_at))) < clock.now()
        cash = session.scalar(select(func.sum(PaymentLine.amount_cents)).where(PaymentLine.mode == PaymentMode.CASH)) or 0
        floats = session.scalar(select(func.sum(CashSession.opening_float_cents)))
        assert session.scalar(select(func.sum(CashSession.expected_cash_cents))) == floats + cash
        assert session.scalar(select(func.max(PaymentLine.amount_cents)).where(PaymentLine.mode == PaymentMode.CASH)) <= 30_000


def _the_regie_books_agree_with_the_journal(session, clock) -> None:
    """Paid over month by month up to a few days ago, each versement equal to its days' payments; the current
    month and the last days' cheques are left for the régisseur."""
    today = local_today(clock)
    versements = session.execute(select(Versement.first_day, Versement.last_day, Versement.total_cents)
                                 .order_by(Versement.first_day)).all()
    assert versements, "the months before this one are paid over"
    for (_first, last), (first, _last, _total) in zip(
            [(v.first_day, v.last_day) for v in versements], versements[1:], strict=False):
        assert first == last + timedelta(days=1), "versements follow each other without gap"
    for first, last, total in versements:
        start, end = day_bounds(first, last)
        paid = session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0))
                              .where(Payment.paid_at >= start, Payment.paid_at < end))
        assert total == paid, (first, last)
    assert versements[-1].last_day < today.replace(day=1), "the current month is not paid over yet"
    assert held_cheques(session, today), "some cheques are still held"


def test_generating_again_continues_numbers_and_chain(database, clock):
    generate(database, clock, families=60, seed=1)
    generate(database, clock, families=60, seed=2)
    with database.read_session_factory() as session:
        dossiers = session.scalars(select(Family.dossier_number).order_by(Family.id)).all()
        assert dossiers == [f"F-{n:05d}" for n in range(1, 121)]
        assert verify_journal(session).ok
        for numbers in _receipt_numbers(session).values():
            assert len(numbers) == len(set(numbers))


def _receipt_numbers(session) -> dict[int, list[int]]:
    numbers: dict[int, list[int]] = defaultdict(list)
    for year, number in session.execute(select(Receipt.year, Receipt.number).order_by(Receipt.year, Receipt.number)):
        numbers[year].append(number)
    return numbers


def test_generated_history_is_one_the_services_could_have_written(database, clock):
    from desk.db.models import Activity, Enrolment

    generate(database, clock)
    with database.read_session_factory() as session:
        too_early = session.scalar(
            select(func.count()).select_from(Booking)
            .join(Enrolment, Booking.enrolment_id == Enrolment.id)
            .join(Payment, Booking.payment_id == Payment.id)
            .where(Payment.paid_at < Enrolment.created_at)
        )
        before_family = session.scalar(
            select(func.count()).select_from(Payment).join(Family, Payment.family_id == Family.id)
            .where(Payment.paid_at < Family.created_at)
        )
        closed_window = session.scalar(
            select(func.count()).select_from(Enrolment).join(Activity, Enrolment.activity_id == Activity.id)
            .where(Activity.enrolment_opens_on > clock.now().date())
        )
    assert (too_early, before_family, closed_window) == (0, 0, 0)
