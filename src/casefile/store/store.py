"""The store's public API: articles in, extractions in, case files out.

Every write is one transaction: a save that fails half-way leaves the store
as it was. Machine output is replaced per article on re-extraction; analyst
corrections are kept apart (keyed by stable event keys) and applied on
every read, so they survive any number of re-extractions.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from types import TracebackType
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, delete, exists, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from casefile.cases.names import name_key
from casefile.errors import NotFoundError, StoreError
from casefile.model import Article, Event, Extraction, Timeline
from casefile.store import pending, queries
from casefile.store.cases import (
    CaseFiles,
    changed,
    keep_people,
    record_extraction,
    record_first_seen,
)
from casefile.store.copies import with_copies
from casefile.store.events import (
    CorrectionError,
    event_key,
    event_keys,
    review,
    validate_changes,
)
from casefile.store.migrate import (
    URL_HINT,
    create_store_engine,
    default_url,
    migrate,
    safe_url,
)
from casefile.store.notes import CaseNotes
from casefile.store.people import best_person
from casefile.store.resolution import people_named_like
from casefile.store.results import PersonSummary
from casefile.store.review import ReviewReads
from casefile.store.schema import (
    ArticleRow,
    AuditRow,
    CorrectionRow,
    EventRow,
    ExtractionRunRow,
    PersonNameRow,
    utcnow,
)
from casefile.store.users import UserAccounts

log = logging.getLogger(__name__)

# Ids per query when asking about many articles: far below every driver's parameter limit.
_ID_BATCH = 500

EventRef = int | str  # an event's row id (as in TimelineEntry.event_id) or its stable key


class Store(ReviewReads, UserAccounts, CaseFiles, CaseNotes):
    """A casefile database: SQLite by default, PostgreSQL for a team. Use `Store.open`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating if needed) the store at `url` and migrate it to the current schema.

        `url` is any SQLAlchemy URL; None means $CASEFILE_DB, else
        sqlite:///casefile.db in the working folder.
        """
        url = url or default_url()
        engine = create_store_engine(url)
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as error:
            engine.dispose()
            raise StoreError(_open_failure(url, engine.dialect.name, error)) from error
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({safe_url(self.engine.url.render_as_string())!r})"

    # Articles and extractions

    def add_article(self, article: Article) -> bool:
        """Store an article; False if the same text is already stored (nothing changes then)."""
        try:
            with self._session.begin() as session:
                if session.get(ArticleRow, article.id) is not None:
                    return False
                session.add(queries.article_row(article))
        except IntegrityError:  # stored meanwhile by another session
            return False
        return True

    def extractors_of(self, article_ids: Sequence[str]) -> dict[str, frozenset[str]]:
        """The extractor versions that have read each of these articles (those read at all)."""
        with self._session() as session:
            return queries.extractors_of(session, article_ids)

    def has_extraction(self, article_id: str, extractor: str | None = None) -> bool:
        """Whether this extractor version (None: any) has read this article (so it can be skipped).

        An article that no extractor has read is unfinished: a run stored it
        and was interrupted before its extraction was saved.
        """
        condition = ExtractionRunRow.article_id == article_id
        if extractor is not None:
            condition &= ExtractionRunRow.extractor == extractor
        with self._session() as session:
            return bool(session.scalar(select(exists().where(condition))))

    def unextracted(self) -> list[Article]:
        """The articles no extractor has read (an interrupted run's), in the order stored."""
        read = exists().where(ExtractionRunRow.article_id == ArticleRow.id)
        query = select(ArticleRow).where(~read).order_by(ArticleRow.ingested_at, ArticleRow.id)
        with self._session() as session:
            return [queries.to_article(row) for row in session.scalars(query)]

    def save_extraction(self, extraction: Extraction) -> None:
        """Replace the article's machine events with these, in one transaction.

        Stores the article if it is new, links each subject to a person,
        records the extractor version. Analyst-made events and all
        corrections are untouched; the new events show the corrections made
        to their keys before.
        """
        self.save_extractions([extraction])

    def save_extractions(self, extractions: Sequence[Extraction], resolve: bool = True) -> None:
        """Save a batch of extractions in order, in one transaction: all of them or none.

        The store ends as if each were saved alone by `save_extraction`, but
        a batch commits once and resolves the people it touches once, which
        is what makes ingesting thousands of articles cheap. With `resolve`
        False the articles are only marked, for `resolve_pending` to resolve
        at the end of a longer batch (`pipeline.ingest`).
        """
        if not extractions:
            return
        try:
            with self._session.begin() as session:
                counts = [_save_extraction(session, extraction) for extraction in extractions]
                ids = [extraction.article.id for extraction in extractions]
                if resolve:
                    changed(session, ids)
                else:
                    pending.mark(session, ids)
        except SQLAlchemyError as error:
            labels = ", ".join(extraction.article.label for extraction in extractions[:3])
            more = f" and {len(extractions) - 3} more" if len(extractions) > 3 else ""
            raise StoreError(
                f"could not save the extraction of article {labels}{more}: {_first_line(error)}"
            ) from error
        for extraction, count in zip(extractions, counts, strict=True):
            log.info("saved %d events of article %s", count, extraction.article.label)

    def resolve_pending(self) -> int:
        """Resolve the people of every article saved with `resolve=False`; how many there were.

        One transaction per `pending.RESOLVE_CHUNK` articles.
        """
        done = 0
        while True:
            with self._session.begin() as session:
                count = pending.resolve(session)
            done += count
            if count < pending.RESOLVE_CHUNK:
                return done

    def extracted(self, article_ids: Sequence[str], extractor: str) -> set[str]:
        """Which of these articles this extractor version has already read (one query per 500)."""
        found: set[str] = set()
        with self._session() as session:
            for start in range(0, len(article_ids), _ID_BATCH):
                chunk = article_ids[start : start + _ID_BATCH]
                found.update(
                    session.scalars(
                        select(ExtractionRunRow.article_id).where(
                            ExtractionRunRow.article_id.in_(chunk),
                            ExtractionRunRow.extractor == extractor,
                        )
                    )
                )
        return found

    def add_event(self, article_id: str, event: Event, who: str) -> str:
        """Record an event an analyst read in an article; returns its key.

        Analyst events have origin "analyst" and are never replaced by
        re-extraction; who made them is in the audit log.
        """
        with self._session.begin() as session:
            if session.get(ArticleRow, article_id) is None:
                raise NotFoundError(f"no article {article_id} in the store: add the article first")
            key = event_key(article_id, event, origin="analyst")
            if session.scalar(select(exists().where(EventRow.key == key))):
                raise CorrectionError(f"event {key} is already recorded: correct it instead")
            session.add(_event_row(article_id, event, key, origin="analyst", extractor="analyst"))
            record_first_seen(session, article_id, [key])
            session.flush()
            changed(session, [article_id])
            _audit(session, who, "add_event", "event", key, event.to_json())
        return key

    def articles(self) -> list[Article]:
        """Every stored article, by publication date (undated last)."""
        with self._session() as session:
            rows = session.scalars(select(ArticleRow).order_by(ArticleRow.ingested_at))
            found = [queries.to_article(row) for row in rows]
        return sorted(found, key=lambda article: article.published or date.max)

    # People and case files

    def people(self) -> list[PersonSummary]:
        with self._session() as session:
            return queries.summaries(session)

    def find_person(self, name: str) -> PersonSummary:
        """The person a name (any spelling, any alphabet) or an id ("12") refers to."""
        with self._session() as session:
            return _person(session, name)

    def timeline(self, name_or_id: str | int) -> Timeline:
        """A person's events in date order, corrected, each with its source."""
        with self._session() as session:
            found = queries.timeline(session, _person(session, name_or_id))
            return with_copies(session, found)  # syndicated copies as extra sources

    # Analyst review

    def confirm_event(self, event: EventRef, who: str, reason: str = "") -> None:
        self._correct(event, who, "confirm", {}, reason)

    def reject_event(self, event: EventRef, who: str, reason: str = "") -> None:
        self._correct(event, who, "reject", {}, reason)

    def correct_event(
        self, event: EventRef, who: str, changes: dict[str, Any], reason: str = ""
    ) -> None:
        """Record an analyst's edit of some fields (see `store.events.EDITABLE`), and why."""
        self._correct(event, who, "edit", validate_changes(changes), reason)

    def _correct(
        self, ref: EventRef, who: str, action: str, changes: dict[str, Any], reason: str = ""
    ) -> None:
        """Write the correction and the audit entry; refresh the event's review state and person.

        The analyst's `reason` ("the court's letter gives the 26th") is kept
        in the audit entry, which the event's history shows.
        """
        if not who:
            raise CorrectionError("a correction needs the name of who made it")
        with self._session.begin() as session:
            row = _event(session, ref)
            session.add(
                CorrectionRow(
                    event_key=row.key,
                    article_id=row.article_id,
                    action=action,
                    changes=changes,
                    who=who,
                    at=utcnow(),
                )
            )
            session.flush()
            verdict = queries.reviews(session, [row.key]).get(row.key, review([]))
            row.review_state = verdict.state
            session.flush()
            changed(session, [row.article_id])  # the article's mentions read differently now
            details = {"action": action, "changes": changes, "article_id": row.article_id}
            if reason:
                details["reason"] = reason[:2000]
            _audit(session, who, f"{action}_event", "event", row.key, details)


def _save_extraction(session: Session, extraction: Extraction) -> int:
    """One article's machine events replaced by these; returns how many were saved."""
    article = extraction.article
    if session.get(ArticleRow, article.id) is None:
        session.add(queries.article_row(article))
        session.flush()
    rows = _event_rows(session, extraction)
    keep_people(session, article.id, rows)
    session.execute(
        delete(EventRow).where(EventRow.article_id == article.id, EventRow.origin == "machine")
    )
    session.add_all(rows)
    session.add(
        ExtractionRunRow(
            article_id=article.id,
            extractor=extraction.extractor,
            ran_at=utcnow(),
            event_count=len(rows),
        )
    )
    session.flush()
    record_extraction(session, extraction, [row.key for row in rows])
    return len(rows)


def _person(session: Session, ref: str | int) -> PersonSummary:
    """A person by id (an int, or digits as typed on a command line) or by any spelling."""
    if isinstance(ref, int) or ref.strip().isdigit():
        return _person_by_id(session, int(ref))
    return _person_by_name(session, ref)


def _person_by_id(session: Session, person_id: int) -> PersonSummary:
    found = queries.summaries(session, [person_id])
    if not found:
        raise NotFoundError(f"no person #{person_id} in the store: `casefile people` lists them")
    return found[0]


def _person_by_name(session: Session, name: str) -> PersonSummary:
    """The best match among the people whose names share a blocking key with `name`.

    Through the case index, not a scan; only a name that shares no key with
    anyone (a typo far off, a name the store lacks) reads every spelling,
    for the match or the hint.
    """
    forms = _forms(session, people_named_like(session, name))
    found = best_person(name, forms.items(), strict=False) if forms else None
    if found is None:
        forms = _forms(session, None)
        found = best_person(name, forms.items(), strict=False)
    if isinstance(found, int):
        return _person_by_id(session, found)
    if isinstance(found, list):
        options = ", ".join(f"{p.name} (#{p.id})" for p in queries.summaries(session, found))
        raise NotFoundError(f"{name!r} could be several people: {options}; give the id")
    raise NotFoundError(_not_found(name, [form for group in forms.values() for form in group]))


def _forms(session: Session, person_ids: set[int] | None) -> dict[int, list[str]]:
    """Each person's spellings (of these people; of everyone when None)."""
    query = select(PersonNameRow.person_id, PersonNameRow.form).order_by(PersonNameRow.id)
    parts = (
        [query]
        if person_ids is None
        else [query.where(PersonNameRow.person_id.in_(part)) for part in queries.chunks(person_ids)]
    )
    forms: dict[int, list[str]] = {}
    for part in parts:
        for person_id, form in session.execute(part):
            forms.setdefault(person_id, []).append(form)
    return forms


def _event_row(article_id: str, event: Event, key: str, origin: str, extractor: str) -> EventRow:
    return EventRow(
        key=key,
        article_id=article_id,
        type=event.type,
        subject=event.subject,
        date=event.date,
        date_text=event.date_text,
        date_from=event.date_from,
        status=event.status,
        outcome=event.outcome,
        country=event.country,
        agent=event.agent,
        evidence=event.evidence,
        span_start=event.span[0],
        span_end=event.span[1],
        certainty=event.certainty,
        rule=event.rule,
        extractor=extractor,
        origin=origin,
        review_state="unreviewed",
        created_at=utcnow(),
    )


def _event_rows(session: Session, extraction: Extraction) -> list[EventRow]:
    """New rows for an extraction's events, showing earlier corrections (people come after)."""
    article_id = extraction.article.id
    keys = event_keys(article_id, extraction.events)
    verdicts = queries.reviews(session, keys)
    rows = []
    for event, key in zip(extraction.events, keys, strict=True):
        row = _event_row(article_id, event, key, "machine", extraction.extractor)
        row.review_state = verdicts.get(key, review([])).state
        rows.append(row)
    return rows


def _event(session: Session, ref: EventRef) -> EventRow:
    column = EventRow.id if isinstance(ref, int) else EventRow.key
    row = session.scalar(select(EventRow).where(column == ref))
    if row is None:
        raise NotFoundError(f"no event {ref} in the store: it may have been re-extracted, reload")
    return row


def _audit(
    session: Session,
    who: str,
    action: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any],
) -> None:
    session.add(
        AuditRow(
            at=utcnow(),
            who=who,
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )
    )


def _not_found(name: str, forms: Sequence[str]) -> str:
    if not forms:
        return f"no person named {name!r}: the store has no people yet, extract some articles first"
    keys = {name_key(form): form for form in forms}
    closest = process.extract(name_key(name), list(keys), scorer=fuzz.WRatio, limit=3)
    hint = ", ".join(keys[key] for key, _, _ in closest)
    return f"no person named {name!r} in the store; closest: {hint}"


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


def _open_failure(url: str, dialect: str, error: BaseException) -> str:
    where = safe_url(url)
    reason = _first_line(error)
    if dialect == "sqlite":
        fix = "check that its folder exists and is writable"
    elif dialect == "postgresql":
        fix = "check that the server is running and the database exists (createdb)"
    else:
        fix = URL_HINT
    return f"cannot open store {where}: {reason}; {fix}, or {URL_HINT}"
