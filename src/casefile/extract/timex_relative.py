"""Normalizers of expressions counted from the anchor or from the last date mentioned.

"yesterday", "last week", "two weeks ago", "a day later", "Thursday", "10 p.m.",
and the expressions that name no date: durations, sets, vague references.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from casefile.extract import timex_lexicon as lex
from casefile.extract.timex_calendar import Tense, shift, value_at, weekday_date
from casefile.extract.timex_dates import norm_month_day, reporting_quarter, year_reading
from casefile.extract.timex_rules import (
    TIME_UNITS,
    Context,
    Reading,
    duration_value,
    group,
    position_mod,
    quantifier_mod,
    squash,
    unit_of,
)


def norm_day_word(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "today", "tonight", "this morning", "last night", "the day before yesterday"."""
    word = squash(match.group("word"))
    part = squash(group(match, "part"))
    before_after = squash(group(match, "ba"))
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    offset += {"before": -1, "after": 1}.get(before_after, 0)
    if word == "tonight":
        part = "night"
    if word == "last" and not part:
        return None
    mod = position_mod(group(match, "pos") or group(match, "pos2"))
    if ctx.anchor is None:
        return Reading("TIME" if part else "DATE", None, mod)
    day = shift(ctx.anchor, offset, "D")
    if part:
        return Reading("TIME", f"{day.isoformat()}T{lex.PARTS_OF_DAY[part]}", mod, day, "D")
    return Reading("DATE", day.isoformat(), mod, day, "D")


_RELATIVE_STEP = {
    "last": -1,
    "past": -1,
    "this past": -1,
    "previous": -1,
    "the previous": -1,
    "the preceding": -1,
    "the last": -1,
    "the past": -1,
    "next": 1,
    "the next": 1,
    "the following": 1,
    "coming": 1,
    "this coming": 1,
    "the coming": 1,
}


