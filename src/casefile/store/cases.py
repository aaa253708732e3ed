"""The case layer over the store: people resolved across articles, case files, changes.

Saving an extraction links each subject to a person at once, by name alone
(`store.people.PeopleLinker`), so that a timeline is there right away.
Resolution proper (`cases.resolve`: context for doubtful names, the
analyst's merges and splits) needs every article, so it runs over the whole
store: `resolve_people` re-files every event under the person resolution
gives it, keeping each person's id where most of their events already were.
Reads call `ensure_resolved` first, which resolves again only when events,
corrections or decisions changed since the last time (a fingerprint kept in
`case_resolution`).

Cases are assembled on read from the corrected events (`cases.assemble_case`),
never stored: a correction or a new article changes them at once.

Every function takes the open session of the caller's transaction.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from casefile.cases import (
    Case,
    CaseChanges,
    CaseFile,
    Change,
    PersonDecision,
    ResolvedPerson,
    SourcedEvent,
    as_of,
    assemble_case,
    diff_case,
    mention_id,
    mentions_of,
    resolve,
    upcoming,
)
from casefile.cases.linked import linked_people
from casefile.cases.names import match_strength, name_key
from casefile.errors import CasefileError
from casefile.model import Article, Event, Extraction, Person
from casefile.store import queries
from casefile.store.cases_schema import (
    ArticlePersonRow,
    CaseResolutionRow,
    EventFirstSeenRow,
    PersonDecisionRow,
)
from casefile.store.events import Review, corrected
from casefile.store.people import _LINKING_LOCK
from casefile.store.results import PersonSummary
from casefile.store.schema import (
    ArticleRow,
    AuditRow,
    CorrectionRow,
    EventRow,
    PersonNameRow,
    PersonRow,
    utcnow,
)


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


@dataclasses.dataclass
class _Stored:
    """Every event row with its corrected reading, and the articles' context."""

    rows: list[tuple[EventRow, Event, bool]]  # row, corrected event, rejected
    articles: dict[str, ArticleRow]
    people: dict[str, tuple[Person, ...]]

    def extractions(self) -> list[Extraction]:
        """Each article's shown (not rejected) events, as the pure layer takes them."""
        events: dict[str, list[Event]] = defaultdict(list)
        for row, event, rejected in self.rows:
            if not rejected:
                events[row.article_id].append(event)
        return [
            Extraction(
                article=Article(text="", published=self.articles[a].published, id=a),
                people=self.people.get(a, ()),
                events=tuple(found),
            )
            for a, found in events.items()
        ]


def _load(session: Session) -> _Stored:
    rows = list(session.scalars(select(EventRow).order_by(EventRow.id)))
    verdicts = queries.reviews(session, [row.key for row in rows])
    read = []
    for row in rows:
        verdict = verdicts.get(row.key, Review())
        read.append((row, corrected(queries.to_event(row), verdict.changes), verdict.rejected))
    ids = {row.article_id for row in rows}
    articles = {a.id: a for a in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))}
    people: dict[str, list[Person]] = defaultdict(list)
    for person in session.scalars(
        select(ArticlePersonRow)
        .where(ArticlePersonRow.article_id.in_(ids))
        .order_by(ArticlePersonRow.id)
    ):
        people[person.article_id].append(
            Person(person.name, tuple(person.mentions), person.kind)  # type: ignore[arg-type]
        )
    return _Stored(read, articles, {a: tuple(found) for a, found in people.items()})


def decisions(session: Session) -> list[PersonDecision]:
    """Every analyst decision about people, oldest first."""
    rows = session.scalars(
        select(PersonDecisionRow).order_by(PersonDecisionRow.at, PersonDecisionRow.id)
    )
    return [
        PersonDecision(row.action, tuple(row.first), tuple(row.second), row.who, row.at)  # type: ignore[arg-type]
        for row in rows
    ]


def _fingerprint(session: Session) -> str:
    """Changes whenever events, corrections, decisions or article people change."""
    events = session.execute(select(func.count(EventRow.id), func.max(EventRow.id))).one()
    parts = [
        *events,
        session.scalar(select(func.max(CorrectionRow.id))),
        session.scalar(select(func.count(PersonDecisionRow.id))),
        session.scalar(select(func.max(ArticlePersonRow.id))),
    ]
    return ":".join(str(part or 0) for part in parts)


