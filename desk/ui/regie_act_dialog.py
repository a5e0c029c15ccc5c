"""The régie's acte constitutif, kept by the administrator: reference and date, the modes it authorises, the
most cash the régie may hold, the float, the régisseur titulaire and the mandataires."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.db.enums import PaymentMode, Role
from desk.money import format_cents, parse_euros
from desk.services.regie_books import RegieAct, RegieActDraft
from desk.services.tenders import MODE_LABELS, MODE_ORDER
from desk.ui.context import DeskContext
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text


class RegieActDialog(QDialog):
    """Read and written off the GUI thread; only an administrator may change it (others read it)."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.books = context.services.books
        self.runner = runner
        self.editable = context.actor is not None and context.actor.role is Role.ADMIN
        self.setObjectName("regieActDialog")
        self.setWindowTitle(self.tr("Acte constitutif of the régie"))
        self.setMinimumWidth(560)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("regieActReferenceEdit")
        self.reference_edit.setPlaceholderText(self.tr("Arrêté n° 2024-118"))
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("regieActDateEdit")
        self.date_edit.setPlaceholderText("03/06/2024")
        self.mode_checks = {mode: QCheckBox(MODE_LABELS[mode], self) for mode in MODE_ORDER}
        modes = QGridLayout()
        for index, (mode, check) in enumerate(self.mode_checks.items()):
            check.setObjectName(f"regieActMode_{mode.value}")
            modes.addWidget(check, index // 3, index % 3)
        self.max_cash_edit = QLineEdit(self)
        self.max_cash_edit.setObjectName("regieActMaxCashEdit")
        self.float_edit = QLineEdit(self)
        self.float_edit.setObjectName("regieActFloatEdit")
        self.titulaire_combo = QComboBox(self)
        self.titulaire_combo.setObjectName("regieActTitulaireCombo")
        self.mandataires_list = QListWidget(self)
        self.mandataires_list.setObjectName("regieActMandatairesList")
        self.mandataires_list.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("&Reference of the arrêté"), self.reference_edit)
        form.addRow(self.tr("&Date of the arrêté (dd/mm/yyyy)"), self.date_edit)
        form.addRow(self.tr("Authorised payment modes"), modes)
        form.addRow(self.tr("&Maximum cash held"), self.max_cash_edit)
        form.addRow(self.tr("&Float"), self.float_edit)
        form.addRow(self.tr("Régisseur &titulaire"), self.titulaire_combo)
        form.addRow(self.tr("Mandataires"), self.mandataires_list)
        self.status_label = QLabel(loading_text(), self)
        self.status_label.setObjectName("regieActStatusLabel")
        self.status_label.setProperty("role", "fieldError")
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("regieActSaveButton")
        self.save_button.setDefault(True)  # Enter (and Ctrl+S, the Save button's key) saves
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("As the arrêté constitutif of the régie sets it: printed on its documents; the payment "
                              "window offers only the modes it authorises."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self._set_editable(False)
        self.runner.run(self.books.act_and_candidates, self._read, self._not_read)

    def _set_editable(self, on: bool) -> None:
        for widget in (self.reference_edit, self.date_edit, *self.mode_checks.values(), self.max_cash_edit,
                       self.float_edit, self.titulaire_combo, self.mandataires_list, self.save_button):
            widget.setEnabled(on and self.editable)

    def _read(self, found: tuple[RegieAct, list[tuple[int, str]]]) -> None:
        act, candidates = found
        self.show_act(act, candidates)
        self.status_label.setText("" if self.editable else self.tr("Only an administrator changes the act."))
        self._set_editable(True)
        self.reference_edit.setFocus()

    def _not_read(self, error: Exception) -> None:
        self.status_label.setText(failure_text(error))

    def show_act(self, act: RegieAct, candidates: list[tuple[int, str]]) -> None:
        self.reference_edit.setText(act.act_reference)
        self.date_edit.setText(f"{act.act_date:%d/%m/%Y}" if act.act_date else "")
        for mode, check in self.mode_checks.items():
            check.setChecked(mode in act.authorised_modes)
        self.max_cash_edit.setText(format_cents(act.max_cash_cents))
        self.float_edit.setText(format_cents(act.float_cents))
        self.titulaire_combo.clear()
        self.titulaire_combo.addItem(self.tr("(not named)"), None)
        for agent_id, name in candidates:
            self.titulaire_combo.addItem(name, agent_id)
        titulaire = act.titulaire[0] if act.titulaire else None
        self.titulaire_combo.setCurrentIndex(max(self.titulaire_combo.findData(titulaire), 0))
        named = {agent_id for agent_id, _name in act.mandataires}
        self.mandataires_list.clear()
        for agent_id, name in candidates:
            item = QListWidgetItem(name, self.mandataires_list)
            item.setData(Qt.ItemDataRole.UserRole, agent_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if agent_id in named else Qt.CheckState.Unchecked)

    def draft(self) -> RegieActDraft | str:
        """The act as typed, or what is wrong with it, in French."""
        day: date | None = None
        if self.date_edit.text().strip():
            try:
                day = datetime.strptime(self.date_edit.text().strip(), "%d/%m/%Y").date()
            except ValueError:
                return self.tr("Type the date of the arrêté as dd/mm/yyyy, for example 03/06/2024.")
        max_cash, float_cents = parse_euros(self.max_cash_edit.text()), parse_euros(self.float_edit.text())
        if max_cash is None or float_cents is None:
            return self.tr("Type the maximum cash held and the float in euros, for example 3 000,00.")
        mandataires = tuple(self.mandataires_list.item(row).data(Qt.ItemDataRole.UserRole)
                            for row in range(self.mandataires_list.count())
                            if self.mandataires_list.item(row).checkState() is Qt.CheckState.Checked)
        modes = tuple(PaymentMode(mode) for mode, check in self.mode_checks.items() if check.isChecked())
        return RegieActDraft(self.reference_edit.text(), day, modes, max_cash, float_cents,
                             self.titulaire_combo.currentData(), mandataires)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # being saved, or not read yet
        draft = self.draft()
        if isinstance(draft, str):
            self.status_label.setText(draft)
            return
        books = self.books
        self._set_editable(False)
        self.status_label.setText(self.tr("Saving…"))
        self.runner.run(lambda: books.update_act(draft), self._saved, self._not_saved)

    def _saved(self, _act: RegieAct) -> None:
        self.status_label.clear()
        self.accept()

    def _not_saved(self, error: Exception) -> None:
        self._set_editable(True)
        self.status_label.setText(failure_text(error))
