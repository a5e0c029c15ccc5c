"""The legend under the grid: every mark of the planning, drawn exactly as in the cells."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desk.services.planning import CellState, ChildSlot
from desk.ui.planning_delegate import OPEN, paint_closed, paint_places, paint_slots
from desk.ui.symbols import symbol_for

SAMPLE = QRect(0, 0, 26, 30)


def _sample(paint) -> QPixmap:
    pixmap = QPixmap(SAMPLE.size())
    pixmap.fill(OPEN)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(painter)
    painter.end()
    return pixmap


def _slot(state: CellState, symbol_index: int = 0) -> ChildSlot:
    return ChildSlot(0, symbol_index, state, None, 0, True, "")


class PlanningLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningLegend")
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 2, 0, 2)
        self._children: list[QWidget] = []
        self._shown: list[tuple[int, str]] | None = None
        marks = (
            (lambda p: paint_slots(p, SAMPLE, [_slot(CellState.PENDING)]), self.tr("booked, not paid yet")),
            (lambda p: paint_slots(p, SAMPLE, [_slot(CellState.CONFIRMED)]), self.tr("paid")),
            (lambda p: paint_slots(p, SAMPLE, [_slot(CellState.PENDING_CANCELLATION)]), self.tr("cancellation pending")),
            (lambda p: paint_closed(p, SAMPLE), self.tr("closed")),
            (lambda p: paint_places(p, SAMPLE, 2, self.font()), self.tr("places left")),
        )
        self._marks = [self._entry(_sample(paint), text) for paint, text in marks]
        self.layout_.addStretch(1)

    def _entry(self, pixmap: QPixmap, text: str) -> list[QWidget]:
        picture = QLabel(self)
        picture.setPixmap(pixmap)
        label = QLabel(text, self)
        label.setProperty("role", "subtle")
        self.layout_.addWidget(picture)
        self.layout_.addWidget(label)
        self.layout_.addSpacing(10)
        return [picture, label]

    def show_children(self, children: list[tuple[int, str]]) -> None:
        """One sample per child, before the marks: the symbol is the child. The same children are kept as
        they are (new widgets would lay the panel out again, and repaint the whole grid, at every click)."""
        if children == self._shown:
            return
        self._shown = list(children)
        for widget in self._children:
            widget.setParent(None)
            widget.deleteLater()
        self._children = []
        for position, (symbol_index, first_name) in enumerate(children):
            picture = QLabel(self)
            picture.setPixmap(_sample(lambda p, i=symbol_index: paint_slots(p, SAMPLE, [_slot(CellState.NONE, i)], always=True)))
            picture.setToolTip(symbol_for(symbol_index).name)
            label = QLabel(first_name, self)
            self.layout_.insertWidget(position * 2, picture)
            self.layout_.insertWidget(position * 2 + 1, label, 0, Qt.AlignmentFlag.AlignVCenter)
            self._children += [picture, label]
