"""The activity catalogue, as an administrator keeps it: prices per bracket, capacities, open days.

Open days are generated from weekdays minus public and school holidays, then
edited one by one. A day that already holds live bookings cannot be closed,
and a capacity cannot go below the places already taken: the families who
booked keep their place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.clock import Clock
from desk.db.enums import UnitKind
from desk.db.models import Activity, OpenDay, QuotientBracket, Tariff, Unit
from desk.errors import ValidationError
from desk.money import MAX_CENTS, format_cents
from desk.services.access import Actor, require_admin
from desk.services.audit import record
from desk.services.lifecycle.locks import acting
from desk.services.school_calendar import days_between, is_closed_day, public_holidays

NOT_ALLOWED = "Seul un administrateur modifie le catalogue des activités."
MAX_CAPACITY = 10_000


@dataclass(frozen=True)
class UnitPrices:
    unit_id: int
    unit_name: str
    kind: UnitKind
    prices: tuple[tuple[int, str, int | None], ...]  # (bracket id, bracket label, cents or None)
    capacity: int | None  # the most common capacity of its open days


@dataclass(frozen=True)
class OpenDayLine:
    open_day_id: int
    unit_id: int
    day: date
    capacity: int
    places_taken: int


@dataclass(frozen=True)
class ActivitySheet:
    id: int
    name: str
    start_date: date
    end_date: date
    units: tuple[UnitPrices, ...]
    open_days: tuple[OpenDayLine, ...]


def activity_names(session: Session) -> list[tuple[int, str]]:
    return list(session.execute(select(Activity.id, Activity.name).order_by(Activity.start_date, Activity.name)).all())


def activity_sheet(session: Session, activity_id: int) -> ActivitySheet:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise ValidationError("Cette activité n'existe pas.", field="activity")
    brackets = session.scalars(select(QuotientBracket).order_by(QuotientBracket.lower_bound)).all()
    units = session.scalars(select(Unit).where(Unit.activity_id == activity_id).order_by(Unit.position)).all()
    tariffs = {(t.unit_id, t.bracket_id): t.price_cents for t in session.scalars(
        select(Tariff).where(Tariff.unit_id.in_([u.id for u in units])))}
    days = session.scalars(select(OpenDay).where(OpenDay.unit_id.in_([u.id for u in units]))
                           .order_by(OpenDay.day, OpenDay.unit_id)).all()
    return ActivitySheet(
        activity.id, activity.name, activity.start_date, activity.end_date,
        tuple(UnitPrices(u.id, u.name, u.kind,
                         tuple((b.id, b.label, tariffs.get((u.id, b.id))) for b in brackets),
                         _usual_capacity([d.capacity for d in days if d.unit_id == u.id])) for u in units),
        tuple(OpenDayLine(d.id, d.unit_id, d.day, d.capacity, d.places_taken) for d in days),
    )


def _closed(day: date, skip_school_holidays: bool, zone: str) -> bool:
    return is_closed_day(day, zone) if skip_school_holidays else day in public_holidays(day.year)


def _usual_capacity(capacities: list[int]) -> int | None:
    return max(set(capacities), key=capacities.count) if capacities else None


def set_price(session: Session, clock: Clock, actor: Actor, *, unit_id: int, bracket_id: int, price_cents: int) -> None:
    """New bookings take the new price; booked days keep the price they were booked at."""
    actor = acting(session, actor)
    require_admin(actor, "edit_catalogue", NOT_ALLOWED)
    if price_cents < 0:
        raise ValidationError("Un tarif ne peut pas être négatif.", field="price")
    if price_cents > MAX_CENTS:
        raise ValidationError(f"Un tarif ne peut pas dépasser {format_cents(MAX_CENTS)}.", field="price")
    tariff = session.scalar(select(Tariff).where(Tariff.unit_id == unit_id, Tariff.bracket_id == bracket_id))
    if tariff is None:
        session.add(Tariff(unit_id=unit_id, bracket_id=bracket_id, price_cents=price_cents))
    else:
        tariff.price_cents = price_cents
    record(session, clock, actor, "edit_catalogue", f"tarif unité {unit_id}, tranche {bracket_id} : {format_cents(price_cents)}")


def set_capacity(session: Session, clock: Clock, actor: Actor, *, unit_id: int, capacity: int,
                 from_day: date | None = None) -> int:
    """Set the capacity of the unit's open days (from ``from_day`` on); returns how many days changed.

    A day that already has more places taken keeps enough for those who booked.
    """
    actor = acting(session, actor)
    require_admin(actor, "edit_catalogue", NOT_ALLOWED)
    _check_capacity(capacity)
    conditions = [OpenDay.unit_id == unit_id, OpenDay.places_taken <= capacity]
    if from_day is not None:
        conditions.append(OpenDay.day >= from_day)
    changed = session.execute(update(OpenDay).where(*conditions).values(capacity=capacity)
                              .execution_options(synchronize_session=False)).rowcount
    record(session, clock, actor, "edit_catalogue", f"capacité unité {unit_id} : {capacity} places ({changed} jours)")
    return changed


def close_day(session: Session, clock: Clock, actor: Actor, *, open_day_id: int) -> None:
    """Close a unit on one day; refused while families hold places on it."""
    actor = acting(session, actor)
    require_admin(actor, "edit_catalogue", NOT_ALLOWED)
    open_day = session.get(OpenDay, open_day_id, with_for_update=True)
    if open_day is None:
        raise ValidationError("Ce jour n'est pas ouvert.", field="day")
    if open_day.places_taken:
        raise ValidationError(
            f"Le {open_day.day:%d/%m/%Y} a {open_day.places_taken} place(s) réservée(s) : annulez d'abord ces "
            "réservations (avoir pour les familles) avant de fermer le jour.", field="day")
    day, unit_id = open_day.day, open_day.unit_id
    session.delete(open_day)
    record(session, clock, actor, "edit_catalogue", f"fermeture unité {unit_id} le {day:%d/%m/%Y}")


def open_days(session: Session, clock: Clock, actor: Actor, *, unit_id: int, first: date, last: date,
              weekdays: set[int], capacity: int, skip_school_holidays: bool = True, zone: str = "A") -> int:
    """Open the unit on the given weekdays (0 = Monday) between two dates, public holidays excepted,
    and school holidays too unless it is a holiday centre; returns how many days were added (days
    already open are left as they are)."""
    actor = acting(session, actor)
    require_admin(actor, "edit_catalogue", NOT_ALLOWED)
    if last < first:
        raise ValidationError("La fin de la période précède son début.", field="period")
    _check_within_activity(session, unit_id, first, last)
    _check_capacity(capacity)
    existing = set(session.scalars(select(OpenDay.day).where(OpenDay.unit_id == unit_id, OpenDay.day.between(first, last))))
    added = [OpenDay(unit_id=unit_id, day=day, capacity=capacity, places_taken=0)
             for day in days_between(first, last)
             if day.weekday() in weekdays and day not in existing and not _closed(day, skip_school_holidays, zone)]
    session.add_all(added)
    record(session, clock, actor, "edit_catalogue", f"ouverture unité {unit_id} : {len(added)} jours")
    return len(added)


def _check_capacity(capacity: int) -> None:
    if not 0 < capacity <= MAX_CAPACITY:
        raise ValidationError(f"La capacité doit être comprise entre une place et {MAX_CAPACITY} places.",
                              field="capacity")


def _check_within_activity(session: Session, unit_id: int, first: date, last: date) -> None:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise ValidationError("Cette unité n'existe pas.", field="unit")
    activity = unit.activity
    if first < activity.start_date or last > activity.end_date:
        raise ValidationError(
            f"« {activity.name} » se déroule du {activity.start_date:%d/%m/%Y} au {activity.end_date:%d/%m/%Y} : "
            "les jours ouverts doivent être dans cette période.", field="period")
