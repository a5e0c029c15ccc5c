"""The planning symbol of each child: a shape and a colour, told apart by shape alone.

1st child blue star, 2nd red square, 3rd green triangle (the portal's), then
further distinct shape and colour pairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap


@dataclass(frozen=True)
class Symbol:
    shape: str
    colour: str
    name: str  # French, for tooltips and the legend


SYMBOLS = (
    Symbol("star", "#1f5fbf", "étoile bleue"),
    Symbol("square", "#c62828", "carré rouge"),
    Symbol("triangle", "#2e7d32", "triangle vert"),
    Symbol("circle", "#6a1b9a", "rond violet"),
    Symbol("diamond", "#ef6c00", "losange orange"),
    Symbol("hexagon", "#00838f", "hexagone turquoise"),
    Symbol("cross", "#4e342e", "croix marron"),
    Symbol("down_triangle", "#ad1457", "triangle inversé rose"),
)


def symbol_for(index: int) -> Symbol:
    return SYMBOLS[index % len(SYMBOLS)]


def _polygon(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.closeSubpath()
    return path


def _regular(count: int, radius: float, inner: float | None = None, start: float = -90) -> list[tuple[float, float]]:
    points = []
    steps = count * (2 if inner else 1)
    for step in range(steps):
        r = inner if inner and step % 2 else radius
        angle = math.radians(start + step * 360 / steps)
        points.append((r * math.cos(angle), r * math.sin(angle)))
    return points


@lru_cache(maxsize=256)
def symbol_path(shape: str, size: float) -> QPainterPath:
    """The outline of ``shape`` centred on (0, 0), fitting a ``size`` square."""
    r = size / 2
    if shape == "star":
        return _polygon(_regular(5, r, inner=r * 0.45))
    if shape == "square":
        path = QPainterPath()
        path.addRect(QRectF(-r * 0.8, -r * 0.8, r * 1.6, r * 1.6))
        return path
    if shape == "triangle":
        return _polygon([(0, -r), (r * 0.95, r * 0.75), (-r * 0.95, r * 0.75)])
    if shape == "down_triangle":
        return _polygon([(0, r), (r * 0.95, -r * 0.75), (-r * 0.95, -r * 0.75)])
    if shape == "circle":
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), r * 0.85, r * 0.85)
        return path
    if shape == "diamond":
        return _polygon([(0, -r), (r * 0.8, 0), (0, r), (-r * 0.8, 0)])
    if shape == "hexagon":
        return _polygon(_regular(6, r * 0.9, start=0))
    w = r * 0.32  # cross
    return _polygon([(-w, -r), (w, -r), (w, -w), (r, -w), (r, w), (w, w), (w, r), (-w, r), (-w, w), (-r, w), (-r, -w), (-w, -w)])


def paint_symbol(painter: QPainter, centre: QPointF, size: float, index: int, *, faded: bool = False) -> None:
    symbol = symbol_for(index)
    colour = QColor(symbol.colour)
    if faded:
        colour.setAlpha(110)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(centre)
    painter.setPen(colour.darker(130))
    painter.setBrush(colour)
    painter.drawPath(symbol_path(symbol.shape, size))
    painter.restore()


def symbol_icon(index: int, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_symbol(painter, QPointF(size / 2, size / 2), size - 2, index)
    painter.end()
    return QIcon(pixmap)
