"""Time-expression phenomena of general news, each stated as the TimeML convention it follows.

Every case is a sentence written for this file (wire copy, an earnings note, a
regional paper in translation, an NGO release, a court report); the expected
values are what the TIMEX3 guidelines give.
"""

from __future__ import annotations

from datetime import date

import pytest

from casefile.extract.timex import find_timexes

TUESDAY = date(1994, 11, 8)  # early in a fourth quarter, as most earnings notes are
SPRING = date(2021, 4, 14)


def value_of(text: str, expression: str, anchor: date) -> str | None:
    """The TimeML value the tagger gives `expression` where it first occurs in `text`."""
    for timex in find_timexes(text, anchor):
        if timex.text == expression:
            return timex.value
    found = [t.text for t in find_timexes(text, anchor)]
    raise AssertionError(f"{expression!r} not tagged in {text!r}; found {found}")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the infinitive's event, not the past verb before it, decides: the nearest occurrence
        ("The ministry agreed to hand over the files in January.", "January", "1995-01"),
        ("The court asked the defence to reply by Nov. 30.", "Nov. 30", "1994-11-30"),
        ("Talks that were meant to end by March stalled again.", "March", "1995-03"),
        ("The board approved a plan to list the shares in February.", "February", "1995-02"),
        # a real past tense still reaches back
        ("She stepped down as director in March.", "March", "1994-03"),
        ("The activist was sent to prison in December.", "December", "1993-12"),
        ("The refugees returned to Minsk in December.", "December", "1993-12"),
        ("A recognised refugee, he was flown to Vilnius in October.", "October", "1994-10"),
    ],
)
def test_a_past_verb_with_an_infinitive_leaves_the_year_to_the_nearest_date(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a quarter still running is not the one a results note is about
        (
            "The group expects a fourth-quarter writedown. Profit in the latest quarter fell 9%.",
            "the latest quarter",
            "1994-Q3",
        ),
        (
            "Third-quarter sales were flat. A fourth-quarter charge is likely; net income fell"
            " to $4 million from $6 million a year ago.",
            "a year ago",
            "1993-Q3",
        ),
        # a quarter that has ended is
        (
            "In the second quarter the bank lost money. In the latest quarter it earned $2m.",
            "the latest quarter",
            "1994-Q2",
        ),
    ],
)
def test_the_quarter_reported_on_has_ended(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Arrests of bloggers doubled over the past year.", "the past year", "2020"),
        ("Exports have shrunk in the last decade.", "the last decade", "201"),
        ("Fuel prices rose in the past month, the union said.", "the past month", "2021-03"),
        # with a number it is a span
        ("He has been in pre-trial detention for the past two years.", "the past two years", "P2Y"),
        ("Rents climbed over the last six months.", "the last six months", "P6M"),
    ],
)
def test_the_past_year_is_the_year_before(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "value", "day"),
    [
        ("The blogger was detained on June 4. Two days later a judge remanded him.",
         "Two days", "P2D", "2020-06-06"),
        ("Her appeal was lodged on 9 February 2021 and heard a week later.",
         "a week", "P1W", "2021-02"),
        ("Guards moved him to a cell block on March 30; a few days later he fell ill.",
         "a few days", "PXD", None),
    ],
)  # fmt: skip
def test_days_later_is_a_span_that_still_dates_the_event(
    text: str, expression: str, value: str, day: str | None
) -> None:
    """TimeML annotates "[two days] later" as the span (P2D), "later" outside it; the event it
    dates keeps its day."""
    (timex,) = [t for t in find_timexes(text, SPRING) if t.text == expression]
    assert (timex.type, timex.value, timex.date) == ("DURATION", value, day)


