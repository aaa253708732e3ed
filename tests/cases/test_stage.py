"""The stage line, derived from merged events: one table of invented histories."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.cases import merge_reports, sourced
from casefile.cases.stage import stage
from casefile.model import Event
from tests.cases.factory import extraction, report

NAME = "Ruslan Gaziev"
TODAY = date(2026, 3, 1)


def stage_of(*events: Event, today: date | None = TODAY) -> str:
    """Each event from its own article, published a day after it (or on 2026-01-01)."""
    reports = []
    for i, event in enumerate(events):
        published = (event.date or "2026-01-01") if len(event.date or "") == 10 else "2026-01-01"
        reports += sourced(extraction(f"r{i}", published, event))
    return stage(merge_reports(reports, today), today)


HISTORIES = [
    (
        "the issue's example",
        [
            report("extradition_decision", NAME, "2026-01-30", outcome="granted"),
            report(
                "extradition_decision",
                NAME,
                "2026-02-24",
                outcome="suspended",
                agent="the Supreme Court",
            ),
            report("asylum_decision", NAME, "2025-12-26", outcome="denied"),
            report("appeal", NAME, "2026-01-05"),
            report("asylum_decision", NAME, "2026-02-26", outcome="denied"),
        ],
        "extradition granted 2026-01-30, suspended by the Supreme Court 2026-02-24; "
        "asylum appeal rejected 2026-02-26",
    ),
    (
        "custody and the next hearing",
        [
            report("arrest", NAME, "2025-05-13", country="KZ"),
            report("extradition_request", NAME, "2025-06", country="RU"),
            report("hearing", NAME, "2026-03-10", status="scheduled"),
        ],
        "extradition requested by RU 2025-06; detained 2025-05-13 in KZ; next: hearing 2026-03-10",
    ),
    (
        "released after the refusal",
        [
            report("arrest", NAME, "2025-05-13", country="KZ"),
            report("extradition_decision", NAME, "2025-07-01", outcome="refused"),
            report("release", NAME, "2025-07-02"),
        ],
        "extradition refused 2025-07-01; released 2025-07-02",
    ),
    (
        "extradited: custody before it is not the stage",
        [
            report("arrest", NAME, "2025-05-13", country="AE"),
            report("extradition", NAME, "2025-09-09", country="AE"),
        ],
        "extradited 2025-09-09",
    ),
    (
        "a deportation order under appeal",
        [
            report("deportation", NAME, "2026-02-04", status="scheduled"),
            report("appeal", NAME, "2026-02-06"),
        ],
        "deportation ordered 2026-02-04, appealed 2026-02-06",
    ),
    (
        "a hearing that passed unreported",
        [report("hearing", NAME, "2026-02-11", status="scheduled")],
        "hearing 2026-02-11: no news since 2026-02-11",
    ),
    (
        "only an asylum application",
        [report("asylum_application", NAME, "2025-03")],
        "asylum applied for 2025-03",
    ),
    ("outside every track", [report("designation", NAME, "2022")], "designation 2022"),
    ("nothing", [], "no events yet"),
]


@pytest.mark.parametrize(
    ("events", "expected"), [h[1:] for h in HISTORIES], ids=[h[0] for h in HISTORIES]
)
def test_stage(events: list[Event], expected: str) -> None:
    assert stage_of(*events) == expected


def test_a_conflict_shows_in_the_stage() -> None:
    line = stage_of(
        report("extradition", NAME, "2026-09-08", country="AE"),
        report("extradition", NAME, "2026-09-09", country="AE"),
    )
    assert line == "extradited 2026-09-09 (another report: 2026-09-08)"
