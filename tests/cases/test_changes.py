"""What changed in a case since a given time: the case then against the case now."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from casefile.cases import ResolvedPerson, SourcedEvent, as_of, assemble_case, diff_case, sourced
from tests.cases.factory import extraction, report

NAME = "Ruslan Gaziev"
MONDAY = datetime(2026, 2, 9, tzinfo=UTC)
THURSDAY = datetime(2026, 2, 12, tzinfo=UTC)
PERSON = ResolvedPerson(1, NAME, (NAME,))


def seen(at: datetime, *reports: SourcedEvent) -> list[SourcedEvent]:
    return [replace(r, first_seen=at) for r in reports]


def kinds_and_texts(since: datetime, reports: list[SourcedEvent]) -> list[tuple[str, str]]:
    today = date(2026, 2, 13)
    old = as_of(reports, since)
    before = assemble_case(PERSON, old, today) if old else None
    after = assemble_case(PERSON, reports, today)
    return [(c.kind, c.text) for c in diff_case(before, after)]


def test_a_postponement_a_refined_date_a_new_source_and_a_new_event() -> None:
    reports = seen(
        MONDAY,
        *sourced(
            extraction(
                "x",
                "2026-02-09",
                report("hearing", NAME, "2026-02-11", status="scheduled"),
                report("arrest", NAME, "2025-05", country="KZ"),
            )
        ),
    ) + seen(
        THURSDAY,
        *sourced(
            extraction(
                "y",
                "2026-02-12",
                report("hearing", NAME, "2026-02-11", status="postponed"),
                report("arrest", NAME, "2025-05-13", country="KZ"),
                report("international_action", NAME, "2026-02-10"),
            )
        ),
    )
    changes = kinds_and_texts(datetime(2026, 2, 10, tzinfo=UTC), reports)
    assert changes == [
        ("date", "arrest 2025-05: date refined to 2025-05-13"),
        ("source", "arrest 2025-05: also reported by y outlet"),
        ("new_event", "new: international action 2026-02-10"),
        ("status", "hearing 2026-02-11: scheduled -> postponed"),
        ("source", "hearing 2026-02-11: also reported by y outlet"),
        (
            "stage",
            "stage now: detained 2025-05-13 in KZ "
            "(was: detained 2025-05 in KZ; hearing 2026-02-11: no news since 2026-02-09)",
        ),
    ]


def test_a_new_case_lists_all_its_events() -> None:
    reports = seen(
        THURSDAY, *sourced(extraction("y", "2026-02-12", report("arrest", NAME, "2026-02-11")))
    )
    assert kinds_and_texts(MONDAY, reports) == [
        ("new_case", f"new case: {NAME}"),
        ("new_event", "new: arrest 2026-02-11"),
    ]


def test_a_conflict_flagged_by_a_later_report() -> None:
    reports = seen(
        MONDAY, *sourced(extraction("x", "2026-02-09", report("death", NAME, "2026-02-01")))
    ) + seen(THURSDAY, *sourced(extraction("y", "2026-02-12", report("death", NAME, "2026-02-02"))))
    changes = kinds_and_texts(datetime(2026, 2, 10, tzinfo=UTC), reports)
    assert ("conflict", "death 2026-02-01: conflicting report gives 2026-02-02") in changes
    assert ("new_event", "new: death 2026-02-02") in changes


def test_nothing_new_nothing_listed() -> None:
    reports = seen(
        MONDAY, *sourced(extraction("x", "2026-02-09", report("arrest", NAME, "2026-02-01")))
    )
    assert kinds_and_texts(THURSDAY, reports) == []
