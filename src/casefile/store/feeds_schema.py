"""Tables for following the news: feeds, syndicated copies, the watch list and alerts.

Kept apart from `schema.py` (same `Base`, same metadata, so Alembic and the
contract tests see one schema); migration `0002_feeds` creates them.

- `feeds`: what `casefile watch` polls, with the validators of the last
  answer (ETag, Last-Modified) for conditional GETs, and the failure count
  that spaces out retries of a broken feed.
- `feed_entries`: entries already handled, so a poll fetches only new ones.
- `syndication`: an article that is a near-copy of an earlier one (the
  same wire story on another outlet) points at that original; its events
  are not extracted again, it is an extra source of the original's events.
- `article_bands`: MinHash LSH band keys of each article's text, the index
  that finds candidate copies without reading every stored article.
- `watch_items`: people, countries and event types the user follows.
- `alert_marks`: the last state seen of each watched event, to tell a new
  event from a changed one from an unchanged one.
- `alerts`: one row per (event, reason, state): the dedup key is unique.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casefile.store.schema import HASH, Base


class FeedRow(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime]
    checked_at: Mapped[datetime | None]
    ok_at: Mapped[datetime | None]
    next_check: Mapped[datetime | None]
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class FeedEntryRow(Base):
    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_id", "entry_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    entry_key: Mapped[str] = mapped_column(String(HASH))
    link: Mapped[str] = mapped_column(Text)
    article_id: Mapped[str | None] = mapped_column(String(HASH))  # None: nothing was read
    error: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[datetime]


class SyndicationRow(Base):
    __tablename__ = "syndication"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    original_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    similarity: Mapped[float] = mapped_column(Float)
    linked_at: Mapped[datetime]


class ArticleBandRow(Base):
    __tablename__ = "article_bands"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class ArticleShinglesRow(Base):
    """An indexed article's shingles (sorted 64-bit hashes): candidates compare without text."""

    __tablename__ = "article_shingles"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    shingles: Mapped[bytes] = mapped_column(LargeBinary)


class WatchItemRow(Base):
    __tablename__ = "watch_items"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # person | country | type
    value: Mapped[str] = mapped_column(String(500))
    added_at: Mapped[datetime]


class AlertMarkRow(Base):
    __tablename__ = "alert_marks"

    event_key: Mapped[str] = mapped_column(String(HASH), primary_key=True)
    state: Mapped[str] = mapped_column(String(HASH))  # hash of the fields an alert reports
    seen_at: Mapped[datetime]


class AlertRow(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(HASH), unique=True)  # (event, reason, state)
    reason: Mapped[str] = mapped_column(String(30))  # new_event | changed_event | hearing_soon
    event_key: Mapped[str] = mapped_column(String(HASH), index=True)
    person_id: Mapped[int | None] = mapped_column(Integer)
    person: Mapped[str] = mapped_column(String(500))
    matched: Mapped[list[str]] = mapped_column(JSON)
    event: Mapped[dict[str, Any]]
    article_id: Mapped[str] = mapped_column(String(HASH))
    outlet: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)
    read_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    delivery_error: Mapped[str | None] = mapped_column(Text)
