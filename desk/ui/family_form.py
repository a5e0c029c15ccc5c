"""The *Dossier* tab: the family, its guardians and its children, validated in French next to each field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.families import (
    ChildDraft,
    FamilyDraft,
    FamilyFile,
    FamilyValidationError,
    FieldError,
    GuardianDraft,
    PossibleDuplicateError,
)
from desk.services.ids import FamilyId
from desk.services.validation import parse_ascii_int
from desk.ui.context import DeskContext
from desk.ui.resources import icon
from desk.ui.symbols import symbol_for, symbol_icon
from desk.ui.tasks import BackgroundRunner
from desk.ui.texts import years_old

RELATIONSHIPS = ("Mère", "Père", "Tuteur", "Tutrice", "Grand-parent", "Autre")


def parse_french_date(text: str) -> date | None | str:
    """``14/03/2018`` → a date; empty → None; anything else → the text, for an error message."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return text


def mark(widget: QWidget, error: str | None) -> None:
    """Show ``widget`` as wrong (red border, tooltip) or right again; its style is worked out again only when
    that changes (every field is marked right at each family opened)."""
    widget.setToolTip(error or "")
    invalid = error is not None
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("role", "fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


class GuardianRow(QWidget):
    removed = Signal(object)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guardian_id: int | None = None
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.relationship = QComboBox(self)
        self.relationship.setEditable(True)
        self.relationship.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a label typed stays this guardian's
        self.relationship.addItems(RELATIONSHIPS)
        self.phone = QLineEdit(self)
        self.phone.setMinimumWidth(130)
        self.email = QLineEdit(self)
        self.primary = QCheckBox(self.tr("Main contact"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.errors = ErrorLabel(self, "")
        for widget, placeholder in ((self.first_name, self.tr("First name")), (self.last_name, self.tr("Last name")),
                                    (self.phone, self.tr("Phone")), (self.email, self.tr("E-mail"))):
            widget.setPlaceholderText(placeholder)
        self.named(index)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addWidget(self.relationship, 0, 0)
        grid.addWidget(self.first_name, 0, 1)
        grid.addWidget(self.last_name, 0, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(self.primary, 1, 0)
        grid.addWidget(self.phone, 1, 1)
        grid.addWidget(self.email, 1, 2, 1, 2)
        grid.addWidget(self.errors, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def named(self, index: int) -> None:
        """Its widgets named after its place in the form: ``guardian0FirstNameEdit``…"""
        for widget, name in ((self.first_name, "FirstNameEdit"), (self.last_name, "LastNameEdit"),
                             (self.phone, "PhoneEdit"), (self.email, "EmailEdit"), (self.errors, "ErrorLabel")):
            widget.setObjectName(f"guardian{index}{name}")

    def show_guardian(self, guardian: GuardianDraft) -> None:
        """Every field from ``guardian``: a row kept from the file shown before keeps nothing of it."""
        self.guardian_id = guardian.id
        self.first_name.setText(guardian.first_name)  # (setText also forgets the undo history)
        self.last_name.setText(guardian.last_name)
        self.relationship.setCurrentText(guardian.relationship_label)
        self.phone.setText(guardian.phone or "")
        self.email.setText(guardian.email or "")
        self.primary.setChecked(guardian.is_primary)

    def fields(self) -> dict[str, QWidget]:
        return {"first_name": self.first_name, "last_name": self.last_name, "phone": self.phone, "email": self.email}

    def draft(self) -> GuardianDraft:
        return GuardianDraft(self.first_name.text(), self.last_name.text(), self.relationship.currentText(),
                             self.phone.text() or None, self.email.text() or None, self.primary.isChecked(),
                             self.guardian_id)


class ChildRow(QWidget):
    removed = Signal(object)

    def __init__(self, index: int, symbol_index: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child_id: int | None = None
        self.symbol = QLabel(self)
        self.symbol.setFixedSize(QSize(20, 20))
        self.set_symbol(symbol_index)
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.birth_date = QLineEdit(self)
        self.birth_date.setInputMask("99/99/9999;_")
        self.birth_date.setMaximumWidth(110)
        self.age = QLabel(self)
        self.age.setProperty("role", "subtle")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.errors = ErrorLabel(self, "")
        self.first_name.setPlaceholderText(self.tr("First name"))
        self.last_name.setPlaceholderText(self.tr("Last name"))
        self.named(index)
        self.birth_date.setToolTip(self.tr("Birth date, dd/mm/yyyy"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.symbol, 0, 0)
        grid.addWidget(self.first_name, 0, 1)
        grid.addWidget(self.last_name, 0, 2)
        grid.addWidget(self.birth_date, 0, 3)
        grid.addWidget(self.age, 0, 4)
        grid.addWidget(self.remove_button, 0, 5)
        grid.addWidget(self.errors, 1, 1, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def set_symbol(self, symbol_index: int | None) -> None:
        if symbol_index is None:
            self.symbol.clear()
            self.symbol.setToolTip(self.tr("The symbol is given when the file is saved."))
            return
        self.symbol.setPixmap(symbol_icon(symbol_index, 18).pixmap(18, 18))
        self.symbol.setToolTip(self.tr("Planning symbol: %1").replace("%1", symbol_for(symbol_index).name))

    def named(self, index: int) -> None:
        """Its widgets named after its place in the form: ``child0FirstNameEdit``…"""
        for widget, name in ((self.first_name, "FirstNameEdit"), (self.last_name, "LastNameEdit"),
                             (self.birth_date, "BirthDateEdit"), (self.errors, "ErrorLabel")):
            widget.setObjectName(f"child{index}{name}")

    def show_child(self, child: ChildDraft, symbol_index: int | None, age: str) -> None:
        """Every field from ``child``: a row kept from the file shown before keeps nothing of it."""
        self.child_id = child.id
        self.set_symbol(symbol_index)
        self.first_name.setText(child.first_name)
        self.last_name.setText(child.last_name)
        self.birth_date.setText(f"{child.birth_date:%d/%m/%Y}" if child.birth_date else "")
        self.age.setText(age)

    def fields(self) -> dict[str, QWidget]:
        return {"first_name": self.first_name, "last_name": self.last_name, "birth_date": self.birth_date}

    def draft(self) -> ChildDraft | str:
        typed = self.birth_date.text()
        parsed = parse_french_date("" if not typed.replace("/", "").strip() else typed)
        if isinstance(parsed, str):
            return parsed
        return ChildDraft(self.first_name.text(), self.last_name.text(), parsed, self.child_id)


class FamilyForm(QWidget):
    """Edits one family file, or a new one when ``file`` is None."""

    family_saved = Signal(object)  # the saved FamilyFile

    def __init__(self, context: DeskContext, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.saving = False
        self.family_id: int | None = None
        self.setObjectName("familyForm")
        self.guardian_rows: list[GuardianRow] = []
        self.child_rows: list[ChildRow] = []
        self._build()

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.name_edit = self._line("familyNameEdit", self.tr("Family name"))
        self.dossier_label = QLabel(self)
        self.dossier_label.setObjectName("familyDossierLabel")
        self.address_edit = self._line("familyAddressEdit", self.tr("Number and street"))
        self.postal_code_edit = self._line("familyPostalCodeEdit", "73200")
        self.postal_code_edit.setMaximumWidth(90)
        self.city_edit = self._line("familyCityEdit", self.tr("Town"))
        self.phone_edit = self._line("familyPhoneEdit", "06 12 34 56 78")
        self.email_edit = self._line("familyEmailEdit", "nom@exemple.fr")
        self.quotient_edit = self._line("familyQuotientEdit", self.tr("unknown"))
        self.quotient_edit.setMaximumWidth(110)
        self.family_errors = ErrorLabel(self, "familyErrorLabel")
        family_box = QGroupBox(self.tr("Family"), self)
        form = QFormLayout(family_box)
        form.addRow(self.tr("Dossier"), self.dossier_label)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Address"), self.address_edit)
        town = QHBoxLayout()
        town.addWidget(self.postal_code_edit)
        town.addWidget(self.city_edit, 1)
        form.addRow(self.tr("Postal code, town"), town)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("&E-mail"), self.email_edit)
        form.addRow(self.tr("&Quotient familial (€)"), self.quotient_edit)
        form.addRow(self.family_errors)

        self.guardians_box = QGroupBox(self.tr("Guardians"), self)
        self.guardians_layout = QVBoxLayout(self.guardians_box)
        self.guardians_errors = ErrorLabel(self, "guardiansErrorLabel")
        add_guardian = QPushButton(self.tr("Add a guardian"), self)
        add_guardian.setObjectName("addGuardianButton")
        add_guardian.clicked.connect(lambda: self._add_guardian_row())
        self.guardians_layout.addWidget(self.guardians_errors)
        self.guardians_layout.addWidget(add_guardian)

        self.children_box = QGroupBox(self.tr("Children"), self)
        self.children_layout = QVBoxLayout(self.children_box)
        self.children_errors = ErrorLabel(self, "childrenErrorLabel")
        add_child = QPushButton(self.tr("Add a child"), self)
        add_child.setObjectName("addChildButton")
        add_child.clicked.connect(lambda: self._add_child_row().first_name.setFocus())
        self.children_layout.addWidget(self.children_errors)
        self.children_layout.addWidget(add_child)

        self.save_button = QPushButton(icon("save"), self.tr("&Save (Ctrl+S)"), self)
        self.save_button.setObjectName("familySaveButton")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("familyRevertButton")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        content = QWidget(self)
        column = QVBoxLayout(content)
        top = QHBoxLayout()
        top.addWidget(family_box, 1)
        top.addWidget(self.guardians_box, 1)
        column.addLayout(top)
        column.addWidget(self.children_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _line(self, object_name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _add_guardian_row(self) -> GuardianRow:
        row = GuardianRow(len(self.guardian_rows), self.guardians_box)
        row.removed.connect(self._remove_guardian_row)
        self.guardians_layout.insertWidget(len(self.guardian_rows), row)
        self.guardian_rows.append(row)
        if len(self.guardian_rows) == 1:
            row.primary.setChecked(True)
        return row

    def _add_child_row(self, symbol_index: int | None = None) -> ChildRow:
        row = ChildRow(len(self.child_rows), symbol_index, self.children_box)
        row.removed.connect(self._remove_child_row)
        row.last_name.setText(self.name_edit.text().upper())
        self.children_layout.insertWidget(len(self.child_rows), row)
        self.child_rows.append(row)
        return row

    def _remove_guardian_row(self, row: GuardianRow) -> None:
        self.guardian_rows.remove(row)
        self._discard(row)

    def _remove_child_row(self, row: ChildRow) -> None:
        self.child_rows.remove(row)
        self._discard(row)

    @staticmethod
    def _discard(row: QWidget) -> None:
        row.hide()
        row.setParent(None)  # out of the widget tree at once: findChild never returns a dying row
        row.deleteLater()

    # -- loading -------------------------------------------------------------

    def load(self, file: FamilyFile | None) -> None:
        """Show ``file``, or an empty form for a new family.

        The rows of the file shown before are kept where the new one has as
        many guardians or children, each field set again: building them anew
        was most of what opening a family froze the window for."""
        self._loaded = file
        self.family_id = file.id if file else None
        self.clear_errors()
        draft = file.as_draft() if file else FamilyDraft(name="", guardians=[GuardianDraft("", "", "Mère")])
        self.dossier_label.setText(file.dossier_number if file else self.tr("given when saved"))
        self.name_edit.setText(draft.name)
        self.address_edit.setText(draft.address_line or "")
        self.postal_code_edit.setText(draft.postal_code or "")
        self.city_edit.setText(draft.city or "")
        self.phone_edit.setText(draft.phone or "")
        self.email_edit.setText(draft.email or "")
        self.quotient_edit.setText("" if draft.quotient_familial is None else str(draft.quotient_familial))
        self._fit_rows(self.guardian_rows, len(draft.guardians), self._add_guardian_row)
        for index, (row, guardian) in enumerate(zip(self.guardian_rows, draft.guardians, strict=True)):
            row.named(index)
            row.show_guardian(guardian)
        children = list(zip(draft.children, file.children if file else (), strict=False))
        self._fit_rows(self.child_rows, len(children), self._add_child_row)
        for index, (row, (child, view)) in enumerate(zip(self.child_rows, children, strict=True)):
            row.named(index)
            row.show_child(child, view.symbol_index, years_old(view.age))

    def _fit_rows(self, rows: list[Any], count: int, add: Callable[[], object]) -> None:
        """``count`` rows: the last ones discarded, or new ones added."""
        while len(rows) > count:
            self._discard(rows.pop())
        while len(rows) < count:
            add()

    def revert(self) -> None:
        self.load(getattr(self, "_loaded", None))

    # -- saving --------------------------------------------------------------

    def draft(self) -> tuple[FamilyDraft, list[FieldError]]:
        """The form as a draft, with the errors the form itself can see (unreadable dates, numbers)."""
        errors: list[FieldError] = []
        quotient_text = self.quotient_edit.text().strip().replace(" ", "").replace("\u202f", "")
        quotient = parse_ascii_int(quotient_text) if quotient_text else None
        if quotient_text and quotient is None:
            errors.append(FieldError("quotient_familial", self.tr("The quotient familial is a whole number of euros.")))
        children = []
        for index, row in enumerate(self.child_rows):
            child = row.draft()
            if isinstance(child, str):
                errors.append(FieldError(f"children[{index}].birth_date",
                                         self.tr("Impossible date: « %1 » (dd/mm/yyyy).").replace("%1", child)))
                child = ChildDraft(row.first_name.text(), row.last_name.text(), date.min, row.child_id)
            children.append(child)
        draft = FamilyDraft(
            name=self.name_edit.text(), address_line=self.address_edit.text(), postal_code=self.postal_code_edit.text(),
            city=self.city_edit.text(), phone=self.phone_edit.text(), email=self.email_edit.text(),
            quotient_familial=quotient, dossier_number=None,
            guardians=[row.draft() for row in self.guardian_rows], children=children,
        )
        return draft, errors

    def save(self) -> None:
        """Check the form here, then write it off the GUI thread; ``family_saved`` follows, or the errors show."""
        draft, errors = self.draft()
        if errors:
            self.show_errors(errors)
            return
        if not self.saving:
            self._write(draft, accept_duplicate=False)

    def _write(self, draft: FamilyDraft, *, accept_duplicate: bool) -> None:
        families = self.context.services.families
        family_id = FamilyId(self.family_id) if self.family_id is not None else None
        self._set_saving(True)
        self.runner.run(lambda: families.save(family_id, draft, accept_possible_duplicate=accept_duplicate),
                        self._saved, lambda error: self._not_saved(draft, error))

    def _saved(self, saved: FamilyFile) -> None:
        self._set_saving(False)
        self.load(saved)
        self.family_saved.emit(saved)

    def _not_saved(self, draft: FamilyDraft, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, PossibleDuplicateError):
            question = f"{error.message}\n\n" + self.tr("Create a new file anyway?")
            if self.context.dialogs.confirm(self, self.tr("Possible duplicate"), question):
                self._write(draft, accept_duplicate=True)
        elif isinstance(error, FamilyValidationError):
            self.show_errors(error.errors)
        elif isinstance(error, DeskError):
            self.context.dialogs.error(self, self.tr("Family file"), error.message, error.hint)
        else:
            raise error

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)

    # -- errors --------------------------------------------------------------

    def clear_errors(self) -> None:
        for widget in self._family_fields().values():
            mark(widget, None)
        for row in self.guardian_rows + self.child_rows:
            for widget in row.fields().values():
                mark(widget, None)
            row.errors.show_messages([])
        for label in (self.family_errors, self.guardians_errors, self.children_errors):
            label.show_messages([])

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each message next to its field: a red border, a tooltip and the text under the row."""
        self.clear_errors()
        family_messages, guardian_messages, children_messages = [], [], []
        rows: dict[int, list[str]] = {}
        for error in errors:
            widget, row = self._widget_for(error.field)
            if widget is not None:
                mark(widget, error.message)
            if row is not None:
                rows.setdefault(id(row), []).append(error.message)
                row.errors.show_messages(rows[id(row)])
            elif error.field.startswith("guardians"):
                guardian_messages.append(error.message)
            elif error.field.startswith("children"):
                children_messages.append(error.message)
            else:
                family_messages.append(error.message)
        self.family_errors.show_messages(family_messages)
        self.guardians_errors.show_messages(guardian_messages)
        self.children_errors.show_messages(children_messages)
        first, _ = self._widget_for(errors[0].field) if errors else (None, None)
        if first is not None:
            first.setFocus()

    def _family_fields(self) -> dict[str, QWidget]:
        return {"name": self.name_edit, "address_line": self.address_edit, "postal_code": self.postal_code_edit,
                "city": self.city_edit, "phone": self.phone_edit, "email": self.email_edit,
                "quotient_familial": self.quotient_edit}

    def _widget_for(self, field: str) -> tuple[QWidget | None, GuardianRow | ChildRow | None]:
        for prefix, rows in (("guardians[", self.guardian_rows), ("children[", self.child_rows)):
            if field.startswith(prefix) and "]." in field:
                index = int(field[len(prefix):field.index("]")])
                name = field.split("].", 1)[1]
                if index < len(rows):
                    return rows[index].fields().get(name), rows[index]
        return self._family_fields().get(field), None
