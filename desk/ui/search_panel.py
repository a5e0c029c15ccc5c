"""The family search pane: one box, results as the agent types, Enter opens the family."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desk.services.search import FamilyHit
from desk.ui.context import DeskContext
from desk.ui.resources import icon
from desk.ui.symbols import paint_symbol
from desk.ui.tasks import BackgroundRunner

SEARCH_DELAY_MS = 150
ModelIndex = QModelIndex | QPersistentModelIndex


class FamilyRole(IntEnum):
    FAMILY_ID = Qt.ItemDataRole.UserRole + 1
    DOSSIER = Qt.ItemDataRole.UserRole + 2
    PHONE = Qt.ItemDataRole.UserRole + 3
    CHILDREN = Qt.ItemDataRole.UserRole + 4  # tuple of ChildBrief
    CHILDREN_TEXT = Qt.ItemDataRole.UserRole + 5


class FamilySearchModel(QAbstractListModel):
    """The hits of the last search; plain data under custom roles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[FamilyHit] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.name} — {hit.dossier_number}\n{hit.children_text()}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.name}, {hit.dossier_number}, {hit.children_text()}"
        return {
            FamilyRole.FAMILY_ID: hit.family_id,
            FamilyRole.DOSSIER: hit.dossier_number,
            FamilyRole.PHONE: hit.phone or "",
            FamilyRole.CHILDREN: hit.children,
            FamilyRole.CHILDREN_TEXT: hit.children_text(),
        }.get(role)

    def set_hits(self, hits: list[FamilyHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()


class FamilyHitDelegate(QStyledItemDelegate):
    """Two lines per family: name, dossier and phone; then each child's symbol, first name and age."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(260, metrics.height() * 2 + self.PADDING * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        painter.save()
        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignLeft, index.data())
        painter.setFont(option.font)
        details = f"{index.data(FamilyRole.DOSSIER)}   {index.data(FamilyRole.PHONE)}"
        painter.setPen(option.palette.placeholderText().color())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignRight, details)
        x = rect.left()
        y = rect.top() + line + self.PADDING
        painter.setPen(option.palette.text().color())
        for child in index.data(FamilyRole.CHILDREN) or ():
            paint_symbol(painter, QPointF(x + line / 2, y + line / 2), line * 0.8, child.symbol_index)
            label = f"{child.first_name} ({child.age} an{'s' if child.age > 1 else ''})"
            painter.drawText(QRect(x + line + 3, y, rect.right() - x, line), Qt.AlignmentFlag.AlignLeft, label)
            x += line + 3 + metrics.horizontalAdvance(label) + 14
        painter.restore()


class _ResultsView(QListView):
    """Enter opens the current family."""

    activated_by_keyboard = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_keyboard.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _SearchEdit(QLineEdit):
    """Down arrow and Enter move into the results, so the keyboard never leaves the pane."""

    move_to_results = Signal(bool)  # True: open the first result at once

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_to_results.emit(False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_to_results.emit(True)
            return
        super().keyPressEvent(event)


class FamilySearchPanel(QWidget):
    family_opened = Signal(int)
    search_finished = Signal(str, int)  # the query, the number of results

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self)
        self._latest = 0
        self._pending_open = False
        self.setObjectName("familySearchPanel")
        self.search_edit = _SearchEdit(self)
        self.search_edit.setObjectName("familySearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Name, first name, dossier, phone or e-mail"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.model = FamilySearchModel(self)
        self.results_view = _ResultsView(self)
        self.results_view.setObjectName("familyResultsView")
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(FamilyHitDelegate(self.results_view))
        self.results_view.setUniformItemSizes(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("familySearchStatusLabel")
        self.status_label.setProperty("role", "subtle")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(self.timer.start)
        self.search_edit.move_to_results.connect(self._enter_results)
        self.results_view.activated_by_keyboard.connect(self._open_index)
        self.results_view.doubleClicked.connect(self._open_index)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Find a family"), self)
        caption.setBuddy(self.search_edit)
        layout.addWidget(caption)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results_view, 1)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def search_now(self) -> None:
        """Search off the GUI thread; only the answer to the latest query is shown."""
        self.timer.stop()
        query = self.search_edit.text()
        self._latest += 1
        ticket = self._latest
        families = self.context.services.families
        self.runner.run(lambda: families.search(query), lambda hits: self._show(ticket, query, hits), self._failed)

    def _show(self, ticket: int, query: str, hits: list[FamilyHit]) -> None:
        if ticket != self._latest:
            return  # an older answer overtaken by a newer query
        self.model.set_hits(hits)
        if hits:
            self.results_view.setCurrentIndex(self.model.index(0))
        if not query.strip():
            self.status_label.setText("")
        elif hits:
            self.status_label.setText(self.tr("%n family(ies)", "", len(hits)))
        else:
            self.status_label.setText(self.tr("No family matches."))
        self.search_finished.emit(query, len(hits))
        if self._pending_open:
            self._pending_open = False
            if hits:
                self._open_index(self.model.index(0))

    def _failed(self, error: Exception) -> None:
        self.status_label.setText(self.tr("The search failed: check the database connection."))

    def _enter_results(self, open_first: bool) -> None:
        if self.timer.isActive() or self._search_running():
            self._pending_open = open_first
            self.search_now()
            return
        if self.model.rowCount() == 0:
            return
        if open_first:
            self._open_index(self.results_view.currentIndex() if self.results_view.currentIndex().isValid()
                             else self.model.index(0))
        else:
            self.results_view.setFocus()
            if not self.results_view.currentIndex().isValid():
                self.results_view.setCurrentIndex(self.model.index(0))

    def _search_running(self) -> bool:
        return self.runner.pool.activeThreadCount() > 0

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.family_opened.emit(index.data(FamilyRole.FAMILY_ID))

    def shutdown(self) -> None:
        self.runner.wait_for_done()
