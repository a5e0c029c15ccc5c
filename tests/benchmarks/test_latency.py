"""The counter on a slow network: the real desk on PostgreSQL behind a relay that delays every packet.

A town's annex reaches the server through a VPN; 20 ms of round trip is
common. For 0, 5 and 20 ms of round trip, a signed-in desk (the main window,
offscreen) runs the guide's journey several times, and each action is timed
from the agent's key to the result on screen:

- *open*: the found family with its month, until both are on screen and the grid painted (the hidden tabs
  follow);
- *click*: one planning cell, until the cell is pending, painted, and the footer updated (the grid in
  modify mode is painted before: the agent pressed F2 earlier);
- *recap*: *Terminer les modifications*, until the recap shows;
- *payment*: 20 € of cash for the 14 € basket, until the ticket shows and the grid is paid.

The *stall* is the longest time the GUI's event loop did not turn during the
action (a timer ticking every millisecond measures it): what the agent feels
as a frozen window. Each figure is the median over the journeys; the worst
stall follows in brackets, most often the fresh desk's first action (its
statements compiled and its widgets built for the first time). Targets at 20 ms (issue 16): open < 150 ms, click < 100 ms,
recap < 100 ms, payment < 250 ms, stall < 30 ms. The figures are printed and
asserted against nothing: a slow CI machine must not fail the suite, and the
statement counts that drive them are asserted in ``tests/ui/test_round_trips.py``.

Run on its own: ``python -m pytest tests/benchmarks/test_latency.py -m benchmark -s``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import exists, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import aliased

from desk.app import configure
from desk.clock import PARIS, FrozenClock
from desk.db.engine import Database, open_database
from desk.db.enums import LIVE_BOOKING_STATES, UnitKind
from desk.db.models import Booking, Child, Enrolment, OpenDay, Unit
from desk.services.auth import log_in
from desk.services.search import search_families
from desk.ui.context import DeskContext
from desk.ui.dialogs import RecordingDialogService
from desk.ui.main_window import MainWindow
from tests.benchmarks.conftest import BENCH_LOGIN, BENCH_PASSWORD, FAMILIES, bench_cashier
from tests.conftest import enrolled_demo
from tests.tcp_proxy import TcpProxy
from tests.ui.conftest import cell_index, settle

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres]

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
ROUND_TRIPS_MS = (0, 5, 20)
JOURNEYS = 3
ACTIONS = ("open", "click", "recap", "payment")
TARGETS_AT_20_MS = {"open": 150, "click": 100, "recap": 100, "payment": 250, "stall": 30}
# Two open Wednesdays of the same month per journey (one month shown), each booked and paid once.
DAY_PAIRS = [(date(2026, 12, 2), date(2026, 12, 9)), (date(2027, 1, 6), date(2027, 1, 13)),
             (date(2027, 1, 20), date(2027, 1, 27)), (date(2027, 2, 3), date(2027, 2, 10)),
             (date(2027, 3, 3), date(2027, 3, 10)), (date(2027, 3, 17), date(2027, 3, 24)),
             (date(2027, 4, 7), date(2027, 4, 28)), (date(2027, 5, 5), date(2027, 5, 12)),
             (date(2027, 5, 19), date(2027, 5, 26))]


class StallMeter:
    """The longest gap between two turns of the event loop while it runs."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.longest_ms = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest_ms = max(self.longest_ms, now - self._last)
        self._last = now

    def start(self) -> None:
        self.clock.start()
        self._last, self.longest_ms = 0.0, 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest_ms


def until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Until ``condition`` holds, checked at every turn of the event loop (the stall meter's 1 ms timer keeps
    it turning). ``qtbot.waitUntil`` checks only every 10 ms: each of its waits added up to 10 ms to a timing,
    and an action timed through two of them up to 20 ms."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        assert time.perf_counter() < deadline, "the action did not end"
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