def test_a_year_later_stays_a_date() -> None:
    text = "Net income rose to $8 million from $5 million a year earlier."
    (timex,) = find_timexes(text, SPRING)
    assert (timex.type, timex.value) == ("DATE", "2020")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The sale is expected to close by year end, the lender said.", "year end", "2021"),
        ("Cuts of 400 jobs are planned before the year-end.", "the year-end", "2021"),
        ("Dues are payable at month end.", "month end", "2021-04"),
    ],
)
def test_year_end_written_apart_is_the_end_of_the_year(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A second group of monitors reached the border town.",
        "Police detained a second journalist at the airport.",
    ],
)
def test_a_second_before_a_noun_is_an_ordinal(text: str) -> None:
    assert find_timexes(text, SPRING) == []


def test_a_second_alone_is_still_a_span() -> None:
    (timex,) = find_timexes("The blast lasted a second, witnesses said.", SPRING)
    assert (timex.type, timex.value) == ("DURATION", "PT1S")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # Monday 19 April 2021: the weekend ahead is the coming one, not the one just past
        ("Traders sold ahead of the weekend.", "the weekend", "2021-W16-WE"),
        ("Families stocked up on flour in advance of Sunday.", "Sunday", "2021-04-25"),
    ],
)
def test_ahead_of_looks_forward(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, date(2021, 4, 19)) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the day the story is at, not the day of the report
        (
            "The delegation landed in Bishkek on Monday. Later in the day it met the minister.",
            "Later in the day",
            "2021-04-12",
        ),
        ("Harvests were hit earlier in the year by floods.", "earlier in the year", "2021"),
        (
            "In 2019 the group was banned. Later in the year its leader fled.",
            "Later in the year",
            "2019",
        ),
    ],
)
def test_earlier_in_the_year_is_the_year_the_story_is_in(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # an earnings note compares the quarter it reports with the same quarter a year back
        (
            "Third-quarter net rose 12%, against $3 million for the same period last year.",
            "the same period last year",
            "1993-Q3",
        ),
        (
            "The miner earned $40 million in the third quarter. For the quarter a year ago it"
            " lost $5 million.",
            "the quarter a year ago",
            "1993-Q3",
        ),
        (
            "Quarterly sales reached $9 million in the third quarter; last year's quarter"
            " brought $7 million.",
            "last year's quarter",
            "1993-Q3",
        ),
        # with no quarter named, the period is unknown but its year is not
        ("Seizures rose by a fifth on the same period last year.", "the same period last year",
         "1993"),
    ],
)  # fmt: skip
def test_the_same_period_last_year_is_the_reported_period_a_year_back(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Net for the year-earlier nine months included a gain.", "the year-earlier nine months",
         "P9M"),
        ("Revenue in the latest nine months was flat.", "the latest nine months", "P9M"),
    ],
)  # fmt: skip
def test_a_qualified_span_of_months_is_one_duration(
    text: str, expression: str, expected: str
) -> None:
    (timex,) = find_timexes(text, TUESDAY)
    assert (timex.text, timex.value) == (expression, expected)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # an expression that modifies a noun leaves the noun's determiner outside
        ("A large part of the third-quarter deficit came from fines.", "third-quarter"),
        ("Monitors attended the two day congress in the capital.", "two day"),
        ("He began a 15-year term in a strict-regime colony.", "15-year"),
        # as a noun it keeps it
        ("Losses widened in the third quarter.", "the third quarter"),
        ("The fiscal year ended June 30.", "The fiscal year"),
    ],
)
def test_a_modifier_leaves_the_determiner_to_its_noun(text: str, expression: str) -> None:
    assert [t.text for t in find_timexes(text, TUESDAY)][:1] == [expression]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("She was questioned on 2 May. Five days later she was charged.", "Five days"),
        ("A few weeks later the charity closed its office.", "A few weeks"),
        ("The strike ended; more recently, drivers have walked out again.", "more recently"),
    ],
)
def test_extent_of_spans_and_references(text: str, expression: str) -> None:
    assert expression in [t.text for t in find_timexes(text, SPRING)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fraction is written in the unit and the next smaller one (ISO 8601, as TimeML)
        ("They spent 2 1/2 years in a camp near the border.", "P2Y6M"),
        ("He was held for a year and a half without charge.", "P1Y6M"),
        ("The hearing lasted an hour and a half.", "PT1H30M"),
        ("The convoy stopped for a minute and a half.", "PT1M30S"),
        ("She served three and a half years of the sentence.", "P3Y6M"),
        ("Two and a half months passed before the appeal.", "P2M15D"),
        # a day of a kind is still a day
        ("The bank has ten business days to answer.", "P10D"),
        ("Shares lost ground for eight trading days in a row.", "P8D"),
        ("Lawyers were given five working days to file.", "P5D"),
    ],
)
def test_fractions_and_kinds_of_days(text: str, expected: str) -> None:
    (timex,) = find_timexes(text, SPRING)
    assert (timex.type, timex.value) == ("DURATION", expected)


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("The transfer will be done around Nov. 1.", "around Nov. 1", "2021-11-01", "APPROX"),
        ("The deal is expected to close around year end.", "around year end", "2021", "END"),
        # "about" before a date is most often the preposition
        ("She wrote about May 9 in her diary.", "May 9", "2020-05-09", None),
    ],
)  # fmt: skip
def test_around_a_date_is_part_of_it(text: str, expression: str, value: str, mod: str) -> None:
    timexes = {t.text: t for t in find_timexes(text, SPRING)}
    assert (timexes[expression].value, timexes[expression].mod) == (value, mod)


