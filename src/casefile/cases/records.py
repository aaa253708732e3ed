"""The data classes of the case layer: mentions, people, sourced events, cases, changes.

`model.py` holds what one article gives; these hold what many articles give
together. They are frozen like `model.py`. `Case.to_json` and
`CaseEvent.to_json` are the contract `casefile cases --json` prints and
external benchmarks read: exactly the keys listed there, nothing more. The
richer `to_detail_json` and `CaseFile.to_json` are for the web UI and
`casefile case --json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from casefile.model import Event, Source

Kind = Literal["person", "organization", "group"]
Day = date  # the type, for classes whose field named `date` hides it

# How a date inferred rather than read (`Event.date_from`) is marked for an
# analyst: the short note beside the date, and what it means.
DATE_FROM_NOTES: dict[str, tuple[str, str]] = {
    "context": ("from context", "the date of the scene told just before this sentence"),
    "story": ("from the story", "the month of the news the report tells; no date in this sentence"),
}


def dated(value: str | None, date_from: str | None) -> str:
    """A date as printed for an analyst: "2026-01 (from the story)", "2025-05-13", "undated"."""
    if not value:
        return "undated"
    note = DATE_FROM_NOTES.get(date_from or "")
    return f"{value} ({note[0]})" if note else value


@dataclass(frozen=True)
class Mention:
    """A person as one article names them: what person resolution groups.

    `id` is stable across re-extraction ("<article id>:<name key>"), so that an
    analyst's merge or split, stored as mention ids, outlives the events it
    was made on. The rest is the article's context for ambiguous names.
    """

    id: str
    article: str  # the article id (content hash)
    name: str  # the subject as written, fullest form in that article
    forms: tuple[str, ...] = ()  # every spelling of this person in that article
    kind: Kind = "person"
    published: date | None = None
    countries: frozenset[str] = frozenset()
    events: frozenset[tuple[str, str]] = frozenset()  # (type, date) of its dated events
    co_names: tuple[str, ...] = ()  # the other people and organisations named there


@dataclass(frozen=True)
class PersonDecision:
    """An analyst's decision about who is who, kept as mention ids so it survives re-processing.

    merge: every mention in `first` and `second` is one person.
    split: no mention in `first` is the person of any mention in `second`.
    """

    action: Literal["merge", "split"]
    first: tuple[str, ...]
    second: tuple[str, ...]
    who: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class ResolvedPerson:
    """One person across articles: every spelling seen, the mentions that are them."""

    id: int
    name: str  # the fullest form seen
    names: tuple[str, ...]
    kind: Kind = "person"
    mentions: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # article ids


@dataclass(frozen=True)
class SourcedEvent:
    """An event as one article reported it: what event merging groups."""

    event: Event
    source: Source
    key: str | None = None  # the store's stable event key, when stored
    event_id: int | None = None  # the store's row id, when stored
    first_seen: datetime | None = None  # when the store first saw it

    @property
    def identity(self) -> tuple[str, ...]:
        """What names this report across reads: its key, else where and what it is.

        One sentence can hold two reports of one type ("postponed from Nov. 17
        to Dec. 15"), so without a key the date and status are part of it.
        """
        if self.key:
            return (self.key,)
        event = self.event
        span = (str(event.span[0]), str(event.span[1]))
        return (
            self.source.article_id,
            *span,
            event.type,
            event.subject,
            str(event.date),
            event.status,
        )


@dataclass(frozen=True)
class Update:
    """What a later report did to an event: "postponed" to a date, "suspended", "carried out"."""

    kind: str  # postponed | suspended | overturned | carried_out | upheld | revoked
    date: str | None
    text: str  # for people: "suspended by the Supreme Court 2026-02-24"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date, "text": self.text}


@dataclass(frozen=True)
class CaseEvent:
    """One event of a case, merged from every article that reported it."""

    type: str
    subject: str
    date: str | None
    status: str
    outcome: str | None
    country: str | None
    agent: str | None
    certainty: str  # asserted when any source asserts it
    sources: tuple[SourcedEvent, ...]
    conflict: bool = False  # another report gives another day for what looks like this event
    conflicting_dates: tuple[str, ...] = ()
    unconfirmed: bool = False  # scheduled, its date passed, no report that it took place
    updates: tuple[Update, ...] = ()

    @property
    def date_from(self) -> str | None:
        """Whether the date is inferred: None when a report reads it in its own sentence.

        Else "context" or "story" (`Event.date_from`), from the reports giving
        the date; "context" when both do, as the nearer of the two.
        """
        if self.date is None:
            return None
        given = [s.event.date_from for s in self.sources if s.event.date == self.date]
        if not given or None in given:
            return None
        return "context" if "context" in given else given[0]

    @property
    def no_news_since(self) -> str | None:
        """For a date that passed unconfirmed: the day of its last report (ISO), else None."""
        last = self.last_reported if self.unconfirmed else None
        return last.isoformat() if last else None

    @property
    def last_reported(self) -> Day | None:
        dates = [s.source.published for s in self.sources if s.source.published]
        return max(dates) if dates else None

    @property
    def first_reported(self) -> Day | None:
        dates = [s.source.published for s in self.sources if s.source.published]
        return min(dates) if dates else None

    @property
    def when(self) -> str:
        """For ordering: the date, else the day it was first reported (an upper bound)."""
        if self.date:
            return self.date
        reported = self.first_reported
        return reported.isoformat() if reported else "9999"

    def to_json(self) -> dict[str, Any]:
        """The benchmark contract: exactly these keys."""
        return {
            "type": self.type,
            "date": self.date,
            "status": self.status,
            "outcome": self.outcome,
            "country": self.country,
            "conflict": self.conflict,
            "sources": [
                {
                    "article": s.source.article_label,
                    "evidence": s.source.evidence,
                    "certainty": s.source.certainty,
                }
                for s in self.sources
            ],
        }

    def to_detail_json(self) -> dict[str, Any]:
        """Everything a reviewer needs: the contract plus agent, updates and full sources."""
        return {
            **self.to_json(),
            "date_from": self.date_from,
            "subject": self.subject,
            "agent": self.agent,
            "certainty": self.certainty,
            "unconfirmed": self.unconfirmed,
            "no_news_since": self.no_news_since,
            "conflicting_dates": list(self.conflicting_dates),
            "updates": [update.to_json() for update in self.updates],
            "sources": [_source_detail(s) for s in self.sources],
        }


def _source_detail(sourced: SourcedEvent) -> dict[str, Any]:
    return {
        **sourced.source.to_json(),
        "subject": sourced.event.subject,
        "date": sourced.event.date,
        "date_from": sourced.event.date_from,
        "status": sourced.event.status,
        "event_id": sourced.event_id,
        "key": sourced.key,
    }


@dataclass(frozen=True)
class Case:
    """One person's case file: names, articles, the stage, the merged timeline."""

    person: int
    name: str
    names: tuple[str, ...]
    articles: tuple[str, ...]  # article labels: the input's id, else the content hash
    stage: str
    events: tuple[CaseEvent, ...]
    kind: Kind = "person"

    def to_json(self) -> dict[str, Any]:
        """The benchmark contract of `casefile cases --json`: exactly these keys."""
        return {
            "person": self.person,
            "names": list(self.names),
            "articles": list(self.articles),
            "stage": self.stage,
            "events": [event.to_json() for event in self.events],
        }


@dataclass(frozen=True)
class LinkedPerson:
    """Someone named beside the person in their articles: a lawyer, a relative, a co-defendant."""

    name: str
    role: str | None
    person: int | None  # their own case, when they have one
    articles: int  # in how many of this case's articles they are named

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "person": self.person,
            "articles": self.articles,
        }


