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
        return self.tr("Account up to date")

    def years_old(self, age: int) -> str:
        return self.tr("%n year(s)", "", age)

    def places_left(self, left: int, capacity: int) -> str:
        return self.tr("%n place(s) left of %1", "", left).replace("%1", str(capacity))


@cache
def _texts() -> Texts:
    return Texts()


def balance_text(balance_cents: int) -> str:
    return _texts().balance(balance_cents)


def years_old(age: int) -> str:
    """``8 ans``, ``1 an``."""
    return _texts().years_old(age)


def places_left_text(left: int, capacity: int) -> str:
    """``1 place restante sur 24``, ``3 places restantes sur 24``: singular or plural, never « place(s) »."""
    return _texts().places_left(left, capacity)


_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüÿœæ")


def of_town(town: str) -> str:
    """The town with the French preposition *de*, elided or contracted as it is written:
    ``d'Albertville``, ``d'Hyères``, ``de Chambéry``, ``du Havre`` (Le Havre), ``des Contamines`` (Les …)."""
    name = " ".join(town.split())
    lowered = name.lower()
    if lowered.startswith("le "):
        return f"du {name[3:]}"
    if lowered.startswith("les "):
        return f"des {name[4:]}"
    if lowered[:1] in _VOWELS:
        return f"d'{name}"
    return f"de {name}"


def child_with_age(first_name: str, age: int) -> str:
    """``Noah (8 ans)``."""
    return f"{first_name} ({years_old(age)})"
