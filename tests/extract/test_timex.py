"""The time-expression tagger: casefile dates (GUIDELINES "Dates"), TimeML values, guards."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.extract.timex import find_timexes, infer_tense, resolve
from casefile.extract.timex_calendar import calendar_date, month_day_date, weekday_date

FRIDAY = date(2026, 1, 30)  # a Friday, as the seed article's publication date
THURSDAY = date(2013, 3, 21)


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("last Thursday", FRIDAY, "2026-01-29"),
        ("Thursday", FRIDAY, "2026-01-29"),
        ("Friday", FRIDAY, "2026-01-30"),
        ("Saturday", FRIDAY, "2026-01-24"),
        ("Jan. 30", FRIDAY, "2026-01-30"),
        ("January 30, 2026", FRIDAY, "2026-01-30"),
        ("30 January 2026", FRIDAY, "2026-01-30"),
        ("the 30th of January 2026", FRIDAY, "2026-01-30"),
        ("Dec. 26, 2025", FRIDAY, "2025-12-26"),
        ("Dec. 26", FRIDAY, "2025-12-26"),
        ("Feb. 11", FRIDAY, "2026-02-11"),
        ("Sept. 2025", FRIDAY, "2025-09"),
        ("May 2025", FRIDAY, "2025-05"),
        ("late December 2025", FRIDAY, "2025-12"),
        ("mid-March 2024", FRIDAY, "2024-03"),
        ("early 2023", FRIDAY, "2023"),
        ("autumn 2023", FRIDAY, "2023"),
        ("spring of 2023", FRIDAY, "2023"),
        ("mid-2024", FRIDAY, "2024"),
        ("the end of 2023", FRIDAY, "2023"),
        ("2020", FRIDAY, "2020"),
        ("last year", FRIDAY, "2025"),
        ("early last year", FRIDAY, "2025"),
        ("last month", FRIDAY, "2025-12"),
        ("next month", FRIDAY, "2026-02"),
        ("this month", FRIDAY, "2026-01"),
        ("last week", FRIDAY, "2026-01"),
        ("two weeks ago", FRIDAY, "2026-01"),
        ("three days ago", FRIDAY, "2026-01-27"),
        ("two years ago", FRIDAY, "2024"),
        ("yesterday", FRIDAY, "2026-01-29"),
        ("today", FRIDAY, "2026-01-30"),
        ("tonight", FRIDAY, "2026-01-30"),
        ("this morning", FRIDAY, "2026-01-30"),
        ("the day before yesterday", FRIDAY, "2026-01-28"),
        ("between May 3 and 5, 2025", FRIDAY, "2025-05"),
        ("May 3-5, 2025", FRIDAY, "2025-05"),
        ("3-5 May 2025", FRIDAY, "2025-05"),
        ("2013-03-21", FRIDAY, "2013-03-21"),
        ("21.03.2013", FRIDAY, "2013-03-21"),
        ("3/21/2013", FRIDAY, "2013-03-21"),
        ("the first quarter", THURSDAY, "2013"),
        ("fiscal 2013", FRIDAY, "2013"),
        ("summer", FRIDAY, "2026"),
        ("last summer", FRIDAY, "2025"),
        ("10 p.m.", FRIDAY, "2026-01-30"),
        ("10:30 a.m. Thursday", FRIDAY, "2026-01-29"),
        ("by the end of the month", FRIDAY, "2026-01"),
        ("since 2019", FRIDAY, "2019"),
        ("in 2020", FRIDAY, "2020"),
    ],
)
def test_resolve_gives_the_casefile_date(expression: str, anchor: date, expected: str) -> None:
    timex = resolve(expression, anchor)
    assert timex is not None
    assert timex.date == expected


@pytest.mark.parametrize(
    "expression",
    [
        "more than a year",
        "two years",
        "after seven months",
        "the past five years",
        "three hours",
        "decades",
        "recently",
        "now",
        "every Tuesday",
        "quarterly",
        "in the 1990s",
    ],
)
def test_durations_sets_and_vague_references_have_no_date(expression: str) -> None:
    timex = resolve(expression, FRIDAY)
    assert timex is not None
    assert timex.date is None


@pytest.mark.parametrize(
    ("expression", "anchor", "type_", "value", "mod"),
    [
        ("Jan. 30", FRIDAY, "DATE", "2026-01-30", None),
        ("Sept. 2025", FRIDAY, "DATE", "2025-09", None),
        ("mid-2024", FRIDAY, "DATE", "2024", "MID"),
        ("the end of 2023", FRIDAY, "DATE", "2023", "END"),
        ("early last year", FRIDAY, "DATE", "2025", "START"),
        ("late December 2025", FRIDAY, "DATE", "2025-12", "END"),
        ("two weeks ago", THURSDAY, "DATE", "2013-W10", None),
        ("last week", THURSDAY, "DATE", "2013-W11", None),
        ("this week", THURSDAY, "DATE", "2013-W12", None),
        ("next year", THURSDAY, "DATE", "2014", None),
        ("in the 1990s", FRIDAY, "DATE", "199", None),
        ("the 20th century", FRIDAY, "DATE", "19", None),
        ("the past five years", FRIDAY, "DURATION", "P5Y", None),
        ("every Tuesday", FRIDAY, "SET", "XXXX-WXX-2", None),
        ("every morning", FRIDAY, "SET", "XXXX-XX-XXTMO", None),
        ("every two weeks", FRIDAY, "SET", "P2W", None),
        ("quarterly", FRIDAY, "SET", "P3M", None),
        ("daily", FRIDAY, "SET", "P1D", None),
        ("the first quarter", THURSDAY, "DATE", "2013-Q1", None),
        ("the fourth quarter", THURSDAY, "DATE", "2012-Q4", None),
        ("the second half of 2012", FRIDAY, "DATE", "2012-H2", None),
        ("Q3 2024", FRIDAY, "DATE", "2024-Q3", None),
        ("summer", THURSDAY, "DATE", "2013-SU", None),
        ("last summer", THURSDAY, "DATE", "2012-SU", None),
        ("this fiscal year", THURSDAY, "DATE", "2013", None),
        ("10 p.m.", THURSDAY, "TIME", "2013-03-21T22:00", None),
        ("Friday afternoon", date(2013, 3, 22), "TIME", "2013-03-22TAF", None),
        ("15:00 GMT Saturday", date(2013, 3, 24), "TIME", "2013-03-23T15:00", None),
        ("noon", THURSDAY, "TIME", "2013-03-21T12:00", None),
        ("tonight", THURSDAY, "TIME", "2013-03-21TNI", None),
        ("three hours", FRIDAY, "DURATION", "PT3H", None),
        ("half an hour", FRIDAY, "DURATION", "PT30M", None),
        ("18 months", FRIDAY, "DURATION", "P18M", None),
        ("a year and a half", FRIDAY, "DURATION", "P1Y6M", None),
        ("decades", FRIDAY, "DURATION", "PXDE", None),
        ("several days", FRIDAY, "DURATION", "PXD", None),
        ("the next few months", FRIDAY, "DURATION", "PXM", None),
        ("more than a year", FRIDAY, "DURATION", "P1Y", "MORE_THAN"),
        ("almost seven years", FRIDAY, "DURATION", "P7Y", "LESS_THAN"),
        ("around a week", FRIDAY, "DURATION", "P1W", "APPROX"),
        ("about a week", FRIDAY, "DURATION", "P1W", None),  # "about" stays outside (TimeML)
        ("Oct. 10 last year", FRIDAY, "DATE", "2025-10-10", None),
        ("June last year", FRIDAY, "DATE", "2025-06", None),
        ("nineteen ninety-six", FRIDAY, "DATE", "1996", None),
        ("the late 1970s", FRIDAY, "DATE", "197", "END"),
        ("a four-week", FRIDAY, "DURATION", "P4W", None),
        ("recently", FRIDAY, "DATE", "PAST_REF", None),
        ("now", FRIDAY, "DATE", "PRESENT_REF", None),
        ("the future", FRIDAY, "DATE", "FUTURE_REF", None),
        ("'58", THURSDAY, "DATE", "1958", None),
    ],
)
def test_resolve_gives_timeml_type_value_and_mod(
    expression: str, anchor: date, type_: str, value: str, mod: str | None
) -> None:
    timex = resolve(expression, anchor)
    assert timex is not None
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A hearing has been scheduled for Feb. 11.", "2026-02-11"),
        ("The hearing was postponed to Feb. 26.", "2026-02-26"),
        ("He was detained on Feb. 11.", "2025-02-11"),
        ("The court will rule on Thursday.", "2026-02-05"),
        ("The court ruled on Thursday.", "2026-01-29"),
        ("The verdict is expected Monday.", "2026-02-02"),
        ("Police detained him on Monday.", "2026-01-26"),
        ("He will be tried on Monday.", "2026-02-02"),
        ("He said the appeal would be heard in March.", "2026-03"),
        ("He fled in March.", "2025-03"),
        ("The extradition was granted in December.", "2025-12"),
    ],
)
def test_tense_cues_pick_the_year_or_week(sentence: str, expected: str) -> None:
    (timex,) = find_timexes(sentence, FRIDAY)
    assert timex.date == expected


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("Feb. 11", "past", "2025-02-11"),
        ("Feb. 11", "future", "2026-02-11"),
        ("Feb. 11", None, "2026-02-11"),
        ("Dec. 26", "future", "2026-12-26"),
        ("Thursday", "future", "2026-02-05"),
        ("Friday", "future", "2026-01-30"),
        ("Thursday", "past", "2026-01-29"),
        ("June", "past", "2025-06"),
        ("June", "future", "2026-06"),
    ],
)
def test_the_caller_can_give_the_tense(expression: str, tense: str, expected: str) -> None:
    timex = resolve(expression, FRIDAY, tense=tense)  # type: ignore[arg-type]
    assert timex is not None
    assert timex.date == expected


def test_finds_expressions_with_offsets_into_the_text() -> None:
    text = "Police detained Movlayev in May 2025, and on Dec. 26, 2025 his asylum bid failed."
    timexes = find_timexes(text, FRIDAY)
    assert [(t.text, t.date) for t in timexes] == [
        ("May 2025", "2025-05"),
        ("Dec. 26, 2025", "2025-12-26"),
    ]
    for timex in timexes:
        assert text[timex.start : timex.end] == timex.text


def test_anaphoric_expressions_count_from_the_last_date_mentioned() -> None:
    text = (
        "He was sentenced in 2020. The following year he fled, and a day later on May 3, 2022 ..."
    )
    timexes = find_timexes(text, FRIDAY)
    assert [(t.text, t.date) for t in timexes][:2] == [
        ("2020", "2020"),
        ("The following year", "2021"),
    ]
    assert resolve("a day later", FRIDAY, reference=date(2025, 5, 3)).date == "2025-05-04"  # type: ignore[union-attr]
    assert resolve("a year after", FRIDAY).type == "DURATION"  # type: ignore[union-attr]


def test_relative_expressions_without_an_anchor_have_no_value() -> None:
    assert [(t.text, t.value) for t in find_timexes("last week and on 3 May 2021", None)] == [
        ("last week", None),
        ("3 May 2021", "2021-05-03"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He may appeal the ruling.",
        "May he rest in peace.",
        "Thousands joined a protest march.",
        "March on, they said.",
        "About 1,500 people gathered.",
        "He was charged under Article 205 of the code.",
        "Section 2020 of the act applies.",
        "The fall of the government was swift.",
        "The 12-year-old boy was released.",
        "He paid $2013 in fines.",
        "He told The Sun. Then he left.",
        "About 1984 protesters marched.",
        "He was held in Room 1984 under No. 2019.",
        "The May Day rally was banned.",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_timexes(text, FRIDAY) == []


def test_sentenced_to_two_years_is_a_duration() -> None:
    (timex,) = find_timexes("He was sentenced to two years in prison.", FRIDAY)
    assert (timex.text, timex.type, timex.value, timex.date) == (
        "two years",
        "DURATION",
        "P2Y",
        None,
    )


def test_extent_leaves_out_prepositions_and_possessives() -> None:
    text = "Thursday's hearing was moved since 2019 on Monday"
    assert [t.text for t in find_timexes(text, FRIDAY)] == ["Thursday", "2019", "Monday"]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("The hearing will take place on ", 31, "future"),
        ("The hearing is set for ", 23, "future"),
        ("He was detained on ", 19, "past"),
        ("The group met ", 14, "past"),
        ("Police said on ", 15, "past"),
        ("On ", 3, None),
    ],
)
def test_infer_tense(text: str, start: int, expected: str | None) -> None:
    assert infer_tense(text + "Thursday", start, start + 8) == expected


@pytest.mark.parametrize(
    ("anchor", "weekday", "tense", "expected"),
    [
        (FRIDAY, 4, None, date(2026, 1, 29)),
        (FRIDAY, 5, None, FRIDAY),
        (FRIDAY, 5, "future", FRIDAY),
        (FRIDAY, 1, "future", date(2026, 2, 2)),
    ],
)
def test_weekday_date(anchor: date, weekday: int, tense: str | None, expected: date) -> None:
    assert weekday_date(anchor, weekday, tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "day", "tense", "expected"),
    [
        (2, 11, None, date(2026, 2, 11)),
        (12, 26, None, date(2025, 12, 26)),
        (7, 1, None, date(2026, 7, 1)),
        (8, 1, None, date(2025, 8, 1)),
        (1, 30, "future", date(2026, 1, 30)),
    ],
)
def test_month_day_year_choice(month: int, day: int, tense: str | None, expected: date) -> None:
    assert month_day_date(FRIDAY, month, day, tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "type_", "expected"),
    [
        ("2025-12-26", "DATE", "2025-12-26"),
        ("2025-12-26TMO", "TIME", "2025-12-26"),
        ("2025-12", "DATE", "2025-12"),
        ("2013-W11", "DATE", "2013-03"),
        ("2026-W05", "DATE", "2026"),
        ("2013-Q1", "DATE", "2013"),
        ("2013-SU", "DATE", "2013"),
        ("199", "DATE", None),
        ("PAST_REF", "DATE", None),
        ("P2Y", "DURATION", None),
        (None, "DATE", None),
    ],
)
def test_calendar_date(value: str | None, type_: str, expected: str | None) -> None:
    assert calendar_date(value, type_) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bound is no date (GUIDELINES "Dates")
        ("more than a year ago", [("more than a year ago", "2025", None)]),
        ("about two years ago", [("two years ago", "2024", "2024")]),  # "about" stays outside
        # anaphora with nothing to count from keep a value but give no date
        ("a day later", [("a day", "P1D", None)]),  # TimeML: a span, P1D
        ("He was arrested the day before the protest.", [("the day", "2026-01-29", None)]),
        (
            "The court met on May 3, 2025; the day after, he was freed.",
            [("May 3, 2025", "2025-05-03", "2025-05-03"), ("the day", "2025-05-04", "2025-05-04")],
        ),
        (
            "Profit rose in the third quarter of 2025 from a year earlier.",
            [
                ("the third quarter of 2025", "2025-Q3", "2025"),
                ("a year earlier", "2024-Q3", "2024"),
            ],
        ),
        (
            "He was detained in May 2025 and a year later he was released.",
            [("May 2025", "2025-05", "2025-05"), ("a year later", "2026-05", "2026-05")],
        ),
    ],
)
def test_bounds_and_anaphora(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(t.text, t.value, t.date) for t in find_timexes(text, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose over the past year.", [("the past year", "DATE", "2025")]),
        ("The deal will close by year-end.", [("year-end", "DATE", "2026")]),
        ("Flu cases peaked by the end of the year.", [("the end of the year", "DATE", "2025")]),
        ("The hearing starts Wednesday.", [("Wednesday", "DATE", "2026-02-04")]),
        ("The deal was signed on 12/15/88.", [("12/15/88", "DATE", "1988-12-15")]),
        ("the 2012-13 season", [("2012", "DATE", "2012"), ("13", "DATE", "2013")]),
        ("She finished in 2:05:31.", [("2:05:31", "DURATION", "PT2H5M31S")]),
        (
            "between 12 and 18 months",
            [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")],
        ),
        ("a 10-year sentence", [("10-year", "DURATION", "P10Y")]),
        ("the 30-year bond", [("30-year", "DURATION", "P30Y")]),
        ("late yesterday", [("late yesterday", "DATE", "2026-01-29")]),
        ("for his 2020 campaign", [("2020", "DATE", "2020")]),
        ("a month earlier than usual", [("a month", "DURATION", "P1M")]),
        (
            "eight years from now",
            [("eight years", "DURATION", "P8Y"), ("now", "DATE", "PRESENT_REF")],
        ),
        ("children aged 6 months and older", []),
        ("detained over the weekend", [("the weekend", "DATE", "2026-W04-WE")]),
        (
            "He fled in 2023 and arrived that January.",
            [("2023", "DATE", "2023"), ("that January", "DATE", "2023-01")],
        ),
        ("a sub-five-minute mile", []),
    ],
)
def test_news_phrasings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_timexes(text, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She left in 2023 and was listed in November of that year.", "2023-11"),
        ("She left in 2023 and came back in March of the following year.", "2024-03"),
    ],
)
def test_a_month_of_that_year_takes_the_year_just_named(text, expected):
    found = find_timexes(text, date(2026, 7, 24))

    assert found[-1].date == expected
    assert found[-1].text.endswith("year")
