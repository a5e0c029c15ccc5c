"""The payment ticket after payment (and for any reprint): preview, print, save as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.services.documents import receipt_document
from desk.ui.context import DeskContext
from desk.ui.pdf_view import PdfPreview, print_pdf
from reports.ticket import ticket_80mm, ticket_a4

FORMATS = {"ticket": ticket_80mm, "a4": ticket_a4}


class ReceiptDialog(QDialog):
    def __init__(self, context: DeskContext, payment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.payment_id = payment_id
        self.setObjectName("receiptDialog")
        self.receipt = context.read(lambda s: receipt_document(s, payment_id))
        self.setWindowTitle(self.tr("Payment ticket %1").replace("%1", self.receipt.code))
        self.resize(520, 680)
        heading = QLabel(self.tr("Payment recorded: ticket %1").replace("%1", self.receipt.code), self)
        heading.setObjectName("receiptHeadingLabel")
        heading.setProperty("role", "heading")
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("receiptFormatCombo")
        self.format_combo.addItem(self.tr("80 mm ticket"), "ticket")
        self.format_combo.addItem(self.tr("A4 page"), "a4")
        self.format_combo.setCurrentIndex(self.format_combo.findData(context.settings.receipt_format))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("receiptPreview")
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"), self)
        self.print_button.setObjectName("printReceiptButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button = QPushButton(self.tr("&Save as PDF (Ctrl+S)"), self)
        self.save_button.setObjectName("saveReceiptButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_receipt)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeReceiptButton")
        close.clicked.connect(self.accept)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("receiptStatusLabel")
        self.status_label.setProperty("role", "subtle")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.format_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self._render()

    def pdf(self) -> bytes:
        return FORMATS[self.format_combo.currentData()](self.receipt)

    def _render(self) -> None:
        self.preview.show_pdf(self.pdf())

    def _format_changed(self) -> None:
        self.context.settings.receipt_format = self.format_combo.currentData()
        self._render()

    def print_receipt(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.context.dialogs.choose_printer(self, printer):
            return
        try:
            print_pdf(self.pdf(), printer)
        except OSError:
            self.context.dialogs.error(self, self.tr("Printing"), self.tr("The printer could not be reached."),
                                       self.tr("Check that it is switched on, or save the ticket as PDF."))
            return
        self.status_label.setText(self.tr("Ticket sent to the printer."))

    def save_receipt(self) -> None:
        suggested = str(Path.home() / f"ticket-{self.receipt.code}.pdf")
        name = self.context.dialogs.save_file_name(self, self.tr("Save the ticket"), suggested, self.tr("PDF (*.pdf)"))
        if not name:
            return
        try:
            Path(name).write_bytes(self.pdf())
        except OSError as error:
            self.context.dialogs.error(self, self.tr("Save the ticket"), self.tr("The file could not be written."),
                                       error.strerror or "")
            return
        self.status_label.setText(self.tr("Saved: %1").replace("%1", name))
