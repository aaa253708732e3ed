"""Stable event keys, and an analyst's corrections applied over machine events.

Machine events are replaced wholesale whenever an article is re-extracted,
so nothing an analyst says about an event may point at its row. It points at
the event's key instead: a hash of where the event was read (article, span),
what it is (type) and whose it is (the subject's surname), which a newer
extractor reading the same sentence gives again. STYLE.md names (article,
span, type); the surname is added because one sentence often holds the same
event for two people ("police detained Tagirov and Saidova"). Events that
still collide (a hearing postponed from one date to another in one sentence)
are numbered in a deterministic order.

Corrections are applied when reading, never written into the machine row,
so the machine's reading stays available for audit and re-extraction.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from casefile.cases.names import name_key, name_tokens
from casefile.errors import CasefileError
from casefile.model import CERTAINTIES, EVENT_TYPES, STATUSES, Event

EDITABLE: tuple[str, ...] = (
    "type",
    "subject",
    "date",
    "date_text",
    "status",
    "outcome",
    "country",
    "agent",
    "certainty",
)
ACTIONS: tuple[str, ...] = ("confirm", "reject", "edit")
_STATE_AFTER = {"confirm": "confirmed", "reject": "rejected", "edit": "edited"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class CorrectionError(CasefileError):
    """A correction that cannot be applied: an unknown field or an invalid value."""


def event_key(article_id: str, event: Event, ordinal: int = 0, origin: str = "machine") -> str:
    """The stable key of an event: same article, sentence, type and surname -> same key."""
    surname = (name_tokens(event.subject) or [""])[-1]
    parts = [article_id, str(event.span[0]), str(event.span[1]), event.type, surname]
    if ordinal:
        parts.append(str(ordinal))
    if origin != "machine":
        parts.append(origin)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def event_keys(article_id: str, events: Sequence[Event]) -> list[str]:
    """Keys for all events of one extraction, in order, numbering those that collide."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        groups[event_key(article_id, event)].append(index)
    keys = [""] * len(events)
    for base, indexes in groups.items():
        ordered = sorted(indexes, key=lambda i: _collision_order(events[i]))
        for ordinal, index in enumerate(ordered):
            keys[index] = base if ordinal == 0 else event_key(article_id, events[index], ordinal)
    return keys


def _collision_order(event: Event) -> tuple[str, ...]:
    return (event.date or "", event.status, name_key(event.subject), event.outcome or "")


def validate_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check an analyst's edit before it is stored: known fields, valid values."""
    if not changes:
        raise CorrectionError("an edit needs at least one changed field")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise CorrectionError(
            f"cannot edit {', '.join(unknown)}: editable are {', '.join(EDITABLE)}"
        )
    allowed = {"type": EVENT_TYPES, "status": STATUSES, "certainty": CERTAINTIES}
    for field, values in allowed.items():
        if field in changes and changes[field] not in values:
            raise CorrectionError(f"{field} {changes[field]!r} is not one of {', '.join(values)}")
    if changes.get("subject") is not None and not name_tokens(changes["subject"]):
        raise CorrectionError("subject must be a name")
    if "subject" in changes and changes["subject"] is None:
        raise CorrectionError("subject must be a name")
    date = changes.get("date")
    if date is not None and not valid_date(date):
        raise CorrectionError(
            f"date {date!r} is not a date of the calendar: give YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return dict(changes)


def valid_date(value: str) -> bool:
    """Whether `value` is YYYY, YYYY-MM or YYYY-MM-DD and names a real year, month or day.

    The pattern alone lets 2026-02-30 through, and a date like that breaks
    every comparison of dates made later (lists, filters, the case layer).
    """
    if not _DATE.match(value):
        return False
    year, month, day = (int(part) for part in (value + "-01-01")[:10].split("-"))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclasses.dataclass(frozen=True)
class Review:
    """The outcome of all corrections of one event, oldest first."""

    state: str = "unreviewed"  # unreviewed | confirmed | rejected | edited
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def rejected(self) -> bool:
        return self.state == "rejected"


def review(corrections: Iterable[tuple[str, dict[str, Any]]]) -> Review:
    """Fold (action, changes) pairs, oldest first: edits accumulate, the last action sets the state.

    An edit after a rejection brings the event back: the analyst has said what it should be.
    """
    state, changes = "unreviewed", {}
    for action, change in corrections:
        state = _STATE_AFTER[action]
        if action == "edit":
            changes.update(change)
    return Review(state, changes)


def corrected(event: Event, changes: dict[str, Any]) -> Event:
    """The event as the analyst says it is.

    A date the analyst gives is theirs, not one inferred from the scene or the
    story, so an edited date drops the machine's `date_from`.
    """
    if changes.get("date") is not None and not valid_date(changes["date"]):
        # stored before dates were checked: never let it break a list; the machine's date stands
        changes = {name: value for name, value in changes.items() if name != "date"}
    if not changes:
        return event
    if "date" in changes:
        changes = {"date_from": None, **changes}
    return dataclasses.replace(event, **changes)
