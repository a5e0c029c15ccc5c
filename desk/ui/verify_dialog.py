"""*Vérifier le journal* (régisseur): the whole proof, checked off the GUI thread, with the anchors kept on paper."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.verification import Anchor, JournalVerification
from desk.ui.context import DeskContext
from desk.ui.tasks import BackgroundRunner


def set_role(label: QLabel, role: str) -> None:
    """Give a label another look of the style sheet (``heading``, ``subtle``, ``fieldError``) now."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def parse_anchors(text: str) -> list[Anchor]:
    """One anchor per non-blank line, as copied from the *journaux de caisse*; DeskError names the first bad one."""
    return [Anchor.parse(line) for line in text.splitlines() if line.strip()]


class VerifyJournalDialog(QDialog):
    """Optional anchors, *Vérifier*, then the summary and every finding; the window stays responsive meanwhile."""

    verification_finished = Signal(object)  # the JournalVerification, or the DeskError that stopped it

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.result: JournalVerification | None = None
        self.setObjectName("verifyJournalDialog")
        self.setWindowTitle(self.tr("Verify the payment journal"))
        self.resize(640, 520)
        intro = QLabel(self.tr(
            "Recomputes the hash chain and its seals, and checks every payment, receipt, account movement, cash-desk "
            "closing and place count against it. Paste the journal fingerprints printed on the cash-desk journals "
            "to prove that nothing was cut from the end."), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "subtle")
        anchors_label = QLabel(self.tr("&Fingerprints from the cash-desk journals (optional, one per line):"), self)
        self.anchors_edit = QPlainTextEdit(self)
        self.anchors_edit.setObjectName("anchorsEdit")
        self.anchors_edit.setPlaceholderText("1234:3f2a9c0d81e5b7a4")
        self.anchors_edit.setMaximumHeight(90)
        self.anchors_edit.setTabChangesFocus(True)
        anchors_label.setBuddy(self.anchors_edit)
        self.verify_button = QPushButton(self.tr("&Verify (Ctrl+Return)"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setProperty("primary", True)
        self.verify_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.verify_button.clicked.connect(self.verify)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("verifyProgress")
        self.progress.setRange(0, 0)  # busy: the verification does not know how far it is
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("verifyStatusLabel")
        self.status_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("verifySummaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.summary_label.font()
        bold.setBold(True)
        self.summary_label.setFont(bold)
        self.findings_list = QListWidget(self)
        self.findings_list.setObjectName("verifyFindingsList")
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)
        self.findings_list.hide()
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeVerifyButton")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()  # takes the progress bar's room while it is hidden
        buttons.addWidget(self.verify_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(anchors_label)
        layout.addWidget(self.anchors_edit)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.findings_list, 1)
        layout.addStretch()  # keeps the rest at the top while there is no list

    @property
    def busy(self) -> bool:
        return not self.progress.isHidden()

    def verify(self) -> None:
        if self.busy:
            return
        try:
            anchors = parse_anchors(self.anchors_edit.toPlainText())
        except DeskError as unreadable:
            self._show_status(f"{unreadable.message} {unreadable.hint}", problem=True)
            self.anchors_edit.setFocus()
            return
        self._set_busy(True)
        self.summary_label.clear()
        self.findings_list.clear()
        self.findings_list.hide()
        self._show_status(self.tr("Verifying the whole journal: this may take a few seconds on a large town…"))
        regie = self.context.services.regie
        self.runner.run(lambda: regie.verify_journal(tuple(anchors)), self._verified,
                        self._failed)

    def _verified(self, result: JournalVerification) -> None:
        self._set_busy(False)
        self.result = result
        self.status_label.clear()
        if result.ok:
            self.summary_label.setText(result.summary())
        else:  # the service's summary repeats the first findings, which the list shows in full
            found = len(result.findings) + result.findings_left_out
            self.summary_label.setText(self.tr(
                "The journal has been altered: %n finding(s), listed below. Keep the database as it is and warn the "
                "accounting officer.", "", found))
        set_role(self.summary_label, "" if result.ok else "fieldError")
        self.findings_list.addItems(list(result.findings))
        self.findings_list.setVisible(bool(result.findings))
        if result.ok and result.head.sequence:
            self._show_status(self.tr("Journal head: entry %1, fingerprint %2.")
                              .replace("%1", str(result.head.sequence)).replace("%2", result.head.hash or ""))
        self.verification_finished.emit(result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DeskError):
            self._show_status(f"{error.message} {error.hint}".strip(), problem=True)
        else:
            self._show_status(self.tr("The verification could not finish; nothing was changed. Try again, then "
                                      "warn the administrator."), problem=True)
        self.verification_finished.emit(error)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.verify_button.setEnabled(not busy)
        self.anchors_edit.setReadOnly(busy)

    def _show_status(self, text: str, *, problem: bool = False) -> None:
        self.status_label.setText(text)
        set_role(self.status_label, "fieldError" if problem else "subtle")
