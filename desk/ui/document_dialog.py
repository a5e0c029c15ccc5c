"""A PDF document on screen, with *Imprimer* and *Enregistrer en PDF*: tickets, journals, recaps."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.ui.context import DeskContext
from desk.ui.pdf_view import PdfPreview, print_pdf

_log = logging.getLogger(__name__)
# Wide enough for the page shown at 96 dpi, scroll bar included: a ticket, or an A4 page.
TICKET_SIZE = (560, 700)
A4_SIZE = (860, 700)


class DocumentDialog(QDialog):
    """Shows ``pdf()``; subclasses may build the PDF from a choice (format) and re-render."""

    def __init__(self, context: DeskContext, title: str, file_name: str, parent: QWidget | None = None,
                 pdf: bytes | None = None, *, a4: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.file_name = file_name
        self._pdf = pdf
        self.setWindowTitle(title)
        self.resize(*(A4_SIZE if a4 else TICKET_SIZE))
        self.heading = QLabel(title, self)
        self.heading.setProperty("role", "heading")
        self.top = QHBoxLayout()
        self.top.addWidget(self.heading, 1)
        self.preview = PdfPreview(self)
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"), self)
        self.print_button.setObjectName("printDocumentButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF (Ctrl+S)"), self)
        self.save_button.setObjectName("saveDocumentButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_document)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeDocumentButton")
        close.clicked.connect(self.accept)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("documentStatusLabel")
        self.status_label.setProperty("role", "subtle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

    def pdf(self) -> bytes:
        assert self._pdf is not None
        return self._pdf

    def render(self) -> None:
        """Show the document; if it cannot be made, say so here (what it records is already recorded)."""
        try:
            self.preview.show_pdf(self.pdf())
        except Exception as error:  # a font, a renderer: the agent must know, and nothing is lost
            _log.exception("document %s not rendered", self.file_name)
            self.status_label.setText(self.tr("The document could not be shown (%1); it is recorded all the same: "
                                              "print it again later.").replace("%1", str(error)[:120]))
            self.status_label.setProperty("role", "fieldError")

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.context.settings.printer_name:
            printer.setPrinterName(self.context.settings.printer_name)
        if not self.context.dialogs.choose_printer(self, printer):
            return
        try:
            print_pdf(self.pdf(), printer)
        except OSError:
            self.context.dialogs.error(self, self.tr("Printing"), self.tr("The printer could not be reached."),
                                       self.tr("Check that it is switched on, or save the document as PDF."))
            return
        self.status_label.setText(self.tr("Sent to the printer."))

    def save_document(self) -> None:
        suggested = str(Path.home() / self.file_name)
        name = self.context.dialogs.save_file_name(self, self.tr("Save as PDF"), suggested, self.tr("PDF (*.pdf)"))
        if not name:
            return
        try:
            Path(name).write_bytes(self.pdf())
        except OSError as error:
            self.context.dialogs.error(self, self.tr("Save as PDF"), self.tr("The file could not be written."),
                                       error.strerror or "")
            return
        self.status_label.setText(self.tr("Saved: %1").replace("%1", name))
