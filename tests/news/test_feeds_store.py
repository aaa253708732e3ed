"""Feeds, syndicated copies, the watch list and alerts in the store, on SQLite and PostgreSQL.

Articles and extractions are written by hand here (no spaCy): invented
people, invented reports.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from casefile.errors import CasefileError, NotFoundError
from casefile.model import Article, Event, Extraction, Person
from casefile.news import feeds as stored
from casefile.news import watchlist as watched
from casefile.news.copies import copies, link_copy, original_of
from casefile.news.feeds import SeenEntry
from casefile.news.syndication import drop_shared_events
from casefile.store import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

STORY = (
    "Police in Almaty detained the Uzbek blogger Aziz Karimov on Monday at the request of "
    "Tashkent, his lawyer said. Karimov fled Uzbekistan in 2024 after he was charged with "
    "insulting the president. A court hearing on his extradition is scheduled for March 12. "
    "Human rights groups urged Kazakhstan not to send him back, citing the risk of torture in "
    "Uzbek prisons and the fate of other critics returned to Tashkent in recent years."
)
UPDATE = (
    "The court postponed the hearing to March 20 at the request of the defence, which asked "
    "for more time to study the extradition file sent by Tashkent."
)


def article(text: str, outlet: str, published: date = date(2026, 3, 2)) -> Article:
    return Article(text=text, published=published, outlet=outlet, url=f"https://{outlet}.invalid/")


def event(text: str, sentence: str, type_: str, subject: str, **fields: object) -> Event:
    start = text.index(sentence)
    return Event(type_, subject, sentence, (start, start + len(sentence)), **fields)  # type: ignore[arg-type]


def karimov_extraction(item: Article, hearing_date: str = "2026-03-12") -> Extraction:
    text = item.text
    person = Person("Aziz Karimov", ("Aziz Karimov", "Karimov", "his"))
    events = (
        event(text, "Police in Almaty detained the Uzbek blogger Aziz Karimov", "arrest",
              "Aziz Karimov", date="2026-03-02", country="KZ"),
        event(text, "A court hearing on his extradition is scheduled for March 12.", "hearing",
              "Aziz Karimov", date=hearing_date, status="scheduled", country="KZ"),
    )  # fmt: skip
    return Extraction(article=item, people=(person,), events=events, extractor="test.v1")


# Feeds


def test_feeds_are_added_listed_and_removed_by_id_or_url(store: Store) -> None:
    first = stored.add_feed(store, "https://ledger.invalid/rss")
    second = stored.add_feed(store, " https://wire.invalid/atom.xml ")
    assert [feed.url for feed in stored.feeds(store)] == [
        first.url,
        "https://wire.invalid/atom.xml",
    ]
    with pytest.raises(CasefileError, match="already following"):
        stored.add_feed(store, "https://ledger.invalid/rss")
    with pytest.raises(CasefileError, match="not a feed URL"):
        stored.add_feed(store, "ledger.invalid/rss")
    assert stored.remove_feed(store, str(first.id)).url == first.url
    assert stored.remove_feed(store, second.url).id == second.id
    with pytest.raises(NotFoundError, match="feeds list"):
        stored.remove_feed(store, "99")
    assert stored.feeds(store) == []


def test_a_failing_feed_is_not_due_until_its_backoff_has_passed(store: Store) -> None:
    feed = stored.add_feed(store, "https://ledger.invalid/rss")
    assert [due.id for due in stored.due_feeds(store, NOW)] == [feed.id]
    later = NOW + timedelta(minutes=30)
    assert stored.record_failure(store, feed.id, NOW, "timeout", later) == 1
    assert stored.due_feeds(store, NOW + timedelta(minutes=10)) == []
    assert [due.id for due in stored.due_feeds(store, later)] == [feed.id]
    assert stored.record_failure(store, feed.id, later, "timeout", later) == 2
    stored.record_success(store, feed.id, later, etag='"e1"', last_modified="Mon", title="Ledger")
    (info,) = stored.feeds(store)
    assert (info.failures, info.last_error, info.etag, info.title) == (0, None, '"e1"', "Ledger")
    stored.record_success(store, feed.id, later, not_modified=True)
    assert stored.feeds(store)[0].etag == '"e1"'  # a 304 keeps the validators


def test_seen_entries_are_remembered_per_feed(store: Store) -> None:
    one = stored.add_feed(store, "https://ledger.invalid/rss")
    two = stored.add_feed(store, "https://wire.invalid/rss")
    stored.mark_seen(store, one.id, [SeenEntry("k1", "https://l/1", error="HTTP 404")], NOW)
    stored.mark_seen(store, one.id, [SeenEntry("k1", "https://l/1"), SeenEntry("k2", "u")], NOW)
    assert stored.seen_keys(store, one.id, ["k1", "k2", "k3"]) == {"k1", "k2"}
    assert stored.seen_keys(store, two.id, ["k1"]) == set()


# Syndicated copies


def test_a_syndicated_copy_is_linked_and_keeps_only_its_own_events(store: Store) -> None:
    original = article(STORY, "ledger")
    copy = article("Republished from Steppe Ledger.\n" + STORY + "\n" + UPDATE, "wire")
    other = article(UPDATE + " " + STORY[:60], "echo")
    for item in (original, copy, other):
        store.add_article(item)
    assert link_copy(store, original) is None
    link = link_copy(store, copy)
    assert link is not None and link.original_id == original.id and link.similarity >= 0.6
    assert link_copy(store, copy) == link  # idempotent
    assert link_copy(store, other) is None
    assert original_of(store, copy.id) == link
    assert [found.article_id for found in copies(store, original.id)] == [copy.id]

    store.save_extraction(karimov_extraction(original))
    shared = karimov_extraction(copy)
    postponed = event(copy.text, UPDATE, "hearing", "Aziz Karimov", date="2026-03-20",
                      status="postponed")  # fmt: skip
    copy_extraction = Extraction(copy, shared.people, (*shared.events, postponed), (), "test.v1")
    kept = drop_shared_events(copy_extraction, original.text)
    assert kept.events == (postponed,)
    store.save_extraction(kept)

    (person,) = store.people()
    assert person.event_count == 3  # not 5: the copy's arrest and hearing are not counted again
    timeline = store.timeline("Karimov")
    arrest = next(entry for entry in timeline.entries if entry.event.type == "arrest")
    assert [source.outlet for source in arrest.sources] == ["ledger", "wire"]
    update = next(entry for entry in timeline.entries if entry.event.status == "postponed")
    assert [source.outlet for source in update.sources] == ["wire"]


def test_a_copy_of_a_copy_points_at_the_first_text(store: Store) -> None:
    first = article(STORY, "ledger")
    second = article(STORY + " Reporting by staff.", "wire")
    third = article(STORY + " Reporting by staff. Edited by the desk.", "echo")
    for item in (first, second, third):
        store.add_article(item)
        link_copy(store, item)
    assert original_of(store, third.id).original_id == first.id  # type: ignore[union-attr]


def test_short_texts_are_never_linked(store: Store) -> None:
    short = article("Police detained Karimov on Monday.", "ledger")
    again = article("Police detained Karimov on Monday!", "wire")
    for item in (short, again):
        store.add_article(item)
        assert link_copy(store, item) is None


# Watch list and alerts


def test_watch_items_are_checked_and_listed(store: Store) -> None:
    person = watched.add_watch(store, "person", " Aziz Karimov ")
    country = watched.add_watch(store, "country", "kz")
    kind = watched.add_watch(store, "type", "Hearing")
    assert [item.label for item in watched.watch_items(store)] == [
        "person:Aziz Karimov",
        "country:KZ",
        "type:hearing",
    ]
    with pytest.raises(CasefileError, match="already watching"):
        watched.add_watch(store, "country", "KZ")
    with pytest.raises(CasefileError, match="two-letter"):
        watched.add_watch(store, "country", "Kazakhstan")
    with pytest.raises(CasefileError, match="unknown event type"):
        watched.add_watch(store, "type", "party")
    assert watched.remove_watch(store, kind.id) == kind
    with pytest.raises(NotFoundError):
        watched.remove_watch(store, kind.id)
    assert {item.id for item in watched.watch_items(store)} == {person.id, country.id}


def test_new_changed_and_upcoming_events_alert_once_each(store: Store) -> None:
    watched.add_watch(store, "person", "Karimov")
    assert watched.check(store, date(2026, 3, 2), 14) == []  # nothing known about him yet

    story = article(STORY, "ledger")
    store.save_extraction(karimov_extraction(story))
    raised = watched.check(store, date(2026, 3, 2), 14)
    assert sorted((alert.reason, alert.event.type) for alert in raised) == [
        ("new", "arrest"),
        ("new", "hearing"),
        ("upcoming", "hearing"),
    ]
    assert {alert.person for alert in raised} == {"Aziz Karimov"}
    assert raised[0].matched == ("person:Karimov",)
    assert raised[0].url == "https://ledger.invalid/"
    assert watched.check(store, date(2026, 3, 2), 14) == []  # dedup: nothing new

    hearing = next(
        entry for entry in store.timeline("Karimov").entries if entry.event.type == "hearing"
    )
    store.correct_event(hearing.event_id, "analyst", {"date": "2026-03-13"})  # type: ignore[arg-type]
    changed = watched.check(store, date(2026, 3, 2), 14)
    assert sorted(alert.reason for alert in changed) == ["changed", "upcoming"]
    assert all(alert.event.date == "2026-03-13" for alert in changed)

    assert len(watched.alerts(store)) == 5
    unread = watched.alerts(store, unread=True)
    watched.mark_read(store, [alert.id for alert in unread[:2]])
    assert len(watched.alerts(store, unread=True)) == 3
    assert all(alert.read for alert in watched.alerts(store)[:2])


def test_watching_starts_from_now_but_upcoming_hearings_still_alert(store: Store) -> None:
    store.save_extraction(karimov_extraction(article(STORY, "ledger")))
    watched.add_watch(store, "country", "KZ")
    assert [alert.reason for alert in watched.check(store, date(2026, 3, 2), 14)] == ["upcoming"]
    assert watched.check(store, date(2026, 2, 1), 14) == []  # the hearing is beyond the window


def test_a_rejected_event_raises_nothing(store: Store) -> None:
    watched.add_watch(store, "type", "arrest")
    store.save_extraction(karimov_extraction(article(STORY, "ledger")))
    arrest = store.timeline("Karimov").entries[0]
    store.reject_event(arrest.event_id, "analyst")  # type: ignore[arg-type]
    assert watched.check(store, date(2026, 1, 1), 14) == []


def test_delivery_is_recorded_and_failures_are_kept_for_the_next_try(store: Store) -> None:
    watched.add_watch(store, "person", "Aziz Karimov")
    store.save_extraction(karimov_extraction(article(STORY, "ledger")))
    raised = watched.check(store, date(2026, 1, 1), 14)
    ids = [alert.id for alert in raised]
    watched.record_delivery(store, ids, "smtp 127.0.0.1:25: refused")
    assert [alert.id for alert in watched.undelivered(store)] == ids
    watched.record_delivery(store, ids, None)
    assert watched.undelivered(store) == []
