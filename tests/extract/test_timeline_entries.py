"""Dated lines of an explainer's timeline tell the story's person's life without naming them."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article

EXPLAINER = (
    "What we know about the case. The activist Aigerim Tulegenova, 41, left China in 2018.\n"
    "September 14, 2017: found guilty and handed an eight-month suspended term.\n"
    "June 3, 2019: leaves Almaty for Sweden.\n"
    "March 2, 2020: her brother Nurlan Tulegenov is detained in Urumqi."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_subjectless_timeline_lines_are_the_story_persons(nlp: Language) -> None:
    events = extract(Article(text=EXPLAINER, published=date(2020, 5, 4)), nlp).events
    told = {(e.type, e.subject, e.date) for e in events}
    assert ("sentence", "Aigerim Tulegenova", "2017-09-14") in told
    assert ("flight", "Aigerim Tulegenova", "2019-06-03") in told
    # a line that names its subject keeps it
    assert ("arrest", "Nurlan Tulegenov", "2020-03-02") in told
    assert not any(e.type == "arrest" and e.subject == "Aigerim Tulegenova" for e in events)


BOUNTY_TIMELINE = (
    "Key dates in the crackdown on exiles\n"
    "- 4 March 2024: First six warrants and bounties of 500,000 each: Amir Haidari, "
    "Lina Vosk, Ana Rusu, Ilie Ceban, Marat Kuanov and Olesya Darga.\n"
    "- 2 February 2025: Four more bounties, including Dilnoza Yusupova, Timur Valiev and "
    "Saodat Mirzo."
)


def test_a_line_that_lists_people_after_a_colon_or_including_gives_each_of_them(
    nlp: Language,
) -> None:
    events = extract(Article(text=BOUNTY_TIMELINE, published=date(2025, 3, 9)), nlp).events
    wanted = {(e.subject, e.date) for e in events if e.type == "wanted"}
    assert {
        ("Amir Haidari", "2024-03-04"),
        ("Lina Vosk", "2024-03-04"),
        ("Marat Kuanov", "2024-03-04"),
        ("Dilnoza Yusupova", "2025-02-02"),
        ("Timur Valiev", "2025-02-02"),
        ("Saodat Mirzo", "2025-02-02"),
    } <= wanted


def test_a_plural_event_noun_with_no_list_is_still_a_trend(nlp: Language) -> None:
    text = "Bounties on exiled critics have multiplied since 2021, the report says."
    events = extract(Article(text=text, published=date(2025, 3, 9)), nlp).events
    assert not [e for e in events if e.type == "wanted"]


def test_an_abbreviated_month_opening_a_line_is_no_person(nlp: Language) -> None:
    text = (
        "The blogger Ulan Sadykov has lived in Vilnius since 2022.\n"
        "- 30 Apr 2025: Sadykov's father and brother arrested in Bishkek."
    )
    events = extract(Article(text=text, published=date(2025, 6, 10)), nlp).events
    assert not any(e.subject in ("Apr", "30 Apr") for e in events)
