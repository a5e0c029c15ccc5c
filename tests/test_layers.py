"""The layers of PRODUCT.md, read off the source: the windows never touch SQL, the services never Qt.

The windows ask the database only through the application services built at
start-up (``desk.services.application``); the raw unit of work behind them is
for the services and the tests, never for a window.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mypy.api
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _attributes(path: Path) -> set[str]:
    return {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute)}


@pytest.mark.parametrize("path", _modules("desk/ui"), ids=lambda path: path.name)
def test_a_window_neither_writes_sql_nor_opens_a_transaction(path):
    imported = _imports(path)
    assert not {name for name in imported if name.split(".")[0] == "sqlalchemy"}, "SQL in a window"
    assert "desk.db.transactions" not in imported
    used = _attributes(path)
    assert not used & {"work", "session_factory", "read_session_factory", "write", "execute"}, (
        "a window asks the application services, on its runner")


@pytest.mark.parametrize("path", _modules("desk/services"), ids=lambda path: str(path.relative_to(ROOT)))
def test_a_service_never_imports_qt(path):
    assert not {name for name in _imports(path) if name.startswith("PySide6")}


@pytest.mark.parametrize("path", _modules("reports"), ids=lambda path: path.name)
def test_a_report_takes_plain_data(path):
    roots = {name.split(".")[0] for name in _imports(path)}
    assert not roots & {"sqlalchemy", "PySide6"}
    assert "desk.db" not in {name[:7] for name in _imports(path)}


MISUSE = '''
from desk.services.application import DeskServices
from desk.services.ids import ChildId, FamilyId, PaymentId

def counter(services: DeskServices) -> None:
    services.planning.basket(FamilyId(1))
    services.planning.basket(ChildId(1))
    services.payments.receipt(FamilyId(1))
    services.families.enrol(PaymentId(1), 4)
'''


def test_family_child_and_payment_ids_cannot_be_swapped_at_the_services(tmp_path):
    """The application services type-check, and a child's id where a family's goes is an error."""
    checked = [str(ROOT / "desk/services" / name) for name in ("application.py", "ids.py", "work.py")]
    out, _err, status = mypy.api.run(["--follow-imports=silent", "--ignore-missing-imports", "--no-incremental", *checked])
    assert status == 0, out
    misuse = tmp_path / "misuse.py"
    misuse.write_text(MISUSE, encoding="utf-8")
    out, _err, status = mypy.api.run(["--follow-imports=silent", "--ignore-missing-imports", "--no-incremental",
                                 str(misuse)])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["7", "8", "9"], out
    assert all("arg-type" in line for line in errors)
