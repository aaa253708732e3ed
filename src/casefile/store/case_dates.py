"""The agenda in the store: each case's upcoming dates and dates passed with no news since.

`/upcoming`, its JSON and CSV twins, the iCalendar feed and `casefile
upcoming` list every case's upcoming hearings and deadlines, and the
scheduled dates now past that no report followed up (`cases.agenda`
decides both). They used to build every case of the store on each request.
Now each case's agenda items are computed with its line
(`store.case_index.refresh`) and kept in `case_file_dates`, one row per
merged event, so a page of the agenda is an index range read:

- upcoming, soonest first: by date, then name (case-folded), person id and
  the agenda's own order within the case; a window of `days` is the rows
  dated up to its last day (a month counts when it starts in the window,
  as `cases.agenda.upcoming` counts it);
- passed with no news since, latest first: by date, then name, both
  descending, then person id and the agenda's order.

Which dates are upcoming depends on the day only through the dates
themselves, so the rows hold for as long as the case's line does
(`case_index`, `valid_from`/`valid_until`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.cases import Case, agenda
from casefile.store.cases_schema import CaseDateRow
from casefile.store.lite import OVERDUE, UPCOMING
from casefile.store.results import UpcomingEvent, agenda_item, item_from_json, item_json


@dataclass(frozen=True)
class AgendaPage:
    """One page of agenda items and how many the whole list has."""

    items: list[UpcomingEvent]
    total: int


def date_rows(case: Case, today: date) -> list[dict[str, Any]]:
    """The rows of a case's agenda as of `today` (every upcoming date, whatever the window)."""
    return [
        {
            "person_id": case.person,
            "which": which,
            "date": event.date or "",
            "person": case.name,
            "sort_name": case.name.casefold(),
            "seq": seq,
            "item": item_json(agenda_item(case, event)),
        }
        for which, events in (
            (UPCOMING, agenda.upcoming(case.events, today)),
            (OVERDUE, agenda.overdue(case.events, today)),
        )
        for seq, event in enumerate(events)
    ]


def upcoming(
    session: Session, today: date, days: int | None, offset: int = 0, limit: int = 0
) -> AgendaPage:
    """Upcoming dates from `today` to `today + days` (None: all), soonest first (limit 0: all)."""
    where = [CaseDateRow.which == UPCOMING]
    if days is not None:
        where.append(CaseDateRow.date <= (today + timedelta(days=days)).isoformat())
    order = (CaseDateRow.date, CaseDateRow.sort_name, CaseDateRow.person_id, CaseDateRow.seq)
    return _page(session, where, order, offset, limit)


def overdue(session: Session, offset: int = 0, limit: int = 0) -> AgendaPage:
    """Dates passed with no news since, latest first (limit 0: all)."""
    order = (
        CaseDateRow.date.desc(),
        CaseDateRow.person.desc(),
        CaseDateRow.person_id,
        CaseDateRow.seq,
    )
    return _page(session, [CaseDateRow.which == OVERDUE], order, offset, limit)


def _page(
    session: Session, where: list[Any], order: tuple[Any, ...], offset: int, limit: int
) -> AgendaPage:
    total = session.scalar(select(func.count()).select_from(CaseDateRow).where(*where)) or 0
    query = select(CaseDateRow.item).where(*where).order_by(*order).offset(max(offset, 0))
    rows = session.scalars(query.limit(limit) if limit > 0 else query)
    return AgendaPage([item_from_json(row) for row in rows], total)
