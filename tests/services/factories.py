"""Small builders for service tests."""

from __future__ import annotations

from datetime import date

from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft


def family_draft(name: str = "DURAND", *children: tuple[str, date], guardian: str = "Julie", **fields) -> FamilyDraft:
    return FamilyDraft(
        name=name,
        guardians=[GuardianDraft(guardian, name, "Mère", phone=fields.pop("guardian_phone", None),
                                 email=fields.pop("guardian_email", None))],
        children=[ChildDraft(first, name, birth) for first, birth in children],
        **fields,
    )
