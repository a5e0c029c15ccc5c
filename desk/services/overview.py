"""The figures of the home screen: what the database holds today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.db.enums import CashSessionKind
from desk.db.models import (
    Activity,
    ActivityCategory,
    ActivityType,
    CashSession,
    Child,
    Enrolment,
    Family,
    OpenDay,
    RegieSettings,
)


@dataclass(frozen=True)
class ActivitySummary:
    name: str
    category: str
    start_date: date
    end_date: date
    enrolments: int


@dataclass(frozen=True)
class Overview:
    town: str
    regie_name: str
    families: int
    children: int
    upcoming_bookings: int
    activities: tuple[ActivitySummary, ...]
    cash_desk_opened_at: datetime | None = None


def load_overview(session: Session, today: date) -> Overview:
    regie = session.get(RegieSettings, 1)
    enrolment_counts = (
        select(Enrolment.activity_id, func.count().label("enrolments"))
        .where(Enrolment.ended_at.is_(None))
        .group_by(Enrolment.activity_id)
        .subquery()
    )
    activities = session.execute(
        select(Activity.name, ActivityCategory.name, Activity.start_date, Activity.end_date,
               func.coalesce(enrolment_counts.c.enrolments, 0))
        .join(ActivityType, Activity.type_id == ActivityType.id)
        .join(ActivityCategory, ActivityType.category_id == ActivityCategory.id)
        .outerjoin(enrolment_counts, enrolment_counts.c.activity_id == Activity.id)
        .where(Activity.end_date >= today)
        .order_by(Activity.start_date, Activity.name)
    ).all()
    # Each open day counts its live bookings: summing a few thousand days beats counting
    # every booking of the year on a large town.
    upcoming = session.scalar(select(func.sum(OpenDay.places_taken)).where(OpenDay.day >= today))
    return Overview(
        town=regie.town if regie else "",
        regie_name=regie.regie_name if regie else "",
        families=session.scalar(select(func.count()).select_from(Family)) or 0,
        children=session.scalar(select(func.count()).select_from(Child)) or 0,
        upcoming_bookings=upcoming or 0,
        activities=tuple(ActivitySummary(*row) for row in activities),
        cash_desk_opened_at=session.scalar(
            select(CashSession.opened_at).where(CashSession.kind == CashSessionKind.COUNTER, CashSession.closed_at.is_(None))
        ),
    )
