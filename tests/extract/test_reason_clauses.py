"""An "as" clause of reason or time tells what happened, whatever its main clause denies.

"Neither man was tried for the fire, as both had been released under an amnesty":
the negation and the court's "tried" (which the hypothetical walk once read as an
attempt, "tried to flee") belong to the main clause; the release happened.
"As soon as", "as long as" and "as if" stay conditions. Our own sentences, in a
wire, a translated regional, an NGO and a court-report style.
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
    ("text", "expected"),
    [
        # wire
        (
            "Nazarov was not tried for the fire, as he was released in May 2019 under an amnesty.",
            "release",
        ),
        # court report
        ("The case never reached a verdict, as Nazarov was freed on bail in March.", "release"),
        # translated regional press
        (
            "Nazarov could not attend the session, as he was detained by the organs on the eve.",
            "arrest",
        ),
        # NGO release
        (
            "Nazarov did not appear in court, as he had been deported to Tajikistan in June.",
            "deportation",
        ),
    ],
)
def test_an_as_clause_under_a_denied_main_clause_is_told(
    nlp: Language, text: str, expected: str
) -> None:
    assert (expected, WHO) in found(nlp, text)


def test_a_pair_named_with_neither_nor_keeps_its_release(nlp: Language) -> None:
    text = (
        "Neither Nazarov nor Lina Vosk was tried for the arson, as they were released "
        "in May 2019 under an amnesty."
    )
    assert {("release", WHO), ("release", "Lina Vosk")} <= found(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Nazarov could be deported as soon as he is released.", "release"),
        ("Nazarov fears he could be jailed as long as he stays in Tashkent.", "arrest"),
        ("Nazarov acted as if he had been arrested.", "arrest"),
    ],
)
def test_as_soon_as_long_as_and_as_if_stay_conditions(
    nlp: Language, text: str, not_expected: str
) -> None:
    assert (not_expected, WHO) not in found(nlp, text)
