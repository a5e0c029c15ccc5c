"""How a planning cell looks: closed days greyed, places left in a corner, one symbol per
child booked there, an orange band while unpaid, a tick once paid, a stroke over a
symbol whose cancellation is pending, and a check box in edit mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionButton, QStyleOptionViewItem

from desk.services.planning import CellState
from desk.ui.planning_model import CellLook, CellRole
from desk.ui.symbols import paint_symbol

ModelIndex = QModelIndex | QPersistentModelIndex

CLOSED = QColor("#e4e7ec")
CLOSED_HATCH = QColor("#d2d7de")
TITLE = QColor("#e8eef7")
OPEN = QColor("#ffffff")
TODAY = QColor("#fff8dc")
UNPAID_BAND = QColor("#f28c28")
PAID_TICK = QColor("#1b7f3a")
FEW_PLACES = QColor("#c62828")
PLACES = QColor("#6b7785")
FEW_PLACES_THRESHOLD = 3
TITLE_TEXT = QColor("#1d3557")
BUSY = QColor(43, 108, 176, 46)
BUSY_EDGE = QColor("#2b6cb0")
_fonts: dict[tuple[str, bool, bool], QFont] = {}


def _small(base: QFont, *, bold: bool = False) -> QFont:
    """Fonts are made once, not for every cell of every paint."""
    key = (base.key(), True, bold)
    if key not in _fonts:
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() * 0.7))
        font.setBold(bold)
        _fonts[key] = font
    return _fonts[key]


def _bold(base: QFont) -> QFont:
    key = (base.key(), False, True)
    if key not in _fonts:
        font = QFont(base)
        font.setBold(True)
        _fonts[key] = font
    return _fonts[key]


class PlanningDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(34, 40)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        look: CellLook | None = index.data(CellRole.LOOK)
        if look is None:
            return
        painter.save()
        rect = option.rect
        if look.is_title:
            painter.fillRect(rect, TITLE)
            if look.title:
                painter.setFont(_bold(option.font))
                painter.setPen(TITLE_TEXT)
                painter.drawText(rect.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, look.title)
        elif not look.is_open:
            paint_closed(painter, rect)
        elif look.closed_to_agent:  # gone by, or not to be changed now: closed to the agent, what is booked stays
            paint_closed(painter, rect)
            paint_slots(painter, rect, look.slots)
            if look.busy:
                paint_busy(painter, rect)
        else:
            painter.fillRect(rect, TODAY if look.is_today else OPEN)
            paint_places(painter, rect, look.places_left, option.font)
            paint_slots(painter, rect, look.slots)
            if look.checkable:
                self._paint_check(painter, option, look.checked)
            if look.busy:
                paint_busy(painter, rect)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#2b6cb0"), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    @staticmethod
    def _paint_check(painter: QPainter, option: QStyleOptionViewItem, checked: bool) -> None:
        box = QStyleOptionButton()
        box.rect = QRect(option.rect.left() + 2, option.rect.top() + 2, 13, 13)
        box.state = QStyle.StateFlag.State_Enabled | (QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, box, painter, option.widget)

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        """A click anywhere in a checkable cell, or Space, toggles it (not only on the small box)."""
        if not (index.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        clicked = event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton
        pressed = event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if not (clicked or pressed):
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        target = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, target, Qt.ItemDataRole.CheckStateRole)


def paint_closed(painter: QPainter, rect: QRect) -> None:
    """A flat grey, with one light diagonal: closed at a glance, quiet over a whole month."""
    painter.fillRect(rect, CLOSED)
    painter.setPen(QPen(CLOSED_HATCH, 1))
    painter.drawLine(rect.bottomLeft(), rect.topRight())

def paint_busy(painter: QPainter, rect: QRect) -> None:
    """A change on its way: a light veil and a dashed edge, until the database answers."""
    painter.fillRect(rect, BUSY)
    painter.setPen(QPen(BUSY_EDGE, 1, Qt.PenStyle.DashLine))
    painter.drawRect(rect.adjusted(2, 2, -3, -3))


def paint_places(painter: QPainter, rect: QRect, places_left: int, base: QFont) -> None:
    font = _small(base, bold=places_left <= 0)
    painter.setFont(font)
    if places_left <= 0:
        painter.setPen(FEW_PLACES)
        text = "complet"
    else:
        painter.setPen(FEW_PLACES if places_left <= FEW_PLACES_THRESHOLD else PLACES)
        text = str(places_left)
    painter.drawText(rect.adjusted(2, 1, -2, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, text)

def paint_slots(painter: QPainter, rect: QRect, slots, *, always: bool = False) -> None:
    """The symbols of the children booked there (``always``: of every slot given, for the legend).

    Under each symbol: an orange band while unpaid, a green tick once paid; a
    red stroke crosses a symbol whose cancellation is pending.
    """
    booked = [slot for slot in slots if always or slot.state is not CellState.NONE]
    if not booked:
        return
    size = max(7.0, min(12.0, (rect.width() - 4) / max(1, len(booked)) - 2))
    centre_y = rect.top() + rect.height() * 0.5
    for position, slot in enumerate(booked):
        centre = QPointF(rect.left() + 3 + size / 2 + position * (size + 2), centre_y)
        cancelling = slot.state is CellState.PENDING_CANCELLATION
        paint_symbol(painter, centre, size, slot.symbol_index, faded=cancelling)
        under = QRectF(centre.x() - size / 2, rect.bottom() - 6, size, 5)
        if cancelling:
            painter.setPen(QPen(QColor("#b71c1c"), 2))
            painter.drawLine(QPointF(centre.x() - size / 2, centre.y() + size / 2),
                             QPointF(centre.x() + size / 2, centre.y() - size / 2))
        elif slot.state is CellState.CONFIRMED:
            painter.setPen(QPen(PAID_TICK, 1.8))
            painter.drawLine(QPointF(under.left() + 1, under.top() + 2), QPointF(under.center().x() - 1, under.bottom()))
            painter.drawLine(QPointF(under.center().x() - 1, under.bottom()), QPointF(under.right(), under.top() - 1))
        elif slot.state is CellState.PENDING:
            painter.fillRect(under.adjusted(-1, 1, 1, 0), UNPAID_BAND)
