"""The invariants the database holds by itself, whatever code writes to it."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, text, update
from sqlalchemy.exc import DataError, IntegrityError

from desk.db.enums import (
    AuditOutcome,
    BasketState,
    BookingState,
    CashSessionKind,
    JournalKind,
    LedgerKind,
    PaymentChannel,
    PaymentMode,
    PaymentRule,
    Role,
    UnitKind,
)
from desk.db.models import (
    Activity,
    ActivityCategory,
    ActivityType,
    Agent,
    AuditEntry,
    Basket,
    Booking,
    CashCountLine,
    CashSession,
    Child,
    Enrolment,
    Family,
    Guardian,
    JournalEntry,
    LedgerEntry,
    OpenDay,
    Payment,
    PaymentAllocation,
    PaymentLine,
    Receipt,
    ReceiptPrint,
    Unit,
)
from tests.conftest import behind_the_applications_back, on_postgres_only

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(database):
    """One family, two children, one activity with one open day, an open basket."""
    with database.session_factory.begin() as session:
        family = Family(dossier_number="F-00001", name="DURAND", created_at=NOW)
        session.add(family)
        session.flush()
        noah = Child(family_id=family.id, first_name="Noah", last_name="DURAND", birth_date=date(2018, 3, 14), symbol_index=0)
        lea = Child(family_id=family.id, first_name="Léa", last_name="DURAND", birth_date=date(2020, 9, 2), symbol_index=1)
        category = ActivityCategory(name="Centre de loisirs")
        session.add_all([noah, lea, category])
        session.flush()
        activity_type = ActivityType(category_id=category.id, name="AL Pommiers", payment_rule=PaymentRule.AT_BOOKING)
        session.add(activity_type)
        session.flush()
        activity = Activity(
            type_id=activity_type.id, name="Pommiers mercredis 2026-2027", start_date=date(2026, 9, 2),
            end_date=date(2027, 6, 30), enrolment_opens_on=date(2026, 6, 1), enrolment_closes_on=date(2027, 6, 30),
            min_age_years=3, max_age_years=11, booking_deadline_days=2, booking_deadline_hour=12,
        )
        session.add(activity)
        session.flush()
        unit = Unit(activity_id=activity.id, name="Mercredi journée", kind=UnitKind.FULL_DAY, position=0)
        session.add(unit)
        session.flush()
        open_day = OpenDay(unit_id=unit.id, day=date(2026, 12, 2), capacity=2, places_taken=0)
        enrolments = [Enrolment(child_id=c.id, activity_id=activity.id, created_at=NOW) for c in (noah, lea)]
        basket = Basket(family_id=family.id, state=BasketState.OPEN, created_at=NOW, updated_at=NOW)
        session.add_all([open_day, basket, *enrolments])
        session.flush()
        return {
            "family": family.id, "noah": noah.id, "lea": lea.id, "open_day": open_day.id, "basket": basket.id,
            "noah_enrolment": enrolments[0].id, "lea_enrolment": enrolments[1].id, "activity": activity.id,
        }


def pending_booking(world, child="noah", **overrides) -> Booking:
    values = dict(
        child_id=world[child], enrolment_id=world[f"{child}_enrolment"], open_day_id=world["open_day"],
        basket_id=world["basket"], state=BookingState.PENDING, price_cents=1000,
        hold_expires_at=NOW + timedelta(minutes=15), created_at=NOW,
    )
    values.update(overrides)
    return Booking(**values)


def refused(database, *rows, message: str | None = None) -> None:
    # PostgreSQL reports an over-long value as a DataError, SQLite as a CHECK failure.
    with pytest.raises((IntegrityError, DataError)) as caught, database.session_factory.begin() as session:
        session.add_all(rows)
    if message:
        assert message in str(caught.value).lower()


def test_a_second_live_booking_for_the_same_child_day_and_unit_is_refused(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world))
    refused(database, pending_booking(world), message="uq_booking_live_child_open_day" if not database.is_sqlite else "unique")


def test_a_confirmed_booking_also_blocks_a_new_pending_one(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, state=BookingState.CONFIRMED, hold_expires_at=None, confirmed_at=NOW))
    refused(database, pending_booking(world))


def test_an_ended_booking_frees_the_child_day_and_unit(database, world):
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, state=BookingState.EXPIRED, ended_at=NOW))
        session.add(pending_booking(world, state=BookingState.CANCELLED, ended_at=NOW))
    with database.session_factory.begin() as session:
        session.add(pending_booking(world))
    with database.session_factory.begin() as session:
        session.add(pending_booking(world, child="lea"))


def test_places_taken_can_never_exceed_capacity(database, world):
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == world["open_day"]).values(places_taken=2))
    with pytest.raises(IntegrityError, match="within_capacity"), database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == world["open_day"]).values(places_taken=3))


def test_a_pending_booking_must_hold_a_place_until_a_deadline(database, world):
    refused(database, pending_booking(world, hold_expires_at=None), message="pending_is_held")


def test_a_booking_child_must_be_its_enrolments_child(database, world):
    refused(database, pending_booking(world, child_id=world["lea"]))


def test_one_basket_in_progress_per_family(database, world):
    refused(
        database,
        Basket(family_id=world["family"], state=BasketState.PAYMENT_IN_PROGRESS, created_at=NOW, updated_at=NOW),
    )
    with database.session_factory.begin() as session:
        session.add(Basket(family_id=world["family"], state=BasketState.PAID, created_at=NOW, updated_at=NOW))


def test_a_basket_is_paid_at_most_once(database, world):
    def payment() -> Payment:
        return Payment(family_id=world["family"], basket_id=world["basket"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=1000)

    with database.session_factory.begin() as session:
        session.add(payment())
    refused(database, payment())


def test_receipt_numbers_are_unique_per_year(database, world):
    with database.session_factory.begin() as session:
        payments = [Payment(family_id=world["family"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=100) for _ in range(3)]
        session.add_all(payments)
        session.flush()
        session.add(Receipt(payment_id=payments[0].id, year=2026, number=1, issued_at=NOW))
        session.add(Receipt(payment_id=payments[1].id, year=2027, number=1, issued_at=NOW))
        third = payments[2].id
    refused(database, Receipt(payment_id=third, year=2026, number=1, issued_at=NOW))


def test_cash_lines_record_consistent_change(database, world):
    with database.session_factory.begin() as session:
        payment = Payment(family_id=world["family"], channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=1400)
        session.add(payment)
        session.flush()
        payment_id = payment.id
        session.add(PaymentLine(payment_id=payment_id, mode=PaymentMode.CASH, amount_cents=1400, tendered_cents=2000, change_cents=600))
    refused(
        database,
        PaymentLine(payment_id=payment_id, mode=PaymentMode.CASH, amount_cents=1400, tendered_cents=2000, change_cents=500),
        message="cash_change_consistent",
    )
    refused(
        database,
        PaymentLine(payment_id=payment_id, mode=PaymentMode.CARD, amount_cents=1400, card_last4="4970100000000006"),
    )


def test_one_primary_guardian_per_family(database, world):
    def guardian(first_name: str) -> Guardian:
        return Guardian(family_id=world["family"], first_name=first_name, last_name="DURAND", relationship_label="Parent", is_primary=True)

    with database.session_factory.begin() as session:
        session.add(guardian("Julie"))
    refused(database, guardian("Thomas"))


def test_blank_names_and_malformed_dossiers_are_refused(database, world):
    refused(database, Family(dossier_number="F-00002", name="   ", created_at=NOW), message="name_not_blank")
    refused(database, Family(dossier_number="00003", name="MARTIN", created_at=NOW), message="dossier_number_format")
    refused(database, Family(dossier_number="F-00001", name="MARTIN", created_at=NOW))


def test_child_symbols_are_unique_within_a_family(database, world):
    refused(
        database,
        Child(family_id=world["family"], first_name="Hugo", last_name="DURAND", birth_date=date(2022, 5, 27), symbol_index=0),
    )


def test_agent_logins_are_lowercase(database):
    refused(
        database,
        Agent(login="Agent", display_name="A", password_hash="x", role=Role.AGENT, created_at=NOW),
        message="login_lowercase",
    )


# -- what the triggers refuse ---------------------------------------------------------------

# Each append-only table, and a column an UPDATE would touch.
APPEND_ONLY = {
    "payment": "amount_cents", "payment_line": "amount_cents", "payment_allocation": "amount_cents",
    "receipt": "number", "ledger_entry": "amount_cents", "journal_entry": "payload", "audit_entry": "detail",
    "cash_count_line": "count", "receipt_print": "copy_number",
}
NOT_TRUNCATED = (*APPEND_ONLY, "cash_session", "online_payment", "booking", "counter")


@pytest.fixture
def cashier(database) -> int:
    with database.session_factory.begin() as session:
        agent = Agent(login="regisseur", display_name="Sophie Bernard", password_hash="x", role=Role.CASHIER,
                      created_at=NOW)
        session.add(agent)
        session.flush()
        return agent.id


@pytest.fixture
def open_session(database, cashier) -> int:
    with database.session_factory.begin() as session:
        cash_session = CashSession(kind=CashSessionKind.COUNTER, opened_at=NOW, opened_by_id=cashier,
                                   opening_float_cents=15_000)
        session.add(cash_session)
        session.flush()
        return cash_session.id


@pytest.fixture
def closed_session(database, world, cashier, open_session) -> int:
    """A session that took a card payment (with a row in every append-only table) and was closed with its count."""
    with database.session_factory.begin() as session:
        payment = counter_payment(world, open_session)
        session.add(payment)
        session.flush()
        ledger = LedgerEntry(family_id=world["family"], created_at=NOW, kind=LedgerKind.PAYMENT, amount_cents=-1400,
                             label="Règlement", payment_id=payment.id)
        receipt = Receipt(payment_id=payment.id, year=2026, number=1, issued_at=NOW)
        session.add_all([
            ledger, receipt, PaymentLine(payment_id=payment.id, mode=PaymentMode.CARD, amount_cents=1400),
            JournalEntry(sequence=1, kind=JournalKind.PAYMENT, created_at=NOW, payment_id=payment.id, amount_cents=1400,
                         grand_total_in_cents=1400, grand_total_out_cents=0, payload="{}", hash="a" * 64),
            AuditEntry(at=NOW, agent_id=cashier, action="payment", outcome=AuditOutcome.OK, detail="ticket 2026-000001"),
            CashCountLine(cash_session_id=open_session, denomination_cents=5000, count=3),
        ])
        session.flush()
        session.add_all([
            PaymentAllocation(payment_id=payment.id, ledger_entry_id=ledger.id, amount_cents=1400),
            ReceiptPrint(receipt_id=receipt.id, copy_number=1, printed_at=NOW, agent_id=cashier),
        ])
    close(database, open_session, cashier)
    return open_session


def counter_payment(world, cash_session_id: int | None) -> Payment:
    return Payment(family_id=world["family"], cash_session_id=cash_session_id, channel=PaymentChannel.COUNTER,
                   paid_at=NOW, amount_cents=1400)


def close(database, cash_session_id: int, cashier: int) -> None:
    """The closing as the cash desk writes it: one UPDATE of the open session."""
    with database.engine.begin() as connection:
        connection.execute(update(CashSession).where(CashSession.id == cash_session_id).values(
            closed_at=NOW + timedelta(hours=9), closed_by_id=cashier, expected_cash_cents=15_000,
            counted_cash_cents=15_000, counted_cheques_cents=0, difference_cents=0,
        ))


def refused_statement(database, statement: str, message: str) -> None:
    with pytest.raises(IntegrityError, match=message) as caught, database.engine.begin() as connection:
        connection.execute(text(statement))
    if not database.is_sqlite:
        assert caught.value.orig.sqlstate == "23000"  # integrity_constraint_violation


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_an_append_only_row_is_never_updated_nor_deleted(database, closed_session, table):
    column = APPEND_ONLY[table]
    refused_statement(database, f"UPDATE {table} SET {column} = {column}", f"la table {table} n'accepte que des ajouts")
    refused_statement(database, f"DELETE FROM {table}", f"la table {table} n'accepte que des ajouts")
    with database.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1


@on_postgres_only
@pytest.mark.parametrize("table", NOT_TRUNCATED)
def test_truncate_is_refused_where_rows_are_history(database, closed_session, table):
    refused_statement(database, f"TRUNCATE {table} CASCADE", f"la table {table} ne peut pas être vidée")


@on_postgres_only
def test_truncating_a_table_the_money_refers_to_is_refused_too(database, closed_session):
    refused_statement(database, "TRUNCATE family CASCADE", "ne peut pas être vidée")


def test_a_closed_session_can_no_longer_be_changed_nor_reopened(database, closed_session):
    for change in ("counted_cash_cents = 0", "closed_at = NULL, closed_by_id = NULL, counted_cash_cents = NULL"):
        refused_statement(database, f"UPDATE cash_session SET {change}", "une session de caisse clôturée ne se modifie plus")


def test_a_cash_session_is_never_deleted_open_or_closed(database, cashier, open_session):
    refused_statement(database, "DELETE FROM cash_session", "une session de caisse ne se supprime pas")
    close(database, open_session, cashier)
    refused_statement(database, "DELETE FROM cash_session", "une session de caisse ne se supprime pas")


def test_an_open_session_is_counted_and_closed_as_usual(database, cashier, open_session):
    with database.session_factory.begin() as session:
        session.add(CashCountLine(cash_session_id=open_session, denomination_cents=2000, count=2))
    close(database, open_session, cashier)
    with database.session_factory() as session:
        assert session.get(CashSession, open_session).closed_by_id == cashier


def test_a_payment_is_refused_into_a_closed_session_and_taken_into_an_open_one(database, world, cashier, closed_session):
    refused(database, counter_payment(world, closed_session), message="la session de caisse est clôturée")
    with database.session_factory.begin() as session:
        reopened = CashSession(kind=CashSessionKind.COUNTER, opened_at=NOW + timedelta(days=1), opened_by_id=cashier,
                               opening_float_cents=15_000)
        session.add(reopened)
        session.flush()
        session.add_all([counter_payment(world, reopened.id), counter_payment(world, None)])


def test_an_intruder_with_full_rights_gets_past_every_trigger(database, world, closed_session):
    """What the tampering tests rely on; the journal's chain is then what catches it."""
    with behind_the_applications_back(database) as connection:
        connection.execute(text("UPDATE cash_session SET counted_cash_cents = 0"))
        connection.execute(text("UPDATE audit_entry SET detail = 'rien'"))
        connection.execute(text("DELETE FROM receipt_print"))
        connection.execute(text("TRUNCATE cash_count_line" if not database.is_sqlite else "DELETE FROM cash_count_line"))
        connection.execute(insert(Payment).values(family_id=world["family"], cash_session_id=closed_session,
                                                  channel=PaymentChannel.COUNTER, paid_at=NOW, amount_cents=1))


