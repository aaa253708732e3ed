"""CSV cells that spreadsheets never run, and the iCalendar feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from casefile.export import neutralize, to_csv, upcoming_calendar
from casefile.model import Event, Source
from casefile.store import UpcomingEvent


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495 000", "'+7 495 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Timur Saidov", "Timur Saidov"),
        ("2026-03-20", "2026-03-20"),
        (None, ""),
        (12, "12"),
    ],
)
def test_formula_cells_are_neutralized(cell: object, written: str) -> None:
    assert neutralize(cell) == written


def test_to_csv_neutralizes_every_cell_and_quotes_as_csv_does() -> None:
    text = to_csv(["name", "note"], [["=1+1", 'said, "no"']])
    assert text == 'name,note\r\n\'=1+1,"said, ""no"""\r\n'


def upcoming(date_value: str, event_id: int) -> UpcomingEvent:
    event = Event("hearing", "Timur Saidov", "A court will hear his case.", (0, 26),
                  date=date_value, status="scheduled", country="KZ")  # fmt: skip
    source = Source("a" * 64, "sc-1", event.evidence, "asserted", "Steppe Courier",
                    date(2026, 2, 14))  # fmt: skip
    return UpcomingEvent(7, "Timur Saidov", event, (source,), event_id)


def test_the_calendar_has_one_all_day_event_per_dated_hearing() -> None:
    feed = upcoming_calendar(
        [upcoming("2026-03-20", 1), upcoming("2026-04", 2), upcoming("2026", 3)],
        base_url="http://127.0.0.1:8000/",
        now=datetime(2026, 3, 1, tzinfo=UTC),
    ).decode()
    assert feed.count("BEGIN:VEVENT") == 2  # a bare year names no day to put in a calendar
    assert "DTSTART;VALUE=DATE:20260320" in feed and "DTEND;VALUE=DATE:20260321" in feed
    assert "DTSTART;VALUE=DATE:20260401" in feed and "DTEND;VALUE=DATE:20260501" in feed
    assert "UID:casefile-event-1-2026-03-20@casefile" in feed
    assert "SUMMARY:Timur Saidov: hearing" in feed
    assert "http://127.0.0.1:8000/cases/7" in feed.replace("\r\n ", "")


def test_the_calendar_says_when_a_date_was_inferred() -> None:
    read = upcoming("2026-03-20", 1)
    inferred = replace(read, event=replace(read.event, date="2026-04", date_from="story"))
    inferred = replace(inferred, event_id=2)
    feed = upcoming_calendar([read, inferred], now=datetime(2026, 3, 1, tzinfo=UTC)).decode()
    first, second = feed.replace("\r\n ", "").split("BEGIN:VEVENT")[1:]
    assert "inferred" not in first
    assert "Date inferred from the story: the month of the news the report tells" in second