def norm_relative_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "last week", "this month", "next year", "early last year", "the following year", "that day",
    "earlier this year", "the end of the month"."""
    rel = squash(group(match, "rel"))
    unit_word = squash(match.group("unit"))
    mod = position_mod(group(match, "pos"))
    unit = lex.unit_code(unit_word)
    anaphoric = rel in (
        "the following",
        "the previous",
        "the preceding",
        "that",
        "the same",
        "later that",
        "earlier that",
        "earlier in the",  # "later in the day": the day the story is at
        "later in the",
        "the next",
    )
    origin = ctx.reference if anaphoric and ctx.reference else ctx.anchor
    if anaphoric and unit == "D" and ctx.day_reference is not None:
        # "the next day" after a day was named: count from that day, even if a year was
        # mentioned in between ("detained on July 2 ... wanted since 2024 ... the next day")
        ctx = replace(ctx, reference=ctx.day_reference, reference_unit="D")
        origin = ctx.day_reference
    if rel in ("earlier in the", "later in the") and unit != "D":
        origin = ctx.narrative or ctx.anchor  # "earlier in the year": the story's year
    if origin is None:
        return Reading("DATE", None, mod)
    if unit in ("DE", "CE") and rel in _SPAN_RELATIONS - _LOOKING_BACK:
        return Reading("DURATION", duration_value(1, unit), mod)  # "the next decade"
    step = _RELATIVE_STEP.get(rel, 0)
    before_after = squash(group(match, "ba"))
    dated = not anaphoric or ctx.reference is not None
    if before_after:  # "the day before", "the year after": next to the last date mentioned
        step = 1 if before_after == "after" else -1
        origin = ctx.reference or origin
        # "the day before the protest" counts from the protest, not from a date
        dated = ctx.reference is not None and group(match, "close") is not None
    told = ctx.narrative
    if rel in ("", "the") and mod and told is not None and _story_behind(told, ctx, unit):
        origin = told  # "Mid-2023 he returned; by year-end he was in prison": 2023's end
    elif rel in ("", "the") and mod and ctx.anchor is not None:
        step = _unsaid_step(ctx.anchor, unit, mod, ctx.tense)
    if unit_word == "weekend" and rel in ("", "the", "over the"):
        step = 0 if ctx.tense == "future" or origin.isoweekday() >= 6 else -1
        if ctx.tense == "future" and origin.isoweekday() == 7:
            step = 1
    if unit == "D" and unit_word == "night":
        day = shift(origin, step, "D")
        return Reading("TIME", f"{day.isoformat()}TNI", mod, day, "D")
    day = shift(origin, step, "W" if unit == "WE" else unit)
    if anaphoric and ctx.reference_unit and _coarser(ctx.reference_unit, unit):
        unit = ctx.reference_unit
    return Reading("DATE", value_at(day, unit), mod, day, unit, dated)


# "the past year", "the last decade" name the period before the current one, as "last year"
# does (TimeML annotators give them its value); "the past five years" is a duration.
_LOOKING_BACK = frozenset(("the last", "the past", "past", "this past"))
_SPAN_RELATIONS = frozenset(
    (
        "the next",
        "the last",
        "the coming",
        "the past",
        "the following",
        "the previous",
        "past",
        "this past",
        "the preceding",
    )
)


def _story_behind(told: date, ctx: Context, unit: str) -> bool:
    """Is a story told in the past at an earlier year (or month) than the report?"""
    if ctx.tense != "past" or ctx.anchor is None or unit not in ("Y", "M"):
        return False
    if unit == "Y":
        return told.year < ctx.anchor.year
    return (told.year, told.month) < (ctx.anchor.year, ctx.anchor.month)


def _unsaid_step(anchor: date, unit: str, mod: str, tense: Tense | None) -> int:
    """Which year "the end of the year" means.

    In the past tense, an end not yet reached is last year's; in the future
    tense, a beginning already passed is next year's.
    """
    if unit not in ("Y", "M", "W", "Q"):
        return 0
    length = {"Y": 365, "M": 30, "W": 7, "Q": 91}[unit]
    if unit == "Y":
        elapsed = anchor.timetuple().tm_yday / length
    elif unit == "M":
        elapsed = anchor.day / length
    elif unit == "W":
        elapsed = anchor.isoweekday() / length
    else:
        elapsed = ((anchor.month - 1) % 3 * 30 + anchor.day) / length
    if tense == "past" and ((mod == "END" and elapsed < 0.75) or (mod == "MID" and elapsed < 0.4)):
        return -1
    if tense == "future" and mod == "START" and elapsed > 0.25:
        return 1
    return 0


_ORDER = ["S", "M_", "H", "D", "W", "WE", "M", "Q", "Y", "DE", "CE"]


def _coarser(first: str, second: str) -> bool:
    """Is unit `first` longer than `second`? (A month reference plus a day stays a month.)"""
    order = {u: i for i, u in enumerate(_ORDER)}
    return order.get(first, 0) > order.get(second, 0)


def norm_offset(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "two weeks ago", "a day later", "three years earlier", "two days from now"."""
    amount = lex.number_value(match.group("n"))
    unit = unit_of(match.group("unit"))
    direction = squash(match.group("dir"))
    mod = quantifier_mod(group(match, "qmod"))
    backwards = direction in ("ago", "earlier", "before", "back", "previously")
    relative = direction in ("later", "earlier", "after", "afterwards", "before")
    origin = ctx.reference if relative and ctx.reference else ctx.anchor
    # "three days later", "a week earlier": TimeML annotates the span; "a year earlier" in a
    # comparison of results, and "two weeks ago", stay dates
    span = duration_value(amount, unit) if relative and unit not in ("Y", "DE", "CE") else None
    if amount is None:
        if span:
            return Reading("DURATION", span, mod, span=span)
        return Reading("DATE", "PAST_REF" if backwards else "FUTURE_REF", mod)
    if origin is None:
        return Reading("DATE", None, mod, span=span)
    if unit in TIME_UNITS:
        return Reading("DATE", origin.isoformat(), mod, origin, "D", span=span)
    if amount != int(amount):
        return Reading("DATE", None, mod, span=span)
    base = unit if unit != "WE" else "W"
    if base == "Y" and amount == 1 and backwards and ctx.months_of_year:
        # "net for the nine months ... up from $3 million a year earlier": the year before
        reported = reporting_quarter(ctx)
        if reported is not None:
            return replace(year_reading(reported.year - 1, mod), compared=True)
    if base == "Y" and amount == 1 and backwards and ctx.quarter is not None:
        # "profit rose from $3 million a year ago" in a report on a quarter: that quarter then
        day = shift(ctx.quarter, -int(amount), "Y")
        return Reading("DATE", value_at(day, "Q"), mod, day, "Q", compared=True)
    day = shift(origin, -int(amount) if backwards else int(amount), base)
    # "a day later" than a month stays a month; "a year earlier" than a quarter is a quarter
    same_period = base == "Y" and ctx.reference_unit in ("M", "Q")
    if relative and ctx.reference_unit and (_coarser(ctx.reference_unit, base) or same_period):
        base = ctx.reference_unit
    dated = not relative or ctx.reference is not None
    return Reading("DATE", value_at(day, base), mod, day, base, dated, span=span)


