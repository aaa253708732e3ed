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
