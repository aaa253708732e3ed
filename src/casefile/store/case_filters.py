"""Filtering the case lists in the store: the rows a filter reads, and the filter as SQL.

The cases list filters by the events of a case (`country`, `event_type`,
`status`, `review`, a date range: a case matches when one of its timeline
entries matches them all) and searches its text (`q`). Both used to build
every case on every request. Now, when a case's line is computed
(`store.case_index.refresh`), it gets one `case_file_entries` row per
timeline entry and one `case_file_search` row holding its text, so a
filtered page is the same indexed read as an unfiltered one, with the
filter as a condition on the case: `person_id IN (entries that match)`.

What `q` finds: the cases of the person the query names (any spelling or
script, as `casefile case NAME` finds them: the people sharing a name key
with it, the best match among them), and every case whose names, stage,
evidence sentences, agents or article titles hold every word of it, compared
case-folded or, for names written in another script or spelling, folded as
name lookup folds them ("Мовлаев" finds "Movlaev").
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from casefile.cases.names import fold, name_key
from casefile.store import queries
from casefile.store.case_views import CaseView, Entry
from casefile.store.cases_schema import CaseEntryRow, CaseFileRow, CaseSearchRow
from casefile.store.events import valid_date
from casefile.store.people import best_person
from casefile.store.resolution import people_named_like


@dataclass(frozen=True)
class CaseFilter:
    """What a case list asks for; empty fields ask nothing. Dates are full days (YYYY-MM-DD)."""

    q: str = ""
    country: str = ""
    event_type: str = ""
    status: str = ""  # a status, or "unconfirmed" (scheduled, passed, never reported)
    review: str = ""  # the shown report's state; "rejected" finds rejected reports
    date_from: str = ""
    date_to: str = ""

    def __bool__(self) -> bool:
        return any(vars(self).values())

    @property
    def on_entries(self) -> bool:
        return any((self.country, self.event_type, self.status, self.review, self.date_from,
                    self.date_to))  # fmt: skip


# --- the rows, written with each case's line --------------------------------------------


def entry_rows(person_id: int, kind: str, shown: CaseView) -> list[dict[str, Any]]:
    """One row per timeline entry, then one per rejected report."""
    return [
        _entry_row(person_id, kind, entry, rejected)
        for entries, rejected in ((shown.entries, False), (shown.rejected, True))
        for entry in entries
    ]


def _entry_row(person_id: int, kind: str, entry: Entry, rejected: bool) -> dict[str, Any]:
    low, high = date_range(entry.date) or (None, None)
    return {
        "person_id": person_id,
        "kind": kind,
        "type": entry.type,
        "status": entry.status,
        "unconfirmed": entry.unconfirmed,
        "country_key": (entry.country or "").casefold(),
        "review": entry.state,
        "rejected": rejected,
        "date_low": low,
        "date_high": high,
    }


def search_row(
    person_id: int, kind: str, shown: CaseView, titles: dict[str, str]
) -> dict[str, Any]:
    """The case's searchable text, case-folded and folded as names are compared."""
    text = " ".join(search_texts(shown, titles))
    return {"person_id": person_id, "kind": kind, "plain": text.casefold(), "folded": folded(text)}


def search_texts(shown: CaseView, titles: dict[str, str]) -> list[str]:
    """What `q` looks in: names, stage, every source's evidence and agents, article titles."""
    return [
        *shown.case.names,
        shown.case.stage,
        *(text for entry in shown.entries for text in entry.texts()),
        *(titles.get(article_id, "") for article_id in shown.article_ids),
    ]


def folded(text: str) -> str:
    """`text` as name lookup compares it: ASCII, lower case, transliteration variants folded."""
    return " ".join(fold(token) for token in name_key(text).split())


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a stored date covers ("2025-02" -> 02-01..02-28); None if invalid."""
    if not value or not valid_date(value):
        return None
    year = int(value[:4])
    if len(value) == 4:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if len(value) == 7:
        month = int(value[5:7])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value, value


# --- the filter, as a condition on case_files -------------------------------------------


def condition(session: Session, kind: str, wanted: CaseFilter) -> ColumnElement[bool]:
    """The cases of `kind` the filter keeps, as a condition on `case_files`."""
    parts: list[ColumnElement[bool]] = []
    if wanted.on_entries:
        matching = select(CaseEntryRow.person_id).where(*_entry_conditions(kind, wanted))
        parts.append(CaseFileRow.person_id.in_(matching))
    if wanted.q.split():
        parts.append(_search(session, kind, wanted.q))
    return and_(*parts)


def _entry_conditions(kind: str, wanted: CaseFilter) -> Iterable[ColumnElement[bool]]:
    yield CaseEntryRow.kind == kind
    if wanted.review != "rejected":  # rejected reports are looked at by that filter alone
        yield CaseEntryRow.rejected == false()
    if wanted.country:
        yield CaseEntryRow.country_key == wanted.country.casefold()
    if wanted.event_type:
        yield CaseEntryRow.type == wanted.event_type
    if wanted.status == "unconfirmed":
        yield or_(CaseEntryRow.status == wanted.status, CaseEntryRow.unconfirmed)
    elif wanted.status:
        yield CaseEntryRow.status == wanted.status
    if wanted.review:
        yield CaseEntryRow.review == wanted.review
    if wanted.date_from:
        yield CaseEntryRow.date_high >= wanted.date_from
    if wanted.date_to:
        yield CaseEntryRow.date_low <= wanted.date_to
    if wanted.date_from or wanted.date_to:
        yield CaseEntryRow.date_low.is_not(None)


def _search(session: Session, kind: str, q: str) -> ColumnElement[bool]:
    """Cases named by `q`, or holding every word of it (plain, or folded as names are)."""
    words = q.split()
    plain = and_(*(CaseSearchRow.plain.contains(w.casefold(), autoescape=True) for w in words))
    folded_words = [folded(word) for word in words]
    by_folding = (
        and_(*(CaseSearchRow.folded.contains(w, autoescape=True) for w in folded_words))
        if all(folded_words)
        else false()
    )
    texts = select(CaseSearchRow.person_id).where(
        CaseSearchRow.kind == kind, or_(plain, by_folding)
    )
    return or_(CaseFileRow.person_id.in_(named(session, kind, q)), CaseFileRow.person_id.in_(texts))


def named(session: Session, kind: str, q: str) -> list[int]:
    """The cases of the person `q` names best, among those sharing a name key with it."""
    forms = [
        (person_id, summary["names"])
        for part in queries.chunks(sorted(people_named_like(session, q)))
        for person_id, summary in session.execute(
            select(CaseFileRow.person_id, CaseFileRow.summary).where(
                CaseFileRow.kind == kind, CaseFileRow.person_id.in_(part)
            )
        )
    ]
    found = best_person(q, forms, strict=False)
    return found if isinstance(found, list) else [] if found is None else [found]
