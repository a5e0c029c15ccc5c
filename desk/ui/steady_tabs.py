"""A tab widget that does not paint its whole page again each time a label on it changes its text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget


class SteadyTabWidget(QTabWidget):
    """``QTabWidget`` answers every layout request from inside its pages by laying itself out again and
    repainting all it holds: on the family file, each click that changed the planning's footer (the basket's
    amount, the counts) painted the whole grid again, some 15 ms of the GUI thread. A request is passed on only
    when what the tab widget lays out can have changed: its tab bar's size, or its minimum size, which its
    parents must respect. (A page's preferred size growing, a label's text getting longer, changes neither.)"""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shape: tuple[QSize, QSize] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            shape = (self.tabBar().sizeHint(), self.minimumSizeHint())
            if shape == self._shape:
                return True
            self._shape = shape
        return super().event(event)
