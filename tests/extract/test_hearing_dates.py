"""Hearings as a lawyer reads them (issue 12, item 1), and status and place from the right
words (item 5). Articles of our own; each says the events a correct extractor reads.

A postponement gives two events: the hearing that was due, `postponed` and dated by the
day it was due (not by the day of the decision), and the new one, `scheduled`.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article, Event

WEDNESDAY = date(2026, 12, 16)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def read(nlp: Language, text: str, published: date = WEDNESDAY) -> list[Event]:
    return list(extract(Article(text=text, published=published), nlp).events)


def hearings(nlp: Language, text: str, published: date = WEDNESDAY) -> list[tuple[str | None, str]]:
    return sorted((e.date, e.status) for e in read(nlp, text, published) if e.type == "hearing")


POSTPONED_AND_NEW = [("2026-12-18", "postponed"), ("2027-01-14", "scheduled")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A court in Tbilisi postponed the extradition hearing of the Azerbaijani reporter "
            "Farid Mammadli, initially set for Dec. 18, until Jan. 14, his lawyer said.",
            id="initially-set-for-until",
        ),
        pytest.param(
            "A Tbilisi City Court judge on Tuesday postponed until Jan. 14 the hearing on the "
            "extradition of Farid Mammadli, which had been set for Dec. 18.",
            id="decision-day-is-not-the-old-date",
        ),
        pytest.param(
            "The extradition hearing of Farid Mammadli, which had been due on December 18, was "
            "adjourned until January 14.",
            id="adjourned-until",
        ),
        pytest.param(
            "Judges moved the Dec. 18 hearing of Farid Mammadli to Jan. 14.",
            id="moved-to",
        ),
        pytest.param(
            "The court rescheduled the Dec. 18 hearing on Farid Mammadli's extradition for "
            "Jan. 14.",
            id="rescheduled-for",
        ),
        pytest.param(
            "On Monday the Tbilisi court pushed back the hearing of Farid Mammadli from Dec. 18 "
            "to Jan. 14.",
            id="pushed-back-from-to",
        ),
    ],
)
def test_a_postponement_gives_the_old_date_postponed_and_the_new_one_scheduled(
    nlp: Language, text: str
) -> None:
    assert hearings(nlp, text) == POSTPONED_AND_NEW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Azerbaijani reporter Farid Mammadli was detained in Tbilisi in November. The "
            "court will consider the extradition of Mammadli on Jan. 14, his lawyer said.",
            [("2027-01-14", "scheduled")],
            id="will-consider-on",
        ),
        pytest.param(
            "The Azerbaijani reporter Farid Mammadli was detained in Tbilisi last month. "
            "A Tbilisi court will hear the extradition case next month.",
            [("2027-01", "scheduled")],
            id="will-hear-next-month",
        ),
        pytest.param(
            "A Tbilisi court set the extradition hearing of Farid Mammadli for Jan. 14.",
            [("2027-01-14", "scheduled")],
            id="set-for",
        ),
        pytest.param(
            "Farid Mammadli remains in custody while the courts consider Azerbaijan's "
            "extradition request.",
            [],
            id="ongoing-consideration-is-no-hearing",
        ),
    ],
)
def test_a_court_that_will_hear_a_case_schedules_a_hearing(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert hearings(nlp, text) == expected


def test_a_dateline_is_never_the_agent(nlp: Language) -> None:
    text = (
        "TBILISI, Dec 16 (Caspian Wire) — A court in Tbilisi postponed the extradition hearing "
        "of Farid Mammadli, initially set for Dec. 18, until Jan. 14."
    )
    agents = {e.agent for e in read(nlp, text) if e.type == "hearing"}
    assert agents == {"A court in Tbilisi"}


def test_an_agent_named_by_a_relative_pronoun_is_what_it_stands_for(nlp: Language) -> None:
    text = (
        "Georgian police detained the journalist Farid Mammadli at Tbilisi airport on Nov. 20 "
        "at the request of Azerbaijan, which has charged him with smuggling."
    )
    charges = [e for e in read(nlp, text) if e.type == "charge"]
    assert [(e.agent, e.country) for e in charges] == [("Azerbaijan", "AZ")]


def test_a_past_request_is_occurred(nlp: Language) -> None:
    text = "Tajikistan requested the extradition of Rustam Nazarov in December, his lawyer said."
    requests = [e for e in read(nlp, text, date(2026, 3, 5)) if e.type == "extradition_request"]
    assert [(e.date, e.status, e.country) for e in requests] == [("2025-12", "occurred", "TJ")]


def test_a_country_mentioned_in_passing_is_not_where_it_happened(nlp: Language) -> None:
    text = "Rustam Nazarov, who fled Russia after the invasion of Ukraine, was detained in 2023."
    flights = [e for e in read(nlp, text, date(2026, 3, 5)) if e.type == "flight"]
    assert flights and all(e.country != "UA" for e in flights)


def test_the_acting_authority_and_place_give_the_country(nlp: Language) -> None:
    text = (
        "Officers of Kyrgyzstan's GKNB detained the Russian anti-war activist Pavel Sorokin in "
        "Bishkek on Dec. 3."
    )
    arrests = [e for e in read(nlp, text, date(2026, 12, 10)) if e.type == "arrest"]
    assert [(e.date, e.country) for e in arrests] == [("2026-12-03", "KG")]


def test_a_granted_request_was_made_and_is_not_scheduled(nlp: Language) -> None:
    text = (
        "On Sept. 30 the court granted a request from Vietnam to extradite Y Kuan Niê, who "
        "helped found a rights group."
    )
    requests = [e for e in read(nlp, text) if e.type == "extradition_request"]
    assert [(e.status, e.country) for e in requests] == [("occurred", "VN")]


@pytest.mark.parametrize(
    "text",
    [
        "The magistrate adjourned the case of the exiled reporter Farid Mammadli to Jan. 14.",
        "Farid Mammadli's trial in Baku was adjourned until Jan. 14 at the prosecution's request.",
    ],
)
def test_an_adjournment_with_no_old_date_gives_only_the_new_hearing(
    nlp: Language, text: str
) -> None:
    assert hearings(nlp, text) == [("2027-01-14", "scheduled")]
