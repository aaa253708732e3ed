"""Reading the store back into model classes: articles, people, timelines, upcoming events.

Every event read goes through `_entries`, which applies the analyst's
corrections and drops rejected events, so no reader can forget to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, distinct, func, select
from sqlalchemy.orm import Session, defer

from casefile.model import Article, Cut, Event, Source, Timeline, TimelineEntry
from casefile.store.events import Review, corrected, review
from casefile.store.results import PersonSummary
from casefile.store.schema import (
    ArticleRow,
    CorrectionRow,
    EventRow,
    ExtractionRunRow,
    PersonNameRow,
    PersonRow,
    utcnow,
)


def to_article(row: ArticleRow) -> Article:
    return Article(
        text=row.text,
        published=row.published,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        source_id=row.source_id,
        cuts=tuple(Cut(**cut) for cut in row.cuts),
        fetched_at=row.fetched_at,
        id=row.id,
    )


def cuts_json(article: Article) -> list[dict[str, Any]]:
    return [cut.to_json() for cut in article.cuts]


def to_event(row: EventRow | Row[Any]) -> Event:
    """The event as stored (the machine's or analyst's reading, before corrections)."""
    return Event(
        type=row.type,
        subject=row.subject,
        evidence=row.evidence,
        span=(row.span_start, row.span_end),
        date=row.date,
        date_text=row.date_text,
        date_from=row.date_from,  # type: ignore[arg-type]
        status=row.status,  # type: ignore[arg-type]
        outcome=row.outcome,
        country=row.country,
        agent=row.agent,
        certainty=row.certainty,  # type: ignore[arg-type]
        rule=row.rule,
    )


# At most this many values in one IN list: PostgreSQL's driver takes 65,535
# parameters per statement, and a list that grows with the store must not.
CHUNK = 1000

T = TypeVar("T")


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """The distinct values, a bounded list at a time (for IN lists)."""
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def reviews(session: Session, keys: Iterable[str] | None) -> dict[str, Review]:
    """The corrections of each event key (of every key when None), folded, oldest first."""
    actions: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    query = select(CorrectionRow.event_key, CorrectionRow.action, CorrectionRow.changes).order_by(
        CorrectionRow.at, CorrectionRow.id
    )
    parts = (
        [query]
        if keys is None
        else [query.where(CorrectionRow.event_key.in_(part)) for part in chunks(keys)]
    )
    for part in parts:  # each key's corrections are all in one part, in order
        for key, action, changes in session.execute(part):
            actions[key].append((action, changes))
    return {key: review(pairs) for key, pairs in actions.items()}


def with_articles(where: ColumnElement[bool]) -> Select[EventRow, ArticleRow]:
    """Events matching `where` with their article (its text left unread: sources need none)."""
    return (
        select(EventRow, ArticleRow)
        .join(ArticleRow)
        .where(where)
        .options(defer(ArticleRow.text), defer(ArticleRow.cuts))
    )


def _entries(session: Session, where: ColumnElement[bool]) -> list[tuple[EventRow, TimelineEntry]]:
    """Events matching `where`, corrected, rejected ones dropped, each with its source."""
    rows = list(session.execute(with_articles(where)))
    by_key = reviews(session, [event.key for event, _ in rows])
    found = []
    for event, article in rows:
        verdict = by_key.get(event.key, Review())
        if verdict.rejected:
            continue
        shown = corrected(to_event(event), verdict.changes)
        source = Source(
            article_id=article.id,
            article_label=article.source_id or article.id,
            evidence=event.evidence,
            certainty=shown.certainty,
            outlet=article.outlet,
            published=article.published,
            url=article.url,
        )
        found.append((event, TimelineEntry(event=shown, sources=(source,), event_id=event.id)))
    return found


def _chronological(entry: TimelineEntry) -> tuple[Any, ...]:
    """Date order, undated last; same date: by publication, then position in the article."""
    source = entry.sources[0]
    return (
        entry.event.date is None,
        entry.event.date or "",
        source.published or date.max,
        entry.event.span,
    )


def summaries(session: Session, person_ids: list[int] | None = None) -> list[PersonSummary]:
    """People with their spellings and counts, ordered by name."""
    if person_ids is None:
        rows = list(session.scalars(select(PersonRow)))
    else:
        rows = [
            row
            for part in chunks(person_ids)
            for row in session.scalars(select(PersonRow).where(PersonRow.id.in_(part)))
        ]
    counts: dict[int | None, tuple[int, int]] = {}
    names: dict[int, list[str]] = defaultdict(list)
    for wanted in chunks(person.id for person in rows):
        counts.update(
            (person_id, (events, articles))
            for person_id, events, articles in session.execute(
                select(
                    EventRow.person_id,
                    func.count(EventRow.id),
                    func.count(distinct(EventRow.article_id)),
                )
                .where(EventRow.person_id.in_(wanted), EventRow.review_state != "rejected")
                .group_by(EventRow.person_id)
            )
        )
        for person_id, form in session.execute(
            select(PersonNameRow.person_id, PersonNameRow.form)
            .where(PersonNameRow.person_id.in_(wanted))
            .order_by(PersonNameRow.id)
        ):
            names[person_id].append(form)
    found = [
        PersonSummary(
            id=person.id,
            name=person.name,
            names=tuple(names[person.id]),
            event_count=counts.get(person.id, (0, 0))[0],
            article_count=counts.get(person.id, (0, 0))[1],
            kind=person.kind,
        )
        for person in rows
    ]
    return sorted(found, key=lambda summary: (summary.name.casefold(), summary.id))


def timeline(session: Session, person: PersonSummary) -> Timeline:
    entries = [entry for _, entry in _entries(session, EventRow.person_id == person.id)]
    return Timeline(
        person_id=person.id,
        name=person.name,
        names=person.names,
        entries=tuple(sorted(entries, key=_chronological)),
    )


def article_row(article: Article) -> ArticleRow:
    """A new article's row (stored now)."""
    return ArticleRow(
        id=article.id,
        source_id=article.source_id,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        fetched_at=article.fetched_at,
        ingested_at=utcnow(),
        text=article.text,
        cuts=cuts_json(article),
    )


def extractors_of(session: Session, article_ids: Sequence[str]) -> dict[str, frozenset[str]]:
    """The extractor versions that have read each of these articles (those read at all)."""
    found: dict[str, set[str]] = {}
    for part in chunks(article_ids):
        query = select(ExtractionRunRow.article_id, ExtractionRunRow.extractor).where(
            ExtractionRunRow.article_id.in_(part)
        )
        for article_id, extractor in session.execute(query):
            found.setdefault(article_id, set()).add(extractor)
    return {article_id: frozenset(versions) for article_id, versions in found.items()}
