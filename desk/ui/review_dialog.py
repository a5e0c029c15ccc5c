"""*Paiements en ligne à vérifier* (régisseur): the operations the desk flagged, and the conclusion of each check.

A payment lands here when the bank confirmed it after its bookings expired
(the money was kept as a credit) or when PayFiP answered about something else
(nothing was cashed). The régisseur checks it with the DGFIP or the bank
statement, writes what they found, and *Traiter* clears the flag; the note stays.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.clock import PARIS
from desk.db.enums import OnlinePaymentState
from desk.money import format_cents
from desk.services.application import ReviewRow
from desk.ui.context import DeskContext
from desk.ui.record_model import RECORD_ROLE, Column, ModelIndex, RecordTableModel, record_table
from desk.ui.tasks import BackgroundRunner
from desk.ui.verify_dialog import set_role
from desk.ui.waiting import failure_text, loading_text

ALERT_INK = "#b71c1c"  # the style sheet's fieldError colour, for what the style sheet cannot reach (rows, links)


class ReviewRole(enum.IntEnum):
    ONLINE_PAYMENT_ID = Qt.ItemDataRole.UserRole + 10
    FAMILY_ID = Qt.ItemDataRole.UserRole + 11
    AMOUNT_CENTS = Qt.ItemDataRole.UserRole + 12
    STATE = Qt.ItemDataRole.UserRole + 13  # an OnlinePaymentState


def state_text(state: OnlinePaymentState) -> str:
    translate = QCoreApplication.translate
    return {
        OnlinePaymentState.LATE_PAID: translate("ReviewModel", "Paid after expiry (kept as credit)"),
        OnlinePaymentState.DISPUTED: translate("ReviewModel", "Answer not matching (nothing cashed)"),
    }.get(state, state.value)


class ReviewModel(RecordTableModel[ReviewRow]):
    """One flagged online payment per row; its ids, amount and state under ``ReviewRole``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Date"), lambda r: f"{r.item.created_at.astimezone(PARIS):%d/%m/%Y %H:%M}",
                   sort_key=lambda r: r.item.created_at),
            Column(self.tr("Family"), lambda r: f"{r.family.name} ({r.family.dossier_number})"),
            Column(self.tr("Debt reference"), lambda r: r.item.refdet),
            Column(self.tr("Amount"), lambda r: format_cents(r.item.amount_cents),
                   sort_key=lambda r: r.item.amount_cents, align_right=True),
            Column(self.tr("State"), lambda r: state_text(r.item.state)),
            Column(self.tr("Reason"), lambda r: r.item.reason),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.record(index.row()).item
        if role == ReviewRole.ONLINE_PAYMENT_ID:
            return item.online_payment_id
        if role == ReviewRole.FAMILY_ID:
            return item.family_id
        if role == ReviewRole.AMOUNT_CENTS:
            return item.amount_cents
        if role == ReviewRole.STATE:
            return item.state
        if role == Qt.ItemDataRole.ForegroundRole and item.state is OnlinePaymentState.DISPUTED:
            return QBrush(QColor(ALERT_INK))
        return super().data(index, role)


class ReviewDialog(QDialog):
    """The flagged payments, and under them the form that records the conclusion of the selected one."""

    review_cleared = Signal(int)  # the online payment whose check was recorded
    count_changed = Signal(int)  # how many wait now

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        """``runner``: the one that writes money (the family file's), so a conclusion follows what it saw."""
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Online payments to check"))
        self.resize(900, 560)
        self.heading = QLabel(self)
        self.heading.setObjectName("reviewHeadingLabel")
        self.heading.setProperty("role", "heading")
        hint = QLabel(self.tr(
            "Check each one with the DGFIP (PayFiP back office) or the bank statement, then write what you found "
            "and mark it handled. The desk has already kept any money received as a credit of the family."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        self.model = ReviewModel(self)
        self.view = record_table(self, "reviewView", self.model)
        self.view.setWordWrap(False)  # the reason is read in full under the table
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.form = QGroupBox(self.tr("Conclusion of the check"), self)
        self.form.setObjectName("reviewForm")
        self.reason_label = QLabel(self.form)
        self.reason_label.setObjectName("reviewReasonLabel")
        self.reason_label.setWordWrap(True)
        self.note_edit = QPlainTextEdit(self.form)
        self.note_edit.setObjectName("reviewNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("What you checked and what you concluded (DGFIP, bank statement)…"))
        self.note_edit.setMaximumHeight(80)
        self.note_edit.setTabChangesFocus(True)
        self.clear_button = QPushButton(self.tr("&Handle (Ctrl+Return)"), self.form)
        self.clear_button.setObjectName("clearReviewButton")
        self.clear_button.setProperty("primary", True)
        self.clear_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.clear_button.clicked.connect(self.clear_selected)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("reviewMessageLabel")
        self.message_label.setWordWrap(True)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Why it is flagged"), self.reason_label)
        form.addRow(self.tr("&Note"), self.note_edit)
        handle = QHBoxLayout()
        handle.addStretch(1)
        handle.addWidget(self.clear_button)
        form.addRow(handle)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeReviewButton")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """The flagged payments, read off the GUI thread; the form waits meanwhile."""
        self.heading.setText(loading_text())
        self.form.setEnabled(False)
        self.runner.run(self.context.services.regie.payments_to_review, self.show_rows, self._not_read)

    def _not_read(self, error: Exception) -> None:
        self.heading.setText(self.tr("The payments to check could not be read."))
        self._say(failure_text(error), problem=True)

    def show_rows(self, rows: list[ReviewRow]) -> None:
        self.model.set_records(rows)
        count = len(rows)
        self.heading.setText(self.tr("%n online payment(s) to check", "", count) if count
                             else self.tr("No online payment to check."))
        self.form.setEnabled(bool(rows))
        if rows:
            self.view.selectRow(0)
        else:
            self.reason_label.clear()
        self.count_changed.emit(count)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: ReviewRow | None = current.data(RECORD_ROLE) if current.isValid() else None
        self.reason_label.setText(row.item.reason if row else "")
        self.note_edit.clear()

    def clear_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.clear_button.isEnabled():
            return  # nothing chosen, or being recorded: one press, one conclusion
        online_payment_id = index.data(ReviewRole.ONLINE_PAYMENT_ID)
        refdet = index.data(RECORD_ROLE).item.refdet
        note, regie = self.note_edit.toPlainText(), self.context.services.regie
        self.clear_button.setEnabled(False)
        self.note_edit.setReadOnly(True)
        self._say(self.tr("Recording the conclusion…"))
        self.runner.run(lambda: regie.clear_review(online_payment_id, note), lambda rows: self._cleared(online_payment_id, refdet, rows),
                        self._not_cleared)

    def _cleared(self, online_payment_id: int, refdet: str, rows: list[ReviewRow]) -> None:
        self.clear_button.setEnabled(True)
        self.note_edit.setReadOnly(False)
        self.show_rows(rows)
        self._say(self.tr("Handled: the conclusion on %1 is recorded.").replace("%1", refdet))
        self.review_cleared.emit(online_payment_id)

    def _not_cleared(self, error: Exception) -> None:
        self.clear_button.setEnabled(True)
        self.note_edit.setReadOnly(False)
        self._say(failure_text(error), problem=True)
        self.note_edit.setFocus()

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, "fieldError" if problem else "subtle")
