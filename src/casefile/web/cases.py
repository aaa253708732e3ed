"""Cases as the web pages show them: the store's case layer plus what reviewing needs.

How a merged event is paired with its stored reports, and which one the
review buttons act on, is `store.case_views` (the case lists are
materialised from it); this module reads them from the store.
"""

from __future__ import annotations

from datetime import date

from casefile.cases import CaseFile
from casefile.store import Store
from casefile.store.case_views import CaseView, Entry, shown_report, view

__all__ = ["CaseView", "Entry", "case_file", "shown_report", "view"]


def case_file(store: Store, person_id: int, today: date) -> tuple[CaseFile, CaseView]:
    """One case file (linked people, upcoming dates) and its view."""
    found = store.case(person_id, today)
    return found, view(found.case, store.person_events(found.case.person), today)
