"""Human numbers: dossier numbers and receipt numbers, each from a gap-free counter."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.db.counters import next_counter_value

DOSSIER_COUNTER = "dossier"


def dossier_number(value: int) -> str:
    """``42`` → ``F-00042``."""
    return f"F-{value:05d}"


def receipt_counter(year: int) -> str:
    return f"receipt:{year}"


def receipt_code(year: int, number: int) -> str:
    """``2026-000123``: numbered per year, without gaps."""
    return f"{year}-{number:06d}"


def next_receipt_number(session: Session, year: int) -> int:
    """The year's next receipt number; concurrent desks wait their turn on the counter row."""
    return next_counter_value(session, receipt_counter(year))
