"""Every prompt and message box goes through a DialogService, which tests replace."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService(Protocol):
    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None: ...

    def information(self, parent: QWidget | None, title: str, message: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool: ...

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None: ...

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool: ...


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

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return name or None

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class RecordingDialogService:
    """For tests: records what would have been shown, answers confirmations as told."""

    def __init__(self, confirm_answer: bool = True, save_to: Path | None = None, print_to: Path | None = None) -> None:
        self.confirm_answer = confirm_answer
        self.save_to = save_to
        self.print_to = print_to
        self.shown: list[tuple[str, str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        self.shown.append(("error", title, f"{message}\n{details}".strip()))

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("information", title, message))

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        self.shown.append(("confirm", title, question))
        return self.confirm_answer

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        self.shown.append(("save", title, suggested))
        return str(self.save_to) if self.save_to else None

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Prints to a PDF file (``print_to``), as a printer dialog answered OK would."""
        self.shown.append(("print", "", printer.printerName()))
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True
