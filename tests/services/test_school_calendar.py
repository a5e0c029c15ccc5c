from datetime import date

from desk.services.school_calendar import july_weekdays, school_wednesdays, school_year_of


def test_the_school_year_turns_in_august():
    assert school_year_of(date(2026, 11, 26)).label == "2026-2027"
    assert school_year_of(date(2027, 3, 1)).label == "2026-2027"
    assert school_year_of(date(2027, 8, 20)).label == "2027-2028"


def test_wednesdays_skip_school_and_public_holidays_of_zone_a():
    wednesdays = school_wednesdays(school_year_of(date(2026, 11, 26)))
    assert wednesdays[0] == date(2026, 9, 2)
    assert all(day.weekday() == 2 for day in wednesdays)
    assert date(2026, 10, 21) not in wednesdays  # Toussaint holidays
    assert date(2026, 11, 11) not in wednesdays  # Armistice
    assert date(2026, 12, 23) not in wednesdays  # Christmas holidays
    assert date(2026, 10, 14) in wednesdays
    assert date(2027, 7, 7) not in wednesdays  # summer holidays have begun
    assert 30 <= len(wednesdays) <= 36


def test_july_weekdays_skip_the_fourteenth():
    days = july_weekdays(2027)
    assert date(2027, 7, 14) not in days
    assert date(2027, 7, 13) in days
    assert all(day.weekday() < 5 for day in days)
    assert len(days) == 21
