"""Persistence of articles, extractions, people, events, corrections and the audit log.

    from casefile.store import Store
    with Store.open("sqlite:///casefile.db") as store:
        store.add_article(article)
        store.save_extraction(extraction)
        store.timeline("Movlaev")

The only package besides `sources/` and the front ends that does I/O; no
SQL outside it.
"""

from casefile.store.events import CorrectionError, event_key
from casefile.store.results import PersonSummary, UpcomingEvent
from casefile.store.store import Store

__all__ = ["CorrectionError", "PersonSummary", "Store", "UpcomingEvent", "event_key"]
