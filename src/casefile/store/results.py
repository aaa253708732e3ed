"""What the store returns beyond the shared model: summaries and listing rows.

Frozen like `model.py`, with `to_json` for the JSON front ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casefile.model import Event, Source


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

    def to_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "person": self.person,
            "event_id": self.event_id,
            "event": self.event.to_json(),
            "sources": [source.article_label for source in self.sources],
        }
