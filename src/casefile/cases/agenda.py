"""What comes next in a case, and what a monitor must chase: one answer for every view.

A lawyer opens a case to learn first what happens next, and when. Every view
(`casefile case`, `timeline`, `upcoming`, the stage line, the web pages, the
JSON API, the iCalendar feed) asks this module, so none can disagree:

- an event is *upcoming* when it is scheduled, dated to the month or the day,
  and its date (its last day, for a month) is today or later. A postponed or cancelled date never
  is; the hearing it was moved to is (`timeline.py` marks both);
- the case's *next* date is its earliest upcoming event;
- an event is *overdue* when it was scheduled, its date has passed, and no
  report says what happened: the list a monitor must chase, shown as "no
  news since" the last report of it. Orders dated by the day they were made
  (`data/cases.yaml`, `dated_by_order`) never are: their date passing says
  nothing.

Pure functions over merged `CaseEvent`s; `today` is always passed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date

from casefile.cases.records import CaseEvent
from casefile.cases.words import case_words

NO_NEWS = "no news since"


def last_day(value: str) -> date:
    """The last day a date string can mean: "2026-02" -> 2026-02-28, "2026" -> 2026-12-31."""
    year = int(value[:4])
    if len(value) == 4:
        return date(year, 12, 31)
    month = int(value[5:7])
    if len(value) == 7:
        return date(year, month, calendar.monthrange(year, month)[1])
    return date.fromisoformat(value)


def _awaited(event: CaseEvent) -> bool:
    """Scheduled, dated to the month or day (a year alone is no date to act on), and a date
    that says when it is to happen (not an order's day)."""
    return (
        event.status == "scheduled"
        and len(event.date or "") >= 7
        and event.type not in case_words().dated_by_order
    )


def is_upcoming(event: CaseEvent, today: date) -> bool:
    return _awaited(event) and last_day(event.date or "") >= today


def is_overdue(event: CaseEvent, today: date) -> bool:
    """Scheduled, its date passed, and no report that it took place."""
    return _awaited(event) and last_day(event.date or "") < today


def upcoming(events: Iterable[CaseEvent], today: date, days: int | None = None) -> list[CaseEvent]:
    """The upcoming events, soonest first; with `days`, only those starting within that window."""
    found = [e for e in events if is_upcoming(e, today)]
    if days is not None:
        end = date.fromordinal(today.toordinal() + days).isoformat()
        found = [e for e in found if (e.date or "") <= end]
    return sorted(found, key=lambda e: (e.date or "", e.type))


def next_event(events: Iterable[CaseEvent], today: date) -> CaseEvent | None:
    """The case's next date: its earliest upcoming event."""
    coming = upcoming(events, today)
    return coming[0] if coming else None


def overdue(events: Iterable[CaseEvent], today: date) -> list[CaseEvent]:
    """Passed dates no report followed up, most recent first."""
    return sorted(
        (e for e in events if is_overdue(e, today)), key=lambda e: e.date or "", reverse=True
    )


def status_text(event: CaseEvent) -> str:
    """The status as people read it: "scheduled", "postponed", "scheduled - no news since
    2026-12-16" for an overdue date (`CaseEvent.unconfirmed`, set against today)."""
    if not event.unconfirmed:
        return event.status
    since = event.last_reported
    return f"{event.status} - {NO_NEWS} {since}" if since else f"{event.status} - {NO_NEWS}"


def stage_part(events: Sequence[CaseEvent], today: date | None) -> str:
    """The stage line's last part: "next: hearing 2027-01-14", else the latest date that passed
    with no news ("hearing 2026-12-18: no news since 2026-12-16")."""
    if today is not None:
        coming = next_event(events, today)
    else:  # no day to count from: the earliest date still awaited
        coming = min((e for e in events if _awaited(e) and not e.unconfirmed), default=None,
                     key=lambda e: e.date or "")  # fmt: skip
    if coming is not None:
        return f"next: {coming.type.replace('_', ' ')} {coming.date}"
    passed = [e for e in events if e.unconfirmed]
    if not passed:
        return ""
    last = max(passed, key=lambda e: e.date or "")
    since = last.last_reported
    return f"{last.type.replace('_', ' ')} {last.date}: {NO_NEWS}" + (f" {since}" if since else "")
