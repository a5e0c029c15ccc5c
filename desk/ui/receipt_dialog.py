"""The payment ticket after payment, and any reprint (a recorded *DUPLICATA*): preview, print, save as PDF."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from desk.errors import DeskError
from desk.services.ids import PaymentId
from desk.ui.context import DeskContext
from desk.ui.dialogs import present
from desk.ui.document_dialog import DocumentDialog
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text, loading_text
from reports import data


class ReceiptDialog(DocumentDialog):
    """The ticket of ``payment_id``: the original right after payment, or the ``duplicate`` a reprint recorded."""

    def __init__(self, context: DeskContext, payment_id: int, parent: QWidget | None = None, *,
                 duplicate: data.Receipt | None = None, receipt: data.Receipt | None = None,
                 rendered: bytes | None = None, runner: BackgroundRunner | None = None,
                 just_paid: bool = False) -> None:
        """``receipt``: the original, when the caller read it already (with the payment); ``rendered``: its PDF
        in this desk's receipt format, when the caller made it off the GUI thread.

        Without ``receipt`` nor ``duplicate``, the dialog shows at once, *Chargement…*, and reads the ticket
        through ``runner`` (the caller's; one of its own without it), never on the GUI thread.

        ``just_paid``: the payment was just recorded; the ticket prints on the thermal printer once shown, if this
        desk prints at payment (``print_ticket_on_payment``)."""
        self.receipt: data.Receipt | None = duplicate or receipt
        self._rendered = {context.settings.receipt_format: rendered} if rendered else {}
        self._duplicate = duplicate
        self._print_once_shown = just_paid
        super().__init__(context, "", "ticket.pdf", parent)
        self.payment_id = payment_id
        self.setObjectName("receiptDialog")
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
        if self.receipt is not None:
            self._show_receipt(self.receipt)
            return
        self.runner = runner or BackgroundRunner(self, threads=1)
        self.setWindowTitle(self.tr("Payment ticket"))
        self.heading.setText(loading_text())
        for widget in (self.print_button, self.save_button, self.format_combo):
            widget.setEnabled(False)
        receipt_format, payments = context.settings.receipt_format, context.services.payments

        def read() -> tuple[data.Receipt, bytes | None]:
            found = payments.receipt(PaymentId(payment_id))
            try:
                return found, self.render_ticket(found, receipt_format)
            except Exception:  # a font, a renderer: ``render`` tries again on screen and says why
                return found, None

        def arrived(done: tuple[data.Receipt, bytes | None]) -> None:
            found, pdf = done
            if pdf is not None:
                self._rendered.setdefault(receipt_format, pdf)
            for widget in (self.print_button, self.save_button, self.format_combo):
                widget.setEnabled(True)
            self._show_receipt(found)

        def failed(error: Exception) -> None:
            self.heading.setText(self.tr("The ticket could not be read."))
            self.status_label.setText(failure_text(error))
            self.status_label.setProperty("role", "fieldError")

        self.runner.run(read, arrived, failed)

    def _show_receipt(self, receipt: data.Receipt) -> None:
        self.receipt = receipt
        duplicate = self._duplicate
        suffix = f"-duplicata-{duplicate.copy_number}" if duplicate else ""
        self.file_name = f"ticket-{receipt.code}{suffix}.pdf"
        if duplicate is None:
            self.setWindowTitle(self.tr("Payment ticket %1").replace("%1", receipt.code))
            self.heading.setText(self.tr("Payment recorded: ticket %1").replace("%1", receipt.code))
        else:
            copy = str(duplicate.copy_number)
            self.setWindowTitle(self.tr("Duplicate %1 of ticket %2").replace("%1", copy).replace("%2", receipt.code))
            self.heading.setText(self.tr("Ticket %1 reprinted: DUPLICATE no. %2")
                                 .replace("%1", receipt.code).replace("%2", copy))
        self.render()
        if self._print_once_shown:
            self._print_once_shown = False
            self._print_at_payment()

    def _print_at_payment(self) -> None:
        """The ticket of a payment just recorded, on this desk's thermal printer when it prints at payment: no
        key for the agent; a printer that does not answer is said as when Print is pressed."""
        settings = self.context.settings
        if settings.print_ticket_on_payment and self.context.devices.has_ticket_printer \
                and self.format_combo.currentData() == "ticket":
            self.print_document()

    def print_document(self) -> None:
        """On this desk's thermal printer when it has one and the 80 mm ticket is chosen; else the PDF path."""
        devices = self.context.devices
        if not devices.has_ticket_printer or self.format_combo.currentData() != "ticket" or self.receipt is None:
            super().print_document()
            return
        self.print_button.setEnabled(False)
        self.status_label.setText(self.tr("Printing the ticket…"))
        devices.print_ticket(self.receipt, self._printed, self._not_printed)

    def _printed(self) -> None:
        self.print_button.setEnabled(True)
        self.status_label.setText(self.tr("Ticket printed."))

    def _not_printed(self, reason: str) -> None:
        self.print_button.setEnabled(True)
        self.status_label.setText("")
        self.context.dialogs.error(self, self.tr("Printing"), reason,
                                   self.tr("The payment is recorded: print the ticket again once the printer is on, "
                                           "or save it as PDF."))

    @staticmethod
    def render_ticket(receipt: data.Receipt, receipt_format: str) -> bytes:
        """The ticket's PDF in ``receipt_format`` (``ticket`` or ``a4``); pure, safe off the GUI thread."""
        from reports.ticket import ticket_80mm, ticket_a4  # see reports.load_renderers

        return (ticket_80mm if receipt_format == "ticket" else ticket_a4)(receipt)

    @classmethod
    def reprint(cls, context: DeskContext, runner: BackgroundRunner, payment_id: int, parent: QWidget,
                shown: Callable[[ReceiptDialog], None], *, finished: Callable[[], None] = lambda: None) -> None:
        """Every reprint path: the next copy is recorded first, off the GUI thread, then shown marked
        *DUPLICATA* and handed to ``shown``; a refusal is told in a dialog. ``finished`` is called either way."""
        receipt_format, payments = context.settings.receipt_format, context.services.payments

        def record() -> tuple[data.Receipt, bytes]:
            duplicate = payments.reprint(PaymentId(payment_id))
            return duplicate, cls.render_ticket(duplicate, receipt_format)

        def recorded(done: tuple[data.Receipt, bytes]) -> None:
            finished()
            duplicate, rendered = done
            dialog = cls(context, payment_id, parent, duplicate=duplicate, rendered=rendered)
            present(dialog)
            shown(dialog)

        def refused(error: Exception) -> None:
            finished()
            if not isinstance(error, DeskError):
                raise error
            title = QCoreApplication.translate("ReceiptDialog", "Reprint the ticket")
            context.dialogs.error(parent, title, error.message, error.hint)

        runner.run(record, recorded, refused)

    def pdf(self) -> bytes:
        assert self.receipt is not None, "the ticket is still being read"
        chosen = self.format_combo.currentData()
        if chosen not in self._rendered:
            self._rendered[chosen] = self.render_ticket(self.receipt, chosen)
        return self._rendered[chosen]

    def _format_changed(self) -> None:
        self.context.settings.receipt_format = self.format_combo.currentData()
        if self.receipt is not None:
            self.render()
