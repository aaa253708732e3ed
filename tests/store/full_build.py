"""The case lists built the slow way, from every case of the store: what the index must equal.

The web's cases list and agenda used to be computed like this on every
request: assemble every case (`Store.cases`), pair it with its stored
events (`case_views.view`), filter and search in Python, sort, slice. The
store now answers from materialised rows (`store.case_filters`,
`store.case_dates`); the tests compare the two, case for case, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from casefile.cases import agenda
from casefile.cases.names import fold, name_key
from casefile.store import Store
from casefile.store.case_views import CaseView, view
from casefile.store.events import valid_date
from casefile.store.people import best_person


@dataclass(frozen=True)
class Wanted:
    q: str = ""
    country: str = ""
    event_type: str = ""
    status: str = ""
    review: str = ""
    date_from: str = ""  # full days
    date_to: str = ""


def case_views(store: Store, today: date) -> list[CaseView]:
    return [
        view(case, store.person_events(case.person), today)
        for case in store.cases(today)
        if case.kind == "person"
    ]


def case_ids(views: list[CaseView], titles: dict[str, str], wanted: Wanted, sort: str) -> list[int]:
    """The ids of the cases a filter keeps, in the list's order for `sort` ("-x": reversed)."""
    named = _named(views, wanted.q)
    found = [
        shown.to_json()
        for shown in views
        if _searched(shown, wanted.q, named, titles) and _has_entry(shown, wanted)
    ]
    key = {
        "name": lambda case: case["name"].casefold(),
        "next_date": lambda case: case["next_date"],
        "last_change": lambda case: case["last_change"],
        "country": lambda case: case["country"],
    }[sort.lstrip("-")]
    by_id = sorted(found, key=lambda case: case["id"])
    present = [case for case in by_id if key(case) is not None]
    present.sort(key=key, reverse=sort.startswith("-"))  # ties stay by id
    return [case["id"] for case in present + [c for c in by_id if key(c) is None]]


def _named(views: list[CaseView], q: str) -> set[int]:
    if not q.split():
        return set()
    found = best_person(q, ((shown.id, shown.case.names) for shown in views), strict=False)
    return set(found) if isinstance(found, list) else set() if found is None else {found}


def _folded(text: str) -> str:
    return " ".join(fold(token) for token in name_key(text).split())


def _searched(shown: CaseView, q: str, named: set[int], titles: dict[str, str]) -> bool:
    words = q.split()
    if not words or shown.id in named:
        return True
    texts = [*shown.case.names, shown.case.stage]
    texts += [text for entry in shown.entries for text in entry.texts()]
    texts += [titles.get(article_id, "") for article_id in shown.article_ids]
    haystack = " ".join(texts)
    if all(word.casefold() in haystack.casefold() for word in words):
        return True
    folded_words = [_folded(word) for word in words]
    return all(word and word in _folded(haystack) for word in folded_words)


def _has_entry(shown: CaseView, wanted: Wanted) -> bool:
    checks = (wanted.country, wanted.event_type, wanted.status, wanted.review)
    if not any(checks) and not (wanted.date_from or wanted.date_to):
        return True
    entries = shown.entries + (shown.rejected if wanted.review == "rejected" else ())
    return any(_entry_matches(entry, wanted) for entry in entries)


def _entry_matches(entry: Any, wanted: Wanted) -> bool:
    if wanted.country and (entry.country or "").casefold() != wanted.country.casefold():
        return False
    if wanted.event_type and entry.type != wanted.event_type:
        return False
    unconfirmed = wanted.status == "unconfirmed" and entry.unconfirmed
    if wanted.status and entry.status != wanted.status and not unconfirmed:
        return False
    if wanted.review and entry.state != wanted.review:
        return False
    if wanted.date_from or wanted.date_to:
        span = _days(entry.date)
        if span is None:
            return False
        low, high = span
        if wanted.date_from and high < wanted.date_from:
            return False
        if wanted.date_to and low > wanted.date_to:
            return False
    return True


def _days(value: str | None) -> tuple[str, str] | None:
    if not value or not valid_date(value):
        return None
    if len(value) == 10:
        return value, value
    year = int(value[:4])
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    month = int(value[5:])
    following = date(year + month // 12, month % 12 + 1, 1)
    return f"{value}-01", (following - timedelta(days=1)).isoformat()


def agenda_rows(store: Store, today: date, days: int | None) -> tuple[list[Any], list[Any]]:
    """(person id, event id, date) of every upcoming and every overdue date, in list order."""
    upcoming, overdue = [], []
    for case in store.cases(today):
        for seq, event in enumerate(agenda.upcoming(case.events, today, days)):
            key = (event.date or "", case.name.casefold(), case.person, seq)
            upcoming.append((key, case, event))
        for seq, event in enumerate(agenda.overdue(case.events, today)):
            overdue.append(((event.date or "", case.name, -case.person, -seq), case, event))
    upcoming.sort(key=lambda row: row[0])
    overdue.sort(key=lambda row: row[0], reverse=True)
    return [_agenda_row(case, event) for _, case, event in upcoming], [
        _agenda_row(case, event) for _, case, event in overdue
    ]


def _agenda_row(case: Any, event: Any) -> tuple[int, int | None, str | None]:
    shown = next((s for s in event.sources if s.event.date == event.date), event.sources[0])
    return case.person, shown.event_id, event.date
