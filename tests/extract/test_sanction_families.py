"""Sanctions and designations told as the language tells them (issue 11).

Families gathered from WordNet's synsets of revoke/annul/invalidate, confiscate/
impound, forbid/bar and label/designate, and from how reporting words them:
papers taken away ("his residence permit was annulled", "had her passport
confiscated"), the nouns of those acts ("the revocation of his visa"), asset
freezes, a person kept from leaving ("stopped him from boarding a flight"), and
the "foreign agent" label. Each family is tried in a wire, a translated regional,
an NGO and a court-report style; look-alikes must give nothing of the type.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The Uzbek poet Dilnoza Karimova has criticised the government from exile since 2019. "
WHO = "Dilnoza Karimova"


def found(nlp: Language, text: str) -> set[tuple[str, str]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.subject) for event in events}


@pytest.mark.parametrize(
    "text",
    [
        # papers annulled, rescinded, confiscated: passive, active, "of" and possessor
        "Karimova's residence permit was annulled in March, her lawyer said.",
        "The migration department annulled the residence permit of Karimova on 2 April.",
        "Customs officers confiscated her passport at the Tashkent airport in August.",
        "Karimova had her passport confiscated at the border post in September.",
        "By the decision of the ministry the accreditation of the poet Karimova was "
        "rescinded in the month of May.",
        # the nouns of those acts
        "The revocation of her residence permit in June left Karimova without papers.",
        "An asset freeze against Karimova was announced by the finance ministry in July.",
        # kept from leaving: "from" + the journey she was kept from
        "Border guards stopped Karimova from boarding a flight to Riga in May.",
        "In May of the same year she was prevented from flying to Almaty for a book fair.",
    ],
)
def test_sanction_families(nlp: Language, text: str) -> None:
    assert ("sanction", WHO) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words about things no authority took from her
        "Karimova annulled her contract with the publisher in March.",
        "The festival cancelled the reading Karimova was to give in Riga.",
        "Lawyers demanded the cancellation of the order against her.",
        "The price freeze on bread was announced by the ministry in July.",
        # stopped on her way somewhere is custody, not a ban on leaving
        "Police stopped Karimova at the border crossing in May and took her to a station.",
    ],
)
def test_sanction_look_alikes(nlp: Language, text: str) -> None:
    assert not {event for event in found(nlp, text) if event[0] == "sanction"}


def test_kept_from_boarding_is_no_arrest(nlp: Language) -> None:
    """ "stopped her from boarding a flight": kept in the country, not taken into custody."""
    events = found(nlp, "Border guards stopped Karimova from boarding a flight to Riga in May.")
    assert ("arrest", WHO) not in events


@pytest.mark.parametrize(
    "text",
    [
        "The justice ministry entered Karimova in the register of foreign agents on Friday.",
        "On Friday the ministry of justice included in the register of foreign agents the "
        "poetess Dilnoza Karimova.",
    ],
)
def test_foreign_agent_label(nlp: Language, text: str) -> None:
    assert ("designation", WHO) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # "foreign" alone is no label
        "Latvia regards Karimova as a foreign national, and its foreign minister has met her.",
        "The ministry of foreign affairs listed Karimova among the guests of the festival.",
    ],
)
def test_foreign_without_agent_is_no_label(nlp: Language, text: str) -> None:
    assert not {event for event in found(nlp, text) if event[0] == "designation"}


def test_outlawed_as_extremist_is_a_designation_only(nlp: Language) -> None:
    """ "outlawed the movement as extremist": the label, not also a dissolution."""
    text = (
        "Karimova co-founded the Ozod Soz movement in 2020. "
        "The Supreme Court outlawed Ozod Soz as extremist in 2022."
    )
    types = {event[0] for event in found(nlp, text)}
    assert "designation" in types
    assert "sanction" not in types


def test_a_timeline_line_tells_the_passive_without_its_verb(nlp: Language) -> None:
    """ "- 3 Jun 2025: Passports of four exiled poets cancelled, among them A and B": a
    headline's passive (no "were"); the papers are what was cancelled, not who cancelled."""
    text = (
        "- 3 Jun 2025: Passports of four exiled poets cancelled, among them Karimova, "
        "Aziz Rahimov and Lola Saidova."
    )
    sanctioned = {subject for kind, subject in found(nlp, text) if kind == "sanction"}
    assert sanctioned == {WHO, "Aziz Rahimov", "Lola Saidova"}


def test_a_movement_declared_extremist_is_the_movement_the_story_named(nlp: Language) -> None:
    """ "the exile movement Ozod Soz ... declared the movement extremist in November": the
    name beside the same noun before, not the month after the verb."""
    text = (
        "Karimova leads the exile movement Ozod Soz. "
        "A Tashkent court declared the movement extremist in November 2024."
    )
    labelled = {subject for kind, subject in found(nlp, text) if kind == "designation"}
    assert labelled == {"Ozod Soz"}


def test_everyone_a_register_takes_in_is_labelled(nlp: Language) -> None:
    text = (
        "On Friday the ministry of justice included in the register of foreign agents the "
        "poet Dilnoza Karimova, the historian Aziz Rahimov and the lawyer Lola Saidova."
    )
    labelled = {subject for kind, subject in found(nlp, text) if kind == "designation"}
    assert labelled == {WHO, "Aziz Rahimov", "Lola Saidova"}


@pytest.mark.parametrize(
    ("text", "sanctioned"),
    [
        # entry refused "to" the people it is refused to (wire)
        (
            "In neighbouring Latvia, border officers this month refused entry to two Uzbek "
            "poets, Dilnoza Karimova and Aziz Rahimov.",
            {WHO, "Aziz Rahimov"},
        ),
        # an organisation struck off a register (NGO release)
        (
            "In May the ministry of justice struck the Ozod Soz foundation off the register of "
            "non-profit organisations.",
            {"Ozod Soz foundation"},
        ),
    ],
)
def test_refused_to_and_struck_off(nlp: Language, text: str, sanctioned: set[str]) -> None:
    assert {subject for kind, subject in found(nlp, text) if kind == "sanction"} == sanctioned


@pytest.mark.parametrize(
    "text",
    [
        # off a wanted list is no sanction; entry to a room is no ban
        "Karimova was removed from the register of wanted persons in May.",
        "The guards refused entry to the courtroom to Karimova in May.",
    ],
)
def test_register_and_entry_look_alikes(nlp: Language, text: str) -> None:
    assert not {e for e in found(nlp, text) if e[0] == "sanction"}
