"""What the payment window needs to know as it opens: whether the counter can cash in, and who pays."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.enums import CashSessionKind, PaymentMode
from desk.db.models import CashSession, Family, Guardian, RegieSettings
from desk.services.tenders import mode_refusals


@dataclass(frozen=True)
class PaymentSetup:
    cash_desk_open: bool  # a counter payment needs an open cash session
    payer_name: str  # the primary guardian (the drawer of a cheque, most often), else the family's name
    refused_modes: dict[PaymentMode, str] = field(default_factory=dict)  # what the régie's act does not authorise


def payment_setup(session: Session, family_id: int) -> PaymentSetup:
    """Read once when the payment window opens; the payment itself checks the cash desk again, under its lock."""
    cash_desk_open = session.scalar(
        select(CashSession.id).where(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None))
    ) is not None
    guardian = session.execute(
        select(Guardian.first_name, Guardian.last_name).where(Guardian.family_id == family_id)
        .order_by(Guardian.is_primary.desc(), Guardian.id).limit(1)
    ).first()
    if guardian is not None:
        payer = f"{guardian.first_name} {guardian.last_name}"
    else:
        payer = session.scalar(select(Family.name).where(Family.id == family_id)) or ""
    authorised = session.scalar(select(RegieSettings.authorised_modes))
    return PaymentSetup(cash_desk_open, payer, mode_refusals(authorised))
