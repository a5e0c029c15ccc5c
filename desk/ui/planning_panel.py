"""The *Planning* tab: subjects, period navigation, the grid, its legend and the basket's footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.db.change_feed import DataChange
from desk.db.enums import UnitKind
from desk.errors import DeskError
from desk.money import format_cents
from desk.services.booking_rules import Blocker
from desk.services.ids import ChildId, FamilyId
from desk.services.lifecycle.baskets import BasketView
from desk.services.planning import GridRequest, PeriodMode, PlanningGrid, period_of, shift_period
from desk.ui.checkout_dialog import CheckoutDialog
from desk.ui.context import DeskContext
from desk.ui.dialogs import present
from desk.ui.planning_delegate import PlanningDelegate
from desk.ui.planning_legend import PlanningLegend
from desk.ui.planning_model import CellRole, PlanningModel
from desk.ui.planning_view import PlanningView
from desk.ui.symbols import symbol_icon
from desk.ui.tasks import BackgroundRunner
from desk.ui.texts import balance_text

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
# Changes heard close together (a checkout touches several tables) make one reload.
RELOAD_DELAY_MS = 100
FAMILY_SUBJECT = 0


PAGES_AHEAD = 3  # F2 looks this many periods ahead for a day the child can still book


@dataclass(frozen=True)
class _Cursor:
    """Where to put the cursor when the grid asked for arrives."""

    kind: str  # "edit" (F2 waited for the grid), "bookable" (the first bookable day), "edge" (a page turned)
    pages_left: int = 0
    row: int = 0
    step: int = 1


@dataclass(frozen=True)
class _Answer:
    """What the database answered a read or a click: the grid as it stands, and what to tell the agent."""

    grid: PlanningGrid
    changed: bool = False
    refusal: str | None = None


class PlanningPanel(QWidget):
    basket_changed = Signal()
    pay_requested = Signal(int)

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.planning = context.services.planning
        self._cursor_wanted: _Cursor | None = None  # where the keyboard's cursor goes once the coming grid is shown
        self._queued_targets: dict[tuple[int, int], tuple[bool | None, int]] = {}  # cell → last target, clicks queued
        self.family_id: int | None = None
        self.grid: PlanningGrid | None = None
        self.mode = PeriodMode.MONTH
        self.anchor = context.today()
        self.setObjectName("planningPanel")
        self.model = PlanningModel(self)
        self.model.toggle_requested.connect(self.toggle)
        self._build()
        self._stale = False
        self._reload_soon = QTimer(self)
        self._reload_soon.setObjectName("planningReloadTimer")
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(RELOAD_DELAY_MS)
        self._reload_soon.timeout.connect(self._reload_for_others)

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.subjects = QListWidget(self)
        self.subjects.setObjectName("planningSubjectList")
        self.subjects.setFixedWidth(180)
        self.subjects.setWordWrap(True)
        self.subjects.currentRowChanged.connect(lambda _row: self.reload())
        self.title_label = QLabel(self)
        self.title_label.setObjectName("planningTitleLabel")
        self.title_label.setMinimumWidth(120)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setProperty("role", "heading")
        self.previous_button = self._tool("previousPeriodButton", "◀", self.tr("Previous period (Alt+Left)"), "Alt+Left",
                                          lambda: self.shift(-1))
        self.today_button = self._tool("todayButton", self.tr("Today"), self.tr("Back to today (Alt+Home)"), "Alt+Home",
                                       self.go_today)
        self.next_button = self._tool("nextPeriodButton", "▶", self.tr("Next period (Alt+Right)"), "Alt+Right",
                                      lambda: self.shift(1))
        self.mode_group = QButtonGroup(self)
        mode_buttons = []
        for object_name, label, shortcut, mode in (
            ("monthModeButton", self.tr("Monthly"), "Alt+1", PeriodMode.MONTH),
            ("fortnightModeButton", self.tr("Fortnight"), "Alt+2", PeriodMode.FORTNIGHT),
            ("weekModeButton", self.tr("Week"), "Alt+3", PeriodMode.WEEK),
        ):
            button = self._tool(object_name, label, f"{label} ({shortcut})", shortcut, lambda _=False, m=mode: self.set_mode(m))
            button.setCheckable(True)
            button.setChecked(mode is self.mode)
            self.mode_group.addButton(button)
            mode_buttons.append(button)
        self.modify_button = QPushButton(self.tr("Modify (F2)"), self)
        self.modify_button.setObjectName("modifyPlanningButton")
        self.modify_button.setCheckable(True)
        self.modify_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay on the grid
        self._shortcut("F2", self.modify_button.toggle)
        self.modify_button.toggled.connect(self.set_edit_mode)
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        top.addWidget(self.title_label, 1)
        for button in mode_buttons:
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.modify_button)

        self.view = PlanningView(self)
        self.view.setObjectName("planningView")
        self.view.edge_reached.connect(self._turn_page)
        self.view.unit_key_pressed.connect(self._book_unit_of_day)
        self.view.refused_key_pressed.connect(self._explain_or_override)
        self.view.setModel(self.model)
        self.view.setItemDelegate(PlanningDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(40)
        self.view.verticalHeader().setFixedWidth(150)
        self.legend = PlanningLegend(self)
        # The legend may be cut on the right rather than widen the family file: Ctrl+F from the planning then
        # gives the search pane its width (it was squeezed to 160 px).
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setMinimumWidth(1)

        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingBookingsLabel")
        self.cancellations_label = QLabel(self)
        self.cancellations_label.setObjectName("pendingCancellationsLabel")
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("periodCostLabel")
        cost_font = self.cost_label.font()
        cost_font.setBold(True)
        cost_font.setPointSizeF(cost_font.pointSizeF() * 1.25)
        self.cost_label.setFont(cost_font)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("planningBalanceLabel")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("planningMessageLabel")
        self.message_label.setProperty("role", "fieldError")
        self.message_label.setWordWrap(True)
        self.finish_button = QPushButton(self.tr("Finish the changes (F9)"), self)
        self.finish_button.setObjectName("finishChangesButton")
        self.finish_button.setProperty("primary", True)
        self.finish_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shortcut("F9", lambda: self.finish_button.isEnabled() and self.finish_button.click())
        self.finish_button.clicked.connect(self.finish_changes)
        self._keep_footer_minimum()
        footer = QHBoxLayout()
        counts = QVBoxLayout()
        counts.addWidget(self.pending_label)
        counts.addWidget(self.cancellations_label)
        footer.addLayout(counts)
        footer.addSpacing(20)
        footer.addWidget(self.cost_label)
        footer.addStretch(1)
        footer.addWidget(self.balance_label)
        footer.addSpacing(20)
        footer.addWidget(self.finish_button)

        grid_column = QVBoxLayout()
        grid_column.addLayout(top)
        grid_column.addWidget(self.view, 1)
        grid_column.addWidget(self.legend)
        grid_column.addWidget(self.message_label)
        grid_column.addLayout(footer)
        layout = QHBoxLayout(self)
        layout.addWidget(self.subjects)
        layout.addLayout(grid_column, 1)

    def _keep_footer_minimum(self) -> None:
        """The footer's labels keep the minimum width of a short text whatever they say: a longer amount or
        count takes room from the footer's stretch, and the family file's minimum size stays as it is, so
        that nothing above the panel is laid out again and the grid is not painted again (``SteadyTabWidget``)."""
        samples = (
            (self.pending_label, self.tr("%n booking(s) pending", "", 0)),
            (self.cancellations_label, self.tr("%n cancellation(s) pending", "", 0)),
            (self.cost_label, self.tr("Basket: %1").replace("%1", format_cents(0))),
            (self.balance_label, balance_text(0)),
        )
        for label, sample in samples:
            margins = label.contentsMargins()
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + margins.left() + margins.right())

    def _clear_message(self) -> None:
        """Clear the message line if it says something: clearing an empty label still lays the window out
        again, and the whole grid is painted again."""
        if self.message_label.text():
            self.message_label.clear()

    def _shortcut(self, sequence: str, action: Callable[[], object]) -> None:
        """A key of the planning, acted on at once (a button's own shortcut animates a click for 100 ms first)."""
        shortcut = QShortcut(QKeySequence(sequence), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # the panel hidden (another tab), it does nothing
        shortcut.activated.connect(action)

    def _tool(self, object_name: str, text: str, tooltip: str, shortcut: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(object_name)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setShortcut(QKeySequence(shortcut))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # -- loading -------------------------------------------------------------

    def expect_family(self, family_id: int) -> tuple[GridRequest, int]:
        """The family file is being read with its grid: what to read, and its place in the order of reads.

        From now on the panel is the family's (navigation asks for its grid);
        ``show_grid`` shows the grid read, unless a read asked later is on its way.
        """
        if family_id != self.family_id:
            self.family_id = family_id
            self.modify_button.setChecked(False)
            self._clear_message()
            self.subjects.blockSignals(True)
            self.subjects.clear()
            self.subjects.blockSignals(False)
        self._asked += 1
        return self._request(), self._asked

    def show_grid(self, grid: PlanningGrid, ticket: int) -> None:
        """Show ``grid``, read as request ``ticket``, unless a grid asked later is already shown."""
        if ticket > self._shown_ticket and grid.family_id == self.family_id:
            self._shown_ticket = ticket
            self._show(grid)

    def request_for(self, family_id: int) -> GridRequest:
        """What the panel will show of ``family_id``: its current subject if shown, else the whole family."""
        first, last = period_of(self.anchor, self.mode)
        child_id = self._subject_child() if family_id == self.family_id else None
        return GridRequest(family_id, first, last, child_id)

    def reload(self) -> None:
        """Read the grid again, off the GUI thread; the answer replaces only the cells that changed."""
        if self.family_id is None:
            return
        request, planning = self._request(), self.planning
        self._submit(lambda: _Answer(planning.grid(request)))

    def _request(self) -> GridRequest:
        assert self.family_id is not None
        return self.request_for(self.family_id)

    def _submit(self, work: Callable[[], _Answer], *, open_day_id: int | None = None,
                finished: Callable[[], None] | None = None) -> None:
        """Queue ``work`` on the desk's database runner.

        Answers come back in order; each grid is shown unless a later one already
        is, so a failure of the last request never hides what an earlier one did.
        """
        self._asked += 1
        asked, family_id = self._asked, self.family_id
        if open_day_id is not None:
            self.model.set_busy(open_day_id, True)

        self._waiting += 1

        def done(answer: _Answer | None, error: Exception | None = None) -> None:
            self._waiting -= 1
            if open_day_id is not None:
                self.model.set_busy(open_day_id, False)
            if finished is not None:
                finished()
            if family_id != self.family_id:
                return  # the agent went to another family meanwhile
            if error is not None:
                self._read_failed = True
                self.message_label.setText(error.message if isinstance(error, DeskError) else str(error))
            else:
                assert answer is not None
                self._answered(answer, asked)

        self.runner.run(work, done, lambda error: done(None, error))

    @property
    def busy(self) -> bool:
        """A read or a change of this panel is still on its way."""
        return self._waiting > 0

    def _answered(self, answer: _Answer, ticket: int) -> None:
        if answer.refusal is not None:
            self.message_label.setText(answer.refusal)
        elif answer.changed or self._read_failed:  # done, or the database answers again: the message is stale
            self._clear_message()
        self._read_failed = False
        if answer.changed:
            self._just_changed = True
        if ticket > self._shown_ticket:
            self._shown_ticket = ticket
            followed, self._follow_others = self._follow_others, False
            previous = self.grid
            self._show(answer.grid)
            if followed and answer.grid != previous:
                self.basket_changed.emit()  # another desk's change: the header's balance and the payments follow

    def _show(self, grid: PlanningGrid) -> None:
        previous = self.grid
        self.grid = grid
        self._fill_subjects(grid)
        self._show_grid(grid, unchanged=grid == previous)
        self.model.set_editing_child(self._editing_child() if self.modify_button.isChecked() else None)
        self._show_title(grid.days[0] if grid.days else self.anchor)
        self._show_footer(grid)
        self._show_legend(grid)
        self._warn_if_holds_expired(previous, grid)

    def _show_grid(self, grid: PlanningGrid, *, unchanged: bool) -> None:
        """Reset the model only when the grid changed, and keep the agent's cell either way."""
        today = self.context.today()
        if unchanged and self.model.today == today:
            return
        current = self.view.currentIndex()
        row, column = current.row(), current.column()
        if self.model.set_grid(grid, today):  # a new shape: its title bands (clearing spans repaints all)
            self._span_titles()
        if self._cursor_wanted is not None:
            self._place_wanted_cursor()
        elif current.isValid() and row < self.model.rowCount() and column < self.model.columnCount():
            kept = self.model.index(row, column)
            if not kept.data(CellRole.IS_OPEN) and not kept.data(CellRole.IS_TITLE):  # another period: an open day
                opened = self.model.next_open(kept, 1)
                kept = opened if opened.isValid() else self.model.open_at_edge(row, -1)
            self.view.setCurrentIndex(kept)

    def _span_titles(self) -> None:
        """Each activity's title row is one band across the period."""
        self.view.clearSpans()
        for row in range(self.model.rowCount()):
            if self.model.headerData(row, Qt.Orientation.Vertical, CellRole.IS_TITLE) and self.model.columnCount() > 1:
                self.view.setSpan(row, 0, 1, self.model.columnCount())

    def _fill_subjects(self, grid: PlanningGrid) -> None:
        wanted = [(child.id, child.first_name, child.activities) for child in grid.children]
        if getattr(self, "_subjects_shown", None) == wanted:
            return
        self._subjects_shown = wanted
        current = self._subject_child()
        self.subjects.blockSignals(True)
        self.subjects.clear()
        family = QListWidgetItem(self.tr("Family"))
        family.setData(Qt.ItemDataRole.UserRole, None)
        self.subjects.addItem(family)
        for child in grid.children:
            lines = "\n".join(child.activities) or self.tr("no activity line")
            item = QListWidgetItem(symbol_icon(child.symbol_index), f"{child.first_name}\n{lines}")
            item.setToolTip(lines)
            item.setData(Qt.ItemDataRole.UserRole, child.id)
            self.subjects.addItem(item)
        rows = [FAMILY_SUBJECT] + [n + 1 for n, child in enumerate(grid.children) if child.id == current]
        self.subjects.setCurrentRow(rows[-1])
        self.subjects.blockSignals(False)

    def _subject_child(self) -> int | None:
        item = self.subjects.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _editing_child(self) -> int | None:
        """The child whose cells become checkable: the selected one, or the first enrolled."""
        selected = self._subject_child()
        if selected is not None or self.grid is None:
            return selected
        enrolled = [child for child in self.grid.children if child.activities]
        return enrolled[0].id if enrolled else None

    def _show_title(self, first: date) -> None:
        who = self.tr("Family")
        child_id = self._subject_child()
        if child_id is not None and self.grid is not None:
            who = next(child.first_name for child in self.grid.children if child.id == child_id)
        if self.mode is PeriodMode.MONTH:
            period = f"{MONTHS[first.month - 1].capitalize()} {first.year}"
        else:
            last = period_of(self.anchor, self.mode)[1]
            period = self.tr("%1 to %2").replace("%1", f"{first:%d/%m}").replace("%2", f"{last:%d/%m/%Y}")
        self.title_label.setText(f"{who} : {period}")

    def _show_footer(self, grid: PlanningGrid) -> None:
        self.pending_label.setText(self.tr("%n booking(s) pending", "", grid.pending_count))
        self.cancellations_label.setText(self.tr("%n cancellation(s) pending", "", grid.cancellation_count))
        self.cost_label.setText(self.tr("Basket: %1").replace("%1", format_cents(grid.basket_cents)))
        self.cost_label.setToolTip(self.tr("%n change(s) in the basket, whatever their day; this period: %1", "",
                                           grid.basket_items).replace("%1", format_cents(grid.period_cost_cents)))
        self.balance_label.setText(balance_text(grid.balance_cents))
        self.finish_button.setEnabled(bool(grid.basket_items or grid.balance_cents > 0))

    def _show_legend(self, grid: PlanningGrid) -> None:
        self.legend.show_children([(child.symbol_index, child.first_name) for child in grid.children])

    def _warn_if_holds_expired(self, previous: PlanningGrid | None, grid: PlanningGrid) -> None:
        if previous is not None and previous.family_id == grid.family_id and grid.holds_lost_since(previous) \
                and not self._just_changed and not self.busy:
            self.message_label.setText(self.tr(
                "Pending bookings left the basket (hold over, or removed at another desk): their places were freed. "
                "Check the basket."))
        self._just_changed = False

    _just_changed = False
    _read_failed = False
    _asked = 0
    _shown_ticket = 0
    _waiting = 0
    _follow_others = False

    # -- navigation ----------------------------------------------------------

    def shift(self, steps: int) -> None:
        self.anchor = shift_period(self.anchor, self.mode, steps)
        self.reload()

    def go_today(self) -> None:
        self.anchor = self.context.today()
        self.reload()

    def set_mode(self, mode: PeriodMode) -> None:
        self.mode = mode
        for button in self.mode_group.buttons():
            button.setChecked(button.objectName().startswith(mode.value))
        self.reload()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.reload()

    # -- changing ------------------------------------------------------------

    def set_edit_mode(self, on: bool) -> None:
        child_id = self._editing_child() if on else None
        if on and child_id is None and self.busy:
            self._cursor_wanted = _Cursor("edit")  # an enrolment's grid is on its way: F2 applies when it comes
            return
        if on and child_id is None:
            self.message_label.setText(self.tr("No child of this family has an activity line: enrol one first."))
            self.modify_button.setChecked(False)
            return
        self.model.set_editing_child(child_id)
        self.modify_button.setText(self.tr("Stop modifying (F2)") if on else self.tr("Modify (F2)"))
        if on:
            self.view.setFocus()
            self._cursor_to_first_bookable(PAGES_AHEAD)

    # -- the keyboard's cursor -------------------------------------------------

    def _cursor_to_first_bookable(self, pages_left: int) -> None:
        """The cursor on the first day the edited child can book, turning pages ahead if this one has none."""
        found = self.model.first_bookable()
        if found.isValid():
            self.view.place_cursor(found)
        elif pages_left > 0 and self.grid is not None and self.grid.blocks:
            self._cursor_wanted = _Cursor("bookable", pages_left=pages_left - 1)
            self.shift(1)
        else:
            self.message_label.setText(self.tr("No day can be booked for this child in the coming months."))

    def _turn_page(self, row: int, step: int) -> None:
        """Left or Right past the period's edge: the next or previous period, the cursor on its open day."""
        self._cursor_wanted = _Cursor("edge", row=row, step=step)
        self.shift(step)

    def _place_wanted_cursor(self) -> None:
        wanted, self._cursor_wanted = self._cursor_wanted, None
        assert wanted is not None
        if wanted.kind == "edit":
            self.set_edit_mode(self.modify_button.isChecked())
        elif wanted.kind == "bookable":
            self._cursor_to_first_bookable(wanted.pages_left)
        else:
            row = self.model.unit_row(wanted.row)
            self.view.place_cursor(self.model.open_at_edge(row, wanted.step) if row is not None else QModelIndex())

    def _book_unit_of_day(self, index: QModelIndex, kind: UnitKind) -> None:
        """M, A or J: the matin, après-midi or journée of the cursor's day, checked (or unchecked) from where it is."""
        row = self.model.row_of_kind(index.row(), kind)
        if row is None:
            self.message_label.setText(self.tr("This activity has no such unit."))
            return
        target = self.model.index(row, index.column())
        self.view.place_cursor(target)
        if not target.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self._explain_or_override(target)
            return
        checked = target.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.model.setData(target, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                           Qt.ItemDataRole.CheckStateRole)

    def _explain_or_override(self, index: QModelIndex) -> None:
        """A key on a cell that cannot change: why, in the status line; a régisseur may pass the deadline."""
        if not self.modify_button.isChecked():
            self.message_label.setText(self.tr("Press F2 to modify the planning."))
            return
        if not index.data(CellRole.IS_OPEN):
            self.message_label.setText(self.tr("Closed that day."))
            return
        slot = index.data(CellRole.EDITED_SLOT)
        if slot is None:
            self.message_label.setText(self.tr("This child is not enrolled in this activity."))
            return
        if slot.blocker is Blocker.DEADLINE and self.context.agent.is_cashier:
            self._override_deadline(slot.child_id, index.data(CellRole.OPEN_DAY_ID), slot.reason)
            return
        self.message_label.setText(slot.reason)

    def _override_deadline(self, child_id: int, open_day_id: int, reason_shown: str) -> None:
        reason = self.context.dialogs.ask_text(
            self, self.tr("Past the booking deadline"),
            self.tr("%1\nAs régisseur you may book it all the same: why? (kept in the audit trail)")
            .replace("%1", reason_shown))
        if reason is None:
            return
        if not reason.strip():
            self.message_label.setText(self.tr("A reason is needed to pass the booking deadline."))
            return
        self.toggle(child_id, open_day_id, True, override_reason=reason)

    def toggle(self, child_id: int, open_day_id: int, checked: bool | None = None, *,
               override_reason: str | None = None) -> None:
        """The planning click: one unit of work off the GUI thread, the cell busy until it is done.

        Presses queue in order on the runner, each applied once; a refusal
        (another desk took the last place…) shows the grid as it now is, and why.
        """
        assert self.family_id is not None
        request, planning = self._request(), self.planning

        def click() -> _Answer:
            answer = planning.click(request, ChildId(child_id), open_day_id, override_reason=override_reason)
            return _Answer(answer.grid, changed=answer.changed, refusal=answer.refusal)

        key = (child_id, open_day_id)
        queued = self._queued_targets.get(key)
        if checked is not None and queued is not None and queued[0] == checked:
            return  # the same press again (a double click) while the first is on its way: applied once
        self._queued_targets[key] = (checked, (queued[1] if queued else 0) + 1)

        def finished() -> None:
            target, count = self._queued_targets[key]
            if count == 1:
                del self._queued_targets[key]
            else:
                self._queued_targets[key] = (target, count - 1)

        self._submit(click, open_day_id=open_day_id, finished=finished)

    def finish_changes(self) -> None:
        """*Terminer les modifications*: the basket is read off the GUI thread, then the recap opens on it."""
        if self.family_id is None:
            return
        family_id, planning = FamilyId(self.family_id), self.planning

        def opened(view: BasketView) -> None:
            if family_id == self.family_id:
                self._open_recap(view)

        def failed(error: Exception) -> None:
            self.message_label.setText(error.message if isinstance(error, DeskError) else str(error))

        self.runner.run(lambda: planning.basket(family_id), opened, failed)

    def _open_recap(self, view: BasketView) -> None:
        assert self.family_id is not None
        self.checkout = CheckoutDialog(self.context, self.runner, self.family_id, self, view=view)
        self.checkout.basket_cleared.connect(self._after_checkout_change)
        self.checkout.pay_requested.connect(self.pay_requested.emit)
        self.checkout.finished.connect(lambda _result: self._after_checkout_change())
        present(self.checkout)

    def _after_checkout_change(self) -> None:
        self._just_changed = True
        self.reload()
        self.basket_changed.emit()

    # -- what other desks do ---------------------------------------------------

    def on_data_changed(self, change: DataChange) -> None:
        """Another desk committed ``change``: reload if it touches what is shown.

        This desk's own commits come back too; those known as ours (PostgreSQL
        tells) are skipped: the click already showed what it did.
        """
        if self.family_id is None or self.grid is None or change.from_this_desk:
            return
        children = frozenset(child.id for child in self.grid.children)
        if change.concerns(family_id=self.family_id, open_day_ids=self.grid.open_day_ids(), child_ids=children):
            self._stale = True
            if self.isVisible():
                self._reload_soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload_soon.start()

    def _reload_for_others(self) -> None:
        if not self.isVisible() or self.family_id is None:
            return
        self._stale = False
        self._just_changed = False
        self._follow_others = True
        self.reload()

    def sizeHint(self) -> QSize:
        return QSize(960, 560)

