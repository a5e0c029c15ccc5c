"""What the agent sees when the database goes away, or when something unexpected happens."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy.exc import OperationalError

from desk.app import configure, install_error_handler
from desk.errors import DatabaseUnavailableError
from desk.ui.dialogs import RecordingDialogService


def test_a_lost_connection_becomes_a_french_message_and_records_nothing(window):
    context = window.testing[0]

    def lost(session):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    with pytest.raises(DatabaseUnavailableError, match="ne répond pas") as caught:
        context.services.work.write(lost)
    assert "votre saisie est conservée" in caught.value.hint
    with pytest.raises(DatabaseUnavailableError):
        context.services.work.read(lost)


def test_uncaught_errors_are_shown_not_dumped(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    configure(qapp)
    dialogs = RecordingDialogService()
    install_error_handler(dialogs)
    try:
        raise DatabaseUnavailableError("La base ne répond pas.", "Réessayez.")
    except DatabaseUnavailableError:
        sys.excepthook(*sys.exc_info())
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert dialogs.shown[0] == ("error", "desk", "La base ne répond pas.\nRéessayez.")
    assert dialogs.shown[1][2].startswith("Erreur inattendue")
    assert "ZeroDivisionError" in (tmp_path / "desk.log").read_text(encoding="utf-8")
