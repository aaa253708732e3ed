"""What a court declines to order, a party argues against, no one underwent, or a source
guesses at, did not happen.

An expulsion order exists only once it is given: "declined to order his
expulsion" leaves none (extract/syntax.py, `CREATING`). A case made against an
act before it happens ("argued against sending her back") tells no act
(`OPPOSING`). A protest against a deportation may follow one, so it is left to
the rest of the sentence. Our own wording, in several styles.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article


def types_in(nlp: Language, text: str) -> list[str]:
    found = extract(Article(text=text, published=date(2024, 3, 1)), nlp).events
    return [e.type for e in found]


@pytest.mark.parametrize(
    "text",
    [
        # court report
        "Judge Aigerim Sadykova declines to order the expulsion of Farida Nurlanova, "
        "who leaves the courtroom with her lawyer.",
        # wire
        "A district court in Almaty declined on Monday to order the deportation of the "
        "Uighur teacher Erkin Tokhti to China.",
        # translated regional press
        "The defence of Erkin Tokhti argued only against sending him back to China, "
        "where in its words torture awaits him.",
        # NGO release
        "Lawyers for Erkin Tokhti pleaded against his return to China at the hearing.",
    ],
)
def test_an_expulsion_declined_or_argued_against_is_none(nlp: Language, text: str) -> None:
    assert "deportation" not in types_in(nlp, text)


def test_an_expulsion_ordered_is_a_scheduled_deportation(nlp: Language) -> None:
    text = "A district court in Almaty ordered on Monday the expulsion of Erkin Tokhti."
    assert "deportation" in types_in(nlp, text)


def test_a_ruling_against_an_extradition_is_still_a_decision(nlp: Language) -> None:
    text = "The appeals court in Belgrade ruled against the extradition of Erkin Tokhti to China."
    assert "extradition_decision" in types_in(nlp, text)


def test_a_foreign_minister_is_no_foreign_agent(nlp: Language) -> None:
    text = (
        "The blogger Erkin Tokhti has been held in Urumqi since 2019. Norway still counts "
        "him among its nationals, and its foreign minister, Kari Dahl, wants him freed."
    )
    assert "designation" not in types_in(nlp, text)


def test_a_register_of_foreign_agents_is_a_designation(nlp: Language) -> None:
    text = "In May the ministry put the blogger Erkin Tokhti on its register of foreign agents."
    assert "designation" in types_in(nlp, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # wire
        ("No suspect has been named in the stabbing of the blogger Erkin Tokhti.", "charge"),
        # NGO release
        ("Nobody has been arrested over the attack on Erkin Tokhti's flat.", "arrest"),
        # translated regional press
        ("To this day no one has been charged for the beating of Erkin Tokhti.", "charge"),
    ],
)
def test_no_one_as_the_subject_denies_the_event(nlp: Language, text: str, type_: str) -> None:
    assert type_ not in types_in(nlp, text)


def test_nobody_arrested_for_an_abduction_keeps_the_abduction(nlp: Language) -> None:
    text = "Nobody has been arrested for the abduction of Erkin Tokhti in Istanbul."
    assert types_in(nlp, text) == ["abduction"]


@pytest.mark.parametrize(
    "text",
    [
        "A court source said that Erkin Tokhti will most likely be pardoned under the amnesty.",
        "His lawyer says Erkin Tokhti will probably be released on bail next week.",
    ],
)
def test_a_guess_at_what_will_happen_is_no_event(nlp: Language, text: str) -> None:
    assert "release" not in types_in(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # NGO release
        "The bookseller Erkin Tokhti was last seen on 17 October 2015, leaving his flat in "
        "Pattaya with an unidentified man.",
        # explainer timeline
        "17 Oct 2015: Erkin Tokhti is last seen leaving his hotel in Bangkok with two men.",
    ],
)
def test_last_seen_leaving_is_a_disappearance_not_a_departure(nlp: Language, text: str) -> None:
    assert types_in(nlp, text) == ["abduction"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # wire
        ("Border guards say they have no record of Erkin Tokhti crossing into Georgia.", "flight"),
        # NGO release
        ("The ministry said it had no record of the detention of Erkin Tokhti.", "arrest"),
    ],
)
def test_no_record_of_an_act_denies_it(nlp: Language, text: str, type_: str) -> None:
    assert type_ not in types_in(nlp, text)


@pytest.mark.parametrize(
    ("text", "fatal"),
    [
        (
            "Last year Erkin Tokhti was shot in the neck near his flat in Almaty and survived.",
            False,
        ),
        ("A police officer shot Erkin Tokhti in the leg during the raid.", False),
        ("Erkin Tokhti was shot dead outside his flat in Almaty last year.", True),
        ("Unknown gunmen fatally shot Erkin Tokhti in Almaty last year.", True),
    ],
)
def test_a_shooting_is_a_death_only_when_told_as_fatal(
    nlp: Language, text: str, fatal: bool
) -> None:
    assert ("death" in types_in(nlp, text)) is fatal
