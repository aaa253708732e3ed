"""Relatives named through someone else ("Nasser's father", "his wife"): whose event it is.

A relative told of through the person the story is about is never that
person. Where the article names the relative beside a kin word ("his wife,
Leila Haddad", "Leila Haddad, Nasser's wife") or as the next sentence opens,
a later "Nasser's wife" or "his wife" is that named person (extract/kin.py,
People.kin); where it never does, the event is not the person told through
(and, for now, no event). Each article is ours: the people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.extract.people import find_people
from casefile.model import Article


def subjects(nlp: Language, text: str, type_: str) -> list[str]:
    article = Article(text=text, published=date(2026, 3, 10))
    return [e.subject for e in extract(article, nlp).events if e.type == type_]


# --- the kin map: a relative named beside a kin word --------------------------------


@pytest.mark.parametrize(
    ("text", "owner", "kin", "named"),
    [
        (  # wire: a pronoun owner, the name set off by commas
            "Exiled poet Farid Nasser fled Tunisia in 2019. His wife, Leila Haddad, stayed "
            "behind with their two sons.",
            "Farid Nasser",
            "wife",
            "Leila Haddad",
        ),
        (  # NGO release: the name first, the relation after it
            "Nadia Selim, the sister of imprisoned blogger Karim Selim, told us the family "
            "had received no letter since June.",
            "Karim Selim",
            "sister",
            "Nadia Selim",
        ),
        (  # translated regional press: a possessive name, the relative's name after it
            "According to the words of Bakhtiyor Rakhimov's mother, Gulnora Rakhimova, the "
            "officers came to the flat at night.",
            "Bakhtiyor Rakhimov",
            "mother",
            "Gulnora Rakhimova",
        ),
        (  # the other side of the relation: she is his wife, so he is her husband
            "Kerem Sezer, a columnist, left Istanbul in 2020. Sezer's wife, Aylin Sezer, told "
            "reporters that her husband had not come home.",
            "Aylin Sezer",
            "husband",
            "Kerem Sezer",
        ),
    ],
)
def test_a_relative_named_beside_a_kin_word_is_linked(
    nlp: Language, text: str, owner: str, kin: str, named: str
) -> None:
    people = find_people(nlp(text))
    links = {(people.name(o), k): people.name(n) for (o, k), n in people.kin.items()}
    assert links.get((owner, kin)) == named


def test_a_relative_described_but_not_named_links_no_one(nlp: Language) -> None:
    text = (
        "Exiled poet Farid Nasser fled Tunisia in 2019. His wife, a retired teacher, stayed "
        "behind in Sfax."
    )
    assert find_people(nlp(text)).kin == {}


# --- a later kin phrase is the named relative ---------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # wire
            "TUNIS, March 9 (Maghreb Wire) - Exiled poet Farid Nasser was sentenced in "
            "absentia to ten years in 2023. His wife, Leila Haddad, has stayed in Sfax with "
            "their sons. On Monday police detained Nasser's wife at her home, her lawyer said.",
            "arrest",
            ["Leila Haddad"],
        ),
        (  # court report: "his" resolved to the defendant, then the named wife
            "The defendant, Omar Belkacem, 41, lived in Lyon until 2022. His brother, Samir "
            "Belkacem, testified for the defence. The prosecutor said his brother was "
            "charged in Algeria last year with sheltering a fugitive.",
            "charge",
            ["Samir Belkacem"],
        ),
        (  # translated regional press, name first and relation after
            "Gulnora Rakhimova, the mother of the blogger Bakhtiyor Rakhimov, addressed the "
            "ombudsman. As it became known, on 3 March the blogger's mother was detained by "
            "employees of the security service.",
            "arrest",
            ["Gulnora Rakhimova"],
        ),
        (  # NGO release: the converse, "her husband" told by the named wife
            "(Berlin, 9 March 2026) - Journalist Kerem Sezer has not been seen since Friday. "
            "His wife, Aylin Sezer, said her husband was abducted outside their flat in "
            "Tbilisi on 6 March.",
            "abduction",
            ["Kerem Sezer"],
        ),
        (  # wire lead: the relative told of first, named as the next sentence opens
            "HONG KONG, March 9 (Harbour Wire) - The 70-year-old mother of exiled campaigner "
            "Mei Lin Ho was detained on Monday over money she had sent abroad. Ho Siu-fan was "
            "brought before a magistrate on Wednesday, her lawyer said.",
            "arrest",
            ["Ho Siu-fan"],
        ),
        (  # translated press: the unnamed wife speaks of "her husband"
            "Journalist Kerem Sezer has not been seen since Friday. The wife of Sezer, in an "
            "interview with a local channel, told that her husband was abducted outside "
            "their flat in Tbilisi on 6 March.",
            "abduction",
            ["Kerem Sezer"],
        ),
    ],
)
def test_a_kin_phrase_is_the_relative_the_article_names(
    nlp: Language, text: str, type_: str, expected: list[str]
) -> None:
    assert subjects(nlp, text, type_) == expected


# --- a relative never named is never the person told through -----------------------


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # NGO release
            "Dissident writer Farid Nasser was sentenced in absentia in 2023. Nasser's father "
            "was detained in Sfax on 4 March and questioned for six hours.",
            "arrest",
            [],
        ),
        (  # timeline entry style
            "Farid Nasser, a poet, left Tunisia in 2019.\n\n"
            "4 Mar 2026: Nasser's brother arrested in Sfax; released on bail two days later.",
            "arrest",
            [],
        ),
        (  # the next sentence names someone of another family: no link
            "HONG KONG, March 9 (Harbour Wire) - The 70-year-old mother of exiled campaigner "
            "Mei Lin Ho was detained on Monday over money she had sent abroad. Tam Ka-ming, "
            "her lawyer, said she would apply for bail.",
            "arrest",
            [],
        ),
    ],
)
def test_an_unnamed_relative_is_not_the_person_told_through(
    nlp: Language, text: str, type_: str, expected: list[str]
) -> None:
    assert subjects(nlp, text, type_) == expected


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # the relative named in apposition: the name itself, as before
            "His wife, Leila Haddad, was detained at her home in Sfax on Monday, the lawyer "
            "of Farid Nasser said.",
            "arrest",
            ["Leila Haddad"],
        ),
        (  # a kin word about the story's own person: "a father of three" is him
            "Farid Nasser, a father of three, was detained at Tunis airport on Monday.",
            "arrest",
            ["Farid Nasser"],
        ),
        (  # "the activist's family" asks, the person is detained: no relative event
            "Police detained the poet Farid Nasser on Monday, his family said.",
            "arrest",
            ["Farid Nasser"],
        ),
        (  # parents and a brother told together: one group, not the brother alone
            "Police took the parents and younger brother of Farid Nasser in for questioning "
            "on Monday.",
            "arrest",
            [],
        ),
    ],
)
def test_look_alikes_keep_their_subjects(
    nlp: Language, text: str, type_: str, expected: list[str]
) -> None:
    assert subjects(nlp, text, type_) == expected
