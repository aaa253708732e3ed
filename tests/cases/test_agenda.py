"""What comes next, and what passed with no news: the one answer every view shows.

Invented reports of one person; `agenda` reads their merged events against a
given day.
"""

from __future__ import annotations

from datetime import date

import pytest

from casefile.cases import agenda, build_cases
from casefile.cases.records import Case, CaseEvent
from casefile.cases.stage import stage
from tests.cases.factory import extraction, report

NAME = "Farid Mammadli"


def case_of(*extractions: object, today: date) -> Case:
    [found] = build_cases(extractions, today=today)  # type: ignore[arg-type]
    return found


def postponed_then_moved(today: date) -> Case:
    """A hearing set for Dec. 18 (first report), then moved to Jan. 14 (second)."""
    return case_of(
        extraction("a1", "2026-12-10", report("hearing", NAME, "2026-12-18", status="scheduled")),
        extraction(
            "a2",
            "2026-12-16",
            report("hearing", NAME, "2026-12-18", status="postponed"),
            report(
                "hearing",
                NAME,
                "2027-01-14",
                status="scheduled",
                evidence=f"The hearing of {NAME} was postponed until Jan. 14.",
                date_text="Jan. 14",
            ),
        ),
        today=today,
    )


def dates(events: list[CaseEvent]) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.date, e.status) for e in events]


def test_a_postponed_date_is_never_upcoming_its_replacement_is() -> None:
    found = postponed_then_moved(date(2026, 12, 17))
    assert dates(agenda.upcoming(found.events, date(2026, 12, 17))) == [
        ("hearing", "2027-01-14", "scheduled")
    ]
    nxt = agenda.next_event(found.events, date(2026, 12, 17))
    assert nxt is not None and nxt.date == "2027-01-14"
    assert found.stage == "next: hearing 2027-01-14"
    assert ("hearing", "2026-12-18", "postponed") in dates(list(found.events))


def test_a_date_passed_with_no_later_report_is_no_news_since_its_last_report() -> None:
    day = date(2027, 1, 20)
    found = postponed_then_moved(day)
    [passed] = agenda.overdue(found.events, day)
    assert (passed.date, passed.unconfirmed, passed.no_news_since) == (
        "2027-01-14",
        True,
        "2026-12-16",
    )
    assert agenda.status_text(passed) == "scheduled - no news since 2026-12-16"
    assert agenda.next_event(found.events, day) is None
    assert stage(found.events, day) == "hearing 2027-01-14: no news since 2026-12-16"


def test_a_report_that_the_hearing_took_place_ends_the_wait() -> None:
    day = date(2027, 1, 20)
    found = case_of(
        extraction("a1", "2026-12-16", report("hearing", NAME, "2027-01-14", status="scheduled")),
        extraction("a2", "2027-01-15", report("hearing", NAME, "2027-01-14")),
        today=day,
    )
    assert agenda.overdue(found.events, day) == []
    assert dates(list(found.events)) == [("hearing", "2027-01-14", "occurred")]


@pytest.mark.parametrize(
    ("type_", "outcome"),
    [("extradition_decision", "granted"), ("sentence", None), ("acquittal", None)],
)
def test_a_court_act_on_the_hearings_day_shows_it_was_held(type_: str, outcome: str | None) -> None:
    """ "A hearing is set for Jan. 14", then "the court granted the extradition on Jan. 14"."""
    day = date(2027, 1, 20)
    found = case_of(
        extraction("a1", "2026-12-16", report("hearing", NAME, "2027-01-14", status="scheduled")),
        extraction("a2", "2027-01-15", report(type_, NAME, "2027-01-14", outcome=outcome)),
        today=day,
    )
    assert agenda.overdue(found.events, day) == []
    assert ("hearing", "2027-01-14", "occurred") in dates(list(found.events))
    assert "no news" not in found.stage


def test_an_act_on_another_day_or_by_no_court_leaves_the_hearing_awaited() -> None:
    day = date(2027, 1, 20)
    found = case_of(
        extraction("a1", "2026-12-16", report("hearing", NAME, "2027-01-14", status="scheduled")),
        extraction(
            "a2",
            "2027-01-15",
            report("extradition_decision", NAME, "2027-01-12", outcome="granted"),
            report("asylum_decision", NAME, "2027-01-14", outcome="denied"),
        ),
        today=day,
    )
    [waiting] = agenda.overdue(found.events, day)
    assert (waiting.type, waiting.date) == ("hearing", "2027-01-14")


def test_an_order_dated_by_its_day_is_never_waited_for() -> None:
    day = date(2027, 3, 1)
    found = case_of(
        extraction(
            "a1", "2026-12-16", report("deportation", NAME, "2026-12-15", status="scheduled")
        ),
        today=day,
    )
    assert agenda.overdue(found.events, day) == []
    assert agenda.upcoming(found.events, date(2026, 12, 1)) == []


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        ("2026-02-11", True),
        ("2026-02-01", True),
        ("2026-03-03", True),
        ("2026-03-04", False),
        ("2026-01-31", False),
        ("2026-01", False),
        ("2026-02", True),
        ("2026-03", True),
        ("2026-04", False),
        ("2026", False),
    ],
)
def test_the_window_from_feb_1_counts_a_day_inside_it_or_a_month_overlapping_it(
    value: str, inside: bool
) -> None:
    found = case_of(
        extraction("a1", "2026-01-20", report("hearing", NAME, value, status="scheduled")),
        today=date(2026, 2, 1),
    )
    listed = agenda.upcoming(found.events, date(2026, 2, 1), days=30)
    assert bool(listed) is inside