class Painted(QObject):
    """The paint events of a widget (the planning grid's viewport, a dialog), each counted once it is done."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._done)  # the widget paints once this filter returns: counted after
        return False

    def _done(self) -> None:
        self.count += 1

    def settle(self, qtbot) -> None:
        """Until the window has done what it was asked before an action is timed: layout requests travel up
        the widgets one posted event at a time, and a repaint may follow them."""
        for _ in range(8):
            QCoreApplication.sendPostedEvents()
        seen = self.count
        self.widget.update(0, 0, 1, 1)
        qtbot.waitUntil(lambda: self.count > seen)

    def wait(self) -> None:
        """Until what the widget was asked to show is painted: a paint of one pixel asked now is merged with
        any pending (and costs nothing more when none is)."""
        seen = self.count
        self.widget.update(0, 0, 1, 1)
        until(lambda: self.count > seen)


@pytest.fixture(scope="module")
def demo_url(postgres_server_url: str) -> Iterator[str]:
    with enrolled_demo(postgres_server_url, FrozenClock(NOW)) as demo:
        yield demo.url


def _durand(session) -> int:
    return search_families(session, "durand noah", NOW.date())[0].family_id


@dataclass(frozen=True)
class Journey:
    """One family's visit: the two cells booked (unit name, day, in one month), then paid in cash."""

    family_id: int
    cells: tuple[tuple[str, date], tuple[str, date]]


def _demo_journeys(url: str) -> list[Journey]:
    database = open_database(url)
    try:
        with database.read_session_factory() as session:
            durand = _durand(session)
    finally:
        database.dispose()
    return [Journey(durand, (("Mercredi journée", first), ("Mercredi matin", second))) for first, second in DAY_PAIRS]


def _town_journeys(town: Database, count: int) -> list[Journey]:
    """Families of the town with a child enrolled and two free full days of one month, a fortnight ahead."""
    after = NOW.date() + timedelta(days=14)
    journeys: list[Journey] = []
    with town.read_session_factory() as session:
        enrolled = session.execute(select(Child.family_id, Child.id, Enrolment.activity_id).join(Enrolment)
                                   .where(Enrolment.ended_at.is_(None)).order_by(Child.id).limit(count * 20)).all()
        seen: set[int] = set()
        for family_id, child_id, activity_id in enrolled:
            if family_id in seen:
                continue
            booked_day = aliased(OpenDay)
            booked = exists().where(Booking.open_day_id == booked_day.id, booked_day.day == OpenDay.day,
                                    Booking.child_id == child_id, Booking.state.in_(LIVE_BOOKING_STATES))
            free = session.execute(
                select(Unit.name, OpenDay.day).join(Unit).where(
                    Unit.activity_id == activity_id, Unit.kind == UnitKind.FULL_DAY, OpenDay.day > after,
                    OpenDay.places_taken < OpenDay.capacity, ~booked).order_by(OpenDay.day).limit(6)).all()
            pair = next(((a, b) for a, b in zip(free, free[1:], strict=False)
                         if (a.day.year, a.day.month) == (b.day.year, b.day.month)), None)
            if pair is not None:
                seen.add(family_id)
                journeys.append(Journey(family_id, ((pair[0].name, pair[0].day), (pair[1].name, pair[1].day))))
            if len(journeys) == count:
                return journeys
    pytest.fail(f"only {len(journeys)} families of the town have two free days in one month")


def _desk(qtbot, url: str, one_way_delay_s: float, login: str, password: str) -> tuple[MainWindow, TcpProxy]:
    parsed = make_url(url)
    relay = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432, one_way_delay_s=one_way_delay_s)
    database = open_database(parsed.set(host="127.0.0.1", port=relay.port))
    clock = FrozenClock(NOW)
    context = DeskContext.build(database, clock, RecordingDialogService())
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, clock, login, password)).actor())
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    with qtbot.waitSignal(window.warmed_up, timeout=10_000):
        window.warm_up()  # as the application does on signing in
    return window, relay


def _timed(meter: StallMeter, action: Callable[[], None], done: Callable[[], None]) -> tuple[float, float]:
    meter.start()
    started = time.perf_counter()
    action()
    done()
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, meter.stop()


