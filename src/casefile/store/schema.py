"""The store's tables, as typed SQLAlchemy declarative classes.

This is the schema the code expects; `migrations/versions/` is how a
database gets there. A change here needs a new migration (the contract
tests compare the migrated database against these classes).

Design points:

- `articles.id` is the content hash, so ingesting an article twice stores it once.
- `events` holds what an extractor (origin "machine") or an analyst (origin
  "analyst") read from one sentence. Its `key` is the stable event key
  (see `store.events.event_key`), which is also how `corrections` refer to an
  event: corrections are not foreign keys to event rows, so they survive a
  re-extraction that deletes and recreates every machine event.
- `people` are case subjects across articles; `person_names` every spelling seen.
- Times are stored as naive UTC (`UtcDateTime` below), the same on SQLite and PostgreSQL.

Later: users, feeds and alerts get their own tables; `corrections.who` and
`audit_log.who` are plain strings until then.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so that later migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

HASH = 64  # a sha256 hex digest


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC, read back as aware UTC.

    SQLite keeps no time zone; storing UTC everywhere makes both engines agree.
    A naive datetime given to the store is taken to be UTC already.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's documented class-level mapping
        datetime: UtcDateTime,
        date: Date,
        dict[str, Any]: JSON,
        list[dict[str, Any]]: JSON,
    }


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(HASH), primary_key=True)
    source_id: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[date | None]
    fetched_at: Mapped[datetime | None]
    ingested_at: Mapped[datetime]
    text: Mapped[str] = mapped_column(Text)
    cuts: Mapped[list[dict[str, Any]]]


class ExtractionRunRow(Base):
    __tablename__ = "extraction_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    extractor: Mapped[str] = mapped_column(String(200))
    ran_at: Mapped[datetime]
    event_count: Mapped[int]


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # person | organization | group
    created_at: Mapped[datetime]


class PersonNameRow(Base):
    __tablename__ = "person_names"
    __table_args__ = (UniqueConstraint("person_id", "form"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500), index=True)  # cases.names.name_key(form)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_article_id_origin", "article_id", "origin"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(HASH), unique=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    type: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(500))
    date: Mapped[str | None] = mapped_column(String(10), index=True)  # "2025", "2025-05", ...
    date_text: Mapped[str | None] = mapped_column(String(200))
    # None: the date (if any) is the sentence's own; "context" | "story": inferred (model.Event)
    date_from: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(10))  # ISO 3166-1 alpha-2 by contract
    agent: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    certainty: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(200))
    extractor: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(20))  # machine | analyst
    review_state: Mapped[str] = mapped_column(String(20))  # unreviewed|confirmed|rejected|edited
    created_at: Mapped[datetime]


class CorrectionRow(Base):
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_key: Mapped[str] = mapped_column(String(HASH), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(20))  # confirm | reject | edit
    changes: Mapped[dict[str, Any]]
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50), index=True)  # a case's notes: "add_note"
    object_type: Mapped[str] = mapped_column(String(50))
    object_id: Mapped[str] = mapped_column(String(200), index=True)  # an event's history
    details: Mapped[dict[str, Any]]


# Tables of later layers live in modules of their own; importing them here puts
# them on `Base.metadata` wherever the schema is used (Alembic, contract tests).
from casefile.store import (  # noqa: E402
    cases_schema,  # noqa: F401
    feeds_schema,  # noqa: F401
)
