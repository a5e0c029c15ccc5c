"""The counter journey through the windows: sign in, search, open, edit, enrol."""

from __future__ import annotations

import gc
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from desk.app import DeskApplication, configure, settle_heap, start
from desk.clock import PARIS, FrozenClock
from desk.ui.dialogs import RecordingDialogService
from tests.db.test_database_failures import on_every_connection
from tests.db.test_engine import foreign_sqlite_file

SHOTS = Path("/tmp/desk-shots")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    return tmp_path / "data"


@pytest.fixture
def desk(qapp, qtbot, data_dir):
    configure(qapp)
    dialogs = RecordingDialogService()
    started = start(["--demo"], dialogs, clock=FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)))
    assert isinstance(started, DeskApplication), dialogs.shown
    started.dialogs = dialogs
    yield started
    if started.window is not None:
        started.window.close()
    started.context.database.dispose()


def shot(widget, name: str) -> None:
    """Save what the agent sees, once pending layout requests have been processed."""
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def sign_in(qtbot, desk: DeskApplication, login: str, password: str) -> None:
    dialog = desk.login
    dialog.findChild(QLineEdit, "loginUserEdit").setText(login)
    password_edit = dialog.findChild(QLineEdit, "loginPasswordEdit")
    password_edit.setText(password)
    qtbot.keyClick(password_edit, Qt.Key.Key_Return)


def test_signing_in_reads_a_family_file_once_before_the_agents_first_family(qtbot, desk):
    warmed: list[bool] = []
    desk.main_window_shown.connect(lambda window: window.warmed_up.connect(lambda: warmed.append(True)))
    with qtbot.waitSignal(desk.main_window_shown, timeout=5000):
        sign_in(qtbot, desk, "agent", "agent")
    qtbot.addWidget(desk.window)
    qtbot.waitUntil(lambda: bool(warmed), timeout=5000)
    assert desk.window.family.file is None  # read and forgotten: nothing of it shows


def test_the_counter_journey(qtbot, desk, data_dir):
    dialog = desk.login
    assert dialog.objectName() == "loginDialog" and dialog.isVisible()
    shot(dialog, "01-login")
    sign_in(qtbot, desk, "agent", "wrong")
    assert not dialog.findChild(QLineEdit, "loginPasswordEdit").isEnabled()  # checked off the GUI thread
    error = dialog.findChild(QLabel, "loginErrorLabel")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert error.text() == "Identifiant ou mot de passe incorrect."
    assert dialog.findChild(QLineEdit, "loginPasswordEdit").isEnabled()
    with qtbot.waitSignal(desk.main_window_shown, timeout=5000):
        sign_in(qtbot, desk, "agent", "agent")
    window = desk.window
    qtbot.addWidget(window)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "familiesFigureValue").text() == "300", timeout=5000)
    assert window.findChild(QLabel, "agentStatusLabel").text() == "Camille Martin (agent)"
    assert window.findChild(QLabel, "cashDeskStatusLabel").text() == "Caisse ouverte depuis le 26/11 10:00"
    assert window.findChild(QLabel, "databaseStatusLabel").toolTip().endswith("demo.sqlite3")
    shot(window, "02-home")

    search = window.findChild(QLineEdit, "familySearchEdit")
    assert search.hasFocus() or QApplication.focusWidget() is search
    with qtbot.waitSignal(window.search.search_finished, timeout=5000):
        qtbot.keyClicks(search, "dur no")
    results = window.findChild(QListView, "familyResultsView")
    assert results.model().rowCount() >= 1
    assert results.model().index(0, 0).data() == "DURAND"
    shot(window, "03-search")
    with qtbot.waitSignal(window.family_shown, timeout=5000):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    tabs = window.findChild(QTabWidget, "familyTabs")
    assert tabs.currentWidget().objectName() == "planningTab"  # the counter's work; a stray key renames nothing
    assert QApplication.focusWidget().objectName() == "planningView"
    qtbot.keyClicks(QApplication.focusWidget(), "x")
    assert window.findChild(QLineEdit, "familyNameEdit").text() == "DURAND"
    assert window.findChild(QLabel, "familyTitleLabel").text() == "DURAND — F-00001"
    tabs.setCurrentWidget(window.findChild(QWidget, "dossierTab"))
    shot(window, "04-family")

    birth = window.findChild(QLineEdit, "child0BirthDateEdit")
    birth.setText("31/02/2018")
    window.findChild(QPushButton, "familySaveButton").click()
    child_error = window.findChild(QLabel, "child0ErrorLabel")
    assert child_error.isVisible() and "31/02/2018" in child_error.text()
    assert birth.property("invalid") is True
    shot(window, "05-validation")
    birth.setText("14/03/2018")
    with qtbot.waitSignal(window.family_shown, timeout=5000):
        window.findChild(QPushButton, "familySaveButton").click()
    assert not window.findChild(QLabel, "child0ErrorLabel").isVisible()

    tabs.setCurrentWidget(window.findChild(object, "enrolmentsTab"))
    window.findChild(QPushButton, "newEnrolmentButton").click()
    qtbot.waitUntil(lambda: getattr(window.family.enrolments, "dialog", None) is not None, timeout=5000)
    enrolment = window.family.enrolments.dialog
    assert enrolment.objectName() == "enrolmentDialog"
    assert enrolment.findChild(QComboBox, "enrolmentChildCombo").currentText().startswith("Noah")
    assert enrolment.findChild(QComboBox, "enrolmentCategoryCombo").currentText() == "Centre de loisirs"
    assert enrolment.findChild(QComboBox, "enrolmentTypeCombo").currentText() == "AL Pommiers (paiement à la réservation)"
    assert enrolment.findChild(QComboBox, "enrolmentActivityCombo").currentText() == "Pommiers mercredis 2026-2027"
    shot(enrolment, "06-enrolment")
    with qtbot.waitSignal(enrolment.accepted, timeout=5000):
        enrolment.ok_button.click()
    lines = window.findChild(QTableView, "enrolmentsView").model()
    qtbot.waitUntil(lambda: lines.rowCount() == 1, timeout=5000)  # read again off the GUI thread
    assert lines.index(0, 3).data() == "Pommiers mercredis 2026-2027"
    shot(window, "07-enrolments")

    window.findChild(QPushButton, "newEnrolmentButton").click()
    qtbot.waitUntil(lambda: window.family.enrolments.dialog is not enrolment, timeout=5000)
    again = window.family.enrolments.dialog
    assert again.findChild(QComboBox, "enrolmentActivityCombo").count() == 0  # Noah is enrolled already
    assert again.findChild(QLabel, "enrolmentErrorLabel").isVisible()
    again.reject()