def _journey(qtbot, window: MainWindow, journey: Journey, meter: StallMeter) -> dict[str, tuple[float, float]]:
    panel = window.family.planning
    painted = Painted(panel.view.viewport())
    figures = {}
    opened: list[int] = []
    window.family.family_opened.connect(opened.append)  # the file and its month (hidden tabs follow), painted

    def on_screen() -> None:
        until(lambda: journey.family_id in opened)
        painted.wait()

    figures["open"] = _timed(meter, lambda: window.show_family(journey.family_id), on_screen)
    window.family.family_opened.disconnect(opened.append)
    settle(qtbot, panel)
    window.family.tabs.setCurrentWidget(panel)
    (first_unit, first_day), (second_unit, second_day) = journey.cells
    panel.go_to(first_day)
    settle(qtbot, panel)
    panel.modify_button.setChecked(True)
    painted.settle(qtbot)  # the grid in modify mode, laid out and painted: the agent pressed F2 before
    first = cell_index(panel.model, first_unit, first_day)

    def clicked() -> None:
        until(lambda: not panel.busy and not panel.runner.waiting)
        painted.wait()

    figures["click"] = _timed(meter, lambda: panel.model.setData(first, Qt.CheckState.Checked,
                                                                 Qt.ItemDataRole.CheckStateRole), clicked)
    panel.model.setData(cell_index(panel.model, second_unit, second_day), Qt.CheckState.Checked,
                        Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, panel)
    painted.settle(qtbot)
    panel.checkout = None

    def recap_on_screen() -> None:
        until(lambda: panel.checkout is not None and panel.checkout.isVisible())
        Painted(panel.checkout).wait()

    figures["recap"] = _timed(meter, panel.finish_button.click, recap_on_screen)
    panel.checkout.findChild(QPushButton, "payButton").click()
    settle(qtbot, panel)
    dialog = window.family.payment_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QLineEdit, "cashTenderedEdit").setText(f"{(dialog.to_pay + 99) // 100}")  # whole euros
    painted.settle(qtbot)

    def paid() -> None:
        until(lambda: getattr(window.family, "receipt_dialog", None) is not None
              and window.family.receipt_dialog.isVisible())
        receipt = Painted(window.family.receipt_dialog)
        until(lambda: not panel.busy and not panel.runner.waiting)
        receipt.wait()
        painted.wait()

    figures["payment"] = _timed(meter, dialog.findChild(QPushButton, "confirmPaymentButton").click, paid)
    window.family.receipt_dialog.accept()
    panel.modify_button.setChecked(False)
    painted.settle(qtbot)
    return figures


def _measure(qtbot, url: str, journeys: list[Journey], login: str, password: str, what: str) -> None:
    meter = StallMeter()
    table = []
    visits = iter(journeys)
    for round_trip_ms in ROUND_TRIPS_MS:
        window, relay = _desk(qtbot, url, round_trip_ms / 2000, login, password)
        try:
            window.data_changes.stop()  # its own echo would reload the grid during the next action
            runs = [_journey(qtbot, window, next(visits), meter) for _ in range(JOURNEYS)]
        finally:
            window.context.dialogs.confirm_answer = True
            window.close()
            window.context.database.dispose()
            relay.close()
        row = {name: (statistics.median(run[name][0] for run in runs), statistics.median(run[name][1] for run in runs),
                      max(run[name][1] for run in runs)) for name in ACTIONS}
        table.append((round_trip_ms, row))
    print(f"\n{what}\n| action | " + " | ".join(f"{ms} ms: time / longest stall (worst)" for ms, _ in table) + " |")
    print("|---|" + "---|" * len(table))
    for name in ACTIONS:
        cells = [f"{row[name][0]:.0f} ms / {row[name][1]:.0f} ms ({row[name][2]:.0f})" for _, row in table]
        print(f"| {name} | " + " | ".join(cells) + " |")
    slow = dict(table)[20]
    missed = [f"{name} {slow[name][0]:.0f} ms ≥ {TARGETS_AT_20_MS[name]} ms" for name in ACTIONS
              if slow[name][0] >= TARGETS_AT_20_MS[name]]
    missed += [f"{name} stall {slow[name][1]:.0f} ms ≥ {TARGETS_AT_20_MS['stall']} ms"
               for name in ACTIONS if slow[name][1] >= TARGETS_AT_20_MS["stall"]]
    print("targets at 20 ms missed: " + ("; ".join(missed) if missed else "none"))


def test_the_counter_journey_on_a_slow_network(qtapp_configured, qtbot, demo_url):
    _measure(qtbot, demo_url, _demo_journeys(demo_url), "regisseur", "regisseur", "demo town")


def test_the_counter_journey_on_a_slow_network_in_a_town_of_100000_families(qtapp_configured, qtbot,
                                                                            postgresql_town):
    bench_cashier(postgresql_town)
    journeys = _town_journeys(postgresql_town, JOURNEYS * len(ROUND_TRIPS_MS))
    url = postgresql_town.url.render_as_string(hide_password=False)
    _measure(qtbot, url, journeys, BENCH_LOGIN, BENCH_PASSWORD, f"town of {FAMILIES} families")


@pytest.fixture
def qtapp_configured(qapp):
    configure(qapp)
    return qapp
