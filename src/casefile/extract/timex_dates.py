"""Normalizers of calendar expressions: dates, months, years, decades, seasons, quarters.

Each turns a match of its pattern in `timex_patterns` into a `Reading`; the
tense and anchor in the `Context` settle what the text leaves open (the year
of "Feb. 11", of "June", of "the fourth quarter").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from casefile.extract import timex_lexicon as lex
from casefile.extract.timex_calendar import (
    month_day_date,
    month_year,
    narrative_date,
    quarter_of,
    season_year,
    shift,
    value_at,
)
from casefile.extract.timex_rules import (
    Context,
    Reading,
    group,
    position_mod,
    squash,
    year_value,
)

_YEAR_STEPS = {"last": -1, "this": 0, "next": 1}  # "June last year", "Oct. 10 next year"


def date_reading(year: int, month: int, day: int | None, mod: str | None = None) -> Reading | None:
    try:
        point = date(year, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return Reading("DATE", f"{year:04d}-{month:02d}", mod, point, "M")
    return Reading("DATE", point.isoformat(), mod, point, "D")


def norm_month_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "Jan. 30", "January 30, 2026", "30 January 2026", "May 3-5, 2025" (a range: the month)."""
    month = lex.month_number(match.group("mon"))
    day = int(re.sub(r"\D", "", match.group("day")))
    year_text = group(match, "year")
    ranged = group(match, "day2") is not None
    told = _in_narrative(ctx, month, day)
    year_step = _YEAR_STEPS.get(squash(group(match, "ry")))
    if year_text:
        year = year_value(year_text)
    elif year_step is not None and ctx.anchor is not None:  # "Oct. 10 last year"
        year = ctx.anchor.year + year_step
    elif told is not None:
        year = told.year
    elif ctx.anchor is None:
        return Reading("DATE", None)
    else:
        resolved = month_day_date(ctx.anchor, month, day, ctx.tense)
        if resolved is None:
            return None
        year = resolved.year
    weekday = group(match, "wd")
    if weekday and not year_text and year_step is None and not ranged:
        year = _year_of_weekday(year, month, day, lex.weekday_number(weekday))
    return date_reading(year, month, None if ranged else day)


