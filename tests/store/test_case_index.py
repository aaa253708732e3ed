"""The case index: resolving after each change equals resolving the whole store from scratch.

A generated stream of articles (invented people, partial names, relatives,
spelling variants: tests/generated.py) is saved one article at a time, with
corrections, an analyst's merge and split and a re-extraction in between;
after each step the people and the materialised case lists must be exactly
those a full resolution of the same store gives. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from casefile.store import Store, resolution
from casefile.store.cases_schema import CaseMentionRow
from tests.generated import articles, bulk_load

TODAY = date(2024, 6, 1)


def snapshot(store: Store) -> tuple[Any, ...]:
    """Everything resolution decides: each person's events and spellings, the cases, the list."""
    people = sorted((p.id, p.name, p.names, p.event_count) for p in store.people())
    cases = [case.to_json() for case in store.cases(TODAY)]
    listed = store.case_page(TODAY, limit=0)
    return people, cases, listed.cases, listed.total, listed.countries


def test_resolving_each_change_equals_resolving_everything(store: Store) -> None:
    stream = articles(40)
    for extraction in stream[:30]:
        store.save_extraction(extraction)
    incremental = snapshot(store)
    store.resolve_people(from_scratch=True)
    assert snapshot(store) == incremental
    assert len(incremental[0]) > 15  # many people, several with more than one article

    some = store.find_person(incremental[0][0][1])
    [first, *_] = store.person_events(some.id)
    store.correct_event(first.id, "ana", {"subject": "Rustam Kamilov", "date": "2024-02-02"})
    second = store.person_events(incremental[0][1][0])[0]
    store.reject_event(second.id, "ana")
    for extraction in stream[30:]:
        store.save_extraction(extraction)
    two = [p for p in store.people() if p.kind == "person"][:2]
    store.merge_people(two[0].id, two[1].id, who="ana")
    store.save_extraction(stream[5])  # read again: the same events, their people kept
    after = snapshot(store)
    store.resolve_people(from_scratch=True)
    assert snapshot(store) == after


def test_a_generated_store_gives_the_same_cases_saved_one_by_one_or_in_bulk(
    store: Store, tmp_path: Any
) -> None:
    stream = articles(25, seed=11)
    for extraction in stream:
        store.save_extraction(extraction)
    with Store.open(f"sqlite:///{tmp_path / 'bulk.db'}") as bulk:
        bulk_load(bulk, stream)
        one_by_one = [{**c.to_json(), "person": None} for c in store.cases(TODAY)]
        at_once = [{**c.to_json(), "person": None} for c in bulk.cases(TODAY)]
    assert one_by_one == at_once


def test_pages_are_stable_and_cover_the_list(store: Store) -> None:
    for extraction in articles(20, seed=3):
        store.save_extraction(extraction)
    whole = store.case_page(TODAY, limit=0)
    pages = [store.case_page(TODAY, offset=start, limit=7).cases for start in range(0, 35, 7)]
    assert [line for page in pages for line in page] == whole.cases
    assert whole.total == len(whole.cases) > 7
    names = [line["name"].casefold() for line in whole.cases]
    assert names == sorted(names)
    by_next = store.case_page(TODAY, sort="next_date", limit=0).cases
    dated = [line["next_date"] for line in by_next if line["next_date"]]
    assert dated == sorted(dated) and by_next[-1]["next_date"] is None
    latest = store.case_page(TODAY, sort="next_date", descending=True, limit=0).cases
    assert [line["next_date"] for line in latest if line["next_date"]] == dated[::-1]
    assert {line["id"] for line in latest} == {line["id"] for line in whole.cases}


def test_lines_follow_the_day_they_are_read_for(store: Store) -> None:
    for extraction in articles(12, seed=5):
        store.save_extraction(extraction)
    for day in (date(2024, 1, 15), date(2024, 3, 20), date(2025, 1, 1), date(2024, 3, 21)):
        expected = [
            {"stage": c.stage, "id": c.person} for c in store.cases(day) if c.kind == "person"
        ]
        listed = [
            {"stage": line["stage"], "id": line["id"]}
            for line in store.case_page(day, limit=0).cases
        ]
        assert listed == expected


@pytest.mark.postgres
def test_a_postgres_store_of_100000_events_resolves_and_lists(postgres_url: str) -> None:
    """Past PostgreSQL's 65,535 parameters per statement: no query grows with the store."""
    stream = articles(3_000, seed=1, dense=12)
    with Store.open(postgres_url) as store:
        bulk_load(store, stream)
        events = sum(p.event_count for p in store.people())
        assert events >= 100_000
        page = store.case_page(date.today(), limit=50)  # the day the lines were made for
        assert len(page.cases) == 50 and page.total > 1_000
        more = articles(3, seed=1, first=3_000, dense=12)
        store.save_extraction(more[0])
        assert store.case_page(date.today(), limit=50).total >= page.total
        # as `casefile ingest` saves: the batch marked, its people resolved at its end
        store.save_extractions(more[1:], resolve=False)
        assert store.resolve_pending() == 2
        filed = {e.person_id for x in more[1:] for e in store.article_events(x.article.id)}
        assert None not in filed and store.resolve_pending() == 0


