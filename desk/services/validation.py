"""Checks on what a person types, made where it enters the services.

SQLite stores any string, PostgreSQL refuses a NUL byte or a value longer
than its column, and neither can encode an unpaired surrogate: each of these
is refused here, with a French message naming the field, before it reaches
the database. Limits come from the model's columns (``column_length``), so
they are written once.
"""

from __future__ import annotations

import re

from desk.errors import ValidationError

# Unicode category Cc (C0 and C1 controls, NUL included) and Cs (surrogates, which no encoding stores).
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_FORBIDDEN_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def column_length(column) -> int:
    """The declared length of a String column of the models: ``column_length(Family.city)`` is 100."""
    length = getattr(column.type, "length", None)
    if not length:
        raise TypeError(f"{column} has no declared length: give its service an explicit limit")
    return length


def has_forbidden_character(text: str, *, multiline: bool = False) -> bool:
    """A control character (newline and tab allowed in multiline text) or an unpaired surrogate."""
    return (_FORBIDDEN_MULTILINE if multiline else _FORBIDDEN).search(text) is not None


def checked_text(value: str | None, *, field: str, label: str, max_length: int, required: bool = False,
                 multiline: bool = False) -> str | None:
    """The value trimmed, inner runs of spaces folded (lines kept when ``multiline``); None when empty.

    ``label`` names the field as a sentence starts (« Le nom de la ville »); a
    label starting with « La » makes the adjectives feminine.
    """
    if multiline and value is not None:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value is not None and has_forbidden_character(value, multiline=multiline):
        raise ValidationError(f"{label} contient un caractère non autorisé.",
                              "Retapez le texte sans caractère spécial (un copier-coller en apporte parfois).", field=field)
    text = _folded(value or "", multiline)
    if not text:
        if required:
            raise ValidationError(f"{label} est obligatoire.", field=field)
        return None
    if len(text) > max_length:
        long = "longue" if label.startswith("La ") else "long"
        raise ValidationError(f"{label} est trop {long} ({max_length} caractères au plus).", "Raccourcissez le texte.",
                              field=field)
    return text


def _folded(text: str, multiline: bool) -> str:
    if not multiline:
        return " ".join(text.split())
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")


def ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 only (``str.isdigit`` also takes « ² » and « ٣ »)."""
    return text.isascii() and text.isdigit()


def parse_ascii_int(text: str, maximum: int = 2_147_483_647) -> int | None:
    """A whole number typed in 0-9 digits, at most ``maximum`` (PostgreSQL's INTEGER by default); None otherwise."""
    if not ascii_digits(text) or len(text.lstrip("0")) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None
