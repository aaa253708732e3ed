"""One person's events across articles: merged, refined, updated, flagged. Invented reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from casefile.cases import CaseEvent, SourcedEvent, merge_reports, sourced
from casefile.cases.agenda import last_day
from casefile.cases.records import dated
from casefile.cases.timeline import current_status, dates_compatible
from casefile.model import Extraction
from tests.cases.factory import extraction, report

NAME = "Ruslan Gaziev"


def merged(*extractions: Extraction, today: date | None = None) -> list[CaseEvent]:
    reports: list[SourcedEvent] = [r for x in extractions for r in sourced(x)]
    return merge_reports(reports, today)


def brief(events: list[CaseEvent]) -> list[tuple[str, str | None, str, int]]:
    return [(e.type, e.date, e.status, len(e.sources)) for e in events]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2025", "2025-05-13", True),
        ("2025-05", "2025-05-13", True),
        (None, "2025-05-13", True),
        ("2025-05-12", "2025-05-13", False),
        ("2025-04", "2025-05-13", False),
        ("2024", "2025", False),
    ],
)
def test_dates_compatible(a: str | None, b: str | None, expected: bool) -> None:
    assert dates_compatible(a, b) is expected
    assert dates_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["scheduled", "postponed"], "postponed"),
        (["scheduled", "occurred"], "occurred"),
        (["postponed", "scheduled"], "postponed"),  # a later recap of the plan changes nothing
        (["occurred", "scheduled"], "occurred"),
        (["scheduled", "scheduled"], "scheduled"),
        (["scheduled", "cancelled"], "cancelled"),
    ],
)
def test_current_status_is_the_latest_news(statuses: list[str], expected: str) -> None:
    assert current_status(statuses) == expected


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026", date(2026, 12, 31)),
        ("2026-02", date(2026, 2, 28)),
        ("2026-02-11", date(2026, 2, 11)),
    ],
)
def test_last_day(value: str, day: date) -> None:
    assert last_day(value) == day


def test_one_event_from_three_outlets_keeps_every_source_and_the_finest_date() -> None:
    events = merged(
        extraction("wire", "2025-06-01", report("arrest", NAME, "2025-05", country="KZ")),
        extraction("ngo", "2025-06-03", report("arrest", NAME, "2025-05-13", country="KZ")),
        extraction("daily", "2025-07-01", report("arrest", NAME, None, certainty="reported")),
    )
    [arrest] = events
    assert (arrest.date, arrest.country, arrest.certainty) == ("2025-05-13", "KZ", "asserted")
    assert [s.source.article_label for s in arrest.sources] == ["wire", "ngo", "daily"]
    assert [s.source.certainty for s in arrest.sources] == ["asserted", "asserted", "reported"]
    assert not arrest.conflict


@pytest.mark.parametrize(
    ("first", "second", "count"),
    [
        (
            report("arrest", NAME, "2025-05", country="KZ"),
            report("arrest", NAME, "2025-05", country="KG"),
            2,
        ),
        (
            report("extradition_decision", NAME, None, outcome="granted"),
            report("extradition_decision", NAME, None, outcome="suspended"),
            2,
        ),
        (report("arrest", NAME, "2023"), report("arrest", NAME, "2025-05"), 2),
        (report("arrest", NAME, "2025"), report("release", NAME, "2025"), 2),
        (report("flight", NAME, "2023", country="KG"), report("flight", NAME, "2023-01"), 1),
    ],
    ids=["countries differ", "outcomes differ", "years differ", "types differ", "compatible"],
)
def test_what_keeps_two_reports_apart(first: object, second: object, count: int) -> None:
    events = merged(extraction("x", "2026-01-01", first), extraction("y", "2026-01-02", second))  # type: ignore[arg-type]
    assert len(events) == count


def test_two_events_of_one_article_stay_two() -> None:
    events = merged(
        extraction(
            "x",
            "2026-03-06",
            report("arrest", NAME, "2026-03-04", evidence="Police detained him on Wednesday."),
            report("arrest", NAME, None, evidence="A court then remanded him."),
        )
    )
    assert len(events) == 2


def test_an_undated_report_joins_the_event_it_fits_best() -> None:
    events = merged(
        extraction(
            "x", "2026-01-10", report("asylum_decision", NAME, "2025-12-26", outcome="denied")
        ),
        extraction(
            "y", "2026-01-12", report("asylum_decision", NAME, "2024-03", outcome="granted")
        ),
        extraction("z", "2026-02-01", report("asylum_decision", NAME, None, outcome="denied")),
    )
    denied = next(e for e in events if e.outcome == "denied")
    assert len(events) == 2 and len(denied.sources) == 2


def test_two_days_for_one_decision_are_kept_and_flagged() -> None:
    events = merged(
        extraction(
            "x", "2026-02-01", report("extradition_decision", NAME, "2026-01-29", outcome="granted")
        ),
        extraction(
            "y", "2026-02-02", report("extradition_decision", NAME, "2026-01-30", outcome="granted")
        ),
        extraction(
            "z", "2026-02-03", report("extradition_decision", NAME, "2026-01-30", outcome="granted")
        ),
    )
    assert brief(events) == [
        ("extradition_decision", "2026-01-29", "occurred", 1),
        ("extradition_decision", "2026-01-30", "occurred", 2),
    ]
    assert [e.conflict for e in events] == [True, True]
    assert [e.conflicting_dates for e in events] == [("2026-01-30",), ("2026-01-29",)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # far apart: two decisions
        (
            report("extradition_decision", NAME, "2026-01-29", outcome="granted"),
            report("extradition_decision", NAME, "2026-03-02", outcome="granted"),
        ),
        # two instances
        (
            report(
                "extradition_decision",
                NAME,
                "2026-01-29",
                outcome="granted",
                agent="a district court",
            ),
            report(
                "extradition_decision",
                NAME,
                "2026-02-02",
                outcome="granted",
                agent="the Supreme Court",
            ),
        ),
        # arrests a few days apart are common and real
        (report("arrest", NAME, "2026-01-29"), report("arrest", NAME, "2026-01-30")),
    ],
    ids=["far apart", "two instances", "arrests"],
)
def test_what_is_no_conflict(first: object, second: object) -> None:
    events = merged(extraction("x", "2026-04-01", first), extraction("y", "2026-04-02", second))  # type: ignore[arg-type]
    assert len(events) == 2 and not any(e.conflict for e in events)


def test_one_article_giving_both_days_is_no_conflict() -> None:
    events = merged(
        extraction(
            "x",
            "2026-02-01",
            report("sentence", NAME, "2026-01-20", evidence="He was sentenced on Jan. 20."),
            report("sentence", NAME, "2026-01-22", evidence="A second sentence came on Jan. 22."),
        ),
        extraction("y", "2026-02-02", report("sentence", NAME, "2026-01-22")),
    )
    assert not any(e.conflict for e in events)


def test_postponed_to_a_new_date_moves_the_scheduled_hearing() -> None:
    """Like the extractor reads it: the new date, with "postponed until Feb. 26"."""
    events = merged(
        extraction("x", "2026-01-30", report("hearing", NAME, "2026-02-11", status="scheduled")),
        extraction(
            "y",
            "2026-02-11",
            report(
                "hearing",
                NAME,
                "2026-02-26",
                status="postponed",
                date_text="Feb. 26",
                evidence="The court postponed the hearing until Feb. 26.",
            ),
        ),
    )
    assert brief(events) == [
        ("hearing", "2026-02-11", "postponed", 1),
        ("hearing", "2026-02-26", "scheduled", 1),
    ]
    assert [u.text for u in events[0].updates] == ["postponed to 2026-02-26"]
    assert [u.text for u in events[1].updates] == ["moved from 2026-02-11"]


def test_postponed_as_annotated_old_date_postponed_new_date_scheduled() -> None:
    events = merged(
        extraction("x", "2026-01-30", report("hearing", NAME, "2026-02-11", status="scheduled")),
        extraction(
            "y",
            "2026-02-12",
            report("hearing", NAME, "2026-02-11", status="postponed", evidence="Postponed."),
            report("hearing", NAME, "2026-02-26", status="scheduled", evidence="Now Feb. 26."),
        ),
    )
    assert brief(events) == [
        ("hearing", "2026-02-11", "postponed", 2),
        ("hearing", "2026-02-26", "scheduled", 1),
    ]
    assert [u.text for u in events[0].updates] == ["postponed to 2026-02-26"]


@pytest.mark.parametrize(
    ("earlier", "later", "update"),
    [
        (
            report("extradition_decision", NAME, "2026-01-30", outcome="granted"),
            report(
                "extradition_decision",
                NAME,
                "2026-02-24",
                outcome="suspended",
                agent="the Supreme Court",
            ),
            "suspended by the Supreme Court 2026-02-24",
        ),
        (
            report("extradition_decision", NAME, "2026-01-30", outcome="granted"),
            report("extradition", NAME, "2026-03-02"),
            "carried out 2026-03-02",
        ),
        (
            report("asylum_decision", NAME, "2025-12-26", outcome="denied"),
            report("asylum_decision", NAME, "2026-03-01", outcome="granted"),
            "overturned 2026-03-01",
        ),
        (
            report("deportation", NAME, "2026-11-04", status="scheduled"),
            report("deportation", NAME, "2026-11-20"),
            "carried out 2026-11-20",
        ),
        (
            report("sentence", NAME, "2024-06"),
            report("acquittal", NAME, "2025-02"),
            "overturned 2025-02",
        ),
    ],
    ids=["suspended", "carried out", "overturned", "deportation carried out", "acquitted"],
)
def test_a_later_event_says_what_became_of_a_decision(
    earlier: object, later: object, update: str
) -> None:
    events = merged(extraction("x", "2026-03-03", earlier, later))  # type: ignore[arg-type]
    first = min(events, key=lambda e: e.when)
    assert [u.text for u in first.updates] == [update]


def test_an_asylum_denial_upheld_after_an_appeal() -> None:
    events = merged(
        extraction(
            "x", "2026-01-05", report("asylum_decision", NAME, "2025-12-26", outcome="denied")
        ),
        extraction("y", "2026-01-10", report("appeal", NAME, "2026-01-08")),
        extraction(
            "z", "2026-02-27", report("asylum_decision", NAME, "2026-02-26", outcome="denied")
        ),
    )
    assert [u.text for u in events[0].updates] == ["appeal rejected 2026-02-26"]


@pytest.mark.parametrize(
    ("event", "today", "unconfirmed"),
    [
        (report("hearing", NAME, "2026-02-11", status="scheduled"), date(2026, 2, 12), True),
        (report("hearing", NAME, "2026-02-11", status="scheduled"), date(2026, 2, 11), False),
        (report("hearing", NAME, "2026-02", status="scheduled"), date(2026, 2, 20), False),
        (report("hearing", NAME, "2026-02", status="scheduled"), date(2026, 3, 1), True),
        (report("hearing", NAME, "2026-02-11"), date(2026, 3, 1), False),  # it took place
        (report("deportation", NAME, "2026-02-11", status="scheduled"), date(2026, 3, 1), False),
    ],
)
def test_a_scheduled_date_that_passed_unreported_is_unconfirmed(
    event: object, today: date, unconfirmed: bool
) -> None:
    [found] = merged(extraction("x", "2026-02-01", event), today=today)  # type: ignore[arg-type]
    assert found.unconfirmed is unconfirmed


def test_a_later_report_that_it_took_place_confirms_it() -> None:
    events = merged(
        extraction("x", "2026-02-01", report("hearing", NAME, "2026-02-11", status="scheduled")),
        extraction("y", "2026-02-12", report("hearing", NAME, "2026-02-11")),
        today=date(2026, 3, 1),
    )
    assert brief(events) == [("hearing", "2026-02-11", "occurred", 2)]
    assert not events[0].unconfirmed


def test_events_are_in_date_order_undated_last() -> None:
    events = merged(
        extraction(
            "x",
            "2026-01-01",
            report("charge", NAME),
            report("arrest", NAME, "2025-05"),
            report("flight", NAME, "2023"),
        )
    )
    assert [e.date for e in events] == ["2023", "2025-05", None]


def test_a_merged_date_is_inferred_only_when_no_report_read_it() -> None:
    told = replace(report("deportation", NAME, "2026-01"), date_from="story")
    read = report("deportation", NAME, "2026-01", evidence=f"{NAME} was deported in January.")
    scene = replace(
        report("arrest", NAME, "2026-01-14", evidence="Officers stopped his car."),
        date_from="context",
    )
    [deportation, arrest] = merged(extraction("a", "2026-01-22", told, scene))
    assert (deportation.date_from, arrest.date_from) == ("story", "context")
    assert deportation.to_detail_json()["date_from"] == "story"
    assert "date_from" not in deportation.to_json()  # the contract keeps its keys

    [deportation] = merged(extraction("a", "2026-01-22", told), extraction("b", "2026-01-25", read))
    assert len(deportation.sources) == 2
    assert deportation.date_from is None  # one outlet gives the month in its own sentence
    assert dated(deportation.date, "story") == "2026-01 (from the story)"
    assert dated(None, "story") == "undated"
