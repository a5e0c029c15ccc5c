"""A click re-reads only its period and basket on top of the grid this desk last read: it must show what a whole read shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject
from sqlalchemy import event

from desk.services.planning import read_grid
from desk.ui.planning_model import CellRole
from tests.ui.conftest import cell_index, settle

DEC_2, DEC_9, DEC_16 = date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)


def _whole_read(panel):
    context = panel.context
    return context.services.work.read(lambda s: read_grid(s, panel._request(), now=context.clock.now(), actor=context.agent))


def _press(panel, child_id: int, unit: str, day: date) -> None:
    panel.toggle(child_id, cell_index(panel.model, unit, day).data(CellRole.OPEN_DAY_ID))


def test_clicks_queued_on_several_days_show_what_a_whole_read_shows(qtbot, window):
    _context, children, _ = window.testing
    panel = window.family.planning
    panel.go_to(DEC_2)
    settle(qtbot, panel)
    noah = children[0].id
    _press(panel, noah, "Mercredi journée", DEC_2)  # pressed before the first answer: they queue on the runner
    _press(panel, noah, "Mercredi matin", DEC_9)
    _press(panel, noah, "Mercredi journée", DEC_16)
    settle(qtbot, panel)
    assert panel.grid == _whole_read(panel)
    assert panel.grid.pending_count == 3 and panel.grid.basket_items == 3

    _press(panel, noah, "Mercredi journée", DEC_9)  # the journée replaces the matin of the same day
    _press(panel, noah, "Mercredi journée", DEC_2)  # and a pending day taken back
    settle(qtbot, panel)
    assert panel.grid == _whole_read(panel)
    assert panel.grid.pending_count == 2 and panel.grid.basket_items == 2


def test_a_click_reads_one_day_on_top_of_the_last_grid_and_the_whole_grid_after_another_commit(qtbot, window):
    context, children, _ = window.testing
    window.data_changes.stop()
    panel = window.family.planning
    panel.go_to(DEC_2)
    settle(qtbot, panel)
    noah = children[0].id
    selects: list[str] = []

    def count(_connection, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(context.database.engine, "before_cursor_execute", count)
    try:
        _press(panel, noah, "Mercredi journée", DEC_2)
        settle(qtbot, panel)
        on_top = len(selects)
        selects.clear()
        context.services.work.write(lambda s: None)  # any other commit of this desk: the grid kept may no longer be what is
        selects.clear()
        _press(panel, noah, "Mercredi matin", DEC_9)
        settle(qtbot, panel)
        after_commit = len(selects)
    finally:
        event.remove(context.database.engine, "before_cursor_execute", count)
    assert after_commit == on_top + 3, "after another commit the click reads the whole grid (4 reads, not 1)"
    assert panel.grid == _whole_read(panel)


def test_a_click_keeps_the_title_bands_and_the_legend_and_tells_the_view_of_its_cells_only(qtbot, window):
    """The answer of a click repaints its cell, not the whole grid (10 to 15 ms of the GUI thread each time
    on a slow machine)."""
    _context, children, _ = window.testing
    panel = window.family.planning
    panel.go_to(DEC_2)
    settle(qtbot, panel)
    legend = list(panel.legend._children)
    qtbot.wait(50)  # what was left to paint of the grid read, painted
    painted = _PaintedRegions(panel.view.viewport())
    changed: list[tuple[int, int, int, int]] = []
    panel.model.dataChanged.connect(
        lambda first, last, *_roles: changed.append((first.row(), first.column(), last.row(), last.column())))
    with qtbot.assertNotEmitted(panel.model.modelReset):
        _press(panel, children[0].id, "Mercredi journée", DEC_2)
        settle(qtbot, panel)
    cell = cell_index(panel.model, "Mercredi journée", DEC_2)
    assert set(changed) == {(cell.row(), cell.column(), cell.row(), cell.column())}, "the clicked cell, busy then booked"
    assert panel.view.columnSpan(0, 0) == panel.model.columnCount(), "the activity's title band is still there"
    assert panel.legend._children == legend, "the legend's widgets are the same ones"
    qtbot.wait(50)
    whole = [region for region in painted.regions if not panel.view.visualRect(cell).contains(region)]
    assert len(painted.regions) > len(whole), "the clicked cell is painted on its own"
    # never the whole grid: not for the title bands cleared and set again, an empty message line cleared, the
    # legend's widgets made again, nor the footer's labels changing (the family's tabs lay out without
    # repainting their page, ``SteadyTabWidget``)
    assert not whole, whole


def test_the_family_tabs_still_lay_out_what_changes_their_shape(qtbot, window):
    """The tabs pass on a layout request when their tab bar or their size hints change."""
    tabs = window.family.tabs
    index = tabs.indexOf(window.family.planning)
    before = tabs.tabBar().tabRect(index).width()
    tabs.setTabText(index, tabs.tabText(index) + " (modifications en cours)")
    qtbot.waitUntil(lambda: tabs.tabBar().tabRect(index).width() > before)
    family_minimum = window.family.minimumSizeHint().width()
    window.family.planning.cost_label.setMinimumWidth(family_minimum + 200)  # the page needs more room
    qtbot.waitUntil(lambda: window.family.minimumSizeHint().width() > family_minimum)  # the file's layout heard of it


class _PaintedRegions(QObject):
    """The rectangles a widget is asked to paint."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.regions: list = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False
