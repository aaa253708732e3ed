"""Calendar arithmetic for the time-expression tagger: plain functions over `date`.

Kept apart from the patterns so that the rules of the guidelines ("a weekday
is the most recent such day on or before publication unless the sentence is
about the future"; "a date without a year takes the year that makes sense
given tense") are each one small function with one test table.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future"]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clipped to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` TimeML units (D, W, M, Q, Y, DE, CE); other units move nothing."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return day
    return add_months(day, amount * months)


def week_value(day: date) -> str:
    """The TimeML week value of the ISO week holding `day` ("2013-W12")."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def value_at(day: date, unit: str) -> str:
    """The TimeML value naming the `unit`-long period that holds `day`."""
    if unit in ("D", "H", "M_", "S"):
        return day.isoformat()
    if unit in ("W", "WE"):
        return week_value(day) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def weekday_date(anchor: date, weekday: int, tense: Tense | None, *, strict: bool = False) -> date:
    """The date of an ISO `weekday` seen from `anchor`.

    Past or no tense: the most recent such day on or before the anchor (the
    same day included, GUIDELINES "Dates"); future: the next one on or after.
    `strict` excludes the anchor itself ("last Friday" said on a Friday).
    """
    if tense == "future":
        ahead = (weekday - anchor.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return anchor + timedelta(days=ahead)
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _pick(past: date, future: date, anchor: date, tense: Tense | None) -> date:
    """Choose between the occurrence before and after the anchor: by tense, else the nearest."""
    if tense == "past":
        return past
    if tense == "future":
        return future
    return future if (future - anchor) < (anchor - past) else past


def month_day_date(anchor: date, month: int, day: int, tense: Tense | None) -> date | None:
    """The year of "Feb. 11" without a year: by tense, else the nearest (ties go to the past)."""
    try:
        this_year = date(anchor.year, month, day)
    except ValueError:
        if (month, day) != (2, 29):
            return None
        this_year = date(anchor.year, 2, 28)
    if this_year <= anchor:
        past, future = this_year, _replace_year(this_year, anchor.year + 1)
    else:
        past, future = _replace_year(this_year, anchor.year - 1), this_year
    if this_year == anchor:
        return anchor
    return _pick(past, future, anchor, tense)


RECENT_DAYS = 62  # how far back a report's "on March 3" may lie and still be this year's news


def narrative_date(
    narrative: date, anchor: date | None, month: int, day: int | None
) -> date | None:
    """The year of "on March 3" (or, with `day` None, of "in March") in a story told at
    `narrative` (the last date mentioned); the first day of the month for a month.

    A story moves forward: the first such day on or after the narrative date, so
    "jailed in 2019 ... released on March 3" is 3 March 2019, and "applied in
    May 2024 ... refused on January 10" is 10 January 2025. News is recent: a
    day of the last two months before the report that the story has reached is
    that one ("applied in 2025 ... refused in January", told on 30 January
    2026, is this January). Told in the past, it is never after the report
    (`anchor`): then the one of the narrative year, if that is not after it
    either; else None, and the report's date decides.
    """
    if day is None:  # a month: compared month to month
        narrative, day, last = narrative.replace(day=1), 1, 28
    else:
        last = day
    try:
        same = date(narrative.year, month, day)
    except ValueError:
        return None
    if anchor is not None:
        latest = month_day_date(anchor, month, last, "past")
        if latest is not None and narrative <= latest and (anchor - latest).days <= RECENT_DAYS:
            return latest.replace(day=day)
    chosen = same if same >= narrative else _replace_year(same, narrative.year + 1)
    if anchor is not None and chosen > anchor:
        return same if same <= anchor else None
    return chosen


def _replace_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # Feb 29
        return date(year, 2, 28)


def month_year(anchor: date, month: int, tense: Tense | None) -> int:
    """The year of a month named without one ("in August"): by tense, else the nearest."""
    if month == anchor.month:
        return anchor.year
    this_year = date(anchor.year, month, 15)
    mid = anchor.replace(day=15)
    if this_year < mid:
        past, future = this_year, date(anchor.year + 1, month, 15)
    else:
        past, future = date(anchor.year - 1, month, 15), this_year
    return _pick(past, future, mid, tense).year


def season_year(anchor: date, season: str, offset: int) -> int:
    """The year of "last summer" (offset -1), "this summer" (0), "next summer" (1).

    "Last" is the most recent such season already over; "next" the first not begun.
    """
    first, last = _SEASON_MONTHS[season]
    month = anchor.month
    if season == "WI":  # winter is named by the year it begins in (Dec)
        current = anchor.year if month == 12 else anchor.year - 1 if month <= 2 else None
        if offset == 0:
            return current if current is not None else anchor.year
        if offset < 0:
            return (current if current is not None else anchor.year) - 1
        return anchor.year if current is None else current + 1
    if offset == 0:
        return anchor.year
    if offset < 0:
        return anchor.year if month > last else anchor.year - 1
    return anchor.year if month < first else anchor.year + 1


_PERIOD = re.compile(r"^(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)$")
_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)(?:-WE)?)?(?:T.*)?$")


def calendar_date(value: str | None, type_: str) -> str | None:
    """The casefile date of a TimeML value: ISO at the precision the value supports.

    A day or month value is kept; a week becomes its month when the week lies
    within one month, else its year; quarters, halves, seasons and fiscal
    years become their year; decades, references and durations give None.
    """
    if value is None or type_ not in ("DATE", "TIME"):
        return None
    match = _VALUE.match(value)
    if match is None:
        period = _PERIOD.match(value)
        return period.group(1) if period else None
    year, month, day, week = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}"
    if week:
        monday = date.fromisocalendar(int(year), int(week), 1)
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.year:04d}-{monday.month:02d}"
        return f"{monday.year:04d}" if monday.year == sunday.year else None
    return year
