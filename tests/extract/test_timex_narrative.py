"""A day and month with no year belong to the year the story is in (extract/timex.py).

"On March 3" takes the year of the last date the paragraph gave when the
sentence tells the past; the story moves forward from that date, and a past
event is never placed after the report. Every text here is ours: a wire
report, a translated regional paper with its calques, a court report.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.extract.timex import find_timexes
from casefile.extract.timex_calendar import narrative_date
from casefile.model import Article


def value_of(text: str, published: date, expression: str) -> str | None:
    """The TimeML value the tagger gives the first expression written `expression`."""
    [timex] = [t for t in find_timexes(text, published) if t.text == expression][:1]
    return timex.value


def test_wire_a_release_told_after_an_arrest_years_back() -> None:
    text = (
        "ASTANA, Feb. 10 (Steppe Wire) - Police detained the blogger Ruslan Temirkhan in "
        "Karaganda in 2019 over posts about a strike. He was freed on March 3 and left "
        "for Tbilisi a month later, his sister said."
    )
    assert value_of(text, date(2026, 2, 10), "March 3") == "2019-03-03"


def test_translated_press_the_year_of_the_criminal_case_carries_to_the_day() -> None:
    text = (
        "In the year 2021 the investigator of the district department of internal affairs "
        "initiated a criminal case in respect of citizen Sadykova. On 14 September she was "
        "taken under guard, and on 2 October the court chose for her a measure of restraint."
    )
    published = date(2025, 4, 30)
    assert value_of(text, published, "14 September") == "2021-09-14"
    assert value_of(text, published, "2 October") == "2021-10-02"


def test_court_report_a_session_day_in_the_year_of_the_trial() -> None:
    text = (
        "The Pervomaisky district court in Bishkek opened the trial of the lawyer Aibek "
        "Dzhumabaev in November 2023. At the session of 12 December the judge refused to "
        "call the defence witnesses."
    )
    assert value_of(text, date(2025, 9, 1), "12 December") == "2023-12-12"


def test_the_story_moves_forward_into_the_next_year() -> None:
    text = (
        "Sadykova applied for asylum in Vilnius in May 2024. The migration department turned "
        "her down on 10 January, and she appealed."
    )
    assert value_of(text, date(2025, 6, 1), "10 January") == "2025-01-10"


def test_a_day_of_the_last_weeks_is_this_years_news() -> None:
    text = (
        "The commission registered her claim in 2025 and turned it down on 12 January, "
        "her lawyer told the paper."
    )
    assert value_of(text, date(2026, 2, 20), "12 January") == "2026-01-12"


def test_a_past_event_is_never_placed_after_the_report() -> None:
    text = (
        "Police detained Temirkhan in January 2026. He was questioned on March 3 without a lawyer."
    )
    # March 3 of the story's year is still ahead of a report of 10 February 2026
    assert value_of(text, date(2026, 2, 10), "March 3") == "2025-03-03"


def test_a_new_paragraph_leaves_the_story_year_behind() -> None:
    text = (
        "Temirkhan was first detained in Karaganda in 2019.\n\n"
        "Border guards stopped him at Almaty airport on March 3, his lawyer said."
    )
    assert value_of(text, date(2026, 5, 20), "March 3") == "2026-03-03"


def test_what_is_ahead_counts_from_the_report() -> None:
    text = "Temirkhan was convicted in 2019. His appeal will be heard on March 3, his lawyer said."
    assert value_of(text, date(2026, 2, 10), "March 3") == "2026-03-03"


def test_a_bound_or_a_description_sets_no_scene() -> None:
    text = (
        "The company has paid a dividend since 1998. In September it raised it again, "
        "after the 2008 crisis had ended in June."
    )
    published = date(2026, 11, 2)
    assert value_of(text, published, "September") == "2026-09"
    assert value_of(text, published, "June") == "2026-06"


@pytest.mark.parametrize(
    ("narrative", "published", "month", "day", "expected"),
    [
        (date(2019, 1, 1), date(2026, 2, 10), 3, 3, date(2019, 3, 3)),  # within the year named
        (date(2024, 5, 1), date(2025, 6, 1), 1, 10, date(2025, 1, 10)),  # forward, past May
        (date(2024, 5, 1), date(2024, 12, 1), 1, 10, date(2024, 1, 10)),  # forward is too late
        (date(2025, 1, 1), date(2026, 1, 30), 1, 10, date(2026, 1, 10)),  # recent: this January
        (date(2025, 1, 1), date(2026, 3, 6), 1, None, date(2026, 1, 1)),  # a month: January
        (date(2024, 10, 1), date(2025, 4, 8), 4, None, date(2025, 4, 1)),  # not after the report
        (date(2026, 1, 1), date(2026, 2, 10), 3, 3, None),  # both after the report
        (date(2023, 3, 1), date(2025, 1, 1), 2, 30, None),  # no such day
    ],
)
def test_narrative_date(
    narrative: date, published: date, month: int, day: int | None, expected: date | None
) -> None:
    assert narrative_date(narrative, published, month, day) == expected


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_event_dating_takes_the_story_year_and_keeps_the_event(nlp: Language) -> None:
    text = (
        "BISHKEK, Feb. 10 (Ala-Too Wire) - Kyrgyz police arrested the journalist Aibek "
        "Dzhumabaev in Osh in 2019 on charges of inciting hatred. He was released on bail "
        "on March 3, his lawyer said."
    )
    events = extract(Article(text=text, published=date(2026, 2, 10)), nlp).events
    [release] = [e for e in events if e.type == "release"]

    assert (release.date, release.status) == ("2019-03-03", "occurred")
