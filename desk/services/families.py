"""Family files: create, edit and read a family with its guardians and children.

Every mistake a user can make is reported in French, all at once, each tied
to the field it concerns (``name``, ``guardians[0].email``,
``children[1].birth_date``…) so that a form can show it next to the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, joinedload

from desk.clock import Clock, local_today
from desk.db.counters import next_counter_value
from desk.db.models import Child, Enrolment, Family, Guardian
from desk.db.pipeline import Batch, together
from desk.db.search_terms import normalise_word
from desk.errors import DeskError, ValidationError
from desk.services.numbering import DOSSIER_COUNTER, dossier_number
from desk.services.pricing import family_balance_column
from desk.services.search import age_on, reindex_family
from desk.services.validation import checked_text, column_length, has_forbidden_character

OLDEST_CHILD_YEARS = 25
MAX_QUOTIENT = 100_000
NOTE_MAX_LENGTH = 2_000  # the note column is TEXT: this is the service's own limit

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_DOSSIER = re.compile(r"F-[0-9]{5,}")
_POSTAL_CODE = re.compile(r"[0-9]{5}")


@dataclass
class GuardianDraft:
    first_name: str
    last_name: str
    relationship_label: str = "Responsable"
    phone: str | None = None
    email: str | None = None
    is_primary: bool = False
    id: int | None = None


@dataclass
class ChildDraft:
    first_name: str
    last_name: str
    birth_date: date | None
    id: int | None = None


@dataclass
class FamilyDraft:
    """What a form holds for a family file; ids say which existing rows are edited."""

    name: str
    guardians: list[GuardianDraft] = field(default_factory=list)
    children: list[ChildDraft] = field(default_factory=list)
    address_line: str | None = None
    postal_code: str | None = None
    city: str | None = None
    phone: str | None = None
    email: str | None = None
    quotient_familial: int | None = None
    note: str | None = None
    dossier_number: str | None = None


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class FamilyValidationError(ValidationError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(
            "Le dossier contient des erreurs : " + " ; ".join(e.message for e in errors),
            "Corrigez les champs signalés puis enregistrez à nouveau.",
            field=errors[0].field,
        )
        self.errors = errors


@dataclass(frozen=True)
class DuplicateCandidate:
    family_id: int
    name: str
    dossier_number: str
    child_first_name: str
    child_birth_date: date


class PossibleDuplicateError(DeskError):
    """A family that may already exist; the agent confirms before a second file is created."""

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        first = candidates[0]
        super().__init__(
            f"Cette famille existe peut-être déjà : {first.name} (dossier {first.dossier_number}) a un enfant "
            f"{first.child_first_name} né le {first.child_birth_date:%d/%m/%Y}.",
            "Ouvrez le dossier existant, ou confirmez la création d'un nouveau dossier.",
        )
        self.candidates = candidates


@dataclass(frozen=True)
class GuardianView:
    id: int
    first_name: str
    last_name: str
    relationship_label: str
    phone: str | None
    email: str | None
    is_primary: bool


@dataclass(frozen=True)
class ChildView:
    id: int
    first_name: str
    last_name: str
    birth_date: date
    age: int
    symbol_index: int


@dataclass(frozen=True)
class FamilyFile:
    id: int
    dossier_number: str
    name: str
    address_line: str | None
    postal_code: str | None
    city: str | None
    phone: str | None
    email: str | None
    quotient_familial: int | None
    note: str | None
    guardians: tuple[GuardianView, ...]
    children: tuple[ChildView, ...]
    balance_cents: int

    def as_draft(self) -> FamilyDraft:
        """The file as a form would hold it, ready to edit and save back."""
        return FamilyDraft(
            name=self.name, address_line=self.address_line, postal_code=self.postal_code, city=self.city,
            phone=self.phone, email=self.email, quotient_familial=self.quotient_familial, note=self.note,
            dossier_number=self.dossier_number,
            guardians=[GuardianDraft(g.first_name, g.last_name, g.relationship_label, g.phone, g.email, g.is_primary, g.id)
                       for g in self.guardians],
            children=[ChildDraft(c.first_name, c.last_name, c.birth_date, c.id) for c in self.children],
        )


# -- formatting and checking single values ----------------------------------


def normalise_phone(raw: str) -> str | None:
    """``0612345678``, ``+33 6 12 34 56 78`` → ``06 12 34 56 78``; None when not a phone number.

    Foreign numbers keep their ``+`` and country code, spaced by two digits.
    """
    compact = re.sub(r"[\s.\-()/]", "", raw.replace("(0)", ""))
    if compact.startswith("0033"):
        compact = "+33" + compact[4:]
    if compact.startswith("+33"):
        compact = "0" + compact[3:]
    if re.fullmatch(r"0[1-9][0-9]{8}", compact):
        return " ".join(compact[i : i + 2] for i in range(0, 10, 2))
    if re.fullmatch(r"\+[1-9][0-9]{7,14}", compact):
        return compact
    return None


def normalise_email(raw: str) -> str | None:
    """A trimmed, lowercased address, or None when it is not one."""
    text = raw.strip().lower()
    valid = len(text) <= column_length(Family.email) and _EMAIL.fullmatch(text) and not has_forbidden_character(text)
    return text if valid else None


def _text(raw: str | None, where: str, label: str, max_length: int, errors: list[FieldError], *,
          required: bool = False, multiline: bool = False) -> str | None:
    """``checked_text``, its refusal added to ``errors`` so that every mistake is reported at once."""
    try:
        return checked_text(raw, field=where, label=label, max_length=max_length, required=required,
                            multiline=multiline)
    except ValidationError as refusal:
        errors.append(FieldError(where, refusal.message))
        return None


def _check_phone(raw: str | None, where: str, label: str, max_length: int, errors: list[FieldError]) -> str | None:
    text = _text(raw, where, label, max_length, errors)
    if text is None:
        return None
    phone = normalise_phone(text)
    if phone is None:
        errors.append(FieldError(where, f"Numéro de téléphone invalide : « {text} » (par exemple 06 12 34 56 78)."))
    return phone or text


def _check_email(raw: str | None, where: str, label: str, max_length: int, errors: list[FieldError]) -> str | None:
    text = _text(raw, where, label, max_length, errors)
    if text is None:
        return None
    email = normalise_email(text)
    if email is None:
        errors.append(FieldError(where, f"Adresse électronique invalide : « {text} » (par exemple nom@exemple.fr)."))
    return email or text


def _check_name(raw: str | None, where: str, label: str, max_length: int, errors: list[FieldError], *,
                upper: bool = False) -> str:
    # Upper-cased before the length check: « ß » becomes « SS ».
    return _text(raw.upper() if upper and raw else raw, where, label, max_length, errors, required=True) or ""


def _check_birth_date(birth: date | None, where: str, first_name: str, today: date, errors: list[FieldError]) -> None:
    who = first_name or "l'enfant"
    if birth is None:
        errors.append(FieldError(where, f"La date de naissance de {who} est obligatoire."))
    elif birth > today:
        errors.append(FieldError(where, f"La date de naissance de {who} ({birth:%d/%m/%Y}) est dans le futur."))
    elif age_on(birth, today) >= OLDEST_CHILD_YEARS:
        errors.append(FieldError(
            where, f"La date de naissance de {who} ({birth:%d/%m/%Y}) donne plus de {OLDEST_CHILD_YEARS} ans : vérifiez l'année."
        ))


# -- validating a whole draft ------------------------------------------------


def validate_family(draft: FamilyDraft, today: date) -> FamilyDraft:
    """A cleaned copy of the draft; raises FamilyValidationError listing every problem."""
    errors: list[FieldError] = []
    clean = FamilyDraft(
        name=_check_name(draft.name, "name", "Le nom de la famille", column_length(Family.name), errors,
                         upper=True),
        address_line=_text(draft.address_line, "address_line", "La ligne d'adresse",
                           column_length(Family.address_line), errors),
        postal_code=_text(draft.postal_code, "postal_code", "Le code postal", column_length(Family.postal_code), errors),
        city=_text(draft.city, "city", "Le nom de la ville", column_length(Family.city), errors),
        phone=_check_phone(draft.phone, "phone", "Le téléphone de la famille", column_length(Family.phone), errors),
        email=_check_email(draft.email, "email", "Le courriel de la famille", column_length(Family.email), errors),
        quotient_familial=draft.quotient_familial,
        note=_text(draft.note, "note", "La note", NOTE_MAX_LENGTH, errors, multiline=True),
        dossier_number=_text(draft.dossier_number, "dossier_number", "Le numéro de dossier",
                             column_length(Family.dossier_number), errors),
    )
    if clean.postal_code and not _POSTAL_CODE.fullmatch(clean.postal_code):
        errors.append(FieldError("postal_code", f"Code postal invalide : « {clean.postal_code} » (5 chiffres)."))
    if clean.quotient_familial is not None and not 0 <= clean.quotient_familial <= MAX_QUOTIENT:
        errors.append(FieldError("quotient_familial", "Le quotient familial doit être compris entre 0 et 100 000 €."))
    if clean.dossier_number is not None:
        clean.dossier_number = clean.dossier_number.upper()
        if not _DOSSIER.fullmatch(clean.dossier_number):
            errors.append(FieldError("dossier_number", f"Numéro de dossier invalide : « {clean.dossier_number} » (par exemple F-00042)."))
    if not draft.guardians:
        errors.append(FieldError("guardians", "Un dossier a au moins un responsable."))
    clean.guardians = [_validate_guardian(guardian, f"guardians[{index}]", errors)
                       for index, guardian in enumerate(draft.guardians)]
    if sum(g.is_primary for g in clean.guardians) > 1:
        errors.append(FieldError("guardians", "Un seul responsable peut être le responsable principal."))
    elif clean.guardians and not any(g.is_primary for g in clean.guardians):
        clean.guardians[0].is_primary = True
    clean.children = [_validate_child(child, f"children[{index}]", draft.name, today, errors)
                      for index, child in enumerate(draft.children)]
    if errors:
        raise FamilyValidationError(errors)
    return clean


def _validate_guardian(guardian: GuardianDraft, where: str, errors: list[FieldError]) -> GuardianDraft:
    return GuardianDraft(
        first_name=_check_name(guardian.first_name, f"{where}.first_name", "Le prénom du responsable",
                               column_length(Guardian.first_name), errors),
        last_name=_check_name(guardian.last_name, f"{where}.last_name", "Le nom du responsable",
                              column_length(Guardian.last_name), errors, upper=True),
        relationship_label=_text(guardian.relationship_label, f"{where}.relationship_label", "Le lien de parenté",
                                 column_length(Guardian.relationship_label), errors) or "Responsable",
        phone=_check_phone(guardian.phone, f"{where}.phone", "Le téléphone du responsable",
                           column_length(Guardian.phone), errors),
        email=_check_email(guardian.email, f"{where}.email", "Le courriel du responsable",
                           column_length(Guardian.email), errors),
        is_primary=guardian.is_primary,
        id=guardian.id,
    )


def _validate_child(child: ChildDraft, where: str, family_name: str, today: date,
                    errors: list[FieldError]) -> ChildDraft:
    first_name = _check_name(child.first_name, f"{where}.first_name", "Le prénom de l'enfant",
                             column_length(Child.first_name), errors)
    last_name = _check_name(child.last_name or family_name, f"{where}.last_name", "Le nom de l'enfant",
                            column_length(Child.last_name), errors, upper=True)
    _check_birth_date(child.birth_date, f"{where}.birth_date", first_name, today, errors)
    return ChildDraft(first_name, last_name, child.birth_date, child.id)


def find_possible_duplicates(session: Session, draft: FamilyDraft, exclude_family_id: int | None = None) -> list[DuplicateCandidate]:
    """Families with the same surname and a child of the same first name and birth date."""
    surname = normalise_word(draft.name)
    wanted = {(normalise_word(c.first_name), c.birth_date) for c in draft.children if c.birth_date}
    if not surname or not wanted:
        return []
    rows = session.execute(
        select(Family.id, Family.name, Family.dossier_number, Child.first_name, Child.birth_date)
        .join(Child, Child.family_id == Family.id)
        .where(Child.birth_date.in_({birth for _, birth in wanted}))
        .order_by(Family.id)
    ).all()
    return [
        DuplicateCandidate(*row)
        for row in rows
        if row.id != exclude_family_id
        and normalise_word(row.name) == surname
        and (normalise_word(row.first_name), row.birth_date) in wanted
    ]


# -- writing -----------------------------------------------------------------


def create_family(session: Session, clock: Clock, draft: FamilyDraft, *, accept_possible_duplicate: bool = False) -> FamilyFile:
    """Create a family file; a possible duplicate is refused until the agent accepts it."""
    today = local_today(clock)
    clean = validate_family(draft, today)
    if not accept_possible_duplicate:
        candidates = find_possible_duplicates(session, clean)
        if candidates:
            raise PossibleDuplicateError(candidates)
    dossier = clean.dossier_number or _next_free_dossier_number(session)
    _ensure_dossier_free(session, dossier, exclude_family_id=None)
    family = Family(dossier_number=dossier, created_at=clock.now())
    _apply(family, clean)
    session.add(family)
    _apply_members(session, family, clean)
    reindex_family(session, family)
    return load_family(session, family.id, today)


def update_family(session: Session, clock: Clock, family_id: int, draft: FamilyDraft) -> FamilyFile:
    today = local_today(clock)
    clean = validate_family(draft, today)
    family = _family(session, family_id)
    if clean.dossier_number and clean.dossier_number != family.dossier_number:
        _ensure_dossier_free(session, clean.dossier_number, exclude_family_id=family_id)
        family.dossier_number = clean.dossier_number
    _apply(family, clean)
    _apply_members(session, family, clean)
    reindex_family(session, family)
    return load_family(session, family.id, today)


def some_family_id(session: Session) -> int | None:
    """A family of the town, any one (the first created); None in an empty town."""
    return session.scalar(select(Family.id).order_by(Family.id).limit(1))


def load_family(session: Session, family_id: int, today: date) -> FamilyFile:
    """The file with its guardians, children and balance: one statement (a row per guardian and child)."""
    with together(session) as batch:
        loaded = load_family_in(batch, family_id, today)
    return loaded()


def load_family_in(batch: Batch, family_id: int, today: date) -> Callable[[], FamilyFile]:
    """``load_family`` in ``batch``; call the answer once the batch has gone."""
    balance = family_balance_column(family_id)
    found = batch.add(
        select(Family, balance.label("balance"))
        .where(Family.id == family_id)
        .options(joinedload(Family.guardians), joinedload(Family.children))
        .execution_options(populate_existing=True)
    )
    return lambda: _family_file(found.result.unique().one_or_none(), today)


def _family_file(found: Row[Any] | None, today: date) -> FamilyFile:
    if found is None:
        raise DeskError("Ce dossier famille n'existe pas (ou plus).", "Relancez la recherche.")
    family, balance = found
    return FamilyFile(
        id=family.id, dossier_number=family.dossier_number, name=family.name, address_line=family.address_line,
        postal_code=family.postal_code, city=family.city, phone=family.phone, email=family.email,
        quotient_familial=family.quotient_familial, note=family.note,
        guardians=tuple(
            GuardianView(g.id, g.first_name, g.last_name, g.relationship_label, g.phone, g.email, g.is_primary)
            for g in family.guardians
        ),
        children=tuple(
            ChildView(c.id, c.first_name, c.last_name, c.birth_date, age_on(c.birth_date, today), c.symbol_index)
            for c in family.children
        ),
        balance_cents=balance or 0,
    )


def _family(session: Session, family_id: int) -> Family:
    family = session.get(Family, family_id, with_for_update=True)
    if family is None:
        raise DeskError("Ce dossier famille n'existe pas (ou plus).", "Relancez la recherche.")
    return family


def _apply(family: Family, clean: FamilyDraft) -> None:
    family.name = clean.name
    family.address_line = clean.address_line
    family.postal_code = clean.postal_code
    family.city = clean.city
    family.phone = clean.phone
    family.email = clean.email
    family.quotient_familial = clean.quotient_familial
    family.note = clean.note


def _apply_members(session: Session, family: Family, clean: FamilyDraft) -> None:
    existing_guardians = {g.id: g for g in family.guardians}
    kept_guardians = []
    # Clear the primary flag first: the unique index allows one primary at any instant.
    for guardian in family.guardians:
        guardian.is_primary = False
    session.flush()
    for draft in clean.guardians:
        guardian = existing_guardians.get(draft.id) if draft.id else None
        if draft.id and guardian is None:
            raise DeskError("Un responsable de ce dossier a été supprimé entre-temps.", "Rouvrez le dossier.")
        guardian = guardian or Guardian()
        guardian.first_name, guardian.last_name = draft.first_name, draft.last_name
        guardian.relationship_label, guardian.phone, guardian.email = draft.relationship_label, draft.phone, draft.email
        kept_guardians.append((guardian, draft.is_primary))
    family.guardians = [g for g, _ in kept_guardians]
    session.flush()
    for guardian, is_primary in kept_guardians:
        guardian.is_primary = is_primary
    _apply_children(session, family, clean)
    session.flush()


def _apply_children(session: Session, family: Family, clean: FamilyDraft) -> None:
    existing = {c.id: c for c in family.children}
    kept_ids = {c.id for c in clean.children if c.id}
    for child_id, child in existing.items():
        if child_id not in kept_ids and session.scalar(select(Enrolment.id).where(Enrolment.child_id == child_id).limit(1)):
            raise ValidationError(
                f"{child.first_name} a des inscriptions : l'enfant ne peut pas être retiré du dossier.",
                "Désinscrivez d'abord l'enfant de ses activités.",
                field="children",
            )
    next_symbol = max((c.symbol_index for c in family.children), default=-1) + 1
    children = []
    for draft in clean.children:
        child = existing.get(draft.id) if draft.id else None
        if draft.id and child is None:
            raise DeskError("Un enfant de ce dossier a été supprimé entre-temps.", "Rouvrez le dossier.")
        if child is None:
            child = Child(symbol_index=next_symbol)
            next_symbol += 1
        child.first_name, child.last_name, child.birth_date = draft.first_name, draft.last_name, draft.birth_date
        children.append(child)
    family.children = children


def _next_free_dossier_number(session: Session) -> str:
    while True:
        candidate = dossier_number(next_counter_value(session, DOSSIER_COUNTER))
        if session.scalar(select(Family.id).where(Family.dossier_number == candidate)) is None:
            return candidate


def _ensure_dossier_free(session: Session, dossier: str, exclude_family_id: int | None) -> None:
    owner = session.scalar(select(Family.id).where(Family.dossier_number == dossier))
    if owner is not None and owner != exclude_family_id:
        raise FamilyValidationError([FieldError("dossier_number", f"Le numéro de dossier {dossier} est déjà attribué à une autre famille.")])
