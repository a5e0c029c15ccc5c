"""Shared fixtures of the window tests: a demo database made once, a signed-in main window."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desk.app import configure
from desk.clock import PARIS, FrozenClock
from desk.db.engine import open_database
from desk.db.migrate import ensure_schema
from desk.db.models import OpenDay, Unit
from desk.payfip_simulator.server import PayfipSimulator
from desk.services.auth import log_in
from desk.services.demo import load_demo
from desk.services.enrolment import enrol
from desk.services.families import load_family
from desk.services.search import search_families
from desk.ui.context import DeskContext
from desk.ui.dialogs import RecordingDialogService
from desk.ui.main_window import MainWindow
from desk.ui.planning_model import PlanningModel
from tests.payfip import SimulatedBank

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """One demo database for the module (loading it is the slow part)."""
    path = tmp_path_factory.mktemp("planning") / "demo.sqlite3"
    database = open_database(f"sqlite:///{path}", create=True)
    ensure_schema(database)
    with database.session_factory.begin() as session:
        load_demo(session, FrozenClock(NOW))
    database.dispose()
    return path


@pytest.fixture
def window(qapp, qtbot, demo_file, tmp_path):
    configure(qapp)
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    database = open_database(f"sqlite:///{copy}")
    clock = FrozenClock(NOW)
    simulator = PayfipSimulator(tmp_path / "payfip.sqlite3", clock=clock.now).start()  # the bank, on the desk's clock
    context = DeskContext.build(database, clock, RecordingDialogService(), gateway=SimulatedBank(simulator.url))
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, clock, "agent", "agent")).actor())
    durand = context.services.work.read(lambda s: search_families(s, "durand noah", clock.now().date()))[0]
    children = context.services.work.read(lambda s: load_family(s, durand.family_id, date(2026, 11, 26)).children)
    activity = context.services.work.read(lambda s: s.query(Unit.activity_id).filter(Unit.name == "Mercredi journée").first()[0])
    context.services.work.write(lambda s: enrol(s, clock, child_id=children[0].id, activity_id=activity, actor=context.agent))
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)  # shortcuts (F2, F9) reach only the active window
    main.show_family(durand.family_id)
    main.family.tabs.setCurrentWidget(main.family.planning)
    settle(qtbot, main.family.planning)
    main.testing = (context, children, activity)
    yield main
    context.dialogs.confirm_answer = True
    main.close()
    database.dispose()
    simulator.stop()


def open_desk(qtbot, database_url, clock, actor, family_id: int, day: date) -> MainWindow:
    """A desk of its own (its own connections), signed in, on the family's planning around ``day``."""
    database = open_database(database_url)
    context = DeskContext.build(database, clock, RecordingDialogService(), signed_in=actor)
    desk = MainWindow(context)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.data_changes.listening, timeout=5000)
    desk.show_family(family_id)
    desk.family.tabs.setCurrentWidget(desk.family.planning)
    desk.family.planning.go_to(day)
    settle(qtbot, desk.family.planning)
    return desk


def settle(qtbot, panel) -> None:
    """Wait until the family file has its answers: its reads and clicks run off the GUI thread."""
    qtbot.waitUntil(lambda: not panel.busy and not panel.runner.waiting, timeout=5000)


def confirm_payment(qtbot, dialog) -> None:
    """*Encaisser*, and wait for the database's answer (the payment runs off the GUI thread)."""
    dialog.findChild(QPushButton, "confirmPaymentButton").click()
    qtbot.waitUntil(lambda: not dialog.paying, timeout=5000)


def click_cell(qtbot, panel, index) -> None:
    """Check or uncheck a cell as the agent's click does, and wait for the database's answer."""
    panel.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, panel)


def cell_index(model: PlanningModel, unit_name: str, day: date):
    column = model.grid.days.index(day)
    row = next(r for r in range(model.rowCount()) if model.headerData(r, Qt.Orientation.Vertical) == unit_name)
    return model.index(row, column)


def places(context, unit_name: str, day: date) -> int:
    return context.services.work.read(lambda s: s.query(OpenDay.places_taken).join(Unit).filter(Unit.name == unit_name, OpenDay.day == day).scalar())
