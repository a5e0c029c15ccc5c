"""What the dialogs that wait for the database say while they wait, and when it fails."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from desk.errors import DeskError

_log = logging.getLogger(__name__)


def loading_text() -> str:
    return QCoreApplication.translate("Waiting", "Loading…")


def failure_text(error: Exception) -> str:
    """The French reason a read or a write did not go through, for a status line of the dialog."""
    if isinstance(error, DeskError):
        return f"{error.message} {error.hint}".strip()
    _log.error("database work failed", exc_info=error)
    return QCoreApplication.translate(
        "Waiting", "The database did not answer as expected: nothing was changed. Try again, then warn the "
                   "administrator.")
