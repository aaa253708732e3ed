"""The ways a report says a case ended in the person's favour (GUIDELINES: `acquittal`
covers acquitted, case dropped, charges withdrawn).

Cleared of charges, a case closed or terminated, charges thrown out, a conviction
quashed; and "dismissed the case" is that, not a dismissal from a post (a
`sanction`). Our own sentences, in a wire, a translated regional, an NGO and a
court-report style; look-alikes that must give no acquittal.
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
        "Nazarov was cleared of all charges in 2021.",
        "A magistrate threw out the charges against Nazarov on Friday.",
        # translated regional press
        "The criminal case against Nazarov was closed for lack of the composition of a crime.",
        "Investigators terminated the criminal case against Nazarov in the spring.",
        # court report
        "The Supreme Court quashed the conviction of Nazarov in June.",
        # NGO release
        "We welcome that the Bishkek court dismissed the case against Nazarov on Monday.",
    ],
)
def test_a_case_ended_in_his_favour_is_an_acquittal(nlp: Language, text: str) -> None:
    assert ("acquittal", WHO) in found(nlp, text)


def test_a_case_dismissed_is_no_dismissal_from_a_post(nlp: Language) -> None:
    text = "A Bishkek court dismissed the case against Nazarov on Monday."
    assert ("sanction", WHO) not in found(nlp, text)


def test_a_dismissal_from_a_post_is_still_a_sanction(nlp: Language) -> None:
    text = "The ministry dismissed Nazarov from his teaching post in May."
    assert ("sanction", WHO) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The court closed the hearing to the public before Nazarov testified.",
        "Nazarov cleared his desk at the newspaper in March.",
        "The appeals court upheld the conviction of Nazarov in June.",
    ],
)
def test_look_alikes_give_no_acquittal(nlp: Language, text: str) -> None:
    assert ("acquittal", WHO) not in found(nlp, text)
