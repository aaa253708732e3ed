"""An event told over a stretch of time that crosses months has no date (GUIDELINES).

"Between June 2019 and February 2020, police detained him" dates the detention
to neither end; a range inside one month ("between 3 and 9 May 2021") gives the
month, and two dates of two events stay each event's own. Our own sentences in
a wire, a translated regional, an NGO and a court-report style.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The exiled blogger Farrukh Nazarov has written about corruption for a decade. "
WHO = "Farrukh Nazarov"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def dated(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.date) for event in events if event.subject == WHO}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire
        ("Between June 2019 and February 2020, police detained Nazarov three times.", "arrest"),
        # court report
        (
            "According to the court record, between November 2018 and January 2019 "
            "Nazarov was sentenced twice for minor offences.",
            "sentence",
        ),
        # translated regional press
        (
            "In the period from October 2020 until April 2021, Nazarov was released "
            "and re-detained several times.",
            "release",
        ),
        # NGO release
        ("Between the spring of 2017 and December 2018 Nazarov was charged twice.", "charge"),
    ],
)
def test_a_range_across_months_gives_no_date(nlp: Language, text: str, expected: str) -> None:
    assert (expected, None) in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 3 and 9 May 2021, police detained Nazarov.", ("arrest", "2021-05")),
        (
            "Police detained Nazarov on 3 May 2021 and released him on 9 June 2021.",
            ("release", "2021-06-09"),
        ),
    ],
)
def test_a_range_within_a_month_and_separate_dates_keep_theirs(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in dated(nlp, text)