def test_the_day_before_in_apposition_is_the_date_it_follows() -> None:
    text = "He was seized on 3 May, the day before the hearing. On 9 May, a week later, he fled."
    found = [(t.text, t.value, t.date) for t in find_timexes(text, date(2021, 6, 2))]
    assert found[:2] == [
        ("3 May", "2021-05-03", "2021-05-03"),
        ("the day", "2021-05-03", "2021-05-03"),
    ]


def test_the_day_before_an_event_is_still_counted_back() -> None:
    text = "He was seized the day before the hearing."
    (timex,) = find_timexes(text, date(2021, 6, 2))
    assert (timex.value, timex.date) == ("2021-06-01", None)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # an "-ed" adjective before its noun is no past verb: the future auxiliary decides
        ("The lender said it will buy back its preferred stock on Dec. 31.", "Dec. 31",
         "1994-12-31"),
        (
            "The bonus would be handed out on a still unspecified date in January.",
            "January",
            "1995-01",
        ),
        ("The court will rule on the appeal of the embattled editor in December.", "December",
         "1994-12"),
        ("Monitors will visit the two hundred detainees in March, the NGO says.", "March",
         "1995-03"),
        # a capitalised "-ed" word inside a sentence is a name, not a verb
        ("The envoy will brief the Associated Press in February.", "February", "1995-02"),
        ("Delegates will meet at United Nations headquarters on Jan. 9.", "Jan. 9",
         "1995-01-09"),
        # a real past verb, after or without such an adjective, still reaches back
        ("Police detained the unnamed activist in December.", "December", "1993-12"),
        ("The preferred candidate withdrew in March.", "March", "1994-03"),
    ],
)  # fmt: skip
def test_an_adjective_or_a_name_ending_in_ed_gives_no_past_tense(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # Friday 1 May 1998: a meeting in the present tense is ahead
        ("The two foreign ministers meet Monday in Geneva.", "Monday", "1998-05-04"),
        ("The commission meets on Wednesday to review the cases.", "Wednesday", "1998-05-06"),
        # in the past tense it is behind
        ("The two foreign ministers met Monday in Geneva.", "Monday", "1998-04-27"),
    ],
)
def test_a_meeting_told_in_the_present_is_ahead(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, date(1998, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The ministry said it would soon decide on the extradition request.", "soon",
         "FUTURE_REF"),
        ("The question of his transfer will be soon examined by the commission.", "soon",
         "FUTURE_REF"),
        ("We urge the authorities to release him as soon as possible.", "as soon as possible",
         "FUTURE_REF"),
        ("The fund bought the stake at the then-current market price.", "then-current",
         "PAST_REF"),
    ],
)  # fmt: skip
def test_soon_and_then_current_are_vague_references(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    "text",
    [
        "As soon as the plane landed, police boarded it.",
        "Soon after the verdict, his lawyer filed an appeal.",
        "It is too soon to say whether the deportation will go ahead.",
    ],
)
def test_soon_as_part_of_a_conjunction_is_no_reference(text: str) -> None:
    assert find_timexes(text, SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        # "or so" hedges the count: still a date counted back, approximate
        ("A month or so ago, guards moved him to a punishment cell.", "A month or so ago",
         "2021-03", "APPROX"),
        ("The NGO says the raids began a year or so ago.", "a year or so ago", "2020", "APPROX"),
    ],
)  # fmt: skip
def test_or_so_before_ago_is_an_approximate_date(
    text: str, expression: str, value: str, mod: str
) -> None:
    timexes = {t.text: t for t in find_timexes(text, SPRING)}
    assert (timexes[expression].type, timexes[expression].value) == ("DATE", value)
    assert timexes[expression].mod == mod


