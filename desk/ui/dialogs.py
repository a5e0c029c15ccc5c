"""Every prompt and message box goes through a DialogService, which tests replace."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


class DialogService(Protocol):
    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None: ...

    def information(self, parent: QWidget | None, title: str, message: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, question: str, *, destructive: bool = False) -> bool:
        """Yes or no; ``destructive``: what cannot be undone, so No is the default button."""
        ...

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None: ...

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool: ...

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None: ...


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

    def confirm(self, parent: QWidget | None, title: str, question: str, *, destructive: bool = False) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        default = QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes
        answer = QMessageBox.question(parent, title, question, buttons, default)
        return answer == QMessageBox.StandardButton.Yes

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return name or None

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        text, accepted = QInputDialog.getText(parent, title, label)
        return text if accepted else None


class RecordingDialogService:
    """For tests: records what would have been shown, answers confirmations as told."""

    def __init__(self, confirm_answer: bool = True, save_to: Path | None = None, print_to: Path | None = None,
                 text_answer: str | None = None) -> None:
        self.confirm_answer = confirm_answer
        self.text_answer = text_answer
        self.destructive: list[str] = []  # the titles of the confirmations whose default answer is No
        self.save_to = save_to
        self.print_to = print_to
        self.shown: list[tuple[str, str, str]] = []

    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        self.shown.append(("error", title, f"{message}\n{details}".strip()))

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("information", title, message))

    def confirm(self, parent: QWidget | None, title: str, question: str, *, destructive: bool = False) -> bool:
        self.shown.append(("confirm", title, question))
        if destructive:
            self.destructive.append(title)
        return self.confirm_answer

    def save_file_name(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        self.shown.append(("save", title, suggested))
        return str(self.save_to) if self.save_to else None

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("ask", title, label))
        return self.text_answer

    def choose_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Prints to a PDF file (``print_to``), as a printer dialog answered OK would."""
        self.shown.append(("print", "", printer.printerName()))
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True


def present(dialog: QDialog) -> None:
    """Open ``dialog`` window-modal, in front and active, so the next key goes to it.

    A dialog created but left behind its window takes no key and blocks the
    desk (seen once with Ctrl+I after Ctrl+F): every window of the desk opens
    through here. When it closes, the focus goes back where it was.
    """
    previous = QApplication.focusWidget()
    dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    if previous is not None:
        dialog.finished.connect(lambda _result: _give_back_focus(previous))


def _give_back_focus(widget: QWidget) -> None:
    """When a dialog closes, the key goes back where it was (the grid, the search…), its window active again."""
    try:
        if not widget.isVisible():
            return
    except RuntimeError:  # deleted meanwhile
        return
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.isVisible() and modal.parentWidget() is not None \
            and modal.parentWidget().window() is widget.window():
        return  # another dialog of this window followed: it keeps the keys
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
