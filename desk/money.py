"""Money is integer cents; people read it the French way: ``14,00 €``."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency

LOCALE = "fr_FR"


def format_cents(cents: int) -> str:
    """``1400`` → ``14,00 €`` (babel's French format, narrow no-break spaces included)."""
    return format_currency(Decimal(cents).scaleb(-2), "EUR", locale=LOCALE)


def parse_euros(text: str) -> int | None:
    """What an agent types for an amount, in cents: ``20``, ``20,5``, ``20,50 €``, ``1 234,00``.

    None when it is not an amount (letters, more than two decimals, negative).
    """
    cleaned = text.strip().replace("€", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.replace(",", ".")
    if not cleaned or cleaned.count(".") > 1:
        return None
    euros, _, cents = cleaned.partition(".")
    if not euros:
        euros = "0"
    if not euros.isdigit() or (cents and (not cents.isdigit() or len(cents) > 2)):
        return None
    return int(euros) * 100 + int((cents + "00")[:2])