@pytest.mark.parametrize(
    "text",
    [
        "She hopes to one day return to Minsk.",
        "They will one day be tried for what they did, the lawyer said.",
        "The exile said he would one day go back.",
    ],
)
def test_one_day_before_a_verb_is_some_day_not_a_span(text: str) -> None:
    assert [t.text for t in find_timexes(text, SPRING)] == []


def test_one_day_as_a_span_stays() -> None:
    (timex,) = find_timexes("He spent one day in the holding cell.", SPRING)
    assert (timex.type, timex.value) == ("DURATION", "P1D")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("She joined after a several-year stint as the paper's editor.", "several-year", "PXY"),
        ("The ministry signed a multi-year contract with the camp's operator.", "multi-year",
         "PXY"),
    ],
)  # fmt: skip
def test_a_vague_count_before_a_unit_is_a_span_of_unknown_length(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # what a verb of saying reports is not dated by the telling: the nearest occurrence
        ("The ministry notified hauliers of new border fees starting in May.", "May", "2021-05"),
        ("The lawyers warned that a verdict could come in June.", "June", "2021-06"),
        ("The prosecutor said that the hearing of the case in May would be public.", "May",
         "2021-05"),
        # a past verb inside the report still reaches back
        ("Police said that he was detained in May.", "May", "2020-05"),
        ("His mother told reporters about his arrest; he was taken in June.", "June", "2020-06"),
    ],
)  # fmt: skip
def test_what_a_verb_of_saying_reports_takes_its_own_tense(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # Wednesday 14 April 2021: the morning of the day the story is at
        ("Police raided the office on Tuesday. In the morning, officers sealed the doors.",
         "the morning", "2021-04-13TMO"),
        ("The verdict came on 2 March; during the afternoon the family left the court.",
         "the afternoon", "2021-03-02TAF"),
    ],
)  # fmt: skip
def test_in_the_morning_is_the_morning_of_the_day_told(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


def test_in_the_morning_with_no_day_told_is_a_habit() -> None:
    assert find_timexes("He trains in the morning, his coach says.", SPRING) == []


def test_coming_weeks_keeps_its_adjective() -> None:
    (timex,) = find_timexes("The court is expected to rule in coming weeks.", SPRING)
    assert (timex.text, timex.value) == ("coming weeks", "PXW")


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a weekday written with the date fixes its year, whatever the tense suggests
        ("In a statement dated Friday, June 4, the ministry denied the raid.", "Friday, June 4",
         "2021-06-04"),
        ("The minister said the talks with the exiles open on Tuesday, June 8.",
         "Tuesday, June 8", "2021-06-08"),
        # a heading: the date before a colon
        ("Monday, May 10: Lawyers for the two bloggers filed an appeal.", "Monday, May 10",
         "2021-05-10"),
    ],
)  # fmt: skip
def test_a_weekday_with_the_date_fixes_its_year(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, date(2021, 6, 3)) == expected