@on_postgres_only
def test_a_payment_racing_the_closing_waits_for_it_and_is_refused(database, world, cashier, open_session):
    payer_pid: list[int] = []
    outcome: list[Exception | None] = []

    def pay() -> None:
        try:
            with database.session_factory.begin() as session:
                payer_pid.append(session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar())
                session.add(counter_payment(world, open_session))
            outcome.append(None)
        except IntegrityError as error:
            outcome.append(error)

    with database.engine.connect() as closing:
        with closing.begin():
            closing.execute(update(CashSession).where(CashSession.id == open_session).values(
                closed_at=NOW, closed_by_id=cashier, counted_cash_cents=15_000))
            payer = threading.Thread(target=pay)
            payer.start()
            _wait_until_waiting_for_a_lock(closing, payer_pid)
        payer.join(timeout=10)
    assert len(outcome) == 1 and "la session de caisse est clôturée" in str(outcome[0])


def _wait_until_waiting_for_a_lock(connection, pids: list[int], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    query = text("SELECT count(*) FROM pg_locks WHERE pid = :pid AND NOT granted")
    while not pids or connection.execute(query, {"pid": pids[0]}).scalar() == 0:
        assert time.monotonic() < deadline, "the payment never waited for the closing"
        time.sleep(0.02)
