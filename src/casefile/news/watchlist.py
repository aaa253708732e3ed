"""The watch list and the alerts it raises, in the store.

A watch item is a person (any spelling: it follows `cases.names.same_person`),
a country (ISO 3166-1 alpha-2, as events carry it) or an event type. An
event is watched when one item matches it, as corrected by the analysts.

`check` compares every watched event with the state last seen of it
(`alert_marks`): an event never seen is "new", one whose reported fields
changed (a date corrected, a hearing postponed) is "changed"; a scheduled
event of a watched case within the window is "upcoming". Each alert has a
key, the hash of (event, reason, state), which is unique: the same event
raises the same alert once, however often `check` runs, and a second change
of the same event raises a second alert.

Watching starts from now: adding an item marks the events it already
matches as seen, so it raises alerts for what happens next, not a flood of
old news (their upcoming hearings still alert).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.cases.names import same_person
from casefile.errors import CasefileError, NotFoundError
from casefile.model import EVENT_TYPES, Event
from casefile.store import queries
from casefile.store.events import corrected, review
from casefile.store.feeds_schema import AlertMarkRow, AlertRow, WatchItemRow
from casefile.store.schema import (
    ArticleRow,
    CorrectionRow,
    EventRow,
    PersonNameRow,
    PersonRow,
    utcnow,
)

if TYPE_CHECKING:
    from casefile.store.store import Store

WATCH_KINDS = ("person", "country", "type")
REASONS = ("new", "changed", "upcoming")
STATE_FIELDS = ("type", "subject", "date", "status", "outcome", "country", "certainty")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class WatchItem:
    id: int
    kind: str
    value: str

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.value}"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class Alert:
    """Something a watched case did: which event, why it alerts, and where it was read."""

    id: int
    reason: str  # new | changed | upcoming
    person: str
    person_id: int | None
    event: Event
    event_key: str
    matched: tuple[str, ...]  # the watch items that matched, "person:Movlayev"
    article_id: str
    outlet: str | None
    url: str | None
    created_at: datetime
    read: bool = False
    delivered: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reason": self.reason,
            "person": self.person,
            "person_id": self.person_id,
            "event": self.event.to_json(),
            "event_key": self.event_key,
            "matched": list(self.matched),
            "article_id": self.article_id,
            "outlet": self.outlet,
            "url": self.url,
            "created_at": self.created_at.isoformat(),
            "read": self.read,
        }


@dataclass(frozen=True)
class _Hit:
    row: EventRow
    article: ArticleRow
    event: Event
    person: str
    matched: tuple[str, ...]


def _session(store: Store) -> Session:
    return Session(store.engine, expire_on_commit=False)


def normalize_watch(kind: str, value: str) -> tuple[str, str]:
    """A watch item as stored: checked, countries upper case, types lower case."""
    value = value.strip()
    if kind not in WATCH_KINDS:
        raise CasefileError(f"unknown watch kind {kind!r}: use {', '.join(WATCH_KINDS)}")
    if not value:
        raise CasefileError(f"an empty {kind} cannot be watched")
    if kind == "country":
        value = value.upper()
        if not _COUNTRY.match(value):
            raise CasefileError(f"--country takes a two-letter ISO code such as KZ, not {value!r}")
    if kind == "type":
        value = value.lower().replace(" ", "_")
        if value not in EVENT_TYPES:
            raise CasefileError(f"unknown event type {value!r}: one of {', '.join(EVENT_TYPES)}")
    return kind, value


def add_watch(store: Store, kind: str, value: str) -> WatchItem:
    """Watch a person, country or event type from now on (see the module's note on baselines)."""
    kind, value = normalize_watch(kind, value)
    try:
        with _session(store) as db, db.begin():
            row = WatchItemRow(kind=kind, value=value, added_at=utcnow())
            db.add(row)
            db.flush()
            item = WatchItem(row.id, kind, value)
            hits = _watched(db, [item])
            known = _marks(db, [hit.row.key for hit in hits])
            for hit in hits:
                if hit.row.key not in known:
                    db.add(
                        AlertMarkRow(
                            event_key=hit.row.key, state=_state(hit.event), seen_at=utcnow()
                        )
                    )
    except IntegrityError:
        raise CasefileError(f"already watching {kind} {value}") from None
    return item


def watch_items(store: Store) -> list[WatchItem]:
    with _session(store) as db:
        return _items(db)


def _items(db: Session) -> list[WatchItem]:
    rows = db.scalars(select(WatchItemRow).order_by(WatchItemRow.id))
    return [WatchItem(row.id, row.kind, row.value) for row in rows]


def remove_watch(store: Store, item_id: int) -> WatchItem:
    with _session(store) as db, db.begin():
        row = db.get(WatchItemRow, item_id)
        if row is None:
            raise NotFoundError(f"no watch item #{item_id}: `casefile watchlist list` shows them")
        item = WatchItem(row.id, row.kind, row.value)
        db.delete(row)
    return item


def check(store: Store, today: date, days: int = 14) -> list[Alert]:
    """Raise the alerts of what changed in watched cases since the last check; the new ones."""
    upcoming = {item.event_id for item in store.upcoming(today, days) if item.event_id is not None}
    created: list[AlertRow] = []
    with _session(store) as db, db.begin():
        items = _items(db)
        if not items:
            return []
        hits = _watched(db, items)
        marks = _marks(db, [hit.row.key for hit in hits])
        candidates: list[tuple[_Hit, str, str]] = []
        for hit in hits:
            state = _state(hit.event)
            old = marks.get(hit.row.key)
            if old != state:
                candidates.append((hit, "new" if old is None else "changed", state))
                _set_mark(db, hit.row.key, state, exists=old is not None)
            if hit.row.id in upcoming:
                candidates.append((hit, "upcoming", hit.event.date or ""))
        keys = {_alert_key(hit.row.key, reason, state) for hit, reason, state in candidates}
        existing = set(db.scalars(select(AlertRow.key).where(AlertRow.key.in_(keys))))
        for hit, reason, state in candidates:
            key = _alert_key(hit.row.key, reason, state)
            if key in existing:
                continue
            existing.add(key)
            row = _alert_row(hit, reason, key)
            db.add(row)
            created.append(row)
        db.flush()
        return [_alert(row) for row in created]


def alerts(store: Store, unread: bool = False, limit: int | None = None) -> list[Alert]:
    """Stored alerts, newest first."""
    query = select(AlertRow).order_by(AlertRow.created_at.desc(), AlertRow.id.desc())
    if unread:
        query = query.where(AlertRow.read_at.is_(None))
    if limit:
        query = query.limit(limit)
    with _session(store) as db:
        return [_alert(row) for row in db.scalars(query)]


def mark_read(store: Store, ids: Iterable[int]) -> None:
    with _session(store) as db, db.begin():
        db.execute(
            update(AlertRow)
            .where(AlertRow.id.in_(list(ids)), AlertRow.read_at.is_(None))
            .values(read_at=utcnow())
        )


def undelivered(store: Store) -> list[Alert]:
    """Alerts not yet sent anywhere, oldest first."""
    query = select(AlertRow).where(AlertRow.delivered_at.is_(None)).order_by(AlertRow.id)
    with _session(store) as db:
        return [_alert(row) for row in db.scalars(query)]


def record_delivery(store: Store, ids: Sequence[int], error: str | None) -> None:
    """Sent (error None) or not: a failed delivery is tried again by the next one."""
    values: dict[str, Any] = {"delivery_error": error}
    if error is None:
        values["delivered_at"] = utcnow()
    with _session(store) as db, db.begin():
        db.execute(update(AlertRow).where(AlertRow.id.in_(list(ids))).values(**values))


# Matching


def _watched(db: Session, items: Sequence[WatchItem]) -> list[_Hit]:
    """Every event (corrected, not rejected) that one of the items matches."""
    people = _watched_people(db, [item for item in items if item.kind == "person"])
    countries = {item.value: item.label for item in items if item.kind == "country"}
    types = {item.value: item.label for item in items if item.kind == "type"}
    if not (people or countries or types):
        return []
    edited = select(CorrectionRow.event_key).where(CorrectionRow.action == "edit")
    condition = or_(
        EventRow.person_id.in_(list(people)),
        EventRow.country.in_(list(countries)),
        EventRow.type.in_(list(types)),
        EventRow.key.in_(edited),
    )
    rows = list(
        db.execute(
            select(EventRow, ArticleRow, PersonRow.name)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .outerjoin(PersonRow, PersonRow.id == EventRow.person_id)
            .where(condition)
            .order_by(EventRow.id)
        )
    )
    verdicts = queries.reviews(db, [event.key for event, _, _ in rows])
    hits = []
    for event, article, person in rows:
        verdict = verdicts.get(event.key, review([]))
        if verdict.rejected:
            continue
        shown = corrected(queries.to_event(event), verdict.changes)
        matched = [
            *people.get(event.person_id or -1, []),
            *([countries[shown.country]] if shown.country in countries else []),
            *([types[shown.type]] if shown.type in types else []),
        ]
        if matched:
            hits.append(_Hit(event, article, shown, person or shown.subject, tuple(matched)))
    return hits


def _watched_people(db: Session, items: Sequence[WatchItem]) -> dict[int, list[str]]:
    """Person id -> labels of the person items any of whose spellings names that person."""
    if not items:
        return {}
    found: dict[int, list[str]] = {}
    forms: dict[int, list[str]] = {}
    for person_id, form in db.execute(select(PersonNameRow.person_id, PersonNameRow.form)):
        forms.setdefault(person_id, []).append(form)
    for person_id, spellings in forms.items():
        labels = [
            item.label for item in items if any(same_person(item.value, form) for form in spellings)
        ]
        if labels:
            found[person_id] = labels
    return found


def _state(event: Event) -> str:
    """A hash of what an alert reports about an event: a change here is a change to alert."""
    fields = {name: getattr(event, name) for name in STATE_FIELDS}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode("utf-8")).hexdigest()


