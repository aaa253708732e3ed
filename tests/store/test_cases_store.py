"""The case layer over the store, on SQLite and PostgreSQL (see conftest.py).

Invented people and reports, written from model classes: cases read back,
people resolved across articles, analysts' merges and splits kept through
re-extraction and new articles, what changed since a given time.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from casefile.model import Extraction
from casefile.store import Store
from casefile.store.cases import DecisionError
from casefile.store.schema import AuditRow
from tests.cases.factory import extraction, report

TODAY = date(2026, 3, 1)


def save(store: Store, *extractions: Extraction, extractor: str = "v1") -> None:
    for found in extractions:
        store.save_extraction(
            type(found)(found.article, found.people, found.events, extractor=extractor)
        )


def gaziev_reports() -> tuple[Extraction, Extraction]:
    first = extraction(
        "wire-1",
        "2026-01-30",
        report("arrest", "Ruslan Gaziev", "2025-05", country="KZ"),
        report("hearing", "Ruslan Gaziev", "2026-02-11", status="scheduled"),
        people=("Elmira Sadykova",),
        outlet="Steppe Wire",
    )
    second = extraction(
        "ngo-7",
        "2026-02-12",
        report("arrest", "Руслан Газиев", "2025-05-13", country="KZ"),
        report("hearing", "Руслан Газиев", "2026-02-11", status="postponed"),
        report("hearing", "Руслан Газиев", "2026-02-26", status="scheduled"),
        outlet="Rights Watchers",
    )
    return first, second


def test_cases_gather_two_outlets_and_spellings(store: Store) -> None:
    save(store, *gaziev_reports())
    [case] = store.cases(TODAY)
    found = case.to_json()
    assert set(found) == {"person", "names", "articles", "stage", "events"}
    assert {"Ruslan Gaziev", "Руслан Газиев"} <= set(found["names"])
    assert found["articles"] == ["wire-1", "ngo-7"]
    assert found["stage"] == (
        "detained 2025-05-13 in KZ; hearing 2026-02-26: no news since 2026-02-12"
    )
    brief = [(e["type"], e["date"], e["status"], len(e["sources"])) for e in found["events"]]
    assert brief == [
        ("arrest", "2025-05-13", "occurred", 2),
        ("hearing", "2026-02-11", "postponed", 2),
        ("hearing", "2026-02-26", "scheduled", 1),
    ]


def test_a_case_file_has_linked_people_and_upcoming_dates(store: Store) -> None:
    first, second = gaziev_reports()
    text = first.article.text.replace("Also named: Elmira Sadykova", "His lawyer, Elmira Sadykova")
    lawyer = type(first)(
        type(first.article)(text=text, published=first.article.published, source_id="wire-1"),
        first.people,
        first.events,
    )
    save(store, lawyer, second)
    found = store.case("Gaziev", date(2026, 2, 20))
    assert [(p.name, p.role) for p in found.linked] == [("Elmira Sadykova", "lawyer")]
    assert [(e.type, e.date) for e in found.upcoming] == [("hearing", "2026-02-26")]
    assert found.to_json()["timeline"][0]["sources"][1]["outlet"] == "Rights Watchers"
    assert store.case(found.case.person, TODAY).case.person == found.case.person


def test_context_files_a_bare_surname_with_the_right_namesake(store: Store) -> None:
    save(
        store,
        extraction(
            "a",
            "2026-01-10",
            report("arrest", "Anna Petrova", "2026-01-08"),
            people=("Igor Lebedev",),
        ),
        extraction("b", "2026-01-11", report("arrest", "Maria Petrova", "2025-02-01")),
        extraction(
            "c", "2026-01-12", report("release", "Petrova", "2026-01-11"), people=("Igor Lebedev",)
        ),
    )
    names = {case.name: {e.type for e in case.events} for case in store.cases(TODAY)}
    assert names == {"Anna Petrova": {"arrest", "release"}, "Maria Petrova": {"arrest"}}
    assert {p.name for p in store.people()} == {"Anna Petrova", "Maria Petrova"}


def test_a_merge_is_audited_and_survives_re_extraction_and_new_articles(store: Store) -> None:
    anna = extraction("a", "2026-01-10", report("arrest", "Anna Petrova", "2026-01-08"))
    anya = extraction("b", "2026-01-20", report("release", "Anya Petrova", "2026-01-19"))
    save(store, anna, anya)
    assert len(store.cases(TODAY)) == 2
    merged = store.merge_people("Anna Petrova", "Anya Petrova", who="analyst1")
    assert {e.type for e in merged.events} == {"arrest", "release"}
    with store._session() as session:
        [audit] = session.scalars(select(AuditRow).where(AuditRow.action == "merge_people"))
    assert audit.who == "analyst1"

    save(store, anna, anya, extractor="v2")  # a newer extractor reads both again
    later = extraction(
        "c", "2026-02-01", report("hearing", "Anya Petrova", "2026-02-20", status="scheduled")
    )
    save(store, later)
    [case] = store.cases(TODAY)
    assert {e.type for e in case.events} == {"arrest", "release", "hearing"}
    assert case.person == merged.person
    with pytest.raises(DecisionError):
        store.merge_people(case.person, "Anna Petrova", who="analyst1")


def test_a_split_survives_re_extraction_and_new_articles(store: Store) -> None:
    moscow = extraction(
        "a", "2026-01-10", report("arrest", "Oleg Ivanov", "2026-01-08", country="RU")
    )
    almaty = extraction(
        "b", "2026-01-20", report("sentence", "Oleg Ivanov", "2024-05", country="KZ")
    )
    save(store, moscow, almaty)
    [together] = store.cases(TODAY)
    kept, taken = store.split_person(together.person, articles=["b"], who="analyst2")
    assert kept.person == together.person
    assert [e.type for e in kept.events] == ["arrest"] and [e.type for e in taken.events] == [
        "sentence"
    ]

    save(store, moscow, almaty, extractor="v2")
    assert sorted(len(c.events) for c in store.cases(TODAY)) == [1, 1]
    with pytest.raises(DecisionError, match="nothing to split"):
        store.split_person(kept.person, names=["Oleg Ivanov"], who="analyst2")
    with pytest.raises(DecisionError, match="no event"):
        store.split_person(kept.person, names=["Pavel Durov"], who="analyst2")
    with pytest.raises(DecisionError, match="who made it"):
        store.split_person(kept.person, articles=["a"], who="")


def test_changes_since_a_time_use_first_seen_times_that_re_extraction_keeps(store: Store) -> None:
    first, second = gaziev_reports()
    save(store, first)
    time.sleep(0.01)
    between = datetime.now(UTC)
    time.sleep(0.01)
    save(store, second)
    save(store, first, extractor="v2")  # re-read: its events are not new
    [changed] = store.changes(between, TODAY)
    kinds = [c.kind for c in changed.changes]
    assert "new_case" not in kinds
    assert ("status", "hearing 2026-02-11: scheduled -> postponed") in [
        (c.kind, c.text) for c in changed.changes
    ]
    assert ("date", "arrest 2025-05: date refined to 2025-05-13") in [
        (c.kind, c.text) for c in changed.changes
    ]
    assert store.changes(datetime.now(UTC), TODAY) == []
    assert store.changes(date(2000, 1, 1), TODAY)[0].changes[0].kind == "new_case"


def test_changes_list_analyst_corrections(store: Store) -> None:
    first, _ = gaziev_reports()
    save(store, first)
    since = datetime.now(UTC)
    [case] = store.cases(TODAY)
    event_id = case.events[0].sources[0].event_id
    assert event_id is not None
    store.confirm_event(event_id, who="analyst3")
    [changed] = store.changes(since, TODAY)
    assert [(c.kind, c.text) for c in changed.changes] == [
        ("correction", "event confirmed by analyst3")
    ]
