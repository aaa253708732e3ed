"""Exports of what the store holds: CSV tables and an iCalendar feed.

to_csv(["date", "event"], rows)          # spreadsheet-safe CSV text
upcoming_calendar(store.upcoming(...))   # an .ics feed of hearings and deadlines
"""

from casefile.export.ical import upcoming_calendar
from casefile.export.tables import neutralize, to_csv

__all__ = ["neutralize", "to_csv", "upcoming_calendar"]
