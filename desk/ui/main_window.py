"""The main window: family search on the left, the family file (or the home figures) in the centre."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk import __version__
from desk.clock import PARIS
from desk.db.enums import Role
from desk.errors import DeskError
from desk.services.access import ROLE_LABELS
from desk.services.lifecycle.online import (
    OnlineOutcome,
    ReconciliationReport,
)
from desk.services.overview import Overview
from desk.ui.admin_dialogs import AgentsDialog, AuditDialog, SettingsDialog
from desk.ui.cash_desk_dialog import CashDeskDialog
from desk.ui.catalogue_dialog import CatalogueDialog
from desk.ui.context import DeskContext
from desk.ui.data_changes import DataChangeNotifier
from desk.ui.dialogs import present
from desk.ui.family_file import FamilyFileWidget
from desk.ui.regie_dialog import RegieDialog
from desk.ui.resources import icon
from desk.ui.review_dialog import ALERT_INK, ReviewDialog
from desk.ui.search_panel import FamilySearchPanel
from desk.ui.settings import ONLINE_RECONCILIATION_MS
from desk.ui.shortcuts_dialog import ShortcutsDialog
from desk.ui.tasks import BackgroundRunner
from desk.ui.texts import of_town
from desk.ui.verify_dialog import VerifyJournalDialog
from reports import load_renderers

HOLD_SWEEP_MS = 30_000


def load_printing() -> None:
    """reportlab and PDFium, imported on a worker thread once the window shows, so that
    neither delays the start nor the first ticket of the day (see reports.load_renderers)."""
    load_renderers()
    import pypdfium2  # noqa: F401


_log = logging.getLogger(__name__)

# The home figures follow other desks' work, at most this often.
OVERVIEW_DELAY_MS = 1000
SEARCH_WIDTH = 340


class FigureCard(QFrame):
    """A big number with its caption."""

    def __init__(self, object_name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName(f"{object_name}Value")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_label = QLabel(caption, self)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(caption_label)

    def set_value(self, value: int) -> None:
        self.value_label.setText(f"{value:,}".replace(",", "\u202f"))


class HomePage(QWidget):
    """What the desk shows before a family is opened: the day's figures and the activities."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.title_label = QLabel(self.tr("Front desk"), self)
        self.title_label.setObjectName("homeTitleLabel")
        self.title_label.setProperty("role", "heading")
        hint = QLabel(self.tr("Find a family on the left (Ctrl+F), or create one (Ctrl+N)."), self)
        hint.setProperty("role", "subtle")
        self.families_card = FigureCard("familiesFigure", self.tr("families"), self)
        self.children_card = FigureCard("childrenFigure", self.tr("children"), self)
        self.bookings_card = FigureCard("upcomingBookingsFigure", self.tr("bookings to come"), self)
        cards = QGridLayout()
        for column, card in enumerate((self.families_card, self.children_card, self.bookings_card)):
            cards.addWidget(card, 0, column)
        self.activities_table = QTableWidget(0, 4, self)
        self.activities_table.setObjectName("activitiesTable")
        self.activities_table.setHorizontalHeaderLabels(
            [self.tr("Activity"), self.tr("Category"), self.tr("Period"), self.tr("Enrolments")]
        )
        self.activities_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activities_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activities_table.verticalHeader().hide()
        header = self.activities_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(hint)
        layout.addLayout(cards)
        layout.addWidget(QLabel(self.tr("Current and upcoming activities"), self))
        layout.addWidget(self.activities_table, 1)

    def show_overview(self, overview: Overview) -> None:
        if overview.town:
            self.title_label.setText(  # French elides: "d'Albertville", hence {of_town}
                self.tr("Front desk of {town} — {regie}", "{of_town}: de, d' or du with the town")
                .format(town=overview.town, of_town=of_town(overview.town), regie=overview.regie_name)
            )
        self.families_card.set_value(overview.families)
        self.children_card.set_value(overview.children)
        self.bookings_card.set_value(overview.upcoming_bookings)
        self.activities_table.setRowCount(len(overview.activities))
        for row, activity in enumerate(overview.activities):
            period = self.tr("{start} to {end}").format(
                start=activity.start_date.strftime("%d/%m/%Y"), end=activity.end_date.strftime("%d/%m/%Y")
            )
            for column, value in enumerate((activity.name, activity.category, period, str(activity.enrolments))):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.activities_table.setItem(row, column, item)


