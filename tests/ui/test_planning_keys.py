"""The counter from the keyboard: the planning's keys, the family's shortcuts from any tab, dialogs in front.

The window fixture's desk is on 26/11/2026 at 10:00; Noah is enrolled in the
Wednesdays, whose days close for booking two days before, at noon.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from sqlalchemy import select

from desk.clock import PARIS
from desk.db.models import AuditEntry
from desk.services.auth import log_in
from desk.services.planning import CellState
from desk.ui.main_window import SEARCH_WIDTH, MainWindow
from desk.ui.planning_model import CellRole
from desk.ui.shortcuts_dialog import counter_keys
from tests.ui.conftest import cell_index, settle

NOV_4, NOV_25, DEC_2, DEC_9 = date(2026, 11, 4), date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9)


def key(qtbot, chord: str) -> None:
    """One chord to whatever has the focus, as the agent's keyboard sends it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    combination = QKeySequence(chord)[0]
    qtbot.keyClick(QApplication.focusWidget(), combination.key(), combination.keyboardModifiers())


def cursor(panel) -> tuple[str, date]:
    current = panel.view.currentIndex()
    return panel.model.headerData(current.row(), Qt.Orientation.Vertical), current.data(CellRole.DAY)


def state(panel, unit: str, day: date) -> CellState:
    return cell_index(panel.model, unit, day).data(CellRole.EDITED_SLOT).state


def modify(qtbot, panel) -> None:
    panel.view.setFocus()
    key(qtbot, "F2")
    settle(qtbot, panel)


def test_f2_puts_the_cursor_on_the_first_day_that_can_be_booked_turning_the_page(qtbot, window):
    panel = window.family.planning
    assert panel.grid.days[0] == date(2026, 11, 1)  # November: its last Wednesday closed on the 23rd at noon
    modify(qtbot, panel)
    assert panel.grid.days[0] == date(2026, 12, 1)
    assert cursor(panel) == ("Mercredi matin", DEC_2)
    assert QApplication.focusWidget() is panel.view


def test_left_and_right_go_from_open_day_to_open_day_and_turn_the_page(qtbot, window):
    panel = window.family.planning
    modify(qtbot, panel)
    key(qtbot, "Right")
    assert cursor(panel) == ("Mercredi matin", DEC_9)  # the six closed days between are skipped
    key(qtbot, "Left")
    key(qtbot, "Left")  # past the month's first open day: November, on its last one
    settle(qtbot, panel)
    assert panel.grid.days[0] == date(2026, 11, 1)
    assert cursor(panel) == ("Mercredi matin", NOV_25)
    key(qtbot, "Down")
    assert cursor(panel) == ("Mercredi après-midi", NOV_25)


def test_m_a_j_book_the_unit_of_the_cursors_day_without_walking_to_it(qtbot, window):
    panel = window.family.planning
    modify(qtbot, panel)
    key(qtbot, "J")
    settle(qtbot, panel)
    assert cursor(panel) == ("Mercredi journée", DEC_2)
    assert state(panel, "Mercredi journée", DEC_2) is CellState.PENDING
    key(qtbot, "M")  # the matin replaces the journée of the same day
    settle(qtbot, panel)
    assert state(panel, "Mercredi matin", DEC_2) is CellState.PENDING
    assert state(panel, "Mercredi journée", DEC_2) is CellState.NONE
    key(qtbot, "M")  # and again: taken back
    settle(qtbot, panel)
    assert state(panel, "Mercredi matin", DEC_2) is CellState.NONE
    assert panel.grid.basket_items == 0


def test_a_capital_letter_books_as_the_small_one(qtbot, window):
    """An agent who holds Shift (or whose keyboard sends it) books the same unit."""
    panel = window.family.planning
    modify(qtbot, panel)
    key(qtbot, "Shift+J")
    settle(qtbot, panel)
    assert state(panel, "Mercredi journée", DEC_2) is CellState.PENDING


def _on_the_first_of_december(qtbot, window):
    """The desk on 01/12 at 8:30: Wednesday the 2nd closed for booking on 30/11 at noon, the 9th still open."""
    context = window.testing[0]
    context.clock.set(datetime(2026, 12, 1, 8, 30, tzinfo=PARIS))
    panel = window.family.planning
    panel.go_to(DEC_2)
    settle(qtbot, panel)
    return panel


def test_days_gone_by_and_days_past_their_deadline_look_closed_and_a_key_says_why(qtbot, window):
    panel = window.family.planning
    assert cell_index(panel.model, "Mercredi matin", NOV_4).data(CellRole.LOOK).closed_to_agent  # gone by
    panel = _on_the_first_of_december(qtbot, window)
    modify(qtbot, panel)
    assert cursor(panel) == ("Mercredi matin", DEC_9)  # the first day that can still be booked
    assert cell_index(panel.model, "Mercredi matin", DEC_2).data(CellRole.LOOK).closed_to_agent
    key(qtbot, "Left")
    assert cursor(panel) == ("Mercredi matin", DEC_2)
    key(qtbot, "Space")
    assert panel.message_label.text() == "Les réservations de ce jour sont closes depuis le lundi 30/11 à 12h00."
    assert state(panel, "Mercredi matin", DEC_2) is CellState.NONE
    panel.message_label.clear()
    key(qtbot, "J")  # the same for a letter key
    assert cursor(panel) == ("Mercredi journée", DEC_2)
    assert "closes depuis" in panel.message_label.text()


