"""Persistence of articles, extractions, people, events, corrections and the audit log.

    from casefile.store import Store
    with Store.open("sqlite:///casefile.db") as store:
        store.add_article(article)
        store.save_extraction(extraction)
        store.timeline("Movlaev")

The only package besides `sources/` and the front ends that does I/O; no
SQL outside it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casefile.store.events import CorrectionError, event_key
    from casefile.store.results import PersonSummary, UpcomingEvent
    from casefile.store.store import Store

__all__ = ["CorrectionError", "PersonSummary", "Store", "UpcomingEvent", "event_key"]

# Imported when first asked for (PEP 562), not with the package: `casefile upcoming` reads
# a SQLite store through `store.lite` without SQLAlchemy, which `Store` would import.
_HOMES = {
    "CorrectionError": "casefile.store.events",
    "event_key": "casefile.store.events",
    "PersonSummary": "casefile.store.results",
    "UpcomingEvent": "casefile.store.results",
    "Store": "casefile.store.store",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
