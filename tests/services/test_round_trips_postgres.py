"""What each counter action costs in round trips to PostgreSQL, counted on the wire.

At 20 ms of round trip (a town's annex on a VPN) every exchange with the
server is felt; the relay between the desk and the server counts them, so the
count holds whatever the driver batches, begins or pings. The ceilings are
issue 16's targets turned into exchanges: each round trip costs 20 ms there,
and the desk's own work some 30 ms more. ``tests/ui/test_round_trips.py``
counts the statements of the same journey through the window, on SQLite;
``tests/benchmarks/test_latency.py`` times it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.pipeline import REPLAYED
from desk.services.application import DeskServices
from desk.services.planning import GridRequest, PlanningGrid
from desk.services.tenders import Tender
from tests.conftest import enrolled_demo
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)


@dataclass
class Desk:
    services: DeskServices
    relay: TcpProxy
    family_id: int
    child_id: int

    statements: int = 0

    def exchanges(self, action) -> tuple[int, object]:
        """The round trips ``action`` made, and what it returned; ``statements`` counts what it sent."""
        before = self.relay.round_trips
        self.statements = 0
        produced = action()
        return self.relay.round_trips - before, produced

    def count(self, _connection, _cursor, statement, _parameters, context, _executemany) -> None:
        """A statement sent, once: a batch's first statement is executed again to send the batch."""
        if not context.execution_options.get(REPLAYED):
            self.statements += 1


@pytest.fixture
def desk(postgres_server_url: str) -> Iterator[Desk]:
    clock = FrozenClock(NOW)
    with enrolled_demo(postgres_server_url, clock) as demo:
        parsed = make_url(demo.url)
        relay = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
        database = open_database(parsed.set(host="127.0.0.1", port=relay.port))
        services = DeskServices.build(database, clock, hold_minutes=lambda: 20, signed_in=demo.cashier)
        desk = Desk(services, relay, demo.family_id, demo.child_id)
        event.listen(database.engine, "before_cursor_execute", desk.count)
        try:
            yield desk
        finally:
            database.dispose()
            relay.close()


def _open_day(grid: PlanningGrid, unit_name: str, day: date) -> int:
    row = next(row for block in grid.blocks for row in block.rows if row.unit_name == unit_name)
    open_day_id = next(cell.open_day_id for cell in row.cells if cell.day == day)
    assert open_day_id is not None
    return open_day_id


def test_the_counter_journey_costs_few_round_trips_to_postgresql(desk: Desk):
    services = desk.services
    request = GridRequest(desk.family_id, date(2026, 12, 1), date(2026, 12, 31))
    services.families.open(desk.family_id, request)  # the pool's connection is opened: not the action's cost
    opened, found = desk.exchanges(lambda: services.families.open(desk.family_id, request))
    grid = found.grid
    first, answer = desk.exchanges(lambda: services.planning.click(
        request, desk.child_id, _open_day(grid, "Mercredi journée", DEC_2)))
    assert answer.changed, answer.refusal
    first_statements = desk.statements
    second, answer = desk.exchanges(lambda: services.planning.click(
        request, desk.child_id, _open_day(grid, "Mercredi matin", DEC_9)))  # renews the first one's hold
    assert answer.changed, answer.refusal
    click_statements = max(first_statements, desk.statements)
    recap, _ = desk.exchanges(lambda: services.planning.basket(desk.family_id))  # what the recap shows
    payment, paid = desk.exchanges(lambda: services.payments.pay(
        desk.family_id, [Tender.cash(5000)], accept_voucher_excess=False, cash_ceiling_cents=100_000, grid=request))
    assert paid.grid.basket_items == 0
    print(f"\nround trips: open {opened}, click {first}/{second}, recap {recap}, payment {payment}; "
          f"statements: click {click_statements}, payment {desk.statements}")
    assert opened <= 2, "the file with the family at a glance, then the month's days, bookings and prices"
    assert max(first, second) <= 2, "the locks with the cell's facts, then the changes with the grid and COMMIT"
    assert recap <= 1, "the basket, its lines and the balance together, without BEGIN"
    assert click_statements <= 6, "the lock, the cell's facts, the basket, its bookings; the booking with its place, the grid"
    assert desk.statements <= 12
    assert payment <= 4, ("the locks with the ticket's facts; the payment, its lines and ledger; the allocations "
                          "and the numbered receipt; then the journal with COMMIT")
