"""Words of leaving, of refused entry and of bans that are no flight and no sanction.

"Left a note in the car" leaves something behind, whatever country the note
names; "was refused entry to his mother's trial" keeps him out of a room, not
out of a country; "a ban on public gatherings" bans something everyone does, not
him. The readings bound to a country or to him stay. Our own sentences, in a wire,
a translated regional, an NGO and a court-report style.
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
    ("text", "not_expected"),
    [
        # wire
        (
            "Police say Nazarov left a handwritten note inside the car that blamed the U.S. "
            "for the war.",
            "flight",
        ),
        # translated regional press
        ("Before the search Nazarov left a message to the Kazakh consul on his phone.", "flight"),
        # NGO release
        ("Nazarov's brother said he was refused entry to the trial in Khujand.", "sanction"),
        # court report
        ("The defendant's wife was denied entry to the hearing in Almaty on Monday.", "sanction"),
    ],
)
def test_look_alikes_give_nothing(nlp: Language, text: str, not_expected: str) -> None:
    assert not_expected not in {event_type for event_type, _ in found(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nazarov left Tajikistan in 2015.", "flight"),
        ("Nazarov was refused entry to Russia at the airport in May.", "sanction"),
    ],
)
def test_the_country_bound_readings_stay(nlp: Language, text: str, expected: str) -> None:
    assert (expected, WHO) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # wire
        "After the strike the interior ministry announced a ban on public gatherings and "
        "protests for five days, Nazarov wrote.",
        # translated regional press
        "The akimat introduced a ban on mass events and rallies in the city, Nazarov reported.",
        # NGO release
        "Nazarov's group condemned the ban on peaceful assembly imposed in March.",
    ],
)
def test_a_ban_on_what_everyone_does_is_no_sanction_of_him(nlp: Language, text: str) -> None:
    assert ("sanction", WHO) not in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # court report
        "The court imposed a five-year travel ban on Nazarov in March.",
        "A ban on Nazarov's broadcasts was issued in 2019.",
    ],
)
def test_a_ban_on_him_stays_a_sanction(nlp: Language, text: str) -> None:
    assert ("sanction", WHO) in found(nlp, text)
