"""Participle clauses share their person with the clause they hang on."""

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


def told(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    events = extract(Article(text=INTRO + text, published=date(2022, 6, 1)), nlp).events
    return {(e.type, e.subject, e.date) for e in events}


def test_a_participle_after_a_passive_is_the_same_persons(nlp: Language) -> None:
    found = told(
        nlp,
        "On March 25 Nazarov was detained in Moscow, deprived of Russian citizenship "
        "and deported to Dushanbe.",
    )
    assert ("sanction", "Farrukh Nazarov", "2022-03-25") in found
    assert ("arrest", "Farrukh Nazarov", "2022-03-25") in found


def test_a_fronted_participle_is_the_subjects(nlp: Language) -> None:
    found = told(nlp, "Paroled in 2019, Nazarov left for Turkey a year later.")
    assert ("release", "Farrukh Nazarov", "2019") in found


def test_a_country_the_model_reads_as_a_nationality_is_still_a_place(nlp: Language) -> None:
    assert ("flight", "Farrukh Nazarov", "2012") in told(nlp, "Nazarov fled Tajikistan in 2012.")


def test_a_participle_chain_with_an_object_later_on_keeps_the_passive_person(
    nlp: Language,
) -> None:
    # the chain's last verb has an object ("a plane"); the participle before it is
    # still said of Nazarov, not of the plane
    found = told(
        nlp,
        "In April Nazarov was detained in Kazan, stripped of the Russian passport he held "
        "and put on a plane to Tashkent.",
    )
    assert ("sanction", "Farrukh Nazarov", "2022-04") in found
