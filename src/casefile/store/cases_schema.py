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
- `case_resolution`: one row: the version of the case index below (a store
  migrated from before it is indexed once, in full, on first use) and the
  day the materialised case files were last computed for.
- `case_mentions`, `case_mention_blocks`: every mention (a subject as one
  article names it, `cases.resolve.Mention`, its article's context included)
  with the person it was resolved to, and its blocking keys, so that
  resolving after a change reads only the mentions that share a key with
  what changed (`store.resolution`).
- `case_pending`: articles whose extraction is saved but whose people a
  batch has not resolved yet (`casefile ingest` resolves once per batch,
  not once per article); a killed batch leaves them for the next one.
- `case_files`: each person's case as the lists show it, materialised
  (`store.case_index`): recomputed for the people a change touches, read a
  page at a time in a stable order.
- `case_file_entries`, `case_file_search`: what the list's filters look at,
  one row per timeline entry and one text per case (`store.case_filters`);
  `case_file_dates`: each case's upcoming and passed-without-news dates
  (`store.case_dates`). Computed with the case's line, dropped with it.
- `case_file_counts`: how many lines each kind of case has, kept by the
  same writes, so a list page reads its size instead of counting.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
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
    today: Mapped[date | None]  # the day case_files were computed for


MENTION = 600  # "<article id>:<name key>"


class CaseMentionRow(Base):
    __tablename__ = "case_mentions"

    id: Mapped[str] = mapped_column(String(MENTION), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # the rest of the mention (`store.resolution.context_json`); None: not indexed since 0018
    context: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class CaseMentionBlockRow(Base):
    __tablename__ = "case_mention_blocks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[str] = mapped_column(
        ForeignKey("case_mentions.id", ondelete="CASCADE"), index=True
    )
    block: Mapped[str] = mapped_column(String(MENTION), index=True)


class CasePendingRow(Base):
    __tablename__ = "case_pending"

    article_id: Mapped[str] = mapped_column(
        String(HASH), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class CaseFileRow(Base):
    __tablename__ = "case_files"
    __table_args__ = (
        Index("ix_case_files_kind_sort_name", "kind", "sort_name", "person_id"),
        Index("ix_case_files_kind_next_date", "kind", "next_date", "person_id"),
        Index("ix_case_files_kind_last_change", "kind", "last_change", "person_id"),
        Index("ix_case_files_kind_country", "kind", "country", "person_id"),
        Index("ix_case_files_valid_from", "valid_from"),
        Index("ix_case_files_valid_until", "valid_until"),
    )

    person_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    sort_name: Mapped[str] = mapped_column(String(500))  # the name, case-folded
    next_date: Mapped[str | None] = mapped_column(String(10))
    last_change: Mapped[datetime | None]
    country: Mapped[str | None] = mapped_column(String(10))  # of the latest event with one
    valid_from: Mapped[date]  # the summary holds for any today in [valid_from, valid_until)
    valid_until: Mapped[date]
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)  # the list's line


class CaseCountryRow(Base):
    """The countries of a case's events (the list's country filter offers them)."""

    __tablename__ = "case_file_countries"
    __table_args__ = (Index("ix_case_file_countries_kind_country", "kind", "country"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("case_files.person_id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str] = mapped_column(String(10), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # the case's, so the list reads no join


class CaseEntryRow(Base):
    """One timeline entry of a case (a merged event, or a rejected report), as filters see it."""

    __tablename__ = "case_file_entries"
    __table_args__ = (
        Index("ix_case_file_entries_kind_type", "kind", "type"),
        Index("ix_case_file_entries_kind_status", "kind", "status"),
        Index("ix_case_file_entries_kind_country", "kind", "country_key"),
        Index("ix_case_file_entries_kind_review", "kind", "review"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("case_files.person_id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # the case's
    type: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20))
    unconfirmed: Mapped[bool] = mapped_column(Boolean)
    country_key: Mapped[str] = mapped_column(String(20))  # case-folded, "" for none
    review: Mapped[str] = mapped_column(String(20))  # the state of the report it is shown as
    rejected: Mapped[bool] = mapped_column(Boolean)  # a rejected report, outside the timeline
    date_low: Mapped[str | None] = mapped_column(String(10))  # the days its date covers
    date_high: Mapped[str | None] = mapped_column(String(10))


class CaseSearchRow(Base):
    """A case's searchable text: names, stage, evidence, agents, titles (plain and folded)."""

    __tablename__ = "case_file_search"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("case_files.person_id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(20), index=True)
    plain: Mapped[str] = mapped_column(Text)  # case-folded
    folded: Mapped[str] = mapped_column(Text)  # as name lookup compares (`web.search.folded`)


class CaseDateRow(Base):
    """A date on a case's agenda: upcoming, or passed with no news since (`cases.agenda`)."""

    __tablename__ = "case_file_dates"
    __table_args__ = (
        Index("ix_case_file_dates_which_date", "which", "date", "sort_name", "person_id", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("case_files.person_id", ondelete="CASCADE"), index=True
    )
    which: Mapped[str] = mapped_column(String(10))  # upcoming | overdue
    date: Mapped[str] = mapped_column(String(10))  # the merged event's ("" for none)
    person: Mapped[str] = mapped_column(String(500))  # the case's name, as listed
    sort_name: Mapped[str] = mapped_column(String(500))  # the name, case-folded
    seq: Mapped[int] = mapped_column(Integer)  # the agenda's order within the case
    item: Mapped[dict[str, Any]] = mapped_column(JSON)  # the `UpcomingEvent`


class CaseCountRow(Base):
    """How many case lines of a kind there are (a list reads it rather than counts them)."""

    __tablename__ = "case_file_counts"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    total: Mapped[int] = mapped_column(Integer)
