"""Sentence boundaries casefile sets before the parser (`extract/nlp.py`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from casefile.extract import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def sentences(nlp: Language, text: str) -> list[str]:
    return [sentence.text for sentence in nlp(text).sents]


def test_clauses_joined_by_a_semicolon_are_separate_statements(nlp: Language) -> None:
    text = "A criminal case was opened against him in 2021; he denies every accusation."
    assert sentences(nlp, text) == [
        "A criminal case was opened against him in 2021;",
        "he denies every accusation.",
    ]


def test_the_items_of_a_list_set_off_by_semicolons_stay_one_sentence(nlp: Language) -> None:
    text = "Those detained were Aziz Karimov, a driver; Nodira Saidova; and Ravshan Tursunov."
    assert sentences(nlp, text) == [text]


def test_a_heading_on_its_own_line_stands_alone(nlp: Language) -> None:
    text = "PRESS RELEASE\n12 May 2025\nThe court in Osh detained the blogger on Monday."
    assert sentences(nlp, text)[0].strip() == "PRESS RELEASE"
