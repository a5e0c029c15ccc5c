"""The one place that reads and writes the desk's QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "GuichetUnique"
APPLICATION = "desk"


class DeskSettings:
    """Typed access to the per-user settings of the desk (window state, preferences)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANISATION, APPLICATION)

    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._settings.value("mainWindow/geometry")
        return value if isinstance(value, QByteArray) else None

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("mainWindow/geometry", value)

    @property
    def last_login(self) -> str:
        return str(self._settings.value("login/last", "") or "")

    @last_login.setter
    def last_login(self, value: str) -> None:
        self._settings.setValue("login/last", value)

    @property
    def receipt_format(self) -> str:
        """``ticket`` (80 mm thermal strip) or ``a4``."""
        value = str(self._settings.value("receipt/format", "ticket") or "ticket")
        return value if value in ("ticket", "a4") else "ticket"

    @receipt_format.setter
    def receipt_format(self, value: str) -> None:
        self._settings.setValue("receipt/format", value)

    def sync(self) -> None:
        self._settings.sync()
