"""Whom a verb acts on, where the parser's tree is not the sentence's meaning
(`extract/syntax.py`). Articles of our own, each naming the person the event is about."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article

INTRO = "The exiled blogger Farrukh Nazarov has written about corruption for a decade. "


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def subjects(nlp: Language, text: str, event_type: str) -> set[str]:
    events = extract(Article(text=INTRO + text, published=date(2025, 3, 10)), nlp).events
    return {e.subject for e in events if e.type == event_type}


def test_who_after_an_organisation_is_the_person_the_phrase_describes(nlp: Language) -> None:
    text = (
        "Bishkek approved Dushanbe's demand to extradite Nazarov, a founder of the movement "
        "who had been convicted in his absence and given 12 years."
    )
    assert subjects(nlp, text, "sentence") == {"Farrukh Nazarov"}


def test_who_after_a_person_noun_is_that_person(nlp: Language) -> None:
    text = "Consider Nazarov, an assistant to a human rights lawyer who fled to Vietnam in 2023."
    assert "Farrukh Nazarov" not in subjects(nlp, text, "flight")


def test_found_guilty_as_a_small_clause_is_said_of_the_defendant_not_the_judge(
    nlp: Language,
) -> None:
    text = "Judge Rustam Aliev found the 41-year-old blogger guilty of illegal border crossing."
    assert subjects(nlp, text, "sentence") == {"Farrukh Nazarov"}


def test_a_participle_chain_after_a_name_shares_its_person(nlp: Language) -> None:
    text = (
        "The list included the poet Farrukh Nazarov, who was seized in Almaty in the "
        "autumn, sent back across the border and eventually jailed for seven years in Khujand."
    )
    assert subjects(nlp, text, "sentence") == {"Farrukh Nazarov"}


def test_two_objects_parsed_as_one_still_give_the_person(nlp: Language) -> None:
    text = (
        "In Khujand the judges found the charge proven and judged him fixed-term "
        "imprisonment of eight years."
    )
    assert subjects(nlp, text, "sentence") == {"Farrukh Nazarov"}
