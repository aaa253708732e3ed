"""Case files materialised in the store: each case's list line, updated by every write.

The case lists (`/cases.json`, the cases page) used to assemble every case
on every request. Now each person's line (`store.case_views.CaseView`:
stage, next date, counts, review state) is computed when the person's events
change and kept in `case_files`, so a page of the list is one indexed query
whatever the size of the store:

- a saved or re-extracted article, a correction, an analyst's event, a merge
  or a split re-resolves the people it touches (`store.resolution`) and
  calls `refresh` for them, in the same transaction;
- a line depends on the day only through the dates of its events (a
  scheduled date passed, the next date). Each line records the days it
  holds for (`valid_from`, `valid_until`: between two of its dates); a read
  for a day outside them computes those lines again first (`refresh_day`),
  which touches only the cases one of whose dates was crossed.

Lists are read a page at a time (`page`) in a stable order: by name, next
date, last change or country, then person id; filtered by the rows of
`case_filters`. The agenda (`case_dates`) is kept with the lines.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import (
    Select,
    String,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from casefile.cases import Case, ResolvedPerson, SourcedEvent, assemble_case
from casefile.errors import CasefileError
from casefile.store import case_dates, case_filters, queries
from casefile.store.case_filters import CaseFilter
from casefile.store.case_views import view
from casefile.store.cases_schema import (
    CaseCountRow,
    CaseCountryRow,
    CaseDateRow,
    CaseEntryRow,
    CaseFileRow,
    CaseResolutionRow,
    CaseSearchRow,
    EventFirstSeenRow,
)
from casefile.store.resolution import INDEX_VERSION
from casefile.store.results import PersonSummary
from casefile.store.review import ReviewedEvent, chronological, reviewed_events
from casefile.store.schema import ArticleRow, EventRow

Sort = Literal["name", "next_date", "last_change", "country"]
SORTS: tuple[str, ...] = ("name", "next_date", "last_change", "country")
PAGE_SIZE = 50


@dataclass(frozen=True)
class CasePage:
    """One page of a case list: its lines, and how many cases the list has in all."""

    cases: list[dict[str, Any]]  # `CaseView.to_json()` lines
    total: int  # cases of the kind
    matched: int  # cases the filter kept (the total without one)
    offset: int
    limit: int
    sort: str
    descending: bool
    countries: list[str]  # of every case of the list, for the country filter


# --- reading the reports of a case ------------------------------------------------------


def reports(
    session: Session, person_ids: Iterable[int] | None = None
) -> dict[int, list[SourcedEvent]]:
    """Each person's shown events, corrected, with source, key and first-seen time."""
    if person_ids is None:
        entries = queries._entries(session, EventRow.person_id.is_not(None))
    else:
        entries = [
            entry
            for part in queries.chunks(person_ids)
            for entry in queries._entries(session, EventRow.person_id.in_(part))
        ]
    seen: dict[str, datetime] = {}
    for part in queries.chunks(row.key for row, _ in entries):
        seen.update(
            session.execute(
                select(EventFirstSeenRow.key, EventFirstSeenRow.first_seen).where(
                    EventFirstSeenRow.key.in_(part)
                )
            ).all()
        )
    found: dict[int, list[SourcedEvent]] = defaultdict(list)
    for row, entry in entries:
        if row.person_id is None:
            continue
        found[row.person_id].append(
            SourcedEvent(
                event=entry.event,
                source=entry.sources[0],
                key=row.key,
                event_id=row.id,
                first_seen=seen.get(row.key) or row.created_at,
            )
        )
    return found


def resolved(summary: PersonSummary) -> ResolvedPerson:
    return ResolvedPerson(summary.id, summary.name, summary.names, summary.kind)  # type: ignore[arg-type]


# --- keeping the lines ----------------------------------------------------------------


def materialised_day(session: Session) -> date:
    """The day the lines are computed for: the last day a list was read for, else today."""
    state = session.get(CaseResolutionRow, 1)
    return (state.today if state is not None else None) or date.today()


