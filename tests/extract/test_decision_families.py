"""Extradition decisions told by what they allow (issue 11).

A decision is reported through its effect as often as through "granted the
request": a decision to hand a person to a state, a handover or surrender
allowed or approved, a way cleared, a green light, and a higher court upholding
a lower court's dated ruling (two decisions: the upholding and the ruling
upheld, each on its own day). Look-alikes: a paper handed to someone, a
decision to hand over documents, a ruling upheld with no day of its own.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article, Event

PUBLISHED = date(2025, 11, 14)
INTRO = "The Uyghur engineer Memet Tursun has lived in Dubai since 2015. "
WHO = "Memet Tursun"


def events(nlp: Language, text: str) -> list[Event]:
    return list(extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events)


def decisions(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    return {(e.subject, e.date) for e in events(nlp, text) if e.type == "extradition_decision"}


@pytest.mark.parametrize(
    "text",
    [
        # NGO release: the decision named by the handing it allows
        "We condemn the Emirati government's decision to hand Tursun to China.",
        # court report: a handover or surrender allowed or approved
        "The court allowed the handover of Tursun to China in May.",
        "Prosecutors approved Tursun's surrender to the Chinese authorities in December.",
        # wire and translated press: a way cleared, a green light
        "A Dubai court cleared the way for his extradition to China on Monday.",
        "The court gave the green light to his extradition to China on 3 March.",
    ],
)
def test_decisions_told_by_what_they_allow(nlp: Language, text: str) -> None:
    assert WHO in {subject for subject, _ in decisions(nlp, text)}


def test_an_upheld_ruling_is_a_decision_of_its_own_day(nlp: Language) -> None:
    text = (
        "Tursun was flown to Urumqi a week after the appeals court, on 12 May, upheld the "
        "city court's ruling of 3 March that he could be extradited."
    )
    assert {(WHO, "2025-05-12"), (WHO, "2025-03-03")} <= decisions(nlp, text)


def test_an_upheld_ruling_without_a_day_is_the_upholding_only(nlp: Language) -> None:
    text = "The Supreme Court upheld the ruling on Tursun's extradition to China in June."
    assert decisions(nlp, text) == {(WHO, "2025-06")}


@pytest.mark.parametrize(
    "text",
    [
        # a paper served on him: no decision on an extradition
        "At the airport Tursun was handed the decision on his deportation.",
        # handing over things, not a person
        "The court's decision to hand over documents from Tursun's case was welcomed.",
    ],
)
def test_handed_look_alikes(nlp: Language, text: str) -> None:
    assert not decisions(nlp, text)


def test_the_group_is_the_group_the_story_named(nlp: Language) -> None:
    """ "the group" is "Group 31" where the model cut the number off the name."""
    text = (
        "Tursun co-founded Group 31, an exile movement, in 2014. "
        "In October 2015 the Supreme Court recognized the group as an extremist organization."
    )
    labelled = {e.subject for e in events(nlp, text) if e.type == "designation"}
    assert labelled == {"Group 31"}


def test_an_appeal_against_that_decision_is_ruled_on_as_the_decision(nlp: Language) -> None:
    """ "His appeal against that decision was dismissed": the ruling on the appeal takes
    the type of the decision told just before (GUIDELINES, court rulings)."""
    text = (
        "On 20 August a Dubai court approved the extradition of Tursun to China. "
        "His appeal against that decision was dismissed by the Court of Cassation on 14 "
        "October."
    )
    assert (WHO, "2025-10-14") in decisions(nlp, text)


def test_an_appeal_against_a_sentence_is_no_extradition_decision(nlp: Language) -> None:
    text = (
        "On 20 August a Dubai court sentenced Tursun to two years. "
        "His appeal against that decision was dismissed on 14 October."
    )
    assert not decisions(nlp, text)
