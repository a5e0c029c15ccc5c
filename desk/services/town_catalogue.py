"""The town's standard catalogue: the Pommiers leisure centre, on Wednesdays and in July.

Used by the demo and the scale generator. Everything is found by its natural
key before it is created, so running it again adds only what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.enums import PaymentRule, UnitKind
from desk.db.models import (
    Activity,
    ActivityCategory,
    ActivityType,
    OpenDay,
    QuotientBracket,
    Tariff,
    Unit,
    UnitExclusion,
)
from desk.services.school_calendar import SchoolYear, july_weekdays, school_wednesdays

CATEGORY = "Centre de loisirs"
ACTIVITY_TYPE = "AL Pommiers"

# (label, lower bound, upper bound) in euros of quotient familial.
BRACKETS = (
    ("QF de 0 à 499 €", 0, 500),
    ("QF de 500 à 899 €", 500, 900),
    ("QF de 900 à 1 299 €", 900, 1300),
    ("QF de 1 300 € et plus", 1300, None),
)
# Price in cents per bracket, lowest bracket first; the top bracket pays the
# portal guide's prices (matin 4 €, après-midi 4 €, journée 10 €).
HALF_DAY_PRICES = (150, 250, 325, 400)
FULL_DAY_PRICES = (400, 650, 825, 1000)
PRICES = {UnitKind.MORNING: HALF_DAY_PRICES, UnitKind.AFTERNOON: HALF_DAY_PRICES, UnitKind.FULL_DAY: FULL_DAY_PRICES}

DEFAULT_CAPACITIES = {UnitKind.MORNING: 20, UnitKind.AFTERNOON: 20, UnitKind.FULL_DAY: 40}


@dataclass(frozen=True)
class OpenDayRef:
    id: int
    unit_id: int
    day: date
    capacity: int
    places_taken: int


@dataclass
class ActivityRefs:
    id: int
    name: str
    start_date: date
    enrolment_opens_on: date
    min_age_years: int
    max_age_years: int
    units: dict[UnitKind, int] = field(default_factory=dict)
    open_days: list[OpenDayRef] = field(default_factory=list)


@dataclass
class CatalogueRefs:
    wednesdays: ActivityRefs
    summer: ActivityRefs
    brackets: list[tuple[int, int, int | None]]  # (id, lower, upper)
    prices: dict[tuple[int, int], int]  # (unit id, bracket id) -> cents

    def bracket_for(self, quotient: int | None) -> int:
        """The bracket id pricing a family; unknown quotient pays the top bracket."""
        if quotient is not None:
            for bracket_id, lower, upper in self.brackets:
                if quotient >= lower and (upper is None or quotient < upper):
                    return bracket_id
        return self.brackets[-1][0]


def ensure_town_catalogue(
    session: Session,
    school_year: SchoolYear,
    capacities: Mapping[UnitKind, int] = DEFAULT_CAPACITIES,
) -> CatalogueRefs:
    category = _get_or_create(session, ActivityCategory, name=CATEGORY)
    activity_type = _get_or_create(
        session, ActivityType, category_id=category.id, name=ACTIVITY_TYPE,
        defaults={"payment_rule": PaymentRule.AT_BOOKING},
    )
    brackets = _ensure_brackets(session)
    wednesdays = school_wednesdays(school_year)
    wednesday_activity = _ensure_activity(
        session,
        activity_type,
        name=f"Pommiers mercredis {school_year.label}",
        days=wednesdays,
        enrolment_opens_on=date(school_year.start_year, 6, 1),
        units=(
            ("Mercredi matin", UnitKind.MORNING),
            ("Mercredi après-midi", UnitKind.AFTERNOON),
            ("Mercredi journée", UnitKind.FULL_DAY),
        ),
        capacities=capacities,
        brackets=brackets,
    )
    summer_days = july_weekdays(school_year.summer)
    summer_activity = _ensure_activity(
        session,
        activity_type,
        name=f"Pommiers été {school_year.summer}",
        days=summer_days,
        enrolment_opens_on=date(school_year.summer, 3, 1),
        units=(("Journée", UnitKind.FULL_DAY),),
        capacities=capacities,
        brackets=brackets,
    )
    prices = {
        (tariff.unit_id, tariff.bracket_id): tariff.price_cents
        for tariff in session.scalars(select(Tariff))
    }
    return CatalogueRefs(
        wednesdays=wednesday_activity,
        summer=summer_activity,
        brackets=[(b.id, b.lower_bound, b.upper_bound) for b in brackets],
        prices=prices,
    )


def _get_or_create(session: Session, model, defaults: Mapping | None = None, **key):
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key, **(defaults or {}))
        session.add(row)
        session.flush()
    return row


def _ensure_brackets(session: Session) -> list[QuotientBracket]:
    for label, lower, upper in BRACKETS:
        _get_or_create(session, QuotientBracket, lower_bound=lower, defaults={"label": label, "upper_bound": upper})
    return list(session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound)))


def _ensure_activity(
    session: Session,
    activity_type: ActivityType,
    *,
    name: str,
    days: list[date],
    enrolment_opens_on: date,
    units: tuple[tuple[str, UnitKind], ...],
    capacities: Mapping[UnitKind, int],
    brackets: list[QuotientBracket],
) -> ActivityRefs:
    activity = _get_or_create(
        session,
        Activity,
        name=name,
        defaults={
            "type_id": activity_type.id,
            "start_date": days[0],
            "end_date": days[-1],
            "enrolment_opens_on": enrolment_opens_on,
            "enrolment_closes_on": days[-1],
            "min_age_years": 3,
            "max_age_years": 11,
            "booking_deadline_days": 2,
            "booking_deadline_hour": 12,
        },
    )
    refs = ActivityRefs(activity.id, activity.name, activity.start_date, activity.enrolment_opens_on,
                        activity.min_age_years, activity.max_age_years)
    for position, (unit_name, kind) in enumerate(units):
        unit = _get_or_create(
            session, Unit, activity_id=activity.id, name=unit_name, defaults={"kind": kind, "position": position}
        )
        refs.units[kind] = unit.id
        for bracket, price in zip(brackets, PRICES[kind], strict=True):
            _get_or_create(session, Tariff, unit_id=unit.id, bracket_id=bracket.id, defaults={"price_cents": price})
        existing = set(session.scalars(select(OpenDay.day).where(OpenDay.unit_id == unit.id)))
        session.add_all(
            OpenDay(unit_id=unit.id, day=day, capacity=capacities[kind], places_taken=0)
            for day in days
            if day not in existing
        )
    _ensure_full_day_exclusions(session, refs.units)
    session.flush()
    refs.open_days = [
        OpenDayRef(o.id, o.unit_id, o.day, o.capacity, o.places_taken)
        for o in session.scalars(
            select(OpenDay).where(OpenDay.unit_id.in_(refs.units.values())).order_by(OpenDay.day, OpenDay.unit_id)
        )
    ]
    return refs


def _ensure_full_day_exclusions(session: Session, units: Mapping[UnitKind, int]) -> None:
    """A *journée* excludes the morning and the afternoon of the same day, both ways."""
    full_day = units.get(UnitKind.FULL_DAY)
    for kind in (UnitKind.MORNING, UnitKind.AFTERNOON):
        half_day = units.get(kind)
        if full_day is None or half_day is None:
            continue
        for unit_id, excluded in ((full_day, half_day), (half_day, full_day)):
            if session.get(UnitExclusion, (unit_id, excluded)) is None:
                session.add(UnitExclusion(unit_id=unit_id, excluded_unit_id=excluded))
