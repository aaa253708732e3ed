"""A charge named only as what a possible penalty would be for.

"X faces up to ten years on the extremism charge" weighs a penalty; the charge
is presupposed, known only through that penalty, as a charge known only from a
sentence is (GUIDELINES: implied events are optional). casefile reports no
`charge` from such a phrase, while "faces charges of", "faces two counts of"
and "detained on a charge of" stay charges. Our own sentences, in a wire, a
translated regional, an NGO and a court-report style.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The exiled blogger Farrukh Nazarov has written about corruption for a decade. "
WHO = "Farrukh Nazarov"


def found(nlp: Language, text: str) -> set[tuple[str, str]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.subject) for event in events}


@pytest.mark.parametrize(
    "text",
    [
        # wire
        "Nazarov faces up to 15 years in prison on the extremism charge.",
        # wire, two penalties and two charges in one clause
        "Nazarov faces up to 20 years in prison for the bribery charge and a maximum "
        "of three years in jail on the forgery charge.",
        # court report
        "Nazarov faces a maximum sentence of life imprisonment on the treason charge.",
        # translated regional press
        "Under the criminal code, the defendant Nazarov faces a prison term of up to "
        "eight years for the charge of insulting the president.",
    ],
)
def test_a_penalty_weighed_for_a_charge_gives_no_charge(nlp: Language, text: str) -> None:
    assert ("charge", WHO) not in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the charge itself is what he faces
        "Nazarov faces charges of fraud carrying up to ten years in prison.",
        # NGO release
        "Nazarov faces two counts of incitement to hatred, the rights group said.",
        # custody on a charge, whatever it carries
        "Nazarov was detained on a charge of fraud, which carries up to ten years.",
        # translated regional press
        "Nazarov was charged with extremism, an article punishable by up to six years.",
    ],
)
def test_a_charge_told_as_such_stays(nlp: Language, text: str) -> None:
    assert ("charge", WHO) in found(nlp, text)