def refresh(session: Session, person_ids: Collection[int], today: date | None = None) -> None:
    """Compute these people's lines again (and drop those of people without a case)."""
    today = today or materialised_day(session)
    ids = sorted(set(person_ids))
    before = Counter(
        kind
        for part in queries.chunks(ids)
        for kind in session.scalars(select(CaseFileRow.kind).where(CaseFileRow.person_id.in_(part)))
    )
    for part in queries.chunks(ids):
        session.execute(delete(CaseFileRow).where(CaseFileRow.person_id.in_(part)))
    session.flush()
    reviewed: dict[int, list[ReviewedEvent]] = defaultdict(list)
    for part in queries.chunks(ids):
        for item in reviewed_events(session, EventRow.person_id.in_(part)):
            reviewed[item.person_id or 0].append(item)
    found = {  # the case's reports, as `reports` reads them (first-seen times play no part)
        person: [
            SourcedEvent(event=item.event, source=item.source, key=item.key, event_id=item.id)
            for item in items
            if item.state != "rejected"
        ]
        for person, items in reviewed.items()
    }
    people = queries.summaries(session, [person for person, shown in found.items() if shown])
    titles = _titles(session, (item.article_id for items in reviewed.values() for item in items))
    lines, countries, entries, texts, dates = [], [], [], [], []
    for person in people:
        case = assemble_case(resolved(person), found[person.id], today)
        shown = view(case, sorted(reviewed[person.id], key=chronological), today)
        entries += case_filters.entry_rows(person.id, person.kind, shown)
        texts.append(case_filters.search_row(person.id, person.kind, shown, titles))
        dates += case_dates.date_rows(case, today)
        valid_from, valid_until = _days_alike(case, today)
        summary = shown.to_json()
        lines.append(
            {
                "person_id": person.id,
                "kind": person.kind,
                "sort_name": person.name.casefold(),
                "next_date": summary["next_date"],
                "last_change": shown.last_change,
                "country": summary["country"],
                "valid_from": valid_from,
                "valid_until": valid_until,
                "summary": summary,
            }
        )
        kept = {entry.country for entry in shown.entries if entry.country}
        countries += [
            {"person_id": person.id, "kind": person.kind, "country": c} for c in sorted(kept)
        ]
    if lines:
        session.execute(insert(CaseFileRow), lines)
    for table, rows in (
        (CaseCountryRow, countries),
        (CaseEntryRow, entries),
        (CaseSearchRow, texts),
        (CaseDateRow, dates),
    ):
        if rows:
            session.execute(insert(table), rows)
    _count(session, before, Counter(line["kind"] for line in lines))
    session.flush()


def _count(session: Session, before: Counter[str], after: Counter[str]) -> None:
    """Keep `case_file_counts` right: the lines of each kind before and after a refresh."""
    for kind in sorted(before | after):
        change = after[kind] - before[kind]
        if not change:
            continue
        done = session.execute(
            update(CaseCountRow)
            .where(CaseCountRow.kind == kind)
            .values(total=CaseCountRow.total + change)
        )
        if not done.rowcount:  # type: ignore[attr-defined]
            session.execute(insert(CaseCountRow).values(kind=kind, total=change))


def _titles(session: Session, article_ids: Iterable[str]) -> dict[str, str]:
    """The titles of these articles (what a case's search text holds of them)."""
    return {
        article_id: title or ""
        for part in queries.chunks(article_ids)
        for article_id, title in session.execute(
            select(ArticleRow.id, ArticleRow.title).where(ArticleRow.id.in_(part))
        )
    }


def stale(session: Session, today: date) -> list[int]:
    """The people whose lines do not hold for `today` (one of their dates lies between)."""
    outside = or_(CaseFileRow.valid_from > today, CaseFileRow.valid_until <= today)
    return list(session.scalars(select(CaseFileRow.person_id).where(outside)))


def refresh_day(session: Session, today: date) -> None:
    """Make the lines hold for `today`: recompute the stale ones, remember the day."""
    state = session.get(CaseResolutionRow, 1)
    if state is not None:
        state.today = today
    refresh(session, stale(session, today), today)


def _days_alike(case: Case, today: date) -> tuple[date, date]:
    """The days around `today` for which the case reads the same.

    The case layer compares the day only with its events' dates (a scheduled
    date passed, the next date to come), so the line changes only on the
    first day of a date or the day after its last.
    """
    bounds = {date.min, date.max}
    for event in case.events:
        for value in {event.date, *(s.event.date for s in event.sources)}:
            bounds |= _edges(value)
    return max(b for b in bounds if b <= today), min(b for b in bounds if b > today)


