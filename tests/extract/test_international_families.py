"""International bodies acting on a case, told as reporting tells them (issue 11).

The acts (WordNet's convey/transmit and condemn/denounce synsets, and the verbs
the bodies' own reports use: raised the case with a government, transmitted it,
declined, condemned), the body named through a relative pronoun ("the Committee,
which asked ..."), a pronoun after its name ("UNHCR said it had raised ..."), or
a definite noun standing for a body named just before ("the Court indicated ...");
Interpol's notices deleted without Interpol as the subject, and the European
Court's Rule 39 measure. Look-alikes: a domestic court after the European one,
a court with a name of its own, a mandate's title with "torture" in it.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The Uyghur engineer Memet Tursun has lived in Dubai since 2015. "
WHO = "Memet Tursun"


def found(nlp: Language, text: str) -> set[tuple[str, str]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.subject) for event in events}


@pytest.mark.parametrize(
    "text",
    [
        # the acts: raised, transmitted, condemned (wire, NGO release)
        "The UN Special Rapporteur on torture raised Tursun's case with the Emirati "
        "government in March.",
        "In 2024 the UN Working Group on Enforced or Involuntary Disappearances transmitted "
        "the case of Tursun to the governments of the UAE and China.",
        "On 25 November the UN Special Rapporteur on torture publicly condemned Tursun's transfer.",
        # the body through a relative pronoun (court report)
        "A Dubai court approved his extradition despite the UN Committee against Torture, "
        "which in May asked the Emirates to halt the transfer.",
        # a pronoun after the body's name (translated press)
        "UNHCR said it had raised the case of Tursun with the foreign ministry in March.",
        "The Office of the UN High Commissioner for Refugees decided on Monday to recognise "
        "Tursun as a refugee, and it referred his file to Canada.",
        # Interpol's acts without Interpol as the subject
        "His red notice was deleted by the file commission in October.",
        "The deletion of the Interpol red notice against Tursun in February was welcomed.",
        # the European Court's measure named by its rule
        "In 2022 the Emirates extradited Tursun to China despite a Rule 39 measure.",
    ],
)
def test_international_acts(nlp: Language, text: str) -> None:
    assert ("international_action", WHO) in found(nlp, text)


def test_the_court_that_the_article_named(nlp: Language) -> None:
    """ "the Court" two sentences after the European Court of Human Rights is that court."""
    text = (
        "The European Court of Human Rights communicated his complaint to the UAE in 2024. "
        "His lawyers welcomed the step. "
        "On 4 February 2025 the Court indicated under Rule 39 that Tursun should not be "
        "extradited."
    )
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    dates = {e.date for e in events if e.type == "international_action"}
    assert "2025-02-04" in dates


@pytest.mark.parametrize(
    ("text", "silent"),
    [
        # a domestic court named after the European one: "the court" is the domestic one
        (
            "The European Court of Human Rights communicated his complaint to the UAE in "
            "2024. A Dubai court heard his appeal in May. On 4 June the court rejected the "
            "appeal of Tursun.",
            "On 4 June",
        ),
        # a court with a name of its own
        (
            "The European Court of Human Rights communicated his complaint in 2024. "
            "The Higher Court in Dubai rejected the appeal of Tursun on 4 June.",
            "Higher Court",
        ),
        # what the Court had done, told as a description of something else
        (
            "The European Court of Human Rights communicated his complaint in 2024. "
            "Lawyers criticised the Emirates for extraditing Tursun against the interim "
            "measures which the Court had ordered.",
            "in breach",
        ),
    ],
)
def test_no_international_body(nlp: Language, text: str, silent: str) -> None:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    assert not [e for e in events if e.type == "international_action" and silent in e.evidence]


def test_a_mandate_named_after_torture_is_no_torture(nlp: Language) -> None:
    text = "The UN Special Rapporteur on torture raised Tursun's case with Abu Dhabi in March."
    assert not {e for e in found(nlp, text) if e[0] == "ill_treatment"}


@pytest.mark.parametrize(
    "text",
    [
        # the act as a noun, the body in its "from"/"by" phrase (wire, regional press)
        "In 2024 the Emirates deported Tursun despite a request from UN experts to halt his "
        "removal.",
        "Tursun was freed after six months following mediation by the EU Monitoring Mission.",
    ],
)
def test_acts_named_as_nouns(nlp: Language, text: str) -> None:
    assert ("international_action", WHO) in found(nlp, text)


def test_a_member_state_of_a_body_is_not_the_body(nlp: Language) -> None:
    """ "a request from one Interpol member": a state asks, not Interpol."""
    text = "Tursun's lawyer said it was only a request from one Interpol member to find him."
    assert not {e for e in found(nlp, text) if e[0] == "international_action"}
