"""The family's account statement (*relevé de compte*) over a period: preview, print, save as PDF.

Families ask for it at the counter for their records, their employer's works
council or the tax return (childcare costs of the past year): the usual
periods are one click, any other is two dates.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from desk.services.ids import FamilyId
from desk.services.school_calendar import school_year_of
from desk.ui.context import DeskContext
from desk.ui.document_dialog import DocumentDialog
from desk.ui.tasks import BackgroundRunner
from desk.ui.waiting import failure_text
from reports import data

THIS_YEAR, LAST_YEAR, SCHOOL_YEAR, CHOSEN = "this_year", "last_year", "school_year", "chosen"


def preset_period(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of a usual period, as of ``today``."""
    if preset == LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if preset == SCHOOL_YEAR:
        school_year = school_year_of(today)
        return school_year.first_day, min(today, school_year.last_day)
    return date(today.year, 1, 1), today


class StatementDialog(DocumentDialog):
    """The statement of the period chosen, read and drawn off the GUI thread; the latest period asked wins."""

    def __init__(self, context: DeskContext, family_id: int, parent: QWidget | None = None, *,
                 runner: BackgroundRunner | None = None) -> None:
        """``runner``: the family file's; without it, the dialog reads through a runner of its own."""
        super().__init__(context, "", "releve.pdf", parent, a4=True)
        self.runner = runner or BackgroundRunner(self, threads=1)
        self.family_id = family_id
        self.statement: data.Statement | None = None
        self._statement_pdf: bytes | None = None
        self._asked = 0
        self.setObjectName("statementDialog")
        self.setWindowTitle(self.tr("Account statement"))
        self.heading.setText(self.tr("Account statement"))
        self.preview.setObjectName("statementPreview")
        self.status_label.setObjectName("statementStatusLabel")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("statementPeriodCombo")
        self.period_combo.addItem(self.tr("Since 1 January"), THIS_YEAR)
        self.period_combo.addItem(self.tr("Last year"), LAST_YEAR)
        self.period_combo.addItem(self.tr("This school year"), SCHOOL_YEAR)
        self.period_combo.addItem(self.tr("Chosen dates"), CHOSEN)
        self.from_edit = self._date_edit("statementFromEdit")
        self.to_edit = self._date_edit("statementToEdit")
        self.top.addWidget(self.period_combo)
        self.top.addWidget(QLabel(self.tr("from"), self))
        self.top.addWidget(self.from_edit)
        self.top.addWidget(QLabel(self.tr("to"), self))
        self.top.addWidget(self.to_edit)
        self.period_combo.currentIndexChanged.connect(self._preset_chosen)
        self._preset_chosen()

    def _date_edit(self, object_name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(object_name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.dateChanged.connect(self._dates_typed)
        return edit

    def _preset_chosen(self) -> None:
        preset = self.period_combo.currentData()
        if preset != CHOSEN:
            first, last = preset_period(preset, self.context.today())
            for edit, day in ((self.from_edit, first), (self.to_edit, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_typed(self) -> None:
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(self.period_combo.findData(CHOSEN))
        self.period_combo.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def refresh(self) -> None:
        first, last = self.period()
        families, family_id = self.context.services.families, FamilyId(self.family_id)
        self._asked += 1
        asked = self._asked

        def work() -> tuple[data.Statement, bytes]:
            from reports.statement import statement_a4  # see reports.load_renderers

            statement = families.statement(family_id, first, last)
            return statement, statement_a4(statement)

        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Reading the statement…"))
        self.runner.run(work, lambda done: self._read(asked, first, last, *done),
                        lambda error: self._not_read(asked, error))

    def _read(self, asked: int, first: date, last: date, statement: data.Statement, pdf: bytes) -> None:
        if asked != self._asked:
            return  # another period was chosen meanwhile: its answer follows
        self.statement, self._statement_pdf = statement, pdf
        self.status_label.clear()
        self.file_name = f"releve-{statement.family.dossier_number}-{first:%Y%m%d}-{last:%Y%m%d}.pdf"
        self.render()
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _not_read(self, asked: int, error: Exception) -> None:
        if asked != self._asked:
            return
        self.statement = self._statement_pdf = None
        self.status_label.setText(failure_text(error))

    def pdf(self) -> bytes:
        assert self._statement_pdf is not None
        return self._statement_pdf
