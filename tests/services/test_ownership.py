"""One owner of the booking and money lifecycle: no other module writes what it owns.

Read off the code itself: outside ``desk/services/lifecycle`` (and the journal
it writes through, and the generator's bulk history), nothing constructs a
booking, basket, payment, payment line, allocation, receipt or ledger entry,
updates those tables, or assigns a booking's or basket's state or an open
day's place count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import desk

OWNED_MODELS = {"Booking", "Basket", "Payment", "PaymentLine", "PaymentAllocation", "Receipt", "LedgerEntry"}
OWNED_ATTRIBUTES = {"places_taken", "cancellation_basket_id", "hold_expires_at"}
PACKAGE = Path(desk.__file__).parent
OWNERS = {PACKAGE / "services" / "lifecycle"}
# The generator writes, in bulk, history of the lifecycle's own shape (``verify_journal`` checks it like the rest);
# the database helpers open the basket the lifecycle locks.
EXCEPTIONS = {PACKAGE / "services" / "scale_data.py", PACKAGE / "db" / "baskets.py"}


def foreign_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in OWNED_MODELS:
                found.append(f"{path.name}:{node.lineno} builds a {node.func.id}")
            if node.func.id in ("update", "delete", "insert") and node.args and \
                    isinstance(node.args[0], ast.Name) and node.args[0].id in OWNED_MODELS:
                found.append(f"{path.name}:{node.lineno} {node.func.id}s {node.args[0].id}")
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "places_taken" and not (isinstance(keyword.value, ast.Constant) and keyword.value.value == 0):
                    found.append(f"{path.name}:{node.lineno} sets places_taken")
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and (target.attr in OWNED_ATTRIBUTES or
                                                          (target.attr == "state" and _is_model_state(node))):
                    found.append(f"{path.name}:{node.lineno} assigns .{target.attr}")
    return found


def _is_model_state(node: ast.Assign | ast.AugAssign) -> bool:
    value = node.value
    return isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and \
        value.value.id in ("BookingState", "BasketState")


def test_no_module_outside_the_lifecycle_writes_what_it_owns():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in EXCEPTIONS or any(owner in path.parents for owner in OWNERS) or "migrations" in path.parts:
            continue
        offenders += foreign_writes(path)
    assert offenders == []


def test_the_scan_sees_a_foreign_write(tmp_path):
    sample = tmp_path / "intruder.py"
    sample.write_text("def sneak(session, booking):\n"
                      "    booking.state = BookingState.CONFIRMED\n"
                      "    session.execute(update(OpenDay).values(places_taken=OpenDay.places_taken + 1))\n"
                      "    session.add(LedgerEntry(amount_cents=-100))\n", encoding="utf-8")
    assert len(foreign_writes(sample)) == 3  # the state, the places (a capacity alone is the catalogue's), the credit