@pytest.mark.parametrize(
    ("text", "expression", "anchor", "expected"),
    [
        # a plan told in the pluperfect may have fallen either side of the report: the nearest
        ("His visa had been due to expire on Friday, officials said.", "Friday",
         date(2021, 4, 19), "2021-04-16"),
        ("The trial had been scheduled to open on Jan. 3 but was adjourned.", "Jan. 3",
         date(2021, 1, 5), "2021-01-03"),
        # a plan told in the future still looks ahead
        ("His visa is due to expire on Friday.", "Friday", date(2021, 4, 19), "2021-04-23"),
    ],
)  # fmt: skip
def test_a_plan_told_in_the_pluperfect_takes_the_nearest_date(
    text: str, expression: str, anchor: date, expected: str
) -> None:
    assert value_of(text, expression, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Over the next couple of years the camp will be closed.", "the next couple of years",
         "P2Y"),
        ("Three more journalists fled in the past couple of weeks.",
         "the past couple of weeks", "P2W"),
    ],
)  # fmt: skip
def test_a_couple_of_units_is_two(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # Wednesday 20 March 2013: "this Friday" is the Friday of the report's own week
        ("The talks resume this Friday in Vienna.", "this Friday", "2013-03-22"),
        ("Lawyers met the judge this Monday, the family said.", "this Monday", "2013-03-18"),
        # news tells a schedule in the present tense: ahead
        ("The minister arrives Saturday for two days of talks.", "Saturday", "2013-03-23"),
        ("The envoy visits the camp on Sunday.", "Sunday", "2013-03-24"),
        ("He appears in court on Monday on a charge of extremism.", "Monday", "2013-03-25"),
        ("Voters go to the polls Sunday in the disputed region.", "Sunday", "2013-03-24"),
        ("The activist faces a hearing on Friday.", "Friday", "2013-03-22"),
        # told in the past, it is behind
        ("The minister arrived Saturday for talks.", "Saturday", "2013-03-16"),
    ],
)
def test_this_weekday_and_a_schedule_told_in_the_present(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, date(2013, 3, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a past verb after the expression: "to" before the month is no "to" of an infinitive
        ("Remittances in the three months to September fell by a third.", "September",
         "2012-09"),
        ("Arrests in the year to August rose sharply, the monitor said.", "August", "2012-08"),
        # an infinitive before the expression still looks ahead
        ("The commission is to publish its findings in September.", "September", "2013-09"),
    ],
)  # fmt: skip
def test_to_before_a_month_is_no_infinitive_for_the_verb_after_it(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, date(2013, 3, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The movement grew throughout the 80s.", "198"),
        ("Many of them had emigrated in the 70s.", "197"),
    ],
)
def test_a_decade_written_without_its_century(text: str, expected: str) -> None:
    (timex,) = find_timexes(text, date(2013, 3, 20))
    assert (timex.type, timex.value) == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Every few months he is moved to another colony.", "Every few months", "PXM"),
        ("Guards search the cells every several days.", "every several days", "PXD"),
    ],
)
def test_every_few_units_is_a_set(text: str, expression: str, expected: str) -> None:
    (timex,) = find_timexes(text, SPRING)
    assert (timex.text, timex.type, timex.value) == (expression, "SET", expected)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # "that Monday" after a Monday was named is that Monday, not the week after
        (
            "The lawyer was stopped at the airport on Monday, April 5. A colleague who went "
            "to court for her that Monday said the petition was rejected.",
            "that Monday",
            "2021-04-05",
        ),
        # "that Tuesday" after a Sunday is the Tuesday that follows it
        (
            "He crossed the border on 4 April, a Sunday. That Tuesday he was charged.",
            "That Tuesday",
            "2021-04-06",
        ),
    ],
)
def test_that_weekday_counts_from_the_day_just_told(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


def test_a_weekday_apposed_to_a_date_is_that_date() -> None:
    text = "The blogger was detained on 4 April, a Sunday, in the capital."
    assert value_of(text, "Sunday", SPRING) == "2021-04-04"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # results for the months of the year so far are compared with the same months of the
        # year before, which TimeML writes as that year
        (
            "Net income in the third quarter rose to $12 million. For the nine months, the"
            " miller earned $31 million, against $27 million a year earlier.",
            "a year earlier",
            "1993",
        ),
        (
            "In the third quarter the combine's profit grew by a fifth. Over the first nine"
            " months the enterprise earned 40 million roubles, compared with 32 million in"
            " the 1993 period.",
            "the 1993 period",
            "1993",
        ),
        (
            "The utility reported third-quarter earnings of $5 million. For the latest nine"
            " months ended Sept. 30 it earned $14 million; the year-ago results included a"
            " one-time gain.",
            "year-ago",
            "1993",
        ),
        # look-alikes: a quarter named again, a quarter compared, a sentence served
        (
            "Third-quarter revenue was flat. For the nine months, net was $31 million. In the"
            " third quarter alone, it earned $12 million, up from $9 million a year earlier.",
            "a year earlier",
            "1993-Q3",
        ),
        (
            "Third-quarter profit fell. For the nine months net rose 5%, though profit in the"
            " year-ago quarter had been lower.",
            "the year-ago quarter",
            "1993-Q3",
        ),
        (
            "The court jailed him for nine months in May. A year earlier he had been fined.",
            "A year earlier",
            "1993-05",
        ),
    ],
)
def test_a_year_earlier_than_the_nine_months_is_the_year(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, TUESDAY) == expected


