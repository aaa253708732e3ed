"""Tables of the case layer: analyst decisions about people, first-seen times, article people.

Kept apart from `schema.py` (same `Base`, same metadata, so Alembic and the
contract tests see one schema); migration `0008_cases` creates them.

- `person_decisions`: an analyst's "these are one person" (merge) or "these
  are not" (split), as lists of mention ids ("<article id>:<name key>"),
  not person ids: people are re-derived after every batch of articles, and
  mentions outlive that (see `cases.resolve`).
- `event_first_seen`: when the store first saw each event key. Re-extraction
  replaces event rows but keeps their keys, so this is what `casefile
  changes --since` compares against, not the rows' creation times.
- `article_people`: the people each extraction named (`Extraction.people`),
  events or not: the context that decides doubtful names (a lawyer named in
  two articles) and the lawyers and relatives a case file lists.
- `case_resolution`: a fingerprint of the events, corrections and decisions
  people were last resolved from, so reads know when to resolve again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from casefile.store.schema import HASH, Base


class PersonDecisionRow(Base):
    __tablename__ = "person_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(20))  # merge | split
    first: Mapped[list[str]] = mapped_column(JSON)  # mention ids
    second: Mapped[list[str]] = mapped_column(JSON)
    names: Mapped[list[str]] = mapped_column(JSON)  # the people as shown then, for the record
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]


class EventFirstSeenRow(Base):
    __tablename__ = "event_first_seen"

    key: Mapped[str] = mapped_column(String(HASH), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    first_seen: Mapped[datetime]


class ArticlePersonRow(Base):
    __tablename__ = "article_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    mentions: Mapped[list[str]] = mapped_column(JSON)


class CaseResolutionRow(Base):
    __tablename__ = "case_resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(200))
    resolved_at: Mapped[datetime]