def _alert_key(event_key: str, reason: str, state: str) -> str:
    return hashlib.sha256("\x1f".join((event_key, reason, state)).encode("utf-8")).hexdigest()


def _marks(db: Session, keys: list[str]) -> dict[str, str]:
    if not keys:
        return {}
    rows = db.execute(
        select(AlertMarkRow.event_key, AlertMarkRow.state).where(AlertMarkRow.event_key.in_(keys))
    )
    return {key: state for key, state in rows}


def _set_mark(db: Session, key: str, state: str, exists: bool) -> None:
    if exists:
        db.execute(
            update(AlertMarkRow)
            .where(AlertMarkRow.event_key == key)
            .values(state=state, seen_at=utcnow())
        )
    else:
        db.add(AlertMarkRow(event_key=key, state=state, seen_at=utcnow()))


def _alert_row(hit: _Hit, reason: str, key: str) -> AlertRow:
    return AlertRow(
        key=key,
        reason=reason,
        event_key=hit.row.key,
        person_id=hit.row.person_id,
        person=hit.person,
        matched=list(hit.matched),
        event=hit.event.to_json(),
        article_id=hit.article.id,
        outlet=hit.article.outlet,
        url=hit.article.url,
        created_at=utcnow(),
    )


def _alert(row: AlertRow) -> Alert:
    data = dict(row.event)
    data["span"] = tuple(data.get("span") or (0, 0))
    return Alert(
        id=row.id,
        reason=row.reason,
        person=row.person,
        person_id=row.person_id,
        event=Event(**data),
        event_key=row.event_key,
        matched=tuple(row.matched),
        article_id=row.article_id,
        outlet=row.outlet,
        url=row.url,
        created_at=row.created_at,
        read=row.read_at is not None,
        delivered=row.delivered_at is not None,
    )