def tagged(text: str, anchor: date) -> list[tuple[str, str, str | None, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire: the report's own day, with the position as the mod
        (
            "By mid-afternoon the queue outside the consulate stretched round the block.",
            ("mid-afternoon", "TIME", "2021-04-14TAF", "MID"),
        ),
        # a market report: the day word after the part of the day
        (
            "In Frankfurt at midmorning yesterday, the bank's shares were down 3%.",
            ("midmorning yesterday", "TIME", "2021-04-13TMO", "MID"),
        ),
        # translated regional press: the day the story has just told
        (
            "The search of the editorial office began on April 2. Only towards late evening"
            " did the officers leave the building.",
            ("late evening", "TIME", "2021-04-02TEV", "END"),
        ),
        # an NGO release
        (
            "Lawyers were kept waiting outside the station until early afternoon.",
            ("early afternoon", "TIME", "2021-04-14TAF", "START"),
        ),
    ],
)
def test_a_part_of_the_day_with_its_position(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in tagged(text, SPRING)


@pytest.mark.parametrize(
    "text",
    [
        "The late-evening vote surprised the opposition.",
        "Early-morning raids on activists' flats have become routine.",
        "The late morning light fell across the courtroom.",
    ],
)
def test_a_part_of_the_day_as_an_adjective_is_no_expression(text: str) -> None:
    assert tagged(text, SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The overnight ferry to Batumi sails on Friday nights.", "Friday nights", "XXXX-WXX-5TNI"),
        ("Relatives may visit the colony on Sunday mornings.", "Sunday mornings", "XXXX-WXX-7TMO"),
    ],
)
def test_a_weekday_with_a_plural_part_of_the_day_is_a_set(
    text: str, expression: str, expected: str
) -> None:
    assert (expression, "SET", expected, None) in tagged(text, SPRING)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Over the summer, three more editors left the country.", "the summer", "2020-SU"),
        ("The trial is expected to drag on well into the winter.", "the winter", "2021-WI"),
        ("Across the autumn the ministry issued twelve expulsion orders.", "the autumn", "2020-FA"),
    ],
)
def test_over_or_into_the_season_is_the_season(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


def test_a_season_as_a_noun_of_its_own_stays_silent() -> None:
    assert tagged("The summer was the hottest on record.", SPRING) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nearly a quarter of the detainees were under eighteen, the monitors said.",
        "More than a quarter of its budget goes to the riot police.",
        "One quarter of respondents said they feared the security services.",
        "The ruling party took three quarters of the seats.",
    ],
)
def test_a_quarter_of_a_whole_is_a_share_not_a_span(text: str) -> None:
    assert tagged(text, SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        (
            "The airline returned to profit after several quarters of losses.",
            "several quarters",
            "PXQ",
        ),
        ("Exports shrank for two quarters of the year.", "two quarters", "P2Q"),
    ],
)
def test_quarters_of_losses_stay_a_span(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # numbers written as two words, as transcripts of broadcasts and translations write them
        (
            "Over the last twenty four hours the currency lost a fifth.",
            "the last twenty four hours",
            "PT24H",
        ),
        (
            "He had already spent thirty six months in pre-trial detention.",
            "thirty six months",
            "P36M",
        ),
        # thousands of years are millennia in TimeML
        (
            "The monastery has stood for more than two thousand years.",
            "more than two thousand years",
            "P2L",
        ),
        ("Pilgrims have come here for 1,000 years.", "1,000 years", "P1L"),
    ],
)
def test_numbers_in_two_words_and_millennia(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


def test_a_spelled_count_of_people_is_no_expression() -> None:
    assert tagged("Some two hundred and forty four pilgrims crossed the border.", SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a wire lead: the night before the report
        (
            "Two more detainees died in custody overnight, the monitors said.",
            "overnight",
            "2021-04-13TNI",
        ),
        (
            "Overnight, unknown men painted slogans on the editor's door.",
            "Overnight",
            "2021-04-13TNI",
        ),
        # a market report: the night before the day the story is at
        (
            "Shares in Warsaw slid on April 6 after overnight losses in New York.",
            "overnight",
            "2021-04-05TNI",
        ),
    ],
)
def test_overnight_is_the_night_before(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    "text",
    ["She took an overnight bus to the border.", "The overnight curfew was lifted in May."],
)
def test_overnight_as_a_kind_is_no_expression(text: str) -> None:
    assert [t for t in tagged(text, SPRING) if "overnight" in t[0].lower()] == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the month just ended is "last month"; "last March" in April is a year back
        ("Two army helicopters collided last March, killing nine.", "last March", "2020-03"),
        # look-alikes: an earlier month of this year, and "this past"
        ("The commission shut the newspaper last January.", "last January", "2021-01"),
        ("Her appeal was heard this past March.", "this past March", "2021-03"),
        ("He has been held since last November.", "last November", "2020-11"),
    ],
)
def test_last_with_the_month_just_ended_is_a_year_back(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # "last" with its year is the year's fourth quarter
        ("Arrests peaked in the last quarter of 2019.", "the last quarter of 2019", "2019-Q4"),
        (
            "Deliveries slowed in the last quarter of last year.",
            "the last quarter of last year",
            "2020-Q4",
        ),
        # look-alike: "last quarter" alone is the quarter before this one
        ("The ministry deported 40 people last quarter.", "last quarter", "2021-Q1"),
    ],
)
def test_the_last_quarter_of_a_year_is_its_fourth(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # "of the year" after a span of months or quarters is the year reported on
        ("Remittances fell 8% in the first nine months of the year.", SPRING, "2021"),
        ("Over the first two quarters of the year the NGO logged 31 raids.", SPRING, "2021"),
        # in January the report is on the year just closed
        ("Exports grew in the first nine months of the year.", date(2022, 1, 18), "2021"),
    ],
)
def test_the_year_after_a_span_of_its_months(text: str, anchor: date, expected: str) -> None:
    assert value_of(text, "the year", anchor) == expected


