"""What a report says was done "without" did not happen.

"Held without charge", "jailed without trial", "handed over without any court
hearing", "released without being charged": the charge, the trial, the
hearing are denied, as "was not charged" is (GUIDELINES: negated events are
not events). The custody around them stays. Our own sentences, in a wire, a
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
    ("text", "denied", "kept"),
    [
        # wire
        ("Nazarov was held without charge for 40 days.", "charge", None),
        # NGO release
        (
            "Nazarov was detained without a warrant and held for three days without charges.",
            "charge",
            "arrest",
        ),
        # translated regional press
        ("Nazarov was kept in the isolator for a week without being charged.", "charge", None),
        # court report
        (
            "Police detained Nazarov in May and handed him to the border service days later, "
            "without any court hearing.",
            "hearing",
            "arrest",
        ),
    ],
)
def test_what_was_done_without_did_not_happen(
    nlp: Language, text: str, denied: str, kept: str | None
) -> None:
    events = found(nlp, text)
    assert (denied, WHO) not in events
    if kept is not None:
        assert (kept, WHO) in events


def test_without_does_not_deny_what_is_told_beside_it(nlp: Language) -> None:
    text = "Nazarov was charged with fraud on Monday without his lawyer present."
    assert ("charge", WHO) in found(nlp, text)
