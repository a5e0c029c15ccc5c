"""Two desks whose clicks move the places of the same two days lock those days in one order: no deadlock.

A family swapping a Wednesday *matin* for the *journée* frees the matin and
takes the journée; another family swapping the other way at the same instant
frees the journée and takes the matin. Had each click locked the days in the
order it moves them, the first would hold the matin and wait for the
journée, the second hold the journée and wait for the matin: PostgreSQL
would find the deadlock after a second and abort one of them. A trigger
added for the test holds the first desk on its first place moved until the
second desk has begun its own, so that the interleaving is the bad one every
time.
"""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import text

from desk.db.engine import open_database
from desk.db.enums import UnitKind
from desk.services.enrolment import enrol
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft, create_family
from desk.services.lifecycle.baskets import ToggleOutcome, toggle_booking
from tests.conftest import on_postgres_only, wait_until, waits_on

DEC_2 = date(2026, 12, 2)
PAUSE = ("""CREATE FUNCTION desk_test_pause() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('desk.pause', true) = 'on' THEN PERFORM pg_sleep(1.5); END IF;
    RETURN NEW;
END $$""", """CREATE TRIGGER desk_test_pause AFTER UPDATE OF places_taken ON open_day
    FOR EACH ROW EXECUTE FUNCTION desk_test_pause()""")

pytestmark = on_postgres_only


def _second_family(database, clock, town) -> tuple[int, int]:
    with database.session_factory.begin() as session:
        family = create_family(session, clock, FamilyDraft(
            name="LEROY", guardians=[GuardianDraft("Inès", "LEROY", "Mère")],
            children=[ChildDraft("Zoé", "LEROY", date(2018, 6, 1))]))
        zoe = family.children[0].id
        enrol(session, clock, child_id=zoe, activity_id=town.wednesday_activity, actor=town.agent)
    return family.id, zoe


def test_two_families_swapping_a_matin_and_a_journee_at_once_do_not_deadlock(database_url, database, clock, town):
    morning, full_day = town.open_day(database, UnitKind.MORNING, DEC_2), town.open_day(database, UnitKind.FULL_DAY, DEC_2)
    leroy, zoe = _second_family(database, clock, town)
    town.toggle(database, clock, "noah", UnitKind.MORNING, DEC_2)  # DURAND holds the matin
    with database.session_factory.begin() as session:  # LEROY the journée
        toggle_booking(session, clock, family_id=leroy, child_id=zoe, open_day_id=full_day, actor=town.agent)
    with database.engine.begin() as connection:
        for statement in PAUSE:
            connection.exec_driver_sql(statement)
    outcomes: dict[str, object] = {}

    def desk(name: str, family_id: int, child_id: int, open_day_id: int, pause: bool) -> None:
        own = open_database(database_url)
        try:
            with own.session_factory.begin() as session:
                session.execute(text("SELECT set_config('application_name', :name, false)"), {"name": name})
                session.execute(text("SELECT set_config('desk.pause', :on, false)"), {"on": "on" if pause else "off"})
                outcomes[name] = toggle_booking(session, clock, family_id=family_id, child_id=child_id,
                                                open_day_id=open_day_id, actor=town.agent).outcome
        except Exception as error:  # a deadlock, had the days been locked crosswise
            outcomes[name] = error
        finally:
            own.dispose()

    one = threading.Thread(target=desk, args=("desk-one", town.family_id, town.noah, full_day, True))
    one.start()  # DURAND: the journée, for the matin
    wait_until(lambda: waits_on(database_url, "desk-one", "PgSleep"))  # its first place moved, and held
    two = threading.Thread(target=desk, args=("desk-two", leroy, zoe, morning, False))
    two.start()  # LEROY: the matin, for the journée
    one.join(30)
    two.join(30)
    assert outcomes == {"desk-one": ToggleOutcome.ADDED, "desk-two": ToggleOutcome.ADDED}, outcomes
    with database.read_session_factory() as session:
        booked = session.execute(text(
            "SELECT c.first_name, u.kind FROM booking b JOIN child c ON c.id = b.child_id "
            "JOIN open_day d ON d.id = b.open_day_id JOIN unit u ON u.id = d.unit_id "
            "WHERE b.state = 'pending' ORDER BY c.first_name")).all()
    assert [(name, kind) for name, kind in booked] == [("Noah", "full_day"), ("Zoé", "morning")]
