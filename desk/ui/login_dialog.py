"""The login dialog: login, password, Enter logs in; one message for any mistake."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.services.auth import LoginResult, log_in
from desk.ui.context import DeskContext
from desk.ui.resources import icon


class LoginDialog(QDialog):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result_of_login: LoginResult | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("desk — Sign in"))
        self.setWindowIcon(icon("desk"))
        self.setMinimumWidth(380)
        heading = QLabel(self.tr("Front desk"), self)
        heading.setProperty("role", "heading")
        described = context.database.describe()
        where = QLabel(QFontMetrics(self.font()).elidedText(described, Qt.TextElideMode.ElideMiddle, 360), self)
        where.setToolTip(described)
        where.setProperty("role", "subtle")
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("loginUserEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginErrorLabel")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Login"), self.user_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("loginButton")
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.user_edit.setText(context.settings.last_login)
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def try_login(self) -> None:
        login, password = self.user_edit.text(), self.password_edit.text()
        if not login.strip() or not password:
            self._refuse(self.tr("Enter your login and your password."))
            return
        result = self.context.write(lambda session: log_in(session, self.context.clock, login, password))
        if not result.ok:
            self._refuse(result.message)
            return
        self.result_of_login = result
        self.context.actor = result.actor()
        self.context.settings.last_login = login.strip().lower()
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()