def norm_day_of_month(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "to the 14th": in the month of the day or month just told ("adjourned from March 3 to
    the 14th"; a day before the one told is in the next month), else of the report's month,
    the one before or after it as the tense says."""
    day = int(match.group("day"))
    reference, unit = ctx.reference, ctx.reference_unit
    if reference is not None and unit in ("D", "M"):
        base = reference.replace(day=1)
        if unit == "D" and day < reference.day:
            base = shift(base, 1, "M")
    elif ctx.anchor is None:
        return Reading("DATE", None)
    else:
        base = ctx.anchor.replace(day=1)
        if ctx.tense == "past" and day > ctx.anchor.day:
            base = shift(base, -1, "M")
        elif ctx.tense == "future" and day < ctx.anchor.day:
            base = shift(base, 1, "M")
    try:
        point = base.replace(day=day)
    except ValueError:  # "the 31st" of a month without one
        return None
    return Reading("DATE", point.isoformat(), None, point, "D")


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year, of `year` and the two around it, in which `month`/`day` falls on `weekday`
    ("Saturday, April 25" told in 1998 is 1998's, whatever the tense said); `year` if none."""
    for candidate in (year, year - 1, year + 1):
        try:
            if date(candidate, month, day).isoweekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _in_narrative(ctx: Context, month: int, day: int) -> date | None:
    """The date a day and month (day 0: the month) with no year takes from the story, if any.

    Only for what is told in the past ("will be heard on March 3" counts from the report).
    """
    if ctx.narrative is None or ctx.tense != "past":
        return None
    return narrative_date(ctx.narrative, ctx.anchor, month, day or None)


def norm_iso(match: re.Match[str], ctx: Context) -> Reading | None:
    year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    reading = date_reading(year, month, day)
    if reading is None or not match.group("h"):
        return reading
    return Reading(
        "TIME", f"{reading.value}T{match.group('h')}:{match.group('mi')}", None, reading.point, "D"
    )


def norm_numeric(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "21.03.2013" (day first) and "3/21/2013" (US: month first unless the first is over 12)."""
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    if match.group("sep") == "/" and first <= 12:
        first, second = second, first
    return date_reading(year, second, first)


def norm_month(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "Sept. 2025", "late December 2025", "last July", "mid-March", "in August"."""
    month = lex.month_number(match.group("mon"))
    mod = position_mod(group(match, "pos"))
    year_text = group(match, "year")
    rel = squash(group(match, "rel"))
    year_step = _YEAR_STEPS.get(squash(group(match, "ry")))
    if year_text:
        year = year_value(year_text)
    elif ctx.anchor is None:
        return Reading("DATE", None, mod)
    elif year_step is not None:  # "June last year"
        year = ctx.anchor.year + year_step
    elif rel in ("last", "this past", "past"):
        # "last February" written in March is not the month just ended ("last month" names
        # that): the February of the year before
        latest = ctx.anchor.month - (1 if rel == "last" else 0)
        year = ctx.anchor.year if month < latest else ctx.anchor.year - 1
    elif rel in ("next", "the coming", "this coming", "coming"):
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "that" and ctx.reference is not None:  # "fled in 2023 ... that January"
        year = ctx.reference.year
    elif rel == "this":
        year = ctx.anchor.year
    elif not rel and (told := _in_narrative(ctx, month, 0)) is not None:
        year = told.year
    else:
        year = month_year(ctx.anchor, month, ctx.tense)
    return date_reading(year, month, None, mod)


def year_reading(year: int, mod: str | None, half: str | None = None) -> Reading:
    value = f"{year:04d}" if not half else f"{year:04d}-H{half}"
    return Reading("DATE", value, mod, date(year, 1, 1), "Y")


def norm_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "2013", "mid-2024", "the end of 2023", "fiscal 2013", "the first half of 2013"."""
    year = year_value(match.group("year"))
    half = group(match, "half")
    half_number = None if half is None else ("1" if squash(half) == "first" else "2")
    return year_reading(year, position_mod(group(match, "pos")), half_number)


def norm_short_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "'58": the most recent such year not after the anchor."""
    two = int(match.group("yy"))
    base = ctx.anchor.year if ctx.anchor else 2000
    year = (base // 100) * 100 + two
    if year > base:
        year -= 100
    return year_reading(year, None)


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def norm_decade(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "the 1990s" -> 199X: the decade's three leading digits and an unknown one."""
    mod = position_mod(group(match, "pos"))
    full = group(match, "dec")
    if full:
        return Reading("DATE", full[:3], mod)
    short = (
        group(match, "dec2")
        or group(match, "dec3")
        or str(_DECADE_WORDS[squash(group(match, "decw"))] * 10)
    )
    century = 19 if int(short) > 20 or ctx.anchor is None else ctx.anchor.year // 100
    return Reading("DATE", f"{century}{short[0]}", mod)


def norm_century(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "the 20th century" -> 19 (its two leading digits)."""
    ordinal = squash(match.group("ord"))
    number = int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else lex.ORDINALS.get(ordinal)
    if not number or number < 1:
        return None
    return Reading("DATE", f"{number - 1:02d}", position_mod(group(match, "pos")))


_ANAPHORIC_SEASON = {"that": 0, "the following": 1, "the next": 1, "the previous": -1}


def norm_season(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "summer" (the anchor's year), "spring of 2023", "last summer", "early autumn 2023"."""
    season = lex.SEASONS[squash(match.group("season"))]
    mod = position_mod(group(match, "pos"))
    year_text = group(match, "year")
    rel = squash(group(match, "rel"))
    year_step = _YEAR_STEPS.get(squash(group(match, "ry")))
    if year_text:
        year = year_value(year_text)
    elif year_step is not None and ctx.anchor is not None:  # "the summer of last year"
        year = ctx.anchor.year + year_step
    elif rel in _ANAPHORIC_SEASON:
        # "fled in March 1996 ... that summer", "the following winter": from the date just told
        origin = ctx.reference or ctx.anchor
        if origin is None:
            return Reading("DATE", None, mod)
        year = season_year(origin, season, _ANAPHORIC_SEASON[rel])
    elif ctx.anchor is None:
        return Reading("DATE", None, mod)
    elif rel in ("last", "this past", "past"):
        year = season_year(ctx.anchor, season, -1)
    elif rel in ("next", "the coming", "this coming", "coming"):
        year = season_year(ctx.anchor, season, 1)
    else:
        year = season_year(ctx.anchor, season, 0)
        # "this fall" is this year's, whatever the tense; only winter spans two years
        this = rel == "this" and season != "WI"
        if ctx.tense == "past" and not this and season_year(ctx.anchor, season, -1) == year - 1:
            first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
            if first_month > ctx.anchor.month:
                year -= 1
    return Reading("DATE", f"{year:04d}-{season}", mod, date(year, 1, 1), "Y")


_QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def _relative_year(rel: str, anchor: date) -> int:
    step = {"last": -1, "next": 1, "previous": -1, "past": -1}.get(rel.removeprefix("the "), 0)
    return anchor.year + step


def norm_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "the first quarter" (2013-Q1), "Q4 2012", "last quarter", "the second half of this year"."""
    which = squash(group(match, "q"))
    half = group(match, "half")
    year_text = group(match, "year")
    rel = squash(group(match, "rel") or group(match, "rel2"))
    mod = position_mod(group(match, "pos"))
    if which == "last" and (year_text or rel):
        which = "final"  # "the last quarter of 2012", "of the year": its fourth
    if which in (
        "last",
        "previous",
        "this",
        "next",
        "current",
        "the last",
        "the previous",
        "the next",
        "the current",
        "the past",
    ):
        if ctx.anchor is None:
            return Reading("DATE", None, mod)
        step = {"last": -1, "previous": -1, "next": 1, "past": -1}.get(
            which.removeprefix("the "), 0
        )
        day = shift(ctx.anchor, step, "Q")
        start = date(day.year, 3 * quarter_of(day) - 2, 1)
        return Reading("DATE", value_at(day, "Q"), mod, start, "Q")
    number = _QUARTERS.get(which) or (4 if which in ("final", "last") else 0)
    if half:
        number = 1 if squash(half) == "first" else 2
    if not number and match.group(0).upper().startswith(("Q", "H")):
        number = int(match.group(0)[1])
    code = "H" if half or match.group(0).upper().startswith("H") else "Q"
    if year_text:
        year = year_value(year_text)
    elif ctx.anchor is None:
        return Reading("DATE", None, mod)
    elif rel:
        year = _relative_year(rel, ctx.anchor)
    else:
        year = ctx.anchor.year
        # the latest such quarter begun, unless the text looks ahead to one not yet begun
        current = quarter_of(ctx.anchor) if code == "Q" else (1 if ctx.anchor.month <= 6 else 2)
        if number > current and ctx.tense != "future":
            year -= 1
    if code == "H":
        return Reading("DATE", f"{year:04d}-H{number}", mod, date(year, 6 * number - 5, 1), "Y")
    return Reading("DATE", f"{year:04d}-Q{number}", mod, date(year, 3 * number - 2, 1), "Q")


def reporting_quarter(ctx: Context) -> date | None:
    """The quarter a report is about: the last one named, else the last one completed."""
    if ctx.quarter is not None:
        return ctx.quarter
    if ctx.anchor is None:
        return None
    day = shift(ctx.anchor, -1, "Q")
    return date(day.year, 3 * quarter_of(day) - 2, 1)


def norm_reporting_period(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 third quarter",
    "year-earlier" (results): the quarter an earnings report is about, or that of a year before."""
    number = _QUARTERS.get(squash(group(match, "q") or group(match, "q2")))
    year_text = group(match, "year") or group(match, "year3")
    if group(match, "ago3") and ctx.quarter is None and ctx.anchor is not None:
        # "the same period last year" where no quarter was named: which period, the text
        # does not say; its year it does
        year = year_value(year_text) if year_text else ctx.anchor.year - 1
        return replace(year_reading(year, None), compared=True)
    quarter = reporting_quarter(ctx)
    if quarter is None:
        return Reading("DATE", None)
    compared = bool(group(match, "ago") or group(match, "ago2") or group(match, "ago3"))
    named_quarter = number or "quarter" in match.group(0).lower()
    if ctx.months_of_year and (compared or year_text) and not named_quarter:
        # "the 1988 period", "year-earlier net" after "the first nine months": those months
        # of that year, which TimeML writes as the year
        year = year_value(year_text) if year_text else quarter.year - 1
        return replace(year_reading(year, None), compared=True)
    if number:
        year = year_value(year_text) if year_text else quarter.year
        quarter = date(year, 3 * number - 2, 1)
    elif year_text:
        quarter = quarter.replace(year=year_value(year_text))
    if compared and not group(match, "year3"):
        quarter = shift(quarter, -1, "Y")
    return Reading("DATE", value_at(quarter, "Q"), None, quarter, "Q", compared=compared)


def norm_reporting_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "for the year", "the full year" (the year reported on), "the latest fiscal year" (the last
    one closed), "the year ended March 31" (a year's span)."""
    if group(match, "ended") is not None:  # an empty group: the lookahead found "ended"
        return Reading("DURATION", "P1Y")
    quarter = reporting_quarter(ctx)
    if quarter is None:
        return Reading("DATE", None)
    year = quarter.year - (1 if squash(group(match, "adj")).startswith("latest") else 0)
    return year_reading(year, None)
