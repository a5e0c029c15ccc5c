"""School years, public holidays and school holidays (zone A by default).

The dates come from the ``holidays`` and ``vacances-scolaires-france``
packages, which ship their data, rather than from dates typed by hand.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from vacances_scolaires_france import SchoolHolidayDates, UnsupportedYearException

log = logging.getLogger(__name__)

WEDNESDAY = 2
SUMMER_HOLIDAYS = "Vacances d'été"


@dataclass(frozen=True)
class SchoolYear:
    start_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, 9, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 7, 10)

    @property
    def summer(self) -> int:
        """The calendar year of the summer that ends this school year."""
        return self.start_year + 1


def school_year_of(day: date) -> SchoolYear:
    """The school year a day belongs to; from August on, the one about to start."""
    return SchoolYear(day.year if day.month >= 8 else day.year - 1)


@lru_cache(maxsize=8)
def public_holidays(year: int) -> frozenset[date]:
    import holidays  # a tenth of a second to import, and only catalogue work needs it

    return frozenset(holidays.France(years=year))


@lru_cache(maxsize=1)
def _school_holiday_dates() -> SchoolHolidayDates:
    return SchoolHolidayDates()


@lru_cache(maxsize=8)
def school_holidays(year: int, zone: str = "A") -> dict[date, str]:
    """School holiday dates of a calendar year with their names; empty when unknown."""
    try:
        days = _school_holiday_dates().holidays_for_year_and_zone(year, zone)
    except UnsupportedYearException:
        log.warning("no school holiday data for %s: only public holidays are excluded", year)
        return {}
    return {day: info["nom_vacances"] for day, info in days.items()}


def is_closed_day(day: date, zone: str = "A") -> bool:
    """A public holiday or a day of school holidays, when leisure centres do not open on Wednesdays."""
    return day in public_holidays(day.year) or day in school_holidays(day.year, zone)


def days_between(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def school_wednesdays(school_year: SchoolYear, zone: str = "A") -> list[date]:
    """The Wednesdays of the school year that are neither holidays nor school holidays."""
    return [
        day
        for day in days_between(school_year.first_day, school_year.last_day)
        if day.weekday() == WEDNESDAY and not is_closed_day(day, zone)
    ]


def july_weekdays(year: int) -> list[date]:
    """Weekdays of July, public holidays excluded (the summer centre's days)."""
    return [
        day
        for day in days_between(date(year, 7, 1), date(year, 7, 31))
        if day.weekday() < 5 and day not in public_holidays(year)
    ]
