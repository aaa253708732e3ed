"""Families of wording that tell of a hearing, and the date a lawyer needs from them.

A missed or misdated next hearing is the costliest error for a case file, so each family
is tried in a wire, a translated regional press, an NGO release and a court-report style,
in articles of our own. GUIDELINES: a hearing set for a date is `scheduled`; moved, the old
date is `postponed` and the new one `scheduled`; a session told without its outcome, or
one that only extended custody, is a hearing (extending custody is no new arrest).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article, Event

PUBLISHED = date(2026, 12, 16)  # a Wednesday
WHO = "Timur Rakhimov"
INTRO = "The blogger Timur Rakhimov was detained in Tashkent in October. "


def read(nlp: Language, text: str) -> list[Event]:
    return list(extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events)


def hearings(nlp: Language, text: str) -> set[tuple[str, str | None, str]]:
    return {(e.subject, e.date, e.status) for e in read(nlp, text) if e.type == "hearing"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an NGO's call to attend or watch a hearing: the call is no event, the hearing is
        pytest.param(
            "Rights Watch calls on foreign diplomats to attend the hearing of Rakhimov on Jan. 20.",
            ("2027-01-20", "scheduled"),
            id="ngo-attend-hearing",
        ),
        pytest.param(
            "We urge embassies to observe the trial of Timur Rakhimov on 11 February.",
            ("2027-02-11", "scheduled"),
            id="ngo-observe-trial",
        ),
        pytest.param(
            "The coalition asked journalists to follow the appeal hearing of Rakhimov, set "
            "for 3 March.",
            ("2027-03-03", "scheduled"),
            id="ngo-follow-set-for",
        ),
        # "is to appear before a judge": a plan, as "will appear" is
        pytest.param(
            "Rakhimov is to appear before a judge in Tashkent on Jan. 8.",
            ("2027-01-08", "scheduled"),
            id="is-to-appear",
        ),
        pytest.param(
            "According to his lawyer, Rakhimov is to stand trial on 2 February.",
            ("2027-02-02", "scheduled"),
            id="is-to-stand-trial",
        ),
        # translated press: "the session was transferred to" (a calque of "moved to")
        pytest.param(
            "The court session on the case of Rakhimov was transferred to 10 February.",
            ("2027-02-10", "scheduled"),
            id="calque-transferred-to",
        ),
        pytest.param(
            "As reported by the regional portal, the hearing of Timur Rakhimov was transferred "
            "to 24 January at the request of the defence.",
            ("2027-01-24", "scheduled"),
            id="calque-transferred-at-request",
        ),
        # a relative clause dates the hearing the main clause names
        pytest.param(
            "Rakhimov faces a closed hearing in Tashkent, which is set for February 4.",
            ("2027-02-04", "scheduled"),
            id="relcl-faces-hearing",
        ),
        pytest.param(
            "Supporters gathered outside the court building for the trial of Rakhimov, "
            "which resumes on 12 January.",
            ("2027-01-12", "scheduled"),
            id="relcl-trial-resumes",
        ),
    ],
)
def test_scheduled_hearing(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert (WHO, *expected) in hearings(nlp, text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a hearing told through what the court did at it
        pytest.param(
            "At a hearing on Nov. 30 the district court extended the detention of Rakhimov "
            "by two months.",
            "2026-11-30",
            id="wire-at-hearing-extended",
        ),
        pytest.param(
            "During the court session on 2 December, Rakhimov pleaded not guilty.",
            "2026-12-02",
            id="court-report-during-session",
        ),
        pytest.param(
            "At the hearing on 9 December the judge refused to admit the video as evidence "
            "in the case of Rakhimov.",
            "2026-12-09",
            id="court-report-at-hearing-refused",
        ),
    ],
)
def test_hearing_told_by_what_the_court_did(nlp: Language, text: str, day: str) -> None:
    assert (WHO, day, "occurred") in hearings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "At a hearing on Nov. 30 the district court extended the detention of Rakhimov.",
        "On 30 November the court prolonged Rakhimov's arrest for another three months.",
    ],
)
def test_extended_custody_is_no_new_arrest(nlp: Language, text: str) -> None:
    """GUIDELINES: extending existing custody is no new arrest."""
    arrests = [e for e in read(nlp, text) if e.type == "arrest" and e.date != "2026-10"]
    assert arrests == []


@pytest.mark.parametrize(
    "text",
    [
        "A hearing of the parliament committee on budgets took place on Jan. 20, Rakhimov wrote.",
        "Rakhimov testified at a hearing of the senate committee on ethics in March.",
        "Rakhimov first heard of the charges against his cousin on Nov. 2.",
        "Rakhimov lost his hearing aid during the search on Nov. 2.",
        "The sports tribunal will hear the appeal of Rakhimov's football club on Jan. 20.",
    ],
)
def test_look_alikes_are_no_hearing(nlp: Language, text: str) -> None:
    assert hearings(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "would" under a past verb of saying: a plan reported, not a condition; the day is
        # the one nearest the report
        pytest.param(
            "A police spokesman said the criminal court would open the extradition hearing of "
            "Rakhimov on Jan. 12.",
            ("2027-01-12", "scheduled"),
            id="wire-said-would-open",
        ),
        pytest.param(
            "His lawyer told reporters that the appeal court would consider the case of "
            "Rakhimov on 30 November.",
            ("2026-11-30", "scheduled"),
            id="regional-told-would-consider",
        ),
        # a dated session at which something was to be done is held, whatever was wanted
        # a challenge or lawsuit heard
        pytest.param(
            "On 30 November a court in Tashkent began hearing Rakhimov's challenge to the "
            "expulsion order.",
            ("2026-11-30", "occurred"),
            id="began-hearing-challenge",
        ),
    ],
)
def test_sessions_reported_or_framed(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert (WHO, *expected) in hearings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "His lawyer said the court would hear the case if the prosecutor agreed.",
        "Rakhimov said he would never attend a trial in Uzbekistan on 12 January.",
    ],
)
def test_conditions_and_wishes_stay_silent(nlp: Language, text: str) -> None:
    assert hearings(nlp, text) == set()


def test_the_speaker_of_a_planned_session_is_not_its_person(nlp: Language) -> None:
    """ "An official said the court would open the hearing": the official's words, the
    story's person's hearing."""
    text = (
        "Col. Anvar Saidov, a spokesman for the border guards, said the city court would open "
        "the extradition hearing on Jan. 12."
    )
    assert {subject for subject, _, _ in hearings(nlp, text)} == {WHO}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param(
            "Testifying on 13 November, Rakhimov told the court he had been beaten in custody.",
            "2026-11-13",
            id="court-report-testifying-told-the-court",
        ),
        pytest.param(
            "Rakhimov testified for three hours on 13 November, and the judge then closed the "
            "session.",
            "2026-11-13",
            id="wire-testified-judge-closed",
        ),
    ],
)
def test_testimony_with_the_court_in_the_sentence(nlp: Language, text: str, day: str) -> None:
    assert (WHO, day, "occurred") in hearings(nlp, text)
