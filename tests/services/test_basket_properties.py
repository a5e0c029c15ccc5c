"""Properties of the basket under random toggles, and capacity under racing desks."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from desk.db.enums import LIVE_BOOKING_STATES, Role, UnitKind
from desk.db.models import Booking, OpenDay
from desk.services.access import Actor
from desk.services.booking_rules import Blocker
from desk.services.enrolment import enrol
from desk.services.families import create_family
from desk.services.lifecycle.baskets import BookingRefusedError, basket_view, clear_basket, toggle_booking
from tests.services.conftest import at_the_same_instant
from tests.services.factories import family_draft

DAYS = (date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16))
PRICES = {UnitKind.MORNING: 400, UnitKind.AFTERNOON: 400, UnitKind.FULL_DAY: 1000}
HALF_DAYS = {UnitKind.MORNING, UnitKind.AFTERNOON}

toggles = st.lists(
    st.tuples(st.sampled_from(["noah", "lea", "hugo"]), st.sampled_from(list(UnitKind)[:3]), st.sampled_from(DAYS)),
    max_size=25,
)


def expected_after(sequence) -> set[tuple[str, UnitKind, date]]:
    """The basket by plain reasoning: a toggle adds or removes; a full day and a half-day exclude each other."""
    booked: set[tuple[str, UnitKind, date]] = set()
    for child, kind, day in sequence:
        if (child, kind, day) in booked:
            booked.remove((child, kind, day))
            continue
        clashing = HALF_DAYS if kind is UnitKind.FULL_DAY else {UnitKind.FULL_DAY}
        booked -= {(child, other, day) for other in clashing}
        booked.add((child, kind, day))
    return booked


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=toggles)
def test_basket_totals_match_a_plain_recomputation(database, clock, town, sequence):
    with database.session_factory.begin() as session:
        clear_basket(session, clock, town.family_id, town.agent)
    for child, kind, day in sequence:
        with database.session_factory.begin() as session:
            toggle_booking(session, clock, family_id=town.family_id, child_id=getattr(town, child),
                           open_day_id=town.open_day(database, kind, day), actor=town.agent)
    expected = expected_after(sequence)
    with database.read_session_factory() as session:
        basket = basket_view(session, town.family_id)
        taken = dict(session.execute(select(OpenDay.id, OpenDay.places_taken)).all())
    assert basket.bookings_cents == basket.to_pay_cents == sum(PRICES[kind] for _, kind, _ in expected)
    assert len(basket.bookings) == len(expected)
    for kind in PRICES:
        for day in DAYS:
            wanted = sum(1 for _, k, d in expected if (k, d) == (kind, day))
            assert taken[town.open_day(database, kind, day)] == wanted


def test_racing_desks_never_overbook_the_last_places(database_url, database, clock, town):
    """Eight desks, each with its own connection, reach for the last three places at once."""
    open_day = town.open_day(database, UnitKind.FULL_DAY, DAYS[0])
    children = []
    with database.session_factory.begin() as session:
        session.execute(update(OpenDay).where(OpenDay.id == open_day).values(capacity=3))
        for n in range(8):
            file = create_family(session, clock, family_draft(f"RACE{n}", ("Jade", date(2018, 1, 1 + n))))
            enrol(session, clock, child_id=file.children[0].id, activity_id=town.wednesday_activity, actor=town.agent)
            children.append((file.id, file.children[0].id))
    def book(family_id: int, child_id: int):
        return lambda session: toggle_booking(session, clock, family_id=family_id, child_id=child_id,
                                              open_day_id=open_day, actor=Actor(None, Role.AGENT)).outcome.value

    results = at_the_same_instant(database_url, [book(*pair) for pair in children])
    outcomes = [r.blocker.value if isinstance(r, BookingRefusedError) else "booked" for r in results]
    assert sorted(outcomes) == ["booked"] * 3 + [Blocker.FULL.value] * 5
    with database.read_session_factory() as session:
        live = session.scalar(select(func.count()).select_from(Booking)
                              .where(Booking.open_day_id == open_day, Booking.state.in_(LIVE_BOOKING_STATES)))
        assert live == session.scalar(select(OpenDay.places_taken).where(OpenDay.id == open_day)) == 3
