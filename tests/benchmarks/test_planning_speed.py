"""The planning grid: building a month's model, and painting the visible grid (one frame: 16 ms).

A family of four children, each enrolled in three activities with three units,
bookings in several states. Run: ``python -m pytest tests/benchmarks -m benchmark -k planning``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk.db.enums import UnitKind
from desk.services.planning import (
    CellState,
    ChildSlot,
    PlanningBlock,
    PlanningCell,
    PlanningChild,
    PlanningGrid,
    PlanningRow,
)
from desk.ui.planning_delegate import PlanningDelegate
from desk.ui.planning_model import PlanningModel

pytestmark = pytest.mark.benchmark

DAYS = tuple(date(2026, 12, 1) + timedelta(days=n) for n in range(31))
STATES = (CellState.NONE, CellState.PENDING, CellState.CONFIRMED, CellState.PENDING_CANCELLATION)


def family_month() -> PlanningGrid:
    children = tuple(PlanningChild(n, f"Enfant{n}", n, ("A", "B", "C")) for n in range(4))
    blocks = []
    for activity in range(3):
        rows = []
        for unit, kind in enumerate((UnitKind.MORNING, UnitKind.AFTERNOON, UnitKind.FULL_DAY)):
            cells = tuple(
                PlanningCell(day, activity * 1000 + unit * 100 + n if day.weekday() < 5 else None, 40, 40 - n, 400,
                             tuple(ChildSlot(c, c, STATES[(n + c + unit) % 4], None, 400, True, "") for c in range(4)))
                for n, day in enumerate(DAYS)
            )
            rows.append(PlanningRow(unit, f"Unité {unit}", kind, cells))
        blocks.append(PlanningBlock(activity, f"Activité {activity}", tuple(rows)))
    return PlanningGrid(1, None, DAYS, tuple(blocks), children, 0, 4, 1, 0, False)


def test_build_a_month_model(benchmark, qapp):
    grid = family_month()
    model = PlanningModel()
    benchmark(model.set_grid, grid, date(2026, 12, 2))
    assert model.rowCount() == 12 and model.columnCount() == 31
    assert benchmark.stats.stats.mean < 0.005


def test_paint_the_visible_grid(benchmark, qapp, qtbot):
    from PySide6.QtWidgets import QTableView

    model = PlanningModel()
    model.set_grid(family_month(), date(2026, 12, 2))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(PlanningDelegate(view))
    view.resize(1100, 560)
    view.show()
    benchmark(view.viewport().grab)  # paints every visible cell into a pixmap
    assert benchmark.stats.stats.mean < 0.016
