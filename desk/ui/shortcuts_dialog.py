"""*Aide → Raccourcis clavier* (F1): every key of the counter, where it works."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Key names as printed on a French keyboard (the list keeps Qt's names, which tests match against the window).
_KEY_NAMES = {"Return": "Entrée", "Space": "Espace", "Left": "←", "Right": "→", "Up": "↑", "Down": "↓",
              "Home": "Début", "Shift": "Maj"}


def shown_keys(chords: str) -> str:
    """``Alt+Left, Alt+Right`` → ``Alt+←, Alt+→``; ``Ctrl+Shift+L`` → ``Ctrl+Maj+L``."""
    return ", ".join("+".join(_KEY_NAMES.get(part, part) for part in chord.split("+")) for chord in chords.split(", "))


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def counter_keys() -> list[tuple[str, str, str]]:
    """(keys, what they do, where), in French: the list the help shows; tests check each bound key exists."""
    return [(keys, _tr(what), _tr(where)) for keys, what, where in _KEYS]


_KEYS = [
    ("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Find a family"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("ShortcutsDialog", "New family"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("Ctrl+H", QT_TRANSLATE_NOOP("ShortcutsDialog", "Home"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("F5", QT_TRANSLATE_NOOP("ShortcutsDialog", "Refresh"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("Ctrl+Shift+L", QT_TRANSLATE_NOOP("ShortcutsDialog", "Sign out"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere")),
    ("Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the first family found"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Search")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Save the family file"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Family file")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("ShortcutsDialog", "New activity line"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Family file, any tab")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("ShortcutsDialog", "Account statement"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Family file, any tab")),
    ("Ctrl+R", QT_TRANSLATE_NOOP("ShortcutsDialog", "Reprint the selected ticket (the latest if none)"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Family file, any tab")),
    ("F2", QT_TRANSLATE_NOOP("ShortcutsDialog", "Modify the planning: the cursor on the first day that can be booked"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Left, Right", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous / next open day (the page turns at the edges)"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Up, Down", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous / next unit"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Space", QT_TRANSLATE_NOOP("ShortcutsDialog", "Book or unbook the cell (or say why not)"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("M, A, J", QT_TRANSLATE_NOOP("ShortcutsDialog", "Book the matin, après-midi or journée of the cursor's day"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Alt+Left, Alt+Right", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous / next period"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Alt+Home", QT_TRANSLATE_NOOP("ShortcutsDialog", "Back to today"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("Alt+1, Alt+2, Alt+3", QT_TRANSLATE_NOOP("ShortcutsDialog", "Month, fortnight, week"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("F9", QT_TRANSLATE_NOOP("ShortcutsDialog", "Finish the changes (the recap, then Enter to pay)"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Planning")),
    ("F9", QT_TRANSLATE_NOOP("ShortcutsDialog", "Cash in"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Payment")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("ShortcutsDialog", "Print"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Ticket, statement")),
    ("Ctrl+K", QT_TRANSLATE_NOOP("ShortcutsDialog", "Cash desk"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Régisseur")),
    ("Ctrl+Shift+V", QT_TRANSLATE_NOOP("ShortcutsDialog", "Régie books: cheques to remit, takings, versements"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Régisseur")),
    ("Ctrl+Shift+J", QT_TRANSLATE_NOOP("ShortcutsDialog", "Verify the payment journal"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Régisseur")),
    ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Online payments to check"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Régisseur")),
    ("Ctrl+Shift+A", QT_TRANSLATE_NOOP("ShortcutsDialog", "Audit trail"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Régisseur")),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        keys = counter_keys()
        self.table = QTableWidget(len(keys), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (chords, what, where) in enumerate(keys):
            for column, text in enumerate((shown_keys(chords), what, where)):
                item = QTableWidgetItem(text)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 620)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
