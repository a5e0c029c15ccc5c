"""The main window: home figures and status bar (family search and files come next)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import __version__
from desk.clock import Clock, local_today
from desk.db.engine import Database
from desk.errors import DeskError
from desk.services.overview import Overview, load_overview
from desk.ui.dialogs import DialogService
from desk.ui.tasks import BackgroundRunner


class FigureCard(QFrame):
    """A big number with its caption."""

    def __init__(self, object_name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
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


class MainWindow(QMainWindow):
    overview_loaded = Signal(object)

    def __init__(self, database: Database, clock: Clock, dialogs: DialogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.clock = clock
        self.dialogs = dialogs
        self.runner = BackgroundRunner(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("desk — Front desk"))
        self.resize(1100, 700)
        self._build_home()
        self._build_status_bar()
        self._build_actions()
        self.refresh()

    def _build_home(self) -> None:
        home = QWidget(self)
        home.setObjectName("homePage")
        self.title_label = QLabel(self.tr("Front desk"), home)
        self.title_label.setObjectName("homeTitleLabel")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.families_card = FigureCard("familiesFigure", self.tr("families"), home)
        self.children_card = FigureCard("childrenFigure", self.tr("children"), home)
        self.bookings_card = FigureCard("upcomingBookingsFigure", self.tr("bookings to come"), home)
        cards = QGridLayout()
        for column, card in enumerate((self.families_card, self.children_card, self.bookings_card)):
            cards.addWidget(card, 0, column)
        self.activities_table = QTableWidget(0, 4, home)
        self.activities_table.setObjectName("activitiesTable")
        self.activities_table.setHorizontalHeaderLabels(
            [self.tr("Activity"), self.tr("Category"), self.tr("Period"), self.tr("Enrolments")]
        )
        self.activities_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activities_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activities_table.verticalHeader().hide()
        self.activities_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.activities_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        activities_caption = QLabel(self.tr("Current and upcoming activities"), home)
        layout = QVBoxLayout(home)
        layout.addWidget(self.title_label)
        layout.addLayout(cards)
        layout.addWidget(activities_caption)
        layout.addWidget(self.activities_table, 1)
        self.setCentralWidget(home)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.agent_status_label = QLabel(self.tr("No agent signed in"), bar)
        self.agent_status_label.setObjectName("agentStatusLabel")
        self.database_status_label = QLabel(self.database.describe(), bar)
        self.database_status_label.setObjectName("databaseStatusLabel")
        bar.addWidget(self.agent_status_label)
        bar.addPermanentWidget(self.database_status_label)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setObjectName("refreshAction")
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addActions([refresh, quit_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About desk"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Background reads report to this window: let them finish before it goes.
        self.runner.wait_for_done()
        super().closeEvent(event)

    def refresh(self) -> None:
        """Reload the home figures off the GUI thread."""
        today = local_today(self.clock)

        def work() -> Overview:
            with self.database.read_session_factory() as session:
                return load_overview(session, today)

        self.runner.run(work, self._show_overview, self._show_error)

    def _show_overview(self, overview: Overview) -> None:
        if overview.town:
            self.title_label.setText(self.tr("Front desk of {town} — {regie}").format(town=overview.town, regie=overview.regie_name))
        self.families_card.set_value(overview.families)
        self.children_card.set_value(overview.children)
        self.bookings_card.set_value(overview.upcoming_bookings)
        self.activities_table.setRowCount(len(overview.activities))
        for row, activity in enumerate(overview.activities):
            period = self.tr("{start} to {end}").format(
                start=activity.start_date.strftime("%d/%m/%Y"), end=activity.end_date.strftime("%d/%m/%Y")
            )
            values = (activity.name, activity.category, period, str(activity.enrolments))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.activities_table.setItem(row, column, item)
        self.overview_loaded.emit(overview)

    def _show_error(self, error: Exception) -> None:
        details = str(error) if isinstance(error, DeskError) else self.tr("Check the database connection, then refresh (F5).")
        self.dialogs.error(self, self.tr("Database"), self.tr("The figures could not be read from the database."), details)

    def _show_about(self) -> None:
        self.dialogs.information(
            self,
            self.tr("About desk"),
            self.tr("desk {version} — front desk of the guichet unique.\n{database}").format(
                version=__version__, database=self.database.describe()
            ),
        )
