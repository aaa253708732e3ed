"""An iCalendar feed of upcoming hearings and deadlines (the icalendar library).

A day-precise date becomes an all-day event; a month-precise one ("a hearing
in March") spans its month. A date inferred rather than read in the event's
own sentence (`Event.date_from`) says so in the description. Each event's
UID is stable (from the event id), so a calendar that subscribes to the feed
updates events instead of duplicating them.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from casefile.cases.records import DATE_FROM_NOTES
from casefile.store import UpcomingEvent


def upcoming_calendar(
    events: Iterable[UpcomingEvent], base_url: str = "", now: datetime | None = None
) -> bytes:
    """The feed as bytes of an .ics file."""
    feed = Calendar()
    feed.add("prodid", "-//casefile//upcoming hearings and deadlines//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "casefile: upcoming hearings and deadlines")
    stamp = now or datetime.now(UTC)
    for item in events:
        span = _days(item.event.date)
        if span is None:
            continue
        what = item.event.type.replace("_", " ")
        entry = CalendarEvent()
        entry.add("uid", f"casefile-event-{item.event_id}-{item.event.date}@casefile")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", span[0])
        entry.add("dtend", span[1])
        entry.add("summary", f"{item.person}: {what}")
        sources = ", ".join(source.outlet or source.article_label[:12] for source in item.sources)
        lines = [item.event.evidence, f"Sources: {sources}"]
        note = DATE_FROM_NOTES.get(item.event.date_from or "")
        if note:
            lines.append(f"Date inferred {note[0]}: {note[1]}")
        if item.event.country:
            entry.add("location", item.event.country)
        if base_url:
            lines.append(f"{base_url.rstrip('/')}/cases/{item.person_id}")
        entry.add("description", "\n".join(lines))
        feed.add_component(entry)
    return feed.to_ical()


def _days(value: str | None) -> tuple[date, date] | None:
    """[start, end) of an all-day event for a date string, None when it names no day or month."""
    if value is None or len(value) not in (7, 10):
        return None
    if len(value) == 10:
        day = date.fromisoformat(value)
        return day, day + timedelta(days=1)
    year, month = int(value[:4]), int(value[5:7])
    first = date(year, month, 1)
    return first, first + timedelta(days=calendar.monthrange(year, month)[1])