def norm_part_of_day_anaphor(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "in the morning" after a day is named: that day's morning; with no day named, none
    (a habit: "he trains in the morning")."""
    if ctx.day_reference is None:
        return None
    part = lex.PARTS_OF_DAY[squash(match.group("part"))]
    day = ctx.day_reference
    return Reading("TIME", f"{day.isoformat()}T{part}", None, day, "D")


def norm_part_of_day_position(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "mid-afternoon yesterday"; "by late morning": that part of the day the story is at (the
    last day told, else the report's)."""
    part = lex.PARTS_OF_DAY[squash(match.group("part"))]
    mod = position_mod(match.group("pos"))
    word = squash(group(match, "word"))
    if word:
        origin = ctx.anchor
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    else:
        origin, offset = ctx.day_reference or ctx.anchor, 0
    if origin is None:
        return Reading("TIME", None, mod)
    day = shift(origin, offset, "D")
    return Reading("TIME", f"{day.isoformat()}T{part}", mod, day, "D")


def text_before(match: re.Match[str], width: int) -> str:
    """The `width` characters of the searched text before `match`."""
    return match.string[max(0, match.start() - width) : match.start()]


def norm_ordinal_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "(today) is the eighth day of the strike": the report's day; "(Tuesday) was the fifth
    day": the day just told, none if no day was."""
    told = text_before(match, 8).rstrip().lower()
    day = ctx.day_reference if told.endswith(("was", "marked")) else ctx.anchor
    if day is None:
        return None
    return Reading("DATE", day.isoformat(), None, day, "D")


def norm_overnight(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "overnight": the night before the day the story is at ("Shares fell on Friday after
    overnight losses in Tokyo"), else before the report ("Overnight, rebels shelled the town")."""
    origin = ctx.day_reference or ctx.anchor
    if origin is None:
        return Reading("TIME", None)
    day = shift(origin, -1, "D")  # no new reference: the story stays on its day
    return Reading("TIME", f"{day.isoformat()}TNI")


def norm_weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "Thursday", "last Thursday", "next Tuesday", "Friday afternoon"."""
    weekday = lex.weekday_number(match.group("wd"))
    rel = squash(group(match, "rel"))
    part = squash(group(match, "part"))
    if ctx.anchor is None:
        return Reading("TIME" if part else "DATE", None)
    if rel in ("last", "this past", "past", "previous"):
        day = weekday_date(ctx.anchor, weekday, "past", strict=True)
    elif rel in ("next", "this coming", "coming"):
        day = weekday_date(ctx.anchor, weekday, "future", strict=True)
    elif rel == "this":  # "this Friday": the Friday of the report's own week
        day = ctx.anchor + timedelta(days=weekday - ctx.anchor.isoweekday())
    elif rel in ("the following", "the next", "the previous", "that") and ctx.reference:
        tense: Tense = "past" if rel == "the previous" else "future"
        # "stopped on Monday, February 3 ... went to court that Monday": the same day
        day = weekday_date(ctx.reference, weekday, tense, strict=rel != "that")
    else:
        day = weekday_date(ctx.anchor, weekday, ctx.tense)
    mod = position_mod(group(match, "pos"))
    if part:
        return Reading("TIME", f"{day.isoformat()}T{lex.PARTS_OF_DAY[part]}", mod, day, "D")
    return Reading("DATE", day.isoformat(), mod, day, "D")


def _clock(match: re.Match[str]) -> str | None:
    """ "10 p.m." -> "22:00"; "noon" -> "12:00"; None for an impossible hour."""
    special = squash(group(match, "special"))
    if special:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[special]
    hour = int(group(match, "h") or match.group("h2"))
    minute = int(group(match, "mi") or group(match, "mi2") or 0)
    meridian = squash(group(match, "ap")).replace(".", "")
    if meridian:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridian == "pm" else 0)
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def norm_time(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "10 p.m.", "10:30 a.m. Thursday", "15:00 GMT Saturday", "noon on Friday"."""
    clock = _clock(match)
    if clock is None:
        return None
    day_word = squash(group(match, "wd") or group(match, "wd2"))
    day: date | None = ctx.reference or ctx.anchor
    if group(match, "mon"):
        sub = norm_month_day(match, ctx)
        day = sub.point if sub else None
    elif day_word in ("today", "tonight"):
        day = ctx.anchor
    elif day_word in ("yesterday", "tomorrow"):
        day = shift(ctx.anchor, -1 if day_word == "yesterday" else 1, "D") if ctx.anchor else None
    elif day_word:
        day = (
            weekday_date(ctx.anchor, lex.weekday_number(day_word), ctx.tense)
            if ctx.anchor
            else None
        )
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Reading("TIME", f"{prefix}T{clock}", None, day, "D" if day else None)


# --- durations, sets, references ---------------------------------------


def norm_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "two years", "the past five years" (P5Y), "three hours" (PT3H), "decades" (PXDE),
    "more than a year" (MORE_THAN), "a 10-year sentence", "a year and a half"."""
    number_text = group(match, "n")
    unit = unit_of(match.group("unit"))
    and_half = group(match, "andhalf")
    if number_text and and_half:  # "two and a half months"
        number_text = number_text[: -len(and_half)]
    amount = lex.number_value(number_text) if number_text else None
    if amount is not None and and_half:
        amount += 0.5
    if number_text and squash(number_text) in ("half a", "half an", "a half"):
        amount = 0.5
    if amount is not None and group(match, "half"):
        amount += 0.5
    mod = quantifier_mod(group(match, "qmod"))
    if amount is not None and amount != int(amount):
        mixed = _mixed_duration(amount, unit)
        if mixed is not None:
            return Reading("DURATION", mixed, mod)
    return Reading("DURATION", duration_value(amount, unit), mod)


# A unit and the next smaller one, to write a fraction in whole numbers: "2 1/2 years" is
# P2Y6M, "an hour and a half" PT1H30M, "a minute and a half" PT1M30S (TimeML, ISO 8601)
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "D": ("TH", 24), "H_": ("M", 60), "M_": ("S", 60)}


def _mixed_duration(amount: float, unit: str) -> str | None:
    """A fractional duration in a unit and the next smaller one, or None if none fits."""
    if unit not in _SMALLER:
        return None
    smaller, per = _SMALLER[unit]
    whole, rest = int(amount), round((amount - int(amount)) * per, 6)
    if rest != int(rest):
        return None
    time = unit.endswith("_")
    big = f"{whole}{unit.rstrip('_')}" if whole else ""
    small = f"{int(rest)}{smaller.removeprefix('T')}"
    if smaller.startswith("T"):
        return f"P{big}T{small}"
    return f"P{'T' if time else ''}{big}{small}"


SET_UNITS = {
    "D": "P1D",
    "W": "P1W",
    "M": "P1M",
    "Y": "P1Y",
    "H_": "PT1H",
    "M_": "PT1M",
    "Q": "P3M",
}


def norm_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "every Tuesday" (XXXX-WXX-2), "every day" (P1D), "every two weeks" (P2W), "every morning",
    "on Mondays", "quarterly", "twice a year"."""
    what = squash(group(match, "what"))
    freq = group(match, "freq")
    if freq:
        return Reading("SET", lex.FREQUENCIES[squash(freq)])
    if group(match, "wd"):
        return Reading("SET", f"XXXX-WXX-{lex.weekday_number(match.group('wd'))}")
    if what in lex.PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{lex.PARTS_OF_DAY[what]}")
    if what in lex.SEASONS:
        return Reading("SET", f"XXXX-{lex.SEASONS[what]}")
    if group(match, "mon"):
        return Reading("SET", f"XXXX-{lex.month_number(match.group('mon')):02d}")
    unit = unit_of(what)
    amount = lex.number_value(group(match, "n") or "1")
    if group(match, "other"):
        amount = 2
    if group(match, "vague"):  # "every few months"
        return Reading("SET", duration_value(None, unit))
    if amount is None:
        return Reading("SET", None)
    return Reading("SET", duration_value(amount, unit) if amount != 1 else SET_UNITS.get(unit))


def norm_reference(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "now", "currently" (PRESENT_REF), "recently", "the past" (PAST_REF), "the future"."""
    return Reading("DATE", lex.REFERENCES[squash(match.group(0))])
