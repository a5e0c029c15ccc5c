"""A fresh desk reads what opening a family reads once before the agent's first family, and forgets it."""

from __future__ import annotations

from sqlalchemy import event

from desk.services.application import DeskServices
from desk.services.ids import FamilyId
from desk.services.planning import GridRequest, PeriodMode, period_of


def _services(database, clock, actor) -> DeskServices:
    return DeskServices.build(database, clock, hold_minutes=lambda: 20, signed_in=actor)


def _sent(database) -> list[str]:
    """What the desk sends from now on, reads included (the read engine shares the engine's events)."""
    sent: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda _c, _k, statement, *_rest: sent.append(statement))
    return sent


def test_the_warm_up_reads_a_familys_file_month_account_and_lines_and_writes_nothing(database, clock, town):
    services = _services(database, clock, town.agent)
    sent = _sent(database)
    services.families.warm_up()
    read = " ".join(sent)
    for table in ("family", "open_day", "booking", "payment", "enrolment"):
        assert f"FROM {table}" in read or f"JOIN {table}" in read, table
    assert not [s for s in sent if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_the_warm_up_keeps_nothing_as_the_grid_this_desk_shows(database, clock, town):
    services = _services(database, clock, town.agent)
    first, last = period_of(clock.now().date(), PeriodMode.MONTH)
    request = GridRequest(town.family_id, first, last)
    services.families.warm_up()
    assert services.planning.basis.current(request) is None  # a click then re-reads the grid whole
    services.families.open(FamilyId(town.family_id), request)
    assert services.planning.basis.current(request) is not None


def test_the_warm_up_of_an_empty_town_reads_one_statement(database, clock):
    services = _services(database, clock, None)
    sent = _sent(database)
    services.families.warm_up()
    assert len([s for s in sent if s.lstrip().upper().startswith("SELECT")]) == 1
