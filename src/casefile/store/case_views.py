"""A case as the workspace lists and shows it: merged events paired with their stored reports.

The cross-document case layer (`store.cases()`, `store.case()`,
`casefile.cases`) resolves people across articles and spellings, merges each
person's reports into events that keep every source, flags conflicts, marks
postponed and unconfirmed events, derives the stage and finds linked people
and upcoming dates. This module does not redo any of that: it pairs each
merged event with the stored events (reports) behind its sources, so the
pages can show each report's review state and act on it by event id. It
lives in the store because the case lists are materialised from it
(`store.case_index`); `web.cases` serves it.

Reviewing a merged event. A case event with several sources is several
stored events, one per article. The timeline shows one of them as the
event's reading, the *shown* report (`shown_report`): the one the merged
event takes its date from (same date, then the most precisely dated, then
the earliest published). The Confirm / Reject / Edit buttons of the entry
act on that stored event only, by its id; each other source is listed with
its own review state and a link to review it on its own (`/events/ID`). A
correction is never fanned out silently to reports the analyst has not
looked at: an outlet that got the day wrong must stay visible as such.

The layer drops rejected events; they are listed after the timeline
(`CaseView.rejected`) so an analyst can see and restore them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from casefile.cases import Case, CaseEvent, upcoming
from casefile.store.review import ReviewedEvent


@dataclass(frozen=True)
class Entry:
    """One line of a case's timeline: a merged event and the stored reports behind it.

    `case_event` is None for a rejected report (outside the case) and for a
    stored event the layer did not place (not expected; listed rather than
    hidden).
    """

    case_event: CaseEvent | None
    shown: ReviewedEvent  # the stored event the review buttons act on
    reports: tuple[ReviewedEvent, ...]  # one per source, in the layer's source order

    @property
    def state(self) -> str:
        """The review state of the entry: the shown report's."""
        return self.shown.state

    @property
    def type(self) -> str:
        return self.case_event.type if self.case_event else self.shown.event.type

    @property
    def date(self) -> str | None:
        return self.case_event.date if self.case_event else self.shown.event.date

    @property
    def status(self) -> str:
        return self.case_event.status if self.case_event else self.shown.event.status

    @property
    def country(self) -> str | None:
        return self.case_event.country if self.case_event else self.shown.event.country

    @property
    def conflict(self) -> bool:
        return bool(self.case_event and self.case_event.conflict)

    @property
    def unconfirmed(self) -> bool:
        return bool(self.case_event and self.case_event.unconfirmed)

    def texts(self) -> list[str]:
        """What search looks in: every source's sentence and the agents."""
        found = [item.event.evidence for item in self.reports]
        found += [item.event.agent or "" for item in self.reports]
        if self.case_event and self.case_event.agent:
            found.append(self.case_event.agent)
        return found


@dataclass(frozen=True)
class CaseView:
    """A case as the workspace shows it: the layer's case, its timeline entries, review counts."""

    case: Case
    entries: tuple[Entry, ...]  # the merged events, in the layer's (date) order
    rejected: tuple[Entry, ...]  # rejected reports, date order
    last_change: datetime | None
    next_event: CaseEvent | None

    @property
    def id(self) -> int:
        return self.case.person

    @property
    def name(self) -> str:
        return self.case.name

    @property
    def unreviewed(self) -> int:
        """Merged events whose shown report nobody has reviewed yet."""
        return sum(1 for entry in self.entries if entry.state == "unreviewed")

    @property
    def country(self) -> str | None:
        """Where the case stands: the country of its latest event that names one."""
        return next((e.country for e in reversed(self.case.events) if e.country), None)

    @property
    def article_ids(self) -> list[str]:
        ids = [item.article_id for entry in self.entries for item in entry.reports]
        return list(dict.fromkeys(ids))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.case.person,
            "name": self.case.name,
            "names": list(self.case.names),
            "kind": self.case.kind,
            "country": self.country,
            "stage": self.case.stage,
            "last_change": self.last_change.isoformat() if self.last_change else None,
            "next_date": self.next_event.date if self.next_event else None,
            "next_date_from": self.next_event.date_from if self.next_event else None,
            "next_type": self.next_event.type if self.next_event else None,
            "event_count": len(self.entries),
            "article_count": len(self.case.articles),
            "unreviewed": self.unreviewed,
            "conflicts": sum(1 for entry in self.entries if entry.conflict),
            "unconfirmed": sum(1 for entry in self.entries if entry.unconfirmed),
        }


def view(case: Case, reviewed: list[ReviewedEvent], today: date) -> CaseView:
    """Pair the case's merged events with the person's stored events (rejected ones included)."""
    by_id = {item.id: item for item in reviewed}
    placed: set[int] = set()
    entries = []
    for event in case.events:
        reports = tuple(
            by_id[source.event_id]
            for source in event.sources
            if source.event_id is not None and source.event_id in by_id
        )
        if not reports:
            continue  # the store changed between the two reads; the next read has it
        placed.update(item.id for item in reports)
        entries.append(Entry(event, shown_report(event, reports), reports))
    left = [item for item in reviewed if item.id not in placed]
    entries += [Entry(None, item, (item,)) for item in left if item.state != "rejected"]
    rejected = tuple(Entry(None, item, (item,)) for item in left if item.state == "rejected")
    coming = upcoming(case, today)
    return CaseView(
        case=case,
        entries=tuple(entries),
        rejected=rejected,
        last_change=max((item.changed_at for item in reviewed), default=None),
        next_event=coming[0] if coming else None,
    )


def shown_report(event: CaseEvent, reports: tuple[ReviewedEvent, ...]) -> ReviewedEvent:
    """The report a merged event is shown as, and reviewed through (see the module's doc).

    The one giving the merged date, else the most precisely dated; among
    equals the earliest published (the layer lists sources oldest first).
    """
    ranked = sorted(
        enumerate(reports),
        key=lambda pair: (
            pair[1].event.date != event.date,
            -len(pair[1].event.date or ""),
            pair[0],
        ),
    )
    return ranked[0][1]
