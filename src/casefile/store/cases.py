"""The case layer over the store: people resolved across articles, case files, changes.

Every write that changes what people are resolved from (an extraction, a
correction, an analyst's event, a merge or split) re-resolves, in its own
transaction, only the people it touches (`store.resolution`), and computes
their case-list lines again (`store.case_index`). So reads never resolve:
`cases()` and `case()` assemble cases from the corrected events
(`cases.assemble_case`), and the lists read the materialised lines a page at
a time (`case_page`). A store migrated from before the index is indexed and
resolved in full once, on first use (`ensure_resolved`).

Every function takes the open session of the caller's transaction.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from casefile.cases import (
    Case,
    CaseChanges,
    CaseFile,
    Change,
    ResolvedPerson,
    SourcedEvent,
    as_of,
    assemble_case,
    diff_case,
    mention_id,
    upcoming,
)
from casefile.cases.linked import linked_people
from casefile.cases.names import match_strength, name_key
from casefile.errors import CasefileError
from casefile.model import Extraction, Person
from casefile.store import case_dates, case_index, queries, resolution
from casefile.store.case_filters import CaseFilter
from casefile.store.case_index import reports, resolved
from casefile.store.cases_schema import (
    ArticlePersonRow,
    CaseMentionRow,
    CasePendingRow,
    EventFirstSeenRow,
    PersonDecisionRow,
)
from casefile.store.results import PersonSummary, UpcomingEvent
from casefile.store.schema import (
    ArticleRow,
    AuditRow,
    CorrectionRow,
    EventRow,
    utcnow,
)

T = TypeVar("T")


class DecisionError(CasefileError):
    """An analyst's merge or split that cannot be made as asked."""


# --- written with every extraction -------------------------------------------------


def record_extraction(session: Session, extraction: Extraction, keys: Iterable[str]) -> None:
    """First-seen times of new event keys, and the people the article names."""
    article_id = extraction.article.id
    record_first_seen(session, article_id, keys)
    session.execute(delete(ArticlePersonRow).where(ArticlePersonRow.article_id == article_id))
    session.add_all(
        ArticlePersonRow(
            article_id=article_id,
            name=person.name,
            kind=person.kind,
            mentions=list(person.mentions),
        )
        for person in extraction.people
    )


def keep_people(session: Session, article_id: str, rows: Iterable[EventRow]) -> None:
    """New rows of a re-extracted article stay with the people their keys were filed under.

    The key holds the subject's surname, so the same key is the same
    subject; keeping its person keeps person ids, and the analysts' merges
    and splits they carry, stable across re-extraction.
    """
    before = dict(
        session.execute(
            select(EventRow.key, EventRow.person_id).where(
                EventRow.article_id == article_id, EventRow.person_id.is_not(None)
            )
        ).all()
    )
    for row in rows:
        if before.get(row.key) is not None:
            row.person_id = before[row.key]


def record_first_seen(session: Session, article_id: str, keys: Iterable[str]) -> None:
    """Remember when each event key was first seen; keys seen before keep their time."""
    keys = list(dict.fromkeys(keys))
    known = set(
        session.scalars(select(EventFirstSeenRow.key).where(EventFirstSeenRow.key.in_(keys)))
    )
    now = utcnow()
    session.add_all(
        EventFirstSeenRow(key=key, article_id=article_id, first_seen=now)
        for key in keys
        if key not in known
    )


# --- resolution ------------------------------------------------------------------------


def changed(
    session: Session, article_ids: Collection[str], mention_ids: Collection[str] = ()
) -> set[int]:
    """Re-resolve what a change to these articles (or a decision on these mentions) touches.

    Every write of events, corrections or decisions calls this in its own
    transaction (`store.resolution`), then the touched people's case files
    are computed again (`store.case_index`). Returns the person ids involved.
    """
    if not resolution.is_indexed(session):
        touched = resolution.resolve_all(session)
    else:
        touched = resolution.resolve_articles(session, article_ids, mention_ids)
    case_index.refresh(session, touched)
    return touched


def ensureresolved(session: Session) -> None:
    """Index and resolve the whole store once if it never was (a store migrated from before)."""
    if not resolution.is_indexed(session):
        case_index.refresh(session, resolution.resolve_all(session))


