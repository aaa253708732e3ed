"""Filtered and paged case lists and the agenda, read from the index, equal the full build.

A generated store (tests/generated.py: invented people, partial names,
spelling variants, scheduled hearings) is listed through `Store.case_page`
with every filter, search and sort, a page of seven at a time, and the
pages put together must be the cases `full_build` finds by assembling
every case, in the same order. The same after an analyst's corrections
(an edit, a rejection, a confirmation, an added event), after re-extraction
of an article with changed events, and after new articles. The agenda
(`Store.upcoming_page`, `Store.overdue_page`) likewise. On SQLite and
PostgreSQL.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from casefile.model import Event
from casefile.store import Store
from casefile.store.case_filters import CaseFilter
from tests.generated import articles
from tests.store.full_build import Wanted, agenda_rows, case_ids, case_views

TODAY = date(2024, 6, 1)
SORTS = ("name", "-name", "next_date", "-next_date", "last_change", "-last_change", "country")
PAGE = 7


def paged_ids(store: Store, wanted: Wanted, sort: str) -> tuple[list[int], int]:
    """Every page of the list put together, and the count the first page gave."""
    found: list[int] = []
    matched = -1
    while True:
        page = store.case_page(
            TODAY,
            sort.lstrip("-"),
            sort.startswith("-"),
            offset=len(found),
            limit=PAGE,
            wanted=CaseFilter(**dataclasses.asdict(wanted)),
        )
        matched = page.matched if matched < 0 else matched
        found += [line["id"] for line in page.cases]
        if len(page.cases) < PAGE:
            return found, matched


def filters_of(store: Store) -> list[Wanted]:
    """Filters drawn from what the store holds: its people, countries, dates, words."""
    views = case_views(store, TODAY)
    assert len(views) > 10
    one = views[len(views) // 2]
    surname = one.name.split()[-1]
    dated = next(e for e in one.entries if e.date and len(e.date) >= 7)
    return [
        Wanted(),
        Wanted(q=surname),
        Wanted(q=surname.lower()[:4]),  # a part of a word
        Wanted(q=one.name.replace("ov", "off")),  # a spelling the store may not hold
        Wanted(q=f"{one.name[:-3]}{one.name[-2:]}"),  # a letter off: found by name alone
        Wanted(q="extradition request"),
        Wanted(q="Trial coverage"),  # in one article's title
        Wanted(q="nobody-by-that-name"),
        Wanted(country=one.entries[0].country or "KZ"),
        Wanted(country=(one.entries[0].country or "kz").lower(), event_type="hearing"),
        Wanted(status="scheduled"),
        Wanted(status="unconfirmed"),
        Wanted(review="unreviewed"),
        Wanted(review="confirmed"),
        Wanted(review="rejected"),
        Wanted(review="edited", country="GE"),
        Wanted(date_from=f"{dated.date[:7]}-01", date_to=f"{dated.date[:7]}-28"),
        Wanted(date_from="2024-05-01"),
        Wanted(date_to="2024-02-15", event_type="arrest"),
        Wanted(q=surname, status="scheduled", date_from="2024-01-01"),
    ]


def assert_lists_equal_the_full_build(store: Store) -> int:
    views = case_views(store, TODAY)
    titles = {article.id: article.title or "" for article in store.articles()}
    found = 0
    for wanted in filters_of(store):
        for sort in SORTS:
            expected = case_ids(views, titles, wanted, sort)
            listed, matched = paged_ids(store, wanted, sort)
            assert listed == expected, (wanted, sort)
            assert matched == len(expected)
            found += len(expected)
    whole = store.case_page(TODAY, limit=0)
    assert whole.total == len(views)
    for kind in ("group", "organization"):  # the sizes kept per kind, not counted
        lines = store.case_page(TODAY, kind=kind, limit=0)
        assert lines.total == len(lines.cases)
    assert whole.countries == sorted({e.country for v in views for e in v.entries if e.country})
    return found


def assert_agenda_equals_the_full_build(store: Store) -> None:
    for days in (None, 30, 120):
        upcoming, overdue = agenda_rows(store, TODAY, days)
        listed = []
        while True:
            page = store.upcoming_page(TODAY, days, offset=len(listed), limit=PAGE)
            assert page.total == len(upcoming)
            listed += [(i.person_id, i.event_id, i.event.date) for i in page.items]
            if len(page.items) < PAGE:
                break
        assert listed == upcoming
    passed = [(i.person_id, i.event_id, i.event.date) for i in store.overdue(TODAY)]
    assert passed == overdue
    assert store.overdue_page(TODAY, offset=2, limit=3).items == store.overdue(TODAY)[2:5]


def with_titles(stream: list) -> list:
    """Some articles get a title (the generated ones have none): search reads titles too."""
    return [
        dataclasses.replace(x, article=dataclasses.replace(x.article, title=f"Trial coverage {n}"))
        if n % 5 == 0
        else x
        for n, x in enumerate(stream)
    ]


def test_filtered_pages_equal_the_full_build_through_corrections_and_reextraction(
    store: Store,
) -> None:
    stream = with_titles(articles(48, seed=4))
    for extraction in stream[:36]:
        store.save_extraction(extraction)
    assert assert_lists_equal_the_full_build(store) > 100  # the filters find cases
    assert_agenda_equals_the_full_build(store)

    # an analyst at work: an edit, a rejection, a confirmation, an event of their own
    people = [p for p in store.people() if p.kind == "person"]
    first, second, third = (store.person_events(p.id)[0] for p in people[:3])
    store.correct_event(first.id, "ana", {"country": "GE", "date": "2024-05-20"}, "court letter")
    store.reject_event(second.id, "ana")
    store.confirm_event(third.id, "ana")
    store.add_event(
        third.article_id,
        Event("hearing", third.event.subject, third.event.evidence, third.event.span,
              date="2024-07-02", status="scheduled", country="GE"),
        who="ana",
    )  # fmt: skip
    assert_lists_equal_the_full_build(store)
    assert_agenda_equals_the_full_build(store)
    listed = paged_ids(store, Wanted(review="rejected"), "name")[0]
    assert second.person_id in listed

    # re-extraction: an article read again with a newer extractor, its events changed
    old = stream[3]
    changed = dataclasses.replace(
        old,
        events=tuple(
            dataclasses.replace(e, country="TR", date="2024-06-20", status="scheduled")
            for e in old.events[:1]
        )
        + old.events[2:],
        extractor="generated-v2",
    )
    store.save_extraction(changed)
    for extraction in stream[36:]:
        store.save_extraction(extraction)
    assert_lists_equal_the_full_build(store)
    assert_agenda_equals_the_full_build(store)


def test_the_agenda_follows_the_day_it_is_read_for(store: Store) -> None:
    for extraction in articles(20, seed=9):
        store.save_extraction(extraction)
    counts = []
    for day in (date(2024, 2, 15), date(2024, 4, 1), date(2024, 3, 1)):
        upcoming, overdue = agenda_rows(store, day, None)
        listed = store.upcoming_page(day, None).items
        assert [(i.person_id, i.event_id, i.event.date) for i in listed] == upcoming
        passed = store.overdue(day)
        assert [(i.person_id, i.event_id, i.event.date) for i in passed] == overdue
        counts.append((len(upcoming), len(overdue)))
    assert counts[0][0] > counts[1][0] and counts[0][1] < counts[1][1]  # dates moved on


def test_readers_of_a_new_day_take_turns_moving_the_lines(store_url: str) -> None:
    """Requests of several server processes arrive on a new day at once: each gets its page."""
    with Store.open(store_url) as store:
        for extraction in articles(16, seed=6):
            store.save_extraction(extraction)
        store.case_page(TODAY)
    day = date(2024, 3, 10)
    stores = [Store.open(store_url) for _ in range(4)]
    try:
        with ThreadPoolExecutor(len(stores)) as pool:
            pages = list(pool.map(lambda one: one.case_page(day, limit=0).cases, stores))
        expected = [c.stage for c in stores[0].cases(day) if c.kind == "person"]
    finally:
        for one in stores:
            one.close()
    assert all([line["stage"] for line in page] == expected for page in pages)
