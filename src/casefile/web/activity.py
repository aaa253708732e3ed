"""The review activity of the changes page: who did what to which event or case, in words.

An audit entry names its object by a stable key (an event's key, the names
of a merge or split). Here each entry becomes a line an analyst can act on:
the verb, the event as it reads now ("arrest of Timur Saidov, 2026-02-12"),
the fields a correction changed and the reason given, with links to the
event and its case when they still exist.
"""

from __future__ import annotations

from typing import Any

from casefile.errors import NotFoundError
from casefile.store import Store
from casefile.store.review import AuditEntry

VERBS = {
    "confirm_event": "confirmed",
    "reject_event": "rejected",
    "edit_event": "corrected",
    "add_event": "added",
    "merge_people": "merged",
    "split_people": "split",
    "add_note": "noted on",
}


def activity_lines(store: Store, entries: list[AuditEntry]) -> list[dict[str, Any]]:
    """The audit entries as lines: verb, what, changes, reason, and links (None when gone)."""
    keys = [entry.object_id for entry in entries if entry.object_type == "event"]
    events = store.events_with_keys(keys)
    lines = []
    for entry in entries:
        line: dict[str, Any] = {
            **entry.to_json(),
            "verb": VERBS.get(entry.action, entry.action.replace("_", " ")),
            "what": entry.object_id,
            "event_id": None,
            "person_id": None,
            "changes": _changes(entry.details),
            "reason": entry.details.get("reason") or "",
        }
        item = events.get(entry.object_id) if entry.object_type == "event" else None
        if item is not None:
            event = item.event
            line["what"] = f"{event.type.replace('_', ' ')} of {event.subject}" + (
                f", {event.date}" if event.date else ""
            )
            line["event_id"] = item.id
            line["person_id"] = item.person_id
        elif entry.object_type == "event":
            line["what"] = f"an event no longer in the store ({entry.object_id[:12]})"
        elif entry.object_type == "person":
            names = [str(name) for name in entry.details.get("names", [])]
            line["what"] = (
                " and ".join(names[:2])
                if entry.action == "merge_people"
                else (f"{names[0]} ({', '.join(names[1:])})" if names else entry.object_id)
            )
            line["person_id"] = _person_id(store, names[0]) if names else None
        elif entry.object_type == "case":
            line["what"] = str(entry.details.get("name", "a case"))
            line["person_id"] = int(entry.object_id) if entry.object_id.isdigit() else None
        lines.append(line)
    return lines


def _changes(details: dict[str, Any]) -> list[str]:
    changes = details.get("changes") or {}
    return [
        f"{field.replace('_', ' ')} → {value if value is not None else 'none'}"
        for field, value in changes.items()
    ]


def _person_id(store: Store, name: str) -> int | None:
    try:
        return store.find_person(name).id
    except NotFoundError:
        return None