def _edges(value: str | None) -> set[date]:
    try:
        if value is None or len(value) not in (4, 7, 10):
            return set()
        year = int(value[:4])
        if len(value) == 4:
            first, last = date(year, 1, 1), date(year, 12, 31)
        elif len(value) == 7:
            month = int(value[5:7])
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first = last = date.fromisoformat(value)
        return {first, last + timedelta(days=1)} if last < date.max else {first}
    except ValueError:
        return set()  # a date the layer cannot read either


# --- reading pages ----------------------------------------------------------------------


_SORT_COLUMNS = {
    "name": CaseFileRow.sort_name,
    "next_date": CaseFileRow.next_date,
    "last_change": CaseFileRow.last_change,
    "country": CaseFileRow.country,
}


def holds_for(session: Session, today: date) -> bool:
    """Whether the lines are indexed and hold for `today` (the read of nearly every request)."""
    state = session.get(CaseResolutionRow, 1)
    if state is None or state.fingerprint != INDEX_VERSION or state.today != today:
        return False
    return not stale(session, today)


def page(
    session: Session,
    kind: str = "person",
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    wanted: CaseFilter | None = None,
) -> CasePage:
    """A page of the materialised lines of one kind of case, in a stable order (limit 0: all).

    Cases with the sort value come first, ordered by it (reversed when
    `descending`) then by person id, then those without it, by person id:
    index range reads that stop at the page's end. `wanted` keeps the
    cases a filter matches (`case_filters`); `total` is the whole list's
    size, read from `case_file_counts` (kept by `refresh`), `matched`
    what the filter kept (counted: as many as it matches). The countries are read by
    skipping through their index, one probe per country.
    """
    if sort not in SORTS:
        raise CasefileError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    offset, limit = max(offset, 0), max(limit, 0)
    column = _SORT_COLUMNS[sort]
    ours = CaseFileRow.kind == kind
    kept = case_filters.condition(session, kind, wanted) if wanted else true()
    count = select(func.count()).select_from(CaseFileRow)
    total = session.scalar(select(CaseCountRow.total).where(CaseCountRow.kind == kind)) or 0
    matched = session.scalar(count.where(ours, kept)) or 0 if wanted else total
    tie = CaseFileRow.person_id.asc()  # ties by id both ways, as the lists always had them
    first = _rows(
        session,
        select(CaseFileRow.summary)
        .where(ours, kept, column.is_not(None))
        .order_by(column.desc() if descending else column.asc(), tie),
        offset,
        limit,
    )
    rest: list[dict[str, Any]] = []
    if not limit or len(first) < limit:
        valued = (
            offset + len(first)
            if first
            else session.scalar(count.where(ours, kept, column.is_not(None))) or 0
        )  # the page ran past the valued lines: their count is where it did
        rest = _rows(
            session,
            select(CaseFileRow.summary).where(ours, kept, column.is_(None)).order_by(tie),
            max(offset - valued, 0),
            limit - len(first) if limit else 0,
        )
    return CasePage(
        cases=[*first, *rest],
        total=total,
        matched=matched,
        offset=offset,
        limit=limit,
        sort=sort,
        descending=descending,
        countries=countries(session, kind),
    )


def countries(session: Session, kind: str) -> list[str]:
    """The countries of a kind's cases, one index probe each (a loose index scan).

    `SELECT DISTINCT` would read every case's countries; this asks the index
    for the smallest country after the last one found, in one recursive
    query that SQLite and PostgreSQL both run from the index.
    """
    return sorted(session.scalars(_COUNTRIES, {"kind": kind}))


def _loose_scan() -> Select[tuple[str]]:
    table, kind = CaseCountryRow, bindparam("kind", type_=String)
    found = (select(func.min(table.country).label("country")).where(table.kind == kind)).cte(
        "found", recursive=True
    )
    following = (
        select(func.min(table.country))
        .where(table.kind == kind, table.country > found.c.country)
        .scalar_subquery()
    )
    found = found.union_all(select(following).where(found.c.country.is_not(None)))
    return select(found.c.country).where(found.c.country.is_not(None))


_COUNTRIES = _loose_scan()  # built once: building it costs more than running it


def _rows(
    session: Session, query: Select[tuple[dict[str, Any]]], offset: int, limit: int
) -> list[dict[str, Any]]:
    query = query.offset(offset)
    return list(session.scalars(query.limit(limit) if limit else query))
