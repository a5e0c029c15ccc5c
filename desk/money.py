"""Money is integer cents; people read it the French way: ``14,00 €``."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency

LOCALE = "fr_FR"


def format_cents(cents: int) -> str:
    """``1400`` → ``14,00 €`` (babel's French format, narrow no-break spaces included)."""
    return format_currency(Decimal(cents).scaleb(-2), "EUR", locale=LOCALE)