def test_the_year_alone_as_a_noun_stays_silent() -> None:
    assert tagged("It was the year the border closed.", SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the report's day, counted within an event
        ("In Minsk today is the ninth day of the hunger strike.", "the ninth day", "2021-04-14"),
        (
            "It's the third straight day of raids on the bloggers' homes.",
            "the third straight day",
            "2021-04-14",
        ),
        # told in the past: the day just told
        (
            "Police dispersed the march on April 9. That was the fourth day of protests.",
            "the fourth day",
            "2021-04-09",
        ),
    ],
)
def test_the_nth_day_of_an_event_is_the_day_told(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    "text",
    ["It was the first day he spoke to reporters.", "The union called a first day-long strike."],
)
def test_the_nth_day_with_no_day_told_is_no_date(text: str) -> None:
    assert tagged(text, SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a season told after a date is counted from that date, not from the report
        (
            "He crossed into Turkey in March 2016. That summer he applied for asylum.",
            "That summer",
            "2016-SU",
        ),
        (
            "The editor was jailed in May 2019. The following winter he went on hunger strike.",
            "The following winter",
            "2019-WI",
        ),
        (
            "The decree was signed in May 2019. The previous winter the ministry had drafted it.",
            "The previous winter",
            "2018-WI",
        ),
        (
            "She finished school in 2001. That fall, she joined the opposition paper.",
            "That fall",
            "2001-FA",
        ),
    ],
)
def test_that_season_counts_from_the_date_told(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


def test_that_fall_as_a_verb_is_no_season() -> None:
    assert tagged("Currencies that fall sharply are propped up by the central bank.", SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the end of the year or month a past story is in, not the report's
        ("Mid-2019 he came home; by year-end he was in prison.", "year-end", "2019"),
        (
            "The editor was detained in March 2020. By the end of the month he had been charged.",
            "the end of the month",
            "2020-03",
        ),
        # look-alikes: told ahead, or with no earlier year told
        (
            "He fled in 2019. He will be tried by the end of the year.",
            "the end of the year",
            "2021",
        ),
        ("By the end of the year, 40 bloggers had been detained.", "the end of the year", "2020"),
    ],
)
def test_the_end_of_the_year_a_past_story_is_in(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # translated press: the season with its year as a genitive
        (
            "In the summer of last year he was put on the wanted list.",
            "the summer of last year",
            "2020-SU",
        ),
        (
            "In the spring of this year the law on foreign agents was tightened.",
            "the spring of this year",
            "2021-SP",
        ),
        (
            "He was detained in 2018, and in the autumn of the same year the court jailed him.",
            "the autumn of the same year",
            "2018-FA",
        ),
    ],
)
def test_a_season_of_a_named_year_is_one_expression(
    text: str, expression: str, expected: str
) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a court report: the month of the date just told, or the next one for an earlier day
        ("The judge adjourned the case from April 19 to the 26th.", "the 26th", "2021-04-26"),
        ("The hearing set for April 28 was moved to the 4th.", "the 4th", "2021-05-04"),
        # translated press: the report's month, or the one before for a day still to come
        ("The detention order expired on the 2nd.", "the 2nd", "2021-04-02"),
        (
            "On the 5th of this month police searched the flat.",
            "the 5th of this month",
            "2021-04-05",
        ),
        ("The term of arrest ran out on the 30th.", "the 30th", "2021-03-30"),
    ],
)
def test_a_day_of_the_month_alone(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The runner came in the 14th.",
        "It was the 5th search of his flat.",
        "She finished the 3rd in Minsk.",
    ],
)
def test_an_ordinal_that_is_no_day_of_the_month(text: str) -> None:
    assert tagged(text, SPRING) == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # "this" names the report's own year, whatever tense a verb before it carries
        (
            "The bill cleared committee in March and faces a final vote this autumn.",
            "this autumn",
            "2021-FA",
        ),
        (
            "Officials said this summer would see more checks at the border.",
            "this summer",
            "2021-SU",
        ),
        # winter spans two years: told in the past, the one just over
        ("The camp was badly overcrowded this winter.", "this winter", "2020-WI"),
    ],
)
def test_this_season_is_the_report_year_s(text: str, expression: str, expected: str) -> None:
    assert value_of(text, expression, SPRING) == expected
