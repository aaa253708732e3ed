"""The next date a case shows, from the ways outlets word a hearing that moved.

A wrong "next hearing" is the costliest mistake casefile can make: a lawyer
acts on it. Each scenario is a few reports of our own, in a different style
(wire, court report, translated regional press, NGO release), about an
invented blogger facing extradition; `today` falls after the reports. A
postponed or adjourned date is never the next date, its replacement is; a
date that has passed is never next, and without a report of what happened it
is "no news since".
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.cases import agenda
from casefile.cases.build import build_case_files
from casefile.cases.records import CaseFile
from casefile.extract import extract, load_nlp
from casefile.model import Article

Report = tuple[str, str]  # published, text


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def case_of(nlp: Language, reports: list[Report], today: str) -> CaseFile:
    extractions = [
        extract(Article(text=text, published=date.fromisoformat(day), source_id=f"r{i}"), nlp)
        for i, (day, text) in enumerate(reports)
    ]
    files = [f for f in build_case_files(extractions, today=date.fromisoformat(today))]
    [found] = [f for f in files if f.case.name == "Timur Osmonov"]
    return found


def hearings(found: CaseFile) -> list[tuple[str | None, str]]:
    return [(e.date, e.status) for e in found.case.events if e.type == "hearing"]


def next_date(found: CaseFile, today: str) -> str | None:
    coming = agenda.next_event(found.case.events, date.fromisoformat(today))
    return coming.date if coming else None


MOVED = [
    (  # court report, both dates in one sentence, "due on ... rescheduled for"
        [
            (
                "2027-01-12",
                "The extradition hearing of blogger Timur Osmonov, due on Jan. 20, has been "
                "rescheduled for Feb. 10, the court's press office said.",
            )
        ],
        [("2027-01-20", "postponed"), ("2027-02-10", "scheduled")],
    ),
    (  # wire, "moved to ... from ..."
        [
            (
                "2027-01-12",
                "The extradition hearing of blogger Timur Osmonov was moved to Feb. 10 from "
                "Jan. 20, his lawyer said.",
            )
        ],
        [("2027-01-20", "postponed"), ("2027-02-10", "scheduled")],
    ),
    (  # regional press: announced in one report, adjourned in a later one
        [
            (
                "2027-01-05",
                "A district court in Bishkek will consider the extradition of the blogger Timur "
                "Osmonov on 20 January, his defender informed our edition.",
            ),
            (
                "2027-01-13",
                "The court adjourned the hearing on the extradition of Timur Osmonov until "
                "10 February at the request of the prosecution.",
            ),
        ],
        [("2027-01-20", "postponed"), ("2027-02-10", "scheduled")],
    ),
]


@pytest.mark.parametrize(("reports", "expected"), MOVED)
def test_a_moved_hearing_shows_its_new_date_next_and_never_the_old(
    nlp: Language, reports: list[Report], expected: list[tuple[str, str]]
) -> None:
    found = case_of(nlp, reports, "2027-01-15")
    assert hearings(found) == expected
    assert next_date(found, "2027-01-15") == "2027-02-10"
    assert [e.date for e in found.upcoming] == ["2027-02-10"]


def test_a_hearing_postponed_with_no_new_date_leaves_no_next_date(nlp: Language) -> None:
    found = case_of(
        nlp,
        [
            (
                "2027-01-05",
                "A court in Bishkek will hold the extradition hearing of blogger Timur Osmonov "
                "on Jan. 20, his lawyer said.",
            ),
            (
                "2027-01-18",
                "The Jan. 20 extradition hearing of blogger Timur Osmonov has been postponed "
                "indefinitely, the court said.",
            ),
        ],
        "2027-01-19",
    )
    assert hearings(found) == [("2027-01-20", "postponed")]
    assert next_date(found, "2027-01-19") is None
    assert agenda.overdue(found.case.events, date(2027, 1, 25)) == []  # postponed: not chased


def test_a_passed_date_is_never_next_but_no_news_since(nlp: Language) -> None:
    """An NGO release announces the hearing; nothing is reported after it."""
    found = case_of(
        nlp,
        [
            (
                "2027-01-05",
                "The extradition hearing of blogger Timur Osmonov is set for Jan. 20, Steppe "
                "Rights Watch said in a statement calling on observers to attend.",
            )
        ],
        "2027-01-25",
    )
    assert hearings(found) == [("2027-01-20", "scheduled")]
    assert next_date(found, "2027-01-25") is None
    assert next_date(found, "2027-01-19") == "2027-01-20"
    [waiting] = agenda.overdue(found.case.events, date(2027, 1, 25))
    assert agenda.status_text(waiting) == "scheduled - no news since 2027-01-05"


@pytest.mark.parametrize(
    "text",
    [
        # wire
        "BISHKEK, Jan 12 (Steppe Wire) - A hearing on whether to extradite blogger Timur "
        "Osmonov to Uzbekistan was put off until Feb. 10, the court said on Tuesday.",
        # court report, the particle after the object
        "Judge Asel Dzhumabaeva put the extradition hearing of Timur Osmonov off until "
        "Feb. 10 after the defence asked for time to study the file.",
    ],
)
def test_put_off_until_a_date_is_the_next_hearing(nlp: Language, text: str) -> None:
    """A phrasal 'put off' moves the hearing like 'postponed': the new date is ahead of the
    report and scheduled, never last year's day and never held."""
    found = case_of(nlp, [("2027-01-12", text)], "2027-01-15")
    assert ("2027-02-10", "scheduled") in hearings(found)
    assert next_date(found, "2027-01-15") == "2027-02-10"
