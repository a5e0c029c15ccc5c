"""The guide's walkthrough on the planning grid, with the demo family DURAND."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from desk.db.change_feed import DataChange
from desk.db.models import OpenDay, Unit
from desk.services.enrolment import enrol
from desk.ui.planning_model import CellRole
from tests.ui.conftest import cell_index, places, settle
from tests.ui.test_app import shot


def test_the_walkthrough_book_recap_and_clear(qtbot, window, qtmodeltester, tmp_path):
    context, _children, _activity = window.testing
    panel = window.family.planning
    assert panel.findChild(QLabel, "planningTitleLabel").text() == "Famille : Novembre 2026"
    panel.findChild(object, "nextPeriodButton").click()
    settle(qtbot, panel)
    assert panel.findChild(QLabel, "planningTitleLabel").text() == "Famille : Décembre 2026"
    view = panel.findChild(QTableView, "planningView")
    model = view.model()
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole) == date(2026, 12, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Me\n2"
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == [
        "", "Mercredi matin", "Mercredi après-midi", "Mercredi journée"]
    assert model.index(0, 0).data() == "Pommiers mercredis 2026-2027"
    assert view.columnSpan(0, 0) == 31
    december_2 = cell_index(model, "Mercredi journée", date(2026, 12, 2))
    assert not model.flags(december_2) & Qt.ItemFlag.ItemIsUserCheckable
    before = places(context, "Mercredi journée", date(2026, 12, 2))

    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(panel.findChild(QPushButton, "modifyPlanningButton").isChecked)  # a shortcut animates the click
    assert model.flags(december_2) & Qt.ItemFlag.ItemIsUserCheckable
    assert december_2.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    view.setCurrentIndex(december_2)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # by keyboard
    assert december_2.data(CellRole.IS_BUSY)  # on its way, off the GUI thread
    shot(view, "08a-planning-busy-cell")
    settle(qtbot, panel)
    assert not december_2.data(CellRole.IS_BUSY)
    morning_9 = cell_index(model, "Mercredi matin", date(2026, 12, 9))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(morning_9).center())  # by mouse
    settle(qtbot, panel)
    assert resets == [] and view.currentIndex() == morning_9  # the cells changed in place
    assert cell_index(model, "Mercredi journée", date(2026, 12, 2)).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert panel.findChild(QLabel, "pendingBookingsLabel").text() == "2 réservations en attente"
    assert panel.findChild(QLabel, "pendingCancellationsLabel").text() == "0 annulation en attente"
    assert panel.findChild(QLabel, "periodCostLabel").text() == "Panier : 14,00\u00a0€"
    panel.shift(1)  # January: nothing booked there, the basket is still what the footer counts
    settle(qtbot, panel)
    assert panel.findChild(QLabel, "periodCostLabel").text() == "Panier : 14,00\u00a0€"
    assert panel.findChild(QLabel, "pendingBookingsLabel").text() == "0 réservation en attente"
    assert panel.findChild(QPushButton, "finishChangesButton").isEnabled()
    panel.shift(-1)
    settle(qtbot, panel)
    assert places(context, "Mercredi journée", date(2026, 12, 2)) == before + 1
    shown_left = cell_index(model, "Mercredi journée", date(2026, 12, 2)).data(CellRole.PLACES_LEFT)
    assert shown_left == cell_index(model, "Mercredi journée", date(2026, 12, 2)).data(CellRole.CAPACITY) - before - 1
    assert "en attente" in cell_index(model, "Mercredi journée", date(2026, 12, 2)).data(Qt.ItemDataRole.ToolTipRole)
    shot(window, "08-planning-pending")

    panel.findChild(QPushButton, "finishChangesButton").click()
    settle(qtbot, panel)  # the basket is read off the GUI thread, then the recap opens
    checkout = panel.checkout
    assert checkout.objectName() == "checkoutDialog"
    table = checkout.findChild(QTableView, "checkoutTable").model()
    rows = [[table.index(r, c).data() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["02/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi journée", "à l'unité", "10,00\u00a0€"],
        ["09/12/2026", "Noah - Pommiers mercredis 2026-2027 - Mercredi matin", "à l'unité", "4,00\u00a0€"],
    ]
    assert checkout.findChild(QLabel, "amountDueLabel").text() == "À payer : 14,00\u00a0€"
    shot(checkout, "09-checkout")
    context.dialogs.print_to = tmp_path / "recap.pdf"
    checkout.findChild(QPushButton, "printRecapButton").click()
    assert not checkout.findChild(QPushButton, "printRecapButton").isEnabled()  # read off the GUI thread, then printed
    settle(qtbot, panel)
    assert checkout.findChild(QPushButton, "printRecapButton").isEnabled()
    assert (tmp_path / "recap.pdf").stat().st_size > 1000  # printed (to a PDF printer)
    recap_text = " ".join(PdfReader(BytesIO(checkout.printed_recap)).pages[0].extract_text().split())
    assert "Noah - Pommiers mercredis 2026-2027 - Mercredi journée" in recap_text and "À payer" in recap_text
    checkout.findChild(QPushButton, "clearAllButton").click()
    settle(qtbot, panel)  # cleared off the GUI thread
    assert table.rowCount() == 0
    assert places(context, "Mercredi journée", date(2026, 12, 2)) == before
    checkout.findChild(QPushButton, "backButton").click()
    settle(qtbot, panel)
    assert panel.findChild(QLabel, "pendingBookingsLabel").text() == "0 réservation en attente"


def test_a_refusal_is_explained_under_the_grid(qtbot, window):
    panel = window.family.planning
    panel.go_to(date(2026, 11, 1))
    settle(qtbot, panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    qtbot.waitUntil(panel.modify_button.isChecked)
    model = panel.model
    past = cell_index(model, "Mercredi journée", date(2026, 11, 25))
    assert not model.flags(past) & Qt.ItemFlag.ItemIsUserCheckable
    assert "Cette date est passée." in past.data(Qt.ItemDataRole.ToolTipRole)
    assert past.data(CellRole.EDITED_SLOT).reason == "Cette date est passée."


def test_three_children_pending_and_paid(qtbot, window):
    from desk.services.lifecycle.baskets import toggle_booking
    from desk.services.lifecycle.payments import pay_at_counter
    from desk.services.tenders import Tender

    context, children, activity = window.testing
    clock = context.clock
    for child in children[1:]:
        context.services.work.write(lambda s, c=child: enrol(s, clock, child_id=c.id, activity_id=activity, actor=context.agent))

    def day_of(unit: str, day: date) -> int:
        return context.services.work.read(lambda s: s.query(OpenDay.id).join(Unit).filter(Unit.name == unit, OpenDay.day == day).scalar())

    family_id = window.family.file.id
    for child, unit in zip(children, ("Mercredi journée", "Mercredi journée", "Mercredi matin"), strict=True):
        context.services.work.write(lambda s, c=child, u=unit: toggle_booking(s, clock, family_id=family_id, child_id=c.id,
                                                                 open_day_id=day_of(u, date(2026, 12, 9)), actor=context.agent))
    context.services.work.write(lambda s: pay_at_counter(s, clock, family_id=family_id, tenders=[Tender.cash(3000)], actor=context.agent))
    for child in children[:2]:
        context.services.work.write(lambda s, c=child: toggle_booking(s, clock, family_id=family_id, child_id=c.id,
                                                         open_day_id=day_of("Mercredi journée", date(2026, 12, 16)),
                                                         actor=context.agent))
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    model = panel.model
    paid = cell_index(model, "Mercredi journée", date(2026, 12, 9)).data(CellRole.SLOTS)
    assert [slot.state.value for slot in paid] == ["confirmed", "confirmed", "none"]
    pending = cell_index(model, "Mercredi journée", date(2026, 12, 16)).data(CellRole.SLOTS)
    assert [slot.state.value for slot in pending] == ["pending", "pending", "none"]
    assert panel.findChild(QLabel, "pendingBookingsLabel").text() == "2 réservations en attente"
    shot(window, "10-planning-family")
    panel.set_mode(__import__("desk.services.planning", fromlist=["PeriodMode"]).PeriodMode.WEEK)
    panel.go_to(date(2026, 12, 16))
    settle(qtbot, panel)
    assert len(panel.model.grid.days) == 7
    shot(window, "11-planning-week")


def test_other_desks_changes_and_expired_holds_show_within_two_seconds(qtbot, window):
    from datetime import timedelta

    from desk.services.lifecycle.baskets import expire_holds, toggle_booking

    context, children, _activity = window.testing
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    journee_2 = cell_index(panel.model, "Mercredi journée", date(2026, 12, 2))
    before = journee_2.data(CellRole.PLACES_LEFT)
    other_desk = context.services.work.read(lambda s: s.query(OpenDay.id).join(Unit).filter(
        Unit.name == "Mercredi journée", OpenDay.day == date(2026, 12, 2)).scalar())
    family_id = window.family.file.id
    context.services.work.write(lambda s: toggle_booking(s, context.clock, family_id=family_id, child_id=children[0].id,
                                           open_day_id=other_desk, actor=context.agent))

    def places_left():
        return cell_index(panel.model, "Mercredi journée", date(2026, 12, 2)).data(CellRole.PLACES_LEFT)

    qtbot.waitUntil(lambda: places_left() == before - 1, timeout=2000)
    context.clock.advance(timedelta(minutes=20))
    context.services.work.write(lambda s: expire_holds(s, context.clock.now()))
    qtbot.waitUntil(lambda: places_left() == before, timeout=2000)
    assert "leurs places ont été libérées" in panel.findChild(QLabel, "planningMessageLabel").text()


def test_a_refresh_keeps_the_agents_cell(qtbot, window):
    from desk.services.lifecycle.baskets import toggle_booking

    context, children, _activity = window.testing
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    chosen = cell_index(panel.model, "Mercredi journée", date(2026, 12, 9))
    panel.view.setCurrentIndex(chosen)
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.on_data_changed(DataChange.anything())  # nothing changed: the model is not even reset
    qtbot.waitUntil(lambda: not panel.findChild(QTimer, "planningReloadTimer").isActive())
    settle(qtbot, panel)
    assert resets == []
    assert panel.view.currentIndex() == chosen
    other_desk = context.services.work.read(lambda s: s.query(OpenDay.id).join(Unit).filter(
        Unit.name == "Mercredi journée", OpenDay.day == date(2026, 12, 2)).scalar())
    family_id = window.family.file.id
    context.services.work.write(lambda s: toggle_booking(s, context.clock, family_id=family_id, child_id=children[0].id,
                                           open_day_id=other_desk, actor=context.agent))
    changed = []
    panel.model.dataChanged.connect(lambda top_left, _bottom_right: changed.append((top_left.row(), top_left.column())))
    qtbot.waitUntil(lambda: bool(changed), timeout=2000)
    settle(qtbot, panel)
    booked = cell_index(panel.model, "Mercredi journée", date(2026, 12, 2))
    assert changed == [(booked.row(), booked.column())]  # that cell alone, repainted in place
    assert resets == []
    assert panel.view.currentIndex() == chosen


def test_a_double_press_books_once_and_a_failed_last_click_keeps_what_the_first_did(qtbot, window):
    context = window.testing[0]
    panel = window.family.planning
    panel.go_to(date(2026, 12, 1))
    settle(qtbot, panel)
    panel.modify_button.setChecked(True)
    before = places(context, "Mercredi journée", date(2026, 12, 2))
    cell = cell_index(panel.model, "Mercredi journée", date(2026, 12, 2))
    panel.view.setCurrentIndex(cell)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)  # a second press before the first is answered: the same intent
    settle(qtbot, panel)
    assert places(context, "Mercredi journée", date(2026, 12, 2)) == before + 1
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    # Two quick clicks, the second of which fails: the grid still shows what the first committed.
    morning = cell_index(panel.model, "Mercredi matin", date(2026, 12, 9))
    afternoon = cell_index(panel.model, "Mercredi après-midi", date(2026, 12, 9))
    panel.model.setData(morning, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    broken = context.database.read_session_factory
    context.database.__dict__["read_session_factory"] = None  # the refusal's re-read fails too
    try:
        panel.toggle(children_of(window)[0], afternoon.data(CellRole.OPEN_DAY_ID) + 10_000, True)  # no such day
        settle(qtbot, panel)
    finally:
        context.database.__dict__["read_session_factory"] = broken
    assert morning.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert panel.findChild(QLabel, "pendingBookingsLabel").text() == "2 réservations en attente"


def children_of(window) -> list[int]:
    return [child.id for child in window.family.file.children]
