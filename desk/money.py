"""Money is integer cents; people read it the French way: ``14,00 €``."""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency

LOCALE = "fr_FR"

# The most an amount typed at the counter may be: one million euros, far below PostgreSQL's
# INTEGER (2 147 483 647 cents), so that a few such amounts added together still fit one.
MAX_CENTS = 100_000_000

_SPACES = re.compile("[ \u00a0\u202f]")
_AMOUNT = re.compile(r"(?P<euros>[0-9]{0,9})(?:[.,](?P<cents>[0-9]{0,2}))?")


def format_cents(cents: int) -> str:
    """``1400`` → ``14,00 €`` (babel's French format, narrow no-break spaces included)."""
    return format_currency(Decimal(cents).scaleb(-2), "EUR", locale=LOCALE)


def amount_text(cents: int) -> str:
    """``1400`` → ``14,00``: an amount as an agent types it, to pre-fill a field ``parse_euros`` reads back."""
    return f"{cents // 100},{cents % 100:02d}"


def parse_euros(text: str) -> int | None:
    """What an agent types for an amount, in cents: ``20``, ``20,5``, ``20,50 €``, ``1 234,00``.

    None when it is not an amount: letters, digits other than 0-9 (« ² », « ٣ »), more
    than two decimals, a sign, or more than ``MAX_CENTS``.
    """
    cleaned = _SPACES.sub("", text.strip().removesuffix("€"))
    amount = _AMOUNT.fullmatch(cleaned)
    if amount is None:
        return None
    euros, cents = amount["euros"], amount["cents"] or ""
    if not euros and not cents:
        return None
    total = int(euros or "0") * 100 + int((cents + "00")[:2])
    return total if total <= MAX_CENTS else None
