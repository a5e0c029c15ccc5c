"""Gap-free counters: created at their first use, taken in one statement, never the same number twice."""

from __future__ import annotations

import threading

from sqlalchemy import event, select, text

from desk.db.counters import next_counter_value, next_counter_values_in, raise_counter_to
from desk.db.engine import open_database
from desk.db.models import Counter
from desk.db.pipeline import REPLAYED, together
from tests.conftest import on_postgres_only, wait_until, waits_on


def _statements(database) -> list[str]:
    """The statements the database will be sent from now on (a pipelined batch's replay is not one more)."""
    seen: list[str] = []

    def sent(connection, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT") and not context.execution_options.get(REPLAYED):
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", sent)
    return seen


def test_a_counters_first_use_creates_it_in_the_same_statement(database):
    seen = _statements(database)
    with database.session_factory.begin() as session:
        assert next_counter_value(session, "receipt:2031") == 1
        assert next_counter_value(session, "receipt:2031", 3) == 4
    assert len(seen) == 2


def test_several_counters_are_taken_in_one_statement_whether_they_exist_or_not(database):
    with database.session_factory.begin() as session:
        next_counter_value(session, "journal", 7)
    seen = _statements(database)
    with database.session_factory.begin() as session:
        with together(session) as batch:
            taken = next_counter_values_in(batch, [("receipt:2031", 1), ("journal", 2)])
            read = batch.add(select(Counter.last_value).where(Counter.name == "receipt:2031"))
        assert taken() == {"receipt:2031": 1, "journal": 9}
        assert read.result.scalar_one() == 1
    assert len(seen) == 1


def test_raising_a_counter_never_lowers_it(database):
    with database.session_factory.begin() as session:
        raise_counter_to(session, "dossier", 40)
        raise_counter_to(session, "dossier", 12)
        assert next_counter_value(session, "dossier") == 41


@on_postgres_only
def test_a_counter_created_at_another_desk_is_waited_for_and_read_as_this_desks_own(database_url, database):
    """The year's first receipts at two desks: the second waits for the first desk's new counter row and numbers
    its receipt from its own bump of it, in the same batch (before, its update missed the row and its next
    statement read the other desk's number, which collided on the receipt's uniqueness)."""
    first_taken = threading.Event()
    release = threading.Event()
    outcomes: dict[str, object] = {}

    def first_desk():
        own = open_database(database_url)
        try:
            with own.session_factory.begin() as session:
                outcomes["first"] = next_counter_value(session, "receipt:2031")
                first_taken.set()
                release.wait(30)
        finally:
            own.dispose()

    def second_desk():
        own = open_database(database_url)
        try:
            with own.session_factory.begin() as session:
                session.execute(text("SELECT set_config('application_name', 'desk-two', false)"))
                with together(session) as batch:
                    taken = next_counter_values_in(batch, [("receipt:2031", 1)])
                    read = batch.add(select(Counter.last_value).where(Counter.name == "receipt:2031"))
                outcomes["second"] = (taken()["receipt:2031"], read.result.scalar_one_or_none())
        finally:
            own.dispose()

    one = threading.Thread(target=first_desk)
    one.start()
    assert first_taken.wait(20)
    two = threading.Thread(target=second_desk)
    two.start()
    wait_until(lambda: waits_on(database_url, "desk-two"))
    release.set()
    one.join(30)
    two.join(30)
    assert outcomes == {"first": 1, "second": (2, 2)}
