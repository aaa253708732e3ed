"""What the store returns beyond the shared model: summaries and listing rows.

Frozen like `model.py`, with `to_json` for the JSON front ends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from casefile.cases.records import Case, CaseEvent
from casefile.model import Event, Source, Status


@dataclass(frozen=True)
class PersonSummary:
    """A person in the store: display name, every spelling seen, how much is known."""

    id: int
    name: str
    names: tuple[str, ...]
    event_count: int  # events not rejected by an analyst
    article_count: int
    kind: str = "person"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "names": list(self.names),
            "event_count": self.event_count,
            "article_count": self.article_count,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class UpcomingEvent:
    """A scheduled event (a hearing, a deadline): a timeline entry plus whose case it is."""

    person_id: int
    person: str  # the person's display name
    event: Event
    sources: tuple[Source, ...]
    event_id: int | None = None
    no_news_since: date | None = None  # an overdue date: the day of its last report

    def to_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "person": self.person,
            "event_id": self.event_id,
            "event": self.event.to_json(),
            "sources": [source.article_label for source in self.sources],
            "no_news_since": self.no_news_since.isoformat() if self.no_news_since else None,
        }


def agenda_item(case: Case, event: CaseEvent) -> UpcomingEvent:
    """A merged event of a case as the agenda lists it: its date, status and country, the
    wording of the report that gives its date, every source."""
    shown = next((s for s in event.sources if s.event.date == event.date), event.sources[0])
    status = cast(Status, event.status)  # the layer's statuses are the model's
    merged = replace(shown.event, date=event.date, status=status, country=event.country)
    return UpcomingEvent(
        person_id=case.person,
        person=case.name,
        event=merged,
        sources=tuple(s.source for s in event.sources),
        event_id=shown.event_id,
        no_news_since=event.last_reported if event.unconfirmed else None,
    )


def item_json(item: UpcomingEvent) -> dict[str, Any]:
    """An agenda item whole (`UpcomingEvent.to_json` keeps only the sources' labels)."""
    return {
        **item.to_json(),
        "sources": [source.to_json() for source in item.sources],
    }


def item_from_json(data: dict[str, Any]) -> UpcomingEvent:
    event = data["event"]
    since = data["no_news_since"]
    return UpcomingEvent(
        person_id=data["person_id"],
        person=data["person"],
        event=Event(**{**event, "span": tuple(event["span"])}),
        sources=tuple(_source(source) for source in data["sources"]),
        event_id=data["event_id"],
        no_news_since=date.fromisoformat(since) if since else None,
    )


def _source(data: dict[str, Any]) -> Source:
    published = data["published"]
    return Source(
        article_id=data["article_id"],
        article_label=data["article"],
        evidence=data["evidence"],
        certainty=data["certainty"],
        outlet=data["outlet"],
        published=date.fromisoformat(published) if published else None,
        url=data["url"],
    )
