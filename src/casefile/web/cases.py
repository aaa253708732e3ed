"""Cases as the web pages show them, built on the per-person store API.

A case is a person of the store (kind "person") with their events. This is
the one module that knows how cases are assembled: when the cross-document
cases layer lands on the store (`store.cases()`, `store.case()`,
`store.changes()`, `store.merge_people()`, `store.split_person()`), the
functions below switch to it and the views, templates and JSON twins stay.

Until then, merging and splitting people are done with analyst corrections
of the events' subjects (`store.correct_event`), which are audited and stay
in force through re-extraction like any other correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from casefile.errors import CasefileError
from casefile.store import PersonSummary, Store
from casefile.store.review import ReviewedEvent


@dataclass(frozen=True)
class CaseSummary:
    """A case in the list: who, where it stands, when it last changed, what comes next."""

    id: int
    name: str
    names: tuple[str, ...]
    stage: str
    last_change: datetime | None
    next_date: str | None
    next_type: str | None
    article_count: int
    unreviewed: int
    events: tuple[ReviewedEvent, ...]  # every event not rejected, in date order

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "names": list(self.names),
            "stage": self.stage,
            "last_change": self.last_change.isoformat() if self.last_change else None,
            "next_date": self.next_date,
            "next_type": self.next_type,
            "event_count": len(self.events),
            "article_count": self.article_count,
            "unreviewed": self.unreviewed,
        }


def case_summaries(store: Store, today: date) -> list[CaseSummary]:
    """Every case (people, not organisations or groups, with at least one event)."""
    return [
        summarize(person, store.person_events(person.id), today)
        for person in store.people()
        if person.kind == "person" and person.event_count
    ]


def case_summary(store: Store, person_id: int, today: date) -> CaseSummary:
    person = store.find_person(str(person_id))
    return summarize(person, store.person_events(person.id), today)


def all_events(store: Store, person_id: int) -> list[ReviewedEvent]:
    """A case's events for review: rejected ones included, in date order."""
    return store.person_events(person_id)


def summarize(person: PersonSummary, events: list[ReviewedEvent], today: date) -> CaseSummary:
    shown = [item for item in events if item.state != "rejected"]
    upcoming = sorted(
        (item for item in shown if item.event.status == "scheduled" and _not_past(item, today)),
        key=lambda item: item.event.date or "",
    )
    return CaseSummary(
        id=person.id,
        name=person.name,
        names=person.names,
        stage=stage(shown),
        last_change=max((item.changed_at for item in events), default=None),
        next_date=upcoming[0].event.date if upcoming else None,
        next_type=upcoming[0].event.type if upcoming else None,
        article_count=len({item.article_id for item in shown}),
        unreviewed=sum(1 for item in shown if item.state == "unreviewed"),
        events=tuple(shown),
    )


def stage(events: list[ReviewedEvent]) -> str:
    """Where a case stands: its two latest dated events that occurred, newest last."""
    occurred = [
        item.event for item in events if item.event.status == "occurred" and item.event.date
    ]
    occurred.sort(key=lambda event: event.date or "")
    latest: list[str] = []
    for event in reversed(occurred):
        words = event.type.replace("_", " ") + (f" ({event.outcome})" if event.outcome else "")
        line = f"{words} {event.date}"
        if line not in latest:
            latest.append(line)
        if len(latest) == 2:
            break
    return "; ".join(reversed(latest)) or "no dated event yet"


def linked_people(store: Store, events: list[ReviewedEvent], person_id: int) -> list[PersonSummary]:
    """Other people with events in the articles of this case (co-defendants, relatives...)."""
    articles = {item.article_id for item in events}
    ids = {
        other.person_id
        for article_id in sorted(articles)
        for other in store.article_events(article_id)
        if other.person_id not in (None, person_id) and other.state != "rejected"
    }
    return [person for person in store.people() if person.id in ids]


def merge_people(store: Store, into: int, other: int, who: str) -> int:
    """Make `other` part of `into`'s case; returns how many events moved."""
    if into == other:
        raise CasefileError("choose two different people to merge")
    target = store.find_person(str(into))
    moving = [item for item in store.person_events(other) if item.state != "rejected"]
    for item in moving:
        store.correct_event(item.id, who, {"subject": target.name})
    return len(moving)


def split_person(store: Store, person_id: int, event_ids: list[int], name: str, who: str) -> int:
    """Move some of a person's events to the person named `name`; returns how many moved."""
    own = {item.id for item in store.person_events(person_id)}
    chosen = [event_id for event_id in event_ids if event_id in own]
    if not chosen:
        raise CasefileError("choose at least one event of this person to split off")
    for event_id in chosen:
        store.correct_event(event_id, who, {"subject": name})
    return len(chosen)


def _not_past(item: ReviewedEvent, today: date) -> bool:
    value = item.event.date or ""
    return len(value) >= 7 and value >= today.isoformat()[: len(value)]