def resolve_people(session: Session) -> None:
    """Resolve every mention of the store again from scratch (the index is rebuilt too)."""
    case_index.refresh(session, resolution.resolve_all(session))
    session.execute(delete(CasePendingRow))  # nothing is left to resolve


def person_of_mention(session: Session, mention: str) -> int:
    person = session.scalar(select(CaseMentionRow.person_id).where(CaseMentionRow.id == mention))
    if person is None:
        raise DecisionError(f"mention {mention} belongs to nobody after resolution")
    return person


# --- reading cases -----------------------------------------------------------------


def all_cases(session: Session, today: date | None) -> list[Case]:
    """Every person with at least one shown event, by name."""
    ensureresolved(session)
    found = reports(session)
    return [
        assemble_case(resolved(person), found[person.id], today)
        for person in queries.summaries(session, list(found))
    ]


def case_file(session: Session, person: PersonSummary, today: date) -> CaseFile:
    """One person's case with the people named beside them and their upcoming dates."""
    case = assemble_case(resolved(person), reports(session, [person.id]).get(person.id, []), today)
    articles = {s.source.article_id for e in case.events for s in e.sources}
    people: dict[str, list[Person]] = defaultdict(list)
    for row in session.scalars(
        select(ArticlePersonRow).where(ArticlePersonRow.article_id.in_(articles))
    ):
        people[row.article_id].append(Person(row.name, tuple(row.mentions), row.kind))  # type: ignore[arg-type]
    texts = dict(
        session.execute(
            select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(articles))
        ).all()
    )
    neighbours = {
        person_id
        for person_id in session.scalars(
            select(EventRow.person_id).where(
                EventRow.article_id.in_(articles), EventRow.person_id != person.id
            )
        )
        if person_id is not None
    }
    others = reports(session, neighbours)
    other_cases = [
        assemble_case(resolved(p), others[p.id], today)
        for p in queries.summaries(session, list(others))
    ]
    linked = linked_people(case, people, texts, [case, *other_cases])
    return CaseFile(case, tuple(linked), upcoming(case, today), today)


# --- changes -----------------------------------------------------------------------


def changes(session: Session, since: datetime, today: date | None) -> list[CaseChanges]:
    """What is new or changed in each case since `since`: events, decisions, corrections."""
    ensureresolved(session)
    found = reports(session)
    summaries = {p.id: p for p in queries.summaries(session, list(found))}
    extra = _analyst_changes(session, since, found)
    listed = []
    for person_id, person_reports in found.items():
        person = resolved(summaries[person_id])
        fresh = [r for r in person_reports if r.first_seen is not None and r.first_seen >= since]
        items: list[Change] = []
        after = assemble_case(person, person_reports, today)
        if fresh:
            old = as_of(person_reports, since)
            before = (
                assemble_case(_names_then(person, old, person_reports), old, today) if old else None
            )
            items = diff_case(before, after)
        items += extra.get(person_id, [])
        if items:
            listed.append(CaseChanges(person_id, person.name, after.stage, tuple(items)))
    return sorted(listed, key=lambda c: (c.name.casefold(), c.person))


def _names_then(
    person: ResolvedPerson, old: list[SourcedEvent], now: list[SourcedEvent]
) -> ResolvedPerson:
    """The person's spellings minus the subjects only new reports wrote."""
    old_keys = {name_key(r.event.subject) for r in old}
    new_only = {name_key(r.event.subject) for r in now} - old_keys
    return dataclasses.replace(
        person, names=tuple(n for n in person.names if name_key(n) not in new_only)
    )


