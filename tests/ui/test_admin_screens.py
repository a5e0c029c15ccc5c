"""First start, agents' accounts and the audit trail, at the desk."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTableView

from desk.app import DeskApplication, configure, start
from desk.clock import PARIS, FrozenClock
from desk.db.enums import Role
from desk.services.auth import log_in
from desk.ui.dialogs import RecordingDialogService
from desk.ui.main_window import MainWindow
from tests.ui.test_app import shot


def wait_for(qtbot, dialog) -> None:
    """Until the dialog has its answers: its reads and writes run off the GUI thread."""
    qtbot.waitUntil(lambda: not dialog.runner.waiting, timeout=5000)


def test_first_start_then_login_then_agents(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    configure(qapp)
    started = start(["--database-url", f"sqlite:///{tmp_path / 'town.sqlite3'}"], RecordingDialogService(),
                    clock=FrozenClock(datetime(2026, 11, 26, 10, tzinfo=PARIS)))
    assert isinstance(started, DeskApplication)
    setup = started.setup
    assert setup.objectName() == "setupDialog"
    values = {"setupTownEdit": "Albertville", "setupRegieNameEdit": "Régie Loisirs", "setupAddressEdit": "Mairie",
              "setupPayfipEdit": "12", "setupLoginEdit": "maire", "setupDisplayNameEdit": "Admin Mairie",
              "setupPasswordEdit": "s3cret!"}
    for name, value in values.items():
        setup.findChild(QLineEdit, name).setText(value)
    setup.create()
    wait_for(qtbot, setup)  # written off the GUI thread
    assert "6 chiffres" in setup.findChild(QLabel, "setupErrorLabel").text()
    setup.findChild(QLineEdit, "setupPayfipEdit").setText("012345")
    shot(setup, "20-first-start")
    setup.create()
    qtbot.waitUntil(lambda: started.login is not None and started.login.isVisible(), timeout=3000)
    context = started.context
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "maire", "s3cret!")).actor())
    assert context.actor.role is Role.ADMIN
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.agents_action.isVisible() and window.audit_action.isVisible()
    window.show_agents()
    agents = window.agents_dialog
    wait_for(qtbot, agents)
    agents.findChild(QLineEdit, "newAgentLoginEdit").setText("camille")
    agents.findChild(QLineEdit, "newAgentNameEdit").setText("Camille Martin")
    agents.findChild(QLineEdit, "agentPasswordEdit").setText("abc")
    agents.findChild(QPushButton, "createAgentButton").click()
    wait_for(qtbot, agents)
    assert "au moins 5" in agents.findChild(QLabel, "agentsErrorLabel").text()
    agents.findChild(QLineEdit, "agentPasswordEdit").setText("camille1")
    agents.findChild(QPushButton, "createAgentButton").click()
    assert not agents.findChild(QPushButton, "createAgentButton").isEnabled()  # one press, one account
    wait_for(qtbot, agents)
    view = agents.findChild(QTableView, "agentsView")
    assert [view.model().index(r, 0).data() for r in range(view.model().rowCount())] == ["maire", "camille"]
    shot(agents, "21-agents")
    window.show_audit()
    audit = window.audit_dialog
    wait_for(qtbot, audit)
    rows = audit.findChild(QTableView, "auditView").model()
    assert any(rows.index(r, 2).data() == "create_agent" for r in range(rows.rowCount()))
    audit.findChild(QComboBox, "auditOutcomeCombo").setCurrentIndex(1)  # refused only
    wait_for(qtbot, audit)
    assert all(rows.index(r, 3).data() == "refusé" for r in range(rows.rowCount()))
    shot(audit, "22-audit")
    QApplication.processEvents()
    context.database.dispose()


def test_the_catalogue_screen_changes_a_price_and_closes_an_empty_day(qtbot, window):

    from PySide6.QtWidgets import QListWidget, QTableWidget

    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "admin", "admin")).actor())
    window.show_catalogue()
    dialog = window.catalogue_dialog
    assert dialog.objectName() == "catalogueDialog"
    assert dialog.findChild(QLabel, "catalogueMessageLabel").text() == "Chargement…"  # opened at once
    wait_for(qtbot, dialog)
    prices = dialog.findChild(QTableWidget, "pricesTable")
    assert prices.item(2, 3).text() == "10,00\u00a0€"  # journée, top bracket
    prices.item(2, 3).setText("11,50")
    wait_for(qtbot, dialog)
    assert dialog.findChild(QTableWidget, "pricesTable").item(2, 3).text() == "11,50\u00a0€"
    days = dialog.findChild(QListWidget, "openDaysList")
    before = days.count()
    full = next(r for r in range(days.count()) if not days.item(r).text().endswith(" 0 prises"))
    days.setCurrentRow(full)
    dialog.findChild(QPushButton, "closeDayButton").click()
    wait_for(qtbot, dialog)
    assert "réservée(s)" in dialog.findChild(QLabel, "catalogueMessageLabel").text()  # families keep their place
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCheckBox, QDateEdit

    dialog.findChild(QDateEdit, "openFromEdit").setDate(QDate(2026, 12, 1))
    dialog.findChild(QDateEdit, "openUntilEdit").setDate(QDate(2026, 12, 15))
    next(c for c in dialog.findChildren(QCheckBox) if c.text() == "Sa").setChecked(True)
    dialog.findChild(QPushButton, "openDaysButton").click()
    wait_for(qtbot, dialog)
    assert days.count() == before + 2  # Saturdays 5 and 12 December
    saturday = next(r for r in range(days.count()) if days.item(r).text().startswith("Sa 05/12/2026"))
    days.setCurrentRow(saturday)
    dialog.findChild(QPushButton, "closeDayButton").click()
    wait_for(qtbot, dialog)
    assert days.count() == before + 1
    assert "Jour fermé" in dialog.findChild(QLabel, "catalogueMessageLabel").text()
    shot(dialog, "23-catalogue")



def test_the_settings_screen_keeps_desk_settings_and_the_regie(qtbot, window):
    from PySide6.QtWidgets import QComboBox, QSpinBox

    from desk.gateway.payfip import PayfipEndpoint
    from desk.services.setup import regie_identity

    context = window.testing[0]
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "admin", "admin")).actor())
    window.show_settings()
    dialog = window.settings_dialog
    wait_for(qtbot, dialog)  # the régie is read off the GUI thread
    dialog.findChild(QLineEdit, "settingsDatabaseEdit").setText("mysql://x/y")
    dialog.save()
    assert "pas pris en charge" in dialog.findChild(QLabel, "settingsErrorLabel").text()
    dialog.findChild(QLineEdit, "settingsDatabaseEdit").setText("postgresql://desk@serveur-mairie/desk")
    dialog.findChild(QSpinBox, "settingsHoldSpin").setValue(20)
    dialog.findChild(QLineEdit, "settingsCashCeilingEdit").setText("250")
    dialog.findChild(QLineEdit, "settingsRegiePayfipEdit").setText("654321")
    dialog.findChild(QLineEdit, "settingsPayfipUrlEdit").setText("ftp://payfip")
    dialog.save()
    assert "adresse du service PayFiP invalide" in dialog.findChild(QLabel, "settingsErrorLabel").text()
    dialog.findChild(QLineEdit, "settingsPayfipUrlEdit").setText("https://www.payfip.gouv.fr")
    saisie = dialog.findChild(QComboBox, "settingsPayfipSaisieCombo")
    saisie.setCurrentIndex(saisie.findData("W"))
    shot(dialog, "24-settings")
    dialog.save()
    wait_for(qtbot, dialog)
    assert (context.settings.payfip_endpoint.url, context.settings.payfip_endpoint.saisie) == (
        "https://www.payfip.gouv.fr", "W")
    context.settings.payfip_endpoint = PayfipEndpoint()
    assert context.settings.database_url == "postgresql://desk@serveur-mairie/desk"
    assert (context.settings.hold_minutes, context.settings.cash_ceiling_cents) == (20, 25_000)
    assert context.settings.hold_minutes == 20
    assert context.services.work.read(regie_identity).payfip_client_number == "654321"
    context.settings.database_url = None  # the other tests keep the defaults
    context.settings.hold_minutes = 15
    context.settings.cash_ceiling_cents = 30_000
