"""The data classes every stage shares.

Each stage is a plain function from one of these to the next
(`read_article(path) -> Article`, `extract(article) -> Extraction`), so the
classes are frozen: a stage that wants to change something makes a new one.
Their fields follow the output contract of DESIGN.md; `to_json` methods give
exactly that contract, and nothing else should build it by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "arrest",
    "release",
    "wanted",
    "charge",
    "hearing",
    "sentence",
    "acquittal",
    "extradition_request",
    "extradition_decision",
    "extradition",
    "deportation",
    "asylum_application",
    "asylum_decision",
    "appeal",
    "flight",
    "designation",
    "abduction",
    "ill_treatment",
    "sanction",
    "international_action",
    "death",
)

STATUSES: tuple[str, ...] = ("occurred", "scheduled", "postponed", "cancelled")
CERTAINTIES: tuple[str, ...] = ("asserted", "reported")

Status = Literal["occurred", "scheduled", "postponed", "cancelled"]
Certainty = Literal["asserted", "reported"]
DateFrom = Literal["context", "story"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


def content_hash(text: str) -> str:
    """The article id: the same clean text always gets the same id (idempotent ingestion)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Cut:
    """A piece of publisher boilerplate removed before analysis.

    Kept on the article so that nothing is silently dropped: an analyst can see
    what was cut and why. `start`/`end` are offsets into the text as read.
    """

    kind: str  # "donation_appeal", "newsletter", "read_also", "copyright", ...
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}


ANALYST_SOURCE = "analyst-note:"  # the source_id prefix of an analyst's source note


@dataclass(frozen=True)
class Article:
    """One news report, cleaned: the text that is analysed and where it came from."""

    text: str
    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source_id: str | None = None  # the id the input gave it (a .jsonl line's `id`)
    cuts: tuple[Cut, ...] = ()
    fetched_at: datetime | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text))

    @property
    def label(self) -> str:
        """How benchmarks and exports name the article: the input's id, else the hash."""
        return self.source_id or self.id

    @property
    def analyst_entered(self) -> bool:
        """Whether this is an analyst's source note (a call, a court document), not a report."""
        return (self.source_id or "").startswith(ANALYST_SOURCE)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(frozen=True)
class Skipped:
    """An input that gave no article, and why: a result, not an exception."""

    source: str
    reason: str


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text, normalized against an anchor date.

    `value` is a TimeML value ("2025-05", "2026-W05", "P2Y", "PAST_REF");
    `date` is the calendar date casefile puts on an event, at the precision the
    text supports ("2025", "2025-05", "2025-12-26"), or None when the
    expression names no calendar date (a duration, "recently").
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str | None
    mod: str | None = None
    date: str | None = None

    @property
    def precision(self) -> Literal["day", "month", "year"] | None:
        if self.date is None:
            return None
        return {4: "year", 7: "month", 10: "day"}.get(len(self.date))  # type: ignore[return-value]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }


@dataclass(frozen=True)
class Person:
    """A person (or organisation) as one article names it."""

    name: str  # the fullest form in the article
    mentions: tuple[str, ...] = ()
    kind: Literal["person", "organization", "group"] = "person"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": list(self.mentions)}


@dataclass(frozen=True)
class Event:
    """One thing that happened (or is scheduled) to one subject, read from one sentence."""

    type: str
    subject: str
    evidence: str
    span: tuple[int, int]
    date: str | None = None
    date_text: str | None = None
    status: Status = "occurred"
    outcome: str | None = None
    country: str | None = None
    agent: str | None = None
    certainty: Certainty = "asserted"
    rule: str = ""
    # None when the date (if any) is read from the event's own sentence; "context"
    # when it is the date of the scene told just before, "story" when it is the
    # month of the report's own news (extract/dating.py).
    date_from: DateFrom | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject,
            "date": self.date,
            "date_text": self.date_text,
            "date_from": self.date_from,
            "status": self.status,
            "outcome": self.outcome,
            "country": self.country,
            "agent": self.agent,
            "evidence": self.evidence,
            "span": list(self.span),
            "certainty": self.certainty,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor read from one article, and which extractor read it."""

    article: Article
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    timexes: tuple[TimeExpression, ...] = ()
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.to_json(),
            "people": [person.to_json() for person in self.people],
            "events": [event.to_json() for event in self.events],
        }


@dataclass(frozen=True)
class Source:
    """Where a stored event was read: the article and its sentence."""

    article_id: str
    article_label: str  # the input's id, else the content hash
    evidence: str
    certainty: Certainty
    outlet: str | None = None
    published: date | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article_label,
            "article_id": self.article_id,
            "evidence": self.evidence,
            "certainty": self.certainty,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
        }


@dataclass(frozen=True)
class TimelineEntry:
    """An event on a person's timeline, with the sources it was read from."""

    event: Event
    sources: tuple[Source, ...]
    event_id: int | None = None


@dataclass(frozen=True)
class Timeline:
    """One person's case file as the store holds it: every name seen, events in date order."""

    person_id: int
    name: str
    names: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]
