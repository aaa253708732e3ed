"""A case's events on a time axis drawn to scale, as geometry for a server-rendered SVG.

The pages run no script (the CSP says `script-src 'none'`), so the axis is
computed here and the template writes it as plain SVG elements, every text
escaped. Distances are proportional to time: five years look five years
long, a day next to them is a dot. A date given as a year or a month is a
bar over that whole period, not a point at its start; an event that would
overlap its neighbour's label goes down to the next lane.

Pure functions over dates and labels; no I/O.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from casefile.store.events import valid_date

WIDTH = 1000  # the SVG's user units; it scales to the page's width
MARGIN = 24
LANE = 22  # height of one lane
TOP = 30  # room for the year ticks
CHAR = 6.2  # approximate width of a label character, to keep labels apart
MAX_LANES = 8


@dataclass(frozen=True)
class Mark:
    number: int  # the event's number in the compact table
    label: str
    start: date
    end: date  # the last day the date can mean (a year: Dec 31)
    status: str


def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date string means: "2025" -> Jan 1 .. Dec 31; None if none."""
    if not value or not valid_date(value):
        return None
    year = int(value[:4])
    if len(value) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(value[5:7])
    if len(value) == 7:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date.fromisoformat(value)
    return day, day


def marks(events: list[dict[str, Any]]) -> list[Mark]:
    """The dated events of a compact timeline (`number`, `label`, `date`, `status`) as marks."""
    found = []
    for event in events:
        span = period(event.get("date"))
        if span is not None:
            found.append(Mark(event["number"], event["label"], span[0], span[1], event["status"]))
    return found


def axis(found: list[Mark], today: date) -> dict[str, Any] | None:
    """The SVG's geometry: size, year ticks, a today line, one shape per event; None if undated."""
    if not found:
        return None
    first = min(mark.start for mark in found)
    last = max(max(mark.end for mark in found), today)
    first = date(first.year, 1, 1)
    last = date(last.year, 12, 31)
    days = (last - first).days + 1
    scale = (WIDTH - 2 * MARGIN) / days

    def x(day: date) -> float:
        return round(MARGIN + (day - first).days * scale, 1)

    lanes: list[float] = []  # where each lane is free again
    shapes = []
    for mark in sorted(found, key=lambda m: (m.start, m.number)):
        left, right = x(mark.start), x(mark.end + timedelta(days=1))
        text = f"{mark.number} {mark.label}"
        size = len(text) * CHAR
        after = max(left + 8, right + 4)  # the label starts after a bar's end
        flipped = after + size > WIDTH  # no room on the right: the label goes left
        begin = left - 8 - size if flipped else left
        reach = right if flipped else after + size
        lane = next((i for i, free in enumerate(lanes) if free <= begin), None)
        if lane is None:
            lane = len(lanes) if len(lanes) < MAX_LANES else lanes.index(min(lanes))
            if lane == len(lanes):
                lanes.append(0.0)
        lanes[lane] = reach + 6
        y = TOP + lane * LANE
        shapes.append(
            {
                "number": mark.number,
                "text": text,
                "title": f"{mark.label}: {mark.start.isoformat()}"
                + ("" if mark.end == mark.start else f" to {mark.end.isoformat()}"),
                "x": left,
                "text_x": round(left - 8, 1) if flipped else round(after, 1),
                "anchor": "end" if flipped else "start",
                "width": max(round(right - left, 1), 0.0),
                "point": mark.start == mark.end,
                "y": y,
                "status": mark.status,
            }
        )
    ticks = [
        {"x": x(date(year, 1, 1)), "label": str(year)} for year in range(first.year, last.year + 1)
    ]
    height = TOP + max(len(lanes), 1) * LANE + 8
    return {
        "width": WIDTH,
        "height": height,
        "ticks": ticks,
        "today": {"x": x(today), "label": f"today {today.isoformat()}"},
        "shapes": shapes,
        "baseline": TOP - 12,
    }
