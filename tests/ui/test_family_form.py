"""The *Dossier* tab keeps its rows from one family to the next, each field set again: nothing of the family
shown before stays on screen, in a field, an error or an id."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import func, select

from desk.db.models import Child, Guardian
from desk.services.families import FieldError, load_family
from tests.ui.conftest import NOW


def _a_family_with(context, children: int, guardians: int) -> int:
    def find(session) -> int:
        with_children = select(Child.family_id).group_by(Child.family_id).having(func.count() == children)
        with_guardians = select(Guardian.family_id).group_by(Guardian.family_id).having(func.count() == guardians)
        return session.scalar(with_children.intersect(with_guardians).limit(1))
    return context.services.work.read(find)


def _open(qtbot, window, family_id: int) -> None:
    with qtbot.waitSignal(window.family.family_opened, timeout=5000):
        window.show_family(family_id)


def test_another_family_shows_only_its_own_people_in_the_rows_kept(qtbot, window):
    context = window.testing[0]
    form = window.family.form
    durand = window.family.file
    kept_child, kept_guardian = form.child_rows[0], form.guardian_rows[0]
    form.show_errors([FieldError("children[0].birth_date", "Date impossible"),
                      FieldError("guardians[0].phone", "Numéro impossible")])
    other_id = _a_family_with(context, children=1, guardians=1)
    assert len(durand.children) > 1 and other_id is not None
    _open(qtbot, window, other_id)
    other = context.services.work.read(lambda s: load_family(s, other_id, NOW.date()))
    [child], [guardian] = form.child_rows, form.guardian_rows
    assert child is kept_child and guardian is kept_guardian  # kept, not built again
    assert (child.child_id, child.first_name.text(), child.last_name.text(), child.birth_date.text()) == (
        other.children[0].id, other.children[0].first_name, other.children[0].last_name,
        f"{other.children[0].birth_date:%d/%m/%Y}")
    known = other.guardians[0]
    assert (guardian.guardian_id, guardian.first_name.text(), guardian.last_name.text(), guardian.phone.text(),
            guardian.email.text(), guardian.primary.isChecked(), guardian.relationship.currentText()) == (
        known.id, known.first_name, known.last_name, known.phone or "", known.email or "", known.is_primary,
        known.relationship_label)
    assert not child.errors.isVisible() and not child.birth_date.property("invalid")
    assert not guardian.phone.property("invalid") and guardian.phone.toolTip() == ""
    assert form.findChild(QLineEdit, "child0FirstNameEdit") is child.first_name
    assert form.findChild(QLabel, "child0ErrorLabel") is child.errors
    assert form.findChild(QLineEdit, "child1FirstNameEdit") is None  # the rows beyond are gone
    assert form.draft()[0].children[0].id == other.children[0].id  # saving writes this family, not the other

    _open(qtbot, window, durand.id)
    assert [row.first_name.text() for row in form.child_rows] == [c.first_name for c in durand.children]
    assert [row.child_id for row in form.child_rows] == [c.id for c in durand.children]
    assert form.child_rows[0] is kept_child
