"""The normalised words a family can be found by, and how a typed word is normalised.

A family is indexed by the words of its name, of every member's first and last
name, its dossier number, its phones and e-mails, all reduced to lowercase
ASCII without accents, hyphens or apostrophes. A search word then matches a
term by prefix with a plain index range scan (``term >= w AND term < w||'~'``),
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Kinds of term, used for ranking: an exact dossier number first, then an exact surname.
DOSSIER = "dossier"
SURNAME = "surname"
NAME = "name"
PHONE = "phone"
EMAIL = "email"

# Everything a term can contain sorts below this character, so ``w`` to
# ``w + PREFIX_END`` is exactly the range of terms starting with ``w``.
PREFIX_END = "\x7f"

# The length of ``FamilySearchTerm.term``: longer terms and typed words are cut, the same way, to fit it.
TERM_LENGTH = 120

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_JOINERS = re.compile(r"['’ʼ‘`\-‐‑–]")
_NOT_TERM = re.compile(r"[^a-z0-9.@_+]")
_WORD_SPLIT = re.compile(r"[\s,;/]+")
_PHONE_TYPED = re.compile(r"^[\s.+()0-9-]+$")
_DOSSIER = re.compile(r"^f-?0*([0-9]+)$")
_NOT_DIGIT = re.compile(r"[^0-9]")


def fold(text: str) -> str:
    """Lowercase ASCII, accents and ligatures undone: ``Éloïse`` → ``eloise``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise_word(word: str) -> str:
    """One typed or stored word as a term: ``D'Agostino`` → ``dagostino``."""
    return _NOT_TERM.sub("", _JOINERS.sub("", fold(word)))


def phone_digits(phone: str) -> str:
    """``+33 6 12 34 56 78`` and ``06.12.34.56.78`` → ``0612345678``."""
    digits = _NOT_DIGIT.sub("", phone)
    if phone.strip().startswith("+33") or digits.startswith("0033"):
        digits = "0" + digits[4:] if digits.startswith("0033") else "0" + digits[2:]
    return digits


def name_terms(name: str) -> set[str]:
    """A name's words, plus the whole name run together (``de la fontaine`` → ``delafontaine``)."""
    parts = [normalise_word(p) for p in re.split(r"[\s\-‐‑'’ʼ]+", name) if p]
    terms = {p for p in parts if p}
    joined = normalise_word(name.replace(" ", ""))
    if joined:
        terms.add(joined)
    return terms


def dossier_terms(dossier_number: str) -> set[str]:
    """``F-00042`` can be typed as ``F-00042``, ``f00042``, ``00042`` or ``42``."""
    folded = normalise_word(dossier_number)
    match = _DOSSIER.match(fold(dossier_number))
    terms = {folded}
    if match:
        digits = fold(dossier_number).split("-")[-1].lstrip("f")
        terms |= {digits, match.group(1)}
    return terms


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    phone: str | None = None
    email: str | None = None


def family_terms(
    *,
    dossier_number: str,
    family_name: str,
    phone: str | None,
    email: str | None,
    people: Iterable[Person],
) -> set[tuple[str, str]]:
    """Every (term, kind) a family is found by."""
    terms: set[tuple[str, str]] = {(t, DOSSIER) for t in dossier_terms(dossier_number)}
    terms |= {(t, SURNAME) for t in name_terms(family_name)}
    phones = {phone} if phone else set()
    emails = {email} if email else set()
    for person in people:
        terms |= {(t, SURNAME) for t in name_terms(person.last_name)}
        terms |= {(t, NAME) for t in name_terms(person.first_name)}
        if person.phone:
            phones.add(person.phone)
        if person.email:
            emails.add(person.email)
    terms |= {(phone_digits(p), PHONE) for p in phones if phone_digits(p)}
    terms |= {(normalise_word(e), EMAIL) for e in emails if normalise_word(e)}
    return _without_shadowed_kinds({(t[:TERM_LENGTH], kind) for t, kind in terms})


def _without_shadowed_kinds(terms: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """A word that is both a surname and a first name is kept once, as a surname."""
    surnames = {t for t, kind in terms if kind == SURNAME}
    return {(t, kind) for t, kind in terms if not (kind == NAME and t in surnames)}


def query_words(query: str) -> list[str]:
    """The words of a typed query, normalised; a phone typed with spaces is one word."""
    stripped = query.strip()
    if not stripped:
        return []
    if _PHONE_TYPED.match(stripped) and len(_NOT_DIGIT.sub("", stripped)) >= 4 and " " in stripped:
        return [phone_digits(stripped)[:TERM_LENGTH]]
    words = []
    for raw in _WORD_SPLIT.split(stripped):
        word = phone_digits(raw) if raw.startswith(("+33", "0033")) else normalise_word(raw)
        if word:
            words.append(word[:TERM_LENGTH])
    return words