def test_a_regisseur_passes_the_deadline_from_the_grid_with_a_reason_kept_in_the_audit_trail(qtbot, window):
    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    panel = _on_the_first_of_december(qtbot, window)
    modify(qtbot, panel)
    key(qtbot, "Left")
    assert cursor(panel) == ("Mercredi matin", DEC_2)
    context.dialogs.text_answer = None  # asked, then cancelled: nothing happens
    key(qtbot, "Space")
    settle(qtbot, panel)
    assert state(panel, "Mercredi matin", DEC_2) is CellState.NONE
    context.dialogs.text_answer = "Famille prévenue tard d'un changement d'horaire"
    key(qtbot, "Space")
    settle(qtbot, panel)
    assert state(panel, "Mercredi matin", DEC_2) is CellState.PENDING
    assert [entry[1] for entry in context.dialogs.shown if entry[0] == "ask"] == ["Délai de réservation dépassé"] * 2
    reasons = context.services.work.read(lambda s: s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "override_deadline")).all())
    assert reasons == ["Famille prévenue tard d'un changement d'horaire"]


def _dialog_in_front(qtbot, name: str) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None and QApplication.activeWindow().objectName() == name,
                    timeout=5000)
    dialog = QApplication.activeWindow()
    assert dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget())
    return dialog


def test_ctrl_i_opens_the_enrolment_dialog_in_front_from_every_tab_and_after_ctrl_f(qtbot, window):
    family = window.family
    for tab in (family.form, family.enrolments, family.planning, family.payments):
        family.tabs.setCurrentWidget(tab)
        tab.setFocus()
        key(qtbot, "Ctrl+I")
        _dialog_in_front(qtbot, "enrolmentDialog").reject()
        settle(qtbot, family.planning)
    family.tabs.setCurrentWidget(family.planning)
    key(qtbot, "Ctrl+F")
    assert QApplication.focusWidget().objectName() == "familySearchEdit"
    key(qtbot, "Ctrl+I")  # the family file still shown beside the search: its shortcut works
    dialog = _dialog_in_front(qtbot, "enrolmentDialog")
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "familySearchEdit")  # the key goes back


def test_ctrl_f_from_the_planning_gives_the_search_pane_its_width(qtbot, window):
    assert window.family.tabs.currentWidget() is window.family.planning
    key(qtbot, "Ctrl+F")
    assert window.splitter.sizes()[0] >= SEARCH_WIDTH


def test_the_tabs_of_the_family_file_have_one_mnemonic_each(window):
    tabs = window.family.tabs
    letters = [tabs.tabText(index).split("&")[1][0].lower() for index in range(tabs.count())]
    menus = [action.text().split("&")[1][0].lower() for action in window.menuBar().actions() if "&" in action.text()]
    assert len(set(letters)) == len(letters) and not set(letters) & set(menus), (letters, menus)


def test_f1_lists_the_shortcuts_and_every_key_it_lists_is_bound(qtbot, window):
    key(qtbot, "F1")
    dialog = _dialog_in_front(qtbot, "shortcutsDialog")
    assert dialog.table.rowCount() == len(counter_keys())
    bound = {action.shortcut().toString() for action in window.findChildren(QAction)}
    bound |= {shortcut.key().toString() for shortcut in window.findChildren(QShortcut)}
    bound |= {button.shortcut().toString() for button in window.findChildren(QAbstractButton)}
    window_keys = {keys for keys, _what, where in counter_keys() if "," not in keys and keys not in ("Return", "Space")
                   and where not in ("Payment", "Paiement", "Ticket, statement", "Ticket, relevé")}
    assert window_keys <= bound, window_keys - bound
    dialog.reject()


def test_clear_all_defaults_to_no_and_an_emptied_recap_closes(qtbot, window):
    context = window.testing[0]
    panel = window.family.planning
    modify(qtbot, panel)
    key(qtbot, "J")
    settle(qtbot, panel)
    key(qtbot, "F9")
    settle(qtbot, panel)
    recap = _dialog_in_front(qtbot, "checkoutDialog")
    recap.clear_all()
    settle(qtbot, panel)
    assert context.dialogs.destructive == ["Tout supprimer"]
    qtbot.waitUntil(lambda: not recap.isVisible())
    assert panel.grid.basket_items == 0 and state(panel, "Mercredi journée", DEC_2) is CellState.NONE


def test_every_window_a_shortcut_opens_comes_in_front_with_the_focus(qtbot, window):
    """A dialog created but never shown once froze the desk: each shortcut's window is visible, active, focused."""
    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "regisseur", "regisseur")).actor())
    desk = MainWindow(context)  # the régisseur's desk: the cash-desk menu's shortcuts too
    qtbot.addWidget(desk)
    desk.resize(1280, 720)
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow)
    desk.show_family(window.family.file.id)
    settle(qtbot, desk.family.planning)
    for chord, name in (("Ctrl+I", "enrolmentDialog"), ("Ctrl+E", "statementDialog"), ("F1", "shortcutsDialog"),
                        ("Ctrl+K", "cashDeskDialog"), ("Ctrl+Shift+J", "verifyJournalDialog"),
                        ("Ctrl+Shift+O", "reviewDialog"), ("Ctrl+Shift+A", "auditDialog")):
        key(qtbot, chord)
        _dialog_in_front(qtbot, name).reject()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is desk, timeout=5000)  # the keys come back to the desk
        settle(qtbot, desk.family.planning)
    desk.close()
