"""The payment ticket after payment (and for any reprint): preview, print, save as PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desk.services.documents import receipt_document
from desk.ui.context import DeskContext
from desk.ui.document_dialog import DocumentDialog


class ReceiptDialog(DocumentDialog):
    def __init__(self, context: DeskContext, payment_id: int, parent: QWidget | None = None) -> None:
        self.receipt = context.read(lambda s: receipt_document(s, payment_id))
        super().__init__(context, "", f"ticket-{self.receipt.code}.pdf", parent)
        self.payment_id = payment_id
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Payment ticket %1").replace("%1", self.receipt.code))
        self.heading.setText(self.tr("Payment recorded: ticket %1").replace("%1", self.receipt.code))
        self.heading.setObjectName("receiptHeadingLabel")
        self.preview.setObjectName("receiptPreview")
        self.print_button.setObjectName("printReceiptButton")
        self.save_button.setObjectName("saveReceiptButton")
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("receiptFormatCombo")
        self.format_combo.addItem(self.tr("80 mm ticket"), "ticket")
        self.format_combo.addItem(self.tr("A4 page"), "a4")
        self.format_combo.setCurrentIndex(self.format_combo.findData(context.settings.receipt_format))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.top.addWidget(self.format_combo)
        self.render()

    def pdf(self) -> bytes:
        from reports.ticket import ticket_80mm, ticket_a4  # see reports.load_renderers

        render = ticket_80mm if self.format_combo.currentData() == "ticket" else ticket_a4
        return render(self.receipt)

    def _format_changed(self) -> None:
        self.context.settings.receipt_format = self.format_combo.currentData()
        self.render()