def test_ctrl_n_opens_an_empty_file_and_warns_of_a_possible_duplicate(qtbot, desk):
    with qtbot.waitSignal(desk.main_window_shown, timeout=5000):
        sign_in(qtbot, desk, "agent", "agent")
    window = desk.window
    qtbot.addWidget(window)
    window.new_family_action.trigger()
    assert window.findChild(QLabel, "familyTitleLabel").text() == "Nouvelle famille"
    window.findChild(QLineEdit, "familyNameEdit").setText("Durand")
    window.findChild(QLineEdit, "guardian0FirstNameEdit").setText("Julie")
    window.findChild(QLineEdit, "guardian0LastNameEdit").setText("Durand")
    window.findChild(QPushButton, "addChildButton").click()
    window.findChild(QLineEdit, "child0FirstNameEdit").setText("Noah")
    noah_birth = desk.context.services.work.read(lambda s: __import__("desk.services.families", fromlist=["load_family"])
                                   .load_family(s, 1, desk.context.today()).children[0].birth_date)
    window.findChild(QLineEdit, "child0BirthDateEdit").setText(f"{noah_birth:%d/%m/%Y}")
    desk.dialogs.confirm_answer = False
    window.findChild(QPushButton, "familySaveButton").click()
    qtbot.waitUntil(lambda: bool(desk.dialogs.shown), timeout=5000)  # written off the GUI thread, then asked
    kind, title, question = desk.dialogs.shown[-1]
    assert kind == "confirm" and "existe peut-être déjà" in question
    assert window.family.file is None  # nothing was created
    desk.dialogs.confirm_answer = True
    with qtbot.waitSignal(window.family_shown, timeout=5000):
        window.findChild(QPushButton, "familySaveButton").click()
    assert window.family.file.dossier_number == "F-00301"


