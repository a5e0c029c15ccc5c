"""Plausible French families for the demo and the scale generator (deterministic by seed)."""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any

CHILDREN_PER_FAMILY = (1, 2, 3, 4)
CHILDREN_WEIGHTS = (0.42, 0.38, 0.15, 0.05)  # about 1.8 children per family


@lru_cache(maxsize=1)
def name_lists() -> dict[str, Any]:
    return json.loads(files("desk.resources").joinpath("demo/names.json").read_text(encoding="utf-8"))


@dataclass
class GuardianSpec:
    first_name: str
    last_name: str
    relationship_label: str
    phone: str
    email: str
    is_primary: bool


@dataclass
class ChildSpec:
    first_name: str
    last_name: str
    birth_date: date
    symbol_index: int


@dataclass
class FamilySpec:
    name: str
    address_line: str
    postal_code: str
    city: str
    phone: str
    email: str
    quotient_familial: int | None
    guardians: list[GuardianSpec] = field(default_factory=list)
    children: list[ChildSpec] = field(default_factory=list)


def ascii_slug(text: str) -> str:
    """``Éloïse D'Agostino`` → ``eloise-dagostino``: for e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("'", "").replace(" ", "-")
    return "".join(c for c in plain if c.isalnum() or c == "-")


def mobile_phone(rng: random.Random) -> str:
    digits = [rng.choice("67")] + [str(rng.randrange(10)) for _ in range(8)]
    number = "0" + "".join(digits)
    return " ".join(number[i : i + 2] for i in range(0, 10, 2))


class FamilyFactory:
    """Makes families from a seeded random generator; same seed, same families."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.names = name_lists()

    def family(self, serial: int) -> FamilySpec:
        """A family; ``serial`` makes its e-mail addresses unique."""
        rng, names = self.rng, self.names
        surname = rng.choice(names["surnames"])
        postal_code, city = rng.choice(names["cities"])
        mother = self._guardian(rng.choice(names["women"]), surname, "Mère", serial, primary=True)
        spec = FamilySpec(
            name=surname,
            address_line=f"{rng.randint(1, 140)} {rng.choice(names['streets'])}",
            postal_code=postal_code,
            city=city,
            phone=mother.phone,
            email=mother.email,
            quotient_familial=None if rng.random() < 0.1 else rng.randrange(150, 2600, 10),
            guardians=[mother],
        )
        if rng.random() < 0.75:
            father_surname = surname if rng.random() < 0.8 else rng.choice(names["surnames"])
            spec.guardians.append(self._guardian(rng.choice(names["men"]), father_surname, "Père", serial, primary=False))
        count = rng.choices(CHILDREN_PER_FAMILY, CHILDREN_WEIGHTS)[0]
        first_names: set[str] = set()
        while len(first_names) < count:
            first_names.add(rng.choice(names["boys"] if rng.random() < 0.5 else names["girls"]))
        births = sorted(self._birth_date() for _ in range(count))
        spec.children = [
            ChildSpec(first_name, surname, birth, index)
            for index, (first_name, birth) in enumerate(zip(sorted(first_names, key=lambda _: rng.random()), births, strict=False))
        ]
        return spec

    def _guardian(self, first_name: str, surname: str, relationship: str, serial: int, *, primary: bool) -> GuardianSpec:
        domain = self.rng.choice(self.names["mail_domains"])
        email = f"{ascii_slug(first_name)}.{ascii_slug(surname)}.{serial}@{domain}"
        return GuardianSpec(first_name, surname, relationship, mobile_phone(self.rng), email, primary)

    def _birth_date(self) -> date:
        """Children from 1 to 14 years old, most of them of leisure-centre age."""
        age_days = self.rng.randint(365, 14 * 365)
        return self.today - timedelta(days=age_days)


def durand_family(today: date) -> FamilySpec:
    """The walkthrough family: DURAND with Noah, Léa and Hugo, not yet enrolled."""

    def born(years: int, month: int, day: int) -> date:
        return date(today.year - years, month, day)

    return FamilySpec(
        name="DURAND",
        address_line="8 rue des Pommiers",
        postal_code="73200",
        city="Albertville",
        phone="06 12 34 56 78",
        email="julie.durand@exemple.fr",
        quotient_familial=1450,
        guardians=[
            GuardianSpec("Julie", "DURAND", "Mère", "06 12 34 56 78", "julie.durand@exemple.fr", True),
            GuardianSpec("Thomas", "DURAND", "Père", "07 98 76 54 32", "thomas.durand@exemple.fr", False),
        ],
        children=[
            ChildSpec("Noah", "DURAND", born(8, 3, 14), 0),
            ChildSpec("Léa", "DURAND", born(6, 9, 2), 1),
            ChildSpec("Hugo", "DURAND", born(4, 5, 27), 2),
        ],
    )
