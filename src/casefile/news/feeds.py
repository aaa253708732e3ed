"""Feeds in the store: the list `casefile watch` polls, and what each poll learnt.

Functions taking a `Store`; each is one transaction. A feed is named by its
id or its URL wherever the user names one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.errors import CasefileError, NotFoundError
from casefile.store.feeds_schema import FeedEntryRow, FeedRow
from casefile.store.schema import utcnow

if TYPE_CHECKING:
    from casefile.store.store import Store


@dataclass(frozen=True)
class FeedInfo:
    """A followed feed and the state of its last poll."""

    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: datetime
    checked_at: datetime | None
    ok_at: datetime | None
    next_check: datetime | None
    failures: int
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "ok_at": self.ok_at.isoformat() if self.ok_at else None,
            "failures": self.failures,
            "last_error": self.last_error,
        }


@dataclass(frozen=True)
class SeenEntry:
    """A feed entry handled by a poll: the article it gave, or why it gave none."""

    key: str
    link: str
    article_id: str | None = None
    error: str | None = None


def _session(store: Store) -> Session:
    return Session(store.engine, expire_on_commit=False)


def _info(row: FeedRow) -> FeedInfo:
    return FeedInfo(
        id=row.id,
        url=row.url,
        title=row.title,
        etag=row.etag,
        last_modified=row.last_modified,
        added_at=row.added_at,
        checked_at=row.checked_at,
        ok_at=row.ok_at,
        next_check=row.next_check,
        failures=row.failures,
        last_error=row.last_error,
    )


def add_feed(store: Store, url: str) -> FeedInfo:
    """Follow a feed; a feed already followed is an error that says so."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise CasefileError(f"{url!r} is not a feed URL: give an http:// or https:// URL")
    try:
        with _session(store) as db, db.begin():
            row = FeedRow(url=url, added_at=utcnow(), failures=0)
            db.add(row)
            db.flush()
            return _info(row)
    except IntegrityError:
        raise CasefileError(f"already following {url}: `casefile feeds list` shows it") from None


def feeds(store: Store) -> list[FeedInfo]:
    with _session(store) as db:
        return [_info(row) for row in db.scalars(select(FeedRow).order_by(FeedRow.id))]


def find_feed(db: Session, ref: str | int) -> FeedRow:
    text = str(ref).strip()
    condition = FeedRow.url == text
    if text.isdigit():
        condition = or_(condition, FeedRow.id == int(text))
    row = db.scalar(select(FeedRow).where(condition))
    if row is None:
        raise NotFoundError(f"no feed {text!r}: `casefile feeds list` shows the feeds and ids")
    return row


def remove_feed(store: Store, ref: str | int) -> FeedInfo:
    """Stop following a feed (by id or URL); its articles stay in the store."""
    with _session(store) as db, db.begin():
        row = find_feed(db, ref)
        info = _info(row)
        db.delete(row)
    return info


def due_feeds(store: Store, now: datetime) -> list[FeedInfo]:
    """Feeds to poll now: never polled, or whose next check (after a backoff) has come."""
    with _session(store) as db:
        rows = db.scalars(
            select(FeedRow)
            .where(or_(FeedRow.next_check.is_(None), FeedRow.next_check <= now))
            .order_by(FeedRow.id)
        )
        return [_info(row) for row in rows]


def record_success(
    store: Store,
    feed_id: int,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    not_modified: bool = False,
) -> None:
    """A poll that reached the feed: keep its validators for the next conditional GET.

    The feed is due again at the next poll (the watch loop's interval).
    """
    with _session(store) as db, db.begin():
        row = db.get(FeedRow, feed_id)
        if row is None:  # removed while being polled
            return
        row.checked_at = row.ok_at = now
        row.next_check = None
        row.failures = 0
        row.last_error = None
        if not not_modified:
            row.etag = etag
            row.last_modified = last_modified
            row.title = title or row.title


def record_failure(
    store: Store, feed_id: int, now: datetime, error: str, next_check: datetime
) -> int:
    """A poll that failed; returns the number of failures in a row (for the backoff)."""
    with _session(store) as db, db.begin():
        row = db.get(FeedRow, feed_id)
        if row is None:
            return 0
        row.checked_at = now
        row.failures += 1
        row.last_error = error
        row.next_check = next_check
        return row.failures


def seen_keys(store: Store, feed_id: int, keys: Iterable[str]) -> set[str]:
    """Which of these entry keys earlier polls already handled."""
    wanted = list(set(keys))
    with _session(store) as db:
        return set(
            db.scalars(
                select(FeedEntryRow.entry_key).where(
                    FeedEntryRow.feed_id == feed_id, FeedEntryRow.entry_key.in_(wanted)
                )
            )
        )


def mark_seen(store: Store, feed_id: int, entries: Iterable[SeenEntry], now: datetime) -> None:
    """Record handled entries, so that the next poll does not fetch them again."""
    with _session(store) as db, db.begin():
        if db.get(FeedRow, feed_id) is None:
            return
        known = set(
            db.scalars(select(FeedEntryRow.entry_key).where(FeedEntryRow.feed_id == feed_id))
        )
        for entry in entries:
            if entry.key in known:
                continue
            known.add(entry.key)
            db.add(
                FeedEntryRow(
                    feed_id=feed_id,
                    entry_key=entry.key,
                    link=entry.link,
                    article_id=entry.article_id,
                    error=entry.error,
                    seen_at=now,
                )
            )
