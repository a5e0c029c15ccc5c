"""What a person types is trimmed, bounded and refused, in French, when the databases could not store it."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable

import pytest

from desk.db.models import Family, FamilySearchTerm
from desk.db.search_terms import TERM_LENGTH
from desk.errors import ValidationError
from desk.services.validation import (
    ascii_digits,
    checked_text,
    column_length,
    has_forbidden_character,
    parse_ascii_int,
)

CITY = dict(field="city", label="Le nom de la ville", max_length=10)
UNSTORABLE = {"a control character": "Du\x07rand", "a NUL byte": "Du\x00rand", "an unpaired surrogate": "Du\ud800rand"}


def misjudged(attempt: Callable[[str, str], object], longest: dict[str, int]) -> list[str]:
    """What ``attempt(field, value)`` does wrong with the bad values of each field, given with its longest length.

    A value one character too long, or with a control character, a NUL byte or an
    unpaired surrogate, must raise a ValidationError that names the field.
    """
    wrong = []
    for field, length in longest.items():
        for what, value in {**UNSTORABLE, "too long": "7" * (length + 1)}.items():
            expected = "caractères au plus" if what == "too long" else "contient un caractère non autorisé"
            try:
                attempt(field, value)
            except ValidationError as refusal:
                if refusal.field != field or expected not in refusal.message:
                    wrong.append(f"{field}, {what}: {refusal.field} {refusal.message}")
            else:
                wrong.append(f"{field}, {what}: stored")
    return wrong


def test_text_is_trimmed_and_its_inner_spaces_folded():
    assert checked_text("  Saint   Jean\u00a0de\u3000Maurienne ", **{**CITY, "max_length": 100}) == "Saint Jean de Maurienne"
    assert checked_text("   ", **CITY) is None
    assert checked_text(None, **CITY) is None
    assert checked_text("Albertvil", **CITY) == "Albertvil"


def test_a_required_text_must_be_there():
    with pytest.raises(ValidationError) as caught:
        checked_text(" \u00a0 ", **CITY, required=True)
    assert (caught.value.message, caught.value.field) == ("Le nom de la ville est obligatoire.", "city")


def test_too_long_is_counted_after_folding_and_named_by_its_label():
    assert checked_text(" Albertvill  ", **CITY) == "Albertvill"  # ten characters: the most there may be
    with pytest.raises(ValidationError) as caught:
        checked_text("Albertville", **CITY)
    assert caught.value.message == "Le nom de la ville est trop long (10 caractères au plus)."
    assert caught.value.field == "city"
    with pytest.raises(ValidationError, match="La note est trop longue"):
        checked_text("x" * 11, field="note", label="La note", max_length=10)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\ud800", "\udfff"])
def test_control_characters_and_unpaired_surrogates_are_refused(character):
    with pytest.raises(ValidationError) as caught:
        checked_text(f"Albert{character}ville", **{**CITY, "max_length": 100})
    assert caught.value.message == "Le nom de la ville contient un caractère non autorisé."
    assert caught.value.field == "city"


def test_multiline_text_keeps_its_lines_and_tabs_but_no_other_control():
    note = dict(field="note", label="La note", max_length=100, multiline=True)
    assert checked_text("\n  Allergie :\tarachides  \r\nPAI   signé\r\n\n", **note) == "Allergie : arachides\nPAI signé"
    for character in ("\x00", "\x0b", "\x0c", "\ud83d"):
        with pytest.raises(ValidationError, match="La note contient un caractère non autorisé"):
            checked_text(f"ligne{character}", **note)


def test_the_refused_characters_are_exactly_unicode_controls_and_surrogates():
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        forbidden = unicodedata.category(character) in ("Cc", "Cs")
        assert has_forbidden_character(character) == forbidden, hex(code)
        assert has_forbidden_character(character, multiline=True) == (forbidden and character not in "\n\t"), hex(code)


def test_limits_come_from_the_columns():
    assert column_length(Family.city) == 100
    assert column_length(Family.postal_code) == 10
    assert column_length(FamilySearchTerm.term) == TERM_LENGTH
    with pytest.raises(TypeError, match="explicit limit"):
        column_length(Family.note)  # TEXT: its service sets the limit


@pytest.mark.parametrize(("text", "expected"), [("0123456789", True), ("", False), ("²", False), ("٣", False),
                                                ("１２", False), ("12a", False), ("-1", False), (" 1", False)])
def test_digits_are_ascii_digits_only(text, expected):
    assert ascii_digits(text) is expected


@pytest.mark.parametrize(("text", "number"), [("42", 42), ("00042", 42), ("2147483647", 2147483647),
                                              ("2147483648", None), ("9" * 5000, None), ("0" * 50 + "7", 7),
                                              ("²", None), ("٣", None), ("1e3", None), ("", None)])
def test_whole_numbers_fit_an_integer_column(text, number):
    assert parse_ascii_int(text) == number
