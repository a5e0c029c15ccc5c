"""Small texts shared by several widgets, translated in the "FamilyFile" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk.money import format_cents


def balance_text(balance_cents: int) -> str:
    if balance_cents > 0:
        return QCoreApplication.translate("FamilyFile", "Balance due: %1").replace("%1", format_cents(balance_cents))
    if balance_cents < 0:
        return QCoreApplication.translate("FamilyFile", "Credit: %1").replace("%1", format_cents(-balance_cents))
    return QCoreApplication.translate("FamilyFile", "Nothing due")


def years_old(age: int) -> str:
    """``8 ans``, ``1 an``."""
    return QCoreApplication.translate("FamilyFile", "%n year(s)", "", age)


def child_with_age(first_name: str, age: int) -> str:
    """``Noah (8 ans)``."""
    return f"{first_name} ({years_old(age)})"