def test_a_bad_database_is_explained_in_a_dialog(qapp, data_dir, capsys):
    configure(qapp)
    dialogs = RecordingDialogService()
    assert start(["--database-url", "mysql://root@localhost/desk"], dialogs) == 2
    kind, title, message = dialogs.shown[0]
    assert kind == "error" and title == "desk ne peut pas démarrer"
    assert "pas pris en charge" in message
    assert "pas pris en charge" in capsys.readouterr().err


def started_on(qapp, argv: list[str], dialogs: RecordingDialogService) -> DeskApplication | int:
    """``start`` as the desk runs it; a desk that started is closed again (its first-start dialog, its database)."""
    configure(qapp)
    started = start(argv, dialogs)
    if isinstance(started, DeskApplication):
        (started.login or started.setup).close()
        started.context.database.dispose()
    return started


def test_desk_creates_its_own_files_without_asking(qapp, data_dir):
    for argv, name in (([], "desk.sqlite3"), (["--demo"], "demo.sqlite3")):
        dialogs = RecordingDialogService(confirm_answer=False)
        assert isinstance(started_on(qapp, argv, dialogs), DeskApplication), dialogs.shown
        assert dialogs.shown == [] and (data_dir / name).stat().st_size > 0


@pytest.mark.parametrize("where", ["command line", "environment"])
@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_a_missing_database_is_created_only_if_the_agent_says_so(qapp, tmp_path, data_dir, monkeypatch, where, empty):
    path = tmp_path / "mairie" / "desk.sqlite3"  # perhaps a typing mistake: ask
    if empty:
        path.parent.mkdir()
        path.touch()
    argv = ["--database-url", f"sqlite:///{path}"] if where == "command line" else []
    if where == "environment":
        monkeypatch.setenv("DESK_DATABASE_URL", f"sqlite:///{path}")
    refused = RecordingDialogService(confirm_answer=False)
    assert started_on(qapp, argv, refused) == 2
    (kind, title, question), (error, *_) = refused.shown
    assert kind == "confirm" and title == "Nouvelle base de données" and error == "error"
    assert str(path) in question and ("est vide" if empty else "n'existe pas") in question
    assert question.endswith("Créer à cet emplacement une nouvelle base de données desk, vide ?")
    assert (path.stat().st_size == 0) if empty else not path.parent.exists()
    accepted = RecordingDialogService(confirm_answer=True)
    assert isinstance(started_on(qapp, argv, accepted), DeskApplication), accepted.shown
    assert [kind for kind, *_ in accepted.shown] == ["confirm"] and path.stat().st_size > 0


def test_a_file_of_another_program_is_refused_untouched(qapp, tmp_path, data_dir):
    path = tmp_path / "comptes.sqlite3"
    foreign_sqlite_file(path)
    before = path.read_bytes()
    dialogs = RecordingDialogService()
    assert started_on(qapp, ["--database-url", f"sqlite:///{path}"], dialogs) == 2
    [(kind, title, message)] = dialogs.shown
    assert kind == "error" and "base SQLite d'un autre logiciel" in message and "n'a pas été modifié" in message
    assert path.read_bytes() == before and sorted(tmp_path.iterdir()) == [path]


def test_a_full_disk_at_the_upgrade_is_explained_in_a_dialog(qapp, data_dir):
    with on_every_connection("PRAGMA max_page_count = 8"):  # room for a few pages only: SQLITE_FULL
        dialogs = RecordingDialogService()
        assert started_on(qapp, [], dialogs) == 2
    [(kind, title, message)] = dialogs.shown
    assert title == "desk ne peut pas démarrer" and "est plein. Rien n'a été enregistré." in message


def test_every_interface_string_has_a_french_translation(qapp):
    catalogue = files("desk.resources").joinpath("translations/desk_fr.ts").read_text(encoding="utf-8")
    root = ElementTree.fromstring(catalogue)
    translator = QTranslator()
    with as_file(files("desk.resources").joinpath("translations/desk_fr.qm")) as path:
        assert translator.load(str(path))
    messages = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, source
            if message.get("numerus") == "yes":
                forms = [form.text for form in translation.iter("numerusform")]
                assert all(forms), source
                assert translator.translate(name, source, None, 2) == forms[-1]
            else:
                assert translation.text, source
                assert translator.translate(name, source) == translation.text
            messages += 1
    assert messages > 50


def test_what_start_up_built_is_kept_out_of_the_collectors_sight():
    gc.unfreeze()
    settle_heap()
    try:
        assert gc.get_freeze_count() > 10_000  # modules, classes and widgets of a started desk
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
