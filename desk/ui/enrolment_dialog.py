"""The enrolment dialog: child → category → type → activity, as on the portal's first step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desk.errors import DeskError
from desk.services.enrolment import CategoryOption, EnrolmentView
from desk.services.families import ChildView
from desk.services.ids import ChildId
from desk.ui.context import DeskContext
from desk.ui.symbols import symbol_icon
from desk.ui.tasks import BackgroundRunner
from desk.ui.texts import child_with_age


class EnrolmentDialog(QDialog):
    """Each combo offers only what fits the choices above it; a refusal is explained in the dialog."""

    def __init__(self, context: DeskContext, runner: BackgroundRunner, children: tuple[ChildView, ...],
                 options: dict[int, list[CategoryOption]], child_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        """``options``: what each child can be enrolled in today, read by the caller off the GUI thread."""
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.options_by_child = options
        self.enrolment: EnrolmentView | None = None
        self._options: list[CategoryOption] = []
        self.setObjectName("enrolmentDialog")
        self.setWindowTitle(self.tr("New activity line"))
        self.setMinimumWidth(520)
        self.child_combo = self._combo("enrolmentChildCombo")
        for child in children:
            self.child_combo.addItem(symbol_icon(child.symbol_index), child_with_age(child.first_name, child.age), child.id)
        self.category_combo = self._combo("enrolmentCategoryCombo")
        self.type_combo = self._combo("enrolmentTypeCombo")
        self.activity_combo = self._combo("enrolmentActivityCombo")
        self.period_label = QLabel(self)
        self.period_label.setProperty("role", "subtle")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("enrolmentErrorLabel")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Child"), self.child_combo)
        form.addRow(self.tr("C&ategory"), self.category_combo)
        form.addRow(self.tr("&Type of activity"), self.type_combo)
        form.addRow(self.tr("&Activity"), self.activity_combo)
        form.addRow("", self.period_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.child_combo.currentIndexChanged.connect(self._load_options)
        self.category_combo.currentIndexChanged.connect(self._fill_types)
        self.type_combo.currentIndexChanged.connect(self._fill_activities)
        self.activity_combo.currentIndexChanged.connect(self._show_period)
        if child_id is not None and self.child_combo.findData(child_id) >= 0:
            self.child_combo.setCurrentIndex(self.child_combo.findData(child_id))
        self._load_options()

    def _combo(self, object_name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        return combo

    def _load_options(self) -> None:
        child_id = self.child_combo.currentData()
        self._options = self.options_by_child.get(child_id, []) if child_id else []
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for category in self._options:
            self.category_combo.addItem(category.name, category.id)
        self.category_combo.blockSignals(False)
        self._fill_types()
        if child_id and not self._options:
            self._explain(self.tr("No activity is open for enrolment today for this child (age, dates, or already enrolled)."))
        else:
            self._explain("")

    def _category(self) -> CategoryOption | None:
        index = self.category_combo.currentIndex()
        return self._options[index] if 0 <= index < len(self._options) else None

    def _fill_types(self) -> None:
        category = self._category()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        for activity_type in category.types if category else ():
            self.type_combo.addItem(activity_type.label, activity_type.id)
        self.type_combo.blockSignals(False)
        self._fill_activities()

    def _fill_activities(self) -> None:
        category = self._category()
        index = self.type_combo.currentIndex()
        activities = category.types[index].activities if category and 0 <= index < len(category.types) else ()
        self.activity_combo.clear()
        for activity in activities:
            self.activity_combo.addItem(activity.name, activity.id)
        self._show_period()

    def _show_period(self) -> None:
        category = self._category()
        type_index = self.type_combo.currentIndex()
        index = self.activity_combo.currentIndex()
        if category is None or not 0 <= type_index < len(category.types) or index < 0:
            self.period_label.clear()
            self.ok_button.setEnabled(False)
            return
        activity = category.types[type_index].activities[index]
        self.period_label.setText(
            self.tr("From %1 to %2, children aged %3 to %4")
            .replace("%1", f"{activity.start_date:%d/%m/%Y}").replace("%2", f"{activity.end_date:%d/%m/%Y}")
            .replace("%3", str(activity.min_age_years)).replace("%4", str(activity.max_age_years))
        )
        self.ok_button.setEnabled(True)

    def _explain(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def confirm(self) -> None:
        child_id, activity_id = self.child_combo.currentData(), self.activity_combo.currentData()
        if child_id is None or activity_id is None:
            return
        if not self.ok_button.isEnabled():
            return  # being written
        families = self.context.services.families
        self.ok_button.setEnabled(False)
        self.runner.run(lambda: families.enrol(ChildId(child_id), activity_id), self._enrolled, self._refused)

    def _enrolled(self, enrolment: EnrolmentView) -> None:
        self.enrolment = enrolment
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(error, DeskError):
            raise error
        self._explain(error.message)