def _analyst_changes(
    session: Session, since: datetime, found: dict[int, list[SourcedEvent]]
) -> dict[int, list[Change]]:
    """Corrections of a case's events and decisions about its person since `since`."""
    person_of_key = {r.key: pid for pid, rs in found.items() for r in rs if r.key}
    extra: dict[int, list[Change]] = defaultdict(list)
    for row in session.scalars(
        select(CorrectionRow).where(CorrectionRow.at >= since).order_by(CorrectionRow.at)
    ):
        person_id = person_of_key.get(row.event_key)
        if person_id is not None:
            what = ", ".join(f"{k} {v}" for k, v in row.changes.items())
            extra[person_id].append(
                Change(
                    "correction",
                    f"event {row.action}ed by {row.who}" + (f": {what}" if what else ""),
                )
            )
    mentions = {
        mention_id(r.source.article_id, r.event.subject): pid
        for pid, rs in found.items()
        for r in rs
    }
    for decision in session.scalars(
        select(PersonDecisionRow)
        .where(PersonDecisionRow.at >= since)
        .order_by(PersonDecisionRow.at)
    ):
        touched = {mentions[m] for m in (*decision.first, *decision.second) if m in mentions}
        names = " / ".join(decision.names)
        for person_id in touched:
            text = f"{decision.action} by {decision.who}: {names}"
            extra[person_id].append(Change("decision", text))
    return extra


# --- analyst decisions -------------------------------------------------------------------


def person_mentions(session: Session, person_id: int) -> list[tuple[str, str, str]]:
    """(mention id, subject, article label) of a person's shown events."""
    found = reports(session, [person_id]).get(person_id, [])
    mentions = {
        mention_id(r.source.article_id, r.event.subject): (r.event.subject, r.source.article_label)
        for r in found
    }
    return [(m, subject, label) for m, (subject, label) in mentions.items()]


def merge(session: Session, first: PersonSummary, second: PersonSummary, who: str) -> int:
    """Record that two people are one; returns the merged person's id."""
    _require_who(who)
    if first.id == second.id:
        raise DecisionError(f"{first.name} (#{first.id}) and {second.name} are already one person")
    ours = [m for m, _, _ in person_mentions(session, first.id)]
    theirs = [m for m, _, _ in person_mentions(session, second.id)]
    if not ours or not theirs:
        empty = first if not ours else second
        raise DecisionError(f"{empty.name} (#{empty.id}) has no events to merge")
    _decide(session, "merge", ours, theirs, [first.name, second.name], who)
    changed(session, (), [*ours, *theirs])
    return person_of_mention(session, ours[0])


def split(
    session: Session,
    person: PersonSummary,
    names: Sequence[str],
    articles: Sequence[str],
    who: str,
) -> tuple[int, int]:
    """Take the mentions named `names` or from `articles` out of a person; returns both ids."""
    _require_who(who)
    mentions = person_mentions(session, person.id)
    wanted = set(articles)
    part = [
        m
        for m, subject, label in mentions
        if any(match_strength(name, subject) >= 2 for name in names)
        or label in wanted
        or m.split(":", 1)[0] in wanted
    ]
    rest = [m for m, _, _ in mentions if m not in part]
    if not part:
        raise DecisionError(
            f"no event of {person.name} (#{person.id}) is under those names or articles: "
            "`casefile case` lists its sources"
        )
    if not rest:
        raise DecisionError(f"that would take every event from {person.name}: nothing to split")
    _decide(session, "split", part, rest, [person.name, *names, *articles], who)
    changed(session, (), [*part, *rest])
    return person_of_mention(session, rest[0]), person_of_mention(session, part[0])


def _require_who(who: str) -> None:
    if not who.strip():
        raise DecisionError("a decision needs the name of who made it")


def _decide(
    session: Session, action: str, first: list[str], second: list[str], names: list[str], who: str
) -> None:
    _require_who(who)
    at = utcnow()
    session.add(
        PersonDecisionRow(action=action, first=first, second=second, names=names, who=who, at=at)
    )
    session.add(
        AuditRow(
            at=at,
            who=who,
            action=f"{action}_people",
            object_type="person",
            object_id=" / ".join(names)[:200],
            details={"first": first, "second": second, "names": names},
        )
    )
    session.flush()


# --- the Store methods ------------------------------------------------------------------