def test_a_batch_saved_unresolved_ends_as_one_saved_article_by_article(
    store: Store, tmp_path: Any
) -> None:
    stream = articles(30, seed=13)
    for extraction in stream:
        store.save_extraction(extraction)
    with Store.open(f"sqlite:///{tmp_path / 'batch.db'}") as batch:
        for start in range(0, len(stream), 8):
            batch.save_extractions(stream[start : start + 8], resolve=False)
        assert batch.people() == []  # nobody filed yet
        assert batch.resolve_pending() == len(stream)
        one_by_one = [{**c.to_json(), "person": None} for c in store.cases(TODAY)]
        at_the_end = [{**c.to_json(), "person": None} for c in batch.cases(TODAY)]
    assert at_the_end == one_by_one


def test_relatives_and_chain_names_resolve_alike_one_by_one_and_from_scratch(
    store: Store,
) -> None:
    """The relations resolution weighs by context (a relative named through someone, a chain
    name cut short) reach the same people saved article by article, in an order where the
    relative comes first, as resolving the whole store."""
    from tests.cases.factory import extraction, report

    stream = [
        extraction(
            "k1",
            "2025-04-12",
            report("arrest", "Okoro's teenage son", "2025-04-10", country="NG"),
            people=("Chidi Okoro", "Grace Eze"),
        ),
        extraction("k2", "2025-03-05", report("arrest", "Chidi Okoro", "2025-03-02", country="NG")),
        extraction(
            "k3",
            "2025-04-15",
            report("arrest", "Emeka Okoro", "2025-04-10", country="NG"),
            people=("Chidi Okoro", "Grace Eze"),
        ),
        extraction(
            "k4",
            "2025-06-01",
            report("flight", "Salma Ahmed", "2025-05", country="TH"),
            people=("Hana Khoury",),
        ),
        extraction(
            "k5",
            "2025-06-02",
            report("flight", "Salma Ahmed Fahd al-Rashidi", "2025-05"),
            people=("Hana Khoury",),
        ),
        extraction("k6", "2025-06-03", report("release", "Salma Ahmad Alrashidi", "2025-05-20")),
    ]
    for item in stream:
        store.save_extraction(item)
    incremental = snapshot(store)
    store.resolve_people(from_scratch=True)
    assert snapshot(store) == incremental
    names = sorted(sorted(person[2]) for person in incremental[0])
    assert names == [
        ["Chidi Okoro"],
        ["Emeka Okoro", "Okoro's teenage son"],
        ["Salma Ahmad Alrashidi", "Salma Ahmed", "Salma Ahmed Fahd al-Rashidi"],
    ]


def index_and_derived(store: Store, article_ids: list[str]) -> tuple[Any, Any]:
    """The mentions of these articles as the index keeps them, and as derived from their
    events, people and date (each sorted by id)."""
    with Session(store.engine) as session:
        kept = resolution.indexed_mentions(session, article_ids)
        derived = resolution.load(session, article_ids).mentions.values()
    by_id = sorted((m for ms in kept.values() for m in ms), key=lambda m: m.id)
    return by_id, sorted(derived, key=lambda m: m.id)


def test_the_index_keeps_each_mention_with_its_article_context(store: Store) -> None:
    stream = articles(12, seed=21)
    store.save_extractions(stream)
    ids = [extraction.article.id for extraction in stream]
    kept, derived = index_and_derived(store, ids)
    assert kept == derived and len(kept) > 12
    assert any(m.co_names and m.events and m.countries and len(m.forms) > 1 for m in kept)
    # an analyst's correction changes what the article says of the person: kept again
    [first, *_] = store.article_events(ids[0])
    store.correct_event(first.id, "ana", {"date": "2024-03-03", "country": "GE"})
    kept, derived = index_and_derived(store, ids)
    assert kept == derived
    assert any("GE" in m.countries for m in kept if m.article == ids[0])


def test_resolution_reads_from_its_events_an_article_not_indexed_yet(store: Store) -> None:
    stream = articles(6, seed=22)
    store.save_extractions(stream[:3])
    resolved = snapshot(store)
    again = replace(stream[0], events=stream[0].events[:1], people=stream[0].people[:1])
    store.save_extractions([again, *stream[3:]], resolve=False)
    with Session(store.engine) as session:  # saved, not resolved: the index holds the old one
        kept = resolution.indexed_mentions(session, [x.article.id for x in stream])
    assert set(kept) == {stream[1].article.id, stream[2].article.id}
    store.resolve_pending()
    assert snapshot(store) != resolved
    incremental = snapshot(store)
    store.resolve_people(from_scratch=True)
    assert snapshot(store) == incremental


def test_a_store_indexed_before_the_context_was_kept_resolves_as_before(store: Store) -> None:
    stream = articles(20, seed=23)
    store.save_extractions(stream[:15])
    with Session(store.engine) as session, session.begin():  # as migration 0018 leaves it
        session.execute(update(CaseMentionRow).values(context=None))
    with Session(store.engine) as session:
        assert resolution.indexed_mentions(session, [x.article.id for x in stream]) == {}
    for extraction in stream[15:]:  # each reaches articles whose context is not stored
        store.save_extraction(extraction)
    incremental = snapshot(store)
    store.resolve_people(from_scratch=True)
    assert snapshot(store) == incremental
