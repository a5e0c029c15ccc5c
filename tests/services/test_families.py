"""Family files: creation, edition, validation in French, possible duplicates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.services.families import (
    NOTE_MAX_LENGTH,
    ChildDraft,
    FamilyDraft,
    FamilyValidationError,
    GuardianDraft,
    PossibleDuplicateError,
    create_family,
    load_family,
    normalise_phone,
    update_family,
)
from desk.services.search import search_families
from tests.services.factories import family_draft
from tests.services.test_validation import misjudged

TODAY = date(2026, 11, 26)


def test_a_new_family_gets_the_next_dossier_number_and_its_children_their_symbols(database, clock):
    with database.session_factory.begin() as session:
        first = create_family(session, clock, family_draft("Durand", ("Noah", date(2018, 3, 14)), ("Léa", date(2020, 9, 2)),
                                                          phone="+33 6 12 34 56 78", email=" Julie.Durand@Exemple.fr "))
        second = create_family(session, clock, family_draft("Martin", ("Zoé", date(2019, 1, 5))))
    assert (first.dossier_number, second.dossier_number) == ("F-00001", "F-00002")
    assert first.name == "DURAND"
    assert first.phone == "06 12 34 56 78"
    assert first.email == "julie.durand@exemple.fr"
    assert [(c.first_name, c.symbol_index, c.age) for c in first.children] == [("Noah", 0, 8), ("Léa", 1, 6)]
    assert first.guardians[0].is_primary
    assert first.balance_cents == 0


def test_every_mistake_is_named_in_french_next_to_its_field(database, clock):
    draft = family_draft(
        " ", ("", date(2030, 1, 1)), ("Hugo", date(1990, 5, 1)), ("Inès", None),
        phone="06 12", email="julie@", postal_code="7320", quotient_familial=-5,
    )
    draft.guardians.append(GuardianDraft("", "DURAND", email="pas une adresse"))
    with pytest.raises(FamilyValidationError) as caught, database.session_factory.begin() as session:
        create_family(session, clock, draft)
    errors = {e.field: e.message for e in caught.value.errors}
    assert errors["name"] == "Le nom de la famille est obligatoire."
    assert "Numéro de téléphone invalide : « 06 12 »" in errors["phone"]
    assert "Adresse électronique invalide" in errors["email"]
    assert "Code postal invalide" in errors["postal_code"]
    assert "quotient familial" in errors["quotient_familial"]
    assert errors["children[0].first_name"] == "Le prénom de l'enfant est obligatoire."
    assert "est dans le futur" in errors["children[0].birth_date"]
    assert "plus de 25 ans" in errors["children[1].birth_date"]
    assert errors["children[2].birth_date"] == "La date de naissance de Inès est obligatoire."
    assert errors["guardians[1].first_name"] == "Le prénom du responsable est obligatoire."
    assert "Adresse électronique invalide" in errors["guardians[1].email"]


def test_a_family_needs_a_guardian_and_one_primary_at_most(database, clock):
    draft = family_draft("DURAND", ("Noah", date(2018, 3, 14)))
    draft.guardians = []
    with pytest.raises(FamilyValidationError, match="au moins un responsable"):
        with database.session_factory.begin() as session:
            create_family(session, clock, draft)
    draft.guardians = [GuardianDraft("Julie", "DURAND", is_primary=True), GuardianDraft("Thomas", "DURAND", is_primary=True)]
    with pytest.raises(FamilyValidationError, match="Un seul responsable"):
        with database.session_factory.begin() as session:
            create_family(session, clock, draft)


def test_a_possible_duplicate_is_reported_before_creating(database, clock):
    with database.session_factory.begin() as session:
        existing = create_family(session, clock, family_draft("D'Agostino", ("Éloïse", date(2019, 4, 1))))
    again = family_draft("d'agostino", ("eloise", date(2019, 4, 1)), guardian="Marco")
    with pytest.raises(PossibleDuplicateError) as caught, database.session_factory.begin() as session:
        create_family(session, clock, again)
    assert caught.value.candidates[0].dossier_number == existing.dossier_number
    assert "existe peut-être déjà" in caught.value.message
    with database.session_factory.begin() as session:
        accepted = create_family(session, clock, again, accept_possible_duplicate=True)
    assert accepted.dossier_number != existing.dossier_number
    with database.session_factory.begin() as session:  # a different birth date is no duplicate
        create_family(session, clock, family_draft("D'AGOSTINO", ("Éloïse", date(2019, 4, 2))))


def test_a_dossier_number_is_never_given_twice(database, clock):
    with database.session_factory.begin() as session:
        create_family(session, clock, family_draft("DURAND", dossier_number="F-00042"))
    with pytest.raises(FamilyValidationError, match="déjà attribué"), database.session_factory.begin() as session:
        create_family(session, clock, family_draft("MARTIN", dossier_number="f-00042"))
    with pytest.raises(FamilyValidationError, match="Numéro de dossier invalide"):
        with database.session_factory.begin() as session:
            create_family(session, clock, family_draft("MARTIN", dossier_number="42"))


def test_editing_keeps_symbols_and_reindexes_the_search(database, clock):
    with database.session_factory.begin() as session:
        created = create_family(session, clock, family_draft("DURAND", ("Noah", date(2018, 3, 14)), ("Léa", date(2020, 9, 2))))
    draft = created.as_draft()
    draft.children = [draft.children[1], ChildDraft("Hugo", "DURAND", date(2022, 5, 27))]  # Noah leaves, Hugo arrives
    draft.guardians.append(GuardianDraft("Thomas", "DURAND", "Père", phone="07 98 76 54 32", is_primary=True))
    draft.guardians[0] = replace(draft.guardians[0], is_primary=False)
    with database.session_factory.begin() as session:
        edited = update_family(session, clock, created.id, draft)
    assert [(c.first_name, c.symbol_index) for c in edited.children] == [("Léa", 1), ("Hugo", 2)]
    assert [g.first_name for g in edited.guardians if g.is_primary] == ["Thomas"]
    with database.read_session_factory() as session:
        assert search_families(session, "noah", TODAY) == []
        assert [h.family_id for h in search_families(session, "durand hugo", TODAY)] == [created.id]
        assert [h.family_id for h in search_families(session, "07 98 76", TODAY)] == [created.id]
        assert load_family(session, created.id, TODAY).guardians[1].phone == "07 98 76 54 32"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0612345678", "06 12 34 56 78"),
        ("06.12.34.56.78", "06 12 34 56 78"),
        ("+33 (0)6 12 34 56 78", "06 12 34 56 78"),
        ("+33612345678", "06 12 34 56 78"),
        ("0033 6 12 34 56 78", "06 12 34 56 78"),
        ("+41 22 123 45 67", "+41221234567"),
        ("12 34", None),
    ],
)
def test_phone_numbers_are_read_in_any_usual_form(typed, stored):
    assert normalise_phone(typed) == stored


# -- what the databases could not store never reaches them --------------------


def _set(draft: FamilyDraft, field: str, value: str) -> None:
    """Put ``value`` in the draft at ``field`` (``city``, ``guardians[0].email``…)."""
    target, name = draft, field
    if "." in field:
        group, name = field.split(".")
        members, index = group.rstrip("]").split("[")
        target = getattr(draft, members)[int(index)]
    setattr(target, name, value)


def _draft_with(field: str, value: str) -> FamilyDraft:
    draft = family_draft("DURAND", ("Noah", date(2018, 3, 14)))
    _set(draft, field, value)
    return draft


TEXT_FIELDS = {  # field: the most characters it takes
    "name": 100, "address_line": 200, "postal_code": 10, "city": 100, "phone": 20, "email": 254,
    "note": NOTE_MAX_LENGTH, "dossier_number": 12,
    "guardians[0].first_name": 100, "guardians[0].last_name": 100, "guardians[0].relationship_label": 30,
    "guardians[0].phone": 20, "guardians[0].email": 254,
    "children[0].first_name": 100, "children[0].last_name": 100,
}


def test_a_text_too_long_or_unstorable_is_refused_naming_its_field(database, clock):
    def create(field: str, value: str) -> None:
        with database.session_factory.begin() as session:
            create_family(session, clock, _draft_with(field, value))

    assert misjudged(create, TEXT_FIELDS) == []


def test_every_text_at_its_longest_is_stored_and_read_back_intact(database, clock):
    def longest(n: int) -> str:  # accents and a character outside the BMP: the limits count characters
        return ("Éa𝔸-" * n)[:n]

    email = "a" * 64 + "@" + "b" * 186 + ".fr"
    draft = FamilyDraft(
        name=longest(100).upper(), address_line=longest(200), postal_code="73200", city=longest(100),
        email=email, note=("Allergie\n" * 300)[:NOTE_MAX_LENGTH], dossier_number="F-0000000042",
        guardians=[GuardianDraft(longest(100), longest(100).upper(), longest(30), email=email)],
        children=[ChildDraft(longest(100), longest(100).upper(), date(2018, 3, 14))],
    )
    with database.session_factory.begin() as session:
        created = create_family(session, clock, draft)
    with database.read_session_factory() as session:
        stored = load_family(session, created.id, TODAY)
        assert [h.family_id for h in search_families(session, email, TODAY)] == [created.id]
    assert stored.as_draft() == replace(draft, guardians=[replace(draft.guardians[0], is_primary=True, id=stored.guardians[0].id)],
                                        children=[replace(draft.children[0], id=stored.children[0].id)])


def test_upper_casing_cannot_lengthen_a_name_past_its_column(database, clock):
    with pytest.raises(FamilyValidationError) as caught, database.session_factory.begin() as session:
        create_family(session, clock, family_draft("ß" * 60))  # « SS » once upper-cased: 120 characters
    assert caught.value.errors[0].field == "name" and "trop long" in caught.value.errors[0].message


# Any character, surrogates and controls included, and more often those that the databases or upper-casing trip on.
ANY_CHARACTER = st.characters(exclude_categories=()) | st.sampled_from("\x00\ud800\udfff\x07\x1f\x85\n\t ßﬃİ²٣")
ANY_TEXT = st.text(ANY_CHARACTER, min_size=1, max_size=20)
LONG_TEXT = ANY_TEXT | st.text(ANY_CHARACTER, min_size=95, max_size=310)
# Fields with a format are often well-formed, so that the free texts around them do reach the database.
PHONE = st.none() | st.just("06 12 34 56 78") | ANY_TEXT
EMAIL = st.none() | st.just("julie.durand@exemple.fr") | ANY_TEXT
POSTAL_CODE = st.none() | st.just("73200") | ANY_TEXT


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(ANY_TEXT, min_size=5, max_size=5), free=st.lists(st.none() | LONG_TEXT, min_size=3, max_size=3),
       phones=st.tuples(PHONE, PHONE), email=EMAIL, postal_code=POSTAL_CODE)
def test_any_text_is_either_stored_or_refused_in_french(database, clock, names, free, phones, email, postal_code):
    name, first, last, child_first, child_last = names
    address, city, note = free
    draft = FamilyDraft(name=name, address_line=address, postal_code=postal_code, city=city, phone=phones[0],
                        email=email, note=note, guardians=[GuardianDraft(first, last, city or "Mère", phones[1])],
                        children=[ChildDraft(child_first, child_last, date(2018, 3, 14))])
    try:
        with database.session_factory.begin() as session:
            created = create_family(session, clock, draft, accept_possible_duplicate=True)
    except FamilyValidationError as refusal:
        assert all(e.field and e.message for e in refusal.errors)
        return
    with database.read_session_factory() as session:
        assert load_family(session, created.id, TODAY) == created
        search_families(session, name, TODAY)
