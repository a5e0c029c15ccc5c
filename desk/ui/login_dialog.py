"""The login dialog: login, password, Enter logs in; one message for any mistake."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.errors import DeskError
from desk.services.auth import LoginResult
from desk.ui.context import DeskContext
from desk.ui.resources import icon
from desk.ui.tasks import BackgroundRunner


class LoginDialog(QDialog):
    def __init__(self, context: DeskContext, parent: QWidget | None = None, *, signed_out: bool = False) -> None:
        """``signed_out``: shown after an agent signed out, most often for another agent: nothing of the
        previous login is offered. At start, the last login is typed in and the cursor waits in the password."""
        super().__init__(parent)
        self.context = context
        self.runner = BackgroundRunner(self, threads=1)
        self.checking = False
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
        self.sign_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if not signed_out:
            self.user_edit.setText(context.settings.last_login)
        self.first_field().setFocus()

    def first_field(self) -> QLineEdit:
        return self.password_edit if self.user_edit.text() else self.user_edit

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_field().setFocus()

    def try_login(self) -> None:
        """Check the password off the GUI thread (Argon2 takes its time and 64 MiB, by design)."""
        login, password = self.user_edit.text(), self.password_edit.text()
        if self.checking:
            return
        if not login.strip() or not password:
            self._refuse(self.tr("Enter your login and your password."))
            return
        administration = self.context.services.administration
        self._set_checking(True)
        self.runner.run(lambda: administration.log_in(login, password),
                        lambda result: self._checked(login, result), self._failed)

    def _checked(self, login: str, result: LoginResult) -> None:
        self._set_checking(False)
        if not self.isVisible():
            return  # cancelled while the password was being checked: nobody signs in
        if not result.ok:
            self._refuse(result.message)
            return
        self.result_of_login = result  # the application signs the agent in
        self.context.settings.last_login = login.strip().lower()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_checking(False)
        if not isinstance(error, DeskError):
            raise error
        self._refuse(error.message)

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        for widget in (self.user_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not checking)

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()
