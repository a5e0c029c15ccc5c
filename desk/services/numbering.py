"""Human numbers: dossier, receipt, remittance and versement numbers, each from a gap-free counter."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.counters import next_counter_value
from desk.db.models import Receipt
from desk.errors import DeskError

DOSSIER_COUNTER = "dossier"


def dossier_number(value: int) -> str:
    """``42`` → ``F-00042``."""
    return f"F-{value:05d}"


def receipt_counter(year: int) -> str:
    return f"receipt:{year}"


def receipt_code(year: int, number: int) -> str:
    """``2026-000123``: numbered per year, without gaps."""
    return f"{year}-{number:06d}"


def remittance_counter(year: int) -> str:
    return f"remittance:{year}"


def remittance_code(year: int, number: int) -> str:
    """``R2026-0004``: a cheque remittance slip, numbered per year without gaps."""
    return f"R{year}-{number:04d}"


def versement_counter(year: int) -> str:
    return f"versement:{year}"


def versement_code(year: int, number: int) -> str:
    """``V2026-0011``: a versement to the comptable, numbered per year without gaps."""
    return f"V{year}-{number:04d}"


def next_receipt_number(session: Session, year: int) -> int:
    """The year's next receipt number; concurrent desks wait their turn on the counter row."""
    return next_counter_value(session, receipt_counter(year))


def parse_receipt_code(code: str) -> tuple[int, int]:
    """``2026-000123`` (or ``2026-123``) → (2026, 123)."""
    match = re.fullmatch(r"\s*(\d{4})-0*(\d+)\s*", code)
    if match is None:
        raise DeskError(f"« {code} » n'est pas un numéro de ticket.", "Exemple : 2026-000123.")
    return int(match.group(1)), int(match.group(2))


def find_payment_of_receipt(session: Session, year: int, number: int) -> int:
    payment_id = session.scalar(select(Receipt.payment_id).where(Receipt.year == year, Receipt.number == number))
    if payment_id is None:
        raise DeskError(f"Aucun ticket {receipt_code(year, number)} dans cette base.", "Vérifiez le numéro et l'année.")
    return payment_id
