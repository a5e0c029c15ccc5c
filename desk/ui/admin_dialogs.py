"""Administration at the desk: the first start, the agents' accounts, the audit trail."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.db.engine import normalise_url
from desk.db.enums import AuditOutcome, Role
from desk.errors import DeskError
from desk.gateway.payfip import DGFIP_URL, SIMULATOR_URL, PayfipEndpoint
from desk.money import format_cents, parse_euros
from desk.services.access import ROLE_LABELS
from desk.services.agents import AgentInfo
from desk.services.audit import AuditLine
from desk.services.setup import RegieDraft
from desk.ui.context import DeskContext
from desk.ui.dialogs import present
from desk.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table
from desk.ui.regie_act_dialog import RegieActDialog
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text


def _error_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setProperty("role", "fieldError")
    label.setWordWrap(True)
    return label


class SetupDialog(QDialog):
    """The very first start: who the régie is, and the first administrator's account."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None, *,
                 runner: BackgroundRunner | None = None) -> None:
        """``runner``: where the database is written; without it (no main window yet), one of its own."""
        super().__init__(parent)
        self.context = context
        self.runner = runner or BackgroundRunner(self, threads=1)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("desk — First start"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("This database is new. Enter the régie's identity, printed on every ticket, "
                               "and create the first administrator's account."), self)
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, placeholder in (
            ("town", self.tr("Town"), "Albertville"),
            ("regie_name", self.tr("Régie"), "Régie Accueil Loisirs Sport Culture"),
            ("address", self.tr("Address"), "12 cours de l'Hôtel-de-Ville, 73200 Albertville"),
            ("payfip", self.tr("PayFiP client number"), "012345"),
            ("login", self.tr("Administrator's login"), "admin"),
            ("display_name", self.tr("Administrator's name"), ""),
            ("password", self.tr("Password"), ""),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(f"setup{key.title().replace('_', '')}Edit")
            edit.setPlaceholderText(placeholder)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["password"].setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = _error_label(self, "setupErrorLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        self.create_button.setObjectName("setupCreateButton")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def create(self) -> None:
        if not self.create_button.isEnabled():
            return  # being created
        text = {key: edit.text() for key, edit in self.edits.items()}
        regie = RegieDraft(text["town"], text["regie_name"], text["address"], text["payfip"])
        administration = self.context.services.administration
        self.create_button.setEnabled(False)
        self.error_label.setText(self.tr("Creating the database…"))
        self.runner.run(lambda: administration.initialise(regie, login=text["login"], display_name=text["display_name"],
                                                          password=text["password"]),
                        lambda _done: self.accept(), self._not_created)

    def _not_created(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        self.error_label.setText(failure_text(error))


class AgentsDialog(QDialog):
    """The administrator's screen: create, change role, reset password, deactivate (never delete)."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.administration = context.services.administration
        self.runner = runner
        self.setObjectName("agentsDialog")
        self.setWindowTitle(self.tr("Agents"))
        self.resize(720, 480)
        self.model: RecordTableModel[AgentInfo] = RecordTableModel([
            Column(self.tr("Login"), lambda a: a.login),
            Column(self.tr("Name"), lambda a: a.display_name),
            Column(self.tr("Role"), lambda a: ROLE_LABELS[a.role]),
            Column(self.tr("Account"), lambda a: self.tr("active") if a.is_active else self.tr("deactivated")),
        ], self)
        self.view = record_table(self, "agentsView", self.model)
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("newAgentLoginEdit")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newAgentNameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("agentPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("agentRoleCombo")
        for role in Role:
            self.role_combo.addItem(ROLE_LABELS[role], role)
        self.error_label = _error_label(self, "agentsErrorLabel")
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        buttons = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for object_name, text, slot in (
            ("createAgentButton", self.tr("Create the account"), self.create),
            ("changeRoleButton", self.tr("Give the selected agent this role"), self.change_role),
            ("resetPasswordButton", self.tr("Reset the selected agent's password"), self.reset_password),
            ("toggleActiveButton", self.tr("Deactivate / reactivate"), self.toggle_active),
        ):
            button = QPushButton(text, self)
            button.setObjectName(object_name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons.append(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        self.reload()

    def reload(self) -> None:
        """The accounts, read off the GUI thread; the buttons wait meanwhile."""
        self._set_busy(loading_text())
        self.runner.run(self.administration.agents, self._shown, self._failed)

    def _set_busy(self, text: str) -> None:
        for button in self.buttons:
            button.setEnabled(False)
        self.error_label.setText(text)

    def _shown(self, agents: list[AgentInfo], said: str = "") -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.error_label.setText(said)
        self.model.set_records(agents)

    def _failed(self, error: Exception) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.error_label.setText(failure_text(error))

    def _role(self) -> Role:
        return Role(self.role_combo.currentData())  # Qt hands enum values back as plain strings

    def _selected(self) -> AgentInfo | None:
        index = self.view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def _act(self, action: Callable[[], list[AgentInfo]]) -> None:
        """Write ``action`` (it reads the accounts again in the same transaction)."""
        if not self.buttons[0].isEnabled():
            return  # the previous action is being written

        def done(agents: list[AgentInfo]) -> None:
            self.password_edit.clear()
            self._shown(agents)

        self._set_busy(self.tr("Saving…"))
        self.runner.run(action, done, self._failed)

    def create(self) -> None:
        login, name, password, role = (self.login_edit.text(), self.name_edit.text(), self.password_edit.text(),
                                       self._role())
        administration = self.administration
        self._act(lambda: administration.add_agent(login, name, password, role))

    def change_role(self) -> None:
        agent, role = self._selected(), self._role()
        if agent is not None:
            administration = self.administration
            self._act(lambda: administration.change_role(agent.id, role))

    def reset_password(self) -> None:
        agent, password = self._selected(), self.password_edit.text()
        if agent is not None:
            administration = self.administration
            self._act(lambda: administration.reset_password(agent.id, password))

    def toggle_active(self) -> None:
        agent = self._selected()
        if agent is not None:
            administration = self.administration
            self._act(lambda: administration.set_active(agent.id, not agent.is_active))


class AuditDialog(QDialog):
    """Who did what and when, filtered by agent, action or outcome."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self._asked = 0
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(860, 520)
        self.model: RecordTableModel[AuditLine] = RecordTableModel([
            Column(self.tr("When"), lambda line: f"{line.at.astimezone(PARIS):%d/%m/%Y %H:%M:%S}",
                   sort_key=lambda line: line.at),
            Column(self.tr("Agent"), lambda line: line.agent_name),
            Column(self.tr("Action"), lambda line: line.action),
            Column(self.tr("Outcome"), lambda line: self.tr("refused") if line.outcome is AuditOutcome.REFUSED
                   else self.tr("done")),
            Column(self.tr("Detail"), lambda line: line.detail),
        ], self)
        self.view = record_table(self, "auditView", self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("auditFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Agent, action or detail contains…"))
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("auditOutcomeCombo")
        self.outcome_combo.addItem(self.tr("All"), None)
        self.outcome_combo.addItem(self.tr("Refused only"), AuditOutcome.REFUSED)
        self.outcome_combo.addItem(self.tr("Done only"), AuditOutcome.OK)
        self.filter_edit.textChanged.connect(lambda _text: self.reload())
        self.outcome_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("auditStatusLabel")
        self.status_label.setProperty("role", "subtle")
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.outcome_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.reload()

    def reload(self) -> None:
        """The lines the filters keep, read off the GUI thread; typing on goes on meanwhile, the last filter wins."""
        words, chosen = self.filter_edit.text(), self.outcome_combo.currentData()
        outcome = AuditOutcome(chosen) if chosen else None
        administration = self.context.services.administration
        self._asked += 1
        asked = self._asked
        self.status_label.setText(loading_text())
        self.runner.run(lambda: administration.audit_trail(words, outcome),
                        lambda lines: self._shown(asked, lines), lambda error: self._failed(asked, error))

    def _shown(self, asked: int, lines: list[AuditLine]) -> None:
        if asked == self._asked:  # else the agent typed on: the newer filter's answer follows
            self.status_label.clear()
            self.model.set_records(lines)

    def _failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.status_label.setText(failure_text(error))


class SettingsDialog(QDialog):
    """This desk's settings (database, receipts, holds, cash ceiling) and the régie's identity."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self._regie_unknown = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(760)
        settings = context.settings
        self.database_edit = QLineEdit(settings.database_url or "", self)
        self.database_edit.setObjectName("settingsDatabaseEdit")
        self.database_edit.setPlaceholderText("postgresql://desk@serveur-mairie/desk")
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("settingsReceiptFormatCombo")
        self.format_combo.addItem(self.tr("80 mm ticket"), "ticket")
        self.format_combo.addItem(self.tr("A4 page"), "a4")
        self.format_combo.setCurrentIndex(self.format_combo.findData(settings.receipt_format))
        self.printer_edit = QLineEdit(settings.printer_name, self)
        self.printer_edit.setObjectName("settingsPrinterEdit")
        self.hold_spin = QSpinBox(self)
        self.hold_spin.setObjectName("settingsHoldSpin")
        self.hold_spin.setRange(5, 60)
        self.hold_spin.setSuffix(" min")
        self.hold_spin.setValue(settings.hold_minutes)
        self.ceiling_edit = QLineEdit(format_cents(settings.cash_ceiling_cents), self)
        self.ceiling_edit.setObjectName("settingsCashCeilingEdit")
        endpoint = settings.payfip_endpoint
        self.payfip_url_edit = QLineEdit(endpoint.url, self)
        self.payfip_url_edit.setObjectName("settingsPayfipUrlEdit")
        self.payfip_url_edit.setPlaceholderText(DGFIP_URL)
        self.payfip_url_edit.setToolTip(self.tr("The DGFIP's service in production; the PayFiP simulator of this "
                                                "machine for the demo and training. Applies at the next start."))
        self.payfip_saisie_combo = QComboBox(self)
        self.payfip_saisie_combo.setObjectName("settingsPayfipSaisieCombo")
        for code, label in (("T", self.tr("T — test")), ("X", self.tr("X — activation")),
                            ("W", self.tr("W — production"))):
            self.payfip_saisie_combo.addItem(label, code)
        self.payfip_saisie_combo.setCurrentIndex(self.payfip_saisie_combo.findData(endpoint.saisie))
        self.ticket_printer_edit = QLineEdit(settings.ticket_printer, self)
        self.ticket_printer_edit.setObjectName("settingsTicketPrinterEdit")
        self.ticket_printer_edit.setPlaceholderText("tcp://192.168.1.50:9100")
        self.ticket_printer_edit.setToolTip(self.tr("The thermal printer (ESC/POS) with the cash drawer on its port: "
                                                    "tcp://host:9100, usb://04b8:0202, serial:///dev/ttyUSB0, "
                                                    "file:///dev/usb/lp0. Empty: tickets go through the print "
                                                    "dialog as PDF."))
        self.ticket_columns_combo = QComboBox(self)
        self.ticket_columns_combo.setObjectName("settingsTicketColumnsCombo")
        for columns in (48, 42):
            self.ticket_columns_combo.addItem(self.tr("%1 characters").replace("%1", str(columns)), columns)
        self.ticket_columns_combo.setCurrentIndex(self.ticket_columns_combo.findData(settings.ticket_columns))
        self.print_on_payment_check = QCheckBox(self.tr("Print the ticket as soon as the payment is recorded"), self)
        self.print_on_payment_check.setObjectName("settingsPrintOnPaymentCheck")
        self.print_on_payment_check.setChecked(settings.print_ticket_on_payment)
        self.print_on_payment_check.setToolTip(self.tr("On the ticket printer, with the 80 mm format; off, the agent "
                                                       "prints it from the ticket's window (Print)."))
        self.card_terminal_edit = QLineEdit(settings.card_terminal, self)
        self.card_terminal_edit.setObjectName("settingsCardTerminalEdit")
        self.card_terminal_edit.setPlaceholderText("192.168.1.60:8888")
        self.card_terminal_edit.setToolTip(self.tr("The card terminal speaking Caisse-AP IP (host:port, 8888 by "
                                                   "default). Empty: the agent types the authorisation number."))
        self.test_page_button = QPushButton(self.tr("Test page"), self)
        self.test_page_button.setObjectName("settingsTestPageButton")
        self.test_page_button.setAutoDefault(False)
        self.test_page_button.clicked.connect(self.print_test_page)
        self.regie_edits = {key: QLineEdit(self) for key in ("town", "regie_name", "address", "payfip")}
        for key, edit in self.regie_edits.items():
            edit.setObjectName(f"settingsRegie{key.title().replace('_', '')}Edit")
            edit.setEnabled(False)  # until the régie is read
        desk_form = QFormLayout()
        desk_form.addRow(self.tr("Database of this desk (empty: the local file)"), self.database_edit)
        desk_form.addRow(self.tr("Receipt format"), self.format_combo)
        desk_form.addRow(self.tr("Receipt printer"), self.printer_edit)
        desk_form.addRow(self.tr("Hold of a pending booking"), self.hold_spin)
        desk_form.addRow(self.tr("Cash ceiling per payment"), self.ceiling_edit)
        desk_form.addRow(self.tr("PayFiP service (address)"), self.payfip_url_edit)
        desk_form.addRow(self.tr("PayFiP mode (saisie)"), self.payfip_saisie_combo)
        printer_row = QHBoxLayout()
        self.ticket_printer_edit.setMinimumWidth(220)
        printer_row.addWidget(self.ticket_printer_edit, 1)
        printer_row.addWidget(self.ticket_columns_combo)
        printer_row.addWidget(self.test_page_button)
        desk_form.addRow(self.tr("Ticket printer (ESC/POS)"), printer_row)
        desk_form.addRow("", self.print_on_payment_check)
        desk_form.addRow(self.tr("Card terminal (Caisse-AP)"), self.card_terminal_edit)
        regie_form = QFormLayout()
        regie_form.addRow(self.tr("Town"), self.regie_edits["town"])
        regie_form.addRow(self.tr("Régie"), self.regie_edits["regie_name"])
        regie_form.addRow(self.tr("Address"), self.regie_edits["address"])
        regie_form.addRow(self.tr("PayFiP client number"), self.regie_edits["payfip"])
        self.act_button = QPushButton(self.tr("Acte constitutif, régisseurs, authorised modes…"), self)
        self.act_button.setObjectName("settingsRegieActButton")
        self.act_button.setAutoDefault(False)
        self.act_button.clicked.connect(self.show_act)
        regie_form.addRow(self.act_button)
        self.error_label = _error_label(self, "settingsErrorLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settingsSaveButton")
        self.save_button.setEnabled(False)  # until the régie is read: saving would blank it
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This desk"), self))
        layout.addLayout(desk_form)
        layout.addWidget(QLabel(self.tr("The régie (printed on every ticket, sent to PayFiP)"), self))
        layout.addLayout(regie_form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.error_label.setText(loading_text())
        self.runner.run(context.services.administration.regie, self._regie_read, self._regie_not_read)

    @property
    def _admin(self) -> bool:
        return self.context.actor is not None and self.context.actor.role is Role.ADMIN

    def show_act(self) -> None:
        self.act_dialog = RegieActDialog(self.context, self.runner, self)
        present(self.act_dialog)

    def _ticket_printer(self) -> str | None:
        """The printer's address as typed, checked; None (and the reason shown) when it cannot be used."""
        from desk.devices.printer import parse_printer_url

        text = self.ticket_printer_edit.text().strip()
        if not text:
            return ""
        try:
            parse_printer_url(text)
        except ValueError as problem:
            self.error_label.setText(getattr(problem, "message", str(problem)))
            self.ticket_printer_edit.setFocus()
            return None
        return text

    def print_test_page(self) -> None:
        url = self._ticket_printer()
        if not url:
            if url == "":
                self.error_label.setText(self.tr("Type the address of the ticket printer first."))
            return
        self.test_page_button.setEnabled(False)
        self.error_label.setText(self.tr("Printing the test page…"))
        self.context.devices.print_test_page(url, self.ticket_columns_combo.currentData(), self._test_page_printed,
                                             self._test_page_failed)

    def _test_page_printed(self) -> None:
        self.test_page_button.setEnabled(True)
        self.error_label.setText(self.tr("Test page printed: check the accents, the € and the QR code."))

    def _test_page_failed(self, reason: str) -> None:
        self.test_page_button.setEnabled(True)
        self.error_label.setText(reason)

    def _regie_read(self, regie: RegieDraft | None) -> None:
        regie = regie or RegieDraft("", "", "", "")
        for key, value in (("town", regie.town), ("regie_name", regie.regie_name), ("address", regie.address),
                           ("payfip", regie.payfip_client_number)):
            self.regie_edits[key].setText(value)
            self.regie_edits[key].setEnabled(self._admin)
        self.error_label.clear()
        self.save_button.setEnabled(True)

    def _regie_not_read(self, error: Exception) -> None:
        """This desk's settings can still be saved; the régie, unknown, is left as the database has it."""
        self._regie_unknown = True
        self.error_label.setText(failure_text(error))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # being saved, or the régie not read yet
        ceiling = parse_euros(self.ceiling_edit.text())
        if ceiling is None:
            self.error_label.setText(self.tr("Type the cash ceiling, for example 300,00."))
            return
        url = self.database_edit.text().strip() or None
        if url:
            try:
                normalise_url(url)
            except DeskError as problem:
                self.error_label.setText(problem.message)
                return
        try:
            self.payfip = PayfipEndpoint(self.payfip_url_edit.text().strip() or SIMULATOR_URL,
                                         self.payfip_saisie_combo.currentData())
        except ValueError as problem:
            self.error_label.setText(str(problem))
            self.payfip_url_edit.setFocus()
            return
        self.ticket_printer_url = self._ticket_printer()
        if self.ticket_printer_url is None:
            return
        self.card_terminal = self.card_terminal_edit.text().strip()
        if self.card_terminal:
            from desk.devices.caisse_ap import terminal_from_address

            try:
                terminal_from_address(self.card_terminal)
            except DeskError as problem:
                self.error_label.setText(problem.message)
                self.card_terminal_edit.setFocus()
                return
        if self._admin and not self._regie_unknown:
            text = {key: edit.text() for key, edit in self.regie_edits.items()}
            draft = RegieDraft(text["town"], text["regie_name"], text["address"], text["payfip"])
            administration = self.context.services.administration
            self.save_button.setEnabled(False)
            self.error_label.setText(self.tr("Saving…"))
            self.runner.run(lambda: administration.update_regie(draft),
                            lambda _done: self._keep(url, ceiling), self._regie_not_saved)
            return
        self._keep(url, ceiling)

    def _regie_not_saved(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(failure_text(error))

    def _keep(self, url: str | None, ceiling: int) -> None:
        """This desk's settings, once the régie is saved (nothing is kept when it is refused)."""
        settings = self.context.settings
        settings.database_url = url
        settings.receipt_format = self.format_combo.currentData()
        settings.printer_name = self.printer_edit.text().strip()
        settings.hold_minutes = self.hold_spin.value()
        settings.cash_ceiling_cents = ceiling
        settings.payfip_endpoint = self.payfip
        settings.ticket_printer = self.ticket_printer_url or ""
        settings.ticket_columns = self.ticket_columns_combo.currentData()
        settings.print_ticket_on_payment = self.print_on_payment_check.isChecked()
        settings.card_terminal = self.card_terminal
        settings.sync()
        self.accept()
