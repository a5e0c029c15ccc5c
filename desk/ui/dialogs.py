"""Every prompt and message box goes through a DialogService, which tests replace."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget


class DialogService(Protocol):
    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None: ...

    def information(self, parent: QWidget | None, title: str, message: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool: ...


class QtDialogService:
    """The real thing: Qt message boxes, French buttons through the Qt translation."""

    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("errorMessageBox")
        if details:
            box.setInformativeText(details)
        box.exec()

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes


class RecordingDialogService:
    """For tests: records what would have been shown, answers confirmations as told."""

    def __init__(self, confirm_answer: bool = True) -> None:
        self.confirm_answer = confirm_answer
        self.shown: list[tuple[str, str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        self.shown.append(("error", title, f"{message}\n{details}".strip()))

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("information", title, message))

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        self.shown.append(("confirm", title, question))
        return self.confirm_answer
