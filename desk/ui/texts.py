"""Small texts shared by several widgets (context "Texts" of the French catalogue)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject

from desk.money import format_cents


class Texts(QObject):
    """A QObject only so that ``self.tr`` gives lupdate a context and plural forms."""

    def balance(self, balance_cents: int) -> str:
        if balance_cents > 0:
            return self.tr("Balance due: %1").replace("%1", format_cents(balance_cents))
        if balance_cents < 0:
            return self.tr("Credit: %1").replace("%1", format_cents(-balance_cents))
        return self.tr("Nothing due")

    def years_old(self, age: int) -> str:
        return self.tr("%n year(s)", "", age)


@cache
def _texts() -> Texts:
    return Texts()


def balance_text(balance_cents: int) -> str:
    return _texts().balance(balance_cents)


def years_old(age: int) -> str:
    """``8 ans``, ``1 an``."""
    return _texts().years_old(age)


def child_with_age(first_name: str, age: int) -> str:
    """``Noah (8 ans)``."""
    return f"{first_name} ({years_old(age)})"
