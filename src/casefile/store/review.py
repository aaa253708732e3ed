"""What an analyst reviews: events with their review state, one article, the audit log.

`store.timeline` shows a case as it stands (corrected, rejected events
dropped). Reviewing needs more: rejected events too (to bring one back),
what the machine read before the corrections, when an event last changed,
and who did what. `ReviewReads` is mixed into `Store`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, sessionmaker

from casefile.errors import NotFoundError
from casefile.model import Article, Event, Source
from casefile.store import queries
from casefile.store.events import Review, corrected
from casefile.store.schema import ArticleRow, AuditRow, CorrectionRow, EventRow


@dataclass(frozen=True)
class ReviewedEvent:
    """A stored event as an analyst sees it: corrected, with its review state and source."""

    id: int
    key: str
    article_id: str
    person_id: int | None
    origin: str  # machine | analyst
    state: str  # unreviewed | confirmed | rejected | edited
    event: Event  # with the analyst's corrections applied
    machine: Event  # as read, before corrections
    source: Source
    extractor: str
    changed_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "article_id": self.article_id,
            "person_id": self.person_id,
            "origin": self.origin,
            "state": self.state,
            "extractor": self.extractor,
            "changed_at": self.changed_at.isoformat(),
            "event": self.event.to_json(),
            "as_read": self.machine.to_json(),
            "source": {
                "article_id": self.source.article_id,
                "article": self.source.article_label,
                "outlet": self.source.outlet,
                "published": self.source.published.isoformat() if self.source.published else None,
                "url": self.source.url,
                "evidence": self.source.evidence,
                "certainty": self.source.certainty,
            },
        }


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: who did what to which object, when."""

    id: int
    at: datetime
    who: str
    action: str
    object_type: str
    object_id: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "who": self.who,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "details": self.details,
        }


class ReviewReads:
    """Store methods for reviewing (mixed into `Store`)."""

    _session: sessionmaker[Session]

    def article(self, article_id: str) -> Article:
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"no article {article_id} in the store")
            return queries.to_article(row)

    def article_events(self, article_id: str) -> list[ReviewedEvent]:
        """Every event read in an article, rejected ones included, in text order."""
        with self._session() as session:
            found = reviewed_events(session, EventRow.article_id == article_id)
        return sorted(found, key=lambda item: (item.event.span, item.id))

    def person_events(self, person_id: int) -> list[ReviewedEvent]:
        """Every event of a person, rejected ones included, in date order (undated last)."""
        with self._session() as session:
            found = reviewed_events(session, EventRow.person_id == person_id)
        return sorted(found, key=chronological)

    def reviewed_event(self, event_id: int) -> ReviewedEvent:
        with self._session() as session:
            found = reviewed_events(session, EventRow.id == event_id)
        if not found:
            raise NotFoundError(f"no event {event_id}: it may have been re-extracted, reload")
        return found[0]

    def events_with_keys(self, keys: list[str]) -> dict[str, ReviewedEvent]:
        """The stored events with these keys (those re-extracted away are missing), by key."""
        if not keys:
            return {}
        with self._session() as session:
            found = reviewed_events(session, EventRow.key.in_(sorted(set(keys))))
        return {item.key: item for item in found}

    def audit_log(
        self,
        since: datetime | None = None,
        object_id: str | None = None,
        limit: int = 200,
        object_ids: list[str] | None = None,
    ) -> list[AuditEntry]:
        """The newest audit entries first, optionally since a time or about some objects."""
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
        if since is not None:
            query = query.where(AuditRow.at >= since)
        if object_id is not None:
            query = query.where(AuditRow.object_id == object_id)
        if object_ids is not None:
            query = query.where(AuditRow.object_id.in_(sorted(set(object_ids))))
        with self._session() as session:
            return [
                AuditEntry(
                    row.id, row.at, row.who, row.action, row.object_type, row.object_id, row.details
                )
                for row in session.scalars(query)
            ]


def chronological(item: ReviewedEvent) -> tuple[Any, ...]:
    """Date order, undated last; same date: by publication, then position in the article."""
    return (
        item.event.date is None,
        item.event.date or "",
        item.source.published or date.max,
        item.event.span,
        item.id,
    )


def reviewed_events(session: Session, where: ColumnElement[bool]) -> list[ReviewedEvent]:
    rows = list(session.execute(queries.with_articles(where)))
    keys = [event.key for event, _ in rows]
    verdicts = queries.reviews(session, keys)
    last_corrected = {
        key: at
        for part in queries.chunks(keys)
        for key, at in session.execute(
            select(CorrectionRow.event_key, func.max(CorrectionRow.at))
            .where(CorrectionRow.event_key.in_(part))
            .group_by(CorrectionRow.event_key)
        )
    }
    found = []
    for row, article in rows:
        verdict = verdicts.get(row.key, Review())
        machine = queries.to_event(row)
        shown = corrected(machine, verdict.changes)
        changed = max(_aware(row.created_at), _aware(last_corrected.get(row.key) or row.created_at))
        source = Source(
            article_id=article.id,
            article_label=article.source_id or article.id,
            evidence=row.evidence,
            certainty=shown.certainty,
            outlet=article.outlet,
            published=article.published,
            url=article.url,
        )
        found.append(
            ReviewedEvent(
                id=row.id,
                key=row.key,
                article_id=article.id,
                person_id=row.person_id,
                origin=row.origin,
                state=verdict.state,
                event=shown,
                machine=machine,
                source=source,
                extractor=row.extractor,
                changed_at=changed,
            )
        )
    return found


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
