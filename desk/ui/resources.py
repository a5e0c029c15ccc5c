"""Icons and the style sheet, read from the installed ``desk.resources`` package."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon, QPixmap


@cache
def style_sheet() -> str:
    return files("desk.resources").joinpath("style/desk.qss").read_text(encoding="utf-8")


def icon(name: str) -> QIcon:
    """``icon("search")`` → resources/icons/search.svg."""
    data = files("desk.resources").joinpath(f"icons/{name}.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)