class CaseFiles:
    """Store methods of the case layer (mixed into `Store`); each one transaction."""

    def case_page(
        self,
        today: date,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = case_index.PAGE_SIZE,
        kind: str = "person",
        wanted: CaseFilter | None = None,
    ) -> case_index.CasePage:
        """A page of the case list (materialised lines, `CaseView.to_json()`), stably ordered.

        `wanted` filters and searches the list (`store.case_filters`), in
        the same indexed read.
        """
        return self._read_lines(
            today,
            lambda session: case_index.page(session, kind, sort, descending, offset, limit, wanted),
        )

    def upcoming_page(
        self, today: date, days: int | None = 30, offset: int = 0, limit: int = 0
    ) -> case_dates.AgendaPage:
        """Every case's upcoming dates from `today` to `today + days` (None: all), soonest
        first, one row per merged event (`cases.agenda`); a page of them (limit 0: all)."""
        return self._read_lines(
            today, lambda session: case_dates.upcoming(session, today, days, offset, limit)
        )

    def overdue_page(self, today: date, offset: int = 0, limit: int = 0) -> case_dates.AgendaPage:
        """Scheduled dates now past that no report followed up ("no news since"), latest
        first: the list a monitor must chase; a page of it (limit 0: all)."""
        return self._read_lines(today, lambda session: case_dates.overdue(session, offset, limit))

    def upcoming(self, today: date, days: int = 30) -> list[UpcomingEvent]:
        """Every case's upcoming dates from `today` to `today + days` (a month counts if it
        overlaps), soonest first: one row per merged event, as `cases.agenda` decides."""
        return self.upcoming_page(today, days).items

    def overdue(self, today: date) -> list[UpcomingEvent]:
        """Every scheduled date now past with no news since, latest first."""
        return self.overdue_page(today).items

    def _read_lines(self, today: date, read: Callable[[Session], T]) -> T:
        """`read` the materialised lines as they hold for `today`.

        Nearly every call is one read session: the lines hold for `today`.
        Lines computed for another day are brought up to `today` first; that
        touches only the cases one of whose dates lies between (and a store
        migrated from before the index is indexed in full, once).
        """
        with self._session() as session:
            if case_index.holds_for(session, today):
                return read(session)
        with self._session.begin() as session:
            resolution.lock(session)  # one request moves the lines; the others wait, then read
            if not case_index.holds_for(session, today):
                ensureresolved(session)
                case_index.refresh_day(session, today)
        with self._session() as session:
            return read(session)

    _session: sessionmaker[Session]
    find_person: Callable[[str], PersonSummary]

    def resolve_people(self, from_scratch: bool = False) -> None:
        """Make sure people are resolved: every write resolves what it touched already.

        A store migrated from before the case index is indexed and resolved
        in full the first time; `from_scratch` does that again on any store.
        """
        with self._session.begin() as session:
            if from_scratch:
                resolve_people(session)
            else:
                ensureresolved(session)

    def cases(self, today: date | None = None) -> list[Case]:
        """Every case in the store, by name: the `casefile cases --json` list."""
        with self._session.begin() as session:
            return all_cases(session, today)

    def case(self, name_or_id: str | int, today: date | None = None) -> CaseFile:
        """One person's case file: stage, timeline, linked people, upcoming dates."""
        self.resolve_people()
        person = self.find_person(str(name_or_id))
        with self._session() as session:
            return case_file(session, person, today or date.today())

    def changes(self, since: datetime | date, today: date | None = None) -> list[CaseChanges]:
        """What is new or changed in each case since `since` (a date means its midnight UTC)."""
        if not isinstance(since, datetime):
            since = datetime(since.year, since.month, since.day, tzinfo=UTC)
        with self._session.begin() as session:
            return changes(session, since, today)

    def merge_people(self, first: str | int, second: str | int, who: str) -> Case:
        """Record that two people are one; kept through re-processing. Returns the merged case."""
        self.resolve_people()
        one, other = self.find_person(str(first)), self.find_person(str(second))
        with self._session.begin() as session:
            merged = merge(session, one, other, who)
        return self.case(merged).case

    def split_person(
        self,
        person: str | int,
        names: Sequence[str] = (),
        articles: Sequence[str] = (),
        who: str = "",
    ) -> tuple[Case, Case]:
        """Take a person's events under `names` or from `articles` out; kept through re-processing.

        Returns the person's case as it remains and the new person's case.
        """
        self.resolve_people()
        found = self.find_person(str(person))
        with self._session.begin() as session:
            kept, taken = split(session, found, names, articles, who)
        return self.case(kept).case, self.case(taken).case