def ensure_resolved(session: Session) -> None:
    """Resolve people again if anything they are resolved from changed since last time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_LINKING_LOCK)))
    state = session.get(CaseResolutionRow, 1)
    if state is not None and state.fingerprint == _fingerprint(session):
        return
    resolve_people(session)


def resolve_people(session: Session) -> dict[str, int]:
    """Re-file every event under the person resolution gives it; returns mention id -> person id.

    A person keeps the id most of their events already had, so ids stay put
    across runs; a person split off gets a new one. People left without
    events are deleted, each person's spellings are the forms resolution saw.
    """
    stored = _load(session)
    mentions = [m for x in stored.extractions() for m in mentions_of(x)]
    people = resolve(mentions, decisions(session))
    rows_of: dict[str, list[EventRow]] = defaultdict(list)
    for row, event, _ in stored.rows:
        rows_of[mention_id(row.article_id, event.subject)].append(row)
    existing = {p.id: p for p in session.scalars(select(PersonRow))}
    taken: set[int] = set()
    assigned: dict[str, int] = {}
    by_size = sorted(people, key=lambda p: -sum(len(rows_of[m]) for m in p.mentions))
    for person in by_size:
        rows = [row for m in person.mentions for row in rows_of[m]]
        votes = Counter(row.person_id for row in rows if row.person_id in existing)
        kept = next((pid for pid, _ in votes.most_common() if pid not in taken), None)
        found = existing[kept] if kept is not None else _new_person(session, person)
        taken.add(found.id)
        found.name, found.kind = person.name, person.kind
        _set_names(session, found.id, person.names)
        for event_row in rows:
            if event_row.person_id != found.id:
                event_row.person_id = found.id
        assigned.update({m: found.id for m in person.mentions})
    session.flush()
    has_events = exists().where(EventRow.person_id == PersonRow.id)
    session.execute(delete(PersonRow).where(~has_events))
    state = session.get(CaseResolutionRow, 1) or CaseResolutionRow(id=1)
    state.fingerprint, state.resolved_at = _fingerprint(session), utcnow()
    session.add(state)
    session.flush()
    return assigned


def _new_person(session: Session, person: ResolvedPerson) -> PersonRow:
    row = PersonRow(name=person.name, kind=person.kind, created_at=utcnow())
    session.add(row)
    session.flush()
    return row


def _set_names(session: Session, person_id: int, names: Sequence[str]) -> None:
    rows = list(session.scalars(select(PersonNameRow).where(PersonNameRow.person_id == person_id)))
    have = {row.form: row for row in rows}
    for form, row in have.items():
        if form not in names:
            session.delete(row)
    session.add_all(
        PersonNameRow(person_id=person_id, form=form, key=name_key(form))
        for form in dict.fromkeys(names)
        if form not in have
    )


# --- reading cases -----------------------------------------------------------------


def reports(
    session: Session, person_ids: Iterable[int] | None = None
) -> dict[int, list[SourcedEvent]]:
    """Each person's shown events, corrected, with source, key and first-seen time."""
    where = EventRow.person_id.is_not(None)
    if person_ids is not None:
        where = EventRow.person_id.in_(list(person_ids))
    entries = queries._entries(session, where)
    seen = dict(
        session.execute(
            select(EventFirstSeenRow.key, EventFirstSeenRow.first_seen).where(
                EventFirstSeenRow.key.in_([row.key for row, _ in entries])
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


def _resolved(summary: PersonSummary) -> ResolvedPerson:
    return ResolvedPerson(summary.id, summary.name, summary.names, summary.kind)  # type: ignore[arg-type]


def all_cases(session: Session, today: date | None) -> list[Case]:
    """Every person with at least one shown event, by name."""
    ensure_resolved(session)
    found = reports(session)
    return [
        assemble_case(_resolved(person), found[person.id], today)
        for person in queries.summaries(session, list(found))
    ]


def case_file(session: Session, person: PersonSummary, today: date) -> CaseFile:
    """One person's case with the people named beside them and their upcoming dates."""
    case = assemble_case(_resolved(person), reports(session, [person.id]).get(person.id, []), today)
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
        assemble_case(_resolved(p), others[p.id], today)
        for p in queries.summaries(session, list(others))
    ]
    linked = linked_people(case, people, texts, [case, *other_cases])
    return CaseFile(case, tuple(linked), upcoming(case, today), today)


# --- changes -----------------------------------------------------------------------


def changes(session: Session, since: datetime, today: date | None) -> list[CaseChanges]:
    """What is new or changed in each case since `since`: events, decisions, corrections."""
    ensure_resolved(session)
    found = reports(session)
    summaries = {p.id: p for p in queries.summaries(session, list(found))}
    extra = _analyst_changes(session, since, found)
    listed = []
    for person_id, person_reports in found.items():
        person = _resolved(summaries[person_id])
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
    return resolve_people(session)[ours[0]]


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
    assigned = resolve_people(session)
    return assigned[rest[0]], assigned[part[0]]


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

    _session: sessionmaker[Session]
    find_person: Callable[[str], PersonSummary]

    def resolve_people(self) -> None:
        """Resolve people across every stored article now (ingestion does this after a batch)."""
        with self._session.begin() as session:
            ensure_resolved(session)

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
