"""A group told again in other words: "their extradition", "the same individuals".

Where an article names a group's members in a list, a later "their" or a
definite group without a number ("the same individuals", "the men") is the
list told last: one event per member (GUIDELINES, Subjects), not the story's
main person alone (extract/groups.py named_members, extract/subjects.py
_first_person). Each article is ours: the people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article

FOUR = ["Rustam Sobirov", "Bekzod Nazarov", "Davron Umarov", "Jasur Karimov"]


def subjects(nlp: Language, text: str, type_: str) -> list[str]:
    article = Article(text=text, published=date(2026, 3, 10))
    return [e.subject for e in extract(article, nlp).events if e.type == type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (  # wire: a decision on the request for "their" extradition
            "Police in Almaty detained four Uzbek teachers on Friday: Rustam Sobirov, Bekzod "
            "Nazarov, Davron Umarov and Jasur Karimov. Kazakhstan granted Uzbekistan's "
            "request for their extradition on Saturday, the ministry said.",
            "extradition_decision",
        ),
        (  # the request itself, named through the same "their"
            "Police in Almaty detained four Uzbek teachers on Friday: Rustam Sobirov, Bekzod "
            "Nazarov, Davron Umarov and Jasur Karimov. Kazakhstan granted Uzbekistan's "
            "request for their extradition on Saturday, the ministry said.",
            "extradition_request",
        ),
        (  # translated press: "the same individuals", two sentences on
            "Rustam Sobirov, Bekzod Nazarov, Davron Umarov and Jasur Karimov were detained "
            "in Almaty on Friday. The embassy did not comment. The same individuals had "
            "earlier been granted the status of refugee by the migration service.",
            "asylum_decision",
        ),
        (  # NGO release: "their trial"
            "The Committee names Rustam Sobirov, Bekzod Nazarov, Davron Umarov and Jasur "
            "Karimov among those at risk. Their trial opened in Tashkent on 2 March.",
            "hearing",
        ),
    ],
)
def test_a_group_told_again_is_the_list_told_before(nlp: Language, text: str, type_: str) -> None:
    assert sorted(subjects(nlp, text, type_)) == sorted(FOUR)


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # court report: a relative's parents are no list told before
            "Warrants were issued for Ada Fung, Carl Wong and Eddie Lam in July. The case "
            "drew protests. On Monday officers took the parents and younger brother of Carl "
            "Wong from their home in Sha Tin for questioning.",
            "abduction",
            [],
        ),
        (  # another plural subject between: "the suspects" are not the victims
            "Rustam Sobirov, Bekzod Nazarov and Davron Umarov were abducted in Almaty on "
            "Friday. Officers later questioned two suspects. The suspects were charged with "
            "kidnapping on Sunday.",
            "charge",
            [],
        ),
    ],
)
def test_look_alikes_are_not_the_list(
    nlp: Language, text: str, type_: str, expected: list[str]
) -> None:
    assert subjects(nlp, text, type_) == expected


# --- a group of two coordinated plural nouns is one group ----------------------------


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # wire
            "Uzbek teachers and students returned from Turkey have repeatedly vanished into "
            "secret detention.",
            "abduction",
            ["Uzbek teachers and students"],
        ),
        (  # NGO release, a partitive before the group
            "Laos has jailed dozens of bloggers and opposition supporters since 2019.",
            "arrest",
            ["bloggers and opposition supporters"],
        ),
        (  # look-alike: a singular noun joined to the group stays outside it
            "Police detained three activists and a driver on Monday.",
            "arrest",
            ["three activists"],
        ),
    ],
)
def test_coordinated_plural_nouns_are_one_group(
    nlp: Language, text: str, type_: str, expected: list[str]
) -> None:
    assert subjects(nlp, text, type_) == expected
