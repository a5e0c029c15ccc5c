"""Starting the application: demo database, main window, and refusals explained."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from importlib.resources import files

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QLabel, QTableWidget

from desk.app import start
from desk.ui.dialogs import RecordingDialogService
from desk.ui.i18n import install_translators


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    return tmp_path / "data"


def test_demo_starts_on_its_own_database_with_its_families(qtbot, french, data_dir):
    dialogs = RecordingDialogService()
    started = start(["--demo"], dialogs)
    assert not isinstance(started, int), dialogs.shown
    window = started.window
    qtbot.addWidget(window)
    # The window loads its figures in the background as soon as it is built.
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args[0].families == 300
    assert (data_dir / "demo.sqlite3").exists()
    assert not (data_dir / "desk.sqlite3").exists()  # the town's own file never sees demo data
    assert window.objectName() == "mainWindow"
    assert window.windowTitle() == "desk — Guichet unique"
    status = window.findChild(QLabel, "databaseStatusLabel").text()
    assert status.startswith("SQLite : ") and status.endswith("demo.sqlite3")
    assert window.findChild(QLabel, "familiesFigureValue").text() == "300"
    activities = window.findChild(QTableWidget, "activitiesTable")
    names = {activities.item(row, 0).text() for row in range(activities.rowCount())}
    assert "Pommiers mercredis 2026-2027" in names or any(name.startswith("Pommiers mercredis") for name in names)
    assert activities.horizontalHeaderItem(0).text() == "Activité"
    assert dialogs.shown == []
    started.database.dispose()


def test_a_bad_database_is_explained_in_a_dialog(qtbot, french, data_dir, capsys):
    dialogs = RecordingDialogService()
    assert start(["--database-url", "mysql://root@localhost/desk"], dialogs) == 2
    kind, title, message = dialogs.shown[0]
    assert kind == "error" and title == "desk ne peut pas démarrer"
    assert "pas pris en charge" in message
    assert "pas pris en charge" in capsys.readouterr().err


def test_every_interface_string_has_a_french_translation(qapp):
    catalogue = files("desk.resources").joinpath("translations/desk_fr.ts").read_text(encoding="utf-8")
    root = ElementTree.fromstring(catalogue)
    translator = QTranslator()
    with __import__("importlib.resources").resources.as_file(
        files("desk.resources").joinpath("translations/desk_fr.qm")
    ) as path:
        assert translator.load(str(path))
    messages = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, message.findtext("source")
            assert translation.text, message.findtext("source")
            assert translator.translate(name, message.findtext("source")) == translation.text
            messages += 1
    assert messages > 10