@dataclass(frozen=True)
class CaseFile:
    """What `casefile case NAME` shows: the case, linked people, what comes next."""

    case: Case
    linked: tuple[LinkedPerson, ...]
    upcoming: tuple[CaseEvent, ...]
    today: date

    def to_json(self) -> dict[str, Any]:
        return {
            **self.case.to_json(),
            "name": self.case.name,
            "kind": self.case.kind,
            "today": self.today.isoformat(),
            "timeline": [event.to_detail_json() for event in self.case.events],
            "linked": [person.to_json() for person in self.linked],
            "upcoming": [event.to_detail_json() for event in self.upcoming],
            "next": self.upcoming[0].to_detail_json() if self.upcoming else None,
            "no_news_since": [
                event.to_detail_json() for event in self.case.events if event.unconfirmed
            ],
        }


@dataclass(frozen=True)
class Change:
    """One thing new or changed in a case since a given time."""

    # new_case | new_event | names | stage | status | date | outcome | conflict | update |
    # source | decision | correction
    kind: str
    text: str
    event: CaseEvent | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "event": self.event.to_json() if self.event else None,
        }


@dataclass(frozen=True)
class CaseChanges:
    """What is new or changed in one case."""

    person: int
    name: str
    stage: str
    changes: tuple[Change, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "name": self.name,
            "stage": self.stage,
            "changes": [change.to_json() for change in self.changes],
        }
