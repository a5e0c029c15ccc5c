"""Every item model passes Qt's model tester, with real data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desk.services.search import ChildBrief, FamilyHit
from desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel
from desk.ui.search_panel import FamilyRole, FamilySearchModel

HITS = [
    FamilyHit(1, "DURAND", "F-00001", "06 12 34 56 78", (ChildBrief("Noah", 8, 0), ChildBrief("Léa", 6, 1)), 1),
    FamilyHit(7, "D'AGOSTINO", "F-00007", None, (ChildBrief("Éloïse", 7, 0),), 3),
]


def test_family_search_model(qtmodeltester):
    model = FamilySearchModel()
    model.set_hits(HITS)
    qtmodeltester.check(model)
    first = model.index(0)
    assert first.data() == "DURAND"
    assert first.data(FamilyRole.FAMILY_ID) == 1
    assert first.data(FamilyRole.CHILDREN_TEXT) == "Noah (8 ans), Léa (6 ans)"
    assert model.index(1).data(FamilyRole.PHONE) == ""
    model.set_hits([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_record_table_model(qtmodeltester):
    model = RecordTableModel([
        Column("Jour", lambda d: f"{d:%d/%m/%Y}", sort_key=lambda d: d),
        Column("Année", lambda d: str(d.year), align_right=True),
    ])
    days = [date(2026, 10, 14), date(2026, 12, 2)]
    model.set_records(days)
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Jour"
    assert model.index(1, 0).data() == "02/12/2026"
    assert model.index(1, 0).data(RECORD_ROLE) == date(2026, 12, 2)
    assert model.index(0, 0).data(SORT_ROLE) == date(2026, 10, 14)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