class MainWindow(QMainWindow):
    overview_loaded = Signal(object)
    started_up = Signal()  # everything loaded, printing included: what follows is counter work
    warmed_up = Signal()  # the family file's reads made once (``warm_up``): the first family opens like the next
    family_shown = Signal(int)
    logout_requested = Signal()
    online_payments_reconciled = Signal(object)  # the ReconciliationReport of a pass, or the error that stopped it

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self)
        # The family file's reads and writes, one after the other, never on the GUI thread.
        self.database_runner = BackgroundRunner(self, threads=1)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("desk — Front desk"))
        self.setWindowIcon(icon("desk"))
        self.resize(1280, 720)
        self.search = FamilySearchPanel(context, self)
        self.home = HomePage(self)
        self.family = FamilyFileWidget(context, self.database_runner, self)
        self.family.family_opened.connect(self._family_opened)
        self.family.family_open_failed.connect(self._family_open_failed)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.home)
        self.centre.addWidget(self.family)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.centre)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SEARCH_WIDTH, 1280 - SEARCH_WIDTH])
        self.setCentralWidget(self.splitter)
        self.family.tabs.currentChanged.connect(self._fit_for_tab)
        self.search.family_opened.connect(self.show_family)
        self.family.family_saved.connect(self._family_saved)
        self._build_status_bar()
        self._build_actions()
        self._restore_geometry()
        self.refresh()
        self.search.focus_search()
        # Holds left by any desk expire even when nobody runs desk-admin expire-holds.
        self.expiry_timer = QTimer(self)
        self.expiry_timer.setInterval(HOLD_SWEEP_MS)
        self.expiry_timer.timeout.connect(self.sweep_expired_holds)
        self.expiry_timer.start()
        self._reconcile_online_payments_regularly()
        self._follow_other_desks()
        self.runner.run(load_printing, self._printing_loaded, self._printing_loaded)

    def _reconcile_online_payments_regularly(self) -> None:
        """Ask the gateway now and every few minutes: a late bank confirmation becomes a credit on this desk too."""
        self._reconciling = False
        self.reconciliation_timer = QTimer(self)
        self.reconciliation_timer.setInterval(ONLINE_RECONCILIATION_MS)
        self.reconciliation_timer.timeout.connect(self.reconcile_online)
        if self.context.actor is not None:
            self.reconciliation_timer.start()
            self.reconcile_online()

    def warm_up(self) -> None:
        """Before the agent's first family, what opening one reads, read once and forgotten
        (``FamilyFiles.warm_up``) on the family file's runner: a first open asked meanwhile queues behind it."""
        def failed(error: Exception) -> None:  # the agent's own first open says what is wrong, if it still is
            _log.warning("the family file's warm-up failed", exc_info=error)
            self.warmed_up.emit()

        self.database_runner.run(self.context.services.families.warm_up, lambda _none: self.warmed_up.emit(), failed)

    def _printing_loaded(self, _result: object = None) -> None:
        self.started_up.emit()

    def _follow_other_desks(self) -> None:
        """What any desk commits reaches the grid at once and the home figures within a second."""
        self.data_changes = DataChangeNotifier(self.context.database, self)
        self.data_changes.data_changed.connect(self.family.planning.on_data_changed)
        self.overview_timer = QTimer(self)
        self.overview_timer.setSingleShot(True)
        self.overview_timer.setInterval(OVERVIEW_DELAY_MS)
        self.overview_timer.timeout.connect(self._refresh_overview)
        self.data_changes.data_changed.connect(self._overview_may_have_changed)
        self.data_changes.connection_changed.connect(self._show_server_reachable)

    def _show_server_reachable(self, reachable: bool) -> None:
        """Say at once that the server is gone, and when it is back; the desk reconnects by itself."""
        was_lost = not self.server_status_label.isHidden()
        self.server_status_label.setVisible(not reachable)
        if reachable and was_lost:
            self.statusBar().showMessage(self.tr("Connection to the server restored."), 8000)

    def _overview_may_have_changed(self, _change: object) -> None:
        if self.centre.currentWidget() is self.home and not self.overview_timer.isActive():
            self.overview_timer.start()

    # -- building ------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.context.actor
        agent = f"{actor.name} ({ROLE_LABELS[actor.role]})" if actor else self.tr("No agent signed in")
        self.agent_status_label = QLabel(agent, bar)
        self.agent_status_label.setObjectName("agentStatusLabel")
        self.cash_desk_status_label = QLabel(bar)
        self.cash_desk_status_label.setObjectName("cashDeskStatusLabel")
        described = self.context.database.describe()
        self.database_status_label = QLabel(
            QFontMetrics(self.font()).elidedText(described, Qt.TextElideMode.ElideMiddle, 420), bar)
        self.database_status_label.setToolTip(described)
        self.database_status_label.setObjectName("databaseStatusLabel")
        self.server_status_label = QLabel(self.tr("Server unreachable: reconnecting…"), bar)
        self.server_status_label.setToolTip(self.tr(
            "Nothing can be recorded until the server answers again; what is on screen is kept. "
            "Other desks' changes will show once it is back."))
        self.server_status_label.setObjectName("serverStatusLabel")
        self.server_status_label.setProperty("role", "fieldError")
        self.server_status_label.hide()
        self.review_status_label = QLabel(bar)
        self.review_status_label.setObjectName("reviewStatusLabel")
        self.review_status_label.setProperty("role", "fieldError")
        self.review_status_label.linkActivated.connect(lambda _link: self.show_review())
        self.review_status_label.hide()
        # Permanent: transient messages ("saved") never hide who is at the desk.
        bar.addPermanentWidget(self.server_status_label)
        bar.addPermanentWidget(self.review_status_label)
        bar.addPermanentWidget(self.agent_status_label)
        bar.addPermanentWidget(self.cash_desk_status_label)
        bar.addPermanentWidget(self.database_status_label)

    def _action(self, object_name: str, text: str, shortcut, slot, icon_name: str | None = None) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QAction().icon(), text, self)
        action.setObjectName(object_name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action("findFamilyAction", self.tr("&Find a family"), QKeySequence.StandardKey.Find,
                                        self.focus_search, "search")
        self.new_family_action = self._action("newFamilyAction", self.tr("&New family"), QKeySequence.StandardKey.New,
                                              self.new_family, "family-new")
        self.home_action = self._action("homeAction", self.tr("&Home"), "Ctrl+H", self.show_home)
        self.refresh_action = self._action("refreshAction", self.tr("&Refresh"), "F5",  # Ctrl+R reprints a ticket
                                           self.refresh, "refresh")
        self.logout_action = self._action("logoutAction", self.tr("Sign &out"), "Ctrl+Shift+L",
                                          self.logout_requested.emit, "logout")
        self.quit_action = self._action("quitAction", self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.cash_desk_action = self._action("cashDeskAction", self.tr("&Cash desk…"), "Ctrl+K", self.show_cash_desk,
                                             "receipt")
        self.regie_books_action = self._action("regieBooksAction", self.tr("Régie &books…"), "Ctrl+Shift+V",
                                               self.show_regie_books)
        self.verify_journal_action = self._action("verifyJournalAction", self.tr("&Verify the payment journal"),
                                                  "Ctrl+Shift+J", self.verify_journal)
        self.review_action = self._action("reviewOnlineAction", self.tr("&Online payments to check…"), "Ctrl+Shift+O",
                                          self.show_review)
        self.audit_action = self._action("auditAction", self.tr("Audit &trail…"), "Ctrl+Shift+A", self.show_audit)
        self.agents_action = self._action("agentsAction", self.tr("&Agents…"), "Ctrl+Shift+G", self.show_agents)
        self.settings_action = self._action("settingsAction", self.tr("&Settings…"), "Ctrl+,", self.show_settings)
        self.catalogue_action = self._action("catalogueAction", self.tr("Activity &catalogue…"), "Ctrl+Shift+C",
                                             self.show_catalogue)
        cashier = self.context.actor is not None and self.context.actor.is_cashier
        admin = self.context.actor is not None and self.context.actor.role is Role.ADMIN
        for action in (self.cash_desk_action, self.verify_journal_action, self.review_action, self.audit_action):
            action.setVisible(cashier)  # the services refuse them to agents anyway
        self.regie_books_action.setVisible(cashier)
        self.regie_books_action.setEnabled(cashier)  # its key does nothing for an agent
        self.agents_action.setVisible(admin)
        self.catalogue_action.setVisible(admin)
        self.settings_action.setVisible(admin)
        self.about_action = QAction(self.tr("&About desk"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self._show_about)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.find_action, self.new_family_action, self.home_action, self.refresh_action])
        file_menu.addSeparator()
        file_menu.addActions([self.logout_action, self.quit_action])
        cash_menu = self.menuBar().addMenu(self.tr("&Cash desk"))
        cash_menu.addActions([self.cash_desk_action, self.regie_books_action, self.verify_journal_action,
                              self.review_action, self.audit_action, self.agents_action, self.catalogue_action,
                              self.settings_action])
        cash_menu.menuAction().setVisible(cashier)
        self.shortcuts_action = self._action("shortcutsAction", self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.menuBar().addMenu(self.tr("&Help")).addActions([self.shortcuts_action, self.about_action])
        toolbar = QToolBar(self.tr("Counter"), self)
        toolbar.setObjectName("counterToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addActions([self.find_action, self.new_family_action, self.refresh_action, self.cash_desk_action])
        toolbar.addSeparator()
        toolbar.addAction(self.logout_action)
        self.addToolBar(toolbar)

    # -- navigation ----------------------------------------------------------

    def focus_search(self) -> None:
        self._show_search_pane(True)
        self.search.focus_search()

    def _show_search_pane(self, shown: bool) -> None:
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([SEARCH_WIDTH, total - SEARCH_WIDTH] if shown else [0, total])

    def _fit_for_tab(self, _index: int) -> None:
        """The planning needs the whole width: the search pane folds away (Ctrl+F brings it back)."""
        self._show_search_pane(self.family.tabs.currentWidget() is not self.family.planning)

    def may_leave_family(self) -> bool:
        """Leaving a family whose basket is not empty asks first: its places stay held until they expire."""
        pending = self.family.pending_changes() if self.centre.currentWidget() is self.family else 0
        if not pending:
            return True
        name = self.family.file.name if self.family.file else ""
        question = self.tr(
            "The basket of %1 still holds %n change(s) not paid. They keep their places until their hold expires, "
            "then are cancelled. Leave this family anyway?", "", pending).replace("%1", name)
        return self.context.dialogs.confirm(self, self.tr("Changes not paid"), question)

    def show_family(self, family_id: int) -> None:
        current = self.family.file.id if self.family.file is not None else None
        if current != family_id and not self.may_leave_family():
            return
        self.family.open_family(family_id)  # read off the GUI thread: _family_opened follows

    def _family_opened(self, family_id: int) -> None:
        self.centre.setCurrentWidget(self.family)
        self.family_shown.emit(family_id)

    def _family_open_failed(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.context.dialogs.error(self, self.tr("Family file"), error.message, error.hint)

    def new_family(self) -> None:
        if not self.may_leave_family():
            return
        self.family.new_family()
        self.centre.setCurrentWidget(self.family)
        self.family.focus_first_field()

    def show_home(self) -> None:
        if not self.may_leave_family():
            return
        self.centre.setCurrentWidget(self.home)
        self.refresh()

    def _family_saved(self, family_id: int) -> None:
        self.statusBar().showMessage(self.tr("Family file saved."), 4000)
        self.family_shown.emit(family_id)

    def show_cash_desk(self) -> None:
        self.cash_desk_dialog = CashDeskDialog(self.context, self.database_runner, self)
        self.cash_desk_dialog.cash_desk_changed.connect(self.refresh)
        present(self.cash_desk_dialog)

    def show_regie_books(self) -> None:
        """Cheques to remit, card and online takings, versements, the month's takings (régisseur)."""
        self.regie_dialog = RegieDialog(self.context, self.database_runner, self)
        present(self.regie_dialog)

    def show_audit(self) -> None:
        self.audit_dialog = AuditDialog(self.context, self.runner, self)
        present(self.audit_dialog)

    def show_settings(self) -> None:
        self.settings_dialog = SettingsDialog(self.context, self.runner, self)
        present(self.settings_dialog)

    def show_catalogue(self) -> None:
        self.catalogue_dialog = CatalogueDialog(self.context, self.database_runner, self)
        self.catalogue_dialog.finished.connect(lambda _result: self._family_may_have_changed())  # capacities, prices
        present(self.catalogue_dialog)

    def show_agents(self) -> None:
        self.agents_dialog = AgentsDialog(self.context, self.runner, self)
        present(self.agents_dialog)

    def verify_journal(self) -> None:
        self.verify_dialog = VerifyJournalDialog(self.context, self.runner, self)
        present(self.verify_dialog)

    def show_review(self) -> None:
        self.review_dialog = ReviewDialog(self.context, self.database_runner, self)
        self.review_dialog.count_changed.connect(self._show_review_count)
        present(self.review_dialog)

    def reconcile_online(self) -> None:
        """One pass over the open online payments, on the runner; a pass still running is not doubled."""
        if self._reconciling or self.context.actor is None:
            return
        self._reconciling = True
        self.runner.run(self.context.services.regie.reconcile_online, self._online_payments_reconciled,
                        self._online_reconciliation_failed)

    def _online_payments_reconciled(self, outcome: tuple[ReconciliationReport, int | None]) -> None:
        self._reconciling = False
        report, waiting = outcome
        if waiting is not None:
            self._show_review_count(waiting)
            self.review_status_label.setToolTip(report.summary())
        if any(outcome is not OnlineOutcome.PENDING for outcome in report.outcomes):
            self._family_may_have_changed()  # paid, expired or kept as credit: not echoed to this desk's planning
        if report.failures:
            self.statusBar().showMessage(self.tr("PayFiP gave no usable answer for some online payments: the desk "
                                                 "will ask again."), 15000)
        self.online_payments_reconciled.emit(report)

    def _online_reconciliation_failed(self, error: Exception) -> None:
        self._reconciling = False  # the server is away (the status bar says so) or busy: the next pass asks again
        self.online_payments_reconciled.emit(error)

    def _show_review_count(self, count: int) -> None:
        """The régisseur sees at a glance that flagged online payments wait, and opens them from the status bar."""
        text = self.tr("%n online payment(s) to check", "", count)
        self.review_status_label.setText(f'<a href="review" style="color: {ALERT_INK};">{text}</a>')
        self.review_status_label.setVisible(count > 0 and self.review_action.isVisible())
        self.review_action.setText(self.tr("&Online payments to check (%1)…").replace("%1", str(count)) if count
                                   else self.tr("&Online payments to check…"))

    def sweep_expired_holds(self) -> None:
        home = self.context.services.home
        self.runner.run(lambda: home.expire_holds().bookings_expired, self._holds_swept,
                        lambda _error: None)  # the next sweep tries again

    def _holds_swept(self, expired: int) -> None:
        """This desk's own commits are not echoed back to its planning (PostgreSQL): it says what changed."""
        if expired:
            self._family_may_have_changed()

    def _family_may_have_changed(self) -> None:
        if self.family.file is not None:
            self.family.planning.reload()
            self.family.refresh_header()

    # -- figures -------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the home figures, the cash-desk state and the family file shown."""
        self._refresh_overview()
        if self.centre.currentWidget() is self.family and self.family.file is not None:
            self.family.open_family(self.family.file.id)

    def _refresh_overview(self) -> None:
        """The home figures and the cash-desk state, read off the GUI thread."""
        self.runner.run(self.context.services.home.overview, self._show_overview, self._show_error)

    def _show_overview(self, overview: Overview) -> None:
        self.home.show_overview(overview)
        if overview.cash_desk_opened_at is None:
            self.cash_desk_status_label.setText(self.tr("Cash desk closed"))
        else:
            opened = overview.cash_desk_opened_at.astimezone(PARIS)
            self.cash_desk_status_label.setText(self.tr("Cash desk open since %1").replace("%1", f"{opened:%d/%m %H:%M}"))
        self.overview_loaded.emit(overview)

    def _show_error(self, error: Exception) -> None:
        details = str(error) if isinstance(error, DeskError) else self.tr("Check the database connection, then refresh (F5).")
        self.context.dialogs.error(self, self.tr("Database"), self.tr("The figures could not be read from the database."), details)

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = ShortcutsDialog(self)
        present(self.shortcuts_dialog)

    def _show_about(self) -> None:
        self.context.dialogs.information(
            self,
            self.tr("About desk"),
            self.tr("desk {version} — front desk of the guichet unique.\n{database}").format(
                version=__version__, database=self.context.database.describe()
            ),
        )

    # -- window state --------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.context.settings.main_window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_family():
            event.ignore()
            return
        self.context.settings.main_window_geometry = self.saveGeometry()
        # Background reads report to this window: let them finish before it goes.
        self.data_changes.stop()
        self.runner.shut_down()
        self.database_runner.shut_down()
        self.search.shutdown()
        super().closeEvent(event)
